package semantics

import (
	"context"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// enumPreferred calls emit with every preferred extension: the grounded extension joined
// with each preferred extension of the framework restricted to the arguments the
// grounded labelling leaves undecided. Each round finds a complete extension contained
// in none of the preferred extensions found so far, maximises it, and adds a clause
// excluding the subsets of the result.
func enumPreferred(ctx context.Context, f *Framework, emit func(Extension)) error {
	gl := f.Grounded()
	g := gl.In()
	s := restrict(f, undecided(gl))
	e := newAdmissible(ctx, s, false)
	for {
		ok, err := e.solveMax()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		p := e.model()
		emit(union(g, s.toGlobal(p)))
		if !e.blockSubsets(p) {
			return nil // p holds every argument: there is no other
		}
	}
}

// skepticalPreferred decides whether a is in every preferred extension, and if not
// returns a preferred extension without it.
//
// Preferred semantics is directional, so the search runs on the arguments undecided in
// the grounded labelling that can reach a. It is a CEGAR loop:
//
//  1. Find a complete extension E without a, contained in no preferred extension found
//     so far (all of which contain a). If there is none, a is skeptically accepted.
//  2. Maximise E among the complete extensions without a, giving E'.
//  3. Ask for a complete extension containing E' and a. If there is none, no complete
//     extension strictly contains E' (it would have to contain a), so E' is a
//     preferred extension without a: the counter-example.
//  4. Otherwise maximise that extension to a preferred extension P, which contains a,
//     exclude the subsets of P from the search of step 1, and repeat.
//
// Every round finds a new P, so the loop ends.
func skepticalPreferred(ctx context.Context, f *Framework, gl Labelling, a int) (bool, Extension, error) {
	switch gl[a] {
	case In:
		return true, nil, nil
	case Out:
		p, err := extendPreferred(ctx, f, nil, nil)
		return false, p, err
	}
	anc := ancestors(f, undecided(gl), a)
	s := restrict(f, anc)
	la, _ := s.local(a)
	e := newAdmissible(ctx, s, false)
	// A preferred extension that attacks a is a counter-example, and the ⊆-maximal
	// admissible sets among those attacking a are preferred (their supersets attack a
	// too), so one call finds one if there is one.
	ok, err := e.solveMax(e.out(la))
	if err != nil {
		return false, nil, err
	}
	if ok {
		p, err := extendPreferred(ctx, f, union(gl.In(), s.toGlobal(e.model())), anc)
		return false, p, err
	}
	without := []sat.Lit{e.in(la).Not()}
	var assume []sat.Lit
	for {
		ok, err := e.solveMax(without...)
		if err != nil {
			return false, nil, err
		}
		if !ok {
			return true, nil, nil
		}
		ePrime := e.model()
		assume = e.inLits(append(assume[:0], e.in(la)), ePrime)
		ok, err = e.solveMax(assume...)
		if err != nil {
			return false, nil, err
		}
		if !ok {
			// ePrime is preferred in the part that reaches a; extend it to the whole
			// framework, where a stays out of it by directionality.
			p, err := extendPreferred(ctx, f, union(gl.In(), s.toGlobal(ePrime)), anc)
			return false, p, err
		}
		if !e.blockSubsets(e.model()) {
			return true, nil, nil // p holds every argument: it is the only preferred one
		}
	}
}
