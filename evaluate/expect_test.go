package evaluate

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
)

// expectTables has a mistake in each of its [expect.*] tables but the last,
// whose expectation fails.
const expectTables = `
[expect.groundd]
in = ["a"]

[expect.preferred]
support = "deductiv"
in = ["a"]

[expect.h-categorizer]
in = ["a"]

[expect.grounded]
in = ["b"]
`

// The diagnostics of expectTables' mistakes, in the order of the file, with
// lines counted from the start of expectTables.
var expectTableMistakes = []string{
	`2:1: bad-value: unknown semantics "groundd" | Did you mean "grounded"? Expectations are for grounded, complete, preferred, stable, semi-stable, stage, ideal or carneades semantics.`,
	`6:11: bad-value: unknown support mode "deductiv" | Did you mean "deductive"? The support modes are `,
	`9:1: bad-value: h-categorizer is a gradual semantics, which scores arguments rather than labelling them | Expectations are for grounded, complete, preferred, stable, semi-stable, stage, ideal or carneades semantics.`,
}

// TestCheckMap checks that the mistakes of [expect.*] tables are reported
// whatever else is wrong with the map (they used to vanish as soon as the
// map had another error), and that only the evaluation waits for a map
// without errors.
func TestCheckMap(t *testing.T) {
	const good = "[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n[arguments.b]\nclaim = \"B.\"\n\n"
	tests := []struct {
		name  string
		head  string            // map.toml before expectTables
		files map[string]string // the other files
		want  []string          // diagnostics of the tables, by prefix
	}{
		{"a map without errors: tables checked and evaluated", good, nil,
			append(expectTableMistakes, `13:7: failed-expectation: "b" is expected in under grounded semantics, but it is out`)},
		{"an unknown argument", "[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\", \"zz\"]\n[arguments.b]\nclaim = \"B.\"\n", nil,
			expectTableMistakes},
		{"an error of syntax in another file", "include = [\"part.toml\"]\n" + good,
			map[string]string{"part.toml": "[arguments.c\n"}, expectTableMistakes},
		{"a missing include", "include = [\"gone.toml\"]\n" + good, nil, expectTableMistakes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &arguments.Loader{ReadFile: func(name string) ([]byte, error) {
				if name == "map.toml" {
					return []byte(tt.head + expectTables), nil
				}
				if src, ok := tt.files[name]; ok {
					return []byte(src), nil
				}
				return nil, fs.ErrNotExist
			}}
			m, diags := l.Load("map.toml")
			diags = CheckMap(context.Background(), m, diags)
			start := strings.Count(tt.head, "\n") // the line before expectTables
			var got []string
			for _, d := range diags {
				if d.Range.Filename == "map.toml" && d.Range.Start.Line > start {
					got = append(got, fmt.Sprintf("%d:%d: %s: %s | %s", d.Range.Start.Line-start, d.Range.Start.Column, d.Code, d.Summary, d.Detail))
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("diagnostics of the tables:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %d:\n%s\nwant prefix:\n%s", i, got[i], w)
				}
			}
		})
	}
}

// TestExpectationHelp checks that the messages about an expectation's
// semantics name only the semantics an expectation accepts: the Dung
// semantics, which label arguments, not the gradual ones, which score them.
func TestExpectationHelp(t *testing.T) {
	for _, name := range []string{"groundd", "h-categorizr", "df-quad", "dfquad", "xyz"} {
		m := load(t, floating+"[expect."+name+"]\nin = [\"a\"]\n")
		diags := CheckExpectationTables(m)
		if len(diags) != 1 {
			t.Fatalf("[expect.%s]: %d diagnostics, want 1: %v", name, len(diags), diags)
		}
		text := diags[0].Summary + " " + diags[0].Detail
		for _, gradual := range []string{"h-categorizer", "df-quad"} {
			if strings.Contains(text, gradual) && !strings.HasPrefix(diags[0].Summary, gradual+" is a gradual semantics") {
				t.Errorf("[expect.%s] offers %s, which an expectation does not accept: %s", name, gradual, text)
			}
		}
		if !strings.Contains(diags[0].Detail, "Expectations are for grounded, complete, preferred") {
			t.Errorf("[expect.%s]: help %q does not list the semantics an expectation accepts", name, diags[0].Detail)
		}
	}
	// ICCMA codes and any case are accepted, as on the command line.
	m := load(t, floating+"[expect.PR]\nin = [\"d\"]\n[expect.Grounded]\nundec = [\"d\"]\n")
	if diags := CheckExpectations(context.Background(), m); len(diags) != 0 {
		t.Errorf("[expect.PR] and [expect.Grounded]: %v", diags)
	}
}
