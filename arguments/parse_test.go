package arguments

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/diagnostic"
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

func TestKeysTooDeep(t *testing.T) {
	tests := []struct {
		name string
		data string
		at   string // the part reported, marked by its first occurrence after "|"; "" if none
	}{
		{"empty", "", ""},
		{"at the limit", "a.b.c = 1", ""},
		{"dotted key", "a.b.c.|d = 1", "d"},
		{"spaces and quotes", `a . "b.b" . 'c' . |"d" = 1`, `"d"`},
		{"header", "[a.b.c.|d]", "d"},
		{"array of tables header", "[[a.b.c.|d]]", "d"},
		{"header adds to its keys", "[a.b]\nc.|d = 1", "d"},
		{"headers do not add up", "[a.b]\n[c.d]\n[[e.f]]\ng = 1", ""},
		{"at the limit under a header", "[a.b]\nc = 1\n", ""},
		{"inline tables add up", "a = {b = {c = {|d = 1}}}", "d"},
		{"dotted keys in inline tables", "a = {b.c = 1, b.d.|e = 2}", "e"},
		{"sibling inline tables", "a = {b = {c = 1}, d = {e = 1}}", ""},
		{"arrays do not count", "a = [[[{b = {c = 1}}]]]", ""},
		{"inline tables in arrays", "a = [{b = 1}, {c = {d = {|e = 1}}}]", "e"},
		{"inline table spread over lines", "a = {\n  b = {\n    c.|d = 1 }}", "d"},
		{"empty inline table", "a = {b = {}, c = 1}\nd.e.f = 1", ""},
		{"trailing comma", "a = {b = 1,}\nc.d.e = 1", ""},
		{"floats and times are values", "a.b = [1.5, 2.5e3, 07:32:00.999, 1979-05-27T07:32:00.5Z]", ""},
		{"dots in strings", `a = "x.y.z.w.v"` + "\n" + `b = """` + "\n" + `c.d.e.f = 1"""`, ""},
		{"dots in comments", "a = 1 # b.c.d.e.f\n# g.h.i.j = 1", ""},
		{"quoted key with dots is one part", `"a.b.c.d.e" = 1`, ""},
		{"a key after a header line's comment", "[a.b] # x.y.z\nc.|d = 1", "d"},
		{"non-ASCII bare parts", "é.ü.ñ.|ß = 1", "ß"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mark := strings.Index(tt.data, "|")
			data := strings.Replace(tt.data, "|", "", 1)
			got, deep := keysTooDeep([]byte(data), 3)
			switch {
			case tt.at == "" && deep:
				t.Errorf("keysTooDeep(%q) = %q, want nothing", data, data[got.start:got.end])
			case tt.at != "" && !deep:
				t.Errorf("keysTooDeep(%q) found nothing, want %q at %d", data, tt.at, mark)
			case tt.at != "" && (got != span{mark, mark + len(tt.at)}):
				t.Errorf("keysTooDeep(%q) = %v %q, want %q at %d", data, got, data[got.start:got.end], tt.at, mark)
			}
		})
	}
}

