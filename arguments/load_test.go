package arguments

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeFiles creates files under dir; a name ending in "/" is a directory.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// countingLoader returns a loader that reads from disk and counts the reads
// of every file, by absolute path.
func countingLoader(t *testing.T) (*Loader, map[string]int) {
	reads := map[string]int{}
	return &Loader{ReadFile: func(name string) ([]byte, error) {
		abs, err := filepath.Abs(name)
		if err != nil {
			t.Fatal(err)
		}
		reads[abs]++
		return os.ReadFile(name)
	}}, reads
}

const (
	validMap = "[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n\n[arguments.b]\nclaim = \"B.\"\n"
	garbage  = "this is = not [TOML\n"
)

func TestLoadPaths(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		maps  []string // each map as its files, root first, joined by " "
		diags []string // as Diagnostic.Error writes them
	}{
		{
			name: "a root and its include are one map",
			files: map[string]string{
				"root.toml": "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"part.toml": "[arguments.b]\nclaim = \"B.\"\nkind = \"evidnce\"\n",
			},
			paths: []string{"."},
			maps:  []string{"root.toml part.toml"},
			diags: []string{`part.toml:3:8: warning[unknown-kind]: unknown argument kind "evidnce"`},
		},
		{
			name: "an include named before its root is not a root",
			files: map[string]string{
				"root.toml": "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"part.toml": "[arguments.b]\nclaim = \"B.\"\n",
			},
			paths: []string{"part.toml", "root.toml"},
			maps:  []string{"root.toml part.toml"},
		},
		{
			name: "two roots share an include: its diagnostics once",
			files: map[string]string{
				"r1.toml":     "include = [\"shared.toml\"]\n[arguments.r1]\nclaim = \"R1.\"\nattacks = [\"s\"]\n",
				"r2.toml":     "include = [\"shared.toml\"]\n[arguments.r2]\nclaim = \"R2.\"\nsupports = [\"s\"]\n",
				"shared.toml": "[arguments.s]\nclaim = \"S.\"\nkind = \"evidnce\"\nattacks = [\"nope\"]\n",
			},
			paths: []string{"."},
			maps:  []string{"r1.toml shared.toml", "r2.toml shared.toml"},
			diags: []string{
				`shared.toml:3:8: warning[unknown-kind]: unknown argument kind "evidnce"`,
				`shared.toml:4:12: error[unknown-argument]: no argument "nope" in this map`,
			},
		},
		{
			name: "files that only include each other are checked",
			files: map[string]string{
				"a.toml": "include = [\"b.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"b.toml": "include = [\"a.toml\"]\n[arguments.b]\nclaim = \"B.\"\nkind = \"evidnce\"\n",
			},
			paths: []string{"."},
			maps:  []string{"a.toml b.toml"},
			diags: []string{
				`b.toml:1:12: error[include-cycle]: include cycle: a.toml includes b.toml includes a.toml`,
				`b.toml:4:8: warning[unknown-kind]: unknown argument kind "evidnce"`,
			},
		},
		{
			name: "a cycle below a root is checked in the root's map",
			files: map[string]string{
				"root.toml": "include = [\"a.toml\"]\n" + validMap,
				"a.toml":    "include = [\"b.toml\"]\n",
				"b.toml":    "include = [\"a.toml\"]\n",
			},
			paths: []string{"."},
			maps:  []string{"root.toml a.toml b.toml"},
			diags: []string{`b.toml:1:12: error[include-cycle]: include cycle: a.toml includes b.toml includes a.toml`},
		},
		{
			name:  "a missing path",
			files: map[string]string{"a.toml": validMap},
			paths: []string{"nope.toml", "."},
			maps:  []string{"a.toml"},
			diags: []string{`nope.toml: error[read-error]: cannot read nope.toml: no such file`},
		},
		{
			name:  "a missing directory",
			files: map[string]string{},
			paths: []string{"nodir/"},
			diags: []string{`nodir/: error[read-error]: cannot read nodir/: no such file`},
		},
		{
			name: "hidden directories are skipped",
			files: map[string]string{
				"a.toml":             validMap,
				".git/bad.toml":      garbage,
				".hidden/sub/x.toml": garbage,
				"sub/.cache/y.toml":  garbage,
				"sub/z.toml":         validMap,
			},
			paths: []string{"."},
			maps:  []string{"a.toml", "sub/z.toml"},
		},
		{
			name:  "a hidden directory named explicitly is checked",
			files: map[string]string{".hidden/x.toml": validMap},
			paths: []string{".hidden"},
			maps:  []string{".hidden/x.toml"},
		},
		{
			name: "files not named .toml are ignored in directories",
			files: map[string]string{
				"a.toml":        validMap,
				"notes.txt":     garbage,
				"README":        garbage,
				"data.toml.bak": garbage,
			},
			paths: []string{"."},
			maps:  []string{"a.toml"},
		},
		{
			name:  "a file not named .toml is read when named",
			files: map[string]string{"map.txt": validMap, "notes.txt": garbage},
			paths: []string{"map.txt", "notes.txt"},
			maps:  []string{"map.txt", "notes.txt"},
			diags: []string{`notes.txt:1:6: error[toml-syntax]: expected '.' or '=', but got 'i' instead`},
		},
		{
			name:  "a file and its directory: checked once",
			files: map[string]string{"a.toml": validMap, "b.toml": "[arguments.x]\nclaim = \"X.\"\n"},
			paths: []string{"b.toml", ".", "./b.toml"},
			maps:  []string{"b.toml", "a.toml"},
			diags: []string{`b.toml:1:1: warning[isolated-argument]: argument "x" has no relation to any other argument`},
		},
		{
			name: "a directory named like a file is searched",
			files: map[string]string{
				"parts.toml/a.toml": validMap,
			},
			paths: []string{"."},
			maps:  []string{"parts.toml/a.toml"},
		},
		{
			name: "an included directory",
			files: map[string]string{
				"root.toml": "include = [\"sub\"]\n" + validMap,
				"sub/":      "",
			},
			paths: []string{"root.toml"},
			maps:  []string{"root.toml"},
			diags: []string{`root.toml:1:12: error[read-error]: cannot read sub: is a directory`},
		},
		{
			name: "diamond: the shared file read once, no duplicate ids",
			files: map[string]string{
				"a.toml": "include = [\"b.toml\", \"c.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"d\"]\n",
				"b.toml": "include = [\"d.toml\"]\n",
				"c.toml": "include = [\"./d.toml\"]\n",
				"d.toml": "[arguments.d]\nclaim = \"D.\"\n",
			},
			paths: []string{"a.toml"},
			maps:  []string{"a.toml b.toml d.toml c.toml"},
		},
		{
			name:  "no paths",
			paths: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			t.Chdir(dir)
			l, reads := countingLoader(t)
			maps, diags := l.LoadPaths(tt.paths)
			var gotMaps []string
			for _, m := range maps {
				var names []string
				for _, f := range m.Files {
					names = append(names, filepath.ToSlash(f.Name))
				}
				gotMaps = append(gotMaps, strings.Join(names, " "))
			}
			if !slices.Equal(gotMaps, tt.maps) {
				t.Errorf("maps %q, want %q", gotMaps, tt.maps)
			}
			var gotDiags []string
			for _, d := range diags {
				gotDiags = append(gotDiags, d.Error())
			}
			if !slices.Equal(gotDiags, tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(gotDiags, "\n"), strings.Join(tt.diags, "\n"))
			}
			for name, n := range reads {
				if n != 1 {
					t.Errorf("%s read %d times", name, n)
				}
			}
		})
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	_, diags := (&Loader{}).Load(dir)
	if len(diags) != 1 || diags[0].Code != "read-error" || !strings.Contains(diags[0].Summary, "is a directory") ||
		!strings.Contains(diags[0].Detail, "argmap check DIR") || diags[0].Range.Start.IsValid() {
		t.Errorf("Load(directory) = %v", diags)
	}
}

