// Package importers reads argument maps written in other tools' formats —
// the Argument Interchange Format of AIFdb and OVA, Argdown, the ICCMA
// solvers' i23 and apx formats, and the Trivial Graph Format — and writes
// them as argmap TOML maps, which argmap check accepts without an error.
//
// Each reader returns a *Map, the neutral form of what it read, or the
// problems of the input as diagnostics of package diagnostic: at the file,
// line and column where the input has lines, and at the JSON path (with its
// line and column) for AIF. A reader never panics on any input. [Map.TOML]
// writes the map, deterministically: the same input gives the same bytes.
package importers

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"golang.org/x/text/unicode/norm"
)

// Map is an argument map read from another format.
type Map struct {
	Title     string
	Arguments []*Argument
	Relations []*Relation
	Undercuts []*Undercut
}

// Argument is one argument. ID is an argmap id (see [IDs]). Party is
// its party; Parties, when it has more than one, the parties of its
// coalition (and Party is then ignored).
type Argument struct {
	ID, Claim, Kind, Party string
	Parties                []string
	Tags                   []string
	Sources                []arguments.Citation
	Weight                 *float64
	Rank                   *int64
	Date                   string
	Standard, Burden       string
	BurdenNote, Scheme     string
}

// Relation is a support or an attack. From has one id, or the members of a
// linked reason (supports only).
type Relation struct {
	Type string // "support" or "attack"
	From []string
	To   string
	Note string
}

// Undercut is an undercut of a support (also a linked reason) or an attack
// of the map.
type Undercut struct {
	From   string
	Target *Relation
	Note   string
}

// Formats are the formats argmap import reads, in documentation order.
func Formats() []string { return []string{"aif", "argdown", "i23", "apx", "tgf"} }

// Read reads data, the contents of the file called name, in the named
// format (one of Formats). Every reader skips a UTF-8 byte-order mark at
// the start.
func Read(format, name string, data []byte) (*Map, diagnostic.Diagnostics) {
	switch format {
	case "aif":
		return ReadAIF(name, data)
	case "argdown":
		return ReadArgdown(name, data)
	case "i23":
		return ReadI23(name, data)
	case "apx":
		return ReadAPX(name, data)
	case "tgf":
		return ReadTGF(name, data)
	}
	return nil, diagnostic.Diagnostics{rules.New("import-syntax", diagnostic.FileRange(name), "", "unknown import format %q", format)}
}

var rules = diagnostic.NewRules([]diagnostic.Rule{
	{Code: "aif-syntax", Severity: diagnostic.Error, Summary: "The file is not JSON."},
	{Code: "aif-invalid", Severity: diagnostic.Error, Summary: "The JSON is not an AIF argument graph as AIFdb and OVA write it."},
	{Code: "argdown-syntax", Severity: diagnostic.Error, Summary: "The file is not Argdown that argmap reads."},
	{Code: "i23-syntax", Severity: diagnostic.Error, Summary: "The file is not a valid i23 file (an ICCMA 2023 argumentation framework)."},
	{Code: "apx-syntax", Severity: diagnostic.Error, Summary: "The file is not a valid apx file (ASPARTIX facts arg/1 and att/2)."},
	{Code: "tgf-syntax", Severity: diagnostic.Error, Summary: "The file is not a valid Trivial Graph Format file."},
	{Code: "import-syntax", Severity: diagnostic.Error, Summary: "The file cannot be imported."},
	{Code: "import-empty", Severity: diagnostic.Error, Summary: "The file holds no argument to import."},
	{Code: "import-dropped", Severity: diagnostic.Warning, Summary: "Something in the file has no place in an argmap map and was left out, or was changed to fit."},
})

// Rules returns the diagnostics that the readers report, for documentation
// and SARIF.
func Rules() []diagnostic.Rule { return rules.All() }

// problems collects a reader's diagnostics.
type problems struct {
	src   *diagnostic.Source
	diags diagnostic.Diagnostics
}

// utf8BOM is the UTF-8 byte-order mark.
var utf8BOM = []byte("\uFEFF")

// blankBOM returns data with a byte-order mark at its start made spaces,
// so that the positions of what follows stay those of the file.
func blankBOM(data []byte) []byte {
	if bytes.HasPrefix(data, utf8BOM) {
		return append([]byte("   "), data[len(utf8BOM):]...)
	}
	return data
}

func newProblems(name string, data []byte) *problems {
	return &problems{src: diagnostic.NewSource(name, data)}
}

// at reports the rule code at the byte offsets [start, end) of the input.
func (p *problems) at(code string, start, end int, detail, format string, args ...any) {
	p.diags = append(p.diags, rules.New(code, p.src.Range(start, end), detail, format, args...))
}

// file reports the rule code for the input as a whole.
func (p *problems) file(code, detail, format string, args ...any) {
	p.diags = append(p.diags, rules.New(code, diagnostic.FileRange(p.src.Name), detail, format, args...))
}

func (p *problems) errors() bool { return p.diags.HasErrors() }

// maxIDWords is the most words of a text that an id derived from it takes.
const maxIDWords = 6

