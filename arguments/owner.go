package arguments

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/argmap/argmap/diagnostic"
)

// A file named for checking is often not a map of its own but a part of
// one: argmap check $(git diff --name-only -- '*.toml') names the files a
// change touched. Checked alone, a part reports every argument it refers
// to in the rest of the map as unknown. So the loader looks for the map the
// file belongs to and checks that map instead.
//
// Under the default include root, every file of a map lies in the
// directory of the map's root file or below it, so the root file of any
// map that includes a file lies in the file's directory or in one above
// it. The loader looks at the *.toml files directly in those directories,
// from the file's own upwards, up to and including the include root when
// --include-root names one, or else the top of the Git repository that
// holds the file (the nearest directory with a .git entry), or else the
// file's own directory only: a map outside the repository is not the
// file's, and a search must not wander through a home directory. Each
// directory is listed once and each file read once per loader, so the cost
// is bounded by the *.toml files directly in those directories and what
// they include. With a wider --include-root, a root file in a directory
// beside the file's (not above it) is not found: name it, or its directory.

// withOwners returns the run with, after each file that no other file of
// the run includes, the root files of the maps that include it. A path
// named that does not exist stays in the run only if a map includes it,
// and is otherwise reported in diags, which it returns.
func (l *Loader) withOwners(files []runFile, diags diagnostic.Diagnostics) ([]runFile, diagnostic.Diagnostics) {
	inRun := map[string]bool{}
	reached := map[string]bool{}
	var dirs []string // the directories named, absolute, for exclusion
	for i := range files {
		f := &files[i]
		f.lf = l.read(f.name)
		inRun[f.lf.key] = true
		for key := range l.reach(f.lf, f.root) {
			if key != f.lf.key {
				reached[key] = true
			}
		}
		if f.dir != "" && !slices.Contains(dirs, absPath(f.dir)) {
			dirs = append(dirs, absPath(f.dir))
		}
	}
	var out []runFile
	for _, f := range files {
		out = append(out, f)
		// A file that cannot be read is reported as such, not through
		// the include of a map that names it.
		if f.missing {
			owners := l.owners(f, dirs)
			if len(owners) == 0 && !reached[f.lf.key] {
				out = out[:len(out)-1]
				diags = append(diags, readError(diagnostic.FileRange(f.name), f.name, f.lf.readErr))
			}
			for _, o := range owners {
				if !inRun[o.lf.key] {
					inRun[o.lf.key] = true
					out = append(out, o)
				}
			}
			continue
		}
		if reached[f.lf.key] || f.lf.readErr != nil {
			continue
		}
		for _, o := range l.owners(f, dirs) {
			if !inRun[o.lf.key] {
				inRun[o.lf.key] = true
				out = append(out, o)
			}
		}
	}
	return out, diags
}

// owners returns the root files of the maps that include f, found in
// f's directory and those above it (see ancestors): the files there whose
// includes reach f, less those that another of them includes.
func (l *Loader) owners(f runFile, dirs []string) []runFile {
	var cands []runFile
	for _, d := range l.ancestors(f.name) {
		for _, c := range l.candidates(d) {
			if c.lf == f.lf || l.ownerExcluded(c.name, c.abs, dirs) {
				continue
			}
			if l.reach(c.lf, c.root)[f.lf.key] {
				cands = append(cands, runFile{name: c.name, root: c.root, lf: c.lf, owns: f.name})
			}
		}
	}
	var out []runFile
	for i, c := range cands {
		covered := false
		for j, o := range cands {
			if i != j && l.reach(o.lf, o.root)[c.lf.key] && !l.reach(c.lf, c.root)[o.lf.key] {
				covered = true // o includes c: o's map is the whole one
				break
			}
		}
		if !covered {
			out = append(out, c)
		}
	}
	return out
}

// candidate is a file that may be the root file of a map that includes a
// file of the run.
type candidate struct {
	name, abs string
	root      *includeRoot
	lf        *loaded
}

// candidates returns the *.toml files directly in dir that include other
// files, reading each directory and file once per loader.
func (l *Loader) candidates(dir string) []candidate {
	if cs, ok := l.cands[dir]; ok {
		return cs
	}
	var cs []candidate
	for _, base := range l.tomlNames(dir) {
		name := filepath.Join(dir, base)
		if !l.mayInclude(name) {
			continue
		}
		lf := l.read(name)
		if lf.readErr != nil || len(lf.file.Includes) == 0 {
			continue
		}
		cs = append(cs, candidate{name: name, abs: absPath(name), root: l.rootFor(name, false), lf: lf})
	}
	if l.cands == nil {
		l.cands = map[string][]candidate{}
	}
	l.cands[dir] = cs
	return cs
}

