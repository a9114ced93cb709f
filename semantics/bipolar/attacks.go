package bipolar

import (
	"math/bits"
	"slices"

	"github.com/argmap/argmap/graph"
)

// Attacks returns the complete attack relation of g when its supports are read as m:
// for every argument, the arguments it attacks directly or by an attack derived from the
// supports (see the package documentation for the exact definitions), over g's node
// numbers, each list sorted ascending and without repetitions. An argument that attacks
// nothing has a nil list. The result is a [graph.Directed], ready for
// semantics.NewFramework.
//
// Arguments on a common circle of supports commit to, and need, the same arguments, so
// they have the same list; under [Deductive] and [Necessary] they share it, with its
// capacity cut to its length, so appending to one list never changes another. Callers
// must not modify the lists in place.
//
// It panics if m is not one of the modes, a programming error.
func Attacks(g *graph.Graph, m Mode) graph.Adjacency {
	switch m {
	case Ignore:
		return g.Adjacency(graph.Attack)
	case Deductive:
		return withPremises(g, closure(g.Adjacency(graph.Support), g.Adjacency(graph.Attack), true))
	case Necessary:
		// Necessary support of b by a, read backwards, commits as a support
		// of a by b would; see closure.
		return withPremises(g, closure(reverse(g.Adjacency(graph.Support)), g.Adjacency(graph.Attack), false))
	}
	panic("bipolar: Attacks with invalid mode " + m.String())
}

// withPremises adds to adj the attacks that reach an inference through its
// premise (graph.Premise edges): whoever attacks the premise attacks the
// inference and, as a secondary attack, what the inference supports. Nothing
// flows the other way: accepting the inference commits to nothing through
// its premise, so the premise does not inherit the inference's attacks.
// Inferences are few (one per undercut support), so this walks the relation
// once per premise edge, until a chain of inferences adds nothing more.
func withPremises(g *graph.Graph, adj graph.Adjacency) graph.Adjacency {
	premises := g.Adjacency(graph.Premise)
	var edges [][2]int
	for p, infs := range premises {
		for _, inf := range infs {
			edges = append(edges, [2]int{p, inf})
		}
	}
	if len(edges) == 0 {
		return adj
	}
	support := g.Adjacency(graph.Support)
	out := make(graph.Adjacency, len(adj))
	for a := range adj {
		out[a] = slices.Clone(adj[a]) // rows may share arrays: never change them in place
	}
	for changed := true; changed; {
		changed = false
		for _, e := range edges {
			// What the inference stands for: itself and what it supports.
			reached := []int{e[1]}
			seen := map[int]bool{e[1]: true}
			for i := 0; i < len(reached); i++ {
				for _, s := range support[reached[i]] {
					if !seen[s] {
						seen[s] = true
						reached = append(reached, s)
					}
				}
			}
			for a := range out {
				if _, attacks := slices.BinarySearch(out[a], e[0]); !attacks {
					continue
				}
				for _, t := range reached {
					if i, ok := slices.BinarySearch(out[a], t); !ok {
						out[a] = slices.Insert(out[a], i, t)
						changed = true
					}
				}
			}
		}
	}
	return out
}