// TestLoadIncludeOutsideRun checks that an included file that is not in
// the run (given by an absolute path, or above the directory checked) is
// read as part of the map when the include root holds it.
func TestLoadIncludeOutsideRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"shared/defs.toml": "[arguments.d]\nclaim = \"D.\"\n",
		"maps/root.toml":   "include = [\"../shared/defs.toml\", " + quote(filepath.Join(dir, "shared", "defs.toml")) + "]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"d\"]\n",
	})
	t.Chdir(dir)
	l, reads := countingLoader(t)
	l.IncludeRoot = "."
	maps, diags := l.LoadPaths([]string{"maps"})
	if len(maps) != 1 || len(maps[0].Files) != 2 || len(maps[0].Arguments) != 2 {
		t.Fatalf("maps %+v", maps)
	}
	if len(diags) != 0 {
		t.Errorf("diagnostics %v", diags)
	}
	for name, n := range reads {
		if n != 1 {
			t.Errorf("%s read %d times", name, n)
		}
	}
}

const secret = "TOKEN=s3cr3t-do-not-print"

// TestIncludeRoot checks that a map reads no file outside its include
// root, however the include leads there, and says so at the include.
func TestIncludeRoot(t *testing.T) {
	tests := []struct {
		name    string
		include string // the include string; DIR stands for the test's directory
		links   map[string]string
		root    string // Loader.IncludeRoot
		paths   []string
		diags   []string
	}{
		{
			name:    "a relative path above the checked directory",
			include: "../secret.txt",
			paths:   []string{"maps"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file secret.txt leads outside the include root maps; it was not read"},
		},
		{
			name:    "an absolute path",
			include: "DIR/secret.txt",
			paths:   []string{"maps"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file DIR/secret.txt leads outside the include root maps; it was not read"},
		},
		{
			name:    "the root file named: its directory is the root",
			include: "../secret.txt",
			paths:   []string{"maps/root.toml"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file secret.txt leads outside the include root maps; it was not read"},
		},
		{
			name:    "a file that does not exist outside: not looked for",
			include: "../nope.toml",
			paths:   []string{"maps"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file nope.toml leads outside the include root maps; it was not read"},
		},
		{
			name:    "a symlink inside the root to a file outside",
			include: "link.toml",
			links:   map[string]string{"maps/link.toml": "../secret.txt"},
			paths:   []string{"maps/root.toml"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file maps/link.toml leads outside the include root maps; it was not read"},
		},
		{
			name:    "a symlinked directory inside the root leading outside",
			include: "sub/secret.txt",
			links:   map[string]string{"maps/sub": ".."},
			paths:   []string{"maps/root.toml"},
			diags:   []string{"maps/root.toml:1:12: error[outside-root]: included file maps/sub/secret.txt leads outside the include root maps; it was not read"},
		},
		{
			name:    "an include root that is wider",
			include: "../secret.txt",
			root:    ".",
			paths:   []string{"maps"},
			diags:   []string{"secret.txt:1:7: error[toml-syntax]: included file secret.txt is not an argmap file: the file is not valid TOML"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, err := filepath.EvalSymlinks(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			include := strings.ReplaceAll(tt.include, "DIR", dir)
			writeFiles(t, dir, map[string]string{
				"secret.txt":     secret + "\n",
				"maps/root.toml": "include = [" + quote(include) + "]\n" + validMap,
			})
			for name, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
					t.Skip(err)
				}
			}
			t.Chdir(dir)
			l, reads := countingLoader(t)
			l.IncludeRoot = tt.root
			_, diags := l.LoadPaths(tt.paths)
			var got []string
			for _, d := range diags {
				got = append(got, strings.ReplaceAll(filepath.ToSlash(d.Error()), filepath.ToSlash(dir)+"/", "DIR/"))
			}
			if !slices.Equal(got, tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.diags, "\n"))
			}
			if tt.root == "" && reads[filepath.Join(dir, "secret.txt")] > 0 {
				t.Errorf("secret.txt was read")
			}
			for _, d := range diags {
				if src := l.Source(d.Range.Filename); src != nil && strings.Contains(string(src.Line(d.Range.Start.Line)), "s3cr3t") {
					t.Errorf("%s: its line would be shown", d.Error())
				}
			}
		})
	}
}

// TestHiddenSource checks that no line of a file that is not a map is
// shown: included files that are not argmap files, and files that are not
// text; the lines of the maps named are.
func TestHiddenSource(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		path   string
		hidden []string // the files whose lines are hidden
		shown  []string
	}{
		{
			name:   "an included file that is not TOML",
			files:  map[string]string{"root.toml": "include = [\"env.txt\"]\n" + validMap, "env.txt": secret + "\n"},
			path:   "root.toml",
			hidden: []string{"env.txt"},
			shown:  []string{"root.toml"},
		},
		{
			name:   "an included file whose value the TOML decoder would quote",
			files:  map[string]string{"root.toml": "include = [\"env.txt\"]\n" + validMap, "env.txt": "TOKEN=hunter\n"},
			path:   "root.toml",
			hidden: []string{"env.txt"},
		},
		{
			name:   "an included TOML file with nothing of a map",
			files:  map[string]string{"root.toml": "include = [\"conf.toml\"]\n" + validMap, "conf.toml": "token = \"s3cr3t\"\n"},
			path:   "root.toml",
			hidden: []string{"conf.toml"},
		},
		{
			name:   "an included file that is binary",
			files:  map[string]string{"root.toml": "include = [\"bin.toml\"]\n" + validMap, "bin.toml": secret + "\n\x00\x01"},
			path:   "root.toml",
			hidden: []string{"bin.toml"},
		},
		{
			name:   "a named file that is binary",
			files:  map[string]string{"bin.toml": secret + "\x00"},
			path:   "bin.toml",
			hidden: []string{"bin.toml"},
		},
		{
			name:  "a named file with a syntax error is shown",
			files: map[string]string{"broken.toml": "[arguments.a\n"},
			path:  "broken.toml",
			shown: []string{"broken.toml"},
		},
		{
			name:  "an included map part with a syntax error is shown",
			files: map[string]string{"root.toml": "include = [\"part.toml\"]\n" + validMap, "part.toml": "[arguments.c]\nclaim = \"C.\"\nattacks = [\"a\"\n"},
			path:  "root.toml",
			shown: []string{"root.toml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			t.Chdir(dir)
			l := &Loader{}
			_, diags := l.LoadPaths([]string{tt.path})
			if len(diags) == 0 {
				t.Fatal("no diagnostics")
			}
			for _, d := range diags {
				if text := d.Error() + d.Detail; strings.Contains(text, "hunter") || strings.Contains(text, "s3cr3t") {
					t.Errorf("%s: quotes the file", text)
				}
			}
			for _, name := range tt.hidden {
				src := l.Source(name)
				if src == nil || !src.Hidden || src.Line(1) != nil {
					t.Errorf("%s: not hidden", name)
				}
			}
			for _, name := range tt.shown {
				if src := l.Source(name); src == nil || src.Hidden || src.Line(1) == nil {
					t.Errorf("%s: hidden", name)
				}
			}
		})
	}
}

// quote writes a TOML literal string.
func quote(s string) string { return "'" + s + "'" }

// sparse creates a file of size bytes that takes no room on disk.
func sparse(t *testing.T, name string, size int64) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// TestReadBounded checks that a file larger than MaxFileSize is refused
// without being read, with a diagnostic that names its size and the limit,
// whether it is named or included.
func TestReadBounded(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	sparse(t, "big.toml", 3<<30)
	sparse(t, "limit.toml", MaxFileSize+1)
	writeFiles(t, dir, map[string]string{"root.toml": "include = [\"limit.toml\"]\n" + validMap})
	want := map[string]string{
		"big.toml":  "big.toml: error[read-error]: cannot read big.toml: the file is 3 GiB (3221225472 bytes), more than the 16 MiB a map file may have",
		"root.toml": "root.toml:1:12: error[read-error]: cannot read limit.toml: the file is 16.0 MiB (16777217 bytes), more than the 16 MiB a map file may have",
	}
	for path, want := range want {
		_, diags := (&Loader{}).LoadPaths([]string{path})
		if len(diags) != 1 || diags[0].Error() != want || !strings.Contains(diags[0].Detail, "16 MiB") {
			t.Errorf("LoadPaths(%s) = %v, want %s", path, diags, want)
		}
	}
}

// TestReadStopsAtBinary checks that reading stops soon after a file turns
// out not to be text, and that the problem is still reported where it is.
func TestReadStopsAtBinary(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	sparse(t, "zeros.toml", MaxFileSize) // all NUL
	// Invalid UTF-8 at the start, then text; and one cut by a chunk
	// boundary that is valid.
	latin := append([]byte("claim = \"caf\xe9\"\n"), strings.Repeat("# padding\n", MaxFileSize/20)...)
	cut := append([]byte(strings.Repeat("#", readChunk-1)), "é\n"...)
	for _, f := range []struct {
		name string
		data []byte
	}{{"latin.toml", latin}, {"cut.toml", cut}} {
		if err := os.WriteFile(f.name, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		maxRead int
		diag    string
	}{
		{"zeros.toml", 2 * readChunk, "zeros.toml:1:1: error[not-text]: the file contains a NUL byte: it is binary, not text"},
		{"latin.toml", 2 * readChunk, "latin.toml:1:13: error[not-text]: the file is not valid UTF-8: byte 0xE9"},
		{"cut.toml", len(cut), "cut.toml:1:1: error[no-arguments]: the map has no arguments"},
	}
	for _, tt := range tests {
		data, err := readRegularFile(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > tt.maxRead {
			t.Errorf("%s: read %d bytes, want at most %d", tt.name, len(data), tt.maxRead)
		}
		_, diags := (&Loader{}).Load(tt.name)
		if len(diags) == 0 || diags[0].Error() != tt.diag {
			t.Errorf("%s: diagnostics %v, want %s", tt.name, diags, tt.diag)
		}
	}
}

// TestCheckSymlinks checks how LoadPaths follows symlinks: a path named
// that is a symlink, and symlinks below a directory, which are followed
// only inside the include root and each directory once.
func TestCheckSymlinks(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		links map[string]string // link: target
		paths []string
		maps  []string
		diags []string
	}{
		{
			name:  "a symlink to a directory, named",
			files: map[string]string{"real/a.toml": validMap},
			links: map[string]string{"link": "real"},
			paths: []string{"link"},
			maps:  []string{"link/a.toml"},
		},
		{
			name:  "a symlink to a file, named",
			files: map[string]string{"real/a.toml": validMap},
			links: map[string]string{"a.toml": "real/a.toml"},
			paths: []string{"a.toml"},
			maps:  []string{"a.toml"},
		},
		{
			name:  "a loop: every directory searched once",
			files: map[string]string{"d/a.toml": validMap, "d/sub/b.toml": validMap},
			links: map[string]string{"d/sub/up": "..", "d/self": "."},
			paths: []string{"d"},
			maps:  []string{"d/a.toml", "d/sub/b.toml"},
		},
		{
			name:  "a symlinked directory inside the root: searched once, by its real path",
			files: map[string]string{"d/real/a.toml": validMap},
			links: map[string]string{"d/alias": "real"},
			paths: []string{"d"},
			maps:  []string{"d/real/a.toml"},
		},
		{
			name:  "a symlinked file inside the root: one map",
			files: map[string]string{"d/b.toml": validMap},
			links: map[string]string{"d/a.toml": "b.toml"},
			paths: []string{"d"},
			maps:  []string{"d/a.toml"},
		},
		{
			name:  "symlinks leading outside the root",
			files: map[string]string{"d/a.toml": validMap, "out/b.toml": validMap, "secret.toml": secret},
			links: map[string]string{"d/out": "../out", "d/s.toml": "../secret.toml"},
			paths: []string{"d"},
			maps:  []string{"d/a.toml"},
			diags: []string{
				"d/out: error[outside-root]: symlink d/out leads outside the include root d; it was not read",
				"d/s.toml: error[outside-root]: symlink d/s.toml leads outside the include root d; it was not read",
			},
		},
		{
			name:  "a dangling symlink named *.toml",
			files: map[string]string{"d/a.toml": validMap},
			links: map[string]string{"d/gone.toml": "nowhere.toml", "d/gone": "nowhere"},
			paths: []string{"d"},
			maps:  []string{"d/a.toml"},
			diags: []string{"d/gone.toml: error[read-error]: cannot read d/gone.toml: no such file"},
		},
		{
			name:  "a directory without maps",
			files: map[string]string{"d/README.md": "# maps\n", "d/.hidden/a.toml": validMap},
			paths: []string{"d"},
			diags: []string{"d: error[no-maps]: no map in d: it holds no *.toml file"},
		},
		{
			name:  "a symlink to a directory without maps",
			files: map[string]string{"d/README.md": "# maps\n"},
			links: map[string]string{"link": "d"},
			paths: []string{"link"},
			diags: []string{"link: error[no-maps]: no map in link: it holds no *.toml file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			for name, target := range tt.links {
				if err := os.Symlink(filepath.FromSlash(target), filepath.Join(dir, filepath.FromSlash(name))); err != nil {
					t.Skip(err)
				}
			}
			t.Chdir(dir)
			maps, diags := (&Loader{}).LoadPaths(tt.paths)
			var gotMaps []string
			for _, m := range maps {
				var names []string
				for _, f := range m.Files {
					names = append(names, filepath.ToSlash(f.Name))
				}
				gotMaps = append(gotMaps, strings.Join(names, " "))
			}
			if !slices.Equal(gotMaps, tt.maps) {
				t.Errorf("maps %q, want %q", gotMaps, tt.maps)
			}
			var gotDiags []string
			for _, d := range diags {
				gotDiags = append(gotDiags, filepath.ToSlash(d.Error()))
			}
			if !slices.Equal(gotDiags, tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(gotDiags, "\n"), strings.Join(tt.diags, "\n"))
			}
		})
	}
}
