package bipolar

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// randomReasons returns a random graph of up to maxArgs arguments with direct
// attacks and supports, linked reasons of two or three members, and undercut
// supports and attacks (inference nodes that other arguments attack), so that
// arguments with one reason and with several, of every kind, all occur.
func randomReasons(rng *rand.Rand, maxArgs int) *graph.Graph {
	g := graph.New()
	n := 1 + rng.IntN(maxArgs)
	for i := range n {
		g.AddNode(fmt.Sprint(i))
	}
	ps := []float64{0.1, 0.2, 0.35}[rng.IntN(3)]
	pa := []float64{0.08, 0.15, 0.25}[rng.IntN(3)]
	undercut := func(inf int) {
		for range rng.IntN(3) {
			g.AddEdge(rng.IntN(n), inf, graph.Attack)
		}
	}
	for a := range n {
		for b := range n {
			if rng.Float64() < ps {
				if a != b && rng.IntN(4) == 0 {
					inf := g.AddInference(fmt.Sprint(a, "->", b), a, b)
					g.AddEdge(a, inf, graph.Premise)
					g.AddEdge(inf, b, graph.Support)
					undercut(inf)
				} else {
					g.AddEdge(a, b, graph.Support)
				}
			}
			if rng.Float64() < pa {
				if rng.IntN(3) == 0 {
					inf := g.AddAttackInference(fmt.Sprint(a, "-x>", b), a, b)
					g.AddEdge(a, inf, graph.Premise)
					g.AddEdge(inf, b, graph.Attack)
					undercut(inf)
				} else {
					g.AddEdge(a, b, graph.Attack)
				}
			}
		}
	}
	for range rng.IntN(3) {
		if n < 3 {
			break
		}
		members := rng.Perm(n)[:2+rng.IntN(2)]
		c := members[len(members)-1]
		members = members[:len(members)-1]
		inf := g.AddReason(fmt.Sprint(members, "->", c), members, c)
		for _, m := range members {
			g.AddEdge(m, inf, graph.Premise)
		}
		g.AddEdge(inf, c, graph.Support)
		undercut(inf)
	}
	return g
}

// cutReference computes the relation of mode m on g, which may hold the gadget
// of Convergent, the naive way: the one-step rules of fixpointPremises, with the
// supports into an argument with the gadget left out where the reading follows
// them to what rests on, or needs, a reason (Q under SupportedSecondary, both P
// and Q under Necessary), and under Ignore the premise edges of undercut attacks
// alone.
func cutReference(g *graph.Graph, m Mode) relation {
	n := g.Len()
	sup, prem, att := newRelation(n), newRelation(n), newRelation(n)
	conv := make([]bool, n)
	for _, e := range g.Edges() {
		if of, ok := g.AuxiliaryOf(e.From); ok && of == e.To && e.Relation == graph.Attack {
			conv[e.To] = true
		}
	}
	for _, e := range g.Edges() {
		switch e.Relation {
		case graph.Support:
			sup[e.From][e.To] = true
		case graph.Attack:
			if g.Kind(e.To) != graph.Auxiliary { // added after the fixpoint
				att[e.From][e.To] = true
			}
		case graph.Premise:
			if _, _, r := g.Premises(e.To); m != Ignore || r == graph.Attack {
				prem[e.From][e.To] = true
			}
		}
	}
	psup, qsup := sup, sup
	cutInto := func(s relation) relation {
		c := newRelation(n)
		for a := range n {
			for b := range n {
				c[a][b] = s[a][b] && !conv[b]
			}
		}
		return c
	}
	switch m {
	case SupportedSecondary:
		qsup = cutInto(sup)
	case Necessary:
		psup, qsup = cutInto(sup), cutInto(sup)
	}
	r := fixpointSplit(psup, qsup, prem, att, m)
	// The reasons of an argument attack its auxiliary node, and nothing else
	// does.
	for _, e := range g.Edges() {
		if e.Relation == graph.Attack && g.Kind(e.To) == graph.Auxiliary {
			r[e.From][e.To] = true
		}
	}
	return r
}

