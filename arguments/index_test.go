package arguments

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// checkIndex checks the index of a document that BurntSushi/toml accepts
// against what BurntSushi decodes: every key path of MetaData.Keys() is in
// the index, with a key span that reads as that key; every array has as many
// elements in the index as decoded; and every value span (of a key/value
// pair or of an array element) reads back as the value decoded. data may
// start with a byte-order mark, which the index is built without.
func checkIndex(t *testing.T, data []byte) {
	t.Helper()
	base := 0
	if strings.HasPrefix(string(data), "\uFEFF") {
		base = 3
	}
	var doc map[string]any
	md, err := toml.Decode(string(data[base:]), &doc)
	if err != nil {
		t.Fatalf("BurntSushi rejects the document: %v\n%s", err, data)
	}
	root, err := buildIndex(data[base:], base)
	if err != nil {
		t.Fatalf("buildIndex: %v\n%s", err, data)
	}
	text := func(s span) string {
		if s.start < base || s.start > s.end || s.end > len(data) {
			t.Fatalf("span %v outside the document (%d bytes, base %d)\n%s", s, len(data), base, data)
		}
		return string(data[s.start:s.end])
	}
	for _, key := range md.Keys() {
		// A path does not say which table of an array of tables it is in:
		// look in all of them.
		// Every part of the path, such as a in [a.b], must have the span of
		// where it is written.
		nodes := []*node{root}
		for i, part := range key {
			var next []*node
			for _, n := range nodes {
				c := n.lookup(part)
				if c == nil {
					continue
				}
				if name, ok := readKey(text(c.key)); !ok || name != part {
					t.Errorf("key %q: span %v of %q is %q\n%s", []string(key), c.key, part, text(c.key), data)
				}
				next = withElems(next, c)
			}
			if len(next) == 0 {
				t.Errorf("key %q is not in the index (no %q)\n%s", []string(key), key[:i+1], data)
				break
			}
			nodes = next
		}
	}
	var walk func(path string, v any, n *node)
	walk = func(path string, v any, n *node) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				c := n.lookup(k)
				if c == nil {
					t.Errorf("%s.%s is not in the index\n%s", path, k, data)
					continue
				}
				if !c.val.isZero() {
					checkValue(t, path+"."+k, text(c.val), x, data)
				}
				walk(path+"."+k, x, c)
			}
		case []map[string]any:
			if len(n.elems) != len(v) {
				t.Errorf("%s: %d tables in the index, %d decoded\n%s", path, len(n.elems), len(v), data)
				return
			}
			for i, x := range v {
				el := n.elems[i]
				if !el.val.isZero() {
					checkValue(t, fmt.Sprintf("%s[%d]", path, i), text(el.val), x, data)
				}
				walk(fmt.Sprintf("%s[%d]", path, i), x, el)
			}
		case []any:
			if len(n.elems) != len(v) {
				t.Errorf("%s: %d elements in the index, %d decoded\n%s", path, len(n.elems), len(v), data)
				return
			}
			for i, x := range v {
				checkValue(t, fmt.Sprintf("%s[%d]", path, i), text(n.elems[i].val), x, data)
				walk(fmt.Sprintf("%s[%d]", path, i), x, n.elems[i])
			}
		}
	}
	walk("", doc, root)
}

// withElems appends n and its elements, and theirs: the tables a key path
// of MetaData.Keys() may continue in, as it does not count array levels.
func withElems(list []*node, n *node) []*node {
	list = append(list, n)
	for _, el := range n.elems {
		list = withElems(list, el)
	}
	return list
}

// checkValue checks that the text of a value span decodes to want.
func checkValue(t *testing.T, path, text string, want any, data []byte) {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode("x = "+text, &m); err != nil {
		t.Errorf("%s: span %q is not a value: %v\n%s", path, text, err, data)
		return
	}
	if got := m["x"]; !sameValue(got, want) {
		t.Errorf("%s: span %q decodes to %#v, the document to %#v\n%s", path, text, got, want, data)
	}
}

