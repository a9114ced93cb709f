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
// read as part of the map.
func TestLoadIncludeOutsideRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"shared/defs.toml": "[arguments.d]\nclaim = \"D.\"\n",
		"maps/root.toml":   "include = [\"../shared/defs.toml\", " + quote(filepath.Join(dir, "shared", "defs.toml")) + "]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"d\"]\n",
	})
	t.Chdir(dir)
	l, reads := countingLoader(t)
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

// quote writes a TOML literal string.
func quote(s string) string { return "'" + s + "'" }
