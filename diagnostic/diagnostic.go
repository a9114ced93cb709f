// Package diagnostic is argmap's one kind of problem report, as go/token
// and go/scanner are Go's: the Diagnostic type with its severity, rule code
// and Range; the Source of a file, which turns byte offsets into lines and
// columns; the Rule a format registers for each code; and the writers that
// put diagnostics out for people and for machines: compiler-style text with
// the source line and a caret, JSON, GitHub Actions workflow commands, and
// SARIF for code-scanning tools.
//
// Each format registers its own rules (arguments for maps, iccma for i23
// files); this package knows no format. It imports no graphics library, so
// commands that only report (argmap check) stay fast.
package diagnostic

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Severity says how serious a Diagnostic is.
type Severity uint8

const (
	// Error is a problem that makes the map wrong: argmap check fails.
	Error Severity = iota + 1
	// Warning is a likely mistake or a weakness of the map: argmap check
	// fails only with --strict.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText encodes the severity as its name, for JSON output.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a position in a source file. Line and Column count from 1; Column
// counts Unicode code points, so "Calderón" is 8 columns wide whatever its
// byte length. Offset is the byte offset from the start of the file. The
// zero Pos means "no position": the diagnostic is about the file as a whole.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// IsValid reports whether p is a real position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Range is a span of source text: Start is the first character, End the
// position just after the last one.
type Range struct {
	Filename string
	Start    Pos
	End      Pos
}

// String formats the range's start as go/token.Position does, as compilers
// do: FILE:LINE:COL, FILE:LINE when the column is unknown (0), LINE:COL
// when there is no file name, and FILE when there is no position.
func (r Range) String() string {
	s := r.Filename
	if r.Start.IsValid() {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(r.Start.Line)
		if r.Start.Column != 0 {
			s += ":" + strconv.Itoa(r.Start.Column)
		}
	}
	return s
}

// Related points at another place that explains a diagnostic, such as the
// first definition of a duplicated id.
type Related struct {
	Range   Range
	Message string
}

// Diagnostic is one problem found in a map: the single diagnostic type that
// check, render and serve all report.
type Diagnostic struct {
	Severity Severity
	Code     string // stable rule code, such as "unknown-argument"; see Rules
	Summary  string // one line: what is wrong
	Detail   string // what to do about it; may be empty
	Range    Range  // where it is
	Related  []Related
}

// Error formats the diagnostic on one line, like a compiler:
// FILE:LINE:COL: error[code]: summary.
func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s[%s]: %s", d.Range, d.Severity, d.Code, d.Summary)
}

// Diagnostics is a list of diagnostics. Sort orders it by file and position.
type Diagnostics []Diagnostic

// Sort orders the diagnostics by file name, position, code and message, and
// drops exact duplicates (a file shared by two maps is reported once).
func (ds *Diagnostics) Sort() {
	slices.SortStableFunc(*ds, compareDiagnostics)
	*ds = slices.CompactFunc(*ds, func(a, b Diagnostic) bool { return compareDiagnostics(a, b) == 0 })
}

// compareDiagnostics orders diagnostics by what Sort promises, then by
// everything else they say, so that only exact duplicates compare equal and
// end up next to each other.
func compareDiagnostics(a, b Diagnostic) int {
	if c := cmp.Or(
		cmp.Compare(a.Range.Filename, b.Range.Filename),
		cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset),
		cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Summary, b.Summary),
		cmp.Compare(a.Range.End.Offset, b.Range.End.Offset),
		cmp.Compare(a.Detail, b.Detail),
	); c != 0 {
		return c
	}
	return slices.CompareFunc(a.Related, b.Related, func(x, y Related) int {
		return cmp.Or(
			cmp.Compare(x.Range.Filename, y.Range.Filename),
			cmp.Compare(x.Range.Start.Offset, y.Range.Start.Offset),
			cmp.Compare(x.Message, y.Message),
		)
	})
}

// Count returns the number of diagnostics of severity s.
func (ds Diagnostics) Count(s Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an Error.
func (ds Diagnostics) HasErrors() bool { return ds.Count(Error) > 0 }

// Err returns an error for the diagnostics of severity Error, or nil if
// there are none, as go/scanner's ErrorList.Err does: warnings alone are no
// error. The error is a Diagnostics of the errors alone, in their order
// (errors.As gives them back); its message is the first one and how many
// more there are.
func (ds Diagnostics) Err() error {
	var errs Diagnostics
	for _, d := range ds {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Error formats the list as go/scanner's ErrorList does: its first
// diagnostic, then how many more there are, as in
// "a.toml:3:9: error[unknown-key]: unknown key "clam" (and 2 more errors)".
func (ds Diagnostics) Error() string {
	switch len(ds) {
	case 0:
		return "no errors"
	case 1:
		return ds[0].Error()
	}
	more := "diagnostic"
	if ds[1:].Count(Error) == len(ds)-1 {
		more = "error"
	}
	if len(ds) > 2 {
		more += "s"
	}
	return fmt.Sprintf("%s (and %d more %s)", ds[0], len(ds)-1, more)
}
