package preference

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// order is a strict preference order over the arguments 0..n-1 as a
// matrix: order[x][y] when x is strictly preferred to y.
type order [][]bool

func newOrder(n int, pairs ...[2]int) order {
	o := make(order, n)
	for i := range o {
		o[i] = make([]bool, n)
	}
	for _, p := range pairs {
		o[p[0]][p[1]] = true
	}
	return o
}

func (o order) prefers(x, y int) bool { return x < len(o) && y < len(o) && o[x][y] }

// attackGraph is a graph of n arguments "a0".."a(n-1)" with the attacks given.
func attackGraph(n int, attacks ...[2]int) *graph.Graph {
	g := graph.New()
	for i := range n {
		g.AddNode(fmt.Sprintf("a%d", i))
	}
	for _, a := range attacks {
		g.AddEdge(a[0], a[1], graph.Attack)
	}
	return g
}

func edges(g *graph.Graph) []graph.Edge {
	es := g.Edges()
	slices.SortFunc(es, func(a, b graph.Edge) int {
		if a.From != b.From {
			return a.From - b.From
		}
		if a.To != b.To {
			return a.To - b.To
		}
		return int(a.Relation) - int(b.Relation)
	})
	return es
}

func grounded(g *graph.Graph) []string {
	f := semantics.NewFramework(g.Adjacency(graph.Attack))
	var in []string
	for n, l := range f.Grounded() {
		if l == semantics.In {
			in = append(in, g.Name(n))
		}
	}
	return in
}

// TestLiterature checks the reductions on the examples that motivate them.
func TestLiterature(t *testing.T) {
	const a, b, c = 0, 1, 2
	tests := []struct {
		name      string
		g         *graph.Graph
		pref      order
		r         Reduction
		edges     []graph.Edge
		grounded  []string
		decisions int
	}{
		{
			// Amgoud & Cayrol 2002's definition of defeat on the simplest
			// conflict: a and b attack each other and b is preferred, so b
			// defeats a and a does not defeat b. Issue 12's contract.
			name: "Amgoud & Cayrol 2002: a symmetric attack, remove", g: attackGraph(2, [2]int{a, b}, [2]int{b, a}),
			pref: newOrder(2, [2]int{b, a}), r: Remove,
			edges: []graph.Edge{{From: b, To: a, Relation: graph.Attack}}, grounded: []string{"a1"}, decisions: 1,
		},
		{
			// Under reversal, the reversed attack b → a is the one kept
			// anyway: both reductions agree on symmetric attacks.
			name: "Kaci et al. 2018, reduction 2 on a symmetric attack", g: attackGraph(2, [2]int{a, b}, [2]int{b, a}),
			pref: newOrder(2, [2]int{b, a}), r: Reverse,
			edges: []graph.Edge{{From: b, To: a, Relation: graph.Attack}, {From: b, To: a, Relation: graph.Attack}}, grounded: []string{"a1"}, decisions: 1,
		},
		{
			// Amgoud & Vesic 2009's objection to removal: a attacks b, b is
			// preferred, and the attack is dropped. Both are then accepted,
			// though a attacks b: the extension is not conflict-free.
			name: "Amgoud & Vesic 2009: an asymmetric attack removed leaves a conflict", g: attackGraph(2, [2]int{a, b}),
			pref: newOrder(2, [2]int{b, a}), r: Remove,
			edges: nil, grounded: []string{"a0", "a1"}, decisions: 1,
		},
		{
			// Their repair (Kaci et al. 2018's reduction 2): b defeats a.
			name: "Amgoud & Vesic 2009: an asymmetric attack reversed", g: attackGraph(2, [2]int{a, b}),
			pref: newOrder(2, [2]int{b, a}), r: Reverse,
			edges: []graph.Edge{{From: b, To: a, Relation: graph.Attack}}, grounded: []string{"a1"}, decisions: 1,
		},
		{
			// An attack of the preferred argument on the other is a defeat
			// under either reduction: the preference does not touch it.
			name: "the preferred argument's own attack stands", g: attackGraph(2, [2]int{b, a}),
			pref: newOrder(2, [2]int{b, a}), r: Reverse,
			edges: []graph.Edge{{From: b, To: a, Relation: graph.Attack}}, grounded: []string{"a1"},
		},
		{
			// b attacks c, and c is preferred to b: the attack fails, and
			// all three stand (a0 takes no part).
			name: "a chain: the attack on the preferred end fails", g: attackGraph(3, [2]int{b, c}),
			pref: newOrder(3, [2]int{c, b}), r: Remove,
			edges: nil, grounded: []string{"a0", "a1", "a2"}, decisions: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, decided := Reduce(tt.g, tt.pref.prefers, tt.r)
			if got := edges(out); !slices.Equal(got, tt.edges) {
				t.Errorf("edges %v, want %v", got, tt.edges)
			}
			if got := grounded(out); !slices.Equal(got, tt.grounded) {
				t.Errorf("grounded %v, want %v", got, tt.grounded)
			}
			if len(decided) != tt.decisions {
				t.Errorf("%d attacks decided, want %d: %v", len(decided), tt.decisions, decided)
			}
		})
	}
}

