package bipolar

import (
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/graph/graphtest"
)

// pairs returns the relation adj as sorted "a->b" strings with g's names.
func pairs(g *graph.Graph, adj graph.Adjacency) []string {
	var out []string
	for a, targets := range adj {
		for _, b := range targets {
			out = append(out, g.Name(a)+"->"+g.Name(b))
		}
	}
	slices.Sort(out)
	return out
}

func TestAttacks(t *testing.T) {
	tests := []struct {
		name  string
		nodes []string
		edges []string
		want  map[Mode][]string // the complete relation, direct attacks included
	}{
		{
			name:  "worked example",
			nodes: []string{"designation", "lethal_force", "strike", "sovereignty", "kingpin"},
			edges: []string{"designation>strike", "lethal_force>strike", "sovereignty-strike", "kingpin-lethal_force"},
			want: map[Mode][]string{
				// secondary: kingpin attacks lethal_force, which supports strike
				SupportedSecondary: {"kingpin->lethal_force", "kingpin->strike", "sovereignty->strike"},
				// secondary: strike needs lethal_force, which kingpin attacks
				// mediated: designation and lethal_force commit to strike, which sovereignty attacks
				Deductive: {"kingpin->lethal_force", "sovereignty->designation", "sovereignty->lethal_force", "sovereignty->strike"},
				Necessary: {"kingpin->lethal_force", "kingpin->strike", "sovereignty->strike"},
				Ignore:    {"kingpin->lethal_force", "sovereignty->strike"},
			},
		},
		{
			name:  "empty graph",
			nodes: nil,
			want:  map[Mode][]string{},
		},
		{
			name:  "no supports",
			nodes: []string{"a", "b", "c"},
			edges: []string{"a-b", "b-a", "c-c"},
			want: map[Mode][]string{
				SupportedSecondary: {"a->b", "b->a", "c->c"},
				Deductive:          {"a->b", "b->a", "c->c"},
				Necessary:          {"a->b", "b->a", "c->c"},
				Ignore:             {"a->b", "b->a", "c->c"},
			},
		},
		{
			name:  "no attacks",
			nodes: []string{"a", "b", "c"},
			edges: []string{"a>b", "b>c", "c>a"},
			want:  map[Mode][]string{},
		},
		{
			name:  "support chain, attack on its end",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "b>c", "d-c"},
			want: map[Mode][]string{
				// c supports nothing: nothing to propagate to
				SupportedSecondary: {"d->c"},
				// mediated: a and b commit to c
				Deductive: {"d->a", "d->b", "d->c"},
				Necessary: {"d->c"},
				Ignore:    {"d->c"},
			},
		},
		{
			name:  "support chain, attack on its start",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "b>c", "d-a"},
			want: map[Mode][]string{
				// secondary attacks along the whole chain
				SupportedSecondary: {"d->a", "d->b", "d->c"},
				// secondary attacks along the whole chain: b and c need a
				// nothing but a commits to a
				Deductive: {"d->a"},
				Necessary: {"d->a", "d->b", "d->c"},
				Ignore:    {"d->a"},
			},
		},
		{
			name:  "support chain, its end attacks",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "b>c", "c-d"},
			want: map[Mode][]string{
				// supported attacks: a and b commit to c
				SupportedSecondary: {"a->d", "b->d", "c->d"},
				Deductive:          {"a->d", "b->d", "c->d"},
				Necessary:          {"c->d"},
				Ignore:             {"c->d"},
			},
		},
		{
			name:  "support chain, its start attacks",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "b>c", "a-d"},
			want: map[Mode][]string{
				SupportedSecondary: {"a->d"},
				// extended attacks: b and c need a
				Deductive: {"a->d"},
				Necessary: {"a->d", "b->d", "c->d"},
				Ignore:    {"a->d"},
			},
		},
		{
			name:  "attack on one of two supporters",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>c", "b>c", "d-a"},
			want: map[Mode][]string{
				SupportedSecondary: {"d->a", "d->c"},
				Deductive:          {"d->a"},
				Necessary:          {"d->a", "d->c"},
				Ignore:             {"d->a"},
			},
		},
		{
			name:  "supported attack on a supporter",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "c>d", "b-d"},
			want: map[Mode][]string{
				// a->d supported; d supports nothing
				SupportedSecondary: {"a->d", "b->d"},
				// a->d supported; b->c mediated (c commits to d); a->c super-mediated
				Deductive: {"a->c", "a->d", "b->c", "b->d"},
				Necessary: {"b->d"},
				Ignore:    {"b->d"},
			},
		},
		{
			name:  "extended and secondary attack composed",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"b>a", "d>c", "b-d"},
			want: map[Mode][]string{
				// b->c secondary
				SupportedSecondary: {"b->c", "b->d"},
				// a->d extended, b->c secondary, a->c both
				Deductive: {"b->d"},
				Necessary: {"a->c", "a->d", "b->c", "b->d"},
				Ignore:    {"b->d"},
			},
		},
		{
			name:  "cycle of support",
			nodes: []string{"a", "b", "c", "d"},
			edges: []string{"a>b", "b>a", "c-a", "a-d"},
			want: map[Mode][]string{
				// a and b commit to (and need) each other, so they attack and are attacked alike
				SupportedSecondary: {"a->d", "b->d", "c->a", "c->b"},
				Deductive:          {"a->d", "b->d", "c->a", "c->b"},
				Necessary:          {"a->d", "b->d", "c->a", "c->b"},
				Ignore:             {"a->d", "c->a"},
			},
		},
		{
			name:  "longer cycle of support with a tail",
			nodes: []string{"a", "b", "c", "t", "x", "y"},
			edges: []string{"a>b", "b>c", "c>a", "c>t", "x-a", "t-y"},
			want: map[Mode][]string{
				// a, b, c commit to each other and to t, so x's attack reaches t too
				SupportedSecondary: {"a->y", "b->y", "c->y", "t->y", "x->a", "x->b", "x->c", "x->t"},
				// t needs a, b and c; they need each other
				// t commits to nothing, so x's attack stays on the cycle
				Deductive: {"a->y", "b->y", "c->y", "t->y", "x->a", "x->b", "x->c"},
				Necessary: {"t->y", "x->a", "x->b", "x->c", "x->t"},
				Ignore:    {"t->y", "x->a"},
			},
		},
		{
			name:  "self-support",
			nodes: []string{"a", "b", "c"},
			edges: []string{"a>a", "b-a", "a-c"},
			want: map[Mode][]string{
				SupportedSecondary: {"a->c", "b->a"},
				Deductive:          {"a->c", "b->a"},
				Necessary:          {"a->c", "b->a"},
				Ignore:             {"a->c", "b->a"},
			},
		},
		{
			name:  "self-attack with a supporter",
			nodes: []string{"a", "b"},
			edges: []string{"b>a", "a-a"},
			want: map[Mode][]string{
				// b->a supported
				SupportedSecondary: {"a->a", "b->a"},
				// b commits to a, which attacks itself: a and b attack each other and themselves
				Deductive: {"a->a", "a->b", "b->a", "b->b"},
				Necessary: {"a->a"},
				Ignore:    {"a->a"},
			},
		},
		{
			name:  "support and attack between the same pair",
			nodes: []string{"a", "b"},
			edges: []string{"a>b", "a-b"},
			want: map[Mode][]string{
				SupportedSecondary: {"a->b"},
				// b needs a, which attacks b: b attacks itself (extended)
				// a commits to b, which a attacks: a attacks itself (mediated)
				Deductive: {"a->a", "a->b"},
				Necessary: {"a->b", "b->b"},
				Ignore:    {"a->b"},
			},
		},
		{
			name:  "repeated edges",
			nodes: []string{"a", "b", "c"},
			edges: []string{"a>b", "a>b", "c-b", "c-b"},
			want: map[Mode][]string{
				SupportedSecondary: {"c->b"},
				Deductive:          {"c->a", "c->b"},
				Necessary:          {"c->b"},
				Ignore:             {"c->b"},
			},
		},
	}
	for _, tt := range tests {
		g := graphtest.Bipolar(t, tt.nodes, tt.edges)
		for _, m := range Modes() {
			got := Attacks(g, m)
			if len(got) != g.Len() {
				t.Errorf("%s, %v: %d lists for %d arguments", tt.name, m, len(got), g.Len())
				continue
			}
			if p := pairs(g, got); !slices.Equal(p, tt.want[m]) {
				t.Errorf("%s, %v:\n got %v\nwant %v", tt.name, m, p, tt.want[m])
			}
		}
	}
}

