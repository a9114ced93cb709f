package arguments

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// MaxNesting is how deeply arrays and tables may nest. No argmap file needs
// more than a few levels; the bound keeps hostile input from exhausting the
// stack of the recursive TOML parsers.
const MaxNesting = 128

// MaxKeyDepth is how deeply keys may nest: the parts of a table header,
// the parts of the keys of the inline tables around a key, and the parts of
// the key itself, counted together. An argmap file needs four
// ([arguments.ID] then source.name). BurntSushi/toml spends time and memory
// quadratic in a key's depth (a key of 10,000 parts, 20 KB, took 10 s and
// 1.5 GB), so deeper keys are refused before decoding.
const MaxKeyDepth = 32

// Parse parses one file of a map. name is how diagnostics name the file.
// It never fails outright: every problem is a diagnostic, and the returned
// File holds whatever could be read (File.Broken is set when nothing could).
func Parse(name string, data []byte) (*File, diagnostic.Diagnostics) {
	p := &parser{
		file: &File{Name: name, Source: diagnostic.NewSource(name, data)},
	}
	p.parse(data)
	return p.file, p.diags
}

type parser struct {
	file  *File
	diags diagnostic.Diagnostics
}

func (p *parser) parse(data []byte) {
	if !p.isText(data) {
		p.file.Broken = true
		return
	}
	base := 0
	if bytes.HasPrefix(data, utf8BOM) {
		base = len(utf8BOM)
	}
	body := data[base:]
	if bytes.HasPrefix(body, utf8BOM) {
		// BurntSushi/toml would skip this one too, but not go-toml, and
		// then the index would be empty.
		p.report("toml-syntax", span{base, base + len(utf8BOM)}, "Remove it: only the first character of a file may be a byte-order mark.",
			"the file starts with two byte-order marks")
		p.file.Broken = true
		return
	}
	if off, ok := tooDeep(body, MaxNesting); ok {
		p.report("too-deep", span{base + off, base + off + 1}, "argmap files need only a few levels of nesting; look for an unclosed '[' or '{'.",
			"arrays and tables are nested more than %d levels deep", MaxNesting)
		p.file.Broken = true
		return
	}
	if at, ok := keysTooDeep(body, MaxKeyDepth); ok {
		p.report("too-deep", span{base + at.start, base + at.end},
			fmt.Sprintf("An argmap file needs at most 4 levels of keys, such as [arguments.ID] then source.name; argmap reads up to %d. "+
				"Use fewer parts in this key, in the table header above it, or fewer nested inline tables.", MaxKeyDepth),
			"keys are nested more than %d levels deep", MaxKeyDepth)
		p.file.Broken = true
		return
	}
	var doc map[string]any
	if _, err := toml.Decode(string(body), &doc); err != nil {
		p.syntaxError(err, base)
		p.file.Broken = true
		return
	}
	// An index that go-toml cannot complete still serves: what it lacks
	// is reported at the position of the enclosing table.
	root, err := buildIndex(body, base)
	var dup *duplicateKeyError
	if errors.As(err, &dup) {
		d := NewDiagnostic("toml-syntax", p.file.Source.Range(dup.again.start, dup.again.end),
			"A key can be defined only once: remove or rename one of the two.", "key %q is defined twice", dup.name)
		d.Related = []diagnostic.Related{{Range: p.file.Source.Range(dup.first.start, dup.first.end), Message: "first defined here"}}
		p.diags = append(p.diags, d)
		p.file.Broken = true
		return
	}
	p.document(doc, root)
}

// isText reports whether data is UTF-8 text, and reports it if not.
func (p *parser) isText(data []byte) bool {
	const fix = "Save the file as UTF-8 text."
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		p.report("not-text", span{0, 2}, fix, "the file is UTF-16 text, not UTF-8")
		return false
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		p.report("not-text", span{i, i + 1}, "argmap reads TOML text files; is this the file you meant?", "the file contains a NUL byte: it is binary, not text")
		return false
	}
	if !utf8.Valid(data) {
		i := invalidUTF8(data)
		p.report("not-text", span{i, i + 1}, fix+" It may be in Latin-1 or Windows-1252.", "the file is not valid UTF-8: byte 0x%02X", data[i])
		return false
	}
	return true
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}

