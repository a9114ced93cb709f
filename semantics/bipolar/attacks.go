package bipolar

import (
	"context"
	"fmt"
	"math/bits"
	"slices"
	"strconv"

	"github.com/argmap/argmap/graph"
)

// DefaultMaxAttacks is the bound on the attacks of a result that [Derive] uses when it
// is given none: 20 million pairs, direct and derived. A framework of that many attacks
// takes about a gigabyte to build and evaluate (some 50 bytes an attack), and more for
// the semantics that search; a map that reaches it has long chains of support running
// through most of its arguments, so that most pairs of arguments attack each other.
const DefaultMaxAttacks = 20_000_000

// workPerAttack bounds the elementary steps Derive may take per attack it is allowed
// to produce, and per argument and relation of the graph, so that a bound on the
// result's size also bounds the time. Each step is one element of a list read or one
// edge followed; a map whose supports are not unusually interwoven needs fewer than four
// per attack of its result.
const workPerAttack = 16

// checkEvery is how many steps Derive takes between two looks at its context.
const checkEvery = 1 << 16

// LimitError is the error of [Derive] when the attack relation would exceed its bound,
// or would take more than the work that bound allows to compute. It says how large the
// graph is, so that the caller can tell the user what made the relation so large.
type LimitError struct {
	Mode       Mode
	Arguments  int  // the nodes of the graph
	Supports   int  // its support edges, repetitions included
	Attacks    int  // its attack edges, repetitions included
	MaxAttacks int  // the bound
	Work       bool // the work the bound allows ran out before the relation grew past it
}

// Error returns the Summary and what to do: read the supports as ignore, or evaluate
// fewer arguments.
func (e *LimitError) Error() string {
	return e.Summary() + "; read the supports as ignore, or evaluate fewer arguments"
}

// Summary says what went past the bound, and how large the graph is, without advice,
// for a caller that gives its own (naming its flags).
func (e *LimitError) Summary() string {
	size := fmt.Sprintf("%s with %s and %s", count(e.Arguments, "argument"), count(e.Supports, "support"), count(e.Attacks, "attack"))
	if e.Work {
		return fmt.Sprintf("reading the supports as %v: the supports of %s are too interwoven to derive their attacks within the work that a bound of %s attacks allows",
			e.Mode, size, thousands(e.MaxAttacks))
	}
	return fmt.Sprintf("reading the supports as %v derives more than %s attacks among %s: long chains of support make most arguments attack each other",
		e.Mode, thousands(e.MaxAttacks), size)
}

// count is n and the noun, in the plural unless n is 1: "1 attack", "20,000 arguments".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands formats n with commas between groups of three digits: 20,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	start := 0
	if n < 0 {
		start = 1
	}
	for i := len(s) - 3; i > start; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Attacks is [Derive] without a deadline or a bound: it returns the complete attack
// relation however large it is. It panics if m is not one of the modes, a programming
// error.
func Attacks(g *graph.Graph, m Mode) graph.Adjacency {
	adj, err := Derive(context.Background(), g, m, -1)
	if err != nil {
		panic("bipolar: Attacks: " + err.Error()) // unreachable without a bound or deadline
	}
	return adj
}

// Derive returns the complete attack relation of g when its supports are read as m:
// for every argument, the arguments it attacks directly or by an attack derived from the
// supports (see the package documentation for the exact definitions), over g's node
// numbers, each list sorted ascending and without repetitions. An argument that attacks
// nothing has a nil list. The result is a [graph.Directed], ready for
// semantics.NewFramework.
//
// Arguments that commit to, and need, the same arguments (those on a common circle of
// supports, and often a chain of supporters whose attacks all come from its end) share
// one list, with its capacity cut to its length, so appending to one list never changes
// another. Callers must not modify the lists in place.
//
// maxAttacks bounds the number of attacks of the result, each pair counted once: 0
// means [DefaultMaxAttacks], a negative number no bound. Past it, or past the work it
// allows (see the package documentation under Cost), Derive stops and returns a
// *[LimitError]. It also stops, with ctx's error, when ctx ends.
//
// It panics if m is not one of the modes, a programming error.
func Derive(ctx context.Context, g *graph.Graph, m Mode, maxAttacks int) (graph.Adjacency, error) {
	if !m.valid() {
		panic("bipolar: Derive with invalid mode " + m.String())
	}
	if maxAttacks == 0 {
		maxAttacks = DefaultMaxAttacks
	}
	att := g.Adjacency(graph.Attack)
	d := &deriver{
		ctx:  ctx,
		sup:  g.Adjacency(graph.Support),
		prem: g.Adjacency(graph.Premise),
		att:  att,
		max:  maxAttacks,
	}
	if m == Ignore {
		// Supports are dropped, but an attack on the source of an undercut
		// attack still reaches the attack's inference.
		ap := attackPremises(g)
		if ap == nil {
			return att, ctx.Err()
		}
		d.sup, d.prem = make(graph.Adjacency, g.Len()), sortLists(ap)
	}
	if maxAttacks > 0 {
		d.maxWork = workPerAttack * (maxAttacks + g.Len() + len(g.Edges()))
	}
	conv := ConvergentArguments(g) // the arguments of convergent reasons, see Convergent
	if conv != nil && m == Necessary {
		d.sup = cut(d.sup, conv) // c needs none of its reasons alone
	}
	switch {
	case m == Deductive:
		d.qsup = reverse(d.sup)
	case conv != nil && m == SupportedSecondary:
		d.qsup = cut(d.sup, conv) // c rests on none of its reasons alone
	default:
		d.qsup = d.sup
	}
	var reasonAttacks graph.Adjacency
	if conv != nil {
		d.att, reasonAttacks = splitGadget(g, d.att)
	}
	adj, err := d.derive(m == Necessary)
	if err == nil && reasonAttacks != nil {
		adj = joinGadget(adj, reasonAttacks)
	}
	if err == errLimit || err == errWork {
		le := &LimitError{Mode: m, Arguments: g.Len(), MaxAttacks: maxAttacks, Work: err == errWork}
		for _, e := range g.Edges() {
			switch e.Relation {
			case graph.Support:
				le.Supports++
			case graph.Attack:
				le.Attacks++
			}
		}
		return nil, le
	}
	return adj, err
}

