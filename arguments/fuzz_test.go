package arguments

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

var strictIndex = flag.Bool("strictindex", false, "FuzzIndex: fail when go-toml rejects a document that BurntSushi/toml accepts")

// addSeeds adds every input of testdata/check and the example map to the
// seed corpus of f.
func addSeeds(f *testing.F) {
	f.Helper()
	var paths []string
	for _, root := range []string{checkDir, "../examples"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".toml") {
				paths = append(paths, path)
			}
			return nil
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	if len(paths) < 40 {
		f.Fatalf("only %d seed files", len(paths))
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range shapeSeeds() {
		f.Add([]byte(s))
	}
}

// shapeSeeds are the shapes that cost most: keys at and past MaxKeyDepth,
// in dotted keys, headers and inline tables; very long lines of ASCII and
// of multi-byte text, whose columns Pos counts; and terminal controls in
// strings and keys.
func shapeSeeds() []string {
	// The long line lists ids, not includes: every missing include costs
	// the Loader a look at the directory, and a seed that slow would take
	// the fuzzer's time.
	var long, wide strings.Builder
	long.WriteString("[arguments.a]\nclaim = \"A\"\nattacks = [")
	wide.WriteString("[arguments.a]\nclaim = \"")
	for i := range 2000 {
		fmt.Fprintf(&long, "\"b%d\", ", i)
		wide.WriteString("Calderón “🙂” ")
		if i%500 == 0 {
			wide.WriteString("\xe2\x80") // cut off: not UTF-8
		}
	}
	long.WriteString("]\n")
	wide.WriteString("\"\n")
	inline := func(n int) string { return "x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n" }
	return []string{
		dotted(MaxKeyDepth) + " = 1\n",
		dotted(MaxKeyDepth+1) + " = 1\n",
		"[" + dotted(MaxKeyDepth) + "]\n",
		"[[" + dotted(MaxKeyDepth+1) + "]]\n",
		"[" + dotted(MaxKeyDepth/2) + "]\n" + dotted(MaxKeyDepth/2+1) + " = 1\n",
		inline(MaxKeyDepth - 1),
		inline(MaxKeyDepth),
		"a = [{b.c = {d = [{e = 1}]}}]\n" + `"f"."g" . 'h' = 2` + "\n",
		long.String(),
		`include = ["a.toml", "b.toml", "c.toml", "b.toml", "d/../a.toml"]` + "\n",
		wide.String(),
		"[arguments.a]\nclaim = \"\x1b[2K\x1b[1G0 errors \u202e\"\nattacks = [\"\x1b]0;x\x07\"]\n",
		// Schemes and critical questions, well and badly formed.
		"schemes = 1\n[arguments.a]\nclaim = \"A\"\nscheme = 2\n",
		"[schemes.s]\nquestions = [1, {id = 2}, {id = \"q\", kind = 3}, {id = \"q\"}]\npremises = \"p\"\n[arguments.a]\nclaim = \"A\"\nscheme = \"s\"\n" +
			"[[relations]]\nfrom = \"a\"\nto = \"a\"\ntype = \"question\"\nquestion = \"q\"\n[[relations]]\nfrom = \"a\"\nto = \"a\"\ntype = \"answer\"\nquestion = [\"q\"]\n",
		"[[relations]]\nfrom = \"\"\nto = {from = \"a\", to = \"b\"}\ntype = \"question\"\nquestion = \"\"\n",
		// Coalitions and tags, well and badly formed.
		"[arguments.a]\nclaim = \"A\"\nparty = [\"United States\", \"United  Kingdom\", \"\", 1, \"United Kingdom\", [\"x\"]]\ntags = [\"legal basis: self-defence\", \" \", {a = 1}, \"legal basis:self-defence\"]\n" +
			"[arguments.b]\nclaim = \"B\"\nparty = []\ntags = []\nattacks = [\"a\"]\n[arguments.c]\nclaim = \"C\"\nparty = {name = \"x\"}\ntags = \"t\"\nsupports = [\"a\"]\n",
		"[arguments.a]\nclaim = \"A\"\nparty = [\"Calderón “🙂”\", \"\\u202e\\u0007\", \"\xe2\x80\"]\ntags = [\"\\t:\\n\", \":\", \"a:b:c\"]\n",
	}
}

// FuzzParse checks that Parse and Loader never panic and that every
// diagnostic they report is well formed: a registered code, a file name, and
// a position inside the file's text.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, diags := Parse("f.toml", data)
		if file == nil || file.Source == nil || !bytes.Equal(file.Source.Data, data) {
			t.Fatal("Parse returned no file, or not the file's text")
		}
		for _, d := range diags {
			checkParseDiagnostic(t, data, d)
		}
		for _, a := range file.Arguments {
			if a.Weight < 0 || a.Weight > 1 || a.Weight != a.Weight {
				t.Errorf("argument %q has weight %v", a.ID, a.Weight)
			}
			for _, names := range [][]string{a.Parties, a.Tags} {
				seen := map[string]bool{}
				for _, n := range names {
					if strings.TrimSpace(n) == "" || seen[sameName(n)] {
						t.Errorf("argument %q: blank or repeated name %q in %q", a.ID, n, names)
					}
					seen[sameName(n)] = true
				}
			}
			if a.Coalition() && a.Party != strings.Join(a.Parties, CoalitionJoiner) {
				t.Errorf("argument %q: Party %q for the coalition %q", a.ID, a.Party, a.Parties)
			}
		}

		// The same text as two files, a.toml and b.toml, of which either may
		// include the other, itself, or files that do not exist.
		l := &Loader{ReadFile: func(name string) ([]byte, error) {
			if name == "a.toml" || name == "b.toml" {
				return data, nil
			}
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}}
		for _, root := range []string{"a.toml", "b.toml"} {
			m, diags := l.Load(root)
			for _, d := range diags {
				checkLoadDiagnostic(t, l, d)
			}
			checkStrictOrder(t, m)
			// One argument node per argument, in order, then one inference
			// node per undercut support or attack and per linked reason,
			// named by the relation, then the nodes of the critical questions raised.
			g := m.Graph()
			args := 0
			for i := range g.Len() {
				name := g.Name(i)
				prem, to, rel := g.Premises(i)
				var names []string
				premArgs := len(prem) > 0
				for _, p := range prem {
					names = append(names, g.Name(p))
					premArgs = premArgs && g.Kind(p) == graph.Argument
				}
				switch {
				case g.Kind(i) == graph.Argument && (args >= len(m.Arguments) || name != m.Arguments[args].ID || i != args):
					t.Errorf("argument node %d is %q; %d arguments", i, name, len(m.Arguments))
				case g.Kind(i) == graph.Argument:
					args++
				case g.Kind(i) == graph.Question:
					// A critical question raised: raised by arguments, named ARG?QUESTION.
					raisers, _ := g.Raisers(i)
					arg, _, ok := strings.Cut(name, "?")
					if _, isArg := g.Node(arg); !ok || !isArg || len(raisers) == 0 {
						t.Errorf("question node %d, %q, raised by %v", i, name, raisers)
					}
					for _, r := range raisers {
						if g.Kind(r) != graph.Argument {
							t.Errorf("question node %d, %q, raised by node %d of kind %v", i, name, r, g.Kind(r))
						}
					}
				case rel == 0 || !premArgs || g.Kind(to) != graph.Argument ||
					name != (Inference{LinkedName(names), g.Name(to)}).Name():
					t.Errorf("node %d, %q, of kind %v, is no inference of a support or attack", i, name, g.Kind(i))
				}
			}
			if args != len(m.Arguments) {
				t.Errorf("%d argument nodes, want %d", args, len(m.Arguments))
			}
		}
	})
}