// tooDeep reports the offset of the first '[' or '{' that is nested more
// than limit levels deep, skipping strings and comments.
func tooDeep(data []byte, limit int) (int, bool) {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipString(data, i)
		case '[', '{':
			depth++
			if depth > limit {
				return i, true
			}
		case ']', '}':
			depth = max(0, depth-1)
		}
	}
	return 0, false
}

// keysTooDeep returns the span of the first key part that is more than
// limit levels deep (see MaxKeyDepth), if there is one. It follows the
// structure of TOML only as far as depth needs: table headers, keys and
// the values after them, inline tables and arrays, strings and comments.
// What it makes of a document that is not TOML does not matter, as long as
// it counts every valid document right (FuzzIndex checks it against what
// BurntSushi/toml decodes); it expects brackets nested at most MaxNesting
// deep (tooDeep).
func keysTooDeep(data []byte, limit int) (span, bool) {
	const (
		inKey    = iota // reading a key: parts separated by dots, then '='
		inHeader        // reading a [table] or [[array]] header
		inValue         // after '=' or a header: strings and brackets matter
	)
	// open is the stack of open arrays and inline tables, each with the
	// depth of the key whose value it is.
	type bracket struct {
		brace bool
		depth int
	}
	var open []bracket
	mode, header, parts, depth := inKey, 0, 0, 0
	needPart := true
	base := func() int { // the depth of the table the key being read is in
		if mode == inHeader {
			return 0
		}
		if len(open) > 0 {
			return open[len(open)-1].depth
		}
		return header
	}
	startKey := func() { parts, needPart = 0, true }
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '#':
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
			continue
		case c == '\n':
			if len(open) == 0 {
				mode = inKey
				startKey()
			}
			continue
		}
		if mode == inValue {
			switch c {
			case '"', '\'':
				i = skipString(data, i)
			case '[':
				open = append(open, bracket{false, depth})
			case '{':
				open = append(open, bracket{true, depth})
				mode = inKey
				startKey()
			case ']', '}':
				if len(open) > 0 {
					depth = open[len(open)-1].depth
					open = open[:len(open)-1]
				}
			case ',':
				if len(open) > 0 && open[len(open)-1].brace {
					mode = inKey
					startKey()
				}
			}
			continue
		}
		// A key or a header.
		switch {
		case c == '"' || c == '\'' || c == '-' || c == '_' || isAlnum(c) || c >= utf8.RuneSelf:
			end := i
			if c == '"' || c == '\'' {
				end = skipString(data, i)
			} else {
				for end+1 < len(data) && (isAlnum(data[end+1]) || data[end+1] == '-' || data[end+1] == '_' || data[end+1] >= utf8.RuneSelf) {
					end++
				}
			}
			if needPart {
				parts++
				needPart = false
				if base()+parts > limit {
					return span{i, end + 1}, true
				}
			}
			i = end
		case c == '.':
			needPart = true
		case c == '=' && mode == inKey:
			depth = base() + parts
			mode = inValue
		case c == '[' && mode == inKey && len(open) == 0 && parts == 0:
			mode = inHeader
			startKey()
			if i+1 < len(data) && data[i+1] == '[' {
				i++
			}
		case c == ']' && mode == inHeader:
			header = parts
			mode = inValue // the rest of the line
			if i+1 < len(data) && data[i+1] == ']' {
				i++
			}
		case c == '}' && mode == inKey && len(open) > 0: // {} or a trailing comma
			depth = open[len(open)-1].depth
			open = open[:len(open)-1]
			mode = inValue
		case c == ',' && mode == inKey:
			startKey()
		}
	}
	return span{}, false
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// skipString returns the offset of the last byte of the string starting at
// i (or of the line, if it is not closed).
func skipString(data []byte, i int) int {
	q := data[i]
	multi := bytes.HasPrefix(data[i:], []byte{q, q, q})
	if multi {
		end := i + 3
		for end < len(data) {
			if q == '"' && data[end] == '\\' {
				end += 2
				continue
			}
			if bytes.HasPrefix(data[end:], []byte{q, q, q}) {
				// The string ends at the last quote of this run: up to two
				// more quotes belong to it ("""a""""" is `a""`), and
				// BurntSushi/toml takes six after an escaped backslash
				// ("""\\"""""" is `\"""`). Stopping early would take a
				// quote for the start of a string and hide the rest of
				// the line.
				for end+3 < len(data) && data[end+3] == q {
					end++
				}
				return end + 2
			}
			end++
		}
		return len(data) - 1
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q, '\n':
			return j
		}
	}
	return len(data) - 1
}