// Sentinels between deriver and Derive, which turns them into a *LimitError.
var (
	errLimit = fmt.Errorf("bipolar: too many attacks")
	errWork  = fmt.Errorf("bipolar: too much work")
)

// deriver computes, for every mode but Ignore, the relation
//
//	a → b  iff  a P* x, x → y and y Q* b for some x and y
//
// where → is the direct attacks, P is the supports (SupportedSecondary and Deductive:
// a commits to x) or the supports turned around (Necessary: a needs x), and Q is the
// premise edges of inferences (an attack on a premise reaches the inference) together
// with the supports (SupportedSecondary and Necessary: b rests on, or needs, y) or the
// supports turned around (Deductive: b commits to y, a mediated attack). Premise edges
// are not in P: accepting an inference commits to nothing through its premise, nor does
// the premise need the inference; and under Deductive the premise of an undercut support
// is not committed through it to what it supports, since the inference may fall.
//
// Arguments of one strongly connected component of the supports have the same row, and
// the components form a directed acyclic graph, so the row of a component c is
//
//	row(c) = A(c) ∪ row(d) for every component d that c has a P edge to,
//	A(c)   = the nodes reached along Q from the targets of c's direct attacks,
//
// worked out with every such d done first: in reverse topological order of the
// supports for SupportedSecondary and Deductive, in topological order for Necessary. A
// row is closed under Q (it is a union of sets reached along Q), so the search for A(c)
// stops at any node already in the row; and a component that adds nothing to the largest row it depends
// on shares that row rather than copying it. The work is then the size of the distinct
// rows plus, for each component, the sizes of the distinct rows it depends on and the Q
// edges of the nodes new to its row.
type deriver struct {
	ctx            context.Context
	sup, prem, att graph.Adjacency
	qsup           graph.Adjacency // the support edges of Q: sup, or sup turned around
	max, maxWork   int             // bounds on the result's pairs and the steps; <= 0: none

	work, nextCheck int
}

// step adds k steps to the work done, and reports an error once the work is past its
// bound or the context has ended.
func (d *deriver) step(k int) error {
	d.work += k
	if d.work < d.nextCheck {
		return nil
	}
	d.nextCheck = d.work + checkEvery
	if d.maxWork > 0 && d.work > d.maxWork {
		return errWork
	}
	return d.ctx.Err()
}

