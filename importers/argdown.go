package importers

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
)

// ReadArgdown reads an Argdown document (https://argdown.org): the subset
// that argmap export writes, and what hand-written Argdown most often uses.
// argmap reads it itself, so that argmap needs no JavaScript; its tests
// check that it reads argmap's exports as Argdown's own parser does.
//
//   - A statement "[title]: text" is an argument, whose id is its title (or
//     one derived from it) and whose claim is its text; "[title]" alone
//     refers to it, and a line of text alone is a statement without a
//     title. Its data, "{...}" at the end of the line in JSON or YAML's flow
//     style, gives its kind, party (an array for a coalition), tags,
//     sources (or source), weight, rank, date, standard, burden, burden_note
//     and scheme.
//   - An argument "<title>: text" with no premise-conclusion structure is an
//     argument too, its text the claim (its title when it has none).
//   - A premise-conclusion structure — lines "(1) ...", an inference line
//     "----" (or "--" ... "--"), then the conclusion — is a support from the
//     premises to the conclusion, a linked reason when they are several; a
//     structure of several steps gives a support for each step. It belongs
//     to the argument "<title>" on the line before it, if any.
//   - Relations, indented under what they are about: "+ X" (X supports it),
//     "- X" (X attacks it), "<+ X", "<- X", "+> X" (it supports X), "-> X",
//     "_> X" (it undercuts X), "<_ X" and "_ X" (X undercuts it), "><  X"
//     (contradictories: each attacks the other). A relation to or from an
//     argument with a premise-conclusion structure is one to or from its
//     conclusion, except an attack or undercut on it, which undercuts its
//     inference. An argument without text that one statement supports and
//     that attacks one statement is that attack (as argmap export writes an
//     attack that is undercut), and what attacks it undercuts the attack.
//   - The title of the front matter ("===" lines) is the map's title;
//     headings, comments ("//", "/* */", "<!-- -->") and tags are skipped.
//
// A line argmap cannot read is reported at its line and column.
func ReadArgdown(name string, data []byte) (*Map, diagnostic.Diagnostics) {
	p := newProblems(name, data)
	r := &adReader{p: p, data: data, byTitle: map[string]*adElem{}}
	r.read()
	if p.errors() {
		return newBuilder(p).done()
	}
	return r.build()
}

// adElem is a statement or an argument of the document.
type adElem struct {
	statement  bool
	title      string
	text       string
	data       map[string]any
	start      int         // offset of its first mention, for messages
	pcs        []adStep    // an argument's premise-conclusion structure
	relations  []adRel     // relations whose source is this element
	incoming   []adRel     // relations whose target is this element
	id         string      // the argmap id, for those that become arguments
	attack     *Relation   // the attack this argument stands for
	inferences []*Relation // the supports of its premise-conclusion structure
}

// adStep is one inference of a premise-conclusion structure.
type adStep struct {
	premises   []*adElem
	conclusion *adElem
}

// adRel is a relation between two elements.
type adRel struct {
	typ      string // "support", "attack", "undercut"
	from, to *adElem
	start    int
}

type adReader struct {
	p        *problems
	data     []byte
	title    string
	elems    []*adElem
	byTitle  map[string]*adElem // "[title]" and "<title>" keys
	untitled int
}

// adLine is a line of the document with comments removed.
type adLine struct {
	text   string // without the line break; comments blanked out
	start  int    // offset of the line
	indent int    // in columns, a tab counting 4
}