// checkLoadDiagnostic checks the invariants of a diagnostic of a Loader.
func checkLoadDiagnostic(t *testing.T, l *Loader, d diagnostic.Diagnostic) {
	t.Helper()
	if _, ok := ruleSeverity(d.Code); !ok {
		t.Errorf("%s: code not in Rules()", formatDiagnostic(d))
	}
	ranges := []diagnostic.Range{d.Range}
	for _, rel := range d.Related {
		ranges = append(ranges, rel.Range)
	}
	for _, r := range ranges {
		if r.Filename == "" {
			t.Errorf("%s: no file name", formatDiagnostic(d))
		}
		if !r.Start.IsValid() {
			continue
		}
		src := l.Source(r.Filename)
		if src == nil {
			t.Errorf("%s: no source for %s", formatDiagnostic(d), r.Filename)
			continue
		}
		if r.Start.Line < 1 || r.Start.Column < 1 || r.Start.Offset > r.End.Offset || r.End.Offset > len(src.Data) {
			t.Errorf("%s: bad range %+v in %d bytes", formatDiagnostic(d), r, len(src.Data))
		}
		if src.Line(r.Start.Line) == nil && !src.Hidden {
			t.Errorf("%s: no line %d", formatDiagnostic(d), r.Start.Line)
		}
	}
}