// TestInferences checks the attacks that have an inference at one end: an
// attack from an inference is its premise's, an attack on one (an undercut)
// is never turned; supports and premise edges are kept.
func TestInferences(t *testing.T) {
	g := graph.New()
	a, b, u := g.AddNode("a"), g.AddNode("b"), g.AddNode("u")
	i := g.AddInference("a->b", a, b) // the inference of a's attack on b
	g.AddEdge(a, i, graph.Premise)
	g.AddEdge(i, b, graph.Attack)
	g.AddEdge(u, i, graph.Attack) // u undercuts the attack
	g.AddEdge(u, a, graph.Support)
	prefers := newOrder(4, [2]int{b, a}, [2]int{i, u}, [2]int{a, u}).prefers // i and a over u: never asked of i
	for _, tt := range []struct {
		r    Reduction
		want []graph.Edge
	}{
		{Remove, []graph.Edge{{From: a, To: i, Relation: graph.Premise}, {From: u, To: a, Relation: graph.Support}, {From: u, To: i, Relation: graph.Attack}}},
		{Reverse, []graph.Edge{{From: a, To: i, Relation: graph.Premise}, {From: b, To: a, Relation: graph.Attack}, {From: u, To: a, Relation: graph.Support}, {From: u, To: i, Relation: graph.Attack}}},
	} {
		out, decided := Reduce(g, prefers, tt.r)
		if got := edges(out); !slices.Equal(got, tt.want) {
			t.Errorf("%v: edges %v, want %v", tt.r, got, tt.want)
		}
		if want := []Decided{{Edge: graph.Edge{From: i, To: b, Relation: graph.Attack}, Preferred: b, Attacker: a}}; !slices.Equal(decided, want) {
			t.Errorf("%v: decided %v, want %v", tt.r, decided, want)
		}
		if p, c, ok := out.Inference(i); !ok || p != a || c != b || out.Len() != g.Len() {
			t.Errorf("%v: the inference node is not kept: %d %d %v, %d nodes", tt.r, p, c, ok, out.Len())
		}
	}
}

// randomOrder is a random strict partial order over n arguments: pairs
// along a random permutation, closed under transitivity.
func randomOrder(rng *rand.Rand, n int) order {
	perm := rng.Perm(n)
	o := newOrder(n)
	density := rng.Float64() * 0.6
	for i := range n {
		for j := i + 1; j < n; j++ {
			if rng.Float64() < density {
				o[perm[i]][perm[j]] = true
			}
		}
	}
	for k := range n {
		for i := range n {
			for j := range n {
				if o[i][k] && o[k][j] {
					o[i][j] = true
				}
			}
		}
	}
	return o
}

// refPAF is a preference-based framework, evaluated from the definitions
// by enumerating every set of arguments (bit masks).
type refPAF struct {
	n      int
	attack [][]bool
	pref   order
	r      Reduction
}

// defeats is the definition of defeat: Amgoud & Cayrol 2002 (an attack
// whose target is not strictly preferred), and for Reverse Kaci et al.
// 2018's reduction 2 (also the reverse of an attack whose target is).
func (p refPAF) defeats(x, y int) bool {
	if p.attack[x][y] && !p.pref[y][x] {
		return true
	}
	return p.r == Reverse && p.attack[y][x] && p.pref[x][y]
}

func (p refPAF) conflictFree(s uint32) bool {
	for x := range p.n {
		for y := range p.n {
			if s&(1<<x) != 0 && s&(1<<y) != 0 && p.defeats(x, y) {
				return false
			}
		}
	}
	return true
}

// acceptable reports whether s defends x against each of its defeaters.
func (p refPAF) acceptable(x int, s uint32) bool {
	for y := range p.n {
		if !p.defeats(y, x) {
			continue
		}
		defended := false
		for z := range p.n {
			defended = defended || s&(1<<z) != 0 && p.defeats(z, y)
		}
		if !defended {
			return false
		}
	}
	return true
}

