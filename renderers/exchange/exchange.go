// Package exchange writes an argument map in the formats of other tools:
// argmap's own JSON (with its JSON Schema in schema/), the Argument
// Interchange Format as AIFdb and OVA read it, Argdown, a Mermaid flowchart,
// GraphML for yEd and Gephi, the ICCMA solvers' i23 and ASPARTIX apx
// formats, and the Trivial Graph Format.
//
// Every writer is deterministic: the same map gives the same bytes. Each
// takes the map as package arguments reads it; the map should be free of
// errors (argmap export checks it first). The formats and what each keeps
// of a map are documented on the writers and in the README.
package exchange

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics/bipolar"
)

// Format is an export format.
type Format struct {
	Name        string   // as --format names it: "json", "aif", ...
	Exts        []string // the file extensions that name it, lower case with the dot
	Description string   // one line, for help
}

var formats = []Format{
	{"json", []string{".json"}, "argmap's own JSON: every field, relation and position (schema/argmap-export.schema.json)"},
	{"aif", []string{".aif"}, "Argument Interchange Format JSON, as AIFdb and OVA read it"},
	{"argdown", []string{".argdown", ".ad"}, "an Argdown document"},
	{"mermaid", []string{".mmd", ".mermaid"}, "a Mermaid flowchart, which GitHub draws in Markdown"},
	{"graphml", []string{".graphml"}, "GraphML, for yEd, Gephi and graph libraries"},
	{"i23", []string{".i23"}, "the ICCMA 2023 i23 format of the framework argmap evaluates"},
	{"apx", []string{".apx"}, "the ASPARTIX apx format of the framework argmap evaluates"},
	{"tgf", []string{".tgf"}, "the Trivial Graph Format"},
}

// Formats returns the export formats, in the order of the documentation.
func Formats() []Format { return slices.Clone(formats) }

// FormatNames returns the names of the export formats.
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// FormatOf returns the format whose extensions include ext (such as
// ".json"), compared without regard to case.
func FormatOf(ext string) (Format, bool) {
	ext = strings.ToLower(ext)
	for _, f := range formats {
		if slices.Contains(f.Exts, ext) {
			return f, true
		}
	}
	return Format{}, false
}

// Options are the options of an export.
type Options struct {
	// Support is how the solvers' formats (i23, apx) fold the supports
	// into attacks: the framework written is the one argmap eval evaluates
	// with --support Support. The zero value is bipolar.SupportedSecondary,
	// eval's default.
	Support bipolar.Mode
	// MaxAttacks bounds the attacks the supports may give rise to (0: the
	// default bound of package bipolar; -1: none), as for argmap eval.
	MaxAttacks int
	// Evaluation, when set, is included in the JSON export. The other
	// formats ignore it.
	Evaluation *evaluate.Result
}

// Write writes the map m in the named format to w.
func Write(ctx context.Context, w io.Writer, m *arguments.Map, format string, opt Options) error {
	switch format {
	case "json":
		return WriteJSON(w, m, opt.Evaluation)
	case "aif":
		return WriteAIF(w, m)
	case "argdown":
		return WriteArgdown(w, m)
	case "mermaid":
		return WriteMermaid(w, m)
	case "graphml":
		return WriteGraphML(w, m)
	case "i23":
		return WriteI23(ctx, w, m, opt)
	case "apx":
		return WriteAPX(ctx, w, m, opt)
	case "tgf":
		return WriteTGF(w, m)
	}
	return fmt.Errorf("exchange: unknown format %q", format)
}

// relation is a support or an attack of the map, given once however often
// the map gives it.
type relation struct {
	Type    graph.Relation // graph.Support or graph.Attack
	From    string         // the source's id, or the linked name of a linked reason's members
	Members []string       // the members of a linked reason, sorted; nil for a single source
	To      string
	Note    string // the first note given

	undercuts []int // indices in view.undercuts of the undercuts of this relation
}

// Linked reports whether the relation is a linked reason.
func (r *relation) Linked() bool { return len(r.Members) > 0 }

// Sources are the relation's source ids: its members, or its source.
func (r *relation) Sources() []string {
	if r.Linked() {
		return r.Members
	}
	return []string{r.From}
}

// undercut is an undercut of one of view.relations.
type undercut struct {
	From   string
	Target int // index in view.relations
	Note   string
}

// view is what most formats draw of a map: its arguments, and its supports,
// attacks and undercuts, each once, in the map's order.
type view struct {
	m         *arguments.Map
	args      []*arguments.Argument
	relations []*relation
	undercuts []undercut
}

type relKey struct {
	t        graph.Relation
	from, to string
}

func newView(m *arguments.Map) *view {
	v := &view{m: m, args: m.Arguments}
	index := map[relKey]int{}
	for _, r := range m.Relations {
		from := r.From // for a linked reason, its members sorted and joined by "+"
		var members []string
		if r.Linked() {
			members = strings.Split(from, "+")
		}
		k := relKey{r.Type, from, r.To}
		if i, ok := index[k]; ok {
			if v.relations[i].Note == "" {
				v.relations[i].Note = r.Note
			}
			continue
		}
		index[k] = len(v.relations)
		v.relations = append(v.relations, &relation{Type: r.Type, From: from, Members: members, To: r.To, Note: r.Note})
	}
	seen := map[[2]string]bool{}
	for _, u := range m.Undercuts {
		from := u.Support.From // a linked reason's is its LinkedName
		i, ok := index[relKey{graph.Support, from, u.Support.To}]
		if !ok {
			i, ok = index[relKey{graph.Attack, from, u.Support.To}]
		}
		if !ok {
			continue // the map has an error; argmap check reports it
		}
		key := [2]string{u.From, fmt.Sprint(i)}
		if seen[key] {
			continue
		}
		seen[key] = true
		v.relations[i].undercuts = append(v.relations[i].undercuts, len(v.undercuts))
		v.undercuts = append(v.undercuts, undercut{From: u.From, Target: i, Note: u.Note})
	}
	return v
}

// title is the map's title, or "".
func (v *view) title() string { return v.m.Title }

// errWriter remembers the first error of its writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) write(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}
