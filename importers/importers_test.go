package importers_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/importers"
	"github.com/argmap/argmap/internal/nodetest"
	"github.com/argmap/argmap/renderers/exchange"
	"github.com/argmap/argmap/semantics/bipolar"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

const repoRoot = ".."

// examples returns the repository's example maps, by their names from the
// repository's root.
func examples(t testing.TB) []string {
	t.Helper()
	var names []string
	for _, pattern := range []string{"examples/*/debate.toml", "docs/examples/*.toml", "docs/exchange/*.toml"} {
		found, _ := filepath.Glob(filepath.Join(repoRoot, pattern))
		for _, f := range found {
			rel, _ := filepath.Rel(repoRoot, f)
			names = append(names, filepath.ToSlash(rel))
		}
	}
	if len(names) < 8 {
		t.Fatalf("found only %d example maps", len(names))
	}
	return names
}

func loadExample(t testing.TB, name string) *arguments.Map {
	t.Helper()
	m, diags := (&arguments.Loader{}).Load(filepath.Join(repoRoot, name))
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags.Err())
	}
	return m
}

func exportMap(t testing.TB, m *arguments.Map, format string, opt exchange.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := exchange.Write(context.Background(), &b, m, format, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// importMap reads data in format and returns the argmap map its TOML makes,
// failing the test if the TOML has any error.
func importMap(t testing.TB, format, name string, data []byte) (*arguments.Map, []byte) {
	t.Helper()
	im, diags := importers.Read(format, name, data)
	if diags.HasErrors() || im == nil {
		t.Fatalf("%s (%s): %v", name, format, diags.Err())
	}
	text := im.TOML("Imported for a test.")
	if problems := importers.Check(text); problems.HasErrors() {
		t.Fatalf("%s (%s): the imported map has errors: %v\n%s", name, format, problems.Err(), text)
	}
	loader := &arguments.Loader{FS: fstest.MapFS{"imported.toml": {Data: text}}}
	m, _ := loader.Load("imported.toml")
	return m, text
}

// shape is a map's graph as texts: its claims, and its relations and
// undercuts named by the claims they join, so that maps whose ids differ
// compare.
func shape(m *arguments.Map) (claims, relations []string) {
	claim := func(id string) string { return strings.Join(strings.Fields(m.Argument(id).Claim), " ") }
	sources := func(from string) string {
		var cs []string
		for _, id := range strings.Split(from, "+") {
			cs = append(cs, claim(id))
		}
		slices.Sort(cs)
		return strings.Join(cs, " & ")
	}
	kinds := map[string]string{}
	for _, a := range m.Arguments {
		claims = append(claims, claim(a.ID))
	}
	for _, r := range m.Relations {
		key := fmt.Sprintf("%s {%s} -> {%s}", r.Type, sources(r.From), claim(r.To))
		kinds[r.From+">"+r.To] = r.Type.String()
		relations = append(relations, key)
	}
	for _, u := range m.Undercuts {
		relations = append(relations, fmt.Sprintf("{%s} undercuts %s {%s} -> {%s}", claim(u.From), kinds[u.Support.From+">"+u.Support.To], sources(u.Support.From), claim(u.Support.To)))
	}
	slices.Sort(claims)
	slices.Sort(relations)
	return claims, slices.Compact(relations)
}

func sameShape(t *testing.T, what string, a, b *arguments.Map) {
	t.Helper()
	ac, ar := shape(a)
	bc, br := shape(b)
	if !slices.Equal(ac, bc) {
		t.Errorf("%s: the claims differ:\n  %q\nwant\n  %q", what, bc, ac)
	}
	if !slices.Equal(ar, br) {
		t.Errorf("%s: the relations differ:\n  %s\nwant\n  %s", what, strings.Join(br, "\n  "), strings.Join(ar, "\n  "))
	}
}

// TestRoundTrip exports every example as AIF, Argdown and TGF, imports the
// export, and checks that the map it gives has the same claims and the
// same supports, attacks and undercuts; Argdown and TGF keep the ids too,
// and Argdown every field of the arguments.
func TestRoundTrip(t *testing.T) {
	for _, name := range examples(t) {
		m := loadExample(t, name)
		for _, format := range []string{"aif", "argdown", "tgf"} {
			back, _ := importMap(t, format, name+"."+format, exportMap(t, m, format, exchange.Options{}))
			sameShape(t, name+" via "+format, m, back)
			if format == "aif" {
				continue
			}
			for _, a := range m.Arguments {
				b := back.Argument(a.ID)
				if b == nil {
					t.Errorf("%s via %s: no argument %s", name, format, a.ID)
					continue
				}
				if format != "argdown" {
					continue
				}
				if b.Kind != a.Kind || b.Party != a.Party || !slices.Equal(b.Parties, a.Parties) || !slices.Equal(b.Tags, a.Tags) || !slices.Equal(b.Sources, a.Sources) || b.Weight != a.Weight ||
					b.Rank != a.Rank || b.Date != a.Date || b.Scheme != a.Scheme || b.Proof.Standard != a.Proof.Standard ||
					b.Proof.Burden != a.Proof.Burden || b.Proof.BurdenNote != a.Proof.BurdenNote {
					t.Errorf("%s via argdown: %s is\n  %+v\nwant\n  %+v", name, a.ID, b, a)
				}
			}
			if format == "argdown" && back.Title != m.Title {
				t.Errorf("%s via argdown: title %q, want %q", name, back.Title, m.Title)
			}
		}
		// AIF keeps the parties, as the speakers of locutions.
		back, _ := importMap(t, "aif", name, exportMap(t, m, "aif", exchange.Options{}))
		party := map[string]string{}
		for _, a := range back.Arguments {
			party[a.Claim] = a.Party
		}
		for _, a := range m.Arguments {
			if party[a.Claim] != a.Party {
				t.Errorf("%s via aif: %s has party %q, want %q", name, a.ID, party[a.Claim], a.Party)
			}
		}
	}
}

// TestRoundTripSolver exports every example as i23 and apx, under each
// reading of the supports, imports the export, and checks that the map it
// gives is the framework exported: the arguments with their ids and claims,
// and its attacks, which argmap solve then reads as the same framework.
func TestRoundTripSolver(t *testing.T) {
	for _, name := range examples(t) {
		m := loadExample(t, name)
		for _, mode := range bipolar.Modes() {
			fw, nodes, err := evaluate.Framework(context.Background(), m, evaluate.Options{Support: mode})
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"i23", "apx"} {
				what := fmt.Sprintf("%s via %s (%s)", name, format, mode)
				back, _ := importMap(t, format, name, exportMap(t, m, format, exchange.Options{Support: mode}))
				if len(back.Arguments) != fw.Len() {
					t.Fatalf("%s: %d arguments, the framework has %d", what, len(back.Arguments), fw.Len())
				}
				for n, a := range back.Arguments {
					if id, ok := nodes.ID(n); ok && (a.ID != id || a.Claim != m.Argument(id).Claim) {
						t.Errorf("%s: argument %d is %s %q, want %s", what, n+1, a.ID, a.Claim, id)
					}
				}
				var want, got []string
				for a := range fw.Len() {
					for _, b := range fw.Attacks(a) {
						want = append(want, back.Arguments[a].ID+" "+back.Arguments[b].ID)
					}
				}
				for _, r := range back.Relations {
					if r.Type.String() != "attack" {
						t.Errorf("%s: a %s", what, r.Type)
					}
					got = append(got, r.From+" "+r.To)
				}
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s: attacks\n  %v\nwant\n  %v", what, got, want)
				}
			}
		}
	}
}