func (r *adReader) read() {
	text := stripComments(r.data)
	var lines []adLine
	off := 0
	for _, raw := range bytes.SplitAfter(text, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r\n")
		indent := 0
		for _, c := range line {
			if c == ' ' {
				indent++
			} else if c == '\t' {
				indent += 4
			} else {
				break
			}
		}
		lines = append(lines, adLine{line, off, indent})
		off += len(raw)
	}
	if bytes.HasPrefix(text, utf8BOM) {
		// The byte-order mark is no indentation.
		l := &lines[0]
		l.text, l.start = l.text[len(utf8BOM):], len(utf8BOM)
		l.indent = len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	}
	i := 0
	// The front matter.
	for i < len(lines) && strings.TrimSpace(lines[i].text) == "" {
		i++
	}
	if i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i].text), "===") {
		j := i + 1
		for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j].text), "===") {
			if t, ok := strings.CutPrefix(strings.TrimSpace(lines[j].text), "title:"); ok {
				r.title = yamlScalar(strings.TrimSpace(t))
			}
			j++
		}
		if j == len(lines) {
			r.p.at("argdown-syntax", lines[i].start, lines[i].start+3, "The front matter ends with a line \"===\".", "the front matter is not closed")
			return
		}
		i = j + 1
	}
	// parents are the elements of the lines above, by indentation.
	type parent struct {
		indent int
		elem   *adElem
	}
	var parents []parent
	var lastArgument *adElem  // an argument alone on the line before a structure
	var pcs *adElem           // the argument whose structure is being read
	var premises []*adElem    // the premises of its step being read
	expectConclusion := false // after an inference line
	inInference := false      // between the lines "--" and "--"
	for ; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l.text)
		col := l.start + len(l.text) - len(strings.TrimLeft(l.text, " \t"))
		if inInference {
			if strings.HasPrefix(t, "--") {
				inInference = false
			}
			continue
		}
		if t == "" {
			parents = parents[:0]
			continue
		}
		if strings.HasPrefix(t, "#") && l.indent == 0 && (len(t) == 1 || t[1] == ' ' || t[1] == '#') {
			parents, lastArgument, pcs = parents[:0], nil, nil
			continue // a heading
		}
		// A premise-conclusion structure: "(1) ..." lines and inference
		// lines.
		if _, rest, ok := statementNumber(t); ok && l.indent == 0 {
			if pcs == nil {
				pcs = lastArgument
				if pcs == nil {
					pcs = r.anonymousArgument(col)
				}
				premises, expectConclusion = nil, false
			}
			e := r.element(rest, col+len(t)-len(rest), true)
			if e == nil {
				return
			}
			if expectConclusion {
				pcs.pcs = append(pcs.pcs, adStep{premises: premises, conclusion: e})
				premises, expectConclusion = []*adElem{e}, false
			} else {
				premises = append(premises, e)
			}
			parents = append(parents[:0], parent{l.indent, e})
			continue
		}
		if pcs != nil && strings.HasPrefix(t, "--") {
			if len(premises) == 0 || expectConclusion {
				r.p.at("argdown-syntax", col, col+len(t), "An inference line \"----\" comes between premises \"(1) ...\" and a conclusion.", "an inference line without premises before it")
				return
			}
			expectConclusion = true
			inInference = t == "--"
			parents = parents[:0]
			continue
		}
		if pcs != nil && expectConclusion {
			r.p.at("argdown-syntax", col, col+len(t), "After an inference line comes the conclusion: (3) [title]: text.", "an inference line without a conclusion")
			return
		}
		if strings.HasPrefix(t, "--") && l.indent == 0 {
			r.p.at("argdown-syntax", col, col+len(t), "An inference line \"----\" comes between premises \"(1) ...\" and a conclusion.", "an inference line without premises before it")
			return
		}
		pcs = nil
		// A relation, or an element.
		sym, rest := relationSymbol(t)
		if sym != "" {
			for len(parents) > 0 && parents[len(parents)-1].indent >= l.indent {
				parents = parents[:len(parents)-1]
			}
			if len(parents) == 0 {
				r.p.at("argdown-syntax", col, col+len(sym), "A relation is indented under the statement or argument it is about.",
					"the relation %q is about nothing: no statement or argument above it is less indented", sym)
				return
			}
			e := r.element(rest, col+len(t)-len(rest), false)
			if e == nil {
				return
			}
			r.relate(sym, parents[len(parents)-1].elem, e, col)
			parents = append(parents, parent{l.indent, e})
			lastArgument = nil
			continue
		}
		e := r.element(t, col, false)
		if e == nil {
			return
		}
		parents = append(parents[:0], parent{l.indent, e})
		lastArgument = nil
		if !e.statement {
			lastArgument = e
		}
	}
	if pcs != nil && expectConclusion {
		end := len(r.data)
		r.p.at("argdown-syntax", end, end, "After an inference line comes the conclusion: (3) [title]: text.", "the file ends after an inference line, without a conclusion")
	}
}

// stripComments blanks out the comments of an Argdown document (keeping
// line breaks, so that offsets stay), outside escapes and data.
func stripComments(data []byte) []byte {
	out := bytes.Clone(data)
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '\\':
			i++
		case bytes.HasPrefix(out[i:], []byte("//")):
			for i < len(out) && out[i] != '\n' {
				out[i] = ' '
				i++
			}
		case bytes.HasPrefix(out[i:], []byte("/*")), bytes.HasPrefix(out[i:], []byte("<!--")):
			end := []byte("*/")
			if out[i] == '<' {
				end = []byte("-->")
			}
			j := bytes.Index(out[i:], end)
			if j < 0 {
				j = len(out) - i
			} else {
				j += len(end)
			}
			for k := i; k < i+j; k++ {
				if out[k] != '\n' {
					out[k] = ' '
				}
			}
			i += j - 1
		case out[i] == '{':
			if j := dataEnd(out, i); j > i {
				i = j - 1
			}
		}
	}
	return out
}

