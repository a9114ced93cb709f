package main

import (
	"os"
	"path/filepath"
)

// graphvizCacheDir is where Graphviz's compiled code is kept between runs:
// in the user's own cache directory, never in a shared one. Empty (no
// cache) if the user has none. graphviz.New uses it only if no one but the
// effective user can change it or a directory above it (it refuses, for
// root under sudo -E, the cache of the user who ran sudo).
func graphvizCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "argmap", "graphviz")
}