// TestAIFdb imports the AIFdb-shaped files of testdata/aifdb (see its
// README), compares the maps with testdata/aifdb/*.toml, and checks that
// exporting an imported map as AIF and importing it again gives it back.
func TestAIFdb(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "aifdb", "*.json"))
	if len(files) < 2 {
		t.Fatal("no AIF files in testdata/aifdb")
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, text := importMap(t, "aif", file, data)
		golden(t, strings.TrimSuffix(file, ".json")+".toml", text)
		back, _ := importMap(t, "aif", file, exportMap(t, m, "aif", exchange.Options{}))
		sameShape(t, file+" exported and imported again", m, back)
	}
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the output differs from %s (go test -update rewrites it):\n--- got\n%s", file, got)
	}
}

// TestImportGolden imports the files of testdata/import and compares the
// TOML with their .toml golden files: hand-written inputs of each format.
func TestImportGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "import", "*.*"))
	files = append(files, filepath.Join("testdata", "argdown", "handwritten.argdown"))
	for _, file := range files {
		ext := filepath.Ext(file)
		if ext == ".toml" || ext == ".golden" {
			continue
		}
		format := strings.TrimPrefix(ext, ".")
		if format == "json" {
			format = "aif"
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		im, diags := importers.Read(format, filepath.ToSlash(file), data)
		var out bytes.Buffer
		writeDiagnostics(t, &out, file, data, diags)
		if im != nil {
			text := im.TOML("Imported for a test.")
			if problems := importers.Check(text); problems.HasErrors() {
				t.Errorf("%s: the imported map has errors: %v", file, problems.Err())
			}
			out.Write(text)
		}
		golden(t, strings.TrimSuffix(file, ext)+ext+".golden", out.Bytes())
	}
}

