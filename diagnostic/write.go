package diagnostic

import (
	"fmt"
	"io"
	"slices"
)

// Formats returns the names Write accepts, the default first. Each call
// returns a new slice, so a caller that changes it changes no one else's.
func Formats() []string { return []string{"text", "json", "github", "sarif"} }

// Totals are what a run looked at, for the formats that report them.
type Totals struct {
	Files     int // files read
	Maps      int // maps checked
	Arguments int // arguments in all maps
}

// Report is what Write writes: the diagnostics of a run, and what it takes
// to show them.
type Report struct {
	Diagnostics Diagnostics
	Totals      Totals
	// Source returns a file's text by the name diagnostics use, or nil; the
	// text format quotes the offending line from it.
	Source func(name string) *Source
	// Rules are every rule the diagnostics may come from, in documentation
	// order, for SARIF's table of rules.
	Rules []Rule
	// Version is argmap's version, for SARIF.
	Version string
}

// Write writes in the named format. It returns an error for an unknown
// format and for failed writes.
func Write(w io.Writer, format string, in Report) error {
	switch format {
	case "text":
		return writeText(w, in)
	case "json":
		return writeJSON(w, in)
	case "github":
		return writeGitHub(w, in)
	case "sarif":
		return writeSARIF(w, in)
	}
	return fmt.Errorf("unknown format %q: use one of %v", format, Formats())
}

// ValidFormat reports whether Write knows the format.
func ValidFormat(format string) bool { return slices.Contains(Formats(), format) }

// errWriter remembers the first write error, so that writers can write
// freely and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
