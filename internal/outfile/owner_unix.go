//go:build unix

package outfile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// mayFollow refuses to follow the link at path, whose Lstat is st, when it
// is in a sticky directory that others can write and owned by neither the
// effective user nor the directory's owner: Linux's fs.protected_symlinks
// rule, which this package must apply itself since it follows links with
// Readlink rather than open.
func mayFollow(path string, st fs.FileInfo) error {
	dir := filepath.Dir(path)
	dst, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if dst.Mode()&fs.ModeSticky == 0 || dst.Mode().Perm()&0o002 == 0 {
		return nil
	}
	link, ok1 := st.Sys().(*syscall.Stat_t)
	d, ok2 := dst.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 {
		return nil
	}
	if euid := uint32(os.Geteuid()); link.Uid == euid || link.Uid == d.Uid {
		return nil
	}
	return fmt.Errorf("it is a symbolic link owned by another user (uid %d) in %s, which anyone can write: not followed; remove it or name the file it leads to", link.Uid, dir)
}

// keepOwner gives f, the file that will replace one whose Stat is st, that
// file's owner and group. Only root can give a file away, and a root that
// replaces a user's file should not take it from them; for anyone else the
// new file is theirs, as any file they create.
func keepOwner(f *os.File, st fs.FileInfo) error {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok || os.Geteuid() != 0 {
		return nil
	}
	return f.Chown(int(s.Uid), int(s.Gid))
}
