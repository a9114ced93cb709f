package arguments

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/suggest"
)

// Loader reads files and follows their includes into maps. It reads and
// parses every file once, however many maps include it. A Loader is not
// safe for concurrent use.
type Loader struct {
	// ReadFile reads a file. Nil means os.ReadFile.
	ReadFile func(name string) ([]byte, error)

	files  map[string]*loaded // by absolute path
	byName map[string]*loaded // by the name diagnostics use
}

// loaded is one file as the loader read it.
type loaded struct {
	key     string // absolute path
	file    *File
	diags   Diagnostics
	readErr error
}

// Source returns the text of a file the loader has read, by the name its
// diagnostics use, or nil.
func (l *Loader) Source(name string) *Source {
	if f := l.byName[name]; f != nil {
		return f.file.Source
	}
	return nil
}

func (l *Loader) read(name string) *loaded {
	key, err := filepath.Abs(name)
	if err != nil {
		key = filepath.Clean(name)
	}
	if f := l.files[key]; f != nil {
		return f
	}
	if l.files == nil {
		l.files = make(map[string]*loaded)
		l.byName = make(map[string]*loaded)
	}
	lf := &loaded{key: key}
	readFile := l.ReadFile
	if readFile == nil {
		readFile = readRegularFile
	}
	data, err := readFile(name)
	if err != nil {
		lf.readErr = err
		lf.file = &File{Name: name, Source: NewSource(name, nil), Broken: true}
	} else {
		lf.file, lf.diags = Parse(name, data)
	}
	l.files[key] = lf
	if l.byName[name] == nil {
		l.byName[name] = lf
	}
	return lf
}

// includePath is the name of a file included by the file called from.
func includePath(from, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(filepath.Dir(from), filepath.FromSlash(path))
}

// Load reads the map whose root file is name, with every file it includes,
// and validates it. The diagnostics are sorted.
func (l *Loader) Load(name string) (*Map, Diagnostics) {
	m, diags := l.load(name)
	diags.Sort()
	return m, diags
}

func (l *Loader) load(name string) (*Map, Diagnostics) {
	root := l.read(name)
	var diags Diagnostics
	if root.readErr != nil {
		diags = append(diags, readError(FileRange(name), name, root.readErr))
	}
	m := &Map{Root: root.file}
	visited := map[string]bool{}
	var stack []*loaded
	var visit func(lf *loaded)
	visit = func(lf *loaded) {
		visited[lf.key] = true
		stack = append(stack, lf)
		m.Files = append(m.Files, lf.file)
		diags = append(diags, lf.diags...)
		for _, inc := range lf.file.Includes {
			target := l.read(includePath(lf.file.Name, inc.Path))
			if i := slices.Index(stack, target); i >= 0 {
				diags = append(diags, includeCycle(inc, stack[i:]))
				continue
			}
			if visited[target.key] {
				continue
			}
			if target.readErr != nil {
				m.incomplete = true
				diags = append(diags, missingInclude(lf.file, inc, target))
				continue
			}
			visit(target)
		}
		stack = stack[:len(stack)-1]
	}
	visit(root)
	m.Title, m.Description = root.file.Title, root.file.Description
	diags = append(diags, validate(m)...)
	return m, diags
}

// readError reports that the file called name could not be read, at a
// place that may be in another file (the include that names it).
// errNotRegular is the error for a path that names a device, a pipe or a
// socket: reading /dev/zero or a FIFO would never end.
var errNotRegular = errors.New("not a regular file")

// readRegularFile reads a file, refusing anything but directories (which
// fail to read with a clear error) and regular files.
func readRegularFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	return os.ReadFile(name)
}

func readError(at Range, name string, err error) Diagnostic {
	var what, detail string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		what, detail = "no such file", "Check the path."
	case errors.Is(err, fs.ErrPermission):
		what, detail = "permission denied", "Check the file's permissions."
	default:
		what = err.Error()
		var perr *fs.PathError
		if errors.As(err, &perr) {
			what = perr.Err.Error()
		}
		switch {
		case strings.Contains(what, "is a directory"):
			detail = "Name a file, or check the directory with argmap check DIR."
		case errors.Is(err, errNotRegular):
			detail = "argmap reads TOML files, not devices or pipes."
		}
	}
	return NewDiagnostic("read-error", at, detail, "cannot read %s: %s", name, what)
}

