package graphviz

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/internal/ownership"
)

// Why the compiled-code cache is trusted only when no one else can write
// to it, and is not authenticated with a keyed hash:
//
// wazero's cache files hold native code, checked only by a CRC32 that
// anyone can recompute, and wazero opens them itself, by name, after this
// package has looked at them. A MAC of each file checked before wazero
// reads it therefore proves nothing against a user who can write to the
// directory: they swap the file between the check and wazero's open. And
// the key would have to be kept somewhere private, a place whose trust
// rests on exactly the ownership checks below. So the design is the
// ownership checks alone, made complete: the cache is used only if no
// one but the effective user (and root, who can do anything anyway) can
// change any directory on the path to it or anything in it. Then no file
// can be planted, replaced or renamed into place between the checks and
// wazero's reads, and there is nothing a MAC would add but the cost of
// hashing 40 MB of code at every start (it would double the warm start).
//
// The rules (trustCache):
//   - CacheDir and everything in it (wazero's version directory and its
//     files) must be a real directory or regular file, not a symbolic
//     link, owned by the effective user, and not writable by group or
//     others.
//   - Every directory above CacheDir is taken with its symbolic links
//     resolved (so that /home -> /usr/home or a user's own ~/.cache link
//     still work), and each directory of the resolved path must belong to
//     the effective user or root and be writable by no one else, unless
//     it is sticky (as /tmp is: there no one else may rename or remove
//     what is ours). wazero is given the resolved path, so it never
//     follows a link that was not checked.
//
// A cache that fails a rule is not used at all: Graphviz is compiled in
// memory, which is slower but as correct.

// errCacheUnsafe is wrapped by the reasons a cache is refused.
var errCacheUnsafe = errors.New("not a safe place for compiled code")

// trustCache prepares dir for wazero's compilation cache: it creates the
// missing levels (mode 0700), checks that the path to dir may be trusted
// (see above), and returns dir with the symbolic links above it resolved.
func trustCache(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	// The missing levels are made one at a time, each in a directory that
	// has been checked first.
	parent, err := trustAncestors(filepath.Dir(dir))
	if err != nil {
		return "", err
	}
	dir = filepath.Join(parent, filepath.Base(dir))
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	if err := checkOwn(dir, true); err != nil {
		return "", err
	}
	return dir, nil
}

// trustAncestors resolves dir's symbolic links, creating the levels that
// do not exist, and checks each directory of the result (see above).
func trustAncestors(dir string) (string, error) {
	if filepath.Dir(dir) == dir { // the root
		return dir, checkAncestor(dir)
	}
	parent, err := trustAncestors(filepath.Dir(dir))
	if err != nil {
		return "", err
	}
	dir = filepath.Join(parent, filepath.Base(dir))
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	// A link is followed to its end; the target's own levels are then
	// checked in turn, from the root.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	if real != dir {
		return trustAncestorsResolved(real)
	}
	return dir, checkAncestor(dir)
}

// trustAncestorsResolved checks each level of real, a path with no
// symbolic links.
func trustAncestorsResolved(real string) (string, error) {
	for p := real; ; p = filepath.Dir(p) {
		if err := checkAncestor(p); err != nil {
			return "", err
		}
		if filepath.Dir(p) == p {
			return real, nil
		}
	}
}

// checkAncestor checks a directory above the cache: it belongs to the
// effective user or root, and no one else may write to it unless it is
// sticky.
func checkAncestor(dir string) error {
	st, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if problem := ownership.AncestorProblem(st); problem != "" {
		return fmt.Errorf("%s: %w: %s", dir, errCacheUnsafe, problem)
	}
	return nil
}

// checkOwn checks a file or directory of the cache itself: it is not a
// symbolic link, it belongs to the effective user, and no one else may
// write to it.
func checkOwn(name string, wantDir bool) error {
	st, err := os.Lstat(name)
	if err != nil {
		return err
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: %w: it is a symbolic link", name, errCacheUnsafe)
	case wantDir && !st.IsDir():
		return fmt.Errorf("%s: %w: not a directory", name, errCacheUnsafe)
	case !st.IsDir() && !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w: not a regular file", name, errCacheUnsafe)
	}
	uid, ok := ownership.Owner(st)
	if !ok {
		return nil
	}
	if uid != os.Geteuid() {
		return fmt.Errorf("%s: %w: it belongs to user %d, not to %d", name, errCacheUnsafe, uid, os.Geteuid())
	}
	if st.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s: %w: others may write to it (mode %v)", name, errCacheUnsafe, st.Mode().Perm())
	}
	return nil
}

// checkContents checks everything wazero reads in dir, the cache, after
// wazero has made its version directory there and before it reads any
// file: its directories ("wazero-VERSION-ARCH-OS") and all they hold. The
// rest of dir is not read as code, and is not checked: the sockets of
// argmap's render servers and their lock files live there too.
func checkContents(dir string) error {
	return filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == dir {
			return nil
		}
		if filepath.Dir(name) == dir && !strings.HasPrefix(d.Name(), "wazero") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		return checkOwn(name, false)
	})
}
