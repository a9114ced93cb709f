package bipolar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/graph"
)

// propertyGraphs is how many random graphs of up to 10 arguments each property test
// checks; -short checks fewer.
func propertyGraphs() int {
	if testing.Short() {
		return 500
	}
	return 4000
}

// relation is a relation over the arguments 0..n-1 as a matrix.
type relation [][]bool

func newRelation(n int) relation {
	r := make(relation, n)
	for i := range r {
		r[i] = make([]bool, n)
	}
	return r
}

func relationOf(adj graph.Adjacency) relation {
	r := newRelation(len(adj))
	for a, targets := range adj {
		for _, b := range targets {
			r[a][b] = true
		}
	}
	return r
}

func (r relation) String() string {
	var s []string
	for a := range r {
		for b := range r {
			if r[a][b] {
				s = append(s, fmt.Sprintf("%d->%d", a, b))
			}
		}
	}
	return fmt.Sprint(s)
}

func (r relation) equal(q relation) bool {
	for a := range r {
		if !slices.Equal(r[a], q[a]) {
			return false
		}
	}
	return true
}

// plus returns the transitive closure of r (paths of one or more edges), by Warshall's
// algorithm.
func (r relation) plus() relation {
	n := len(r)
	c := newRelation(n)
	for a := range n {
		copy(c[a], r[a])
	}
	for k := range n {
		for a := range n {
			if c[a][k] {
				for b := range n {
					c[a][b] = c[a][b] || c[k][b]
				}
			}
		}
	}
	return c
}

// fixpointReference computes the relation of mode m the naive way: start from the direct
// attacks and apply the one-step rules of the mode, each with a single support edge, to
// every attack found so far, until nothing changes.
//
//	SupportedSecondary: a ⇒ x, x → b gives a → b (supported);  a → x, x ⇒ b gives a → b (secondary)
//	Deductive: a ⇒ x, x → b gives a → b (supported);  a → x, b ⇒ x gives a → b (mediated)
//	Necessary: a → x, x ⇒ b gives a → b (secondary);  x ⇒ a, x → b gives a → b (extended)
func fixpointReference(sup, att relation, m Mode) relation {
	return fixpointPremises(sup, newRelation(len(att)), att, m)
}

// fixpointPremises is fixpointReference with premise edges (an undercut support's
// premise to its inference) and one more rule, in every mode that reads supports: an
// attack on a premise is an attack on its inference.
//
//	a → p, p ▷ i gives a → i
func fixpointPremises(sup, prem, att relation, m Mode) relation {
	if m == Ignore {
		r := newRelation(len(att))
		for a := range r {
			copy(r[a], att[a])
		}
		return r
	}
	return fixpointSplit(sup, sup, prem, att, m)
}

// fixpointSplit is the fixpoint of fixpointPremises with the supports read
// apart: psup where a supporter commits to what it supports (supported,
// mediated and extended attacks), qsup where an argument rests on its
// supporter (secondary attacks). Under Ignore it applies the premise rule
// alone.
func fixpointSplit(psup, qsup, prem, att relation, m Mode) relation {
	n := len(att)
	r := newRelation(n)
	for a := range n {
		copy(r[a], att[a])
	}
	for changed := true; changed; {
		changed = false
		add := func(a, b int) {
			if !r[a][b] {
				r[a][b], changed = true, true
			}
		}
		for a := range n {
			for b := range n {
				for x := range n {
					switch m {
					case SupportedSecondary:
						if psup[a][x] && r[x][b] || r[a][x] && qsup[x][b] {
							add(a, b)
						}
					case Deductive:
						if psup[a][x] && r[x][b] || r[a][x] && psup[b][x] {
							add(a, b)
						}
					case Necessary:
						if r[a][x] && qsup[x][b] || psup[x][a] && r[x][b] {
							add(a, b)
						}
					}
					if r[a][x] && prem[x][b] {
						add(a, b)
					}
				}
			}
		}
	}
	return r
}

