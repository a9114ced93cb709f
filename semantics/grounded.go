package semantics

// Grounded returns the grounded labelling: the least complete labelling, whose in
// arguments form the grounded extension. An argument is in when all its attackers are
// out, out when some attacker is in, and undec when neither can be established.
//
// It runs in O(V+E) time: every argument keeps a count of its attackers not yet out, and
// a queue holds the arguments whose count reached zero.
func (f *Framework) Grounded() Labelling {
	return f.propagate(nil)
}

// propagate returns the least complete labelling whose in arguments include seeds, which
// must be an admissible set; for no seeds, that is the grounded labelling. It is the
// grounded algorithm started from seeds already in: each argument in makes the arguments
// it attacks out, and an argument all of whose attackers are out becomes in.
func (f *Framework) propagate(seeds []int) Labelling {
	n := f.n
	l := make(Labelling, n)      // 0 while not yet labelled
	live := make([]int32, n)     // attackers not yet out
	queue := make([]int32, 0, n) // arguments labelled in, to process
	for _, a := range seeds {
		if l[a] == 0 {
			l[a] = In
			queue = append(queue, int32(a))
		}
	}
	for a := range n {
		k := f.attackersAt[a+1] - f.attackersAt[a]
		live[a] = int32(k)
		if k == 0 && l[a] == 0 {
			l[a] = In
			queue = append(queue, int32(a))
		}
	}
	attacksAt, attacks := f.attacksAt, f.attacks
	for head := 0; head < len(queue); head++ {
		a := queue[head]
		for _, b := range attacks[attacksAt[a]:attacksAt[a+1]] {
			if l[b] == Out {
				continue
			}
			// b cannot be in: an argument in has all its attackers out, and a is not.
			l[b] = Out
			for _, c := range attacks[attacksAt[b]:attacksAt[b+1]] {
				live[c]--
				if live[c] == 0 && l[c] == 0 {
					l[c] = In
					queue = append(queue, int32(c))
				}
			}
		}
	}
	for a, x := range l {
		if x == 0 {
			l[a] = Undec
		}
	}
	return l
}
