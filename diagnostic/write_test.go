package diagnostic

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// diag builds a diagnostic of src at bytes [start, end).
func diag(src *Source, start, end int, detail string) Diagnostic {
	return Diagnostic{
		Severity: Error, Code: "unknown-argument", Summary: "no argument in this map",
		Detail: detail, Range: src.Range(start, end),
	}
}

func TestQuote(t *testing.T) {
	long := "claim = \"" + strings.Repeat("x", 300) + "\""
	tests := []struct {
		name       string
		src        string
		start, end int
		want       string
	}{
		{"caret under the range", "supports = [\"strik\"]\n", 12, 19,
			"   1 | supports = [\"strik\"]\n     |             ^^^^^^^\n"},
		{"empty range gets one caret", "a = 1\n", 4, 4,
			"   1 | a = 1\n     |     ^\n"},
		{"tabs are expanded alike above and below", "\t\"zz\",\n", 1, 5,
			"   1 |     \"zz\",\n     |     ^^^^\n"},
		{"multi-byte characters are one column", "party = \"Sarukhán\" # ñ\nx = 1\n", 20, 21,
			"   1 | party = \"Sarukhán\" # ñ\n     |                    ^\n"},
		{"a range over several lines stops at the line's end", "a = \"\"\"\nb\n\"\"\"\n", 4, 11,
			"   1 | a = \"\"\"\n     |     ^^^\n"},
		{"CRLF is not shown", "a = 1\r\n", 0, 1,
			"   1 | a = 1\n     | ^\n"},
		{"a long line is cut", long, 4, 5,
			"   1 | " + long[:160] + "…\n     |     ^\n"},
		{"far right on a long line: no quote", long, 250, 251, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := NewSource("f.toml", []byte(tt.src))
			var buf bytes.Buffer
			quote(&errWriter{w: &buf}, func(string) *Source { return src }, src.Range(tt.start, tt.end))
			if got := buf.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestQuoteWithoutSource(t *testing.T) {
	var buf bytes.Buffer
	r := FileRange("missing.toml")
	quote(&errWriter{w: &buf}, func(string) *Source { return nil }, r)
	quote(&errWriter{w: &buf}, nil, r)
	if buf.Len() != 0 {
		t.Errorf("quoted %q for a range without a source", buf.String())
	}
}

func TestText(t *testing.T) {
	src := NewSource("debate.toml", []byte("attacks = [\"strik\"]\n"))
	d := diag(src, 11, 18, `Did you mean "strike"?`)
	d.Related = []Related{{Range: src.Range(0, 7), Message: "declared here"}}
	var buf bytes.Buffer
	err := Write(&buf, "text", Report{
		Diagnostics: Diagnostics{d},
		Totals:      Totals{Files: 1, Maps: 1, Arguments: 2},
		Source:      func(string) *Source { return src },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `debate.toml:1:12: error[unknown-argument]: no argument in this map
   1 | attacks = ["strik"]
     |            ^^^^^^^
   = help: Did you mean "strike"?
   = note: debate.toml:1:1: declared here
1 error, 0 warnings in 1 file (1 map, 2 arguments)
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestJSONEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", Report{}); err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	// Consumers iterate over diagnostics: it is an empty array, never null.
	if d, ok := out["diagnostics"].([]any); !ok || len(d) != 0 {
		t.Errorf("diagnostics = %#v, want []", out["diagnostics"])
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, property string }{
		{"plain", "plain", "plain"},
		{"50% done", "50%25 done", "50%25 done"},
		{"two\nlines\r", "two%0Alines%0D", "two%0Alines%0D"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
	}
	for _, tt := range tests {
		if got := ghData(tt.in); got != tt.data {
			t.Errorf("ghData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := ghProperty(tt.in); got != tt.property {
			t.Errorf("ghProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
	}
}

func TestGitHubFileLevel(t *testing.T) {
	d := Diagnostic{Severity: Warning, Code: "read-error", Summary: "cannot read a,b.toml", Range: FileRange("dir/a,b.toml")}
	var buf bytes.Buffer
	if err := Write(&buf, "github", Report{Diagnostics: Diagnostics{d}}); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=dir/a%2Cb.toml,title=argmap read-error::cannot read a,b.toml\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestFileURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"examples/debate.toml", "examples/debate.toml"},
		{"with space/a#b.toml", "with%20space/a%23b.toml"},
		{"/abs/Calderón.toml", "file:///abs/Calder%C3%B3n.toml"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.in); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", Report{}); err == nil || ValidFormat("xml") {
		t.Error("xml accepted")
	}
	for _, f := range Formats() {
		if !ValidFormat(f) {
			t.Errorf("%s not valid", f)
		}
	}
}

// TestFormatsNotShared checks that changing the list Formats returns
// changes neither a later list nor what Write accepts.
func TestFormatsNotShared(t *testing.T) {
	f := Formats()
	f[0] = "xml"
	if got := Formats()[0]; got != "text" {
		t.Errorf("Formats()[0] = %q after a caller changed its copy, want text", got)
	}
	if ValidFormat("xml") {
		t.Error("xml valid after a caller changed its copy of Formats")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriteErrors checks that a failed write is reported, in every format:
// argmap must not exit 0 when its report was lost.
func TestWriteErrors(t *testing.T) {
	src := NewSource("f.toml", []byte("a = 1\n"))
	in := Report{Diagnostics: Diagnostics{diag(src, 0, 1, "")}}
	for _, f := range Formats() {
		if err := Write(failingWriter{}, f, in); err == nil {
			t.Errorf("%s: no error from a failing writer", f)
		}
	}
}

// TestQuoteEscapes checks that a quoted line cannot control the terminal
// and that the caret stays under the range on the line as shown.
func TestQuoteEscapes(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		start, end int
		want       string
	}{
		{"ESC and BEL in a broken file", "a = \x1b[2K\x1b[1G\a\n", 4, 5,
			"   1 | a = \\x1b[2K\\x1b[1G\\x07\n     |     ^^^^\n"},
		{"caret after an escape", "\x1b[31m = [\"x\"]\n", 9, 12,
			"   1 | \\x1b[31m = [\"x\"]\n     |             ^^^\n"},
		{"range over an escape", "k = \"a\x07b\"\n", 4, 9,
			"   1 | k = \"a\\x07b\"\n     |     ^^^^^^^^\n"},
		{"lone CR cannot return to the line's start", "a\rok = 1\n", 2, 4,
			"   1 | a\\rok = 1\n     |    ^^\n"},
		{"bidi override", "x = \"\u202e\" # ok\n", 4, 9,
			"   1 | x = \"\\u202e\" # ok\n     |     ^^^^^^^^\n"},
		{"C1 control", "x = \"\u009b\" 1\n", 9, 10,
			"   1 | x = \"\\u009b\" 1\n     |              ^\n"},
		{"byte-order mark on line 1 is not shown", "\uFEFFa = [\"b\"]\n", 8, 11,
			"   1 | a = [\"b\"]\n     |      ^^^\n"},
		{"tab inside the range", "a = [\t\"b\"]\n", 4, 9,
			"   1 | a = [    \"b\"]\n     |     ^^^^^^^^\n"},
		{"range to the next line", "a = 1\n", 0, 6,
			"   1 | a = 1\n     | ^^^^^\n"},
		{"range over CR LF", "a = 1\r\n", 4, 6,
			"   1 | a = 1\n     |     ^^\n"},
		// 150 escapes are 600 columns: the line is cut, and the caret is
		// too far right to show.
		{"escapes push the caret off the line", strings.Repeat("\x1b", 150) + "x", 150, 151, ""},
		{"escapes widen a line past the cut", strings.Repeat("\x1b", 50) + "x", 0, 1,
			"   1 | " + strings.Repeat(`\x1b`, 40) + "…\n     | ^^^^\n"},
		{"invalid UTF-8 past what is shown does not matter", "a = 1 #" + strings.Repeat("x", 200) + "\xff", 0, 1,
			"   1 | a = 1 #" + strings.Repeat("x", 153) + "…\n     | ^\n"},
		{"invalid UTF-8 in what is shown: no quote", "a = \xff\n", 4, 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := NewSource("f.toml", []byte(tt.src))
			var buf bytes.Buffer
			quote(&errWriter{w: &buf}, func(string) *Source { return src }, src.Range(tt.start, tt.end))
			if got := buf.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// hostile is a diagnostic whose every string carries what a hostile map
// can put there: the file name and the summary come from an include path,
// the detail and the related message from ids and keys.
func hostile() (*Source, Diagnostic) {
	src := NewSource("m\x1b]0;owned\x07.toml", []byte("include = [\"\x1b[2K\x1b[1G0 errors\"]\n"))
	d := Diagnostic{
		Severity: Error, Code: "missing-include",
		Summary: "included file \x1b[2K\x1b[1G0 errors does not exist",
		Detail:  "Did you mean \u202eX?",
		Range:   src.Range(11, 29),
		Related: []Related{{Range: src.Range(0, 7), Message: "here\r\n0 errors"}},
	}
	return src, d
}

func TestTextEscapes(t *testing.T) {
	src, d := hostile()
	var buf bytes.Buffer
	err := Write(&buf, "text", Report{
		Diagnostics: Diagnostics{d},
		Totals:      Totals{Files: 1, Maps: 1},
		Source:      func(string) *Source { return src },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `m\x1b]0;owned\x07.toml:1:12: error[missing-include]: included file \x1b[2K\x1b[1G0 errors does not exist
   1 | include = ["\x1b[2K\x1b[1G0 errors"]
     |            ^^^^^^^^^^^^^^^^^^^^^^^^
   = help: Did you mean \u202eX?
   = note: m\x1b]0;owned\x07.toml:1:1: here\r\n0 errors
1 error, 0 warnings in 1 file (1 map, 0 arguments)
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestGitHubEscapes(t *testing.T) {
	_, d := hostile()
	var buf bytes.Buffer
	if err := Write(&buf, "github", Report{Diagnostics: Diagnostics{d}}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=m\x1b]0;owned\x07.toml,line=1,col=12,endLine=1,endColumn=30,title=argmap missing-include::" +
		`included file \x1b[2K\x1b[1G0 errors does not exist%0ADid you mean \u202eX?%0Am\x1b]0;owned\x07.toml:1:1: here\r\n0 errors` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestMachineFormatsExact checks that JSON and SARIF carry the strings as
// they are: JSON escapes control characters itself, and a program reading
// the report must get the real file name and message back.
func TestMachineFormatsExact(t *testing.T) {
	_, d := hostile()
	in := Report{Diagnostics: Diagnostics{d}}
	for _, format := range []string{"json", "sarif"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, in); err != nil {
			t.Fatal(err)
		}
		if bytes.ContainsAny(buf.Bytes(), "\x1b\x07\r") {
			t.Errorf("%s: raw control characters in the output", format)
		}
		var back any
		if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		strs := map[string]bool{}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				strs[v] = true
			case []any:
				for _, x := range v {
					walk(x)
				}
			case map[string]any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(back)
		want := []string{d.Related[0].Message, d.Summary}
		if format == "sarif" {
			want[1] = d.Summary + ". " + d.Detail + "." // SARIF has one message
		}
		for _, s := range want {
			if !strs[s] {
				t.Errorf("%s: %q not in the output", format, s)
			}
		}
	}
}

// TestSARIFRules checks SARIF's table of rules, which comes from
// Report.Rules: a result points at its rule, or at none (-1) when its code
// is not in the table, and the table is an array even when empty.
func TestSARIFRules(t *testing.T) {
	src := NewSource("f.toml", []byte("a = 1\n"))
	known := testRules.New("self-attack", src.Range(0, 1), "", "x attacks itself")
	unknown := Diagnostic{Severity: Error, Code: "not-registered", Summary: "s", Range: src.Range(0, 1)}
	tests := []struct {
		name      string
		rules     []Rule
		wantRules int
		wantIndex []int
	}{
		{"no rules", nil, 0, []int{-1, -1}},
		{"the format's rules", testRules.All(), len(testRules.All()), []int{5, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, "sarif", Report{Diagnostics: Diagnostics{known, unknown}, Rules: tt.rules}); err != nil {
				t.Fatal(err)
			}
			var out struct {
				Runs []struct {
					Tool struct {
						Driver struct {
							Rules *[]struct{ ID string } `json:"rules"`
						} `json:"driver"`
					} `json:"tool"`
					Results []struct {
						RuleIndex int `json:"ruleIndex"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
				t.Fatal(err)
			}
			run := out.Runs[0]
			if run.Tool.Driver.Rules == nil || len(*run.Tool.Driver.Rules) != tt.wantRules {
				t.Errorf("rules = %v, want an array of %d", run.Tool.Driver.Rules, tt.wantRules)
			}
			for i, res := range run.Results {
				if res.RuleIndex != tt.wantIndex[i] {
					t.Errorf("result %d: ruleIndex %d, want %d", i, res.RuleIndex, tt.wantIndex[i])
				}
			}
		})
	}
}
