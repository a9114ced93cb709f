package semantics

import (
	"context"
)

// ideal returns the ideal extension of the framework restricted to the arguments with
// keep, which must be undecided in the grounded labelling gl and unattacked by the other
// undecided arguments (all of them, or those that can reach some argument), joined with
// the grounded extension.
//
// The ideal extension is the largest admissible set contained in every preferred
// extension. Such a set holds only credulously accepted arguments that no credulously
// accepted argument attacks, and conversely every admissible set of those arguments is
// inside every preferred extension (Dunne 2009). So:
//
//  1. find the credulously accepted arguments: each SAT call asks for a complete
//     extension with some argument not yet known to be accepted, and marks all its
//     arguments accepted, until there is none;
//  2. keep those accepted arguments no accepted argument attacks;
//  3. shrink that set to its largest admissible subset by a fixpoint: an argument goes
//     when one of its attackers is no longer attacked by the set.
//
// Steps 2 and 3 take linear time.
func ideal(ctx context.Context, f *Framework, gl Labelling, keep []bool) (Extension, error) {
	s := restrict(f, keep)
	m := s.len()
	e := newAdmissible(ctx, s, false)
	accepted := make([]bool, m)
	var c []int
	for {
		c = c[:0]
		for a, acc := range accepted {
			if !acc {
				c = append(c, a)
			}
		}
		if len(c) == 0 {
			break
		}
		act := e.sat.newAct()
		e.sat.guarded(act, e.inLits(nil, c))
		ok, err := e.solveMax(act)
		e.sat.retire(act)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		grew := false
		for _, a := range e.model() {
			grew = grew || !accepted[a]
			accepted[a] = true
		}
		if !grew {
			return nil, errInternal
		}
	}

	// inX: the candidates; defenders[y]: how many members of the set attack y, for the
	// attackers y of members.
	inX := make([]bool, m)
	for a := range m {
		if !accepted[a] {
			continue
		}
		inX[a] = true
		for _, b := range s.attackersOf(a) {
			if accepted[b] {
				inX[a] = false
				break
			}
		}
	}
	defenders := make([]int32, m)
	for a := range m {
		if inX[a] {
			for _, y := range s.attacksOf(a) {
				defenders[y]++
			}
		}
	}
	var queue []int32
	remove := func(a int32) {
		if inX[a] {
			inX[a] = false
			queue = append(queue, a)
		}
	}
	for a := range m {
		if !inX[a] {
			continue
		}
		for _, y := range s.attackersOf(a) {
			if defenders[y] == 0 {
				remove(int32(a))
				break
			}
		}
	}
	for len(queue) > 0 {
		a := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, y := range s.attacksOf(int(a)) {
			defenders[y]--
			if defenders[y] == 0 {
				for _, b := range s.attacksOf(int(y)) {
					remove(b)
				}
			}
		}
	}
	var set []int
	for a, x := range inX {
		if x {
			set = append(set, a)
		}
	}
	return union(gl.In(), s.toGlobal(set)), nil
}

// idealExtension returns the ideal extension of f.
func idealExtension(ctx context.Context, f *Framework) (Extension, error) {
	gl := f.Grounded()
	return ideal(ctx, f, gl, undecided(gl))
}
