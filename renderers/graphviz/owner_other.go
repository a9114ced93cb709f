//go:build !unix

package graphviz

import "runtime"

// diskCacheAllowed: only on Windows, where the user's cache directory is
// private by its access lists; not on systems with neither owners nor lists.
const diskCacheAllowed = runtime.GOOS == "windows"
