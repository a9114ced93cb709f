package dot

import (
	"strings"
	"testing"
)

// TestLinkedAndUndercutAttack checks how a linked reason and an undercut attack
// are drawn: the members join at a junction node with one arrow to the
// conclusion, and the attack gets a node on its arrow that the undercut points at.
func TestLinkedAndUndercutAttack(t *testing.T) {
	m := loadString(t, `
[arguments.r1]
claim = "R1."
[arguments.r2]
claim = "R2."
[arguments.c]
claim = "C."
[arguments.a]
claim = "A."
attacks = ["c"]
[arguments.u]
claim = "U."
[[relations]]
from = ["r2", "r1"]
to = "c"
type = "support"
[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "c" }
[[relations]]
from = "u"
type = "undercut"
to = { from = ["r1", "r2"], to = "c" }
`)
	out := write(t, m, Options{})
	for _, want := range []string{
		`"r1+r2->c" [id="r1+r2->c" class="reason" shape=circle`,
		`"r1" -> "r1+r2->c" [id="r1+r2.supports.c.premise.r1" class="support"`,
		`"r2" -> "r1+r2->c" [id="r1+r2.supports.c.premise.r2" class="support"`,
		`"r1+r2->c" -> "c" [id="r1+r2.supports.c" class="support"`,
		`"u" -> "r1+r2->c" [id="u.undercuts.r1+r2->c" class="undercut"`,
		`tooltip="u undercuts the linked reason r1 + r2 for c"`,
		`"a->c" [id="a->c" class="inference" shape=circle`,
		`"a" -> "a->c" [id="a.attacks.c.premise" class="attack"`,
		`"a->c" -> "c" [id="a.attacks.c" class="attack"`,
		`"u" -> "a->c" [id="u.undercuts.a->c" class="undercut"`,
		`tooltip="u undercuts the attack of a on c"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, `"r1" -> "c"`) || strings.Contains(out, `"a" -> "c"`) {
		t.Errorf("a relation drawn both as a node and as an arrow:\n%s", out)
	}
	if again := write(t, m, Options{}); again != out {
		t.Error("two drawings of the same map differ")
	}
	tips := Tooltips(m)
	for _, id := range []string{"r1+r2->c", "r1+r2.supports.c", "r1+r2.supports.c.premise.r1", "a->c", "a.attacks.c.premise", "u.undercuts.a->c", "u.undercuts.r1+r2->c"} {
		if tips[id] == "" {
			t.Errorf("no tooltip for %s", id)
		}
	}
}