// dataEnd returns the offset just past the "{...}" data that starts at
// data[i], or i when there is none: the braces must balance on the line,
// outside quoted strings.
func dataEnd(data []byte, i int) int {
	depth := 0
	var quote byte
	for j := i; j < len(data) && data[j] != '\n'; j++ {
		c := data[j]
		switch {
		case quote != 0:
			if c == '\\' {
				j++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return i
}

// statementNumber parses "(N) rest" of a premise-conclusion structure.
func statementNumber(t string) (int, string, bool) {
	if !strings.HasPrefix(t, "(") {
		return 0, "", false
	}
	end := strings.IndexByte(t, ')')
	if end < 2 {
		return 0, "", false
	}
	n, err := strconv.Atoi(t[1:end])
	if err != nil {
		return 0, "", false
	}
	return n, strings.TrimSpace(t[end+1:]), true
}

// relationSymbols are Argdown's relation symbols, longest first.
var relationSymbols = []string{"<+", "<-", "+>", "->", "_>", "<_", "><", "+", "-", "_"}

func relationSymbol(t string) (string, string) {
	for _, s := range relationSymbols {
		if rest, ok := strings.CutPrefix(t, s); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return s, strings.TrimSpace(rest)
		}
	}
	return "", t
}

// element reads "[title]: text {data}", "[title]", "<title>: text", "<title>"
// or a text, at offset start, and returns its element, defining it when the
// line gives its text. It reports what it cannot read and returns nil.
func (r *adReader) element(t string, start int, inPCS bool) *adElem {
	if t == "" {
		r.p.at("argdown-syntax", start, start, "Name a statement \"[title]\" or an argument \"<title>\".", "a relation without a statement or argument")
		return nil
	}
	open, close, statement := byte('['), byte(']'), true
	if t[0] == '<' {
		open, close, statement = '<', '>', false
	}
	var e *adElem
	var rest string
	if t[0] == open {
		end := strings.IndexByte(t, close)
		if end < 2 {
			r.p.at("argdown-syntax", start, start+len(t), "A title is written [title] for a statement, <title> for an argument.", "the title %s is not closed", strconv.Quote(clip(t)))
			return nil
		}
		title := strings.TrimSpace(t[1:end])
		key := string(open) + title
		e = r.byTitle[key]
		if e == nil {
			e = &adElem{statement: statement, title: title, start: start}
			r.byTitle[key] = e
			r.elems = append(r.elems, e)
		}
		rest = strings.TrimSpace(t[end+1:])
		if rest != "" {
			if rest[0] != ':' {
				r.p.at("argdown-syntax", start+end+1, start+len(t), "After a title, a colon and the text: [title]: text.", "unexpected %s after %s", strconv.Quote(clip(rest)), strconv.Quote(t[:end+1]))
				return nil
			}
			rest = strings.TrimSpace(rest[1:])
		}
	} else {
		r.untitled++
		e = &adElem{statement: true, title: "", start: start}
		r.elems = append(r.elems, e)
		rest = t
	}
	if rest == "" {
		return e
	}
	text, data, ok := splitData(rest)
	if !ok {
		r.p.at("argdown-syntax", start, start+len(t), "Data is a JSON or YAML object at the end of the line: {kind: law}.", "the data of %s cannot be read", strconv.Quote(clip(t)))
		return nil
	}
	text = argdownUnescape(text)
	if text != "" && e.text == "" {
		e.text = text
	}
	if data != nil && e.data == nil {
		e.data = data
	}
	return e
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// splitData splits "text {data}" into the text and the data, read as JSON
// or as YAML's flow style of plain keys and scalars.
func splitData(s string) (string, map[string]any, bool) {
	i := -1
	for j := 0; j < len(s); j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if s[j] == '{' {
			if end := dataEnd([]byte(s), j); end == len(strings.TrimRight(s, " \t")) {
				i = j
				break
			}
		}
	}
	if i < 0 {
		return s, nil, true
	}
	raw := strings.TrimSpace(s[i:])
	var data map[string]any
	if err := json.Unmarshal([]byte(raw), &data); err != nil {
		var ok bool
		if data, ok = yamlFlow(raw); !ok {
			return "", nil, false
		}
	}
	return strings.TrimSpace(s[:i]), data, true
}

// yamlFlow reads a YAML flow mapping of plain keys and values that are
// scalars or flow lists of scalars: {kind: law, party: [US, Mexico]}.
func yamlFlow(s string) (map[string]any, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return nil, false
	}
	out := map[string]any{}
	for _, part := range splitOutsideQuotes(s[1:len(s)-1], ',') {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			return nil, false
		}
		key := yamlScalar(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case strings.HasPrefix(v, "["):
			if !strings.HasSuffix(v, "]") {
				return nil, false
			}
			var list []any
			for _, item := range splitOutsideQuotes(v[1:len(v)-1], ',') {
				if item = strings.TrimSpace(item); item != "" {
					list = append(list, yamlScalar(item))
				}
			}
			out[key] = list
		default:
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				out[key] = f
			} else {
				out[key] = yamlScalar(v)
			}
		}
	}
	return out, true
}