// TestAttacksPremise checks the edges of an undercut support's inference:
// attacks on the premise reach the inference and what it supports, and the
// premise does not inherit what the inference commits to.
func TestAttacksPremise(t *testing.T) {
	g := graphtest.Bipolar(t, []string{"p", "i", "c", "x", "u", "z"}, []string{"i>c", "c-z", "x-p", "u-i"})
	p, _ := g.Node("p")
	i, _ := g.Node("i")
	g.AddEdge(p, i, graph.Premise)
	want := map[Mode][]string{
		// i->z supported; x reaches i and c through the premise; u->c secondary
		SupportedSecondary: {"c->z", "i->z", "u->c", "u->i", "x->c", "x->i", "x->p"},
		// i->z supported; x reaches i through the premise, and nothing commits to p or i
		Deductive: {"c->z", "i->z", "u->i", "x->i", "x->p"},
		Necessary: {"c->z", "u->c", "u->i", "x->c", "x->i", "x->p"},
		Ignore:    {"c->z", "u->i", "x->p"},
	}
	for _, m := range Modes() {
		if got := pairs(g, Attacks(g, m)); !slices.Equal(got, want[m]) {
			t.Errorf("%v:\n got %v\nwant %v", m, got, want[m])
		}
	}
}

// TestAttacksWorkedExampleGrounded checks what the package documentation says of the
// worked example's grounded extension in each mode.
func TestAttacksWorkedExampleGrounded(t *testing.T) {
	g := graphtest.Bipolar(t, []string{"designation", "lethal_force", "strike", "sovereignty", "kingpin", "fentanyl"},
		[]string{"designation>strike", "lethal_force>strike", "sovereignty-strike", "kingpin-lethal_force",
			"fentanyl>designation", "designation-sovereignty"})
	want := map[Mode][]string{
		SupportedSecondary: {"designation", "fentanyl", "kingpin"},
		// fentanyl and designation commit to strike, which sovereignty attacks: they and
		// sovereignty attack each other, and only kingpin is settled
		Deductive: {"kingpin"},
		Necessary: {"designation", "fentanyl", "kingpin"},
		Ignore:    {"designation", "fentanyl", "kingpin", "strike"},
	}
	for _, m := range Modes() {
		var in []string
		for a, ok := range groundedIn(Attacks(g, m)) {
			if ok {
				in = append(in, g.Name(a))
			}
		}
		slices.Sort(in)
		if !slices.Equal(in, want[m]) {
			t.Errorf("%v: grounded extension %v, want %v", m, in, want[m])
		}
	}
}