// closure returns the relation {(a, b) : a ⇒* x, x → y, b ⇒* y} where ⇒ is sup and → is
// att, both over the same nodes with sorted, duplicate-free lists — or, when forward is
// set, {(a, b) : a ⇒* x, x → y, y ⇒* b}: the attack also reaches what its target
// supports. A node's row is the union, over the nodes x it reaches along sup, of the
// nodes that reach (or, forward, that are reached from) an attack target of x along sup.
//
// Reversing sup keeps its strongly connected components, so both cases share one
// condensation: "reached from" is filled in reverse topological order, "reach" in
// topological order.
//
// Nodes of one strongly connected component of sup reach the same nodes and are reached
// by the same nodes, so the work is done once per component of the condensation, with
// bitsets over the nodes:
//
//	anc(c) = the members of c  ∪  anc(p) for every component p with an edge to c
//	row(c) = anc(comp(y)) for every attack x → y with x in c  ∪  row(d) for every component d that c has an edge to
//
// anc is filled in topological order of the condensation, row in reverse topological order.
func closure(sup, att graph.Adjacency, forward bool) graph.Adjacency {
	n := len(att)
	hasSupport := false
	for _, s := range sup {
		if len(s) > 0 {
			hasSupport = true
			break
		}
	}
	if !hasSupport {
		return att
	}

	// The components in topological order: every successor of c comes after c.
	comps := graph.TopologicalComponents(sup)
	k := len(comps)
	compOf := make([]int, n)
	for c, members := range comps {
		for _, v := range members {
			compOf[v] = c
		}
	}

	// The condensation, as compressed successor lists without repetitions or self-loops.
	// stamp[d] == c records that the edge c -> d is already listed; it is reused below.
	stamp := make([]int, k)
	for c := range stamp {
		stamp[c] = -1
	}
	succAt := make([]int, k+1)
	var succ []int
	for c, members := range comps {
		succAt[c] = len(succ)
		stamp[c] = c
		for _, v := range members {
			for _, w := range sup[v] {
				if d := compOf[w]; stamp[d] != c {
					stamp[d] = c
					succ = append(succ, d)
				}
			}
		}
	}
	succAt[k] = len(succ)

	anc := newBitsets(k, n)
	for c, members := range comps {
		for _, v := range members {
			anc.add(c, v)
		}
	}
	if forward {
		for c := k - 1; c >= 0; c-- { // anc(c) holds what c reaches
			for _, d := range succ[succAt[c]:succAt[c+1]] {
				anc.or(c, &anc, d)
			}
		}
	} else {
		for c := range k {
			for _, d := range succ[succAt[c]:succAt[c+1]] {
				anc.or(d, &anc, c)
			}
		}
	}

	rows := newBitsets(k, n)
	for c := range stamp {
		stamp[c] = -1
	}
	for c := k - 1; c >= 0; c-- {
		for _, x := range comps[c] {
			for _, y := range att[x] {
				// Each target component's ancestors need adding only once per row.
				if d := compOf[y]; stamp[d] != c {
					stamp[d] = c
					rows.or(c, &anc, d)
				}
			}
		}
		for _, d := range succ[succAt[c]:succAt[c+1]] {
			rows.or(c, &rows, d)
		}
	}
	anc = bitsets{} // no longer needed: let it go before the result is allocated

	// One backing array for the rows, one row per component, shared by its members.
	total := 0
	for c := range k {
		for _, word := range rows.words(c) {
			total += bits.OnesCount64(word)
		}
	}
	backing := make([]int, total)
	out := make(graph.Adjacency, n)
	pos := 0
	for c, members := range comps {
		start := pos
		base := rows.lo[c] * 64
		for i, word := range rows.words(c) {
			for word != 0 {
				backing[pos] = base + i*64 + bits.TrailingZeros64(word)
				pos++
				word &= word - 1
			}
		}
		if pos == start {
			continue
		}
		row := backing[start:pos:pos]
		for _, v := range members {
			out[v] = row
		}
	}
	return out
}

// bitsets is a sequence of sets of nodes, each a bitset of w words. Each set also keeps
// the range of words [lo, hi) outside which all its words are zero, so that the union of
// a small set into another costs the small set's span, not w: in a map whose supports
// form trees, most sets of ancestors hold a single argument.
type bitsets struct {
	all    []uint64
	w      int
	lo, hi []int
}

func newBitsets(k, n int) bitsets {
	w := (n + 63) / 64
	b := bitsets{all: make([]uint64, k*w), w: w, lo: make([]int, k), hi: make([]int, k)}
	for c := range k {
		b.lo[c] = w // empty: lo >= hi
	}
	return b
}

// words returns the words of set c in its span [lo, hi).
func (b *bitsets) words(c int) []uint64 {
	if b.lo[c] >= b.hi[c] {
		return nil
	}
	return b.all[c*b.w+b.lo[c] : c*b.w+b.hi[c]]
}

// add adds node v to set c.
func (b *bitsets) add(c, v int) {
	i := v / 64
	b.all[c*b.w+i] |= 1 << (v % 64)
	b.lo[c] = min(b.lo[c], i)
	b.hi[c] = max(b.hi[c], i+1)
}

// or adds set d of src to set c of b; src may be b.
func (b *bitsets) or(c int, src *bitsets, d int) {
	lo, hi := src.lo[d], src.hi[d]
	if lo >= hi {
		return
	}
	dst := b.all[c*b.w+lo : c*b.w+hi]
	for i, s := range src.all[d*src.w+lo : d*src.w+hi] {
		dst[i] |= s
	}
	b.lo[c] = min(b.lo[c], lo)
	b.hi[c] = max(b.hi[c], hi)
}

// reverse returns adj with every edge turned around. As adj's lists are sorted and
// without repetitions, so are the result's: the sources are dealt out in ascending order.
func reverse(adj graph.Adjacency) graph.Adjacency {
	n := len(adj)
	at := make([]int, n+1)
	for _, succ := range adj {
		for _, t := range succ {
			at[t+1]++
		}
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	pred := make([]int, at[n])
	fill := make([]int, n)
	copy(fill, at[:n])
	for s, succ := range adj {
		for _, t := range succ {
			pred[fill[t]] = s
			fill[t]++
		}
	}
	rev := make(graph.Adjacency, n)
	for t := range n {
		if at[t] < at[t+1] {
			rev[t] = pred[at[t]:at[t+1]:at[t+1]]
		}
	}
	return rev
}
