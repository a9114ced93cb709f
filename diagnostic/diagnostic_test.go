package diagnostic

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestSeverity(t *testing.T) {
	tests := []struct {
		s    Severity
		want string
	}{
		{Error, "error"},
		{Warning, "warning"},
		{0, "Severity(0)"},
		{7, "Severity(7)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Severity(%d).String() = %q, want %q", uint8(tt.s), got, tt.want)
		}
		text, err := tt.s.MarshalText()
		if err != nil || string(text) != tt.want {
			t.Errorf("Severity(%d).MarshalText() = %q, %v, want %q", uint8(tt.s), text, err, tt.want)
		}
	}
	// JSON output uses the names.
	out, err := json.Marshal(map[string]Severity{"a": Error, "b": Warning})
	if err != nil || string(out) != `{"a":"error","b":"warning"}` {
		t.Errorf("json.Marshal = %s, %v", out, err)
	}
}

func TestDiagnosticError(t *testing.T) {
	d := testRules.New("unknown-key", Range{Filename: "a.toml", Start: Pos{10, 2, 3}, End: Pos{14, 2, 7}}, "Did you mean?", "unknown key %q", "clam")
	if got, want := d.Error(), `a.toml:2:3: error[unknown-key]: unknown key "clam"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	d = testRules.New("no-arguments", FileRange("a.toml"), "", "the map has no arguments")
	if got, want := d.Error(), "a.toml: error[no-arguments]: the map has no arguments"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDiagnosticsSort(t *testing.T) {
	at := func(file string, off int) Range {
		return Range{Filename: file, Start: Pos{off, 1, off + 1}, End: Pos{off + 1, 1, off + 2}}
	}
	d := func(code string, r Range, summary string) Diagnostic {
		return testRules.New(code, r, "", "%s", summary)
	}
	withDetail := func(x Diagnostic, detail string) Diagnostic { x.Detail = detail; return x }
	withRelated := func(x Diagnostic, file string) Diagnostic {
		x.Related = []Related{{at(file, 0), "first defined here"}}
		return x
	}

	var (
		fileA   = d("no-arguments", FileRange("a.toml"), "whole file")
		a5      = d("unknown-key", at("a.toml", 5), "k")
		a5warn  = d("isolated-argument", at("a.toml", 5), "iso")
		a5b     = d("bad-id", at("a.toml", 5), "b")
		a5c     = d("bad-id", at("a.toml", 5), "c")
		a9      = d("unknown-key", at("a.toml", 9), "k")
		b0      = d("unknown-key", at("b.toml", 0), "k")
		x       = d("unknown-argument", at("c.toml", 3), "no argument x")
		xHint   = withDetail(x, `Did you mean "y"?`)
		dupR1   = withRelated(d("duplicate-id", at("c.toml", 7), "dup"), "r1.toml")
		dupR2   = withRelated(d("duplicate-id", at("c.toml", 7), "dup"), "r2.toml")
		sameOff = Diagnostic{Severity: Error, Code: "toml-syntax", Summary: "s", Range: Range{Filename: "d.toml", Start: Pos{0, 1, 1}}}
	)
	tests := []struct {
		name string
		in   Diagnostics
		want Diagnostics
	}{
		{"empty", nil, nil},
		{
			"file, offset, severity, code, summary",
			Diagnostics{b0, a9, a5c, a5warn, a5, fileA, a5b},
			Diagnostics{fileA, a5b, a5c, a5, a5warn, a9, b0},
		},
		{"exact duplicates dropped", Diagnostics{a5, b0, a5, a5, b0}, Diagnostics{a5, b0}},
		// A file shared by three maps: the first and third give the same
		// hint, the second none. Both versions are kept, once each.
		{"interleaved details", Diagnostics{xHint, x, xHint}, Diagnostics{x, xHint}},
		// The same id in a shared file, first defined in each root: both
		// places are worth naming.
		{"different related", Diagnostics{dupR2, dupR1, dupR2}, Diagnostics{dupR1, dupR2}},
		{"one", Diagnostics{sameOff}, Diagnostics{sameOff}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(tt.in)
			got.Sort()
			if !slices.EqualFunc(got, tt.want, func(a, b Diagnostic) bool { return compareDiagnostics(a, b) == 0 }) {
				t.Errorf("Sort:\n%s\nwant:\n%s", lines(got), lines(tt.want))
			}
		})
	}
}

func lines(ds Diagnostics) string {
	var s string
	for _, d := range ds {
		s += fmt.Sprintf("%s %+v | help: %s | related: %+v\n", d.Error(), d.Range, d.Detail, d.Related)
	}
	return s
}

func TestDiagnosticsCount(t *testing.T) {
	ds := Diagnostics{
		testRules.New("unknown-key", FileRange("a"), "", "x"),
		testRules.New("self-attack", FileRange("a"), "", "x"),
		testRules.New("isolated-argument", FileRange("a"), "", "x"),
	}
	if ds.Count(Error) != 1 || ds.Count(Warning) != 2 || !ds.HasErrors() {
		t.Errorf("Count(Error) = %d, Count(Warning) = %d, HasErrors = %v", ds.Count(Error), ds.Count(Warning), ds.HasErrors())
	}
	if ds[1:].HasErrors() || Diagnostics(nil).HasErrors() {
		t.Error("HasErrors without errors")
	}
}

// testRules are the rules of these tests, as a format registers its own.
var testRules = NewRules([]Rule{
	{Code: "unknown-key", Severity: Error, Summary: "A key the format does not know."},
	{Code: "no-arguments", Severity: Error, Summary: "A map without any argument."},
	{Code: "bad-id", Severity: Error, Summary: "An argument id that is not allowed."},
	{Code: "unknown-argument", Severity: Error, Summary: "A reference to an argument that the map does not define."},
	{Code: "duplicate-id", Severity: Error, Summary: "An argument id defined twice in the map."},
	{Code: "self-attack", Severity: Warning, Summary: "An argument that attacks itself."},
	{Code: "isolated-argument", Severity: Warning, Summary: "An argument with no relation to any other."},
})

func TestRules(t *testing.T) {
	all := testRules.All()
	if len(all) != 7 || all[0].Code != "unknown-key" || all[6].Code != "isolated-argument" {
		t.Fatalf("All() = %+v, not the rules in their order", all)
	}
	all[0].Code = "changed"
	if testRules.All()[0].Code != "unknown-key" {
		t.Error("All returns the registry itself, not a copy")
	}
	if r, ok := testRules.Lookup("self-attack"); !ok || r.Severity != Warning {
		t.Errorf("Lookup(self-attack) = %+v, %v", r, ok)
	}
	if _, ok := testRules.Lookup("changed"); ok {
		t.Error("Lookup found a code that is not registered")
	}
	d := testRules.New("self-attack", FileRange("a.toml"), "Remove it.", "%s attacks itself", "x")
	want := Diagnostic{Severity: Warning, Code: "self-attack", Summary: "x attacks itself", Detail: "Remove it.", Range: FileRange("a.toml")}
	if compareDiagnostics(d, want) != 0 {
		t.Errorf("New = %+v, want %+v", d, want)
	}
}

// TestRulesPanics checks that a registry written wrongly, or asked for a
// code it does not have, fails at once: these are programming errors.
func TestRulesPanics(t *testing.T) {
	tests := []struct {
		name string
		f    func()
	}{
		{"code twice", func() { NewRules([]Rule{{"a", Error, "x"}, {"a", Warning, "y"}}) }},
		{"empty code", func() { NewRules([]Rule{{"", Error, "x"}}) }},
		{"no severity", func() { NewRules([]Rule{{"a", 0, "x"}}) }},
		{"unknown code", func() { testRules.New("no-such-code", FileRange("f"), "", "x") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			tt.f()
		})
	}
}

func TestDiagnosticsErr(t *testing.T) {
	at := func(line int) Range { return Range{Filename: "a.toml", Start: Pos{Line: line, Column: 1}} }
	e1 := testRules.New("unknown-key", at(1), "", "unknown key %q", "clam")
	e2 := testRules.New("bad-id", at(2), "", "bad id")
	e3 := testRules.New("duplicate-id", at(3), "", "dup")
	w := testRules.New("self-attack", at(1), "", "x attacks itself")
	tests := []struct {
		name string
		in   Diagnostics
		want string // "" for a nil error
	}{
		{"none", nil, ""},
		{"warnings alone are no error", Diagnostics{w, w}, ""},
		{"one", Diagnostics{w, e1}, `a.toml:1:1: error[unknown-key]: unknown key "clam"`},
		{"two", Diagnostics{e1, w, e2}, `a.toml:1:1: error[unknown-key]: unknown key "clam" (and 1 more error)`},
		{"three", Diagnostics{e2, e1, w, e3}, `a.toml:2:1: error[bad-id]: bad id (and 2 more errors)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Err()
			if tt.want == "" {
				if err != nil {
					t.Errorf("Err() = %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Err() = %v, want %s", err, tt.want)
			}
			// The error gives back the errors, and only them.
			var ds Diagnostics
			if !errors.As(err, &ds) || len(ds) != tt.in.Count(Error) || ds.Count(Warning) != 0 {
				t.Errorf("errors.As gives %v, want the %d errors", ds, tt.in.Count(Error))
			}
		})
	}
	if got := (Diagnostics{e1, w}).Error(); got != `a.toml:1:1: error[unknown-key]: unknown key "clam" (and 1 more diagnostic)` {
		t.Errorf("Error() of a mixed list = %q", got)
	}
	if got := (Diagnostics{}).Error(); got != "no errors" {
		t.Errorf("Error() of an empty list = %q", got)
	}
}
