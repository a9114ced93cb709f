package gradual

import (
	"fmt"
	"math"
	"slices"

	"github.com/argmap/argmap/graph"
)

// DFQuAD returns the strength of every argument of g under the DF-QuAD semantics of Rago,
// Toni, Aurisicchio & Baroni (2016), from the base score base[v] of every argument v (its
// τ in the paper). base must have one score per argument, each in [0, 1], or DFQuAD
// returns an error; if base is nil, every argument has base score [DefaultBase]. The
// strengths σ are the solution of
//
//	σ(a) = C(base(a), F(σ of the attackers of a), F(σ of the supporters of a))
//
// with the aggregation F and the combination C of the paper:
//
//	F(v1, ..., vn) = 1 − (1 − v1)···(1 − vn), and F() = 0 for no arguments
//	C(v0, va, vs)  = v0 − v0·(va − vs)        if va ≥ vs
//	               = v0 + (1 − v0)·(vs − va)  if va < vs
//
// so an argument whose attackers and supporters balance keeps its base score, and every
// strength is in [0, 1]. Repeated edges count once; an argument that both attacks and
// supports another counts among its attackers and among its supporters.
//
// DF-QuAD is defined for acyclic graphs, where the equations have exactly one solution:
// DFQuAD computes it exactly, up to rounding, in topological order. Graphs with cycles are
// outside the paper; for them argmap makes a choice of its own. DFQuAD takes the
// strongly connected components of the graph of supports and attacks in topological
// order: an argument on no cycle is computed exactly from its attackers and supporters,
// and the arguments of each cycle are solved together, with the strengths of earlier
// components fixed, by the damped iteration
//
//	σ_0 = base,  σ_{k+1} = (σ_k + σ̂_k) / 2,  where
//	σ̂_k(a) = C(base(a), F(σ_k of the attackers of a), F(σ_k of the supporters of a))
//
// until σ̂_k and σ_k differ by at most [Tolerance] in every argument, at which point σ_k
// is returned for those arguments: it satisfies the equations to within Tolerance. The
// iteration is one explicit Euler step of size 1/2 per round of the continuous
// dynamical system dσ/dt = σ̂ − σ of Potyka (2018), with DF-QuAD's F and C; any limit it
// has is a solution of the equations. The damping makes it converge where the plain
// iteration σ_{k+1} = σ̂_k, as studied for cyclic graphs by Mossakowski & Neuhaus
// (2018), oscillates for ever: two arguments of base score 1 attacking each other go
// from (1, 1) to (0, 0) and back, while the damped iteration settles at (1/2, 1/2) in one
// step. (In experiments on random graphs with cycles, the plain iteration failed to
// converge within the bound on up to 2% of them, the damped one on up to 0.4%.) A cycle may have several solutions, and then the result is the one that the
// iteration reaches from the base scores. If a cycle needs more than [MaxIterations]
// iterations, DFQuAD returns a *[ConvergenceError] naming one of the cycle's arguments.
// That happens when the solution is degenerate and the iteration approaches it ever more
// slowly, its distance shrinking like 1/k rather than geometrically. In the experiments
// above it happened only on graphs with a self-support, a self-attack or a base score of
// 0 or 1, typically with a solution of strengths exactly 0 and 1.
//
// On an acyclic graph DFQuAD takes O(V + E) time; each iteration over a cycle takes time
// linear in the arguments of the cycle and the edges into them.
func DFQuAD(g *graph.Graph, base []float64) ([]float64, error) {
	return dfQuAD(g, base, MaxIterations)
}

