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
	p := newPropagation(f)
	p.add(seeds)
	l := p.l
	for a, x := range l {
		if x == 0 {
			l[a] = Undec
		}
	}
	return l
}

// propagation is the grounded algorithm kept open, so that more arguments can be made in
// later: l[a] is In or Out once settled, and 0 while not (yet) settled.
type propagation struct {
	f     *Framework
	l     Labelling
	live  []int32 // attackers not yet out
	queue []int32 // arguments labelled in and not yet processed
}

// newPropagation labels in the unattacked arguments and propagates.
func newPropagation(f *Framework) *propagation {
	n := f.n
	p := &propagation{f: f, l: make(Labelling, n), live: make([]int32, n), queue: make([]int32, 0, n)}
	for a := range n {
		k := f.attackersAt[a+1] - f.attackersAt[a]
		p.live[a] = int32(k)
		if k == 0 {
			p.l[a] = In
			p.queue = append(p.queue, int32(a))
		}
	}
	p.run()
	return p
}

// add labels the arguments of seeds in and propagates. Together with the arguments
// already in they must form an admissible set.
func (p *propagation) add(seeds []int) {
	for _, a := range seeds {
		if p.l[a] == 0 {
			p.l[a] = In
			p.queue = append(p.queue, int32(a))
		}
	}
	p.run()
}

func (p *propagation) run() {
	l, live := p.l, p.live
	attacksAt, attacks := p.f.attacksAt, p.f.attacks
	for len(p.queue) > 0 {
		a := p.queue[len(p.queue)-1]
		p.queue = p.queue[:len(p.queue)-1]
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
					p.queue = append(p.queue, int32(c))
				}
			}
		}
	}
}
