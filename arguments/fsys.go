package arguments

import (
	"io/fs"
	"path"
	"strings"
)

// This file holds what the loader does differently when it reads from
// Loader.FS: names are slash-separated paths of the FS, taken as they are.
// An fs.FS has no working directory and no symlinks to resolve (in a
// browser, GOOS=js, there is no file system at all to ask), so a name is
// its own key and the include root is a directory of the FS.

// fsInclude is includePath for a loader with an FS: the name, in the FS,
// of the file that the include path p of the file from names. An absolute
// p is kept as written, so that contains refuses it.
func fsInclude(from, p string) string {
	if path.IsAbs(p) {
		return path.Clean(p)
	}
	return path.Join(path.Dir(from), p)
}

// fsRoot is the include root dir of a loader with an FS.
func fsRoot(dir string) *includeRoot {
	dir = path.Clean(dir)
	return &includeRoot{name: dir, abs: dir, resolved: dir}
}

// fsContains reports whether the FS path p lies inside the root r: it must
// be a valid path of the FS (no "..", not absolute) and below r's
// directory.
func fsContains(r *includeRoot, p string) bool {
	p = path.Clean(p)
	if !fs.ValidPath(p) {
		return false
	}
	return r.abs == "." || p == r.abs || strings.HasPrefix(p, r.abs+"/")
}

// readFSFile reads the file name of fsys as readRegularFile reads one of
// the disk: a regular file of at most MaxFileSize bytes, read no further
// than where it turns out not to be text.
func readFSFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(name, info); err != nil {
		return nil, err
	}
	return readText(f, info.Size())
}
