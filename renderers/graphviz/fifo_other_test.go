//go:build !unix

package graphviz

import "testing"

// mkfifo skips: there are no named pipes in the file system here (the
// cache tests that use it run as root on Unix only anyway).
func mkfifo(t *testing.T, name string) {
	t.Helper()
	t.Skip("no named pipes here")
}
