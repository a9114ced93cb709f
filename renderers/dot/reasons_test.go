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

// TestDotsInGroups checks that the dot of an inference or of a linked
// reason is in the group of the arguments its relation joins (wherever its
// undercuts come from), and in no group if they are in different ones:
// outside every frame, Graphviz drew the relation out of its frame to the
// dot and back.
func TestDotsInGroups(t *testing.T) {
	m := loadString(t, `
[arguments.r1]
claim = "R1."
party = "P"
[arguments.r2]
claim = "R2."
party = "P"
[arguments.c]
claim = "C."
party = "P"
[arguments.a]
claim = "A."
party = "P"
supports = ["c"]
[arguments.b]
claim = "B."
party = "Q"
supports = ["c"]
[arguments.u]
claim = "U."
party = "Q"
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
to = { from = "b", to = "c" }
`)
	out := write(t, m, Options{GroupBy: "party"})
	cluster := func(n string) string {
		start := strings.Index(out, "subgraph cluster_"+n+" {")
		if start < 0 {
			t.Fatalf("no cluster %s in\n%s", n, out)
		}
		return out[start : start+strings.Index(out[start:], "\n\t}\n")]
	}
	p, q := cluster("1"), cluster("2")
	for _, dot := range []string{`"r1+r2->c"`, `"a->c"`} {
		if !strings.Contains(p+"\n", "\n\t\t"+dot+"\n") {
			t.Errorf("the dot %s is not in P's group:\n%s", dot, p)
		}
	}
	if strings.Contains(p, `"b->c"`) || strings.Contains(q, `"b->c"`) {
		t.Errorf("the dot of b's support for c, across two groups, is in one")
	}
	// The dots are still drawn once, with their arrows.
	if n := strings.Count(out, `"a->c" [id="a->c" class="inference"`); n != 1 {
		t.Errorf("the dot a->c drawn %d times", n)
	}
	// The two halves of an undercut support weigh more than other arrows.
	for _, want := range []string{`[id="a.supports.c.premise" class="support" color="#43a047" style=solid penwidth=1.2 arrowhead=none weight=2`,
		`[id="a.supports.c" class="support" color="#43a047" style=solid penwidth=1.2 arrowhead=normal weight=2`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
}