// mayInclude reports whether the file called name may include others: it
// has been read already, or the keys of its root table, which TOML puts
// before the first table header, have the word "include" in them. A
// directory may hold large maps beside the file checked (generated ones,
// say), and parsing each of them to learn that it includes nothing would
// cost a check of one small file seconds; reading up to its first table
// header costs microseconds. (Not seen: a key spelt with escapes,
// "\u0069nclude", or written after a multi-line string with a line that
// starts with "[": no one writes those.)
func (l *Loader) mayInclude(name string) bool {
	if l.byName[name] != nil {
		return true
	}
	var head []byte
	var err error
	if l.ReadFile != nil {
		var data []byte
		if data, err = l.ReadFile(name); err == nil {
			head = data[:rootKeysEnd(bufio.NewReader(bytes.NewReader(data)))]
		}
	} else {
		head, err = readRootKeys(name)
	}
	return err == nil && bytes.Contains(head, []byte("include"))
}

// readRootKeys reads the file called name, a regular file, up to its first
// table header.
func readRootKeys(name string) ([]byte, error) {
	f, _, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var head bytes.Buffer
	r := bufio.NewReader(io.TeeReader(io.LimitReader(f, MaxFileSize), &head))
	n := rootKeysEnd(r)
	return head.Bytes()[:n], nil
}

// rootKeysEnd reads r line by line and returns the offset of the first
// line that starts, after blanks, with "[": a table header. It reads no
// further than the end of that line's first buffer.
func rootKeysEnd(r *bufio.Reader) int {
	offset := 0
	lineStart := true
	for {
		line, err := r.ReadSlice('\n')
		if lineStart {
			if t := bytes.TrimLeft(line, " \t"); len(t) > 0 && t[0] == '[' {
				return offset
			}
		}
		offset += len(line)
		// A line longer than the buffer comes in pieces: only its first
		// piece starts a line.
		lineStart = err != bufio.ErrBufferFull
		if err != nil && err != bufio.ErrBufferFull {
			return offset
		}
	}
}

// ownerExcluded reports whether the loader excludes name (absolute: abs),
// a possible root file: by its path relative to a directory named, when it
// lies below one, else by its path as found.
func (l *Loader) ownerExcluded(name, abs string, dirs []string) bool {
	if len(l.Exclude) == 0 {
		return false
	}
	for _, d := range dirs {
		if within(d, abs) {
			rel, err := filepath.Rel(d, abs)
			return err == nil && l.excluded(rel)
		}
	}
	return l.excluded(name)
}

// ancestors returns the directories in which the root file of a map that
// includes the file called name may lie: its own, then each one above it,
// up to the include root, or the top of its Git repository, or none (see
// above). They are named as name is: "a/b", "a", ".", "..".
func (l *Loader) ancestors(name string) []string {
	d := filepath.Dir(name)
	abs := absPath(d)
	top := abs
	if l.IncludeRoot != "" {
		top = l.rootFor(name, false).abs
	} else if t := l.gitTop(abs); t != "" {
		top = t
	}
	dirs := []string{d}
	for abs != top && within(top, abs) {
		parent := filepath.Dir(abs)
		if parent == abs {
			break
		}
		d, abs = filepath.Join(d, ".."), parent
		dirs = append(dirs, d)
	}
	return dirs
}

// gitTop returns the nearest directory at or above dir, which is absolute,
// that holds a .git entry (a directory, or the file of a worktree or a
// submodule), or "".
func (l *Loader) gitTop(dir string) string {
	if top, ok := l.tops[dir]; ok {
		return top
	}
	top := ""
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		top = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		top = l.gitTop(parent)
	}
	if l.tops == nil {
		l.tops = map[string]string{}
	}
	l.tops[dir] = top
	return top
}

// reach returns the keys of the files that lf includes, directly or not,
// inside root, once per loader for each file and root.
func (l *Loader) reach(lf *loaded, root *includeRoot) map[string]bool {
	cacheKey := lf.key + "\x00" + root.abs
	if seen, ok := l.reaches[cacheKey]; ok {
		return seen
	}
	seen := map[string]bool{}
	var walk func(lf *loaded)
	walk = func(lf *loaded) {
		for _, inc := range lf.file.Includes {
			t := l.include(lf, inc, root)
			if t != nil && !seen[t.key] {
				seen[t.key] = true
				walk(t)
			}
		}
	}
	walk(lf)
	if l.reaches == nil {
		l.reaches = map[string]map[string]bool{}
	}
	l.reaches[cacheKey] = seen
	return seen
}
