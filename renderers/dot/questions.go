package dot

import (
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
}

// questionEdgesOf lists the arrows of the map's question and answer
// relations, once each, in the map's order.
func questionEdgesOf(m *arguments.Map) []questionEdge {
	var edges []questionEdge
	seen := map[string]bool{}
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
		if seen[id] {
			continue
		}
		seen[id] = true
		tip := r.From + " " + verb + " the critical question " + r.Question + " of " + r.To + ": " + clean(s.Question(r.Question).Text)
		if note := clean(r.Note); note != "" {
			tip += " " + note
		}
		edges = append(edges, questionEdge{id, r.From, r.To, style, label, tip})
	}
	return edges
}

func (w *writer) questionEdges() {
	for _, e := range questionEdgesOf(w.m) {
		w.printf("\t%s -> %s [id=%s class=\"question\" color=%q fontcolor=%q fontname=%s fontsize=%s style=%s arrowhead=empty xlabel=%s tooltip=%s]\n",
			quote(e.from), quote(e.to), quote(e.id), w.theme.detail, w.theme.detail, quote(fonts.Name), num(w.small()), e.style, quote(e.label), quote(e.tip))
	}
}
