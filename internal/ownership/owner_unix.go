//go:build unix

package ownership

import (
	"io/fs"
	"syscall"
)

// Owner returns the user id of st's owner, and false where files have no
// owners.
func Owner(st fs.FileInfo) (uid int, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(sys.Uid), true
}
