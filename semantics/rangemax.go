package semantics

import (
	"context"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// rangeProblem finds the sets with ⊆-maximal range (the set and the arguments it
// attacks) among the complete extensions, for semi-stable semantics, or among the
// conflict-free sets, for stage semantics.
//
// For semi-stable semantics it works on the arguments the grounded labelling leaves
// undecided: the range of a complete extension is the range of the grounded extension
// joined with the range of its part among those, so maximal ranges correspond. Stage
// extensions need not contain the grounded extension, so stage works on the whole
// framework.
//
// When the framework has a stable extension, the maximal range is everything and both
// semantics coincide with stable semantics; every method starts by asking for that.
type rangeProblem struct {
	gl   Labelling // the grounded labelling, for semi-stable; nil for stage
	base Extension // joined to every set found: the grounded extension, or nothing
	s    *sub
	e    *encoding

	stableKnown, hasStable bool
}

func newRangeProblem(ctx context.Context, f *Framework, sem Semantics) *rangeProblem {
	p := &rangeProblem{}
	if sem == SemiStable {
		p.gl = f.Grounded()
		p.base = p.gl.In()
		p.s = restrict(f, undecided(p.gl))
		p.e = newAdmissible(ctx, p.s, true)
	} else {
		keep := make([]bool, f.Len())
		for a := range keep {
			keep[a] = true
		}
		p.s = restrict(f, keep)
		p.e = newConflictFree(ctx, p.s)
	}
	return p
}

func (p *rangeProblem) global(local []int) Extension {
	return union(p.base, p.s.toGlobal(local))
}

// full returns a range holding every argument.
func (p *rangeProblem) full() []bool {
	r := make([]bool, p.s.len())
	for a := range r {
		r[a] = true
	}
	return r
}

// stable reports whether some set has full range, that is, whether the framework has a
// stable extension; if so, the last model is one.
func (p *rangeProblem) stable() (bool, error) {
	if p.stableKnown && !p.hasStable {
		return false, nil
	}
	ok, err := p.e.solve(p.e.rangeLits(nil, p.full())...)
	if err != nil {
		return false, err
	}
	p.stableKnown, p.hasStable = true, ok
	return ok, nil
}

// some returns one set with maximal range.
func (p *rangeProblem) some() (Extension, error) {
	st, err := p.stable()
	if err != nil {
		return nil, err
	}
	if st {
		return p.global(p.e.model()), nil
	}
	ok, err := p.e.solveMaxRange()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errInternal
	}
	return p.global(p.e.model()), nil
}

// enum calls emit with every set with maximal range. Each round finds a model whose
// range is contained in no maximal range found so far, maximises its range to R, then
// enumerates all sets whose range is exactly R (such sets are pairwise incomparable, so
// excluding one takes a short clause), and excludes the ranges contained in R.
func (p *rangeProblem) enum(emit func(Extension)) error {
	e := p.e
	st, err := p.stable()
	if err != nil {
		return err
	}
	if st {
		return p.enumRange(p.full(), emit)
	}
	var c []sat.Lit
	for {
		ok, err := e.solveMaxRange()
		if err != nil || !ok {
			return err
		}
		rng := e.rangeModel()
		if err := p.enumRange(rng, emit); err != nil {
			return err
		}
		c = e.beyondRange(c[:0], rng)
		if len(c) == 0 {
			return nil
		}
		e.sat.clause(c...)
	}
}

// enumRange calls emit with every set whose range is exactly rng.
func (p *rangeProblem) enumRange(rng []bool, emit func(Extension)) error {
	e := p.e
	act := e.sat.newAct()
	defer e.sat.retire(act)
	assume := e.rangeLits([]sat.Lit{act}, rng)
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

// accepted decides credulous (want true) or skeptical (want false) acceptance of a: it
// looks for a set with maximal range that contains a (want true) or lacks it (want
// false), and returns it if there is one.
//
// Each round finds a model with a (or without it) whose range is contained in none of
// the ranges excluded so far, and maximises its range among such models, giving R. If no
// model at all has a range strictly containing R, R is maximal and the model is the
// answer. Otherwise that range is maximised to a maximal range R2, which no model with
// a (without a) has, as R was maximal among those; the ranges contained in R2 are
// excluded from the search, and the loop goes on. Every round excludes a new maximal
// range, so it ends.
func (p *rangeProblem) accepted(la int, want bool) (Extension, bool, error) {
	e := p.e
	lit := e.in(la)
	if !want {
		lit = lit.Not()
	}
	st, err := p.stable()
	if err != nil {
		return nil, false, err
	}
	if st {
		ok, err := e.solve(e.rangeLits([]sat.Lit{lit}, p.full())...)
		if err != nil || !ok {
			return nil, false, err
		}
		return p.global(e.model()), true, nil
	}
	// The exclusions of rounds are guarded by block, so that the check for a larger
	// range is not restricted by them.
	block := e.sat.newAct()
	defer e.sat.retire(block)
	var assume, c []sat.Lit
	for {
		ok, err := e.solveMaxRange(block, lit)
		if err != nil || !ok {
			return nil, false, err
		}
		set, rng := e.model(), e.rangeModel()
		c = e.beyondRange(c[:0], rng)
		if len(c) == 0 {
			return p.global(set), true, nil
		}
		act := e.sat.newAct()
		e.sat.guarded(act, c)
		assume = append(assume[:0], act)
		for a, r := range rng {
			if r {
				assume = append(assume, e.rng(a))
			}
		}
		ok, err = e.solveMaxRange(assume...)
		e.sat.retire(act)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return p.global(set), true, nil
		}
		c = e.beyondRange(c[:0], e.rangeModel())
		if len(c) == 0 {
			return nil, false, errInternal // a full range, but there is no stable extension
		}
		e.sat.guarded(block, c)
	}
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
	la, _ := p.s.local(a)
	ext, found, err := p.accepted(la, false)
	if err != nil {
		return false, nil, err
	}
	return !found, ext, nil
}
