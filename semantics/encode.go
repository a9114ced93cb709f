package semantics

import (
	"context"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// encoding is a SAT encoding of a sub whose models are sets of arguments of some kind
// (complete extensions, stable extensions, conflict-free sets), with a variable in(a)
// for each argument and, in some encodings, out(a) and range(a).
//
// Variable numbers: with the labelling encodings (stride 2), in(a) is 2a and out(a)
// 2a+1; with the one-variable encodings (stride 1), in(a) is a. range(a), where there
// is one, comes after those: rangeBase+a.
type encoding struct {
	sat       *satSolver
	s         *sub
	stride    int // 2: in and out variables; 1: in only
	rangeBase int // range(a) is sat.Var(rangeBase+a); -1 for none
	preferred int // what the solver prefers: preferNothing or preferIn
	buf       []sat.Lit
}

func (e *encoding) in(a int) sat.Lit  { return sat.Var(e.stride * a).Pos() }
func (e *encoding) out(a int) sat.Lit { return sat.Var(2*a + 1).Pos() }
func (e *encoding) rng(a int) sat.Lit { return sat.Var(e.rangeBase + a).Pos() }

// newComplete returns the labelling encoding of the complete extensions of s, with
// range variables if withRange. For each argument a with attackers B:
//
//	¬in(a) ∨ ¬out(a)
//	¬in(a) ∨ out(b)        for b in B   (an argument in has all attackers out)
//	¬in(b) ∨ out(a)        for b in B   (an argument attacked by one in is out)
//	¬out(a) ∨ ⋁ in(b)                   (an argument out has an attacker in)
//	in(a) ∨ ⋁ ¬out(b)                   (an argument whose attackers are all out is in)
//	range(a) ↔ in(a) ∨ out(a)           (if withRange)
//
// The first four say that the in arguments are an admissible set and the out arguments
// exactly those it attacks; the fifth makes it complete.
func newComplete(ctx context.Context, s *sub, withRange bool) *encoding {
	return newLabelling(ctx, s, true, withRange)
}

// newAdmissible is newComplete without the clause that makes the set complete: its
// models are the admissible sets.
func newAdmissible(ctx context.Context, s *sub, withRange bool) *encoding {
	return newLabelling(ctx, s, false, withRange)
}

func newLabelling(ctx context.Context, s *sub, complete, withRange bool) *encoding {
	m := s.len()
	e := &encoding{s: s, stride: 2, rangeBase: -1}
	vars, clauses := 2*m, 3*m+2*len(s.attackers)
	if withRange {
		e.rangeBase = 2 * m
		vars += m
		clauses += 3 * m
	}
	e.sat = newSATSolver(ctx, vars, clauses)
	for a := range m {
		in, out := e.in(a), e.out(a)
		att := s.attackersOf(a)
		e.sat.clause(in.Not(), out.Not())
		for _, b := range att {
			e.sat.clause(in.Not(), e.out(int(b)))
			e.sat.clause(e.in(int(b)).Not(), out)
		}
		c := append(e.buf[:0], out.Not())
		for _, b := range att {
			c = append(c, e.in(int(b)))
		}
		e.sat.clause(c...)
		if complete {
			c = append(c[:0], in)
			for _, b := range att {
				c = append(c, e.out(int(b)).Not())
			}
			e.sat.clause(c...)
		}
		e.buf = c
		if withRange {
			r := e.rng(a)
			e.sat.clause(r.Not(), in, out)
			e.sat.clause(r, in.Not())
			e.sat.clause(r, out.Not())
		}
	}
	return e
}

// newStable returns the encoding of the stable extensions of s, one variable per
// argument: for each argument a with attackers B,
//
//	¬in(a) ∨ ¬in(b)   for b in B   (conflict-free)
//	in(a) ∨ ⋁ in(b)                (a is in or attacked)
func newStable(ctx context.Context, s *sub) *encoding {
	if stableOut {
		return newStableOut(ctx, s)
	}
	m := s.len()
	e := &encoding{s: s, stride: 1, rangeBase: -1}
	e.sat = newSATSolver(ctx, m, m+len(s.attackers))
	for a := range m {
		e.conflictFree(a)
		c := append(e.buf[:0], e.in(a))
		for _, b := range s.attackersOf(a) {
			c = append(c, e.in(int(b)))
		}
		e.sat.clause(c...)
		e.buf = c
	}
	return e
}

const stableOut = true

func newStableOut(ctx context.Context, s *sub) *encoding {
	m := s.len()
	e := &encoding{s: s, stride: 2, rangeBase: -1}
	e.sat = newSATSolver(ctx, 2*m, 0)
	for a := range m {
		in, out := e.in(a), e.out(a)
		e.conflictFree(a)
		e.sat.clause(in, out)
		c := append(e.buf[:0], out.Not())
		for _, b := range s.attackersOf(a) {
			c = append(c, e.in(int(b)))
			e.sat.clause(e.in(int(b)).Not(), out)
		}
		e.sat.clause(c...)
		e.buf = c
	}
	return e
}

// newConflictFree returns the encoding of the conflict-free sets of s with their
// ranges: for each argument a with attackers B,
//
//	¬in(a) ∨ ¬in(b)                for b in B
//	range(a) ↔ in(a) ∨ ⋁ in(b)
func newConflictFree(ctx context.Context, s *sub) *encoding {
	m := s.len()
	e := &encoding{s: s, stride: 1, rangeBase: m}
	e.sat = newSATSolver(ctx, 2*m, 2*m+2*len(s.attackers))
	for a := range m {
		e.conflictFree(a)
		r, in := e.rng(a), e.in(a)
		c := append(e.buf[:0], r.Not(), in)
		e.sat.clause(r, in.Not())
		for _, b := range s.attackersOf(a) {
			c = append(c, e.in(int(b)))
			e.sat.clause(r, e.in(int(b)).Not())
		}
		e.sat.clause(c...)
		e.buf = c
	}
	return e
}

// conflictFree adds ¬in(a) ∨ ¬in(b) for every attacker b of a (¬in(a) for a self-attack).
func (e *encoding) conflictFree(a int) {
	in := e.in(a)
	for _, b := range e.s.attackersOf(a) {
		if int(b) == a {
			e.sat.clause(in.Not())
		} else {
			e.sat.clause(in.Not(), e.in(int(b)).Not())
		}
	}
}

// solve solves under the assumptions.
func (e *encoding) solve(assumptions ...sat.Lit) (bool, error) {
	return e.sat.solve(assumptions...)
}

// model returns the arguments in, in the model of the last satisfiable solve.
func (e *encoding) model() []int {
	var set []int
	for a := range e.s.len() {
		if e.sat.value(e.in(a)) {
			set = append(set, a)
		}
	}
	return set
}

// inLits returns in(a) for each a of set (appended to dst).
func (e *encoding) inLits(dst []sat.Lit, set []int) []sat.Lit {
	for _, a := range set {
		dst = append(dst, e.in(a))
	}
	return dst
}

// blockSubsets adds the clause excluding every subset of set: some argument outside set
// is in. It returns false, adding nothing, if set holds every argument, as then the
// clause would be empty.
func (e *encoding) blockSubsets(set []int) bool {
	c := e.outside(e.buf[:0], set)
	e.buf = c
	if len(c) == 0 {
		return false
	}
	e.sat.clause(c...)
	return true
}

// outside appends in(a) for each argument a not in set (sorted) to dst.
func (e *encoding) outside(dst []sat.Lit, set []int) []sat.Lit {
	j := 0
	for a := range e.s.len() {
		if j < len(set) && set[j] == a {
			j++
			continue
		}
		dst = append(dst, e.in(a))
	}
	return dst
}

// solveMax solves under the assumptions and, if satisfiable, leaves a model whose in set
// is ⊆-maximal among the models satisfying the assumptions (and the clauses).
func (e *encoding) solveMax(assumptions ...sat.Lit) (bool, error) {
	e.prefer(preferIn, e.in)
	return e.solve(assumptions...)
}

// What the solver prefers to make true: the values of encoding.preferred.
const (
	preferNothing = iota
	preferIn
)

// prefer makes the solver prefer lit(a) for every argument a, unless it already does.
func (e *encoding) prefer(what int, lit func(a int) sat.Lit) {
	if e.preferred == what {
		return
	}
	lits := make([]sat.Lit, e.s.len())
	for a := range lits {
		lits[a] = lit(a)
	}
	e.sat.s.Prefer(lits)
	e.preferred = what
}

// beyondRange appends range(a) for every a not in rng: the clause asking for a range
// not contained in rng.
func (e *encoding) beyondRange(dst []sat.Lit, rng []bool) []sat.Lit {
	for a, r := range rng {
		if !r {
			dst = append(dst, e.rng(a))
		}
	}
	return dst
}
