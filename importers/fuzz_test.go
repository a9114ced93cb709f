package importers_test

import (
	"bytes"
	"testing"

	"github.com/argmap/argmap/importers"
)

// The readers take any bytes: a file from another tool, or anything else.
// Each fuzz target checks that its reader never panics, that it returns a
// map or an error, never neither, that every error has a place in the
// input, and that a map it reads is one argmap check accepts without an
// error, written the same way twice. The seed corpora are in testdata/fuzz:
// argmap's exports of docs/examples/self-defence.toml, the inputs of
// testdata/import and testdata/errors.

func FuzzReadAIF(f *testing.F)     { fuzzReader(f, "aif") }
func FuzzReadArgdown(f *testing.F) { fuzzReader(f, "argdown") }
func FuzzReadI23(f *testing.F)     { fuzzReader(f, "i23") }
func FuzzReadAPX(f *testing.F)     { fuzzReader(f, "apx") }
func FuzzReadTGF(f *testing.F)     { fuzzReader(f, "tgf") }

func fuzzReader(f *testing.F, format string) {
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := importers.Read(format, "fuzz", data)
		for _, d := range diags {
			if d.Range.Filename != "fuzz" {
				t.Fatalf("a diagnostic of no file: %s", d.Error())
			}
			if d.Range.Start.IsValid() && (d.Range.Start.Offset < 0 || d.Range.Start.Offset > len(data)) {
				t.Fatalf("a diagnostic outside the input: %s", d.Error())
			}
		}
		if m == nil {
			if !diags.HasErrors() {
				t.Fatal("neither a map nor an error")
			}
			return
		}
		if diags.HasErrors() {
			t.Fatalf("a map and errors: %v", diags.Err())
		}
		text := m.TOML("fuzz")
		if problems := importers.Check(text); problems.HasErrors() {
			t.Fatalf("the map has errors: %v\n%s", problems.Err(), text)
		}
		again, _ := importers.Read(format, "fuzz", data)
		if !bytes.Equal(again.TOML("fuzz"), text) {
			t.Fatal("two reads of the same input write different maps")
		}
	})
}