// maxDerived is the longest id derived from a text, leaving room for a
// suffix that makes it unique.
const maxDerived = 40

// IDs gives argmap ids to names, in order: a name that is an allowed argmap
// id (see arguments.ValidID) and not yet taken keeps it; another gets an id
// derived from its text (texts[i], or the name when texts[i] is ""): its
// first lower-case words, without accents, joined by '_' ("Drug trafficking
// is not an armed attack." → "drug_trafficking_is_not_an_armed"), or
// fallback and its number ("argument_3") when the text has no letter or
// digit. An id already taken gets a suffix _2, _3, ... Names that keep
// their own id are given theirs first, so that a derived id never takes a
// name's own.
func IDs(names, texts []string, fallback string) []string {
	ids := make([]string, len(names))
	taken := map[string]bool{}
	for i, n := range names {
		if arguments.ValidID(n) && !taken[n] {
			ids[i] = n
			taken[n] = true
		}
	}
	for i, n := range names {
		if ids[i] != "" {
			continue
		}
		text := n
		if i < len(texts) && texts[i] != "" {
			text = texts[i]
		}
		base := Slug(text)
		if base == "" {
			base = fallback + "_" + strconv.Itoa(i+1)
		}
		id := base
		for k := 2; taken[id]; k++ {
			id = base + "_" + strconv.Itoa(k)
		}
		ids[i] = id
		taken[id] = true
	}
	return ids
}

// Slug is an id derived from a text: its first words, lower case, letters
// and digits only (accents removed), joined by '_', at most maxDerived
// characters, starting with a letter or digit; "" when the text has none.
func Slug(text string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent, decomposed from its letter
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			w.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "state's" is one word
		default:
			flush()
		}
		if len(words) >= maxIDWords {
			break
		}
	}
	flush()
	if len(words) > maxIDWords {
		words = words[:maxIDWords]
	}
	id := ""
	for _, word := range words {
		next := word
		if id != "" {
			next = id + "_" + word
		}
		if len(next) > maxDerived {
			if id == "" {
				id = word[:maxDerived]
			}
			break
		}
		id = next
	}
	return id
}