func (p *parser) syntaxError(err error, base int) {
	var perr toml.ParseError
	if !errors.As(err, &perr) {
		p.diags = append(p.diags, NewDiagnostic("toml-syntax", diagnostic.FileRange(p.file.Name), "", "%v", err))
		return
	}
	start := base + perr.Position.Start
	detail := "Fix the TOML syntax; see https://toml.io/en/v1.1.0."
	if u := strings.TrimSpace(perr.Usage); u != "" {
		detail = u
	}
	p.report("toml-syntax", span{start, start + max(1, perr.Position.Len)}, detail, "%s", perr.Message)
}

// report adds a diagnostic at a span of the file.
func (p *parser) report(code string, at span, detail, format string, args ...any) {
	d := NewDiagnostic(code, p.file.Source.Range(at.start, at.end), detail, format, args...)
	p.diags = append(p.diags, d)
}

// entry is one key of a decoded table with where it stands in the source.
type entry struct {
	name  string
	value any
	node  *node
}

// entries lists the keys of a decoded table in the order of the source.
// Should the index miss a key, the key is still listed (sorted, at the end),
// at the position of its table.
func entries(table map[string]any, n *node) []entry {
	list := make([]entry, 0, len(table))
	if n != nil {
		for _, k := range n.kids {
			if v, ok := table[k.name]; ok {
				list = append(list, entry{k.name, v, k.node})
			}
		}
	}
	if len(list) < len(table) {
		fallback := &node{}
		if n != nil {
			fallback.key = n.at()
		}
		var missing []string
		for name := range table {
			if n.lookup(name) == nil {
				missing = append(missing, name)
			}
		}
		slices.Sort(missing)
		for _, name := range missing {
			list = append(list, entry{name, table[name], fallback})
		}
	}
	return list
}

var (
	topKeys      = []string{"version", "title", "description", "include", "arguments", "relations", "preferences", "priorities", "standards", "expect", "schemes"}
	argumentKeys = []string{"claim", "title", "kind", "party", "tags", "source", "supports", "attacks", "weight", "rank", "date", "standard", "burden", "burden_note", "scheme", "note"}
	relationKeys = []string{"from", "to", "type", "note"}
	citationKeys = []string{"name", "url", "date", "quote"}
	expectKeys   = []string{"in", "out", "undec", "support"}
)

func (p *parser) document(doc map[string]any, root *node) {
	for _, e := range entries(doc, root) {
		switch e.name {
		case "version":
			p.version(e)
		case "title":
			p.file.Title, _ = p.str(e, "the map's title")
		case "description":
			p.file.Description, _ = p.str(e, "the map's description")
		case "include":
			p.includes(e)
		case "arguments":
			p.arguments(e)
		case "relations":
			p.relations(e)
		case "expect":
			p.expectations(e)
		case "preferences":
			p.preferences(e)
		case "priorities":
			p.priorities(e)
		case "standards":
			p.standards(e)
		case "schemes":
			p.schemes(e)
		default:
			detail := didYouMean(e.name, topKeys)
			if t, ok := e.value.(map[string]any); ok && t["claim"] != nil {
				detail = fmt.Sprintf("An argument goes under the arguments table: write [arguments.%s].", tomlKey(e.name))
			}
			p.unknownKey(e, "the top-level table", detail, topKeys)
		}
	}
}

