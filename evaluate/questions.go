package evaluate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/termtext"
)

// questionLabel names a question node for a sentence: "the critical question
// field of sarukhan, raised by not-expert". Its name is "ARG?QUESTION"
// (arguments.Map.Graph).
func (r *Result) questionLabel(n int) string {
	arg, q, _ := strings.Cut(r.graph.Name(n), "?")
	raisers, _ := r.graph.Raisers(n)
	var names []string
	for _, x := range raisers {
		names = append(names, r.graph.Name(x))
	}
	return fmt.Sprintf("the critical question %s of %s (raised by %s)", q, arg, strings.Join(names, " and "))
}

// QuestionText is one critical question of an argument as explain and eval
// name it: its id, text and kind, and who raises and answers it.
type QuestionText struct {
	ID         string   `json:"id"`
	Text       string   `json:"text"`
	Kind       string   `json:"kind"`
	RaisedBy   []string `json:"raised_by,omitempty"`
	AnsweredBy []string `json:"answered_by,omitempty"`
}

// Questions lists the critical questions of argument a's scheme with who
// raises and answers each, in the scheme's order (nil without a scheme).
func Questions(m *arguments.Map, a *arguments.Argument) []QuestionText {
	var out []QuestionText
	for _, st := range m.Questions(a) {
		q := QuestionText{ID: st.Question.ID, Text: st.Question.Text, Kind: st.Question.Kind.String()}
		for _, r := range st.Raised {
			q.RaisedBy = appendNew(q.RaisedBy, r.From)
		}
		for _, r := range st.Answered {
			q.AnsweredBy = appendNew(q.AnsweredBy, r.From)
		}
		out = append(out, q)
	}
	return out
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// explainQuestions writes, for an argument with a scheme, its critical
// questions: the raised ones and the open ones.
func (r *Result) explainQuestions(b *strings.Builder, id string) {
	a := r.Map.Argument(id)
	qs := Questions(r.Map, a)
	if len(qs) == 0 {
		return
	}
	title := a.Scheme
	if s := r.Map.Scheme(a.Scheme); s != nil && s.Title != "" {
		title = s.Title
	}
	fmt.Fprintf(b, "\n%s is an argument of scheme %s (%s). Its critical questions:\n", id, a.Scheme, termtext.Escape(title))
	for _, q := range qs {
		text := termtext.Escape(q.Text)
		switch {
		case len(q.RaisedBy) > 0:
			fmt.Fprintf(b, "  %s (%s) is raised by %s, as an %s", q.ID, text, strings.Join(q.RaisedBy, ", "), q.Kind)
			if len(q.AnsweredBy) > 0 {
				fmt.Fprintf(b, ", and answered by %s", strings.Join(q.AnsweredBy, ", "))
			}
			fmt.Fprintln(b, ".")
		case len(q.AnsweredBy) > 0:
			fmt.Fprintf(b, "  %s (%s) is answered by %s, and not raised.\n", q.ID, text, strings.Join(q.AnsweredBy, ", "))
		default:
			fmt.Fprintf(b, "  %s (%s) is open.\n", q.ID, text)
		}
	}
}

// isQuestion reports whether node n is a critical question's.
func (r *Result) isQuestion(n int) bool { return r.graph.Kind(n) == graph.Question }

// questionWeight is the weight of question node n under carneades, and
// whether n is one: a raised assumption weighs 1 against its argument (the
// proponent must answer it), an exception what the weakest of its raisers
// weighs (it is their objection).
func questionWeight(m *arguments.Map, g *graph.Graph, n int) (float64, bool) {
	raisers, ok := g.Raisers(n)
	if !ok {
		return 0, false
	}
	w := 1.0
	if hasPremise(g, n) {
		for _, x := range raisers {
			w = min(w, m.Argument(g.Name(x)).Weight)
		}
	}
	return w, true
}

// hasPremise reports whether node n has a premise edge: a raised exception's
// node has one from its raiser, an assumption's none.
func hasPremise(g *graph.Graph, n int) bool {
	for _, e := range g.Edges() {
		if e.To == n && e.Relation == graph.Premise {
			return true
		}
	}
	return false
}