// TOML returns the map as an argmap TOML file. header is its first comment
// lines (without "# "), saying where the map came from. Arguments come in
// the map's order, each with its supports and attacks when they carry no
// note; linked reasons, relations with a note and undercuts follow as
// [[relations]] entries.
func (m *Map) TOML(header ...string) []byte {
	var b strings.Builder
	for _, h := range header {
		for _, line := range strings.Split(h, "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	if m.Title != "" {
		fmt.Fprintf(&b, "title = %s\n", tomlString(m.Title))
	}
	inList := make([]bool, len(m.Relations))
	lists := map[string][2][]string{}
	for i, r := range m.Relations {
		if len(r.From) != 1 || r.Note != "" {
			continue
		}
		inList[i] = true
		l := lists[r.From[0]]
		if r.Type == "attack" {
			l[1] = append(l[1], r.To)
		} else {
			l[0] = append(l[0], r.To)
		}
		lists[r.From[0]] = l
	}
	for _, a := range m.Arguments {
		fmt.Fprintf(&b, "\n[arguments.%s]\n", a.ID)
		fmt.Fprintf(&b, "claim = %s\n", tomlString(a.Claim))
		str := func(key, value string) {
			if value != "" {
				fmt.Fprintf(&b, "%s = %s\n", key, tomlString(value))
			}
		}
		str("kind", a.Kind)
		if len(a.Parties) > 1 {
			fmt.Fprintf(&b, "party = %s\n", tomlIDs(a.Parties))
		} else {
			str("party", a.Party)
		}
		if len(a.Tags) > 0 {
			fmt.Fprintf(&b, "tags = %s\n", tomlIDs(a.Tags))
		}
		if src := tomlSources(a.Sources); src != "" {
			fmt.Fprintf(&b, "source = %s\n", src)
		}
		if a.Weight != nil {
			fmt.Fprintf(&b, "weight = %s\n", tomlFloat(*a.Weight))
		}
		if a.Rank != nil {
			fmt.Fprintf(&b, "rank = %d\n", *a.Rank)
		}
		str("date", a.Date)
		str("standard", a.Standard)
		str("burden", a.Burden)
		str("burden_note", a.BurdenNote)
		str("scheme", a.Scheme)
		l := lists[a.ID]
		if len(l[0]) > 0 {
			fmt.Fprintf(&b, "supports = %s\n", tomlIDs(l[0]))
		}
		if len(l[1]) > 0 {
			fmt.Fprintf(&b, "attacks = %s\n", tomlIDs(l[1]))
		}
	}
	for i, r := range m.Relations {
		if inList[i] {
			continue
		}
		b.WriteString("\n[[relations]]\n")
		fmt.Fprintf(&b, "from = %s\n", tomlFrom(r.From))
		fmt.Fprintf(&b, "to = %s\n", tomlString(r.To))
		fmt.Fprintf(&b, "type = %s\n", tomlString(r.Type))
		if r.Note != "" {
			fmt.Fprintf(&b, "note = %s\n", tomlString(r.Note))
		}
	}
	for _, u := range m.Undercuts {
		b.WriteString("\n[[relations]]\n")
		fmt.Fprintf(&b, "from = %s\n", tomlString(u.From))
		b.WriteString("type = \"undercut\"\n")
		fmt.Fprintf(&b, "to = { from = %s, to = %s }", tomlFrom(u.Target.From), tomlString(u.Target.To))
		if u.Target.Type == "attack" {
			b.WriteString("   # the attack")
		}
		b.WriteString("\n")
		if u.Note != "" {
			fmt.Fprintf(&b, "note = %s\n", tomlString(u.Note))
		}
	}
	return []byte(b.String())
}

func tomlFrom(from []string) string {
	if len(from) == 1 {
		return tomlString(from[0])
	}
	return tomlIDs(from)
}

func tomlIDs(ids []string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = tomlString(id)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func tomlSources(srcs []arguments.Citation) string {
	if len(srcs) == 0 {
		return ""
	}
	if len(srcs) == 1 && srcs[0].URL == "" && srcs[0].Date == "" && srcs[0].Quote == "" {
		return tomlString(srcs[0].Name)
	}
	parts := make([]string, len(srcs))
	for i, s := range srcs {
		var kv []string
		for _, f := range [][2]string{{"name", s.Name}, {"url", s.URL}, {"date", s.Date}, {"quote", s.Quote}} {
			if f[1] != "" {
				kv = append(kv, f[0]+" = "+tomlString(f[1]))
			}
		}
		parts[i] = "{ " + strings.Join(kv, ", ") + " }"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func tomlFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// tomlString is s as a TOML 1.0 basic string: valid UTF-8 (invalid bytes
// become U+FFFD), with quotes, backslashes and control characters escaped.
func tomlString(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// builder builds a Map from a reader's nodes and edges: it gives ids,
// drops what an argmap map cannot hold (a relation given twice, an argument
// that both supports and attacks another), and reports what it dropped.
type builder struct {
	p      *problems
	m      *Map
	byID   map[string]*Argument
	rels   map[string]*Relation // by type, from and to
	pairs  map[[2]string]string // the type of the relation from -> to, for single sources
	unders map[string]bool
}

func newBuilder(p *problems) *builder {
	return &builder{p: p, m: &Map{}, byID: map[string]*Argument{}, rels: map[string]*Relation{},
		pairs: map[[2]string]string{}, unders: map[string]bool{}}
}

func (b *builder) argument(a *Argument) {
	if a.Claim = strings.TrimSpace(a.Claim); a.Claim == "" {
		a.Claim = a.ID
	}
	a.Party = strings.TrimSpace(a.Party)
	a.Parties, a.Tags = names(a.Parties), names(a.Tags)
	if len(a.Parties) == 1 {
		a.Party, a.Parties = a.Parties[0], nil
	}
	b.m.Arguments = append(b.m.Arguments, a)
	b.byID[a.ID] = a
}

func relKey(typ string, from []string, to string) string {
	from = slices.Clone(from)
	slices.Sort(from)
	return typ + " " + strings.Join(slices.Compact(from), "+") + " " + to
}

// relation adds a relation, or returns the one already given. It returns
// nil, reporting why at the offsets [start, end), when the relation cannot
// be added: it would both support and attack the same argument.
func (b *builder) relation(typ string, from []string, to, note string, start, end int) *Relation {
	from = slices.Clone(from)
	slices.Sort(from)
	from = slices.Compact(from)
	k := relKey(typ, from, to)
	if r, ok := b.rels[k]; ok {
		if r.Note == "" {
			r.Note = note
		}
		return r
	}
	if len(from) == 1 {
		pair := [2]string{from[0], to}
		if t, ok := b.pairs[pair]; ok && t != typ {
			b.p.at("import-dropped", start, end, "An argmap argument cannot both support and attack the same argument: the first relation is kept.",
				"%s from %q to %q left out: %q %ss it already", typ, from[0], to, from[0], t)
			return nil
		}
		b.pairs[pair] = typ
	}
	r := &Relation{Type: typ, From: from, To: to, Note: note}
	b.rels[k] = r
	b.m.Relations = append(b.m.Relations, r)
	return r
}

func (b *builder) undercut(from string, target *Relation, note string) {
	k := from + " " + relKey(target.Type, target.From, target.To)
	if b.unders[k] {
		return
	}
	b.unders[k] = true
	b.m.Undercuts = append(b.m.Undercuts, &Undercut{From: from, Target: target, Note: note})
}

// done returns the map, or the problems when there are errors or no
// argument.
func (b *builder) done() (*Map, diagnostic.Diagnostics) {
	if !b.p.errors() && len(b.m.Arguments) == 0 {
		b.p.file("import-empty", "An argmap map needs at least one argument.", "%s holds no argument", b.p.src.Name)
	}
	if b.p.errors() {
		return nil, b.p.diags
	}
	return b.m, b.p.diags
}

// names are the names of a list, trimmed, without blank ones and each once,
// as argmap's party and tags lists must be.
func names(list []string) []string {
	var out []string
	for _, n := range list {
		if n = strings.TrimSpace(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
