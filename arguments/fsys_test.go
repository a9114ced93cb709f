package arguments

import (
	"slices"
	"testing"
	"testing/fstest"
)

func TestLoadFS(t *testing.T) {
	tests := []struct {
		name        string
		files       map[string]string
		root        string
		includeRoot string
		want        []string // the map's files, root first
		diags       []string // as Diagnostic.Error writes them
	}{
		{
			name: "includes resolve among the files, in subdirectories too",
			files: map[string]string{
				"root.toml":       "include = [\"parts/x.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"parts/x.toml":    "include = [\"y.toml\"]\n[arguments.b]\nclaim = \"B.\"\n",
				"parts/y.toml":    "[arguments.c]\nclaim = \"C.\"\nattacks = [\"a\"]\n",
				"unrelated.toml":  validMap,
				"parts/also.toml": validMap,
			},
			root: "root.toml",
			want: []string{"root.toml", "parts/x.toml", "parts/y.toml"},
		},
		{
			name: "a root in a directory: its includes are relative to it",
			files: map[string]string{
				"maps/root.toml": "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"maps/part.toml": "[arguments.b]\nclaim = \"B.\"\n",
			},
			root: "maps/root.toml",
			want: []string{"maps/root.toml", "maps/part.toml"},
		},
		{
			name: "an include above the root's directory leads outside the root",
			files: map[string]string{
				"maps/root.toml": "include = [\"../secret.toml\"]\n" + validMap,
				"secret.toml":    validMap,
			},
			root:  "maps/root.toml",
			want:  []string{"maps/root.toml"},
			diags: []string{"maps/root.toml:1:12: error[outside-root]: included file secret.toml leads outside the include root maps; it was not read"},
		},
		{
			name: "an include above the FS is refused, not looked for",
			files: map[string]string{
				"root.toml": "include = [\"../../etc/passwd\"]\n" + validMap,
			},
			root:  "root.toml",
			want:  []string{"root.toml"},
			diags: []string{"root.toml:1:12: error[outside-root]: included file ../../etc/passwd leads outside the include root .; it was not read"},
		},
		{
			name: "an absolute include is refused",
			files: map[string]string{
				"root.toml": "include = [\"/etc/passwd\"]\n" + validMap,
			},
			root:  "root.toml",
			want:  []string{"root.toml"},
			diags: []string{"root.toml:1:12: error[outside-root]: included file /etc/passwd leads outside the include root .; it was not read"},
		},
		{
			name: "IncludeRoot is a directory of the FS",
			files: map[string]string{
				"a/b/root.toml": "include = [\"../part.toml\", \"../../top.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n",
				"a/part.toml":   "[arguments.b]\nclaim = \"B.\"\n",
				"top.toml":      validMap,
			},
			root:        "a/b/root.toml",
			includeRoot: "a",
			want:        []string{"a/b/root.toml", "a/part.toml"},
			diags:       []string{"a/b/root.toml:1:28: error[outside-root]: included file top.toml leads outside the include root a; it was not read"},
		},
		{
			name: "a missing include suggests a file of the FS",
			files: map[string]string{
				"root.toml":   "include = [\"mexcio.toml\"]\n" + validMap,
				"mexico.toml": validMap,
			},
			root:  "root.toml",
			want:  []string{"root.toml"},
			diags: []string{`root.toml:1:12: error[missing-include]: included file mexcio.toml does not exist`},
		},
		{
			name: "an include that names a directory cannot be read",
			files: map[string]string{
				"root.toml":    "include = [\"parts\"]\n" + validMap,
				"parts/x.toml": validMap,
			},
			root:  "root.toml",
			want:  []string{"root.toml"},
			diags: []string{`root.toml:1:12: error[read-error]: cannot read parts: is a directory`},
		},
		{
			name:  "a missing root file",
			files: map[string]string{},
			root:  "debate.toml",
			want:  []string{"debate.toml"},
			diags: []string{`debate.toml: error[read-error]: cannot read debate.toml: no such file`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			l := &Loader{FS: fsys, IncludeRoot: tt.includeRoot}
			m, diags := l.Load(tt.root)
			var files []string
			for _, f := range m.Files {
				files = append(files, f.Name)
			}
			if !slices.Equal(files, tt.want) {
				t.Errorf("files = %q, want %q", files, tt.want)
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if !slices.Equal(got, tt.diags) {
				t.Errorf("diagnostics:\n%q\nwant\n%q", got, tt.diags)
			}
		})
	}
}

// TestLoadFSLikeDisk loads the same files from an FS and from the disk,
// from their directory: the maps and diagnostics are the same, help text
// included.
func TestLoadFSLikeDisk(t *testing.T) {
	files := map[string]string{
		"root.toml":          "include = [\"parts/x.toml\", \"parts/mising.toml\", \"../out.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\", \"nope\"]\n",
		"parts/x.toml":       "[arguments.b]\nclaim = \"B.\"\nkind = \"evidnce\"\n",
		"parts/missing.toml": validMap,
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	t.Chdir(dir)
	load := func(l *Loader) []string {
		m, diags := l.Load("root.toml")
		got := []string{}
		for _, f := range m.Files {
			got = append(got, "file "+f.Name)
		}
		for _, d := range diags {
			got = append(got, d.Error()+" / "+d.Detail)
		}
		return got
	}
	fromFS, fromDisk := load(&Loader{FS: fsys}), load(&Loader{})
	if !slices.Equal(fromFS, fromDisk) {
		t.Errorf("from the FS:\n%q\nfrom the disk:\n%q", fromFS, fromDisk)
	}
	if len(fromDisk) < 5 {
		t.Errorf("expected files and three diagnostics, got %q", fromDisk)
	}
}
