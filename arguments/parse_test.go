package arguments

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTooDeep(t *testing.T) {
	tests := []struct {
		name string
		data string
		off  int // -1: not too deep
	}{
		{"empty", "", -1},
		{"at the limit", "a = [[[]]]", -1},
		{"over the limit", "a = [[[[]]]]", 7},
		{"inline tables", "a = {b = {c = {d = {}}}}", 19},
		{"mixed", "a = [{b = [[1]]}]", 11},
		{"headers do not add up", "[a]\n[[b]]\n[[b]]\n[c.d]\nx = [[[1]]]", -1},
		{"unbalanced closers do not go below zero", "]]]]\na = [[[1]]]", -1},
		{"basic string", `a = ["[[[[", 1]`, -1},
		{"escaped quote", `a = ["\"[[[[", 1]`, -1},
		{"escaped backslash", `a = ["\\", [[[1]]]]`, 13},
		{"literal string", `a = ['[[[[\', 1]`, -1},
		{"multi-line basic string", "a = [\"\"\"\n[[[[\n\\\"\"\"[[[[\"\"\", 1]", -1},
		{"multi-line literal string", "a = ['''\n[[[[\n''', 1]", -1},
		// Up to two quotes before the closing ones belong to the string.
		{"multi-line basic string, 4 quotes", `a = ["""x"""", [[[1]]]]`, 17},
		{"multi-line basic string, 5 quotes", `a = ["""x""""", [[[1]]]]`, 18},
		{"multi-line literal string, 5 quotes", `a = ['''x''''', [[[1]]]]`, 18},
		{"empty multi-line string", `a = ["""""", [[[1]]]]`, 15},
		// BurntSushi/toml takes six quotes after an escaped backslash.
		{"multi-line basic string, escaped backslash and 6 quotes", `a = ["""\\"""""", [[[1]]]]`, 20},
		{"comment", "a = [ # [[[[\n1]", -1},
		{"comment then more", "# [[[[\na = [[[[1]]]]", 14},
		{"string with a hash", `a = ["#", [[[1]]]]`, 12},
		{"unclosed string ends at the line", "a = \"[[[[\nb = [[[[1]]]]", 17},
		{"unclosed multi-line string", `a = """[[[[`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, deep := tooDeep([]byte(tt.data), 3)
			if !deep {
				off = -1
			}
			if off != tt.off {
				t.Errorf("tooDeep(%q, 3) = %d, want %d", tt.data, off, tt.off)
			}
		})
	}
}

// TestParseNesting checks the nesting limit on documents that
// BurntSushi/toml would otherwise decode recursively, and that a document
// at the limit is still read.
func TestParseNesting(t *testing.T) {
	nested := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tests := []struct {
		name string
		src  string
		deep bool
	}{
		{"at the limit", "x = " + nested(MaxNesting), false},
		{"over the limit", "x = " + nested(MaxNesting+1), true},
		{"a million", "x = " + nested(1_000_000), true},
		{"after a string closed by 4 quotes", `x = ["""a"""", ` + nested(1_000_000) + "]", true},
		{"after a literal string closed by 5 quotes", `x = ['''a''''', ` + nested(1_000_000) + "]", true},
		{"after a string closed by 6 quotes", `x = ["""\\"""""", ` + nested(1_000_000) + "]", true},
		{"inline tables", "x = " + strings.Repeat("{a=", 100_000) + strings.Repeat("}", 100_000), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("f.toml", []byte(tt.src))
			deep := false
			for _, d := range diags {
				deep = deep || d.Code == "too-deep"
			}
			if deep != tt.deep {
				t.Errorf("too-deep reported: %v, want %v; %v", deep, tt.deep, diags)
			}
		})
	}
}

func TestParseBroken(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		broken bool
	}{
		{"valid", "[arguments.a]\nclaim = \"A.\"\n", false},
		{"empty", "", false},
		{"syntax error", "[arguments.a\n", true},
		{"not UTF-8", "a = \"\xff\"", true},
		{"too deep", "a = " + strings.Repeat("[", 200), true},
		{"dotted key then value", "a.b = 1\na = 2\n", true},
		{"wrong types only", "title = 1\n", false},
		// A file whose arguments cannot be read leaves its map incomplete.
		{"arguments not a table", "arguments = 1\n", true},
	}
	for _, tt := range tests {
		f, _ := Parse("f.toml", []byte(tt.src))
		if f.Broken != tt.broken || f.Name != "f.toml" || f.Source == nil {
			t.Errorf("%s: Broken = %v, want %v (file %+v)", tt.name, f.Broken, tt.broken, f)
		}
	}
}