// dfQuAD is DFQuAD with a bound on the iterations, so that the tests can reach it.
func dfQuAD(g *graph.Graph, base []float64, maxIterations int) ([]float64, error) {
	n := g.Len()
	switch {
	case base == nil:
		base = make([]float64, n)
		for v := range base {
			base[v] = DefaultBase
		}
	case len(base) != n:
		return nil, fmt.Errorf("DF-QuAD: %d base scores for %d arguments", len(base), n)
	default:
		for v, b := range base {
			if !(b >= 0 && b <= 1) { // also rejects NaN
				return nil, fmt.Errorf("DF-QuAD: base score %v of argument %q is not in [0, 1]", b, g.Name(v))
			}
		}
	}

	attacks, supports := g.Adjacency(graph.Attack), g.Adjacency(graph.Support)
	// An inference is supported by its premise: it carries the premise's
	// strength, less its undercutters'.
	for p, inferences := range g.Adjacency(graph.Premise) {
		if len(inferences) > 0 {
			supports[p] = slices.Compact(slices.Sorted(slices.Values(append(slices.Clip(supports[p]), inferences...))))
		}
	}
	d := &dfquad{base: base, sigma: make([]float64, n)}
	d.attAt, d.attackers = predecessors(attacks, "DFQuAD")
	d.supAt, d.supporters = predecessors(supports, "DFQuAD")

	// The graph of both relations, for its strongly connected components, in one
	// backing array.
	both := make(graph.Adjacency, n)
	edges := make([]int, 0, len(d.attackers)+len(d.supporters))
	for v := range n {
		start := len(edges)
		edges = append(append(edges, attacks[v]...), supports[v]...)
		both[v] = edges[start:len(edges):len(edges)]
	}
	for _, members := range graph.TopologicalComponents(both) {
		if v := members[0]; len(members) == 1 && !slices.Contains(both[v], v) {
			d.sigma[v] = d.strength(v)
			continue
		}
		if err := d.iterate(members, maxIterations); err != nil {
			if err.Argument >= 0 {
				err.Name = g.Name(err.Argument)
			}
			return nil, err
		}
	}
	return d.sigma, nil
}

// dfquad holds DF-QuAD's data: the base scores, the strengths computed so far, and the
// attackers and supporters of every argument in compressed form (those of v are
// attackers[attAt[v]:attAt[v+1]] and supporters[supAt[v]:supAt[v+1]]).
type dfquad struct {
	base, sigma       []float64
	attAt, attackers  []int
	supAt, supporters []int
}

// strength returns C(base(v), F(σ of v's attackers), F(σ of v's supporters)) from the
// current strengths.
func (d *dfquad) strength(v int) float64 {
	va := aggregate(d.sigma, d.attackers[d.attAt[v]:d.attAt[v+1]])
	vs := aggregate(d.sigma, d.supporters[d.supAt[v]:d.supAt[v+1]])
	return combine(d.base[v], va, vs)
}

// iterate solves the equations of the arguments of one strongly connected component by
// the damped iteration, the strengths of all other arguments being fixed.
func (d *dfquad) iterate(members []int, maxIterations int) *ConvergenceError {
	for _, v := range members {
		d.sigma[v] = d.base[v]
	}
	next := make([]float64, len(members))
	for it := 1; it <= maxIterations; it++ {
		change, arg := 0.0, -1
		for i, v := range members {
			next[i] = d.strength(v)
			if c := abs(next[i] - d.sigma[v]); c > change {
				change, arg = c, v
			}
		}
		if change <= Tolerance {
			return nil
		}
		if it == maxIterations {
			return &ConvergenceError{Semantics: "DF-QuAD", Iterations: it, Arguments: len(members), Argument: arg, Change: change}
		}
		for i, v := range members {
			d.sigma[v] = (d.sigma[v] + next[i]) / 2
		}
	}
	// Only reached with maxIterations < 1.
	return &ConvergenceError{Semantics: "DF-QuAD", Arguments: len(members), Argument: -1}
}

// aggregate is DF-QuAD's F over the strengths of the arguments args: 1 − Π(1 − σ(b)),
// and 0 when args is empty.
func aggregate(sigma []float64, args []int) float64 {
	p := 1.0
	for _, b := range args {
		p *= 1 - sigma[b]
	}
	return 1 - p
}

// combine is DF-QuAD's C: the base score v0 moved towards 0 by the aggregated attack va
// exceeding the aggregated support vs, or towards 1 by the support exceeding the attack,
// in proportion to the difference. The result is clamped to [0, 1], which it leaves only
// by rounding.
func combine(v0, va, vs float64) float64 {
	var s float64
	if va >= vs {
		s = v0 - v0*(va-vs)
	} else {
		s = v0 + (1-v0)*(vs-va)
	}
	return math.Min(1, math.Max(0, s))
}
