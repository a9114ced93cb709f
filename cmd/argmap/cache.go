package main

import (
	"os"
	"path/filepath"
)

// graphvizCacheDir is where Graphviz's compiled code is kept between runs:
// in the user's own cache directory, never in a shared one. Empty (no
// cache) if the user has none.
func graphvizCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "argmap", "graphviz")
}