// TestParseEmptyKeyArray checks a document that BurntSushi/toml decodes
// wrongly: it drops the string from an array that also holds an inline
// table with an empty key (github.com/BurntSushi/toml/pull/492). Then the
// index has more elements than the decoded array, and the array stands for
// its elements.
func TestParseEmptyKeyArray(t *testing.T) {
	src := "[arguments.a]\nclaim = \"A.\"\nsource = [\"S\", {\"\" = 1}]\n"
	_, diags := Parse("f.toml", []byte(src))
	found := false
	for _, d := range diags {
		checkParseDiagnostic(t, []byte(src), d)
		if d.Code == "missing-field" {
			found = true
			if d.Range.String() != "f.toml:3:10" {
				t.Errorf("%s: want it at the array, 3:10", formatDiagnostic(d))
			}
		}
	}
	if !found {
		t.Errorf("no missing-field for the source without a name: %v", diags)
	}
}

// TestParseIndexFallback checks a document that BurntSushi/toml accepts and
// go-toml's parser does not: after an escaped backslash, BurntSushi/toml
// takes six quotes to close a multi-line string. The index stops there, and
// what comes after is reported at the enclosing table.
func TestParseIndexFallback(t *testing.T) {
	src := "[arguments.b]\nclaim = \"B.\"\nattacks = [\"x\"]\n\n[arguments.a]\nclaim = \"\"\"\\\\\"\"\"\"\"\"\nattacks = [\"zz\"]\n"
	if _, err := buildIndex([]byte(src), 0); err == nil {
		t.Fatal("go-toml accepts the document: the test needs another one")
	}
	l := memLoader(map[string]string{"f.toml": src})
	_, diags := l.Load("f.toml")
	var got []string
	for _, d := range diags {
		checkParseDiagnostic(t, []byte(src), d)
		got = append(got, d.Range.String()+" "+d.Code)
	}
	// Before the string, positions are exact; after it, "zz" is reported
	// at the header of its argument.
	want := []string{"f.toml:3:12 unknown-argument", "f.toml:5:1 unknown-argument"}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
}

// checkParseDiagnostic checks the invariants of a diagnostic of Parse.
func checkParseDiagnostic(t *testing.T, data []byte, d Diagnostic) {
	t.Helper()
	if _, ok := ruleSeverity(d.Code); !ok {
		t.Errorf("%s: code not in Rules()", formatDiagnostic(d))
	}
	if d.Range.Filename == "" {
		t.Errorf("%s: no file name", formatDiagnostic(d))
	}
	r := d.Range
	if !r.Start.IsValid() {
		return
	}
	if r.Start.Line < 1 || r.Start.Column < 1 || r.End.Line < r.Start.Line || r.Start.Offset > r.End.Offset || r.End.Offset > len(data) {
		t.Errorf("%s: bad range %+v in %d bytes", formatDiagnostic(d), r, len(data))
	}
	src := NewSource(r.Filename, data)
	if src.Line(r.Start.Line) == nil {
		t.Errorf("%s: no line %d", formatDiagnostic(d), r.Start.Line)
	}
	if src.Pos(r.Start.Offset) != r.Start || src.Pos(r.End.Offset) != r.End {
		t.Errorf("%s: positions %+v do not match their offsets", formatDiagnostic(d), r)
	}
}

func ruleSeverity(code string) (Severity, bool) {
	for _, r := range rules {
		if r.Code == code {
			return r.Severity, true
		}
	}
	return 0, false
}

// bigMap returns a valid map of about size bytes.
func bigMap(size int) []byte {
	var b strings.Builder
	b.WriteString("title = \"A large map\"\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "\n[arguments.a%d]\nclaim = \"Argument number %d, with a claim of some length, Calderón’s.\"\nkind = \"evidence\"\n", i, i)
		fmt.Fprintf(&b, "source = [\"Reuters\", { name = \"NBC\", url = \"https://example.com/%d\", date = 2025-02-25 }]\n", i)
		fmt.Fprintf(&b, "supports = [\"a%d\", \"a%d\"]\nattacks = [\n  \"a%d\", # a comment\n  \"a%d\",\n]\nweight = 0.%d\n", i+1, i+2, i+3, i/2, i%10)
	}
	return []byte(b.String())
}

func TestParseLarge(t *testing.T) {
	data := bigMap(2 << 20)
	start := time.Now()
	f, diags := Parse("big.toml", data)
	if len(diags) != 0 || len(f.Arguments) < 5000 {
		t.Fatalf("%d arguments, %d diagnostics", len(f.Arguments), len(diags))
	}
	t.Logf("%d bytes, %d arguments in %v", len(data), len(f.Arguments), time.Since(start))
}

func BenchmarkParse(b *testing.B) {
	data := bigMap(2 << 20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse("big.toml", data)
	}
}
