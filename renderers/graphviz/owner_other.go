//go:build !unix

package graphviz

import (
	"io/fs"
	"runtime"
)

// owner is unknown here: Windows has no owner ids in fs.FileInfo, and
// its user directories are private by default.
func owner(fs.FileInfo) (int, bool) { return 0, false }

// diskCacheAllowed: only on Windows, where the user's cache directory is
// private by its access lists; not on systems with neither owners nor lists.
const diskCacheAllowed = runtime.GOOS == "windows"
