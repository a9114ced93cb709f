package arguments

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/diagnostic"
)

const (
	// partMap refers to "a", which only rootMap defines.
	rootMap = "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A.\"\n"
	partMap = "[arguments.p]\nclaim = \"P.\"\nattacks = [\"a\"]\n"
)

// TestCheckRun checks which maps Check checks for the paths it is given, what
// it skips, and what it says about it.
func TestCheckRun(t *testing.T) {
	tests := []struct {
		name        string
		files       map[string]string
		paths       []string
		exclude     []string
		includeRoot string
		maps        []string // each map as its files, root first; "+" marks a root found as a part's owner
		diags       []string // each is in the Error() and Detail of one diagnostic, in order
		notes       []string
	}{
		{
			name:  "a part named alone is checked in the map of the file beside it that includes it",
			files: map[string]string{"root.toml": rootMap, "part.toml": partMap},
			paths: []string{"part.toml"},
			maps:  []string{"+root.toml part.toml"},
			notes: []string{"part.toml is part of the map of root.toml, which includes it: checked that map"},
		},
		{
			name: "in a repository, the root file is looked for up to its top",
			files: map[string]string{
				".git/HEAD":              "ref: refs/heads/main\n",
				"maps/debate.toml":       "include = [\"parts/mexico.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"maps/parts/mexico.toml": partMap,
			},
			paths: []string{"maps/parts/mexico.toml"},
			maps:  []string{"+maps/debate.toml maps/parts/mexico.toml"},
			notes: []string{"maps/parts/mexico.toml is part of the map of maps/debate.toml, which includes it: checked that map"},
		},
		{
			name: "a worktree's .git file marks the top too",
			files: map[string]string{
				".git":                   "gitdir: /elsewhere\n",
				"maps/debate.toml":       "include = [\"parts/mexico.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"maps/parts/mexico.toml": partMap,
			},
			paths: []string{"maps/parts/mexico.toml"},
			maps:  []string{"+maps/debate.toml maps/parts/mexico.toml"},
			notes: []string{"checked that map"},
		},
		{
			name: "outside a repository, only the file's directory: the part alone, and where argmap looked",
			files: map[string]string{
				"maps/debate.toml":       "include = [\"parts/mexico.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"maps/parts/mexico.toml": partMap,
			},
			paths: []string{"maps/parts/mexico.toml"},
			maps:  []string{"maps/parts/mexico.toml"},
			diags: []string{`maps/parts/mexico.toml:3:12: error[unknown-argument]: no argument "a" in this map | ` +
				`Every id in a relation must be the id of an argument of this map. If mexico.toml is part of a map, check the map's root file: no *.toml file in maps/parts includes it.`},
		},
		{
			name: "the search stops at the top of the repository",
			files: map[string]string{
				"root.toml":         "include = [\"repo/part.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"repo/.git/HEAD":    "ref: refs/heads/main\n",
				"repo/sub/x.toml":   "[arguments.x]\nclaim = \"X.\"\nattacks = [\"y\"]\n[arguments.y]\nclaim = \"Y.\"\n",
				"repo/part.toml":    partMap,
				"repo/sub/p2.toml":  partMap,
				"repo/sub/no.toml~": "",
			},
			paths: []string{"repo/sub/p2.toml"},
			maps:  []string{"repo/sub/p2.toml"},
			diags: []string{`no *.toml file in repo/sub or a directory above it up to repo includes it`},
		},
		{
			name: "a chain of includes: the topmost root's map",
			files: map[string]string{
				".git/HEAD":   "",
				"root.toml":   "include = [\"mid/a.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"mid/a.toml":  "include = [\"b.toml\"]\n",
				"mid/b.toml":  partMap,
				"mid/c.toml":  "[arguments.c]\nclaim = \"C.\"\nattacks = [\"d\"]\n[arguments.d]\nclaim = \"D.\"\n",
				"other.toml":  "include = [\"mid/c.toml\"]\n",
				"unrelated/x": "",
			},
			paths: []string{"mid/b.toml"},
			maps:  []string{"+root.toml mid/a.toml mid/b.toml"},
			notes: []string{"mid/b.toml is part of the map of root.toml"},
		},
		{
			name: "two maps include the part: both are checked",
			files: map[string]string{
				"r1.toml":   rootMap,
				"r2.toml":   "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A2.\"\n",
				"part.toml": partMap,
			},
			paths: []string{"part.toml"},
			maps:  []string{"+r1.toml part.toml", "+r2.toml part.toml"},
			notes: []string{"part.toml is part of the map of r1.toml", "part.toml is part of the map of r2.toml"},
		},
		{
			name:  "a mistake in the part is reported at the part, in its map",
			files: map[string]string{"root.toml": rootMap, "part.toml": partMap + "[arguments.q]\nclaim = \"Q.\"\nattacks = [\"nope\"]\n"},
			paths: []string{"part.toml"},
			maps:  []string{"+root.toml part.toml"},
			diags: []string{`part.toml:6:12: error[unknown-argument]: no argument "nope" in this map`},
			notes: []string{"checked that map"},
		},
		{
			name:  "the part and its root both named: the root's map, no note",
			files: map[string]string{"root.toml": rootMap, "part.toml": partMap},
			paths: []string{"part.toml", "root.toml"},
			maps:  []string{"root.toml part.toml"},
		},
		{
			name: "with --include-root, the search goes up to it",
			files: map[string]string{
				"root.toml":       "include = [\"sub/deep/p.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
				"sub/deep/p.toml": partMap,
			},
			paths:       []string{"sub/deep/p.toml"},
			includeRoot: ".",
			maps:        []string{"+root.toml sub/deep/p.toml"},
			notes:       []string{"sub/deep/p.toml is part of the map of root.toml"},
		},
		{
			name:  "a file deleted by a change: the map that still includes it",
			files: map[string]string{"root.toml": "include = [\"gone.toml\"]\n" + validMap, "other.toml": validMap},
			paths: []string{"gone.toml"},
			maps:  []string{"+root.toml"},
			diags: []string{"root.toml:1:12: error[missing-include]: included file gone.toml does not exist"},
			notes: []string{"gone.toml is part of the map of root.toml, which includes it: checked that map"},
		},
		{
			name:  "a path that does not exist and that no map includes",
			files: map[string]string{"root.toml": validMap},
			paths: []string{"gone.toml"},
			diags: []string{"gone.toml: error[read-error]: cannot read gone.toml: no such file"},
		},
		{
			name: "--exclude below a directory, relative to it",
			files: map[string]string{
				"maps/a.toml":            validMap,
				"maps/vendor/x.toml":     garbage,
				"maps/sub/vendor/y.toml": garbage,
				"maps/sub/z.toml":        garbage,
			},
			paths:   []string{"maps"},
			exclude: []string{"vendor/**", "**/z.toml", "sub/vendor"},
			maps:    []string{"maps/a.toml"},
			notes:   []string{"skipped 3 paths excluded by --exclude"},
		},
		{
			name:    "--exclude a file named, by the path as given",
			files:   map[string]string{"a.toml": validMap, "notes.toml": garbage},
			paths:   []string{"a.toml", "./notes.toml"},
			exclude: []string{"notes.toml"},
			maps:    []string{"a.toml"},
			notes:   []string{"skipped 1 path excluded by --exclude"},
		},
		{
			name: "below a directory, TOML files that are plainly not maps are skipped",
			files: map[string]string{
				"a.toml":            validMap,
				"pyproject.toml":    "[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n",
				"Cargo.toml":        "",
				"site/config.toml":  "[server]\nport = 8080\n",
				"site/netlify.toml": "[build]\ncommand = \"make\"\n",
			},
			paths: []string{"."},
			maps:  []string{"a.toml"},
			notes: []string{"skipped 4 TOML files that are not argument maps: Cargo.toml (the file of another tool), pyproject.toml (the file of another tool), " +
				"site/config.toml (no key of argmap's format), site/netlify.toml (the file of another tool)"},
		},
		{
			name:  "another tool's file named is skipped too",
			files: map[string]string{"pyproject.toml": "[tool.x]\ny = 1\n"},
			paths: []string{"pyproject.toml"},
			notes: []string{"skipped 1 TOML file that is not an argument map: pyproject.toml (the file of another tool)"},
		},
		{
			name:  "any other file named is checked strictly",
			files: map[string]string{"settings.toml": "[server]\nport = 8080\n"},
			paths: []string{"settings.toml"},
			maps:  []string{"settings.toml"},
			diags: []string{"settings.toml:1:1: error[no-arguments]", `settings.toml:1:1: error[unknown-key]: unknown key "server" in the top-level table`},
		},
		{
			name: "a file with a key of the format, an empty file, a broken one: maps with mistakes",
			files: map[string]string{
				"pyproject.toml": "title = \"Not a tool's\"\n[tool.x]\ny = 1\n",
				"empty.toml":     "",
				"broken.toml":    garbage,
			},
			paths: []string{"."},
			maps:  []string{"broken.toml", "empty.toml", "pyproject.toml"},
			diags: []string{"broken.toml:1:6: error[toml-syntax]", "empty.toml:1:1: error[no-arguments]", "pyproject.toml:1:1: error[no-arguments]", `error[unknown-key]: unknown key "tool"`},
		},
		{
			name:  "a directory whose TOML files are not maps checks nothing: no-maps",
			files: map[string]string{"py/pyproject.toml": "[project]\nname = \"x\"\n", "py/.cfg.toml": "[a]\nb = 1\n"},
			paths: []string{"py"},
			diags: []string{"py: error[no-maps]: no map in py: its *.toml files are not argument maps (py/.cfg.toml, py/pyproject.toml) | argmap check DIR checks the *.toml files below DIR"},
			notes: []string{"skipped 2 TOML files"},
		},
		{
			name:    "a directory whose TOML files are all excluded: no-maps",
			files:   map[string]string{"d/a.toml": validMap},
			paths:   []string{"d"},
			exclude: []string{"**"},
			diags:   []string{"d: error[no-maps]: no map in d: --exclude leaves out every *.toml file below it"},
			notes:   []string{"skipped 1 path excluded by --exclude"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			t.Chdir(dir)
			l := &Loader{IncludeRoot: tt.includeRoot}
			for _, p := range tt.exclude {
				pat, err := ParseExclude(p)
				if err != nil {
					t.Fatal(err)
				}
				l.Exclude = append(l.Exclude, pat)
			}
			res := l.Check(context.Background(), tt.paths, nil)
			var maps []string
			for _, mc := range res.Maps {
				var names []string
				for _, f := range mc.Map.Files {
					names = append(names, filepath.ToSlash(f.Name))
				}
				s := strings.Join(names, " ")
				if mc.Owner {
					s = "+" + s
				}
				maps = append(maps, s)
			}
			if !slices.Equal(maps, tt.maps) {
				t.Errorf("maps %q, want %q", maps, tt.maps)
			}
			var diags []string
			for _, d := range res.Diagnostics {
				diags = append(diags, d.Error()+" | "+d.Detail)
			}
			if len(diags) != len(tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant %d:\n%s", strings.Join(diags, "\n"), len(tt.diags), strings.Join(tt.diags, "\n"))
			} else {
				for i, want := range tt.diags {
					if !strings.Contains(diags[i], want) {
						t.Errorf("diagnostic %d: %s\nwant it to say %s", i, diags[i], want)
					}
				}
			}
			notes := res.Notes()
			if len(notes) != len(tt.notes) {
				t.Errorf("notes:\n%s\nwant %d:\n%s", strings.Join(notes, "\n"), len(tt.notes), strings.Join(tt.notes, "\n"))
			} else {
				for i, want := range tt.notes {
					if !strings.Contains(notes[i], want) {
						t.Errorf("note %d: %s\nwant it to say %s", i, notes[i], want)
					}
				}
			}
		})
	}
}

// TestCheckExpectationsPerMap checks that the expectations of a map are
// checked when the map has no errors, whatever the errors of another map
// that shares a file with it: before the check result was kept per map,
// errors were matched to maps by file name, and r1's expectation was
// silently left unchecked because r2 found an error in shared.toml.
func TestCheckExpectationsPerMap(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"r1.toml":     "include = [\"shared.toml\"]\n[arguments.x]\nclaim = \"X.\"\n[expect.grounded]\nin = [\"x\"]\n",
		"r2.toml":     "include = [\"shared.toml\"]\n[arguments.y]\nclaim = \"Y.\"\nattacks = [\"s\"]\n[expect.grounded]\nin = [\"y\"]\n",
		"shared.toml": "[arguments.s]\nclaim = \"S.\"\nattacks = [\"x\"]\n",
	})
	t.Chdir(dir)
	var expected []string
	// As evaluate.CheckMap does: a map with errors is not evaluated.
	expect := func(_ context.Context, m *Map, diags diagnostic.Diagnostics) diagnostic.Diagnostics {
		if diags.HasErrors() {
			return diags
		}
		expected = append(expected, m.Root.Name)
		return append(diags, NewDiagnostic("failed-expectation", m.Expectations[0].Range, "", "expected by %s", m.Root.Name))
	}
	res := (&Loader{}).Check(context.Background(), []string{"."}, expect)
	if !slices.Equal(expected, []string{"r1.toml"}) {
		t.Errorf("expectations checked for %q, want only r1.toml's (r2.toml has an error)", expected)
	}
	if len(res.Maps) != 2 {
		t.Fatalf("%d maps, want 2", len(res.Maps))
	}
	codes := func(ds diagnostic.Diagnostics) (s []string) {
		for _, d := range ds {
			s = append(s, d.Range.Filename+":"+d.Code)
		}
		return s
	}
	if got, want := codes(res.Maps[0].Diagnostics), []string{"r1.toml:failed-expectation"}; !slices.Equal(got, want) {
		t.Errorf("r1.toml's map: %q, want %q", got, want)
	}
	if got, want := codes(res.Maps[1].Diagnostics), []string{"shared.toml:unknown-argument"}; !slices.Equal(got, want) {
		t.Errorf("r2.toml's map: %q, want %q", got, want)
	}
	if got, want := codes(res.Diagnostics), []string{"r1.toml:failed-expectation", "shared.toml:unknown-argument"}; !slices.Equal(got, want) {
		t.Errorf("all: %q, want %q", got, want)
	}
	if !res.Failed(false) || res.Files() != 3 || res.Arguments() != 4 {
		t.Errorf("Failed %v, Files %d, Arguments %d; want true, 3, 4", res.Failed(false), res.Files(), res.Arguments())
	}
}