// FuzzIndex checks the index of every document that BurntSushi/toml
// accepts against what BurntSushi decodes from it (see checkIndex).
//
// The two parsers disagree on a few documents, none of them an argmap
// file. BurntSushi/toml accepts a dotted key followed by a value for the
// same key (github.com/BurntSushi/toml/issues/451): the index reports it, and
// Parse with it. An empty key ("") confuses BurntSushi/toml's records of
// types (github.com/BurntSushi/toml/pull/492), so that it drops elements of
// arrays: those documents are only checked not to crash. Should go-toml's
// parser reject a document that BurntSushi/toml accepts, Parse reports what
// the index lacks at the position of the enclosing table; -strictindex makes
// that an error, to find such documents.
func FuzzIndex(f *testing.F) {
	addSeeds(f)
	g := &docGen{rng: rand.New(rand.NewPCG(5, 6))}
	for range 30 {
		f.Add(g.document())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
			// Parse stops there. BurntSushi/toml accepts some of these:
			// it skips a UTF-16 byte-order mark, "\xff\xfe".
			return
		}
		body := data
		base := 0
		if bytes.HasPrefix(data, utf8BOM) {
			body, base = data[3:], 3
		}
		if _, deep := tooDeep(body, MaxNesting); deep || bytes.HasPrefix(body, utf8BOM) {
			return // Parse stops there too
		}
		var doc map[string]any
		if _, err := toml.Decode(string(body), &doc); err != nil {
			return
		}
		if d := arrayDepth(doc); d > MaxNesting {
			t.Fatalf("tooDeep missed arrays nested %d deep", d)
		}
		// keysTooDeep must see every key as deep as it is, at any limit:
		// small ones try it on the shapes of every document.
		depth := mapDepth(doc)
		for _, limit := range []int{1, 2, 3, MaxKeyDepth} {
			if _, deep := keysTooDeep(body, limit); depth > limit && !deep {
				t.Fatalf("keysTooDeep(%d) missed keys nested %d deep", limit, depth)
			}
		}
		if _, deep := keysTooDeep(body, MaxKeyDepth); deep {
			return // Parse stops there
		}
		root, err := buildIndex(body, base)
		var dup *duplicateKeyError
		switch {
		case errors.As(err, &dup):
			return
		case err != nil:
			if *strictIndex && !knownDisagreement(err) {
				t.Fatalf("go-toml rejects what BurntSushi/toml accepts: %v\n%q", err, data)
			}
			_, diags := Parse("f.toml", data)
			for _, d := range diags {
				checkParseDiagnostic(t, data, d)
			}
			return
		case hasEmptyKey(root):
			return
		}
		// Nor may it find keys deeper than they are: the index, which
		// holds every key as written, says how deep they are.
		for _, limit := range []int{1, 2, 3} {
			if at, deep := keysTooDeep(body, limit); deep && nodeDepth(root) <= limit {
				t.Fatalf("keysTooDeep(%d) finds %q too deep, but keys nest %d deep", limit, body[at.start:at.end], nodeDepth(root))
			}
		}
		checkIndex(t, data)
	})
}

// knownDisagreements are the documents that BurntSushi/toml accepts and
// go-toml's parser rejects, by go-toml's message, with what BurntSushi/toml
// does wrong. argmap reads them, with positions that fall back to the
// enclosing table after the point where go-toml stops.
var knownDisagreements = []struct{ message, why string }{
	{"too many quotes at the end of a multiline basic string",
		`after an escaped backslash, BurntSushi/toml takes the next quote for an escaped one: """\"""""" is "\\\"\"\"", not an error`},
}

func knownDisagreement(err error) bool {
	for _, k := range knownDisagreements {
		if err.Error() == k.message {
			return true
		}
	}
	return false
}

// hasEmptyKey reports whether the tree has a key named "".
func hasEmptyKey(n *node) bool {
	for _, k := range n.kids {
		if k.name == "" || hasEmptyKey(k.node) {
			return true
		}
	}
	for _, el := range n.elems {
		if hasEmptyKey(el) {
			return true
		}
	}
	return false
}

// mapDepth returns how deeply tables nest in a decoded value: the number
// of keys on the longest path to a value. Arrays do not count.
func mapDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			d = max(d, 1+mapDepth(x))
		}
	case []map[string]any:
		for _, x := range v {
			d = max(d, mapDepth(x))
		}
	case []any:
		for _, x := range v {
			d = max(d, mapDepth(x))
		}
	}
	return d
}

// nodeDepth is mapDepth for the index.
func nodeDepth(n *node) int {
	d := 0
	for _, k := range n.kids {
		d = max(d, 1+nodeDepth(k.node))
	}
	for _, el := range n.elems {
		d = max(d, nodeDepth(el))
	}
	return d
}

// arrayDepth returns how deeply arrays nest in a decoded value.
func arrayDepth(v any) int {
	d := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			d = max(d, arrayDepth(x))
		}
	case []map[string]any:
		for _, x := range v {
			d = max(d, arrayDepth(x))
		}
	case []any:
		for _, x := range v {
			d = max(d, 1+arrayDepth(x))
		}
		d = max(d, 1)
	}
	return d
}

// checkStrictOrder checks that a map's preference order is strict, whatever
// its entries say: irreflexive and asymmetric (for the first arguments).
func checkStrictOrder(t *testing.T, m *Map) {
	t.Helper()
	args := m.Arguments[:min(len(m.Arguments), 20)]
	for _, a := range args {
		for _, b := range args {
			if m.Prevails(a.ID, b.ID) && (a == b || m.Prevails(b.ID, a.ID)) {
				t.Errorf("%q prevails over %q, and the other way round", a.ID, b.ID)
			}
		}
	}
}
