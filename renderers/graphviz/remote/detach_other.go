//go:build !unix

package remote

import "os/exec"

func detach(cmd *exec.Cmd) {}
