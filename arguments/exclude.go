package arguments

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// An ExcludePattern is a glob that leaves files out of a check, as given to
// argmap check --exclude. It is matched against a slash-separated path:
// for a file found below a directory named for checking, its path relative
// to that directory ("vendor/x/pyproject.toml"); for a file named, the path
// as given, cleaned ("docs/site.toml", "../other/m.toml").
//
// The pattern is split at slashes and each element is matched against one
// element of the path as path.Match does (*, ?, [a-z], \ escapes), except
// that an element "**" matches any number of elements, none included. A
// pattern that matches a directory leaves out everything below it, so
// "vendor" and "vendor/**" both exclude the vendor directory. A pattern is
// anchored at the start of the path: "pyproject.toml" excludes only the
// top one; "**/pyproject.toml" excludes it at any depth. A leading "./"
// and a trailing "/" are ignored.
type ExcludePattern struct {
	text  string
	elems []string
}

// ParseExclude parses the pattern of an --exclude flag.
func ParseExclude(pattern string) (ExcludePattern, error) {
	p := strings.TrimSuffix(filepath.ToSlash(pattern), "/")
	for strings.HasPrefix(p, "./") {
		p = strings.TrimLeft(p[2:], "/")
	}
	if p == "" || p == "." {
		return ExcludePattern{}, fmt.Errorf("exclude pattern %q matches no path: use ** to exclude everything", pattern)
	}
	elems := strings.Split(p, "/")
	for _, e := range elems {
		if _, err := path.Match(e, ""); err != nil {
			return ExcludePattern{}, fmt.Errorf("exclude pattern %q: %w (escape [, ] and \\ with \\)", pattern, err)
		}
	}
	return ExcludePattern{text: pattern, elems: elems}, nil
}

// String returns the pattern as given.
func (p ExcludePattern) String() string { return p.text }

// Match reports whether the pattern excludes name, a slash-separated path,
// or a directory above it.
func (p ExcludePattern) Match(name string) bool {
	name = path.Clean(name)
	if name == "." {
		return false
	}
	return matchPrefix(p.elems, strings.Split(name, "/"))
}

// matchPrefix reports whether the pattern elements match the path elements
// or a leading part of them (a directory that holds the path).
func matchPrefix(pat, elems []string) bool {
	if len(pat) == 0 {
		return true // the pattern matched a directory above the rest
	}
	if pat[0] == "**" {
		// ** takes none, one, two, ... elements.
		for i := 0; i <= len(elems); i++ {
			if matchPrefix(pat[1:], elems[i:]) {
				return true
			}
		}
		return false
	}
	if len(elems) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], elems[0])
	return ok && matchPrefix(pat[1:], elems[1:])
}

// excluded reports whether any of the loader's patterns excludes name.
func (l *Loader) excluded(name string) bool {
	for _, p := range l.Exclude {
		if p.Match(filepath.ToSlash(name)) {
			return true
		}
	}
	return false
}
