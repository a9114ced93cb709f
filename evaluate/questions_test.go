package evaluate

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// questionMap is a random small map of attacks and critical questions, with
// the labels its arguments should have under grounded semantics, worked out
// from the definitions of the questions (Carneades' exceptions and
// assumptions, Gordon, Prakken & Walton 2007) rather than from a framework.
type questionMap struct {
	src     string
	without []string
	want    map[string]semantics.Label
}

type raising struct {
	from, to, question string
	answer             bool
}

func randomQuestionMap(r *rand.Rand) questionMap {
	n := 2 + r.IntN(4)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("a%d", i)
	}
	var b strings.Builder
	b.WriteString("[schemes.s]\ntitle = \"S\"\n[[schemes.s.questions]]\nid = \"e\"\ntext = \"E?\"\nkind = \"exception\"\n" +
		"[[schemes.s.questions]]\nid = \"f\"\ntext = \"F?\"\n[[schemes.s.questions]]\nid = \"u\"\ntext = \"U?\"\nkind = \"assumption\"\n")
	attacks := map[[2]int]bool{}
	schemed := make([]bool, n)
	for i, id := range ids {
		fmt.Fprintf(&b, "[arguments.%s]\nclaim = \"%s.\"\n", id, id)
		if r.IntN(3) > 0 {
			schemed[i] = true
			b.WriteString("scheme = \"s\"\n")
		}
		var att []string
		for j := range ids {
			if r.IntN(4) == 0 {
				attacks[[2]int{i, j}] = true
				att = append(att, fmt.Sprintf("%q", ids[j]))
			}
		}
		if len(att) > 0 {
			fmt.Fprintf(&b, "attacks = [%s]\n", strings.Join(att, ", "))
		}
	}
	var rels []raising
	for k := r.IntN(6); k > 0; k-- {
		to := r.IntN(n)
		if !schemed[to] {
			continue
		}
		rel := raising{from: ids[r.IntN(n)], to: ids[to], question: []string{"e", "f", "u"}[r.IntN(3)], answer: r.IntN(3) == 0}
		rels = append(rels, rel)
		typ := "question"
		if rel.answer {
			typ = "answer"
		}
		fmt.Fprintf(&b, "[[relations]]\nfrom = %q\nto = %q\ntype = %q\nquestion = %q\n", rel.from, rel.to, typ, rel.question)
	}
	gone := map[string]bool{}
	var without []string
	for _, id := range ids {
		if r.IntN(6) == 0 {
			gone[id] = true
			without = append(without, id)
		}
	}

	// The reference: the least fixed point of the rules, from all undecided.
	label := map[string]semantics.Label{}
	for _, id := range ids {
		if !gone[id] {
			label[id] = semantics.Undec
		}
	}
	isIn := func(id string) bool { return label[id] == semantics.In }
	isOut := func(id string) bool { return label[id] == semantics.Out }
	answers := func(to, q string) (anyIn, allOut bool) {
		allOut = true
		for _, rel := range rels {
			if rel.answer && rel.to == to && rel.question == q && !gone[rel.from] {
				anyIn = anyIn || isIn(rel.from)
				allOut = allOut && isOut(rel.from)
			}
		}
		return
	}
	for changed := true; changed; {
		changed = false
		for i, id := range ids {
			if gone[id] || label[id] != semantics.Undec {
				continue
			}
			allOut, someIn := true, false
			for j, x := range ids {
				if attacks[[2]int{j, i}] && !gone[x] {
					allOut = allOut && isOut(x)
					someIn = someIn || isIn(x)
				}
			}
			assumed := map[string]bool{}
			for _, rel := range rels {
				if rel.answer || rel.to != id || gone[rel.from] {
					continue
				}
				ansIn, ansOut := answers(id, rel.question)
				var qIn, qOut bool
				if rel.question == "u" { // an assumption, whether its raiser stands or not
					if assumed[rel.question] {
						continue
					}
					assumed[rel.question] = true
					qIn, qOut = ansOut, ansIn
				} else { // an exception: it needs its raiser
					qIn, qOut = isIn(rel.from) && ansOut, isOut(rel.from) || ansIn
				}
				allOut = allOut && qOut
				someIn = someIn || qIn
			}
			switch {
			case allOut:
				label[id], changed = semantics.In, true
			case someIn:
				label[id], changed = semantics.Out, true
			}
		}
	}
	return questionMap{src: b.String(), without: without, want: label}
}

