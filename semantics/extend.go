package semantics

import (
	"context"

	"github.com/argmap/argmap/graph"
)

// extendPreferred returns a preferred extension containing seeds, which must be
// admissible.
//
// If settled is not nil, the arguments with settled[a] must form a part of the framework
// that no other argument attacks and in which seeds is already preferred (as when seeds
// was found there): by directionality every preferred extension containing seeds agrees
// with seeds on that part, so it is not searched again.
//
// The search follows the strongly connected components of what propagation from seeds
// leaves undecided, in the order of the attacks (preferred semantics is SCC-recursive,
// Baroni, Giacomin and Guida 2005). In each component, the arguments attacked by an
// argument in are out already; those attacked by an undecided argument of an earlier
// component cannot be in; among the sets avoiding those, a ⊆-maximal admissible one is
// found with one SAT call, added, and propagated. So one big hard component costs one
// SAT call, and many small ones cost many small calls, not one big one.
func extendPreferred(ctx context.Context, f *Framework, seeds []int, settled []bool) (Extension, error) {
	p := newPropagation(f)
	p.add(seeds)
	open := make([]bool, f.n)
	anyOpen := false
	for a, x := range p.l {
		open[a] = x == 0 && (settled == nil || !settled[a])
		anyOpen = anyOpen || open[a]
	}
	if anyOpen {
		s := restrict(f, open)
		for _, comp := range topologicalComponents(s) {
			if len(comp) == 1 {
				// A single undecided argument cannot be in: it attacks itself, or an
				// argument outside its component, undecided, attacks it.
				continue
			}
			set, err := maximalIn(ctx, f, s, comp, p.l)
			if err != nil {
				return nil, err
			}
			p.add(set)
		}
	}
	var ext Extension
	for a, x := range p.l {
		if x == In {
			ext = append(ext, a)
		}
	}
	if ext == nil {
		ext = Extension{}
	}
	return ext, nil
}

// maximalIn returns a ⊆-maximal admissible set of the arguments of comp (local numbers
// in s) that are still unlabelled in l, in the framework restricted to them, avoiding
// those attacked by an unlabelled argument outside comp. The result is in the numbers of
// f.
func maximalIn(ctx context.Context, f *Framework, s *sub, comp []int, l Labelling) ([]int, error) {
	keep := make([]bool, f.n)
	any := false
	for _, a := range comp {
		if g := s.global[a]; l[g] == 0 {
			keep[g], any = true, true
		}
	}
	if !any {
		return nil, nil
	}
	c := restrict(f, keep)
	e := newAdmissible(ctx, c, false)
	for a, g := range c.global {
		for _, b := range f.Attackers(g) {
			if l[b] == 0 && !keep[b] {
				e.sat.clause(e.in(a).Not())
				break
			}
		}
	}
	ok, err := e.solveMax()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errInternal // the empty set is admissible
	}
	return c.toGlobal(e.model()), nil
}

// topologicalComponents returns the strongly connected components of s, in local
// numbers, ordered so that a component comes after every component attacking it.
func topologicalComponents(s *sub) [][]int {
	adj := make(graph.Adjacency, s.len())
	for a := range adj {
		for _, b := range s.attacksOf(a) {
			adj[a] = append(adj[a], int(b))
		}
	}
	return graph.TopologicalComponents(adj)
}