// namedReference computes the relation of mode m as the union of the kinds of attack
// the package documentation names, each straight from its definition with paths of
// supports of one or more edges (S+):
//
//	SupportedSecondary: direct; supported a S+ x → b; secondary a → y S+ b; both a S+ x → y S+ b
//	Deductive: direct; supported a S+ x → b; mediated a → y, b S+ y; super-mediated a S+ x → y, b S+ y
//	Necessary: direct; secondary a → x S+ b; extended x S+ a, x → b; both x S+ a, x → y S+ b
//
// Its agreement with fixpointReference is what makes the relation closed: no iteration
// of the rules gives anything beyond these kinds.
func namedReference(sup, att relation, m Mode) relation {
	n := len(att)
	sp := sup.plus()
	r := newRelation(n)
	for a := range n {
		for b := range n {
			ok := att[a][b]
			for x := range n {
				for y := range n {
					switch m {
					case SupportedSecondary:
						ok = ok ||
							y == b && sp[a][x] && att[x][b] ||
							x == a && att[a][y] && sp[y][b] ||
							sp[a][x] && att[x][y] && sp[y][b]
					case Deductive:
						ok = ok ||
							y == b && sp[a][x] && att[x][b] ||
							x == a && att[a][y] && sp[b][y] ||
							sp[a][x] && att[x][y] && sp[b][y]
					case Necessary:
						ok = ok ||
							x == a && att[a][y] && sp[y][b] ||
							y == b && sp[x][a] && att[x][b] ||
							sp[x][a] && att[x][y] && sp[y][b]
					}
				}
			}
			r[a][b] = ok
		}
	}
	return r
}

// randomBipolar returns a random graph of up to maxNodes arguments. Each ordered pair,
// a node with itself included, gets a support and an attack with probabilities drawn
// per graph, so that sparse and dense graphs, support cycles, self-supports and
// self-attacks, and pairs with both relations all occur; some edges are added twice.
func randomBipolar(rng *rand.Rand, maxNodes int) *graph.Graph {
	g := graph.New()
	n := rng.IntN(maxNodes + 1)
	for i := range n {
		g.AddNode(fmt.Sprint(i))
	}
	ps := []float64{0.05, 0.12, 0.25, 0.45}[rng.IntN(4)]
	pa := []float64{0.05, 0.12, 0.25}[rng.IntN(3)]
	for a := range n {
		for b := range n {
			if rng.Float64() < ps {
				g.AddEdge(a, b, graph.Support)
				if rng.IntN(10) == 0 {
					g.AddEdge(a, b, graph.Support)
				}
			}
			if rng.Float64() < pa {
				g.AddEdge(a, b, graph.Attack)
				if rng.IntN(10) == 0 {
					g.AddEdge(a, b, graph.Attack)
				}
			}
		}
	}
	return g
}

// checkLists fails t unless every list of adj is sorted ascending without repetitions
// and within the nodes.
func checkLists(t *testing.T, adj graph.Adjacency) {
	t.Helper()
	for a, targets := range adj {
		for i, b := range targets {
			if b < 0 || b >= len(adj) || i > 0 && targets[i-1] >= b {
				t.Fatalf("list of %d is %v: not sorted, repeated or out of range", a, targets)
			}
		}
	}
}

// TestAttacksAgainstReferences compares Attacks with both references, for every mode, on
// random graphs of up to 10 arguments.
func TestAttacksAgainstReferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(2005, 2013))
	for iter := range propertyGraphs() {
		g := randomBipolar(rng, 10)
		sup := relationOf(g.Adjacency(graph.Support))
		att := relationOf(g.Adjacency(graph.Attack))
		for _, m := range Modes() {
			adj := Attacks(g, m)
			if len(adj) != g.Len() {
				t.Fatalf("graph #%d %v, %v: %d lists for %d arguments", iter, g.Edges(), m, len(adj), g.Len())
			}
			checkLists(t, adj)
			got := relationOf(adj)
			fix := fixpointReference(sup, att, m)
			if !got.equal(fix) {
				t.Fatalf("graph #%d %v, %v:\n got %v\nfixpoint reference %v", iter, g.Edges(), m, got, fix)
			}
			if m == Ignore {
				continue
			}
			if named := namedReference(sup, att, m); !named.equal(fix) {
				t.Fatalf("graph #%d %v, %v:\nnamed kinds %v\n   fixpoint %v", iter, g.Edges(), m, named, fix)
			}
		}
	}
}

