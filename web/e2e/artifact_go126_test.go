//go:build go1.26

package e2e

import "testing"

// outputDir is the directory of the test's output files: kept with
// go test -artifacts, removed after the test otherwise.
func outputDir(t *testing.T) string { return t.ArtifactDir() }
