package evaluate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// failing is a decider whose answers fail: Credulous for every argument in
// credulous, Skeptical for every argument in skeptical.
type failing struct {
	credulous, skeptical map[int]bool
}

var errUndecided = errors.New("the solver gave up")

func (d failing) Credulous(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error) {
	if d.credulous[a] {
		return false, nil, errUndecided
	}
	return semantics.Credulous(ctx, f, s, a)
}

func (d failing) Skeptical(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error) {
	if d.skeptical[a] {
		return false, nil, errUndecided
	}
	return semantics.Skeptical(ctx, f, s, a)
}

// TestExplainUndecidableIsAnError checks that a question the explanation
// cannot decide is an error, not a sentence: before, the credulous and the
// skeptical question of the argument gave the text "cannot decide: ..."
// with a nil error, and a failed skeptical question of an attacker was
// skipped, so that the explanation went on to say no defence is possible.
func TestExplainUndecidableIsAnError(t *testing.T) {
	m := load(t, floating)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Preferred}})
	if err != nil {
		t.Fatal(err)
	}
	node := func(id string) int { return r.nodeOf[id] }
	tests := []struct {
		name string
		id   string
		d    failing
		want string
	}{
		{"credulous", "a", failing{credulous: map[int]bool{node("a"): true}}, "deciding whether a is in some preferred extension"},
		{"skeptical", "a", failing{skeptical: map[int]bool{node("a"): true}}, "deciding whether a is in every preferred extension"},
		// c is in no extension; its attackers a and b are asked whether
		// they are in every one.
		{"skeptical of an attacker", "c", failing{skeptical: map[int]bool{node("a"): true}}, "deciding whether a, which attacks c, is in every preferred extension"},
	}
	for _, tt := range tests {
		st, _ := r.Status(tt.id)
		text, err := r.explainExtensions(context.Background(), st, tt.d)
		if !errors.Is(err, errUndecided) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q and wrapping %v", tt.name, err, tt.want, errUndecided)
		}
		if text != "" {
			t.Errorf("%s: text %q with the error, want none", tt.name, text)
		}
	}
}

// TestExplainCancelled checks that an explanation whose context has ended
// is ctx's error, under every kind of semantics.
func TestExplainCancelled(t *testing.T) {
	m := load(t, floating)
	for _, s := range []semantics.Semantics{semantics.Preferred, semantics.Stable, semantics.SemiStable} {
		r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: s}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if text, err := r.Explain(ctx, "c"); !errors.Is(err, context.Canceled) || text != "" {
			t.Errorf("%v: Explain with an ended context = %q, %v; want no text and context.Canceled", s, text, err)
		}
	}
}

