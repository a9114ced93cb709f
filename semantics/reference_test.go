package semantics

import (
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/argmap/argmap/graph"
)

// This file holds what the property tests compare against: random frameworks and a
// brute-force reference that enumerates every subset of the arguments and applies the
// definitions of the semantics literally. It is slow (2^n subsets) but obviously right,
// and shares no code with the package.

// refAF is a framework of at most 16 arguments as bit masks: att[a] holds the attackers
// of a, tgt[a] the arguments a attacks.
type refAF struct {
	n        int
	att, tgt []uint32
}

func newRefAF(adj graph.Adjacency) refAF {
	r := refAF{n: len(adj), att: make([]uint32, len(adj)), tgt: make([]uint32, len(adj))}
	for a, succ := range adj {
		for _, b := range succ {
			r.tgt[a] |= 1 << b
			r.att[b] |= 1 << a
		}
	}
	return r
}

func (r refAF) all() uint32 { return 1<<r.n - 1 }

func (r refAF) conflictFree(s uint32) bool {
	for t := s; t != 0; t &= t - 1 {
		if r.att[bits.TrailingZeros32(t)]&s != 0 {
			return false
		}
	}
	return true
}

// attacked returns the arguments attacked by s.
func (r refAF) attacked(s uint32) uint32 {
	var o uint32
	for t := s; t != 0; t &= t - 1 {
		o |= r.tgt[bits.TrailingZeros32(t)]
	}
	return o
}

// defended returns the arguments all of whose attackers s attacks.
func (r refAF) defended(s uint32) uint32 {
	o := r.attacked(s)
	var d uint32
	for a := range r.n {
		if r.att[a]&^o == 0 {
			d |= 1 << a
		}
	}
	return d
}

func (r refAF) admissible(s uint32) bool {
	return r.conflictFree(s) && s&^r.defended(s) == 0
}

func (r refAF) complete(s uint32) bool {
	return r.conflictFree(s) && r.defended(s) == s
}

func (r refAF) rangeOf(s uint32) uint32 { return s | r.attacked(s) }

// maximal returns the members of sets of which no other member is a strict superset
// (with key applied to both).
func maximal(sets []uint32, key func(uint32) uint32) []uint32 {
	var out []uint32
	for _, s := range sets {
		max := true
		for _, t := range sets {
			if ks, kt := key(s), key(t); ks != kt && ks&kt == ks {
				max = false
				break
			}
		}
		if max {
			out = append(out, s)
		}
	}
	return out
}

func filter(n int, keep func(uint32) bool) []uint32 {
	var out []uint32
	for s := uint32(0); s < 1<<n; s++ {
		if keep(s) {
			out = append(out, s)
		}
	}
	return out
}

func identity(s uint32) uint32 { return s }

// extensions returns the extensions of r under sem, by definition.
func (r refAF) extensions(sem Semantics) []uint32 {
	switch sem {
	case Grounded:
		// The least fixpoint of the characteristic function.
		s := uint32(0)
		for {
			t := r.defended(s)
			if t == s {
				return []uint32{s}
			}
			s = t
		}
	case Complete:
		return filter(r.n, r.complete)
	case Preferred:
		return maximal(filter(r.n, r.admissible), identity)
	case Stable:
		return filter(r.n, func(s uint32) bool { return r.conflictFree(s) && r.rangeOf(s) == r.all() })
	case SemiStable:
		return maximal(filter(r.n, r.complete), r.rangeOf)
	case Stage:
		return maximal(filter(r.n, r.conflictFree), r.rangeOf)
	case Ideal:
		inAll := r.all()
		for _, p := range r.extensions(Preferred) {
			inAll &= p
		}
		cands := filter(r.n, func(s uint32) bool { return s&^inAll == 0 && r.admissible(s) })
		return maximal(cands, identity) // exactly one, which the tests check
	}
	panic("unknown semantics")
}

// toExtension converts a mask to a sorted Extension.
func toExtension(s uint32) Extension {
	e := Extension{}
	for t := s; t != 0; t &= t - 1 {
		e = append(e, bits.TrailingZeros32(t))
	}
	return e
}

// sortedExtensions converts masks to Extensions in the order Extensions promises.
func sortedExtensions(masks []uint32) []Extension {
	out := make([]Extension, len(masks))
	for i, m := range masks {
		out[i] = toExtension(m)
	}
	slices.SortFunc(out, func(a, b Extension) int { return slices.Compare(a, b) })
	return out
}

// randomAF returns a random attack graph of up to maxArgs arguments. The density is
// itself random, so one seed gives empty, sparse and dense frameworks; self-attacks are
// rarer than other attacks, and successor lists come shuffled and with repetitions, as
// graph.Directed allows.
func randomAF(rng *rand.Rand, maxArgs int) graph.Adjacency {
	n := rng.IntN(maxArgs + 1)
	p := rng.Float64() * 0.6
	pSelf := rng.Float64() * 0.3
	adj := make(graph.Adjacency, n)
	for a := range n {
		for b := range n {
			q := p
			if a == b {
				q = pSelf
			}
			if rng.Float64() < q {
				adj[a] = append(adj[a], b)
				if rng.IntN(10) == 0 {
					adj[a] = append(adj[a], b)
				}
			}
		}
		rng.Shuffle(len(adj[a]), func(i, j int) { adj[a][i], adj[a][j] = adj[a][j], adj[a][i] })
	}
	return adj
}

// pairs builds an adjacency of n arguments from attacks given as pairs.
func pairs(n int, attacks ...[2]int) graph.Adjacency {
	adj := make(graph.Adjacency, n)
	for _, p := range attacks {
		adj[p[0]] = append(adj[p[0]], p[1])
	}
	return adj
}
