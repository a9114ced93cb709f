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

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/internal/suggest"
)

// Loader reads files and follows their includes into maps. It reads and
// parses every file once, however many maps include it. A Loader is not
// safe for concurrent use.
//
// A map reads only files inside its include root: an include that leads
// outside it, as written or through symlinks, is an outside-root error and
// the file is not read. The text of a file that is not a map (not text, or
// an included file that is not an argmap file) is Hidden.
type Loader struct {
	// ReadFile reads a file. Nil means reading regular files of at most
	// MaxFileSize bytes, and no further than where they turn out not to be
	// text.
	ReadFile func(name string) ([]byte, error)

	// FS, if set, is where Load and CheckMap read files (through ReadFile,
	// if that is set too), for a map that is not on the disk, such as one
	// a browser holds. Names are then slash-separated paths of FS, used as
	// they are: no working directory makes them absolute and no symlink is
	// resolved. The include root (IncludeRoot, or the directory of the
	// root file) is a directory of FS, and an include must name a valid
	// path of FS inside it. LoadPaths and Check read the disk whatever FS
	// says.
	FS fs.FS

	// IncludeRoot is the directory every included file must lie in. Empty
	// means the directory of the map's root file, or for LoadPaths the
	// directory given (for files found below it) or the directory of the
	// file given.
	IncludeRoot string

	// Exclude leaves out of LoadPaths and Check the files and directories
	// that one of its patterns matches (see ExcludePattern).
	Exclude []ExcludePattern

	root     *includeRoot               // IncludeRoot's, once needed
	resolved map[string]string          // absolute path: the path with symlinks resolved
	files    map[string]*loaded         // by absolute path, symlinks resolved
	byName   map[string]*loaded         // by the name diagnostics use
	dirNames map[string][]string        // directory: its *.toml names, for did-you-mean and owners
	reaches  map[string]map[string]bool // root file's key: the keys of the files it includes, for owners
	cands    map[string][]candidate     // directory: its files that include others, for owners
	tops     map[string]string          // directory: the top of its Git repository, "" if none
}

// loaded is one file as the loader read it.
type loaded struct {
	key     string // absolute path, symlinks resolved
	file    *File
	diags   diagnostic.Diagnostics
	readErr error
	named   bool // named by the caller (or found below a directory named), not only included
}

// Source returns the text of a file the loader has read, by the name its
// diagnostics use, or nil.
func (l *Loader) Source(name string) *diagnostic.Source {
	if f := l.byName[name]; f != nil {
		return f.file.Source
	}
	return nil
}

func (l *Loader) read(name string) *loaded {
	// A run asks for the same names many times (finding roots and owners);
	// filepath.Abs costs a Getwd each time.
	if lf := l.byName[name]; lf != nil {
		return lf
	}
	key := l.key(name)
	if f := l.files[key]; f != nil {
		return f
	}
	if l.files == nil {
		l.files = make(map[string]*loaded)
		l.byName = make(map[string]*loaded)
	}
	lf := &loaded{key: key}
	var data []byte
	var err error
	switch {
	case l.ReadFile != nil:
		data, err = l.ReadFile(name)
	case l.FS != nil:
		data, err = readFSFile(l.FS, key)
	default:
		data, err = readRegularFile(key)
	}
	if err != nil {
		lf.readErr = err
		lf.file = &File{Name: name, Source: diagnostic.NewSource(name, nil), Broken: true}
	} else {
		lf.file, lf.diags = Parse(name, data)
	}
	l.files[key] = lf
	if l.byName[name] == nil {
		l.byName[name] = lf
	}
	return lf
}

// key returns the key of the file called name: its absolute path with
// symlinks resolved, or for a loader with an FS the clean name.
func (l *Loader) key(name string) string {
	if l.FS != nil {
		return path.Clean(name)
	}
	key, err := filepath.Abs(name)
	if err != nil {
		key = filepath.Clean(name)
	}
	// What is read is the file the root check saw, not a path whose
	// symlinks could lead elsewhere by now.
	return l.resolve(key)
}

