package semantics

import (
	"context"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// stableProblem holds the stable encoding of a framework restricted to the arguments
// its grounded labelling leaves undecided: every stable extension is the grounded
// extension joined with a stable extension of that part.
type stableProblem struct {
	gl Labelling
	g  Extension // the grounded extension
	s  *sub
	e  *encoding
}

func newStableProblem(ctx context.Context, f *Framework) *stableProblem {
	gl := f.Grounded()
	s := restrict(f, undecided(gl))
	return &stableProblem{gl: gl, g: gl.In(), s: s, e: newStable(ctx, s)}
}

// find returns a stable extension satisfying the assumptions, or false if there is none.
func (p *stableProblem) find(assumptions ...sat.Lit) (Extension, bool, error) {
	ok, err := p.e.solve(assumptions...)
	if err != nil || !ok {
		return nil, false, err
	}
	return union(p.g, p.s.toGlobal(p.e.model())), true, nil
}

// enum calls emit with every stable extension. Stable extensions are pairwise
// incomparable, so to exclude one it is enough that the next one lacks one of its
// arguments or has one outside it; the shorter of the two clauses is added.
func (p *stableProblem) enum(emit func(Extension)) error {
	e := p.e
	var c []sat.Lit
	for {
		ok, err := e.solve()
		if err != nil || !ok {
			return err
		}
		set := e.model()
		emit(union(p.g, p.s.toGlobal(set)))
		if 2*len(set) <= p.s.len() {
			c = c[:0]
			for _, a := range set {
				c = append(c, e.in(a).Not())
			}
		} else {
			c = e.outside(c[:0], set)
		}
		if len(c) == 0 {
			return nil // the only stable extension (of an empty part)
		}
		e.sat.clause(c...)
	}
}

// credulous returns a stable extension containing a, or false.
func (p *stableProblem) credulous(a int) (Extension, bool, error) {
	switch p.gl[a] {
	case In:
		return p.find()
	case Out:
		return nil, false, nil
	}
	la, _ := p.s.local(a)
	return p.find(p.e.in(la))
}

// skeptical reports whether a is in every stable extension, and if not returns one
// without a. With no stable extension at all, a is skeptically accepted.
func (p *stableProblem) skeptical(a int) (bool, Extension, error) {
	var ext Extension
	var found bool
	var err error
	switch p.gl[a] {
	case In:
		return true, nil, nil
	case Out:
		ext, found, err = p.find()
	default:
		la, _ := p.s.local(a)
		ext, found, err = p.find(p.e.in(la).Not())
	}
	if err != nil {
		return false, nil, err
	}
	return !found, ext, nil
}