func (p *parser) unknownKey(e entry, where, detail string, known []string) {
	if detail == "" {
		detail = "Known keys here: " + strings.Join(known, ", ") + "."
	}
	p.report("unknown-key", e.node.at(), detail, "unknown key %q in %s", e.name, where)
}

func (p *parser) version(e entry) {
	v, ok := e.value.(int64)
	if !ok {
		p.wrongType(e, "`version` must be an integer", "Write version = 1.")
		return
	}
	if v != FormatVersion {
		p.report("bad-value", e.node.val, fmt.Sprintf("This argmap reads version %d; write version = %d or upgrade argmap.", FormatVersion, FormatVersion),
			"format version %d is not supported", v)
	}
}

// str returns a string value, reporting any other type.
func (p *parser) str(e entry, what string) (string, bool) {
	s, ok := e.value.(string)
	if !ok {
		p.wrongType(e, fmt.Sprintf("`%s` is %s and must be a string", e.name, what), fmt.Sprintf("Quote it: %s = \"...\".", e.name))
	}
	return s, ok
}

// note reads the note of an argument or a relation, a string drawn for the
// reader; a blank one is a warning, since there is nothing to draw.
func (p *parser) note(e entry, what string) string {
	s, ok := p.str(e, what)
	if ok && strings.TrimSpace(s) == "" {
		p.report("empty-note", valueSpan(e.node), "Write the note, or remove the key.", "empty note")
	}
	return s
}

func (p *parser) wrongType(e entry, summary, detail string) {
	p.report("wrong-type", valueSpan(e.node), detail, "%s, not %s", summary, typeName(e.value))
}

func valueSpan(n *node) span {
	if !n.val.isZero() {
		return n.val
	}
	return n.at()
}

// typeName names the TOML type of a decoded value, with its article.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date-time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

// array returns the elements of an array value, each with its node.
func array(e entry) ([]entry, bool) {
	var values []any
	switch v := e.value.(type) {
	case []any:
		values = v
	case []map[string]any:
		values = make([]any, len(v))
		for i := range v {
			values[i] = v[i]
		}
	default:
		return nil, false
	}
	// The index has a node per element, unless BurntSushi/toml dropped some
	// (it drops the elements that are not tables from an array that holds
	// an inline table with an empty key, github.com/BurntSushi/toml/pull/492):
	// then element i of the index may be another one, and the array as a
	// whole stands for its elements.
	aligned := len(e.node.elems) == len(values)
	list := make([]entry, len(values))
	for i, v := range values {
		var n *node
		if aligned {
			n = e.node.elems[i]
		}
		if n == nil {
			n = &node{val: valueSpan(e.node)}
		}
		list[i] = entry{e.name, v, n} // elements are named by their array, in messages
	}
	return list, true
}

func (p *parser) includes(e entry) {
	list, ok := array(e)
	if !ok {
		if s, isStr := e.value.(string); isStr {
			p.wrongType(e, "`include` must be an array of file paths", fmt.Sprintf("Write include = [%q].", s))
			p.addInclude(s, e.node)
			return
		}
		p.wrongType(e, "`include` must be an array of file paths", `Write include = ["other.toml"].`)
		return
	}
	for _, el := range list {
		s, ok := el.value.(string)
		if !ok {
			p.report("wrong-type", el.node.val, `Write each path as a string: include = ["other.toml"].`,
				"`include` lists file paths, which are strings, not %s", typeName(el.value))
			continue
		}
		p.addInclude(s, el.node)
	}
}

func (p *parser) addInclude(path string, n *node) {
	if strings.TrimSpace(path) == "" {
		p.report("bad-value", valueSpan(n), "Give the path of a file, relative to this one, or remove the entry.", "empty path in `include`")
		return
	}
	sp := valueSpan(n)
	p.file.Includes = append(p.file.Includes, Include{Path: path, Range: p.file.Source.Range(sp.start, sp.end)})
}

func (p *parser) arguments(e entry) {
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "`arguments` must be a table of arguments", `Write each argument as a table: [arguments.ID] with claim = "..." under it.`)
		// The file's arguments cannot be read: the map is incomplete, and
		// "no arguments" or "unknown argument" would only repeat this error.
		p.file.Broken = true
		return
	}
	for _, a := range entries(table, e.node) {
		p.argument(a)
	}
}