// TestExplainNotExplainable checks the errors for what explain cannot do.
func TestExplainNotExplainable(t *testing.T) {
	m := load(t, floating)
	ctx := context.Background()
	r, err := Evaluate(ctx, m, Options{Method: Method{Semantics: semantics.Grounded}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Explain(ctx, "zz"); err == nil || !strings.Contains(err.Error(), `no argument "zz"`) {
		t.Errorf("unknown id: error %v", err)
	}
}

// TestExplainGradual: under a gradual semantics explain shows the
// computation, with its numbers: the h-categorizer of Besnard & Hunter
// (2001), 1 / (1 + the attackers' scores); DF-QuAD (Rago et al. 2016), the
// weight combined with the aggregated attackers and supporters.
func TestExplainGradual(t *testing.T) {
	m := load(t, `
[arguments.a]
claim = "A"
attacks = ["c"]
[arguments.b]
claim = "B"
attacks = ["a"]
[arguments.s]
claim = "S"
weight = 0.8
supports = ["c"]
[arguments.c]
claim = "C"
`)
	ctx := context.Background()
	for _, tt := range []struct {
		method Method
		want   string
	}{
		{Method{Gradual: HCategorizer}, `c: C

c scores 0.667 under the h-categorizer (Besnard & Hunter 2001): one over one plus the scores of its attackers.
  Its attackers: a 0.500.
  1 / (1 + 0.500) = 1 / 1.500 = 0.667.
`},
		{Method{Gradual: DFQuAD}, `c: C

c scores 0.775 under DF-QuAD (Rago et al. 2016): its weight, 0.500, lowered by its attackers and raised by its supporters.
  Attackers: a 0.250; together F = 1 − ∏(1 − score) = 0.250.
  Supporters: s 0.800; together 0.800.
  The support is stronger: 0.500 + (1 − 0.500) × (0.800 − 0.250) = 0.775.
`},
	} {
		r, err := Evaluate(ctx, m, Options{Method: tt.method, Support: bipolar.Ignore})
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Explain(ctx, "c")
		if err != nil || got != tt.want {
			t.Errorf("%v: error %v\n--- got\n%s--- want\n%s", tt.method, err, got, tt.want)
		}
	}
}

// wording is a map with each kind of derived attack:
//
//	verify → collateral ⇒ fallout       (an attack on what supports fallout)
//	surveillance ⇒ cooperation → strike (a supporter of what attacks strike)
//	fentanyl ⇒ designation ⇒ strike      (a chain of supports into strike)
//	sovereignty → strike
//	premise ⇒ claim, undercut by exception; doubt → premise
const wording = `
[arguments.verify]
claim = "V."
attacks = ["collateral"]
[arguments.collateral]
claim = "C."
supports = ["fallout"]
[arguments.fallout]
claim = "F."
[arguments.surveillance]
claim = "S."
supports = ["cooperation"]
[arguments.cooperation]
claim = "Co."
attacks = ["strike"]
[arguments.strike]
claim = "St."
[arguments.fentanyl]
claim = "Fe."
supports = ["designation"]
[arguments.designation]
claim = "D."
supports = ["strike"]
[arguments.sovereignty]
claim = "So."
attacks = ["strike"]
[arguments.premise]
claim = "P."
supports = ["claim"]
[arguments.claim]
claim = "Cl."
[arguments.exception]
claim = "E."
[arguments.doubt]
claim = "Do."
attacks = ["premise"]
[[relations]]
from = "exception"
type = "undercut"
to = { from = "premise", to = "claim" }
`

// TestAttacksItWordsOfTheReading checks that a derived attack is told in the
// words of the reading in use. Before, every derived attack was told in the
// words of the default reading, and an attack on what an argument's support
// rests on in those of necessary support ("on which it rests") whatever the
// reading; a mediated or extended attack was "attacks it through the
// supports".
func TestAttacksItWordsOfTheReading(t *testing.T) {
	m := load(t, wording)
	tests := []struct {
		mode     bipolar.Mode
		from, to string
		want     string
	}{
		{bipolar.SupportedSecondary, "verify", "fallout", "attacks collateral, which supports it (a secondary attack)"},
		{bipolar.SupportedSecondary, "surveillance", "strike", "supports cooperation, which attacks it (a supported attack)"},
		{bipolar.SupportedSecondary, "sovereignty", "strike", "attacks it"},
		{bipolar.SupportedSecondary, "doubt", "claim", "attacks premise, on which the inference from premise to claim rests, which supports it"},
		{bipolar.SupportedSecondary, "doubt", "premise->claim", "attacks premise, on which it rests"},
		{bipolar.Deductive, "surveillance", "strike", "supports cooperation, which attacks it (a supported attack)"},
		{bipolar.Deductive, "sovereignty", "designation", "attacks strike, which it supports (a mediated attack)"},
		{bipolar.Deductive, "sovereignty", "fentanyl", "attacks strike, which designation supports, which it supports (a mediated attack)"},
		{bipolar.Deductive, "cooperation", "designation", "attacks strike, which it supports (a mediated attack)"},
		{bipolar.Deductive, "surveillance", "fentanyl", "supports cooperation, which attacks strike, which designation supports, which it supports (a super-mediated attack)"},
		{bipolar.Necessary, "verify", "fallout", "attacks collateral, which it needs (a secondary attack)"},
		{bipolar.Necessary, "strike", "sovereignty", ""}, // no such attack: sovereignty attacks strike
		{bipolar.Necessary, "fallout", "collateral", ""},
	}
	for _, tt := range tests {
		r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: tt.mode})
		if err != nil {
			t.Fatal(err)
		}
		// A node by its id, or an inference by its name.
		node := func(name string) int {
			if n, ok := r.nodeOf[name]; ok {
				return n
			}
			for n := range r.graph.Len() {
				if r.graph.Kind(n) == graph.Inference && r.graph.Name(n) == name {
					return n
				}
			}
			t.Fatalf("no node %q", name)
			return -1
		}
		a, b := node(tt.from), node(tt.to)
		attacks := false
		for _, x := range r.frame.Attackers(b) {
			attacks = attacks || x == a
		}
		if tt.want == "" {
			if attacks {
				t.Errorf("%v: %s attacks %s, want no attack", tt.mode, tt.from, tt.to)
			}
			continue
		}
		if !attacks {
			t.Errorf("%v: %s does not attack %s", tt.mode, tt.from, tt.to)
			continue
		}
		if got := r.attacksIt(a, b); got != tt.want {
			t.Errorf("%v: %s %s\n got %q\nwant %q", tt.mode, tt.from, tt.to, got, tt.want)
		}
	}
}