func (p refPAF) characteristic(s uint32) uint32 {
	var out uint32
	for x := range p.n {
		if p.acceptable(x, s) {
			out |= 1 << x
		}
	}
	return out
}

func (p refPAF) admissible(s uint32) bool {
	return p.conflictFree(s) && s&^p.characteristic(s) == 0
}

func (p refPAF) extensions(sem semantics.Semantics) []uint32 {
	var out []uint32
	all := uint32(1)<<p.n - 1
	switch sem {
	case semantics.Grounded:
		var s uint32
		for {
			next := p.characteristic(s)
			if next == s {
				return []uint32{s}
			}
			s = next
		}
	case semantics.Complete:
		for s := uint32(0); s <= all; s++ {
			if p.conflictFree(s) && p.characteristic(s) == s {
				out = append(out, s)
			}
		}
	case semantics.Preferred:
		var adm []uint32
		for s := uint32(0); s <= all; s++ {
			if p.admissible(s) {
				adm = append(adm, s)
			}
		}
		for _, s := range adm {
			maximal := true
			for _, t := range adm {
				maximal = maximal && (t == s || t&s != s)
			}
			if maximal {
				out = append(out, s)
			}
		}
	case semantics.Stable:
		for s := uint32(0); s <= all; s++ {
			if !p.conflictFree(s) {
				continue
			}
			ok := true
			for y := range p.n {
				if s&(1<<y) != 0 {
					continue
				}
				hit := false
				for x := range p.n {
					hit = hit || s&(1<<x) != 0 && p.defeats(x, y)
				}
				ok = ok && hit
			}
			if ok {
				out = append(out, s)
			}
		}
	}
	slices.Sort(out)
	return out
}

func propertyFrameworks() int {
	if testing.Short() {
		return 500
	}
	return 4000
}

// TestAgainstReference checks, on thousands of random frameworks of up to
// 7 arguments with random strict partial orders, that the extensions of
// the reduced graph under Dung's semantics are those of the
// preference-based framework by the definitions; and that under Reverse
// every extension is conflict-free for the attacks as given, the property
// that reversal restores (Amgoud & Vesic 2009).
func TestAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 3))
	ctx := context.Background()
	for i := range propertyFrameworks() {
		n := 1 + rng.IntN(7)
		var attacks [][2]int
		att := make([][]bool, n)
		for x := range att {
			att[x] = make([]bool, n)
		}
		density := rng.Float64() * 0.5
		for x := range n {
			for y := range n {
				if rng.Float64() < density {
					attacks = append(attacks, [2]int{x, y})
					att[x][y] = true
				}
			}
		}
		pref := randomOrder(rng, n)
		for _, r := range []Reduction{Remove, Reverse} {
			out, _ := Reduce(attackGraph(n, attacks...), pref.prefers, r)
			f := semantics.NewFramework(out.Adjacency(graph.Attack))
			ref := refPAF{n, att, pref, r}
			for _, sem := range []semantics.Semantics{semantics.Grounded, semantics.Complete, semantics.Preferred, semantics.Stable} {
				var got []uint32
				err := semantics.Extensions(ctx, f, sem, func(e semantics.Extension) bool {
					var m uint32
					for _, x := range e {
						m |= 1 << x
					}
					got = append(got, m)
					return true
				})
				if err != nil {
					t.Fatal(err)
				}
				slices.Sort(got)
				if want := ref.extensions(sem); !slices.Equal(got, want) {
					t.Fatalf("framework %d, %v, %v: attacks %v, order %v: extensions %b, want %b", i, r, sem, attacks, pref, got, want)
				}
				if r != Reverse {
					continue
				}
				for _, s := range got {
					for _, a := range attacks {
						if s&(1<<a[0]) != 0 && s&(1<<a[1]) != 0 && a[0] != a[1] {
							t.Fatalf("framework %d, %v: extension %b holds both ends of the attack %v", i, sem, s, a)
						}
					}
				}
			}
		}
	}
}

// TestNoPreference checks that without preferences the reduction changes
// nothing.
func TestNoPreference(t *testing.T) {
	g := attackGraph(3, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 2}, [2]int{0, 1})
	out, decided := Reduce(g, func(int, int) bool { return false }, Reverse)
	if !slices.Equal(out.Edges(), g.Edges()) || len(decided) != 0 {
		t.Errorf("edges %v, decided %v; want %v and none", out.Edges(), decided, g.Edges())
	}
}