func (p *parser) argument(e entry) {
	id := e.name
	header := e.node.at()
	if !ValidID(id) {
		p.report("bad-id", e.node.key, idRule+suggestID(id), "%q is not an allowed argument id", id)
	}
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, fmt.Sprintf("argument %q must be a table with a claim", id),
			fmt.Sprintf(`Write [arguments.%s] and claim = "..." under it.`, tomlKey(id)))
		return
	}
	a := &Argument{ID: id, Weight: DefaultWeight, File: p.file, Range: p.file.Source.Range(header.start, header.end)}
	var claim *node // where the claim is written
	for _, f := range entries(table, e.node) {
		switch f.name {
		case "claim":
			a.Claim, _ = p.str(f, "the argument's claim")
			claim = f.node
		case "title":
			p.argumentTitle(a, f)
		case "kind":
			if k, ok := p.str(f, "the argument's kind"); ok {
				a.Kind = k
				p.checkKind(k, f.node)
			}
		case "party":
			p.party(a, f)
		case "tags":
			p.tags(a, f)
		case "source":
			a.Sources = p.citations(f)
		case "supports":
			p.references(a, f, graph.Support)
		case "attacks":
			p.references(a, f, graph.Attack)
		case "weight":
			a.Weight = p.weight(f)
		case "rank":
			p.rank(a, f)
		case "date":
			p.date(a, f)
		case "scheme":
			if s, ok := p.str(f, "the name of the argument's scheme"); ok {
				a.Scheme = s
				sp := valueSpan(f.node)
				a.SchemeRange = p.file.Source.Range(sp.start, sp.end)
			}
		case "note":
			a.Note = p.note(f, "a note on the argument")
			sp := valueSpan(f.node)
			a.NoteRange = p.file.Source.Range(sp.start, sp.end)
		default:
			if p.proofKey(a, f) {
				continue
			}
			p.unknownKey(f, fmt.Sprintf("argument %q", id), didYouMean(f.name, argumentKeys), argumentKeys)
		}
	}
	if _, hasClaim := table["claim"]; !hasClaim {
		p.report("missing-claim", header, fmt.Sprintf(`Add a line claim = "..." to [arguments.%s]: what the argument asserts.`, tomlKey(id)),
			"argument %q has no claim", id)
	} else if s, isStr := table["claim"].(string); isStr && strings.TrimSpace(s) == "" {
		// The claim is there: point at the empty string, not at the header.
		p.report("missing-claim", valueSpan(claim), "Write what the argument asserts in its claim.", "argument %q has an empty claim", id)
	}
	p.file.Arguments = append(p.file.Arguments, a)
}

// MaxTitle is the longest argument title, in characters, that argmap check
// takes without a warning: a title names an argument in a few words, to be
// drawn in a box of a compact figure.
const MaxTitle = 40

// argumentTitle reads an argument's title: a string of a few words. An
// empty one is an error; a long or multi-line one a warning.
func (p *parser) argumentTitle(a *Argument, e entry) {
	s, ok := p.str(e, "the argument's short title")
	if !ok {
		return
	}
	sp := valueSpan(e.node)
	a.Title, a.TitleRange = s, p.file.Source.Range(sp.start, sp.end)
	switch n := utf8.RuneCountInString(strings.TrimSpace(s)); {
	case n == 0:
		p.report("bad-value", sp, "Name the argument in a few words, or remove the key.", "argument %q has an empty title", a.ID)
	case strings.ContainsAny(strings.TrimSpace(s), "\n\r\u2028\u2029"):
		p.report("long-title", sp, "A title is a few words on one line; the claim says the rest.", "the title of argument %q has more than one line", a.ID)
	case n > MaxTitle:
		p.report("long-title", sp, fmt.Sprintf("Shorten it to %d characters or fewer (a few words: it is drawn in the argument's box); the claim says the rest.", MaxTitle),
			"the title of argument %q is %d characters long", a.ID, n)
	}
}

