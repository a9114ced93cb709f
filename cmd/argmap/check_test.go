package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFiles checks, in process, what argmap check does with the files
// a CI job hands it: parts of maps, other tools' TOML files, --exclude.
func TestCheckFiles(t *testing.T) {
	mexico, err := filepath.Abs("../../examples/drone-strikes/mexico.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"maps/debate.toml":   "include = [\"part.toml\"]\n[arguments.a]\nclaim = \"A.\"\n",
		"maps/part.toml":     "[arguments.p]\nclaim = \"P.\"\nattacks = [\"a\"]\n",
		"maps/vendor/x.toml": "this is = not [TOML\n",
		"pyproject.toml":     "[project]\nname = \"x\"\n[tool.ruff]\nline-length = 100\n",
		"only/Cargo.toml":    "[package]\nname = \"x\"\n",
	}, nil)
	t.Chdir(dir)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"an included file, alone: the map of the file that includes it", []string{"check", mexico}, 0,
			"0 errors, 0 warnings in 2 files (1 map, 33 arguments)",
			"argmap: note: " + mexico + " is part of the map of " + filepath.Join(filepath.Dir(mexico), "debate.toml") + ", which includes it: checked that map\n"},
		{"a part, as git diff names it", []string{"check", "maps/part.toml", "pyproject.toml"}, 0,
			"0 errors, 0 warnings in 2 files (1 map, 2 arguments)",
			"argmap: note: maps/part.toml is part of the map of maps/debate.toml, which includes it: checked that map\n" +
				"argmap: note: skipped 1 TOML file that is not an argument map: pyproject.toml (the file of another tool)\n"},
		{"a directory with other tools' files and --exclude", []string{"check", "--exclude", "maps/vendor", "."}, 0,
			"0 errors, 0 warnings in 2 files (1 map, 2 arguments)",
			"argmap: note: skipped 2 TOML files that are not argument maps: only/Cargo.toml (the file of another tool), pyproject.toml (the file of another tool)\n" +
				"argmap: note: skipped 1 path excluded by --exclude\n"},
		{"without --exclude, the broken file fails", []string{"check", "."}, 1, "maps/vendor/x.toml:1:6: error[toml-syntax]", "argmap: note: skipped 2 TOML files"},
		{"a directory of other tools' files only", []string{"check", "only"}, 1,
			"only: error[no-maps]: no map in only: its *.toml files are not argument maps (only/Cargo.toml)",
			"argmap: note: skipped 1 TOML file that is not an argument map: only/Cargo.toml (the file of another tool)\n"},
		{"a bad pattern", []string{"check", "--exclude", "[a", "."}, 2, "", `argmap: --exclude: exclude pattern "[a": syntax error in pattern`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runInProcess(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d\n%s%s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("standard output lacks %q:\n%s", tt.stdout, stdout)
			}
			if tt.stderr != "" && !strings.Contains(stderr, tt.stderr) || tt.stderr == "" && tt.code != 2 && stderr != "" {
				t.Errorf("standard error %q, want %q", stderr, tt.stderr)
			}
		})
	}
	// The notes stay out of machine-readable output.
	stdout, stderr, code := runInProcess(t, "check", "-f", "json", "maps/part.toml")
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != 0 || !strings.Contains(stderr, "argmap: note: maps/part.toml is part of") {
		t.Errorf("check -f json: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
}
