package arguments

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/diagnostic"
)

// includeRoot is the directory that the files of a map must lie in.
type includeRoot struct {
	name     string // as the user gave it, for diagnostics
	abs      string // absolute, cleaned: where paths as written must lead
	resolved string // abs with every symlink resolved: where files must be
}

// newIncludeRoot returns the include root called dir.
func newIncludeRoot(dir string) *includeRoot {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = filepath.Clean(dir)
	}
	r := &includeRoot{name: dir, abs: abs, resolved: abs}
	if res, err := filepath.EvalSymlinks(abs); err == nil {
		r.resolved = res
	}
	return r
}

// rootFor returns the include root of a map whose root file is name, or of
// the maps found below the directory name.
func (l *Loader) rootFor(name string, isDir bool) *includeRoot {
	newRoot := newIncludeRoot
	if l.FS != nil {
		newRoot = fsRoot
	}
	if l.IncludeRoot != "" {
		if l.root == nil {
			l.root = newRoot(l.IncludeRoot)
		}
		return l.root
	}
	if l.FS != nil {
		return fsRoot(path.Dir(name))
	}
	if isDir {
		return newIncludeRoot(name)
	}
	return newIncludeRoot(filepath.Dir(name))
}

// contains reports whether path, both as written and with its symlinks
// resolved, lies inside the root. The path as written is checked first, so
// that nothing outside the root is even looked at on its account.
func (l *Loader) contains(r *includeRoot, path string) bool {
	if l.FS != nil {
		return fsContains(r, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil || !within(r.abs, abs) {
		return false
	}
	return within(r.resolved, l.resolve(abs))
}

// resolve is resolve(abs), once per path for the loader: a map that
// names one file 100,000 times resolves it once.
func (l *Loader) resolve(abs string) string {
	if res, ok := l.resolved[abs]; ok {
		return res
	}
	if l.resolved == nil {
		l.resolved = make(map[string]string)
	}
	res := resolve(abs)
	l.resolved[abs] = res
	return res
}

// within reports whether path is dir or lies below it; both are absolute
// and clean.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve returns the absolute, clean path abs with its symlinks resolved,
// as far as they exist: the part of a path that does not exist is joined
// to what its existing parent resolves to.
func resolve(abs string) string {
	if res, err := filepath.EvalSymlinks(abs); err == nil {
		return res
	}
	dir, base := filepath.Split(abs)
	dir = filepath.Clean(dir)
	if dir == abs || base == "" {
		return abs
	}
	return filepath.Join(resolve(dir), base)
}

// outsideRoot reports a file that the map may not read: an include (at
// the include string) or a symlink found below a checked directory.
func outsideRoot(at diagnostic.Range, name string, root *includeRoot, symlink bool) diagnostic.Diagnostic {
	what := "included file"
	if symlink {
		what = "symlink"
	}
	detail := fmt.Sprintf("argmap reads only files inside the include root %s, so that a map cannot read other files of the machine. "+
		"Move the file inside it, or name a wider root with --include-root DIR.", root.name)
	return NewDiagnostic("outside-root", at, detail, "%s %s leads outside the include root %s; it was not read", what, name, root.name)
}