func (p *parser) checkKind(kind string, n *node) {
	for _, k := range kinds {
		if k.Name == kind {
			return
		}
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Name
	}
	detail := didYouMean(kind, names)
	if detail == "" {
		detail = "Known kinds: " + strings.Join(names, ", ") + "."
	}
	p.report("unknown-kind", n.val, detail, "unknown argument kind %q", kind)
}

func (p *parser) weight(e entry) float64 {
	var w float64
	switch v := e.value.(type) {
	case int64:
		w = float64(v)
	case float64:
		w = v
	default:
		p.wrongType(e, "`weight` must be a number between 0 and 1", "Write weight = 0.5, say.")
		return DefaultWeight
	}
	if math.IsNaN(w) || w < 0 || w > 1 {
		p.report("bad-value", e.node.val, "A weight is a number from 0 (weakest) to 1 (strongest); 0.5 is the default.",
			"weight %s is outside [0, 1]", strconv.FormatFloat(w, 'g', -1, 64))
		return DefaultWeight
	}
	return w
}

// references reads a supports or attacks list of argument a.
func (p *parser) references(a *Argument, e entry, rel graph.Relation) {
	add := func(to string, n *node) {
		sp := valueSpan(n)
		p.file.Relations = append(p.file.Relations, &Relation{
			Type: rel, From: a.ID, To: to, File: p.file,
			FromRange: a.Range, ToRange: p.file.Source.Range(sp.start, sp.end),
		})
	}
	list, ok := array(e)
	if !ok {
		if s, isStr := e.value.(string); isStr {
			// The intent is plain; keep the relation so that the rest of the
			// check does not pile up consequential warnings.
			p.wrongType(e, fmt.Sprintf("`%s` must be an array of argument ids", e.name), fmt.Sprintf("Write %s = [%q].", e.name, s))
			add(s, e.node)
			return
		}
		p.wrongType(e, fmt.Sprintf("`%s` must be an array of argument ids", e.name), fmt.Sprintf(`Write %s = ["id", ...].`, e.name))
		return
	}
	for _, el := range list {
		s, ok := el.value.(string)
		if !ok {
			detail := fmt.Sprintf(`Write ids as strings: %s = ["id", ...].`, e.name)
			if i, isInt := el.value.(int64); isInt {
				detail = fmt.Sprintf(`Write ids as strings: "%d".`, i)
			}
			p.report("wrong-type", el.node.val, detail, "`%s` lists argument ids, which are strings, not %s", e.name, typeName(el.value))
			continue
		}
		add(s, el.node)
	}
}

func (p *parser) citations(e entry) []Citation {
	if list, ok := array(e); ok {
		var out []Citation
		for _, el := range list {
			if c, ok := p.citation(el, true); ok {
				out = append(out, c)
			}
		}
		return out
	}
	if c, ok := p.citation(e, false); ok {
		return []Citation{c}
	}
	return nil
}

const citationHelp = `Write source = "Reuters", or source = { name = "Reuters", url = "https://..." }, or an array of those.`

func (p *parser) citation(e entry, inArray bool) (Citation, bool) {
	switch v := e.value.(type) {
	case string:
		if strings.TrimSpace(v) == "" {
			p.report("bad-value", e.node.val, "Name the source, or remove the key.", "empty source")
			return Citation{}, false
		}
		return Citation{Name: v}, true
	case map[string]any:
		var c Citation
		var name *node // where the name is written
		for _, f := range entries(v, e.node) {
			switch f.name {
			case "name":
				c.Name, _ = p.str(f, "the source's name")
				name = f.node
			case "url":
				c.URL, _ = p.str(f, "the source's address")
			case "quote":
				c.Quote, _ = p.str(f, "the words quoted")
			case "date":
				switch d := f.value.(type) {
				case string:
					c.Date = d
				case time.Time:
					c.Date = string(p.file.Source.Data[f.node.val.start:f.node.val.end])
				default:
					p.wrongType(f, "`date` must be a date or a string", "Write date = 2025-02-25, or a string.")
				}
			default:
				p.unknownKey(f, "a source", didYouMean(f.name, citationKeys), citationKeys)
			}
		}
		if strings.TrimSpace(c.Name) == "" {
			n, has := v["name"]
			if !has {
				p.report("missing-field", e.node.at(), `Add name = "..." to the source: who or what it is.`, "source has no `name`")
			} else if _, isStr := n.(string); isStr {
				p.report("bad-value", valueSpan(name), "Name the source: who or what it is; or remove the source.", "the source's `name` is empty")
			}
			return Citation{}, false
		}
		return c, true
	}
	what := "`source` must be a string, a table or an array of those"
	if inArray {
		what = "each source must be a string or a table"
	}
	p.wrongType(e, what, citationHelp)
	return Citation{}, false
}