// groundedIn returns the grounded extension of adj (Dung 1995) as a membership vector:
// the least fixpoint of "accept what every attacker of which is attacked by an accepted
// argument".
func groundedIn(adj graph.Adjacency) []bool {
	n := len(adj)
	in, out := make([]bool, n), make([]bool, n)
	for changed := true; changed; {
		changed = false
		for b := range n {
			if in[b] || out[b] {
				continue
			}
			all := true
			for a := range n {
				if slices.Contains(adj[a], b) {
					if in[a] {
						out[b], changed = true, true
					}
					all = all && out[a]
				}
			}
			if !out[b] && all {
				in[b], changed = true, true
			}
		}
	}
	return in
}

// Arguments on one support cycle share their list, and appending to one must not change
// the other.
func TestAttacksSharedRowsAreIndependent(t *testing.T) {
	g := graphtest.Bipolar(t, []string{"a", "b", "c", "d"}, []string{"a>b", "b>a", "a-c", "b-d"})
	for _, m := range []Mode{SupportedSecondary, Necessary} {
		adj := Attacks(g, m)
		want := []int{2, 3}
		if !slices.Equal(adj[0], want) || !slices.Equal(adj[1], want) {
			t.Fatalf("%v: rows of a and b are %v and %v, want %v", m, adj[0], adj[1], want)
		}
		adj[0] = append(adj[0], 0)
		if !slices.Equal(adj[1], want) {
			t.Errorf("%v: appending to a's row changed b's to %v", m, adj[1])
		}
	}
}

func TestAttacksInvalidModePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("Attacks with Mode(7) did not panic")
		} else if s, _ := r.(string); !strings.Contains(s, "Mode(7)") {
			t.Errorf("panic %v does not name the mode", r)
		}
	}()
	Attacks(graph.New(), Mode(7))
}

// TestDeductiveBoellaFigure1 is the worked example of Boella, Gabbay, van der Torre and
// Villata, "Support in abstract argumentation" (COMMA 2010), Figure 1a: arguments a to
// e, attacks b → d and e → c, supports a ⇒ b and b ⇒ c. Read as deductive support, the
// figure draws one supported attack, a → d (a commits to b, which attacks d), and two
// mediated attacks, e → b and e → a (b and a commit to c, which e attacks). The set
// {d, e} that the paper discusses, not admissible on the attacks alone, is then the
// grounded extension. Read as supported and secondary attacks (Cayrol &
// Lagasquie-Schiex 2005, 2010) there is the supported attack alone: c supports nothing,
// so no secondary attack arises.
func TestDeductiveBoellaFigure1(t *testing.T) {
	g := graphtest.Bipolar(t, []string{"a", "b", "c", "d", "e"}, []string{"b-d", "e-c", "a>b", "b>c"})
	tests := []struct {
		m        Mode
		attacks  []string
		grounded []string
	}{
		{Deductive, []string{"a->d", "b->d", "e->a", "e->b", "e->c"}, []string{"d", "e"}},
		{SupportedSecondary, []string{"a->d", "b->d", "e->c"}, []string{"a", "b", "e"}},
		{Ignore, []string{"b->d", "e->c"}, []string{"a", "b", "e"}},
	}
	for _, tt := range tests {
		adj := Attacks(g, tt.m)
		if got := pairs(g, adj); !slices.Equal(got, tt.attacks) {
			t.Errorf("%v: attacks %v, want %v", tt.m, got, tt.attacks)
		}
		var in []string
		for a, ok := range groundedIn(adj) {
			if ok {
				in = append(in, g.Name(a))
			}
		}
		if !slices.Equal(in, tt.grounded) {
			t.Errorf("%v: grounded extension %v, want %v", tt.m, in, tt.grounded)
		}
	}
}
