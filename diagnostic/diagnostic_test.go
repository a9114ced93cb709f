package diagnostic

import (
	"encoding/json"
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
	d := NewDiagnostic("unknown-key", Range{Filename: "a.toml", Start: Pos{10, 2, 3}, End: Pos{14, 2, 7}}, "Did you mean?", "unknown key %q", "clam")
	if got, want := d.Error(), `a.toml:2:3: error[unknown-key]: unknown key "clam"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	d = NewDiagnostic("no-arguments", FileRange("a.toml"), "", "the map has no arguments")
	if got, want := d.Error(), "a.toml: error[no-arguments]: the map has no arguments"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDiagnosticsSort(t *testing.T) {
	at := func(file string, off int) Range {
		return Range{Filename: file, Start: Pos{off, 1, off + 1}, End: Pos{off + 1, 1, off + 2}}
	}
	d := func(code string, r Range, summary string) Diagnostic {
		return NewDiagnostic(code, r, "", "%s", summary)
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
		NewDiagnostic("unknown-key", FileRange("a"), "", "x"),
		NewDiagnostic("self-attack", FileRange("a"), "", "x"),
		NewDiagnostic("isolated-argument", FileRange("a"), "", "x"),
	}
	if ds.Count(Error) != 1 || ds.Count(Warning) != 2 || !ds.HasErrors() {
		t.Errorf("Count(Error) = %d, Count(Warning) = %d, HasErrors = %v", ds.Count(Error), ds.Count(Warning), ds.HasErrors())
	}
	if ds[1:].HasErrors() || Diagnostics(nil).HasErrors() {
		t.Error("HasErrors without errors")
	}
}

// testSeverity is the severity of the codes these tests use, as a format's
// rule registry gives it.
var testSeverity = map[string]Severity{
	"unknown-key": Error, "no-arguments": Error, "bad-id": Error, "unknown-argument": Error,
	"duplicate-id": Error, "self-attack": Warning, "isolated-argument": Warning,
}

// NewDiagnostic builds a diagnostic of one of the codes of testSeverity.
func NewDiagnostic(code string, r Range, detail, format string, args ...any) Diagnostic {
	return Diagnostic{Severity: testSeverity[code], Code: code, Summary: fmt.Sprintf(format, args...), Detail: detail, Range: r}
}
