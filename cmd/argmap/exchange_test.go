package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCommand runs argmap export as a user does: the format from the
// flag or from OUT's extension, standard output with -o - or no -o, the
// same bytes as standard output, and usage errors for what cannot be.
func TestExportCommand(t *testing.T) {
	const file = "docs/examples/self-defence.toml"
	dir := t.TempDir()
	ref := argmap(t, repoRoot, "export", "--format", "argdown", file)
	if ref.code != 0 || !strings.Contains(ref.stdout, "[lawful]: The strike is a lawful use of force.") {
		t.Fatalf("export --format argdown:\n%s", ref)
	}
	if r := argmap(t, repoRoot, "export", "-f", "argdown", "-o", "-", file); r.stdout != ref.stdout || r.code != 0 {
		t.Errorf("-o - differs from standard output:\n%s", r)
	}
	// The format from the extension; the file is what standard output is.
	for _, c := range []struct{ name, format string }{
		{"map.argdown", "argdown"}, {"map.json", "json"}, {"map.aif", "aif"}, {"map.mmd", "mermaid"},
		{"map.graphml", "graphml"}, {"map.i23", "i23"}, {"map.apx", "apx"}, {"map.tgf", "tgf"},
	} {
		out := filepath.Join(dir, c.name)
		if r := argmap(t, repoRoot, "export", file, "-o", out); r.code != 0 || r.stdout != "" {
			t.Fatalf("export -o %s:\n%s", c.name, r)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want := argmap(t, repoRoot, "export", "--format", c.format, file).stdout
		if string(got) != want {
			t.Errorf("-o %s is not what --format %s writes", c.name, c.format)
		}
	}
	// --semantics adds eval's JSON.
	r := argmap(t, repoRoot, "export", "-f", "json", "--semantics", "preferred", file)
	eval := argmap(t, repoRoot, "eval", "--format", "json", "--semantics", "preferred", file)
	if r.code != 0 || !strings.Contains(r.stdout, `"evaluation": {`) || !strings.Contains(r.stdout, `"semantics": "preferred"`) || eval.code != 0 {
		t.Errorf("export --semantics:\n%s", r)
	}
	// A map with errors is not exported, and an existing OUT is kept.
	broken := filepath.Join(dir, "broken.toml")
	os.WriteFile(broken, []byte("[arguments.a]\nclaim = \"A\"\nattacks = [\"nosuch\"]\n"), 0o644)
	keep := filepath.Join(dir, "keep.json")
	os.WriteFile(keep, []byte("kept"), 0o644)
	if r := argmap(t, dir, "export", "broken.toml", "-o", "keep.json"); r.code != 1 || !strings.Contains(r.stderr, "unknown-argument") || !strings.Contains(r.stderr, "not exporting broken.toml") {
		t.Errorf("export of a broken map:\n%s", r)
	}
	if data, _ := os.ReadFile(keep); string(data) != "kept" {
		t.Errorf("a failed export changed OUT: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 10 {
		t.Errorf("%d files left in the directory: a temporary file?", len(entries))
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", file}, "export needs a format"},
		{[]string{"export", "-f", "xml", file}, `unknown format "xml" for --format`},
		{[]string{"export", file, "-o", filepath.Join(dir, "x.pdf")}, "cannot tell the format from the name"},
		{[]string{"export", "-f", "tgf", "--semantics", "grounded", file}, "--semantics applies to --format json"},
		{[]string{"export", "-f", "json", "--without", "lawful", file}, "--without applies with --semantics"},
		{[]string{"export", "-f", "tgf", "--support", "ignore", file}, "--support applies to i23 and apx"},
		{[]string{"export", "-f", "json"}, "export needs one map"},
		{[]string{"export", "-f", "json", "--semantics", "grounded", "--without", "lawfull", file}, `did you mean "lawful"`},
	} {
		if r := argmap(t, repoRoot, c.args...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("argmap %s: want exit 2 and %q:\n%s", strings.Join(c.args, " "), c.want, r)
		}
	}
	// --support changes what i23 holds.
	plain := argmap(t, repoRoot, "export", "-f", "i23", "--support", "ignore", file)
	if plain.code != 0 || plain.stdout == argmap(t, repoRoot, "export", "-f", "i23", file).stdout {
		t.Errorf("--support ignore gives the same i23:\n%s", plain)
	}
}

// TestImportCommand imports what export wrote and checks the map, and
// reports a broken input at its line and column.
func TestImportCommand(t *testing.T) {
	const file = "docs/examples/self-defence.toml"
	dir := t.TempDir()
	for _, format := range []string{"aif", "argdown", "tgf", "i23", "apx"} {
		in := filepath.Join(dir, "map."+format)
		if r := argmap(t, repoRoot, "export", "-f", format, "-o", in, file); r.code != 0 {
			t.Fatalf("export: %s", r)
		}
		out := filepath.Join(dir, format+".toml")
		r := argmap(t, dir, "import", "map."+format, "-o", out)
		if r.code != 0 || r.stdout != "" {
			t.Fatalf("import %s:\n%s", format, r)
		}
		if r := argmap(t, dir, "check", out); r.code != 0 || !strings.Contains(r.stdout, "\n0 errors, ") && !strings.HasPrefix(r.stdout, "0 errors, ") {
			t.Errorf("the map imported from %s:\n%s", format, r)
		}
		data, _ := os.ReadFile(out)
		if !strings.HasPrefix(string(data), "# Imported by argmap from map."+format+" ("+format+").\n") {
			t.Errorf("%s.toml starts %.80q", format, data)
		}
		if r := argmap(t, dir, "import", "--from", format, "map."+format); r.stdout != string(data) {
			t.Errorf("import to standard output differs from -o")
		}
	}
	os.WriteFile(filepath.Join(dir, "bad.apx"), []byte("arg(a).\natt(a,b).\n"), 0o644)
	r := argmap(t, dir, "import", "bad.apx")
	if r.code != 1 || !strings.Contains(r.stderr, "bad.apx:2:7: error[apx-syntax]") || r.stdout != "" {
		t.Errorf("import of a broken file:\n%s", r)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "map.xyz"}, "cannot tell the format of map.xyz"},
		{[]string{"import", "--from", "csv", "bad.apx"}, `unknown format "csv" for --from`},
		{[]string{"import"}, "import needs one file"},
	} {
		if r := argmap(t, dir, c.args...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("argmap %s: want exit 2 and %q:\n%s", strings.Join(c.args, " "), c.want, r)
		}
	}
	if r := argmap(t, dir, "import", "nosuch.tgf"); r.code != 1 || !strings.Contains(r.stderr, "cannot read nosuch.tgf: no such file") {
		t.Errorf("import of a missing file:\n%s", r)
	}
}
