package semantics

// sub is a framework restricted to some of the arguments of a Framework, renumbered
// 0..len(global)-1 in ascending order of their numbers in the Framework. The SAT
// encodings are built on subs, so that arguments settled beforehand (by the grounded
// labelling, say) cost nothing.
type sub struct {
	global []int // local argument -> argument of the Framework

	// Compressed sparse rows, as in Framework, in local numbers.
	attackersAt, attackers []int32
	attacksAt, attacks     []int32
}

func (s *sub) len() int { return len(s.global) }

func (s *sub) attackersOf(a int) []int32 {
	return s.attackers[s.attackersAt[a]:s.attackersAt[a+1]]
}

func (s *sub) attacksOf(a int) []int32 {
	return s.attacks[s.attacksAt[a]:s.attacksAt[a+1]]
}

// toGlobal returns the Framework's numbers of the local arguments in local, ascending.
func (s *sub) toGlobal(local []int) []int {
	g := make([]int, len(local))
	for i, a := range local {
		g[i] = s.global[a]
	}
	return g
}

// restrict returns f restricted to the arguments a with keep[a], keeping the attacks
// between them. It takes time linear in the kept arguments and their attacks, plus
// O(f.Len()) for the renumbering table.
func restrict(f *Framework, keep []bool) *sub {
	local := make([]int32, f.n)
	s := &sub{}
	for a, k := range keep {
		if k {
			local[a] = int32(len(s.global))
			s.global = append(s.global, a)
		} else {
			local[a] = -1
		}
	}
	m := len(s.global)
	s.attackersAt = make([]int32, m+1)
	s.attacksAt = make([]int32, m+1)
	for i, a := range s.global {
		for _, b := range f.Attackers(a) {
			if lb := local[b]; lb >= 0 {
				s.attackers = append(s.attackers, lb)
			}
		}
		s.attackersAt[i+1] = int32(len(s.attackers))
		for _, b := range f.Attacks(a) {
			if lb := local[b]; lb >= 0 {
				s.attacks = append(s.attacks, lb)
			}
		}
		s.attacksAt[i+1] = int32(len(s.attacks))
	}
	return s
}

// undecided returns the arguments labelled undec in l, as a keep mask for restrict.
func undecided(l Labelling) []bool {
	keep := make([]bool, len(l))
	for a, x := range l {
		keep[a] = x == Undec
	}
	return keep
}

// ancestors narrows keep to the arguments from which a can be reached along attacks
// between kept arguments, a included (if kept). Such a set is unattacked from outside,
// which is what directional semantics need to answer questions about a on it alone.
func ancestors(f *Framework, keep []bool, a int) []bool {
	anc := make([]bool, len(keep))
	if !keep[a] {
		return anc
	}
	anc[a] = true
	stack := []int{a}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range f.Attackers(b) {
			if keep[c] && !anc[c] {
				anc[c] = true
				stack = append(stack, c)
			}
		}
	}
	return anc
}