// sameValue is reflect.DeepEqual, except that NaN equals NaN.
func sameValue(a, b any) bool {
	if x, ok := a.(float64); ok && math.IsNaN(x) {
		y, ok := b.(float64)
		return ok && math.IsNaN(y)
	}
	switch x := a.(type) {
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !sameValue(x[k], y[k]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// readKey decodes a key as written: bare, or a quoted string.
func readKey(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	if s[0] != '"' && s[0] != '\'' {
		return s, validBareKey(s)
	}
	var m map[string]any
	if _, err := toml.Decode("x = "+s, &m); err != nil {
		return "", false
	}
	k, ok := m["x"].(string)
	return k, ok
}

// validBareKey reports whether s is a bare TOML key.
func validBareKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// docGen writes random valid TOML documents: tables, arrays of tables,
// inline tables (TOML 1.1 multi-line ones too), dotted and quoted keys,
// arrays with comments and line breaks, every kind of string, number and
// date. Key names are unique, so the documents never define a key twice.
type docGen struct {
	rng   *rand.Rand
	b     strings.Builder
	nl    string // "\n" or "\r\n"
	names int
}

func (g *docGen) intn(n int) int { return g.rng.IntN(n) }

func (g *docGen) pick(s ...string) string { return s[g.intn(len(s))] }

func (g *docGen) ws() string { return g.pick("", " ", " ", "\t", "  ") }

// name returns a new key name, sometimes one that must be quoted. It is
// never the empty key, which BurntSushi/toml confuses with the table that
// holds it (github.com/BurntSushi/toml/pull/492).
func (g *docGen) name() string {
	g.names++
	n := fmt.Sprint(g.names)
	switch g.intn(8) {
	case 0:
		return "a b" + n
	case 1:
		return "Calderón" + n
	case 2:
		return "x.y" + n
	}
	return g.pick("k", "arguments", "claim", "K_", "1", "-") + n
}

// key writes a key name as a bare, basic or literal key.
func (g *docGen) key(name string) string {
	if validBareKey(name) && g.intn(3) > 0 {
		return name
	}
	if !strings.Contains(name, "'") && g.intn(3) == 0 {
		return "'" + name + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range name {
		switch {
		case r == 'k' && g.intn(2) == 0:
			b.WriteString(`\u006B`)
		case r == 'é' && g.intn(2) == 0:
			b.WriteString(`\u00E9`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotted writes a dotted key of fresh names, 1 to 3 parts.
func (g *docGen) dotted() string {
	parts := []string{g.key(g.name())}
	for g.intn(4) == 0 && len(parts) < 3 {
		parts = append(parts, g.key(g.name()))
	}
	return strings.Join(parts, g.ws()+"."+g.ws())
}

func (g *docGen) comment() string {
	return g.pick("#", "# a comment", "#\ttab, \"quotes\" and [brackets] ]", "# ünïcödé")
}

func (g *docGen) scalar() string {
	switch g.intn(22) {
	case 0:
		return `"plain"`
	case 1:
		return `"esc \" \\ \n \t \u00E9 \U0001F642 \e \x41"`
	case 2:
		return `'literal \ "x"'`
	case 3:
		return `""`
	case 4:
		return `"""` + g.nl + `multi "" line` + g.nl + `"""`
	case 5:
		return `"""a \` + g.nl + `   b"""""`
	case 6:
		return `'''` + g.nl + `lit '' eral` + g.nl + `'''''`
	case 7:
		return `''''''`
	case 8:
		return g.pick("0", "42", "-17", "+3", "1_000", "0xdead_BEEF", "0o755", "0b1101")
	case 9:
		return g.pick("1.5", "-0.0", "6.02e23", "1e-7", "3_141.592_6", "inf", "-inf", "+inf", "nan")
	case 10:
		return g.pick("true", "false")
	case 11:
		return g.pick("1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27 07:32:00Z")
	case 12:
		return g.pick("1979-05-27T07:32:00", "1979-05-27 07:32", "1979-05-27")
	case 13:
		return g.pick("07:32:00", "00:32:00.5", "07:32")
	case 14:
		return `"Calderón’s “kingpin” 🙂"`
	case 15:
		return `"a # not a comment [ { "`
	}
	return fmt.Sprintf("%q", g.pick("a", "b", "strike", ""))
}

func (g *docGen) value(depth int) string {
	if depth > 3 {
		return g.scalar()
	}
	switch g.intn(6) {
	case 0:
		return g.array(depth + 1)
	case 1:
		return g.inlineTable(depth + 1)
	}
	return g.scalar()
}

func (g *docGen) array(depth int) string {
	var b strings.Builder
	b.WriteString("[")
	n := g.intn(5)
	multi := g.intn(2) == 0
	for i := 0; i < n; i++ {
		if multi {
			b.WriteString(g.ws())
			if g.intn(3) == 0 {
				b.WriteString(g.comment())
			}
			b.WriteString(g.nl + g.ws())
		}
		if g.intn(3) == 0 {
			b.WriteString(g.inlineTable(depth + 1))
		} else {
			b.WriteString(g.value(depth))
		}
		if i < n-1 || g.intn(3) == 0 {
			b.WriteString(g.ws() + ",")
		}
		b.WriteString(g.ws())
	}
	if multi {
		if g.intn(2) == 0 {
			b.WriteString(g.comment())
		}
		b.WriteString(g.nl)
	}
	b.WriteString("]")
	return b.String()
}

func (g *docGen) inlineTable(depth int) string {
	var b strings.Builder
	b.WriteString("{" + g.ws())
	n := g.intn(4)
	multi := g.intn(4) == 0 // TOML 1.1
	for i := 0; i < n; i++ {
		if multi {
			if g.intn(3) == 0 {
				b.WriteString(g.comment())
			}
			b.WriteString(g.nl + g.ws())
		}
		b.WriteString(g.dotted() + g.ws() + "=" + g.ws() + g.value(depth))
		if i < n-1 || (multi && g.intn(2) == 0) {
			b.WriteString(g.ws() + "," + g.ws())
		}
	}
	if multi {
		b.WriteString(g.nl)
	}
	b.WriteString(g.ws() + "}")
	return b.String()
}

// keyValues writes up to n key/value lines.
func (g *docGen) keyValues(n int) {
	for i := g.intn(n + 1); i > 0; i-- {
		switch g.intn(6) {
		case 0:
			g.b.WriteString(g.comment() + g.nl)
		case 1:
			g.b.WriteString(g.nl)
		}
		g.b.WriteString(g.ws() + g.dotted() + g.ws() + "=" + g.ws() + g.value(0) + g.ws())
		if g.intn(4) == 0 {
			g.b.WriteString(g.comment())
		}
		g.b.WriteString(g.nl)
	}
}

func (g *docGen) header(open, close, key string) {
	g.b.WriteString(g.ws() + open + g.ws() + key + g.ws() + close + g.ws())
	if g.intn(4) == 0 {
		g.b.WriteString(g.comment())
	}
	g.b.WriteString(g.nl)
}

// document returns a random valid document.
func (g *docGen) document() []byte {
	g.b.Reset()
	g.names = 0
	g.nl = g.pick("\n", "\r\n")
	if g.intn(8) == 0 {
		g.b.WriteString("\uFEFF")
	}
	g.keyValues(4)
	for i := g.intn(6); i > 0; i-- {
		switch g.intn(3) {
		case 0:
			g.header("[", "]", g.dotted())
			g.keyValues(4)
		case 1:
			// An array of tables, with sub-tables and nested arrays of
			// tables in its last table.
			name := g.dotted()
			for j := 1 + g.intn(3); j > 0; j-- {
				g.header("[[", "]]", name)
				g.keyValues(3)
			}
			if g.intn(2) == 0 {
				g.header("[", "]", name+"."+g.key(g.name()))
				g.keyValues(2)
			}
			if g.intn(2) == 0 {
				sub := name + g.ws() + "." + g.ws() + g.key(g.name())
				for j := 1 + g.intn(2); j > 0; j-- {
					g.header("[[", "]]", sub)
					g.keyValues(2)
				}
			}
		default:
			// A table and a sub-table of it, written after a table in
			// between (allowed: the header defines the sub-table).
			name := g.dotted()
			g.header("[", "]", name)
			g.keyValues(2)
			g.header("[", "]", g.dotted())
			g.header("[", "]", name+"."+g.key(g.name()))
			g.keyValues(2)
		}
	}
	return []byte(g.b.String())
}

// TestIndexAgreesWithBurntSushi checks the index of random valid documents
// against what BurntSushi/toml decodes from them.
func TestIndexAgreesWithBurntSushi(t *testing.T) {
	g := &docGen{rng: rand.New(rand.NewPCG(1, 2))}
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		data := g.document()
		checkIndex(t, data)
		if t.Failed() {
			t.Fatalf("document %d failed", i)
		}
	}
}

// TestIndex checks the spans of a few documents by hand.
func TestIndex(t *testing.T) {
	src := "\uFEFF" + `top = 1
[arguments . "a b"]   # header
claim = "Calderón"
attacks = [ "x" , # comment
  'y',
]
[[relations]]
from = "a"
[[relations]]
to.x = { "q" = [1, [2, 3]], r = {} }
`
	data := []byte(src)
	root, err := buildIndex(data[3:], 3)
	if err != nil {
		t.Fatal(err)
	}
	text := func(s span) string { return string(data[s.start:s.end]) }
	args := root.lookup("arguments")
	ab := args.lookup("a b")
	rel := root.lookup("relations")
	tests := []struct {
		what string
		got  span
		want string
	}{
		{"top key", root.lookup("top").key, "top"},
		{"top value", root.lookup("top").val, "1"},
		{"arguments key", args.key, "arguments"},
		{"a b key", ab.key, `"a b"`},
		{"a b header", ab.head, `[arguments . "a b"]`},
		{"a b at", ab.at(), `[arguments . "a b"]`},
		{"claim value", ab.lookup("claim").val, `"Calderón"`},
		{"attacks value", ab.lookup("attacks").val, "[ \"x\" , # comment\n  'y',\n]"},
		{"attacks[0]", ab.lookup("attacks").elem(0).val, `"x"`},
		{"attacks[1]", ab.lookup("attacks").elem(1).val, `'y'`},
		{"relations[0] header", rel.elem(0).head, "[[relations]]"},
		{"relations[1] header", rel.elem(1).head, "[[relations]]"},
		{"relations[0].from", rel.elem(0).lookup("from").val, `"a"`},
		{"to key", rel.elem(1).lookup("to").key, "to"},
		{"to.x key", rel.elem(1).lookup("to").lookup("x").key, "x"},
		{"to.x value", rel.elem(1).lookup("to").lookup("x").val, `{ "q" = [1, [2, 3]], r = {} }`},
		{"q key", rel.elem(1).lookup("to").lookup("x").lookup("q").key, `"q"`},
		{"q[1]", rel.elem(1).lookup("to").lookup("x").lookup("q").elem(1).val, "[2, 3]"},
		{"q[1][0]", rel.elem(1).lookup("to").lookup("x").lookup("q").elem(1).elem(0).val, "2"},
		{"r value", rel.elem(1).lookup("to").lookup("x").lookup("r").val, "{}"},
	}
	for _, tt := range tests {
		if got := text(tt.got); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.what, got, tt.want)
		}
	}
	if rel.elem(2) != nil || rel.elem(-1) != nil || (*node)(nil).lookup("x") != nil || (*node)(nil).elem(0) != nil {
		t.Error("elem or lookup of something that is not there is not nil")
	}
}

// TestIndexManyKeys checks the lookup of a table with more keys than the
// linear search handles.
func TestIndexManyKeys(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	root, err := buildIndex([]byte(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(root.kids) != 50 {
		t.Fatalf("%d keys, want 50", len(root.kids))
	}
	for i, k := range root.kids {
		if name := fmt.Sprintf("k%d", i); k.name != name || root.lookup(name) != k.node {
			t.Errorf("key %d is %q, or lookup finds another node", i, k.name)
		}
	}
	if root.lookup("k50") != nil {
		t.Error("lookup of a missing key is not nil")
	}
}