// TestConvergentAgainstReference compares Derive on the graph with the gadget of
// Convergent with the naive reference, in every mode, on random graphs with linked
// and convergent reasons and undercut supports and attacks; and checks the gadget
// itself: one auxiliary node for each argument of two or more reasons, attacked by
// each reason and attacking it, under SupportedSecondary and Necessary only.
func TestConvergentAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(2009, 2011))
	for iter := range propertyGraphs() {
		g := randomReasons(rng, 7)
		edges := len(g.Edges())
		for _, m := range Modes() {
			cg := Convergent(g, m)
			if len(g.Edges()) != edges {
				t.Fatalf("graph #%d: Convergent changed its input", iter)
			}
			reasons := convergentReasons(g)
			aux := 0
			for c := range reasons {
				if len(reasons[c]) >= 2 {
					aux++
				}
			}
			if m == Deductive || m == Ignore {
				aux = 0
			}
			if cg.Len() != g.Len()+aux {
				t.Fatalf("graph #%d %v: %d nodes with the gadget, want %d", iter, m, cg.Len(), g.Len()+aux)
			}
			for v := g.Len(); v < cg.Len(); v++ {
				c, ok := cg.AuxiliaryOf(v)
				if !ok {
					t.Fatalf("graph #%d %v: node %d is no auxiliary node", iter, m, v)
				}
				var attackers []int
				for _, e := range cg.Edges() {
					if e.To == v && e.Relation == graph.Attack {
						attackers = append(attackers, e.From)
					}
				}
				if !slices.Equal(attackers, reasons[c]) {
					t.Fatalf("graph #%d %v: the auxiliary node of %d is attacked by %v, want its reasons %v", iter, m, c, attackers, reasons[c])
				}
			}
			adj := Attacks(cg, m)
			checkLists(t, adj)
			if got, want := relationOf(adj), cutReference(cg, m); !got.equal(want) {
				t.Fatalf("graph #%d %v, %v:\n got %v\nwant %v", iter, cg.Edges(), m, got, want)
			}
		}
	}
}

// TestSingleReasonsUnchanged is the differential test against the derivation
// before convergent reasons: on graphs where no argument has two reasons (and no
// attack is undercut, which that derivation did not know), Convergent adds
// nothing and Derive gives exactly the attacks of fixpointPremises.
func TestSingleReasonsUnchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(2005, 2010))
	checked := 0
	for range 4 * propertyGraphs() {
		g := randomBipolar(rng, 9)
		if convergentReasons(g) != nil {
			continue
		}
		checked++
		sup := relationOf(g.Adjacency(graph.Support))
		att := relationOf(g.Adjacency(graph.Attack))
		prem := newRelation(g.Len())
		for _, m := range Modes() {
			if cg := Convergent(g, m); cg != g {
				t.Fatalf("%v: Convergent added a gadget to a graph of single reasons", g.Edges())
			}
			if got, want := relationOf(Attacks(g, m)), fixpointPremises(sup, prem, att, m); !got.equal(want) {
				t.Fatalf("%v, %v:\n got %v\nwant %v", g.Edges(), m, got, want)
			}
		}
	}
	if checked < propertyGraphs()/4 {
		t.Fatalf("only %d graphs of single reasons checked", checked)
	}
}

// TestReasonsCoherent checks the labelling conditions of the reading of reasons
// under SupportedSecondary and Necessary, the two modes where a supported
// argument needs its reasons (the coherence of frameworks with necessities over
// sets, Nouioua 2013): in every complete extension, an accepted argument that has
// reasons has an accepted one (one suffices), and an accepted linked reason has
// every member accepted. And, as its converse for convergent reasons, an argument
// with two or more reasons none of which can be accepted is never accepted.
func TestReasonsCoherent(t *testing.T) {
	rng := rand.New(rand.NewPCG(2013, 2008))
	for iter := range propertyGraphs() / 2 {
		g := randomReasons(rng, 6)
		sup := g.Adjacency(graph.Support)
		reasonsOf := make([][]int, g.Len())
		for r, cs := range sup {
			for _, c := range cs {
				if c != r {
					reasonsOf[c] = append(reasonsOf[c], r)
				}
			}
		}
		for _, m := range []Mode{SupportedSecondary, Necessary} {
			cg := Convergent(g, m)
			f := semantics.NewFramework(Attacks(cg, m))
			err := semantics.Extensions(context.Background(), f, semantics.Complete, func(e semantics.Extension) bool {
				for v := range g.Len() {
					if !e.Contains(v) {
						continue
					}
					if rs := reasonsOf[v]; len(rs) > 0 && !slices.ContainsFunc(rs, e.Contains) {
						t.Errorf("graph #%d %v, %v: %d accepted in %v without any of its reasons %v", iter, g.Edges(), m, v, e, rs)
						return false
					}
					if ps, _, r := g.Premises(v); r == graph.Support && !slices.ContainsFunc(ps, func(p int) bool { return e.Contains(p) }) && len(ps) > 0 ||
						r != 0 && slices.ContainsFunc(ps, func(p int) bool { return !e.Contains(p) }) {
						t.Errorf("graph #%d %v, %v: inference %d accepted in %v without its premises %v", iter, g.Edges(), m, v, e, ps)
						return false
					}
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
