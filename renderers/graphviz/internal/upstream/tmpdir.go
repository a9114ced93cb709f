// Package upstream holds the tests that compare package graphviz with
// go-graphviz's own Go API, and gives them a private temporary directory.
//
// Linking go-graphviz runs its package init, which compiles Graphviz and
// keeps the compiled code in go-graphviz/ under os.TempDir(): in the shared
// /tmp, another user could have planted code there (see package graphviz).
// This package's init points the temporary directory at a new directory of
// its own first. It runs first because Go initialises packages in the order
// of their import paths among those whose imports are done (the Go spec,
// "Package initialization", since Go 1.21): this path sorts before
// github.com/goccy/go-graphviz/internal/wasm, and this package imports
// nothing that package does not import itself (os alone), so it is ready
// whenever that package is. TestPrivateTempDir checks it.
//
// The tests live here, not in package graphviz, so that only they pay for
// go-graphviz's init (half a second) and the other tests of graphviz do not
// link go-graphviz at all.
package upstream

import "os"

// dir is the private temporary directory, set once by init.
var dir string

func init() {
	d, err := os.MkdirTemp("", "argmap-upstream-")
	if err != nil {
		panic("upstream: making a private temporary directory: " + err.Error())
	}
	// os.TempDir reads TMPDIR on Unix and TMP, then TEMP, on Windows.
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		if err := os.Setenv(v, d); err != nil {
			panic("upstream: " + err.Error())
		}
	}
	dir = d
}

// Dir is the private temporary directory: os.TempDir() while the tests
// run.
func Dir() string { return dir }

// Remove removes the private temporary directory and all in it; TestMain
// calls it after the tests.
func Remove() error { return os.RemoveAll(dir) }
