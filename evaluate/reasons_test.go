package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// contractReasons is the map of issue 12's contract on linked and convergent
// reasons: x attacks r1, nothing attacks x, r2 or c; REASONS is replaced by
// the supports of c.
const contractReasons = `
[arguments.x]
claim = "X."
attacks = ["r1"]
[arguments.r1]
claim = "R1."
[arguments.r2]
claim = "R2."
[arguments.c]
claim = "C."
REASONS`

const convergentReasons = `
[[relations]]
from = "r1"
to = "c"
type = "support"
[[relations]]
from = "r2"
to = "c"
type = "support"
`

const linkedReason = `
[[relations]]
from = ["r1", "r2"]
to = "c"
type = "support"
`

func grounded(t *testing.T, src string, mode bipolar.Mode) *Result {
	t.Helper()
	r, err := Evaluate(context.Background(), load(t, src), Options{Method: Method{Semantics: semantics.Grounded}, Support: mode})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestContractReasons is the contract of issue 12, item 1: with --support
// necessary and grounded semantics, two supports of c (convergent reasons)
// give c in, one linked reason of r1 and r2 gives c not in.
func TestContractReasons(t *testing.T) {
	tests := []struct {
		mode    bipolar.Mode
		reasons string
		want    string
	}{
		{bipolar.Necessary, convergentReasons, "x=in r1=out r2=in c=in"},
		{bipolar.Necessary, linkedReason, "x=in r1=out r2=in c=out"},
		{bipolar.SupportedSecondary, convergentReasons, "x=in r1=out r2=in c=in"},
		{bipolar.SupportedSecondary, linkedReason, "x=in r1=out r2=in c=out"},
		// Deductive support passes attacks on c back, not forward: c
		// stands either way; ignore drops the supports.
		{bipolar.Deductive, convergentReasons, "x=in r1=out r2=in c=in"},
		{bipolar.Deductive, linkedReason, "x=in r1=out r2=in c=in"},
		{bipolar.Ignore, linkedReason, "x=in r1=out r2=in c=in"},
	}
	for _, tt := range tests {
		r := grounded(t, strings.Replace(contractReasons, "REASONS", tt.reasons, 1), tt.mode)
		if got := labels(r); got != tt.want {
			t.Errorf("%v, %s:\n got %s\nwant %s", tt.mode, strings.TrimSpace(tt.reasons), got, tt.want)
		}
		for _, e := range r.Extensions {
			for _, id := range e {
				if r.Map.Argument(id) == nil {
					t.Errorf("%v: %q, no argument, in an extension", tt.mode, id)
				}
			}
		}
	}
}

// TestContractUndercutAttack is the contract of issue 12, item 2: a attacks
// b, u undercuts that attack, nothing attacks a or u: b is in under grounded,
// in every reading of the supports.
func TestContractUndercutAttack(t *testing.T) {
	const src = `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
[arguments.u]
claim = "U."
[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "b" }
`
	for _, mode := range bipolar.Modes() {
		if got, want := labels(grounded(t, src, mode)), "a=in b=in u=in"; got != want {
			t.Errorf("%v: got %s, want %s", mode, got, want)
		}
	}
	// Without the undercut, b is out; an attack on a brings down its
	// attack on b too, also when the supports are ignored (AFRA).
	const attacked = `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
[arguments.x]
claim = "X."
attacks = ["a"]
[arguments.u]
claim = "U."
attacks = ["x"]
[arguments.y]
claim = "Y."
attacks = ["u"]
[arguments.v]
claim = "V."
[[relations]]
from = "v"
type = "undercut"
to = { from = "u", to = "x" }
`
	for _, mode := range bipolar.Modes() {
		// v undercuts u's attack on x, so x defeats a, and b is in.
		if got, want := labels(grounded(t, attacked, mode)), "a=out b=in x=in u=out y=in v=in"; got != want {
			t.Errorf("%v: got %s, want %s", mode, got, want)
		}
	}
}

// TestExplainReasons checks that explain says that one standing reason of
// several suffices, and which member of a linked reason fails.
func TestExplainReasons(t *testing.T) {
	explain := func(src string, mode bipolar.Mode, id string) string {
		t.Helper()
		r := grounded(t, src, mode)
		text, err := r.Explain(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	conv := explain(strings.Replace(contractReasons, "REASONS", convergentReasons, 1), bipolar.Necessary, "c")
	if !strings.Contains(conv, "One standing reason for c suffices, and r2 stands.") {
		t.Errorf("convergent:\n%s", conv)
	}
	linked := explain(strings.Replace(contractReasons, "REASONS", linkedReason, 1), bipolar.Necessary, "c")
	if !strings.Contains(linked, "x attacks r1, on which the linked reason r1 + r2 for c rests") {
		t.Errorf("linked:\n%s", linked)
	}
	t.Logf("convergent:\n%s\nlinked:\n%s", conv, linked)
}

// TestReasonsEveryMethod evaluates a map with a linked reason, convergent
// reasons and an undercut attack by every method: none may fail on them.
func TestReasonsEveryMethod(t *testing.T) {
	src := strings.Replace(contractReasons, "REASONS", linkedReason+convergentReasons+`
[arguments.u]
claim = "U."
[[relations]]
from = "u"
type = "undercut"
to = { from = "x", to = "r1" }
`, 1)
	m := load(t, src)
	for _, method := range []string{"grounded", "preferred", "stable", "h-categorizer", "df-quad", "carneades"} {
		meth, err := ParseMethod(method)
		if err != nil {
			t.Logf("%s: %v", method, err)
			continue
		}
		for _, mode := range bipolar.Modes() {
			r, err := Evaluate(context.Background(), m, Options{Method: meth, Support: mode})
			if err != nil {
				t.Fatalf("%s, %v: %v", method, mode, err)
			}
			if len(r.Arguments) != 5 {
				t.Errorf("%s, %v: %d arguments reported, want 5", method, mode, len(r.Arguments))
			}
			if meth.Gradual != 0 {
				continue // explain does not explain scores
			}
			if _, err := r.Explain(context.Background(), "c"); err != nil {
				t.Errorf("%s, %v: explain: %v", method, mode, err)
			}
		}
	}
}

// TestPreferenceOnUndercutAttack checks that a preference acts on an attack
// that is undercut as on any attack: the attack's node comes from its source.
func TestPreferenceOnUndercutAttack(t *testing.T) {
	const src = `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
[arguments.u]
claim = "U."
attacks = ["v"]
[arguments.v]
claim = "V."
attacks = ["u"]
[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "b" }
[[preferences]]
prefer = "b"
over = "a"
`
	for _, mode := range bipolar.Modes() {
		// Without the preference, b would be undecided with u; preferred to a,
		// b stands whatever becomes of the undercut.
		if got, want := labels(grounded(t, src, mode)), "a=in b=in u=undec v=undec"; got != want {
			t.Errorf("%v: got %s, want %s", mode, got, want)
		}
	}
}