// TestAttacksIgnore checks that Ignore is exactly the direct attacks, and that every mode
// contains them.
func TestAttacksIgnore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range propertyGraphs() {
		g := randomBipolar(rng, 10)
		direct := g.Adjacency(graph.Attack)
		if got := Attacks(g, Ignore); !slices.EqualFunc(got, direct, slices.Equal) {
			t.Fatalf("graph #%d %v: Ignore gives %v, want %v", iter, g.Edges(), got, direct)
		}
		for _, m := range []Mode{SupportedSecondary, Deductive, Necessary} {
			got := relationOf(Attacks(g, m))
			for a, targets := range direct {
				for _, b := range targets {
					if !got[a][b] {
						t.Fatalf("graph #%d %v, %v: direct attack %d->%d missing", iter, g.Edges(), m, a, b)
					}
				}
			}
		}
	}
}

// TestAttacksLarger compares Attacks with the fixpoint reference on a few graphs of up to
// 150 arguments, large enough for the bitsets to span several words and for support
// cycles to join many arguments.
func TestAttacksLarger(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	graphs := 12
	if testing.Short() {
		graphs = 3
	}
	for iter := range graphs {
		n := 60 + rng.IntN(91)
		g := graph.New()
		for i := range n {
			g.AddNode(fmt.Sprint(i))
		}
		supports := n * (1 + iter%3) / 2
		for range supports {
			g.AddEdge(rng.IntN(n), rng.IntN(n), graph.Support)
		}
		for range n / 2 {
			g.AddEdge(rng.IntN(n), rng.IntN(n), graph.Attack)
		}
		sup := relationOf(g.Adjacency(graph.Support))
		att := relationOf(g.Adjacency(graph.Attack))
		for _, m := range []Mode{SupportedSecondary, Deductive, Necessary} {
			adj := Attacks(g, m)
			checkLists(t, adj)
			if got, want := relationOf(adj), namedReference2(sup, att, m); !got.equal(want) {
				t.Fatalf("graph #%d of %d arguments, %v: differs from the reference", iter, n, m)
			}
		}
	}
}

// namedReference2 is namedReference in O(n³): with S* the reflexive closure of S+,
// SupportedSecondary is S* ; A ; S*, Deductive S* ; A ; (S*)⁻¹ and Necessary
// (S*)⁻¹ ; A ; S*, composed one step at a time. (namedReference, quantifying over x and y together, takes O(n⁴), too slow here.)
func namedReference2(sup, att relation, m Mode) relation {
	n := len(att)
	star := sup.plus()
	for a := range n {
		star[a][a] = true
	}
	left, right := star, star // a left x, x → y, y right b
	switch m {
	case Deductive:
		right = transpose(star)
	case Necessary:
		left = transpose(star)
	}
	return compose(compose(left, att), right)
}

func transpose(r relation) relation {
	t := newRelation(len(r))
	for a := range r {
		for b := range r {
			t[b][a] = r[a][b]
		}
	}
	return t
}

func compose(r, q relation) relation {
	n := len(r)
	c := newRelation(n)
	for a := range n {
		for x := range n {
			if r[a][x] {
				for b := range n {
					c[a][b] = c[a][b] || q[x][b]
				}
			}
		}
	}
	return c
}

// TestAttacksPremisesAgainstReference compares Attacks with the fixpoint reference on
// random graphs with premise edges, placed anywhere: on supports and off them, in
// circles of supports and premises.
func TestAttacksPremisesAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(2010, 2011))
	for iter := range propertyGraphs() {
		g := randomBipolar(rng, 10)
		if n := g.Len(); n > 0 {
			for range rng.IntN(5) {
				g.AddEdge(rng.IntN(n), rng.IntN(n), graph.Premise)
			}
		}
		sup := relationOf(g.Adjacency(graph.Support))
		prem := relationOf(g.Adjacency(graph.Premise))
		att := relationOf(g.Adjacency(graph.Attack))
		for _, m := range []Mode{SupportedSecondary, Deductive, Necessary} {
			adj := Attacks(g, m)
			checkLists(t, adj)
			if got, want := relationOf(adj), fixpointPremises(sup, prem, att, m); !got.equal(want) {
				t.Fatalf("graph #%d %v, %v:\n got %v\nwant %v", iter, g.Edges(), m, got, want)
			}
		}
	}
}
