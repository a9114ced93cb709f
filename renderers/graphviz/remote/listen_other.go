//go:build !unix

package remote

import (
	"errors"
	"net"
)

// Listen is not supported on this system: argmap renders in its own
// process here.
func Listen(socket string) (net.Listener, error) {
	return nil, errors.New("graphviz server: not supported on this system")
}

func private(dir string) bool { return false }