func (p *parser) relations(e entry) {
	list, ok := array(e)
	if !ok {
		p.wrongType(e, "`relations` must be an array of tables", "Write each relation as a [[relations]] table with from, to and type.")
		return
	}
	for _, el := range list {
		table, ok := el.value.(map[string]any)
		if !ok {
			p.wrongType(el, "each relation must be a table", "Write each relation as a [[relations]] table with from, to and type.")
			continue
		}
		p.relation(table, el.node)
	}
}

func (p *parser) relation(table map[string]any, n *node) {
	r := &Relation{File: p.file, Entry: true}
	var u *Undercut
	switch t, _ := table["type"].(string); t {
	case "undercut":
		u = &Undercut{File: p.file}
	case "question":
		p.questionRelation(Raise, table, n)
		return
	case "answer":
		p.questionRelation(Answer, table, n)
		return
	}
	for _, f := range entries(table, n) {
		sp := valueSpan(f.node)
		switch f.name {
		case "from":
			r.FromRange = p.file.Source.Range(sp.start, sp.end)
			if _, list := array(f); list && u == nil {
				r.Members, r.MemberRanges = p.members(f) // a linked reason
				r.From = LinkedName(r.Members)
				continue
			}
			r.From = p.ref(f, "the id of the relation's source argument", "the relation's", `Write the id of the argument the relation goes from: from = "id".`)
		case "to":
			if u != nil {
				u.Support, u.SupportRange = p.inference(f)
				continue
			}
			r.To = p.ref(f, "the id of the relation's target argument", "the relation's", `Write the id of the argument the relation goes to: to = "id".`)
			r.ToRange = p.file.Source.Range(sp.start, sp.end)
		case "type":
			t, ok := p.str(f, `"support", "attack", "undercut", "question" or "answer"`)
			if !ok {
				continue
			}
			switch t {
			case "support":
				r.Type = graph.Support
			case "attack":
				r.Type = graph.Attack
			case "undercut":
			default:
				detail := didYouMean(t, []string{"support", "attack", "undercut", "question", "answer"})
				if detail == "" {
					detail = `A relation's type is "support", "attack", "undercut", "question" or "answer".`
				}
				p.report("bad-value", sp, detail, "unknown relation type %q", t)
			}
		case "note":
			r.Note = p.note(f, "a note on the relation")
		default:
			p.unknownKey(f, "a relation", didYouMean(f.name, relationKeys), relationKeys)
		}
	}
	var missing []string
	for _, name := range []string{"from", "to", "type"} {
		if _, present := table[name]; !present {
			missing = append(missing, "`"+name+"`")
		}
	}
	if len(missing) > 0 {
		p.report("missing-field", n.at(), `A relation needs from = "id", to = "id" and type = "support" or "attack" (an undercut: to = { from = "id", to = "id" }).`,
			"relation has no %s", strings.Join(missing, " and no "))
	}
	switch {
	case u != nil:
		u.From, u.FromRange, u.Note = r.From, r.FromRange, r.Note
		if u.From != "" && u.Support.From != "" && u.Support.To != "" {
			p.file.Undercuts = append(p.file.Undercuts, u)
		}
	case r.Type == graph.Attack && r.Members != nil:
		p.collectiveAttack(r)
	case r.From != "" && r.To != "" && r.Type != 0:
		p.file.Relations = append(p.file.Relations, r)
	}
}

