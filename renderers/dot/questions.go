package dot

import (
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/fonts"
)

// openQuestions is the number of critical questions of a's scheme that no
// argument of m raises or answers: the open points that a drawing marks,
// with a "?N open" in the argument's footer (text, so that it reads in
// greyscale too).
func openQuestions(m *arguments.Map, a *arguments.Argument) int {
	n := 0
	for _, q := range m.Questions(a) {
		if q.Open() {
			n++
		}
	}
	return n
}

// questionEdges writes the relations that raise and answer critical
// questions: dashed arrows (raised) and dotted ones (answered), labelled with
// the question's id, in the map's order, each drawn once.
// questionEdge is the arrow of a question or answer relation.
type questionEdge struct {
	id, from, to, style, label, tip string
	notes                           []string // the relations' notes, cleaned, each once
}

// questionEdgesOf lists the arrows of the map's question and answer
// relations, once each, in the map's order.
func questionEdgesOf(m *arguments.Map) []questionEdge {
	var edges []questionEdge
	seen := map[string]int{} // index in edges
	for _, r := range m.QuestionRelations {
		a := m.Argument(r.To)
		if m.Argument(r.From) == nil || a == nil || a.Scheme == "" {
			continue
		}
		s := m.Scheme(a.Scheme)
		if s == nil || s.Question(r.Question) == nil {
			continue
		}
		verb, style, label := "raises", "dashed", "?"+nbsp+r.Question
		if r.Type == arguments.Answer {
			verb, style, label = "answers", "dotted", "!"+nbsp+r.Question
		}
		id := r.From + "." + verb + "-" + r.Question + "." + r.To
		note := clean(r.Note)
		if i, ok := seen[id]; ok {
			if note != "" && !slices.Contains(edges[i].notes, note) {
				edges[i].notes = append(edges[i].notes, note)
			}
			continue
		}
		seen[id] = len(edges)
		tip := r.From + " " + verb + " the critical question " + r.Question + " of " + r.To + ": " + clean(s.Question(r.Question).Text)
		if note != "" {
			tip += " " + note
		}
		e := questionEdge{id: id, from: r.From, to: r.To, style: style, label: label, tip: tip}
		if note != "" {
			e.notes = []string{note}
		}
		edges = append(edges, e)
	}
	return edges
}

func (w *writer) questionEdges() {
	for _, e := range questionEdgesOf(w.m) {
		// The question's id is the arrow's external label; a note drawn
		// as a label is the arrow's label.
		note, xlabel := "", " xlabel="+quote(e.label)
		text := strings.Join(e.notes, " ")
		switch w.opts.Notes {
		case "footnotes":
			// The mark by the arrow's tail: the question's id takes the
			// arrow's external label, which Graphviz may push onto a box
			// when the arrow is short.
			if mark := noteMark(w.notes.arrows, e.id); mark != "" {
				var b strings.Builder
				writeRuns(&b, line{{text: mark, style: style{size: w.small(), bold: true, color: w.theme.detail}}})
				note = " taillabel=<" + b.String() + "> labeldistance=1.5"
			}
		case "labels":
			switch {
			case w.layout == layoutDot:
				note = w.arrowNote(e.id, text, w.theme.detail)
			case text != "":
				// The other layouts make no room for labels: the note
				// follows the question's id in the external label.
				xlabel, note = "", w.arrowNote(e.id, strings.ReplaceAll(e.label, nbsp, " ")+": "+text, w.theme.detail)
			}
		}
		note = strings.TrimPrefix(note, labelFont) // the arrow sets it
		w.printf("\t%s -> %s [id=%s class=\"question\" color=%q fontcolor=%q fontname=%s fontsize=%s style=%s arrowhead=empty%s%s tooltip=%s]\n",
			quote(e.from), quote(e.to), quote(e.id), w.theme.detail, w.theme.detail, quote(fonts.Name), num(w.small()), e.style, xlabel, note, quote(e.tip))
	}
}
