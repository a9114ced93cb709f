//go:build !go1.26

package e2e

import "testing"

// outputDir is the directory of the test's output files. Before Go 1.26 and
// its -artifacts flag, it is a temporary directory, removed after the test.
func outputDir(t *testing.T) string { return t.TempDir() }
