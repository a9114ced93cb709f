package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/argmap/argmap/renderers/graphviz"
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

// noteUncached tells, on w (standard error), why gv keeps no compiled code
// between runs, once, when gv is started: every render then compiles
// Graphviz, which is slower, and the user can act on the reason (a cache
// directory of another user's, or one others may write to). It says
// nothing when the cache is used.
func noteUncached(w io.Writer, gv *graphviz.Engine) {
	if gv == nil {
		return
	}
	if err := gv.CacheError(); err != nil {
		fmt.Fprintf(w, "argmap: note: %v; Graphviz is compiled anew for each drawing, which is slower\n", err)
	}
}