func includeCycle(inc Include, cycle []*loaded) Diagnostic {
	names := make([]string, 0, len(cycle)+1)
	for _, lf := range cycle {
		names = append(names, lf.file.Name)
	}
	names = append(names, cycle[0].file.Name)
	return NewDiagnostic("include-cycle", inc.Range, "Remove one of these includes: a file of a map is included once, by one of the other files.",
		"include cycle: %s", strings.Join(names, " includes "))
}

func missingInclude(from *File, inc Include, target *loaded) Diagnostic {
	if !errors.Is(target.readErr, fs.ErrNotExist) {
		return readError(inc.Range, target.file.Name, target.readErr)
	}
	detail := fmt.Sprintf("The path is relative to the directory of %s (%s).", from.Name, filepath.Dir(from.Name))
	// Look for a similar name in the directory the path leads to, which
	// for "parts/x.toml" is not the including file's.
	if entries, err := os.ReadDir(filepath.Dir(target.file.Name)); err == nil {
		var names []string
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
				names = append(names, e.Name())
			}
		}
		written := filepath.ToSlash(inc.Path)
		if best := suggest.Closest(path.Base(written), names); best != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", path.Join(path.Dir(written), best), detail)
		}
	}
	return NewDiagnostic("missing-include", inc.Range, detail, "included file %s does not exist", target.file.Name)
}

// LoadPaths reads every map named by paths: files, or directories searched
// recursively for *.toml files (directories whose names start with a dot
// are skipped). A file that another file of the run includes is checked as
// part of that map, not again on its own. It returns the maps in the order
// of their root files and every diagnostic, sorted.
func (l *Loader) LoadPaths(paths []string) ([]*Map, Diagnostics) {
	names, diags := discover(paths)
	var maps []*Map
	for _, root := range l.roots(names) {
		m, ds := l.load(root)
		maps = append(maps, m)
		diags = append(diags, ds...)
	}
	diags.Sort()
	return maps, diags
}

// discover expands directories into the *.toml files below them.
func discover(paths []string) ([]string, Diagnostics) {
	var names []string
	var diags Diagnostics
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			diags = append(diags, readError(FileRange(p), p, err))
			continue
		}
		if !info.IsDir() {
			names = append(names, filepath.Clean(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				diags = append(diags, readError(FileRange(path), path, err))
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".toml") && d.Type().IsRegular() {
				names = append(names, path)
			}
			return nil
		})
		if err != nil {
			diags = append(diags, readError(FileRange(p), p, err))
		}
	}
	return names, diags
}

// roots picks the files of a run that are checked as maps: those that no
// other file of the run includes, directly or through other files. Files
// that only include each other in a cycle are covered by taking the first
// of them as a root.
func (l *Loader) roots(names []string) []string {
	type runFile struct {
		name string
		lf   *loaded
	}
	var run []runFile
	inRun := map[string]bool{}
	for _, n := range names {
		lf := l.read(n)
		if !inRun[lf.key] {
			inRun[lf.key] = true
			run = append(run, runFile{n, lf})
		}
	}
	// reach returns the files that lf includes, directly or not.
	reach := func(lf *loaded) map[string]bool {
		seen := map[string]bool{}
		var walk func(lf *loaded)
		walk = func(lf *loaded) {
			for _, inc := range lf.file.Includes {
				t := l.read(includePath(lf.file.Name, inc.Path))
				if !seen[t.key] {
					seen[t.key] = true
					walk(t)
				}
			}
		}
		walk(lf)
		return seen
	}
	includedBy := map[string]bool{} // run files reached from another run file
	reaches := make([]map[string]bool, len(run))
	for i, f := range run {
		reaches[i] = reach(f.lf)
		for key := range reaches[i] {
			if key != f.lf.key {
				includedBy[key] = true
			}
		}
	}
	var roots []string
	covered := map[string]bool{}
	pick := func(i int) {
		roots = append(roots, run[i].name)
		covered[run[i].lf.key] = true
		for key := range reaches[i] {
			covered[key] = true
		}
	}
	for i, f := range run {
		if !includedBy[f.lf.key] {
			pick(i)
		}
	}
	for i, f := range run {
		if !covered[f.lf.key] {
			pick(i)
		}
	}
	return roots
}