func (d *deriver) derive(necessary bool) (graph.Adjacency, error) {
	n := len(d.att)
	hasSupport := false
	for _, s := range d.sup {
		if len(s) > 0 {
			hasSupport = true
			break
		}
	}
	hasPremise := false
	for _, s := range d.prem {
		if len(s) > 0 {
			hasPremise = true
			break
		}
	}
	if !hasSupport && !hasPremise {
		return d.att, d.ctx.Err()
	}

	// The components in topological order: every successor of c comes after c.
	comps := graph.TopologicalComponents(d.sup)
	k := len(comps)
	compOf := make([]int, n)
	for c, members := range comps {
		for _, v := range members {
			compOf[v] = c
		}
	}

	// The condensation along P, as compressed lists without repetitions or self-loops:
	// the components each component's row depends on. For SupportedSecondary and
	// Deductive these are its successors along the supports, for Necessary its
	// predecessors.
	// mark[e] == c records that e is already listed for c.
	mark := make([]int, k)
	for i := range mark {
		mark[i] = -1
	}
	depAt := make([]int, k+1)
	var deps []int
	if !necessary {
		for c, members := range comps {
			depAt[c] = len(deps)
			mark[c] = c
			for _, v := range members {
				for _, w := range d.sup[v] {
					if e := compOf[w]; mark[e] != c {
						mark[e] = c
						deps = append(deps, e)
					}
				}
			}
		}
		depAt[k] = len(deps)
	} else {
		// Collect the edges of the condensation, then deal them out by target.
		type edge struct{ from, to int }
		var edges []edge
		for c, members := range comps {
			mark[c] = c
			for _, v := range members {
				for _, w := range d.sup[v] {
					if e := compOf[w]; mark[e] != c {
						mark[e] = c
						edges = append(edges, edge{c, e})
					}
				}
			}
		}
		for _, e := range edges {
			depAt[e.to+1]++
		}
		for c := 1; c <= k; c++ {
			depAt[c] += depAt[c-1]
		}
		deps = make([]int, len(edges))
		fill := slices.Clone(depAt[:k])
		for _, e := range edges {
			deps[fill[e.to]] = e.from
			fill[e.to]++
		}
	}
	if err := d.step(n + k + len(deps)); err != nil {
		return nil, err
	}

	// rows[c] is the row of component c; rowID[c] names it, equal for shared rows, so
	// that a row two dependencies share is read once. seen[id] == c records that row id
	// is already merged into c's.
	rows := make([][]int, k)
	rowID := make([]int, k)
	var seen []int
	// The row being built is both a list, buf, and a set of bits, in, cleared again
	// after each row: the bits test membership and, when the row is dense in its span
	// of words, give it sorted for less than sorting the list would cost.
	in := make([]uint64, (n+63)/64)
	var buf []int
	add := func(v int) {
		if in[v/64]&(1<<(v%64)) == 0 {
			in[v/64] |= 1 << (v % 64)
			buf = append(buf, v)
		}
	}
	total := 0 // the pairs of the result so far
	for i := range k {
		c := k - 1 - i // SupportedSecondary, Deductive: a component's successors come after it
		if necessary {
			c = i // Necessary: its predecessors come before it
		}
		rowID[c] = -1
		buf = buf[:0]
		best := -1 // the dependency with the largest row
		for _, e := range deps[depAt[c]:depAt[c+1]] {
			id := rowID[e]
			if id < 0 || seen[id] == c {
				continue
			}
			seen[id] = c
			for _, v := range rows[e] {
				add(v)
			}
			if best < 0 || len(rows[e]) > len(rows[best]) {
				best = e
			}
			if err := d.step(1 + len(rows[e])); err != nil {
				return nil, err
			}
		}
		// What c's own attacks reach along Q, stopping at what is already in the row.
		from := len(buf)
		for _, x := range comps[c] {
			for _, y := range d.att[x] {
				add(y)
			}
			if err := d.step(1 + len(d.att[x])); err != nil {
				return nil, err
			}
		}
		for j := from; j < len(buf); j++ {
			v := buf[j]
			for _, w := range d.qsup[v] {
				add(w)
			}
			for _, w := range d.prem[v] {
				add(w)
			}
			if err := d.step(1 + len(d.qsup[v]) + len(d.prem[v])); err != nil {
				return nil, err
			}
		}

		if len(buf) == 0 {
			continue
		}
		// Every member of c attacks the whole row. Dividing rather than multiplying
		// keeps the test from overflowing.
		if d.max > 0 && len(buf) > (d.max-total)/len(comps[c]) {
			return nil, errLimit
		}
		total += len(comps[c]) * len(buf)
		if best >= 0 && len(buf) == len(rows[best]) {
			rows[c], rowID[c] = rows[best], rowID[best] // nothing new: share the row
			for _, v := range buf {
				in[v/64] = 0
			}
			continue
		}
		row := sortedRow(buf, in)
		rows[c], rowID[c] = row, len(seen)
		seen = append(seen, -1)
		if err := d.step(len(row)); err != nil {
			return nil, err
		}
	}

	out := make(graph.Adjacency, n)
	for c, members := range comps {
		for _, v := range members {
			out[v] = rows[c]
		}
	}
	return out, d.ctx.Err()
}

// sortLists sorts each list of adj ascending and drops repetitions, in place.
func sortLists(adj graph.Adjacency) graph.Adjacency {
	for v := range adj {
		slices.Sort(adj[v])
		adj[v] = slices.Compact(adj[v])
	}
	return adj
}

// reverse returns adj with every edge turned around, each list sorted ascending.
func reverse(adj graph.Adjacency) graph.Adjacency {
	out := make(graph.Adjacency, len(adj))
	for v, targets := range adj {
		for _, w := range targets {
			out[w] = append(out[w], v) // v ascends, so each list is sorted
		}
	}
	return out
}

// sortedRow returns the nodes of buf, which are the bits set in in, sorted ascending in
// a new slice with its capacity cut to its length, and clears their bits. It scans the
// words the nodes span when that is cheaper than sorting them.
func sortedRow(buf []int, in []uint64) []int {
	row := make([]int, len(buf))
	lo, hi := buf[0], buf[0]
	for _, v := range buf {
		lo, hi = min(lo, v), max(hi, v)
	}
	words := hi/64 - lo/64 + 1
	if words <= len(buf)*bits.Len(uint(len(buf))) {
		pos := 0
		for i := lo / 64; i <= hi/64; i++ {
			for word := in[i]; word != 0; word &= word - 1 {
				row[pos] = i*64 + bits.TrailingZeros64(word)
				pos++
			}
			in[i] = 0
		}
		return row
	}
	copy(row, buf)
	slices.Sort(row)
	for _, v := range buf {
		in[v/64] = 0
	}
	return row
}