// TestQuestionsReference checks the reduction of critical questions to the
// argument graph against the reference above, on thousands of random small
// maps, under grounded semantics and every reading of the supports (the maps
// have none, so all readings must agree).
func TestQuestionsReference(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 4))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		qm := randomQuestionMap(r)
		m := load(t, qm.src)
		for _, mode := range []bipolar.Mode{bipolar.SupportedSecondary, bipolar.Deductive, bipolar.Necessary, bipolar.Ignore} {
			res, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: mode, Without: qm.without})
			if err != nil {
				t.Fatalf("map %d: %v", i, err)
			}
			for _, st := range res.Arguments {
				if want := qm.want[st.ID]; st.Label != want {
					t.Fatalf("map %d, %s, without %v: %s is %s, want %s\n%s", i, mode, qm.without, st.ID, st.Label, want, qm.src)
				}
			}
			if len(res.Arguments) != len(qm.want) {
				t.Fatalf("map %d: %d arguments evaluated, want %d", i, len(res.Arguments), len(qm.want))
			}
		}
	}
}

// TestQuestionKinds is the distinction of Gordon, Prakken & Walton 2007
// ("The Carneades model of argument and burden of proof", AIJ 171), which
// models critical questions as premises of two kinds: an exception is the
// respondent's to prove (the argument falls only if an argument raising it
// stands), an assumption the proponent's once questioned (the argument falls
// unless an answer stands). The scheme is the expert opinion of Walton, Reed
// & Macagno 2008: field is an assumption, consistency an exception.
func TestQuestionKinds(t *testing.T) {
	const base = `
[arguments.expert]
claim = "E says A."
scheme = "expert-opinion"
[arguments.critic]
claim = "The critic."
[arguments.rebuttal]
claim = "The critic is wrong."
[arguments.answer]
claim = "E is an expert in the field."
`
	rel := func(from, typ, q string) string {
		return fmt.Sprintf("[[relations]]\nfrom = %q\nto = \"expert\"\ntype = %q\nquestion = %q\n", from, typ, q)
	}
	defeat := "[[relations]]\nfrom = \"rebuttal\"\nto = \"critic\"\ntype = \"attack\"\n"
	tests := []struct {
		name, rels string
		want       semantics.Label
	}{
		{"unraised questions are open points", "", semantics.In},
		{"an answer to an unraised question changes nothing", rel("answer", "answer", "field"), semantics.In},
		{"an exception raised by a standing argument defeats", rel("critic", "question", "consistency"), semantics.Out},
		{"an exception raised by a defeated argument does not", rel("critic", "question", "consistency") + defeat, semantics.In},
		{"an exception answered by a standing argument does not", rel("critic", "question", "consistency") + rel("answer", "answer", "consistency"), semantics.In},
		{"an assumption raised defeats until answered", rel("critic", "question", "field"), semantics.Out},
		{"an assumption raised by a defeated argument still defeats", rel("critic", "question", "field") + defeat, semantics.Out},
		{"an assumption answered by a standing argument holds", rel("critic", "question", "field") + rel("answer", "answer", "field"), semantics.In},
		{"an assumption whose answer is defeated does not hold", rel("critic", "question", "field") + rel("answer", "answer", "field") +
			"[[relations]]\nfrom = \"rebuttal\"\nto = \"answer\"\ntype = \"attack\"\n", semantics.Out},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := load(t, base+tt.rels)
			res, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}})
			if err != nil {
				t.Fatal(err)
			}
			if st, _ := res.Status("expert"); st.Label != tt.want {
				t.Errorf("expert is %s, want %s", st.Label, tt.want)
			}
		})
	}
}

func TestExplainQuestions(t *testing.T) {
	m := load(t, `
[arguments.expert]
claim = "E says A."
scheme = "expert-opinion"
[arguments.critic]
claim = "E is a diplomat."
[[relations]]
from = "critic"
to = "expert"
type = "question"
question = "field"
`)
	res, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}})
	if err != nil {
		t.Fatal(err)
	}
	text, err := res.Explain(context.Background(), "expert")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"the critical question field of expert (raised by critic) attacks it",
		"field (Is E an expert in the field that A is in?) is raised by critic, as an assumption.",
		"expertise (How credible is E as an expert source?) is open.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
}

// TestQuestionsEveryMethod evaluates random maps with critical questions
// under every method, and explains every argument: none may fail.
func TestQuestionsEveryMethod(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 12))
	for i := range 150 {
		qm := randomQuestionMap(r)
		m := load(t, qm.src)
		for _, name := range MethodNames() {
			method, err := ParseMethod(name)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Evaluate(context.Background(), m, Options{Method: method, Without: qm.without})
			if err != nil {
				t.Fatalf("map %d, %s: %v\n%s", i, name, err, qm.src)
			}
			if method.Gradual != 0 {
				continue
			}
			for _, st := range res.Arguments {
				if _, err := res.Explain(context.Background(), st.ID); err != nil {
					t.Fatalf("map %d, %s, explain %s: %v", i, name, st.ID, err)
				}
			}
		}
	}
}