// splitOutsideQuotes splits s at sep, outside quoted strings and brackets.
func splitOutsideQuotes(s string, sep byte) []string {
	var parts []string
	var quote byte
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// yamlScalar is a YAML scalar: a double-quoted string (JSON's escapes), a
// single-quoted one, or plain text.
func yamlScalar(s string) string {
	if strings.HasPrefix(s, "\"") {
		var v string
		if json.Unmarshal([]byte(s), &v) == nil {
			return v
		}
	}
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	return s
}

// argdownUnescape removes the backslashes of Argdown's escapes and the
// asterisks of its emphasis.
func argdownUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '*':
		default:
			b.WriteByte(s[i])
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (r *adReader) anonymousArgument(start int) *adElem {
	r.untitled++
	e := &adElem{title: "", start: start}
	r.elems = append(r.elems, e)
	return e
}

// relate records the relation sym between the element above (parent) and
// the element of its line (child).
func (r *adReader) relate(sym string, parent, child *adElem, start int) {
	add := func(typ string, from, to *adElem) {
		rel := adRel{typ: typ, from: from, to: to, start: start}
		from.relations = append(from.relations, rel)
		to.incoming = append(to.incoming, rel)
	}
	switch sym {
	case "+", "<+":
		add("support", child, parent)
	case "-", "<-":
		add("attack", child, parent)
	case "+>":
		add("support", parent, child)
	case "->":
		add("attack", parent, child)
	case "_>":
		add("undercut", parent, child)
	case "<_", "_":
		add("undercut", child, parent)
	case "><":
		add("attack", parent, child)
		add("attack", child, parent)
	}
}

// isAttackInference reports whether the argument e stands for an attack
// (as argmap export writes an undercut attack): it has no text and no
// structure, one statement supports it, it attacks one statement, and
// everything else about it attacks or undercuts it.
func isAttackInference(e *adElem) bool {
	if e.statement || e.text != "" || len(e.pcs) > 0 || len(e.relations) != 1 || e.relations[0].typ != "attack" || !e.relations[0].to.statement {
		return false
	}
	supports := 0
	for _, in := range e.incoming {
		switch in.typ {
		case "support":
			if !in.from.statement {
				return false
			}
			supports++
		case "attack", "undercut":
		default:
			return false
		}
	}
	return supports == 1
}

func (r *adReader) build() (*Map, diagnostic.Diagnostics) {
	b := newBuilder(r.p)
	b.m.Title = r.title
	// The elements that are arguments of the map: statements, and
	// arguments without a structure that stand for no attack.
	var args []*adElem
	var names, texts []string
	for _, e := range r.elems {
		if !e.statement && (len(e.pcs) > 0 || isAttackInference(e)) {
			continue
		}
		if !e.statement && e.title == "" && e.text == "" {
			continue // an untitled argument whose structure is empty
		}
		args = append(args, e)
		names, texts = append(names, e.title), append(texts, e.title)
		if e.title == "" {
			texts[len(texts)-1] = e.text
		}
	}
	ids := IDs(names, texts, "statement")
	for i, e := range args {
		e.id = ids[i]
		claim := e.text
		if claim == "" {
			claim = e.title
		}
		a := &Argument{ID: e.id, Claim: claim}
		argdownData(a, e.data)
		b.argument(a)
	}
	// What an element stands for as the source or the target of a support
	// or an attack: itself, or an argument's conclusion.
	node := func(e *adElem) string {
		if e.id != "" {
			return e.id
		}
		if len(e.pcs) > 0 {
			return e.pcs[len(e.pcs)-1].conclusion.id
		}
		return ""
	}
	for _, e := range r.elems {
		for _, step := range e.pcs {
			var from []string
			for _, pr := range step.premises {
				if id := node(pr); id != "" {
					from = append(from, id)
				}
			}
			if to := node(step.conclusion); to != "" && len(from) > 0 {
				if rel := b.relation("support", from, to, "", e.start, e.start); rel != nil {
					e.inferences = append(e.inferences, rel)
				}
			}
		}
		if isAttackInference(e) {
			var from string
			for _, in := range e.incoming {
				if in.typ == "support" {
					from = node(in.from)
				}
			}
			if to := node(e.relations[0].to); from != "" && to != "" {
				e.attack = b.relation("attack", []string{from}, to, "", e.start, e.start)
			}
		}
	}
	for _, e := range r.elems {
		for _, rel := range e.relations {
			if isAttackInference(rel.from) || isAttackInference(rel.to) && rel.typ == "support" {
				continue // the attack itself, read above
			}
			from := node(rel.from)
			if from == "" {
				continue
			}
			switch {
			case rel.to.attack != nil || len(rel.to.inferences) > 0:
				if rel.typ == "support" {
					if to := node(rel.to); to != "" {
						b.relation("support", []string{from}, to, "", rel.start, rel.start)
					}
					continue
				}
				targets := rel.to.inferences
				if rel.to.attack != nil {
					targets = []*Relation{rel.to.attack}
				}
				for _, t := range targets {
					b.undercut(from, t, "")
				}
			case rel.typ == "undercut":
				r.p.at("import-dropped", rel.start, rel.start, "An undercut is aimed at an argument with premises and a conclusion.",
					"the undercut of %s left out: it has no inference", describeElem(rel.to))
			default:
				if to := node(rel.to); to != "" {
					b.relation(rel.typ, []string{from}, to, "", rel.start, rel.start)
				}
			}
		}
	}
	return b.done()
}

func describeElem(e *adElem) string {
	if e.statement {
		return "[" + e.title + "]"
	}
	return "<" + e.title + ">"
}

// argdownData sets the fields of a from an element's data.
func argdownData(a *Argument, data map[string]any) {
	str := func(key string) string {
		if s, ok := data[key].(string); ok {
			return s
		}
		return ""
	}
	a.Kind, a.Party, a.Date = str("kind"), str("party"), str("date")
	strs := func(key string) []string {
		list, _ := data[key].([]any)
		var out []string
		for _, x := range list {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	a.Parties, a.Tags = strs("party"), strs("tags")
	a.Standard, a.Burden, a.BurdenNote, a.Scheme = str("standard"), str("burden"), str("burden_note"), str("scheme")
	if w, ok := data["weight"].(float64); ok && w >= 0 && w <= 1 {
		a.Weight = &w
	}
	if rk, ok := data["rank"].(float64); ok && rk == float64(int64(rk)) {
		v := int64(rk)
		a.Rank = &v
	}
	if _, err := time.Parse(time.DateOnly, a.Date); err != nil {
		a.Date = ""
	}
	if _, ok := arguments.StandardName(a.Standard); !ok {
		a.Standard = ""
	}
	if a.Burden != "pro" && a.Burden != "con" {
		a.Burden = ""
	}
	if !builtinScheme(a.Scheme) {
		a.Scheme = ""
	}
	srcs, ok := data["sources"].([]any)
	if !ok {
		if one, has := data["source"]; has {
			srcs = []any{one}
		}
	}
	for _, s := range srcs {
		switch s := s.(type) {
		case string:
			if s != "" {
				a.Sources = append(a.Sources, arguments.Citation{Name: s})
			}
		case map[string]any:
			c := arguments.Citation{}
			c.Name, _ = s["name"].(string)
			c.URL, _ = s["url"].(string)
			c.Date, _ = s["date"].(string)
			c.Quote, _ = s["quote"].(string)
			if c.Name != "" {
				a.Sources = append(a.Sources, c)
			}
		}
	}
}

// builtinScheme reports whether name is one of argmap's built-in argument
// schemes: a scheme of the map's own is not imported (the map would need
// its [schemes] table).
func builtinScheme(name string) bool {
	for _, s := range arguments.Schemes() {
		if s.Name == name {
			return true
		}
	}
	return false
}