// TestParseKeyDepth checks the key depth limit through Parse: at the
// limit the file is read, past it the part that goes too deep is reported,
// before BurntSushi/toml sees the file.
func TestParseKeyDepth(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   diagnostic.Pos // the zero Pos if not too deep
	}{
		{"key at the limit", dotted(MaxKeyDepth) + " = 1\n", diagnostic.Pos{}},
		{"key over the limit", dotted(MaxKeyDepth+1) + " = 1\n", diagnostic.Pos{Offset: 2 * MaxKeyDepth, Line: 1, Column: 2*MaxKeyDepth + 1}},
		{"header over the limit", "[" + dotted(MaxKeyDepth+1) + "]\n", diagnostic.Pos{Offset: 1 + 2*MaxKeyDepth, Line: 1, Column: 2 + 2*MaxKeyDepth}},
		{"key of 10,000 parts", "x = 1\n" + dotted(10_000) + " = 1\n", diagnostic.Pos{Offset: 6 + 2*MaxKeyDepth, Line: 2, Column: 1 + 2*MaxKeyDepth}},
		{"header of 30,000 parts", "[" + dotted(30_000) + "]\n", diagnostic.Pos{Offset: 1 + 2*MaxKeyDepth, Line: 1, Column: 2 + 2*MaxKeyDepth}},
		{"header and key", "[" + dotted(MaxKeyDepth/2) + "]\n" + dotted(MaxKeyDepth/2+1) + " = 1\n",
			diagnostic.Pos{Offset: MaxKeyDepth + 2 + MaxKeyDepth, Line: 2, Column: 1 + MaxKeyDepth}},
		{"nested inline tables", "x = " + strings.Repeat("{a=", MaxKeyDepth) + "1" + strings.Repeat("}", MaxKeyDepth) + "\n",
			diagnostic.Pos{Offset: 4 + 3*(MaxKeyDepth-1) + 1, Line: 1, Column: 4 + 3*(MaxKeyDepth-1) + 2}},
		{"a real map", "[arguments.a]\nclaim = \"A.\"\nsource.name = \"R\"\n[[relations]]\nfrom = \"a\"\nto = { from = \"a\", to = \"a\" }\ntype = \"undercut\"\n", diagnostic.Pos{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("f.toml", []byte(tt.src))
			var got diagnostic.Pos
			for _, d := range diags {
				if d.Code == "too-deep" {
					got = d.Range.Start
					if want := fmt.Sprintf("keys are nested more than %d levels deep", MaxKeyDepth); d.Summary != want {
						t.Errorf("summary %q, want %q", d.Summary, want)
					}
					if !strings.Contains(d.Detail, fmt.Sprint(MaxKeyDepth)) || !strings.Contains(d.Detail, "fewer") {
						t.Errorf("detail %q says neither the limit nor what to do", d.Detail)
					}
				}
			}
			if got != tt.at {
				t.Errorf("too-deep at %+v, want %+v; %v", got, tt.at, diags)
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
func checkParseDiagnostic(t *testing.T, data []byte, d diagnostic.Diagnostic) {
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
	src := diagnostic.NewSource(r.Filename, data)
	if src.Line(r.Start.Line) == nil {
		t.Errorf("%s: no line %d", formatDiagnostic(d), r.Start.Line)
	}
	if src.Pos(r.Start.Offset) != r.Start || src.Pos(r.End.Offset) != r.End {
		t.Errorf("%s: positions %+v do not match their offsets", formatDiagnostic(d), r)
	}
	// That Source.Pos counts as plainly as a count from the line's start,
	// on long lines too, is diagnostic's TestSourcePosNaive.
}

func ruleSeverity(code string) (diagnostic.Severity, bool) {
	r, ok := rules.Lookup(code)
	return r.Severity, ok
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

// dotted returns a key of n parts: a.a.….a.z.
func dotted(n int) string { return strings.Repeat("a.", n-1) + "z" }

// BenchmarkDottedKeys measures Parse on long dotted keys and table
// headers, which BurntSushi/toml decodes in time quadratic in their parts,
// and on a file of many keys at the limit, which must cost in proportion
// to its size.
func BenchmarkDottedKeys(b *testing.B) {
	var cases []struct{ name, src string }
	for _, n := range []int{100, 1_000, 10_000} {
		cases = append(cases,
			struct{ name, src string }{fmt.Sprintf("key/parts=%d", n), dotted(n) + " = 1\n"},
			struct{ name, src string }{fmt.Sprintf("header/parts=%d", n), "[" + dotted(n) + "]\n"})
	}
	var many strings.Builder
	for i := 0; many.Len() < 1<<20; i++ {
		fmt.Fprintf(&many, "k%d.%s = 1\n", i, dotted(MaxKeyDepth-1))
	}
	cases = append(cases, struct{ name, src string }{"1MB-of-keys-at-the-limit", many.String()})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.src)))
			b.ReportAllocs()
			for b.Loop() {
				Parse("f.toml", []byte(c.src))
			}
		})
	}
}

// TestParseNote checks that an argument's note is read with where it is
// written, and that a relation's note is read as before.
func TestParseNote(t *testing.T) {
	src := "[arguments.a]\nclaim = \"A.\"\nnote = \"A caveat, \\\"quoted\\\".\"\nattacks = [\"b\"]\n\n[arguments.b]\nclaim = \"B.\"\n\n[[relations]]\nfrom = \"b\"\nto = \"a\"\ntype = \"support\"\nnote = \"Why.\"\n"
	f, diags := Parse("n.toml", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	a := f.Arguments[0]
	if a.Note != `A caveat, "quoted".` {
		t.Errorf("note %q", a.Note)
	}
	r := a.NoteRange
	if r.Filename != "n.toml" || r.Start.Line != 3 || r.Start.Column != 8 || r.End.Line != 3 || r.End.Column != 31 {
		t.Errorf("note at %s:%d:%d-%d:%d, want n.toml:3:8-3:31", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
	}
	if f.Arguments[1].Note != "" || f.Arguments[1].NoteRange.Start.IsValid() {
		t.Errorf("b has a note: %q at %v", f.Arguments[1].Note, f.Arguments[1].NoteRange)
	}
	var notes []string
	for _, r := range f.Relations {
		notes = append(notes, r.Note)
	}
	if !slices.Equal(notes, []string{"", "Why."}) {
		t.Errorf("relation notes %q", notes)
	}
}
