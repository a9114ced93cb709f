package arguments

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/diagnostic"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/check")

const checkDir = "testdata/check"

// checkCases lists the cases of testdata/check: every .toml file and every
// directory directly in it. A case's diagnostics are kept in NAME.golden
// next to it.
func checkCases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(checkDir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".toml") {
			cases = append(cases, e.Name())
		}
	}
	if len(cases) == 0 {
		t.Fatal("no cases in " + checkDir)
	}
	return cases
}

// formatDiagnostic writes a diagnostic on one line:
// FILE:LINE:COL-ENDLINE:ENDCOL: severity[code]: summary | help: detail | note: FILE:LINE:COL: message.
func formatDiagnostic(d diagnostic.Diagnostic) string {
	var b strings.Builder
	r := d.Range
	if r.Start.IsValid() {
		fmt.Fprintf(&b, "%s:%d:%d-%d:%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	} else {
		b.WriteString(r.Filename)
	}
	fmt.Fprintf(&b, ": %s[%s]: %s", d.Severity, d.Code, d.Summary)
	if d.Detail != "" {
		b.WriteString(" | help: " + d.Detail)
	}
	for _, rel := range d.Related {
		fmt.Fprintf(&b, " | note: %s: %s", rel.Range, rel.Message)
	}
	return b.String()
}

// TestCheck runs the loader on every case of testdata/check and compares its
// diagnostics with the case's golden file. A directory case is checked as
// `argmap check DIR` does, from inside the directory, so that file names are
// short; a file case from testdata/check.
func TestCheck(t *testing.T) {
	for _, name := range checkCases(t) {
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			golden, err := filepath.Abs(filepath.Join(checkDir, strings.TrimSuffix(name, ".toml")+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			path := name
			t.Chdir(checkDir)
			if !strings.HasSuffix(name, ".toml") {
				t.Chdir(name)
				path = "."
			}
			l := &Loader{}
			_, diags := l.LoadPaths([]string{path})
			var out bytes.Buffer
			for _, d := range diags {
				checkDiagnostic(t, l, d)
				out.WriteString(formatDiagnostic(d) + "\n")
			}
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := out.String(); got != string(want) {
				t.Errorf("diagnostics differ from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", filepath.Base(golden), got, want)
			}
		})
	}
}

// checkDiagnostic checks what must hold of every diagnostic: a registered
// code with its severity, a file name, and a position that agrees with the
// file's text.
func checkDiagnostic(t *testing.T, l *Loader, d diagnostic.Diagnostic) {
	t.Helper()
	if rule, ok := rules.Lookup(d.Code); !ok {
		t.Errorf("%s: code %q is not in Rules()", formatDiagnostic(d), d.Code)
	} else if rule.Severity != d.Severity {
		t.Errorf("%s: severity %v, the rule says %v", formatDiagnostic(d), d.Severity, rule.Severity)
	}
	if d.Summary == "" || d.Range.Filename == "" {
		t.Errorf("%s: no summary or no file name", formatDiagnostic(d))
	}
	ranges := []diagnostic.Range{d.Range}
	for _, rel := range d.Related {
		ranges = append(ranges, rel.Range)
	}
	for _, r := range ranges {
		if !r.Start.IsValid() {
			continue
		}
		src := l.Source(r.Filename)
		if src == nil {
			t.Errorf("%s: no source for %s", formatDiagnostic(d), r.Filename)
			continue
		}
		if got := src.Pos(r.Start.Offset); got != r.Start {
			t.Errorf("%s: start %+v, but offset %d is at %+v", formatDiagnostic(d), r.Start, r.Start.Offset, got)
		}
		if got := src.Pos(r.End.Offset); got != r.End {
			t.Errorf("%s: end %+v, but offset %d is at %+v", formatDiagnostic(d), r.End, r.End.Offset, got)
		}
		if r.Start.Offset > r.End.Offset || r.End.Offset > len(src.Data) {
			t.Errorf("%s: range [%d, %d) outside a file of %d bytes", formatDiagnostic(d), r.Start.Offset, r.End.Offset, len(src.Data))
		}
	}
}

// TestCheckCoversRules makes sure the cases of testdata/check report every
// diagnostic code at least once.
func TestCheckCoversRules(t *testing.T) {
	var all []byte
	for _, name := range checkCases(t) {
		data, err := os.ReadFile(filepath.Join(checkDir, strings.TrimSuffix(name, ".toml")+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, data...)
	}
	for _, r := range Rules() {
		if r.Code == "failed-expectation" {
			continue // found by evaluating the map, outside this package: cmd/argmap's goldens cover it
		}
		if !bytes.Contains(all, []byte(fmt.Sprintf("%s[%s]", r.Severity, r.Code))) {
			t.Errorf("no case of testdata/check reports %s", r.Code)
		}
	}
}
