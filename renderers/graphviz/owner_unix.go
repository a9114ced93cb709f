//go:build unix

package graphviz

import (
	"io/fs"
	"syscall"
)

// owner is the user id of the file's owner.
func owner(st fs.FileInfo) (int, bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(sys.Uid), true
}

// diskCacheAllowed is whether compiled code may be kept on disk: where the
// system tells who owns a file (so that trustCache can check it).
const diskCacheAllowed = true