// TestAttacksItExtended checks the words of an extended attack, which
// needs a map of its own: designation needs lethal_force, which attacks
// sovereignty.
func TestAttacksItExtended(t *testing.T) {
	m := load(t, `
[arguments.lethal_force]
claim = "L."
supports = ["designation"]
attacks = ["sovereignty"]
[arguments.designation]
claim = "D."
[arguments.sovereignty]
claim = "S."
`)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: bipolar.Necessary})
	if err != nil {
		t.Fatal(err)
	}
	want := "needs lethal_force, which attacks it (an extended attack)"
	if got := r.attacksIt(r.nodeOf["designation"], r.nodeOf["sovereignty"]); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestExplainWordsInASentence checks a whole explanation under each reading
// of the example's supports: why fallout, whose support collateral verify
// attacks, is rejected or not.
func TestExplainWordsInASentence(t *testing.T) {
	m := load(t, wording)
	tests := []struct {
		mode bipolar.Mode
		id   string
		want string
	}{
		{bipolar.SupportedSecondary, "fallout", "fallout is rejected: verify attacks collateral, which supports it (a secondary attack), and verify is accepted."},
		{bipolar.Necessary, "fallout", "fallout is rejected: verify attacks collateral, which it needs (a secondary attack), and verify is accepted."},
		{bipolar.Deductive, "fallout", "fallout is accepted: nothing attacks it."},
		{bipolar.Deductive, "designation", "designation is rejected: cooperation attacks strike, which it supports (a mediated attack), and cooperation is accepted."},
	}
	for _, tt := range tests {
		r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: tt.mode})
		if err != nil {
			t.Fatal(err)
		}
		text, err := r.Explain(context.Background(), tt.id)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, tt.want) {
			t.Errorf("%v, %s:\n%s\nlacks %q", tt.mode, tt.id, text, tt.want)
		}
	}
}

// TestExplainWellFounded: schwebel and majority attack each other, and
// rule, which nothing attacks, supports majority, so that it attacks
// schwebel too (a supported attack). Grounded semantics rejects schwebel
// because of rule; majority is accepted only because schwebel is rejected.
// The explanation must say so, not go round the cycle (it named majority,
// whose acceptance it explained by schwebel's rejection, and so on).
func TestExplainWellFounded(t *testing.T) {
	m := load(t, `
[arguments.rule]
claim = "R"
supports = ["majority"]
[arguments.majority]
claim = "M"
attacks = ["schwebel"]
[arguments.schwebel]
claim = "S"
attacks = ["majority"]
`)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Explain(context.Background(), "schwebel")
	if err != nil {
		t.Fatal(err)
	}
	want := `schwebel: S

schwebel is rejected: rule supports majority, which attacks it (a supported attack), and rule is accepted.
  Also attacking it, and accepted: majority.
  rule is accepted: nothing attacks it.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestExplainEveryAttacker: explain names every accepted attacker of a
// rejected argument, legal arguments first (the one it follows too), those
// that attack through supports apart, and says why an accepted supporter
// does not rescue it.
func TestExplainEveryAttacker(t *testing.T) {
	m := load(t, `
[arguments.strike]
claim = "Strike."
[arguments.cost]
claim = "It costs too much."
attacks = ["strike"]
[arguments.charter]
claim = "Art. 2(4) prohibits it."
kind = "law"
attacks = ["strike"]
[arguments.security]
claim = "Security demands it."
supports = ["strike"]
[arguments.ally]
claim = "An ally objects."
supports = ["objection"]
[arguments.objection]
claim = "The objection."
attacks = ["strike"]
`)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Explain(context.Background(), "strike")
	if err != nil {
		t.Fatal(err)
	}
	want := `strike: Strike.

strike is rejected: charter attacks it, and charter is accepted.
  Also attacking it, and accepted: cost and objection.
  Through supports, ally attacks it too, and is accepted (explain it to see how).
  security supports it and is accepted, but a support does not answer an attack: strike could stand only if every argument that defeats it were rejected.
  charter is accepted: nothing attacks it.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
