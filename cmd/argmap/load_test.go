package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	loadMapText = "[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n\n[arguments.b]\nclaim = \"B.\"\n"
	loadSecret  = "TOKEN=s3cr3t-never-shown"
)

// writeTree creates files under dir, and symlinks for names in links.
func writeTree(t *testing.T, dir string, files, links map[string]string) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		if err := os.Symlink(filepath.FromSlash(target), filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skip(err)
		}
	}
}

// TestIncludeRootCommands checks what files the commands that load maps
// read, and that nothing of a file outside the include root, or of a file
// that is not a map, is ever printed.
func TestIncludeRootCommands(t *testing.T) {
	dir := t.TempDir()
	secretPath := filepath.Join(dir, "home", "secret.txt")
	writeTree(t, dir, map[string]string{
		"home/secret.txt":       loadSecret + "\n",
		"repo/maps/abs.toml":    "include = ['" + secretPath + "']\n" + loadMapText,
		"repo/maps/up.toml":     "include = [\"../../home/secret.txt\"]\n" + loadMapText,
		"repo/maps/env.toml":    "include = [\"../.env\"]\n" + loadMapText,
		"repo/.env":             loadSecret + "\n",
		"repo/maps/part.toml":   "include = [\"../shared/defs.toml\"]\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"d\"]\n",
		"repo/shared/defs.toml": "[arguments.d]\nclaim = \"D.\"\n",
		"repo/empty/README.md":  "no maps\n",
		"real/ok.toml":          loadMapText,
	}, map[string]string{"repo/link": "../real"})
	repo := filepath.Join(dir, "repo")
	tests := []struct {
		name string
		args []string
		code int
		want []string // in standard output and error
	}{
		{"absolute include", []string{"check", "maps/abs.toml"}, 1, []string{"maps/abs.toml:1:12: error[outside-root]: included file " + secretPath + " leads outside the include root maps"}},
		{"include above the root", []string{"check", "maps/up.toml"}, 1, []string{"error[outside-root]: included file ../home/secret.txt leads outside the include root maps"}},
		{"a directory: its maps share it as root", []string{"check", "maps"}, 1, []string{"outside-root", "included file shared/defs.toml leads outside the include root maps"}},
		{"a wider root", []string{"check", "--include-root", ".", "maps/part.toml"}, 0, []string{"0 errors, 0 warnings in 2 files"}},
		{"the root wider still: a file that is not a map, not shown", []string{"check", "--include-root", "..", "maps/abs.toml"}, 1, []string{"home/secret.txt:1:7: error[toml-syntax]: included file " + secretPath + " is not an argmap file: the file is not valid TOML"}},
		{"a dot file inside the root, not a map: not shown", []string{"check", "--include-root", ".", "maps/env.toml"}, 1, []string{".env:1:7: error[toml-syntax]: included file .env is not an argmap file"}},
		{"an include root that does not exist", []string{"check", "--include-root", "nope", "maps"}, 2, []string{"--include-root nope:"}},
		{"an include root that is a file", []string{"check", "--include-root", "maps/up.toml", "maps"}, 2, []string{"--include-root maps/up.toml: not a directory"}},
		{"a symlink to a directory", []string{"check", "link"}, 0, []string{"0 errors, 0 warnings in 1 file (1 map, 2 arguments)"}},
		{"a directory without maps", []string{"check", "empty"}, 1, []string{"empty: error[no-maps]: no map in empty: it holds no *.toml file"}},
		{"eval: outside the root", []string{"eval", "maps/up.toml"}, 1, []string{"error[outside-root]", "not evaluating maps/up.toml: the map has errors"}},
		{"eval: a wider root", []string{"eval", "--include-root", ".", "maps/part.toml"}, 0, []string{"a"}},
		{"explain: outside the root", []string{"explain", "maps/up.toml", "a"}, 1, []string{"error[outside-root]"}},
		{"render: outside the root", []string{"render", "-o", filepath.Join(dir, "out.svg"), "maps/up.toml"}, 1, []string{"error[outside-root]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := argmap(t, repo, tt.args...)
			out := r.stdout + r.stderr
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", r.code, tt.code, r)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, r)
				}
			}
			if strings.Contains(out, "s3cr3t") {
				t.Errorf("the secret is shown:\n%s", r)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "out.svg")); err == nil {
		t.Error("render wrote a map that has errors")
	}
}