func writeDiagnostics(t *testing.T, w *bytes.Buffer, file string, data []byte, diags diagnostic.Diagnostics) {
	t.Helper()
	if len(diags) == 0 {
		return
	}
	src := diagnostic.NewSource(filepath.ToSlash(file), data)
	err := diagnostic.Write(w, "text", diagnostic.Report{Diagnostics: diags, Totals: diagnostic.Totals{Files: 1},
		Source: func(string) *diagnostic.Source { return src }, Rules: importers.Rules()})
	if err != nil {
		t.Fatal(err)
	}
}

// TestErrors reads the broken inputs of testdata/errors and compares their
// diagnostics with the golden files: each names the file, line and column
// (for AIF, the JSON path too) of the problem.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "errors", "*.*"))
	if len(files) < 10 {
		t.Fatalf("only %d files in testdata/errors", len(files))
	}
	for _, file := range files {
		if filepath.Ext(file) == ".golden" {
			continue
		}
		format := strings.TrimPrefix(filepath.Ext(file), ".")
		if format == "json" {
			format = "aif"
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		im, diags := importers.Read(format, filepath.ToSlash(file), data)
		if im != nil || !diags.HasErrors() {
			t.Errorf("%s: read without an error", file)
		}
		for _, d := range diags {
			if d.Severity == diagnostic.Error && !d.Range.Start.IsValid() && d.Code != "import-empty" {
				t.Errorf("%s: %s has no line and column", file, d.Error())
			}
		}
		var out bytes.Buffer
		writeDiagnostics(t, &out, file, data, diags)
		golden(t, file+".golden", out.Bytes())
	}
}

// TestHandwrittenArgdown reads hand-written Argdown with argmap's reader
// and with Argdown's own parser, and checks that the two agree on the
// statements, their texts, and the supports and attacks between them.
func TestHandwrittenArgdown(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "argdown", "*.argdown"))
	var results []struct {
		Title      string
		Statements []struct{ Title, Text string }
		Relations  []struct{ From, FromType, To, ToType, Type string }
		Errors     []string
	}
	nodetest.Run(t, "argdown.mjs", files, &results)
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := importMap(t, "argdown", file, data)
		got := results[i]
		if len(got.Errors) > 0 {
			t.Fatalf("%s: Argdown's parser reports %v", file, got.Errors)
		}
		if m.Title != got.Title {
			t.Errorf("%s: title %q, Argdown reads %q", file, m.Title, got.Title)
		}
		ids := map[string]string{} // Argdown's title: argmap's id
		for _, s := range got.Statements {
			var found *arguments.Argument
			for _, a := range m.Arguments {
				if a.Claim == strings.Join(strings.Fields(s.Text), " ") || s.Text == "" && a.Claim == s.Title {
					found = a
				}
			}
			if found == nil {
				t.Errorf("%s: Argdown's statement [%s] %q is not imported", file, s.Title, s.Text)
				continue
			}
			ids[s.Title] = found.ID
		}
		have := map[string]bool{}
		for _, r := range m.Relations {
			if !r.Linked() {
				have[r.Type.String()+" "+r.From+" "+r.To] = true
			}
		}
		for _, r := range got.Relations {
			if r.FromType != "equivalence-class" || r.ToType != "equivalence-class" || (r.Type != "support" && r.Type != "attack" && r.Type != "contradictory") {
				continue
			}
			types := []string{r.Type}
			if r.Type == "contradictory" {
				types = []string{"attack"}
			}
			for _, typ := range types {
				key := typ + " " + ids[r.From] + " " + ids[r.To]
				if !have[key] {
					t.Errorf("%s: Argdown reads %s [%s] -> [%s], which argmap does not", file, typ, r.From, r.To)
				}
			}
		}
	}
}
