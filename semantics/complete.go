package semantics

import (
	"context"
	"errors"
	"slices"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// errInternal reports a SAT answer that the theory rules out, such as no complete
// extension at all. It would mean a bug in an encoding or in the SAT solver.
var errInternal = errors.New("semantics: internal error: the SAT solver found no model where one must exist")

// local returns the number of argument a in s, and whether s has it.
func (s *sub) local(a int) (int, bool) {
	return slices.BinarySearch(s.global, a)
}

// union returns the union of two disjoint sorted sets, sorted.
func union(a, b []int) Extension {
	u := make(Extension, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			u = append(u, a[i])
			i++
		} else {
			u = append(u, b[j])
			j++
		}
	}
	u = append(u, a[i:]...)
	return append(u, b[j:]...)
}

// enumComplete calls emit with every complete extension. The complete extensions are the
// grounded extension joined with each complete extension of the framework restricted to
// the arguments the grounded labelling leaves undecided; those are enumerated with a
// clause blocking each one found.
func enumComplete(ctx context.Context, f *Framework, emit func(Extension)) error {
	gl := f.Grounded()
	g := gl.In()
	s := restrict(f, undecided(gl))
	e := newComplete(ctx, s, false)
	var block []sat.Lit
	for {
		ok, err := e.solve()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		set := e.model()
		emit(union(g, s.toGlobal(set)))
		// Block exactly this extension: some argument of it out, or another in.
		block = block[:0]
		j := 0
		for a := range s.len() {
			if j < len(set) && set[j] == a {
				block = append(block, e.in(a).Not())
				j++
			} else {
				block = append(block, e.in(a))
			}
		}
		if len(block) == 0 {
			return nil // the empty framework: its one extension is found
		}
		e.sat.clause(block...)
	}
}

// credulousAdmissible decides whether a is in some admissible set (equivalently, some
// complete or preferred extension), and if so returns an admissible set containing it.
// Complete and preferred semantics are directional, so the question is answered on the
// part that matters: the arguments undecided in the grounded labelling gl that can
// reach a, which anc returns. The set found there is ⊆-maximal (the SAT solver prefers
// arguments in, which measurements showed to be no slower than a plain search), so
// joined with the grounded extension it is preferred in the part of the framework made
// of anc and the arguments gl decides, and admissible in the whole.
func credulousAdmissible(ctx context.Context, f *Framework, gl Labelling, a int) (ok bool, set []int, anc []bool, err error) {
	switch gl[a] {
	case In:
		return true, gl.In(), nil, nil
	case Out:
		return false, nil, nil, nil
	}
	anc = ancestors(f, undecided(gl), a)
	s := restrict(f, anc)
	la, _ := s.local(a)
	e := newAdmissible(ctx, s, false)
	ok, err = e.solveMax(e.in(la))
	if err != nil || !ok {
		return false, nil, nil, err
	}
	return true, union(gl.In(), s.toGlobal(e.model())), anc, nil
}