// ref reads the id of an argument that a [[relations]] entry names. An
// empty id is reported at the empty string: the relation is then left out
// of the map, and nothing else would say why.
// whose says whose key it is, for the message.
func (p *parser) ref(e entry, what, whose, fix string) string {
	id, ok := p.str(e, what)
	if ok && id == "" {
		p.report("bad-value", valueSpan(e.node), fix, "%s `%s` is empty", whose, e.name)
	}
	return id
}

const inferenceHelp = `An undercut names the support or attack it undercuts: to = { from = "id", to = "id" } (a linked reason: from = ["id", "id"]).`

// inference reads the `to` of an undercut: the support relation it aims at.
func (p *parser) inference(e entry) (Inference, diagnostic.Range) {
	sp := valueSpan(e.node)
	at := p.file.Source.Range(sp.start, sp.end)
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "an undercut's `to` must be a table naming a support or an attack", inferenceHelp)
		return Inference{}, at
	}
	var inf Inference
	for _, f := range entries(table, e.node) {
		switch f.name {
		case "from":
			if _, list := array(f); list {
				ms, _ := p.members(f) // a linked reason
				inf.From = LinkedName(ms)
				continue
			}
			inf.From = p.ref(f, "the id of the supporting argument", "the undercut support's", inferenceHelp)
		case "to":
			inf.To = p.ref(f, "the id of the supported argument", "the undercut support's", inferenceHelp)
		default:
			p.unknownKey(f, "the support an undercut names", didYouMean(f.name, []string{"from", "to"}), []string{"from", "to"})
		}
	}
	for _, name := range []string{"from", "to"} {
		if _, present := table[name]; !present {
			p.report("missing-field", sp, inferenceHelp, "the support an undercut names has no `%s`", name)
		}
	}
	return inf, at
}

// expectations reads the [expect.SEMANTICS] tables: the outcome the author
// expects under each semantics, which argmap check verifies.
func (p *parser) expectations(e entry) {
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "`expect` must be a table of expectations", `Write [expect.grounded] with in = [...], out = [...] or undec = [...] under it.`)
		return
	}
	for _, s := range entries(table, e.node) {
		header := s.node.at()
		x := &Expectation{Semantics: s.name, File: p.file, Range: p.file.Source.Range(header.start, header.end)}
		t, ok := s.value.(map[string]any)
		if !ok {
			p.wrongType(s, fmt.Sprintf("expectation %q must be a table", s.name), fmt.Sprintf(`Write [expect.%s] with in = [...], out = [...] or undec = [...] under it.`, tomlKey(s.name)))
			continue
		}
		for _, f := range entries(t, s.node) {
			switch f.name {
			case "in", "out", "undec":
				list, ok := array(f)
				if !ok {
					p.wrongType(f, fmt.Sprintf("`%s` must be an array of argument ids", f.name), fmt.Sprintf(`Write %s = ["id", ...].`, f.name))
					continue
				}
				for _, el := range list {
					id, ok := el.value.(string)
					if !ok {
						p.report("wrong-type", el.node.val, fmt.Sprintf(`Write ids as strings: %s = ["id", ...].`, f.name),
							"`%s` lists argument ids, which are strings, not %s", f.name, typeName(el.value))
						continue
					}
					sp := valueSpan(el.node)
					x.Labels = append(x.Labels, ExpectedLabel{ID: id, Label: f.name, Range: p.file.Source.Range(sp.start, sp.end)})
				}
			case "support":
				x.Support, _ = p.str(f, `the support mode: "supported-secondary", "deductive", "necessary" or "ignore"`)
				sp := valueSpan(f.node)
				x.SupportRange = p.file.Source.Range(sp.start, sp.end)
			default:
				p.unknownKey(f, fmt.Sprintf("expectation %q", s.name), didYouMean(f.name, expectKeys), expectKeys)
			}
		}
		p.file.Expectations = append(p.file.Expectations, x)
	}
}

// tomlKey writes a key as TOML needs it: bare if it can be, else quoted.
func tomlKey(k string) string {
	bare := k != ""
	for i := 0; i < len(k) && bare; i++ {
		c := k[i]
		bare = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
	}
	if bare {
		return k
	}
	return strconv.Quote(k)
}

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
