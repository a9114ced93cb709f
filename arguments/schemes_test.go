package arguments

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
)

func loadValid(t *testing.T, src string) *Map {
	t.Helper()
	m, diags := loadString(t, src)
	if diags.HasErrors() {
		t.Fatalf("map has errors: %v", diags)
	}
	return m
}

// edges lists g's edges as "from -relation-> to", questions named by name.
func edges(g *graph.Graph) string {
	var out []string
	for _, e := range g.Edges() {
		out = append(out, fmt.Sprintf("%s -%s-> %s", g.Name(e.From), e.Relation, g.Name(e.To)))
	}
	return strings.Join(out, "\n")
}

func TestGraphQuestions(t *testing.T) {
	m := loadValid(t, `
[arguments.e]
claim = "E says so."
scheme = "expert-opinion"
[arguments.x]
claim = "X."
[arguments.z]
claim = "Z."
attacks = ["x"]
[arguments.y]
claim = "Y."
[[relations]]
from = "x"
to = "e"
type = "question"
question = "consistency"
[[relations]]
from = "x"
to = "e"
type = "question"
question = "field"
[[relations]]
from = "z"
to = "e"
type = "question"
question = "field"
[[relations]]
from = "y"
to = "e"
type = "answer"
question = "field"
[[relations]]
from = "y"
to = "e"
type = "answer"
question = "expertise"
`)
	g := m.Graph()
	want := `z -attack-> x
x -premise-> e?consistency
e?consistency -attack-> e
e?field -attack-> e
y -attack-> e?field
z -attack-> e?consistency`
	if got := edges(g); got != want {
		t.Errorf("edges:\n%s\nwant:\n%s", got, want)
	}
	var questions []string
	for n := range g.Len() {
		if g.Kind(n) == graph.Question {
			raisers, _ := g.Raisers(n)
			var names []string
			for _, r := range raisers {
				names = append(names, g.Name(r))
			}
			questions = append(questions, g.Name(n)+" by "+strings.Join(names, ","))
		}
	}
	if want := []string{"e?consistency by x", "e?field by x,z"}; !slices.Equal(questions, want) {
		t.Errorf("questions %v, want %v", questions, want)
	}

	var status []string
	for _, q := range m.Questions(m.Argument("e")) {
		s := q.Question.ID
		switch {
		case q.Open():
			s += " open"
		case len(q.Raised) > 0:
			s += fmt.Sprintf(" raised %d answered %d", len(q.Raised), len(q.Answered))
		default:
			s += " answered"
		}
		status = append(status, s)
	}
	want2 := []string{"expertise answered", "field raised 2 answered 1", "opinion open", "trustworthiness open", "consistency raised 1 answered 0", "backup-evidence open"}
	if !slices.Equal(status, want2) {
		t.Errorf("questions of e:\n%v\nwant\n%v", status, want2)
	}
}

func TestSchemesLibrary(t *testing.T) {
	want := []string{"expert-opinion", "witness-testimony", "position-to-know", "analogy", "precedent", "rule", "positive-consequences", "negative-consequences", "practical-reasoning"}
	var names []string
	for _, s := range Schemes() {
		names = append(names, s.Name)
		if !ValidID(s.Name) || s.Title == "" || len(s.Premises) == 0 || s.Conclusion == "" || len(s.Questions) == 0 {
			t.Errorf("scheme %q is incomplete", s.Name)
		}
		seen := map[string]bool{}
		for _, q := range s.Questions {
			if !ValidID(q.ID) || q.ID != strings.ToLower(q.ID) || seen[q.ID] || q.Text == "" || (q.Kind != Exception && q.Kind != Assumption) {
				t.Errorf("scheme %q: question %+v", s.Name, q)
			}
			seen[q.ID] = true
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("schemes %v, want %v", names, want)
	}
	Schemes()[0].Questions[0].Text = "changed"
	if Schemes()[0].Questions[0].Text == "changed" {
		t.Error("Schemes returns the library itself, not a copy")
	}
}
