// Package ownership tells whether a directory can be trusted by the
// effective user: whether someone else could replace what is in it. argmap
// runs native code from its Graphviz cache and talks to a server through a
// socket in it, so both must lie in directories no other user can change.
package ownership

import (
	"fmt"
	"io/fs"
	"os"
)

// AncestorProblem returns what makes st, a directory above a private one,
// unsafe to rely on, or "" if nothing does. Such a directory must belong
// to the effective user or to root, and no one else may write to it unless
// it is sticky (as /tmp is), where no one may rename or remove what is not
// theirs. st comes from Lstat: a symbolic link is not a directory here; the
// caller follows links and checks their targets.
//
// The effective user, not the real one, is the one that counts: under
// sudo -E, root would otherwise trust a cache in another user's home.
func AncestorProblem(st fs.FileInfo) string {
	if !st.IsDir() {
		return "not a directory"
	}
	uid, ok := Owner(st)
	if !ok {
		return "" // no owners (Windows)
	}
	if uid != os.Geteuid() && uid != 0 {
		return fmt.Sprintf("it belongs to user %d", uid)
	}
	if st.Mode().Perm()&0o022 != 0 && st.Mode()&fs.ModeSticky == 0 {
		return fmt.Sprintf("others may write to it (mode %v)", st.Mode().Perm())
	}
	return ""
}