// includePath is the name of the file that the include path p of the file
// called from names.
func (l *Loader) includePath(from, p string) string {
	if l.FS != nil {
		return fsInclude(from, p)
	}
	return includePath(from, p)
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
func (l *Loader) Load(name string) (*Map, diagnostic.Diagnostics) {
	m, diags := l.load(name, l.rootFor(name, false))
	l.hide()
	diags.Sort()
	return m, diags
}

// include returns the file that inc of lf names, or nil if it lies outside
// the include root: then it is not read.
func (l *Loader) include(lf *loaded, inc Include, root *includeRoot) *loaded {
	p := l.includePath(lf.file.Name, inc.Path)
	if !l.contains(root, p) {
		return nil
	}
	return l.read(p)
}

func (l *Loader) load(name string, inRoot *includeRoot) (*Map, diagnostic.Diagnostics) {
	root := l.read(name)
	root.named = true
	var diags diagnostic.Diagnostics
	if root.readErr != nil {
		diags = append(diags, readError(diagnostic.FileRange(name), name, root.readErr))
	}
	m := &Map{Root: root.file}
	visited := map[string]bool{}
	var stack []*loaded
	var visit func(lf *loaded)
	visit = func(lf *loaded) {
		visited[lf.key] = true
		stack = append(stack, lf)
		m.Files = append(m.Files, lf.file)
		diags = append(diags, lf.fileDiags()...)
		for _, inc := range lf.file.Includes {
			target := l.include(lf, inc, inRoot)
			if target == nil {
				m.incomplete = true
				diags = append(diags, outsideRoot(inc.Range, l.includePath(lf.file.Name, inc.Path), inRoot, false))
				continue
			}
			if i := slices.Index(stack, target); i >= 0 {
				diags = append(diags, includeCycle(inc, stack[i:]))
				continue
			}
			if visited[target.key] {
				continue
			}
			if target.readErr != nil {
				m.incomplete = true
				diags = append(diags, l.missingInclude(lf.file, inc, target))
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

// hide marks the text of every file read that is not a map as Hidden, so
// that no line of it is shown.
func (l *Loader) hide() {
	for _, lf := range l.files {
		if lf.file.Source != nil {
			notText, notMap := lf.notMap()
			lf.file.Source.Hidden = notText || (!lf.named && notMap)
		}
	}
}

// notMap reports whether lf is not text, and whether it is not an argmap
// file: not text, not TOML, or TOML with nothing of the format and
// problems. An include can name any file of the root, which need not be
// the map author's to show.
func (lf *loaded) notMap() (notText, notMap bool) {
	notTOML := false
	for _, d := range lf.diags {
		switch d.Code {
		case "not-text":
			notText = true
		case "toml-syntax", "too-deep":
			notTOML = true
		}
	}
	f := lf.file
	empty := f.Title == "" && f.Description == "" && len(f.Includes) == 0 && len(f.Arguments) == 0 &&
		len(f.Relations) == 0 && len(f.Undercuts) == 0 && len(f.Expectations) == 0
	return notText, notText || notTOML || (empty && len(lf.diags) > 0)
}

// fileDiags returns the diagnostics of lf's text. Those of a file that is
// only included and is not a map say only what rule it breaks where: the
// messages of the TOML decoder quote the text ("found \"ghp\" instead"),
// which is not the map author's to show.
func (lf *loaded) fileDiags() diagnostic.Diagnostics {
	if _, notMap := lf.notMap(); lf.named || !notMap {
		return lf.diags
	}
	ds := make(diagnostic.Diagnostics, len(lf.diags))
	for i, d := range lf.diags {
		summary := d.Code
		if rule, ok := ruleOf(d.Code); ok {
			summary = strings.TrimSuffix(rule.Summary, ".")
		}
		ds[i] = diagnostic.Diagnostic{Severity: d.Severity, Code: d.Code, Range: d.Range,
			Summary: fmt.Sprintf("included file %s is not an argmap file: %s", lf.file.Name, lcFirst(summary)),
			Detail:  "Only the place is shown: the text of a file that is not a map is not. Is this the file you meant to include?"}
	}
	return ds
}

// ruleOf returns the registered rule of code.
func ruleOf(code string) (diagnostic.Rule, bool) { return rules.Lookup(code) }

func lcFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// readError reports that the file called name could not be read, at a
// place that may be in another file (the include that names it).
func readError(at diagnostic.Range, name string, err error) diagnostic.Diagnostic {
	var what, detail string
	var large *tooLargeError
	switch {
	case errors.As(err, &large):
		what, detail = large.Error(), fmt.Sprintf("argmap reads map files of up to %s; is this the file you meant?", byteSize(MaxFileSize))
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

func includeCycle(inc Include, cycle []*loaded) diagnostic.Diagnostic {
	names := make([]string, 0, len(cycle)+1)
	for _, lf := range cycle {
		names = append(names, lf.file.Name)
	}
	names = append(names, cycle[0].file.Name)
	return NewDiagnostic("include-cycle", inc.Range, "Remove one of these includes: a file of a map is included once, by one of the other files.",
		"include cycle: %s", strings.Join(names, " includes "))
}

func (l *Loader) missingInclude(from *File, inc Include, target *loaded) diagnostic.Diagnostic {
	if !errors.Is(target.readErr, fs.ErrNotExist) {
		return readError(inc.Range, target.file.Name, target.readErr)
	}
	dir := filepath.Dir
	if l.FS != nil {
		dir = path.Dir
	}
	detail := fmt.Sprintf("The path is relative to the directory of %s (%s).", from.Name, dir(from.Name))
	// Look for a similar name in the directory the path leads to, which
	// for "parts/x.toml" is not the including file's.
	if names := l.tomlNames(dir(target.file.Name)); len(names) > 0 {
		written := filepath.ToSlash(inc.Path)
		if best := suggest.Closest(path.Base(written), names); best != "" {
			detail = fmt.Sprintf("Did you mean %q? %s", path.Join(path.Dir(written), best), detail)
		}
	}
	return NewDiagnostic("missing-include", inc.Range, detail, "included file %s does not exist", target.file.Name)
}

// tomlNames returns the names of the *.toml files in dir, reading each
// directory once per loader: a map with many missing includes must not cost
// a directory listing for each.
func (l *Loader) tomlNames(dir string) []string {
	if names, ok := l.dirNames[dir]; ok {
		return names
	}
	var names []string
	readDir := os.ReadDir
	if l.FS != nil {
		readDir = func(dir string) ([]fs.DirEntry, error) { return fs.ReadDir(l.FS, dir) }
	}
	if entries, err := readDir(dir); err == nil {
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
				names = append(names, e.Name())
			}
		}
	}
	if l.dirNames == nil {
		l.dirNames = map[string][]string{}
	}
	l.dirNames[dir] = names
	return names
}

// LoadPaths reads every map named by paths: files, or directories searched
// recursively for *.toml files (directories whose names start with a dot
// are skipped). A directory that holds no *.toml file is a no-maps error:
// a check that checked nothing must not pass. A path that is a symlink is
// followed; symlinks below a directory are followed when they lead inside
// the include root (else they are an outside-root error), and every
// directory is searched once, so symlink loops end. A file that another
// file of the run includes is checked as part of that map, not again on
// its own. It returns the maps in the order of their root files and every
// diagnostic, sorted.
func (l *Loader) LoadPaths(paths []string) ([]*Map, diagnostic.Diagnostics) {
	r := l.loadRun(paths)
	var maps []*Map
	diags := r.diags
	for _, ml := range r.maps {
		maps = append(maps, ml.m)
		diags = append(diags, ml.diags...)
	}
	diags.Sort()
	return maps, diags
}

// runFile is a file named for checking, or found below a directory named,
// or the root file of the map that one of those belongs to.
type runFile struct {
	name string
	root *includeRoot
	lf   *loaded
	dir  string // the directory named that the file was found below; "" for a file named
	// owns is set for the root file of a map found by looking for the map
	// that includes a file of the run (see owners): that file's name.
	owns string
	// missing is set for a path named that does not exist: it is checked
	// through the maps that include it, if any, else reported.
	missing bool
}

// run is what loadRun found.
type run struct {
	maps    []mapLoad
	diags   diagnostic.Diagnostics // those of no map: paths that cannot be read, directories without maps
	skipped []SkippedFile
}

// mapLoad is one map of a run, with its diagnostics, sorted.
type mapLoad struct {
	m     *Map
	diags diagnostic.Diagnostics
	root  runFile
	parts []string // files of the run, other than the root, that are in the map
}

// loadRun reads the maps of a run: the files named by paths or found below
// them, each checked as part of the map it belongs to.
func (l *Loader) loadRun(paths []string) run {
	var r run
	files, diags, skipped := l.discover(paths)
	r.diags, r.skipped = diags, skipped
	files, r.diags = l.withOwners(files, r.diags)
	for _, f := range l.roots(files) {
		m, ds := l.load(f.name, f.root)
		ds.Sort()
		ml := mapLoad{m: m, diags: ds, root: f}
		inMap := map[*File]bool{}
		for _, mf := range m.Files {
			inMap[mf] = true
		}
		for _, rf := range files {
			part := inMap[rf.lf.file] || rf.missing && l.reach(f.lf, f.root)[rf.lf.key]
			if rf.lf != f.lf && part && !slices.Contains(ml.parts, rf.lf.file.Name) {
				ml.parts = append(ml.parts, rf.lf.file.Name)
			}
		}
		r.maps = append(r.maps, ml)
	}
	l.hide()
	r.diags.Sort()
	return r
}

// discover expands directories into the *.toml files below them, leaving
// out what the loader excludes and, below directories, the TOML files that
// are plainly not maps (see notMapFile).
func (l *Loader) discover(paths []string) ([]runFile, diagnostic.Diagnostics, []SkippedFile) {
	var run []runFile
	var diags diagnostic.Diagnostics
	var skipped []SkippedFile
	for _, p := range paths {
		info, err := os.Stat(p) // follows a symlink
		// A file named may be excluded; a directory named is checked.
		if (err != nil || !info.IsDir()) && l.excluded(filepath.Clean(p)) {
			skipped = append(skipped, SkippedFile{Name: filepath.Clean(p), Reason: Excluded})
			continue
		}
		if errors.Is(err, fs.ErrNotExist) {
			// A file deleted by a change: withOwners checks the maps
			// that still include it, or reports it.
			run = append(run, runFile{name: p, root: l.rootFor(p, false), missing: true})
			continue
		}
		if err != nil {
			diags = append(diags, readError(diagnostic.FileRange(p), p, err))
			continue
		}
		if !info.IsDir() {
			name := filepath.Clean(p)
			if why := l.notMapFile(name, true); why != "" {
				skipped = append(skipped, SkippedFile{Name: name, Reason: NotMap, Why: why})
				continue
			}
			run = append(run, runFile{name: name, root: l.rootFor(p, false)})
			continue
		}
		root := l.rootFor(p, true)
		found, excluded, ds := l.walk(p, root)
		diags = append(diags, ds...)
		skipped = append(skipped, excluded...)
		var notMaps []string
		n := len(run)
		for _, name := range found {
			if why := l.notMapFile(name, false); why != "" {
				skipped = append(skipped, SkippedFile{Name: name, Reason: NotMap, Why: why})
				notMaps = append(notMaps, name)
				continue
			}
			run = append(run, runFile{name: name, root: root, dir: p})
		}
		if len(run) == n && len(ds) == 0 {
			diags = append(diags, noMaps(p, len(excluded), notMaps))
		}
	}
	return run, diags, skipped
}

// noMaps reports a directory to check in which nothing was left to check:
// a check that checked nothing must not pass.
func noMaps(dir string, excluded int, notMaps []string) diagnostic.Diagnostic {
	const search = "argmap check DIR checks the *.toml files below DIR (not in directories whose names start with a dot)"
	switch {
	case excluded == 0 && len(notMaps) == 0:
		return NewDiagnostic("no-maps", diagnostic.FileRange(dir), search+". Check the path, or name the files.",
			"no map in %s: it holds no *.toml file", dir)
	case len(notMaps) == 0:
		return NewDiagnostic("no-maps", diagnostic.FileRange(dir), "Check the --exclude patterns: they are matched against the paths relative to the directory checked.",
			"no map in %s: --exclude leaves out every *.toml file below it", dir)
	}
	return NewDiagnostic("no-maps", diagnostic.FileRange(dir),
		search+", except those that are plainly not maps (no key of argmap's format, or a known tool's file such as pyproject.toml). Name a file to check it as a map.",
		"no map in %s: its *.toml files are not argument maps (%s)", dir, listNames(notMaps, 3))
}

// listNames joins names, the first max of them, saying how many more.
func listNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

// walk returns the *.toml files below dir, in lexical order, real paths
// first: a directory reached through a symlink is searched after every
// real one, and only if it was not searched already, by its resolved path.
// It does not return, and does not search, what the loader excludes: those
// paths are returned as skipped.
func (l *Loader) walk(dir string, root *includeRoot) ([]string, []SkippedFile, diagnostic.Diagnostics) {
	var names []string
	var skipped []SkippedFile
	var diags diagnostic.Diagnostics
	// isExcluded reports whether path, below dir, is excluded, and notes it.
	isExcluded := func(path string) bool {
		rel, err := filepath.Rel(dir, path)
		if err != nil || !l.excluded(rel) {
			return false
		}
		skipped = append(skipped, SkippedFile{Name: path, Reason: Excluded})
		return true
	}
	seen := map[string]bool{l.resolve(absPath(dir)): true}
	var linked []string // symlinks to directories, searched last
	var search func(dir string)
	search = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			diags = append(diags, readError(diagnostic.FileRange(dir), dir, err))
			return
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			typ := e.Type()
			isTOML := strings.HasSuffix(e.Name(), ".toml")
			hidden := strings.HasPrefix(e.Name(), ".")
			// What would be searched or read may be excluded; hidden
			// directories are never searched anyway.
			if len(l.Exclude) > 0 && (isTOML || !hidden && (typ.IsDir() || typ&fs.ModeSymlink != 0)) && isExcluded(path) {
				continue
			}
			if typ&fs.ModeSymlink != 0 {
				info, err := os.Stat(path)
				switch {
				case err != nil:
					if isTOML {
						diags = append(diags, readError(diagnostic.FileRange(path), path, err))
					}
				case info.IsDir() && !hidden:
					linked = append(linked, path)
				case !info.IsDir() && isTOML:
					if !l.contains(root, path) {
						diags = append(diags, outsideRoot(diagnostic.FileRange(path), path, root, true))
						continue
					}
					names = append(names, path)
				}
				continue
			}
			switch {
			case typ.IsDir():
				if !hidden {
					seen[l.resolve(absPath(path))] = true
					search(path)
				}
			case isTOML:
				// A FIFO or device named *.toml is a file of the run, for
				// the reader to refuse: it is not silently left out.
				names = append(names, path)
			}
		}
	}
	search(dir)
	for len(linked) > 0 {
		path := linked[0]
		linked = linked[1:]
		if !l.contains(root, path) {
			diags = append(diags, outsideRoot(diagnostic.FileRange(path), path, root, true))
			continue
		}
		if res := l.resolve(absPath(path)); !seen[res] {
			seen[res] = true
			search(path)
		}
	}
	return names, skipped, diags
}

func absPath(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Clean(name)
	}
	return abs
}

// roots picks the files of a run that are checked as maps: those that no
// other file of the run includes, directly or through other files. Files
// that only include each other in a cycle are covered by taking the first
// of them as a root.
func (l *Loader) roots(names []runFile) []runFile {
	var run []runFile
	inRun := map[string]bool{}
	for _, f := range names {
		f.lf = l.read(f.name)
		f.lf.named = true
		if !inRun[f.lf.key] {
			inRun[f.lf.key] = true
			run = append(run, f)
		}
	}
	includedBy := map[string]bool{} // run files reached from another run file
	reaches := make([]map[string]bool, len(run))
	for i, f := range run {
		reaches[i] = l.reach(f.lf, f.root)
		for key := range reaches[i] {
			if key != f.lf.key {
				includedBy[key] = true
			}
		}
	}
	var roots []runFile
	covered := map[string]bool{}
	pick := func(i int) {
		roots = append(roots, run[i])
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
