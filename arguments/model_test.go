package arguments

import (
	"io/fs"
	"slices"
	"testing"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// memLoader returns a loader that reads files from memory.
func memLoader(files map[string]string) *Loader {
	return &Loader{ReadFile: func(name string) ([]byte, error) {
		data, ok := files[name]
		if !ok {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return []byte(data), nil
	}}
}

func TestMapGraph(t *testing.T) {
	l := memLoader(map[string]string{
		"root.toml": `include = ["more.toml"]
[arguments.c]
claim = "C."
supports = ["a", "nope"]
attacks = ["b"]

[arguments.a]
claim = "A."
attacks = ["b", "b"]

[[relations]]
from = "ghost"
to = "a"
type = "attack"
`,
		"more.toml": `[arguments.b]
claim = "B."
supports = ["c"]

[arguments.a]
claim = "A again: a duplicate, not a second node."
`,
	})
	m, diags := l.Load("root.toml")
	if !m.Complete() {
		t.Fatal("map incomplete")
	}
	g := m.Graph()
	var names []string
	for i := range g.Len() {
		names = append(names, g.Name(i))
	}
	if want := []string{"c", "a", "b"}; !slices.Equal(names, want) {
		t.Errorf("nodes %q, want %q (the order of the files)", names, want)
	}
	type edge struct {
		from, to string
		rel      graph.Relation
	}
	var edges []edge
	for _, e := range g.Edges() {
		edges = append(edges, edge{g.Name(e.From), g.Name(e.To), e.Relation})
	}
	// Relations to or from ids that do not exist give no edge; a relation
	// given twice gives two.
	want := []edge{
		{"c", "a", graph.Support},
		{"c", "b", graph.Attack},
		{"a", "b", graph.Attack},
		{"a", "b", graph.Attack},
		{"b", "c", graph.Support},
	}
	if !slices.Equal(edges, want) {
		t.Errorf("edges %v, want %v", edges, want)
	}
	if a := m.Argument("a"); a == nil || a.Claim != "A." || a.File.Name != "root.toml" {
		t.Errorf("Argument(a) = %+v, want the first definition", a)
	}
	if m.Argument("nope") != nil {
		t.Error("Argument of an unknown id is not nil")
	}
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code)
	}
	slices.Sort(codes)
	if want := []string{"duplicate-id", "duplicate-relation", "unknown-argument", "unknown-argument"}; !slices.Equal(codes, want) {
		t.Errorf("codes %q, want %q", codes, want)
	}
}

// TestParseModel checks what Parse reads from a file that has everything.
func TestParseModel(t *testing.T) {
	src := `version = 1
title = "T"
description = "D"
include = ["a.toml", "sub/b.toml"]

[arguments.x]
claim = "X."
kind = "law"
party = "P"
weight = 1
source = ["S1", { name = "S2", url = "https://example.com/", date = 2025-02-25, quote = "Q" }, { name = "S3", date = "last week" }]
supports = ["y"]

[arguments.y]
claim = "Y."
source = { name = "S4", date = 2025-02-25T10:00:00Z }

[[relations]]
from = "x"
to = "y"
type = "attack"
note = "N"
`
	f, diags := Parse("f.toml", []byte(src))
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if f.Broken || f.Title != "T" || f.Description != "D" || len(f.Arguments) != 2 || len(f.Relations) != 2 {
		t.Fatalf("file %+v", f)
	}
	if got := []string{f.Includes[0].Path, f.Includes[1].Path}; !slices.Equal(got, []string{"a.toml", "sub/b.toml"}) {
		t.Errorf("includes %q", got)
	}
	if r := f.Includes[1].Range; r.String() != "f.toml:4:22" || r.End.Column != 34 {
		t.Errorf("include range %+v", r)
	}
	x := f.Arguments[0]
	if x.ID != "x" || x.Claim != "X." || x.Kind != "law" || x.Party != "P" || x.Weight != 1 || x.Range.String() != "f.toml:6:1" {
		t.Errorf("argument x %+v", x)
	}
	wantSources := []Citation{
		{Name: "S1"},
		{Name: "S2", URL: "https://example.com/", Date: "2025-02-25", Quote: "Q"},
		{Name: "S3", Date: "last week"},
	}
	if !slices.Equal(x.Sources, wantSources) {
		t.Errorf("sources %+v, want %+v", x.Sources, wantSources)
	}
	y := f.Arguments[1]
	if y.Weight != DefaultWeight || !slices.Equal(y.Sources, []Citation{{Name: "S4", Date: "2025-02-25T10:00:00Z"}}) {
		t.Errorf("argument y %+v", y)
	}
	r := f.Relations[0]
	if r.Type != graph.Support || r.From != "x" || r.To != "y" || r.Entry || r.FromRange != x.Range || r.ToRange.String() != "f.toml:12:13" {
		t.Errorf("relation 0 %+v", r)
	}
	r = f.Relations[1]
	if r.Type != graph.Attack || r.From != "x" || r.To != "y" || !r.Entry || r.Note != "N" || r.FromRange.String() != "f.toml:19:8" || r.ToRange.String() != "f.toml:20:6" {
		t.Errorf("relation 1 %+v", r)
	}
}

func TestKinds(t *testing.T) {
	ks := Kinds()
	if len(ks) != 8 || ks[0].Name != "claim" {
		t.Fatalf("Kinds() = %v", ks)
	}
	ks[0].Name = "changed"
	if Kinds()[0].Name != "claim" {
		t.Error("Kinds returns the list itself, not a copy")
	}
}

// TestGraphUndercut checks how an undercut support enters the graph: the
// inference becomes a node between the two arguments, and the undercut
// attacks it.
func TestGraphUndercut(t *testing.T) {
	m, diags := loadString(t, `
[arguments.designation]
claim = "D."
supports = ["strike"]
[arguments.strike]
claim = "S."
[arguments.fentanyl]
claim = "F."
supports = ["strike"]
[arguments.no_armed_attack]
claim = "N."
[[relations]]
from = "no_armed_attack"
type = "undercut"
to = { from = "designation", to = "strike" }
`)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	g := m.Graph()
	var got []string
	for _, e := range g.Edges() {
		got = append(got, g.Name(e.From)+" "+e.Relation.String()+" "+g.Name(e.To))
	}
	want := []string{
		"designation premise designation->strike",
		"designation->strike support strike",
		"fentanyl support strike",
		"no_armed_attack attack designation->strike",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges:\n%q\nwant\n%q", got, want)
	}
	if g.Len() != 5 || g.Name(4) != "designation->strike" || m.Argument("designation->strike") != nil {
		t.Errorf("the inference should be node 4 and no argument; nodes: %d", g.Len())
	}
}

func loadString(t *testing.T, src string) (*Map, diagnostic.Diagnostics) {
	t.Helper()
	l := &Loader{ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	return l.Load("map.toml")
}
