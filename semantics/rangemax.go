package semantics

import (
	"context"
	"slices"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// rangeProblem finds the sets with ⊆-maximal range (the set and the arguments it
// attacks) among the complete extensions, for semi-stable semantics, or among the
// conflict-free sets, for stage semantics.
//
// For semi-stable semantics it works on the arguments the grounded labelling leaves
// undecided: the range of a complete extension is the range of the grounded extension
// joined with the range of its part among those, so maximal ranges correspond. The
// encoding there is that of the admissible sets: their maximal ranges are those of the
// complete extensions, and a set with a maximal range among them is complete (an
// argument it defends is not in its range, and would enlarge it). Stage extensions need
// not contain the grounded extension, so stage works on the whole framework.
//
// Ranges are maximised by counter-example guided search, as the ICCMA solvers μ-toksia
// and Crustabri do: from a model with range R, ask the SAT solver for a model whose
// range contains R (assumptions range(a) for a in R) and some argument outside it (a
// clause under an activation literal), until there is none. Each call keeps the clauses
// the solver learnt before, and what a call adds is retired after it. Between calls, the
// model is grown greedily (arguments that can join without shrinking the range), which
// saves calls.
//
// When the framework has a stable extension, the maximal range is everything and both
// semantics coincide with stable semantics. Finding a stable extension in the stable
// encoding can be much faster than growing a range to everything, and proving that there
// is none much slower than finding a maximal range that is not everything, so the first
// maximal range is looked for by both searches at once, on one processor: turn by turn,
// each with a budget of conflicts that doubles every round, until one of them answers.
// That costs at most about twice the faster of the two. The stable search waits for the
// growth's first yes (see maximal).
type rangeProblem struct {
	stage  bool
	budget int64     // the conflict budget of the first turns in maximal
	base   Extension // joined to every set found: the grounded extension, or nothing
	gl     Labelling // the grounded labelling, for semi-stable; nil for stage
	s      *sub
	e      *encoding

	// sp is the stable problem while a stable extension may exist; with stable, it is
	// known to exist, and stableExt is one.
	sp        *stableProblem
	stable    bool
	stableExt Extension

	// first is a set with a maximal range, and firstRange that range, once found when
	// there is no stable extension.
	first      []int
	firstRange []bool
	found      bool

	// Scratch space of complete and growth.
	inSet, inRange []bool
	live           []int32
	queue          []int32
	assume, c      []sat.Lit
}

func newRangeProblem(ctx context.Context, f *Framework, sem Semantics) *rangeProblem {
	p := &rangeProblem{stage: sem == Stage, budget: firstBudget, sp: newStableProblem(ctx, f)}
	if sem == SemiStable {
		p.gl = p.sp.gl
		p.base = p.gl.In()
		p.s = p.sp.s
		p.e = newAdmissible(ctx, p.s, true)
	} else {
		keep := make([]bool, f.Len())
		for a := range keep {
			keep[a] = true
		}
		p.s = restrict(f, keep)
		p.e = newConflictFree(ctx, p.s)
	}
	m := p.s.len()
	p.inSet, p.inRange = make([]bool, m), make([]bool, m)
	if !p.stage {
		p.live = make([]int32, m)
	}
	return p
}

func (p *rangeProblem) global(local []int) Extension {
	return union(p.base, p.s.toGlobal(local))
}

// full reports whether rng holds every argument.
func full(rng []bool) bool {
	for _, r := range rng {
		if !r {
			return false
		}
	}
	return true
}

// firstBudget is the conflict budget of the first turn of each search in maximal.
const firstBudget = 500

// maximal finds a first set with maximal range: a stable extension (p.stable), or a
// set and its range that is not everything (p.first, p.firstRange). See rangeProblem.
func (p *rangeProblem) maximal() error {
	if p.found || p.stable {
		return nil
	}
	// A stage extension need not contain the grounded extension, but the grounded
	// extension is conflict-free, and a good start: its range is everything the
	// grounded labelling decides.
	var start []int
	if p.stage {
		start = slices.Clone(p.sp.g)
	}
	g := p.newGrowth(nil, start, -1)
	for budget := p.budget; ; budget *= 2 {
		// The stable search joins once the growth has found a range beyond its start.
		// Until then the growth asks whether there is a larger range at all, which
		// every stable extension answers yes: a no settles both searches, and a stable
		// search beside it would only add its own proof to the cost. On dense
		// frameworks that no is common (no admissible set but the empty one) and
		// the stable search was a fifth to a third of the time.
		if p.sp != nil && g.grew {
			st, err := p.sp.e.sat.solveLimited(budget)
			switch {
			case err != nil:
				return err
			case st == sat.Satisfiable:
				p.stable = true
				p.stableExt = union(p.sp.g, p.sp.s.toGlobal(p.sp.e.model()))
				return nil
			case st == sat.Unsatisfiable:
				p.sp = nil
			}
		}
		done, err := g.run(budget)
		if err != nil {
			return err
		}
		if !done {
			continue
		}
		if full(g.rng) {
			if p.sp == nil {
				return errInternal // a full range, but no stable extension
			}
			p.stable, p.stableExt = true, p.global(g.set)
			return nil
		}
		p.first, p.firstRange, p.found = g.set, g.rng, true
		p.sp = nil // there is no stable extension
		return nil
	}
}

// some returns one set with maximal range.
func (p *rangeProblem) some() (Extension, error) {
	if err := p.maximal(); err != nil {
		return nil, err
	}
	if p.stable {
		return p.stableExt, nil
	}
	return p.global(p.first), nil
}

// growth is a search for a model with a ⊆-maximal range among those satisfying some
// assumptions, starting from one of them, and keeping to models whose range contains
// the range of the last one. It runs in turns, each with a budget of conflicts.
//
// Clauses of the caller's that a range satisfies are satisfied by its supersets too, so
// the search stays among the models satisfying them.
type growth struct {
	p      *rangeProblem
	assume []sat.Lit
	forbid int // an argument the assumptions keep out, which the greedy step must not add; -1 for none
	set    []int
	rng    []bool
	grew   bool    // whether the range grew at all
	act    sat.Lit // the activation literal of the question under way; -1 for none
	done   bool
}

// newGrowth starts a growth from set, a model satisfying the assumptions.
func (p *rangeProblem) newGrowth(assume []sat.Lit, set []int, forbid int) *growth {
	g := &growth{p: p, assume: assume, forbid: forbid, act: -1}
	n0 := len(set)
	g.set = p.complete(set, forbid)
	g.grew = len(g.set) > n0
	g.rng = p.rangeOf(g.set)
	return g
}

// run goes on with the search for at most budget conflicts (no limit if negative), and
// reports whether it is done: then g.set has a maximal range, g.rng.
func (g *growth) run(budget int64) (bool, error) {
	p, e := g.p, g.p.e
	start := e.sat.conflicts()
	for !g.done {
		if g.act < 0 {
			p.c = e.beyondRange(p.c[:0], g.rng)
			if len(p.c) == 0 {
				g.done = true
				break
			}
			g.act = e.sat.newAct()
			e.sat.guarded(g.act, p.c)
		}
		left := int64(-1)
		if budget >= 0 {
			if left = budget - (e.sat.conflicts() - start); left <= 0 {
				return false, nil
			}
		}
		p.assume = append(append(p.assume[:0], g.assume...), g.act)
		p.assume = p.withRange(p.assume, g.rng)
		st, err := e.sat.solveLimited(left, p.assume...)
		if err != nil {
			return false, err
		}
		if st == sat.Unknown {
			return false, nil
		}
		e.sat.retire(g.act)
		g.act = -1
		if st == sat.Unsatisfiable {
			g.done = true
			break
		}
		g.set = p.complete(e.model(), g.forbid)
		g.rng = p.rangeOf(g.set)
		g.grew = true
	}
	return true, nil
}

// grow returns a model with a ⊆-maximal range among those satisfying the assumptions,
// grown from set, one of them, with its range; grew says whether the range grew at all.
func (p *rangeProblem) grow(assume []sat.Lit, set []int, forbid int) (_ []int, _ []bool, grew bool, err error) {
	g := p.newGrowth(assume, set, forbid)
	if _, err := g.run(-1); err != nil {
		return nil, nil, false, err
	}
	return g.set, g.rng, g.grew, nil
}

// complete adds to set, greedily, arguments outside its range that can join it: for
// stage, those that attack no member of it (nor themselves); for semi-stable, those it
// defends. Either way the result is of the encoding's kind again, and its range strictly
// larger for each argument added. forbid is never added.
func (p *rangeProblem) complete(set []int, forbid int) []int {
	s := p.s
	inSet, inRange := p.inSet, p.inRange
	clear(inSet)
	clear(inRange)
	for _, a := range set {
		inSet[a] = true
		inRange[a] = true
		for _, b := range s.attacksOf(a) {
			inRange[b] = true
		}
	}
	added := false
	if p.stage {
	next:
		for x := range s.len() {
			if inRange[x] || x == forbid {
				continue
			}
			for _, b := range s.attacksOf(x) {
				if inSet[b] || int(b) == x {
					continue next
				}
			}
			inSet[x], inRange[x], added = true, true, true
			for _, b := range s.attacksOf(x) {
				inRange[b] = true
			}
		}
	} else {
		// live[x]: the attackers of x not attacked by the set. An argument whose
		// attackers are all attacked is defended, and cannot be attacked by the set
		// (which would then attack one of its own members).
		live, queue := p.live, p.queue[:0]
		for x := range s.len() {
			k := int32(0)
			for _, b := range s.attackersOf(x) {
				if !inRange[b] || inSet[b] {
					k++
				}
			}
			live[x] = k
			if k == 0 && !inRange[x] && x != forbid {
				queue = append(queue, int32(x))
			}
		}
		for len(queue) > 0 {
			x := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			if inSet[x] || inRange[x] {
				continue
			}
			inSet[x], inRange[x], added = true, true, true
			for _, y := range s.attacksOf(int(x)) {
				if inRange[y] {
					continue
				}
				inRange[y] = true
				for _, z := range s.attacksOf(int(y)) {
					live[z]--
					if live[z] == 0 && !inRange[z] && int(z) != forbid {
						queue = append(queue, z)
					}
				}
			}
		}
		p.queue = queue
	}
	if !added {
		return set
	}
	out := make([]int, 0, len(set)+1)
	for x, in := range inSet {
		if in {
			out = append(out, x)
		}
	}
	return out
}

// rangeOf returns the range of set in the sub.
func (p *rangeProblem) rangeOf(set []int) []bool {
	rng := make([]bool, p.s.len())
	for _, a := range set {
		rng[a] = true
		for _, b := range p.s.attacksOf(a) {
			rng[b] = true
		}
	}
	return rng
}

// withRange appends to dst the assumptions range(a) for the arguments a of rng: for a
// maximal range, they say that the range is rng.
func (p *rangeProblem) withRange(dst []sat.Lit, rng []bool) []sat.Lit {
	for a, r := range rng {
		if r {
			dst = append(dst, p.e.rng(a))
		}
	}
	return dst
}

// enum calls emit with every set with maximal range. Each round takes a maximal range R,
// enumerates all sets whose range is R (such sets are pairwise incomparable, so
// excluding one takes a short clause), and excludes for good the ranges contained in R;
// then it grows a model of what is left to the next maximal range.
func (p *rangeProblem) enum(emit func(Extension)) error {
	if err := p.maximal(); err != nil {
		return err
	}
	if p.stable {
		return p.sp.enum(emit)
	}
	e := p.e
	rng := p.firstRange
	var c []sat.Lit
	for {
		if err := p.enumRange(rng, emit); err != nil {
			return err
		}
		c = e.beyondRange(c[:0], rng)
		e.sat.clause(c...)
		ok, err := e.solve()
		if err != nil || !ok {
			return err
		}
		if _, rng, _, err = p.grow(nil, e.model(), -1); err != nil {
			return err
		}
	}
}

// enumRange calls emit with every set whose range is exactly rng, a maximal range.
func (p *rangeProblem) enumRange(rng []bool, emit func(Extension)) error {
	e := p.e
	act := e.sat.newAct()
	defer e.sat.retire(act)
	assume := p.withRange([]sat.Lit{act}, rng)
	var c []sat.Lit
	for {
		ok, err := e.solve(assume...)
		if err != nil || !ok {
			return err
		}
		set := e.model()
		emit(p.global(set))
		// Exclude set: one of its arguments is not in, or one outside it but in the
		// range is; sets with the same range are incomparable.
		c = c[:0]
		for _, a := range set {
			c = append(c, e.in(a).Not())
		}
		if alt := rangeOutside(e, rng, set); len(c) == 0 || (len(alt) > 0 && len(alt) < len(c)) {
			c = alt
		}
		if len(c) == 0 {
			return nil // the empty set, the only one with an empty range
		}
		e.sat.guarded(act, c)
	}
}

// rangeOutside returns in(a) for the arguments a in rng but not in set.
func rangeOutside(e *encoding, rng []bool, set []int) []sat.Lit {
	var c []sat.Lit
	j := 0
	for a, r := range rng {
		if j < len(set) && set[j] == a {
			j++
			continue
		}
		if r {
			c = append(c, e.in(a))
		}
	}
	return c
}

// accepted decides credulous (want true) or skeptical (want false) acceptance of la,
// local, when there is no stable extension: it looks for a set with maximal range that
// contains la (want true) or lacks it (want false), and returns it if there is one.
//
// It starts from the first maximal range R0 found: if a set with range R0 will do, it
// is the answer. Otherwise the ranges contained in R0 are excluded, and each round grows
// a model with la (without la) whose range is contained in none of the ranges excluded
// so far to a range R maximal among such models. If no model at all has a range
// strictly containing R, R is maximal and the model is the answer. Otherwise that larger
// range is grown to a maximal range R2, which no model with la (without la) has, as R
// was maximal among those; the ranges contained in R2 are excluded, and the loop goes
// on. Every round excludes a new maximal range, so it ends.
func (p *rangeProblem) accepted(la int, want bool) (Extension, bool, error) {
	e := p.e
	lit, forbid := e.in(la), -1
	if !want {
		lit, forbid = lit.Not(), la
	}
	if inSet(p.first, la) == want {
		return p.global(p.first), true, nil
	}
	ok, err := e.solve(p.withRange([]sat.Lit{lit}, p.firstRange)...)
	if err != nil {
		return nil, false, err
	}
	if ok {
		return p.global(e.model()), true, nil
	}
	// The exclusions are guarded by block, so that the search for a larger range
	// (without lit) is not restricted by them.
	block := e.sat.newAct()
	defer e.sat.retire(block)
	var c []sat.Lit
	e.sat.guarded(block, e.beyondRange(c[:0], p.firstRange))
	constrained := []sat.Lit{block, lit}
	for {
		ok, err := e.solve(constrained...)
		if err != nil || !ok {
			return nil, false, err
		}
		set, _, _, err := p.grow(constrained, e.model(), forbid)
		if err != nil {
			return nil, false, err
		}
		_, rng2, grew, err := p.grow(nil, set, -1)
		if err != nil {
			return nil, false, err
		}
		if !grew {
			return p.global(set), true, nil
		}
		if full(rng2) {
			return nil, false, errInternal // a full range, but no stable extension
		}
		e.sat.guarded(block, e.beyondRange(c[:0], rng2))
	}
}

// inSet reports whether a is in the sorted set.
func inSet(set []int, a int) bool {
	for _, x := range set {
		if x >= a {
			return x == a
		}
	}
	return false
}

// credulous returns a set with maximal range containing a, or false.
func (p *rangeProblem) credulous(a int) (Extension, bool, error) {
	if p.gl != nil {
		switch p.gl[a] {
		case In:
			ext, err := p.some()
			return ext, err == nil, err
		case Out:
			return nil, false, nil
		}
	}
	if err := p.maximal(); err != nil {
		return nil, false, err
	}
	if p.stable {
		return p.sp.credulous(a)
	}
	la, _ := p.s.local(a)
	return p.accepted(la, true)
}

// skeptical reports whether a is in every set with maximal range, and if not returns
// one without a.
func (p *rangeProblem) skeptical(a int) (bool, Extension, error) {
	if p.gl != nil {
		switch p.gl[a] {
		case In:
			return true, nil, nil
		case Out:
			ext, err := p.some()
			return false, ext, err
		}
	}
	if err := p.maximal(); err != nil {
		return false, nil, err
	}
	if p.stable {
		return p.sp.skeptical(a)
	}
	la, _ := p.s.local(a)
	ext, found, err := p.accepted(la, false)
	if err != nil {
		return false, nil, err
	}
	return !found, ext, nil
}
