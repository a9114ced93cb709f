package semantics

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/argmap/argmap/graph"
)

// Framework is an abstract argumentation framework: the arguments 0..Len()-1 and an
// attack relation between them. An argument may attack itself. It keeps, for every
// argument, the arguments it attacks and the arguments attacking it, each list sorted
// ascending and without repetitions.
//
// A Framework implements [graph.Directed] with the attack edges, so the algorithms of
// package graph apply to it. It is immutable; build one with [NewFramework].
type Framework struct {
	n int
	// Compressed sparse rows: the arguments attacked by a are attacks[attacksAt[a]:attacksAt[a+1]],
	// and those attacking a are attackers[attackersAt[a]:attackersAt[a+1]].
	attacksAt, attacks     []int
	attackersAt, attackers []int
}

// NewFramework returns the framework whose arguments are the nodes of attacks and in
// which a attacks b when b is among attacks.Successors(a). Repeated successors count
// once. It takes O(V+E) time. It panics if a successor is not a node of attacks, which
// [graph.Directed] rules out.
func NewFramework(attacks graph.Directed) *Framework {
	f, _ := BuildFramework(context.Background(), attacks)
	return f
}

// BuildFramework is [NewFramework] that stops, with ctx's error and no framework, when
// ctx ends: a relation of many millions of attacks takes seconds to sort.
func BuildFramework(ctx context.Context, attacks graph.Directed) (*Framework, error) {
	n := attacks.Len()
	f := &Framework{n: n}
	// done reports ctx's error, looking at it once every checkEdges edges.
	const checkEdges = 1 << 16
	seen, next := 0, 0
	done := func(edges int) error {
		if seen += edges; seen < next {
			return nil
		}
		next = seen + checkEdges
		return ctx.Err()
	}
	if err := done(0); err != nil {
		return nil, err
	}

	// Two counting sorts, as in graph.Graph.Adjacency, give sorted lists in O(V+E):
	// walking the sources in ascending order deals each source out to the lists of its
	// targets, so each target's attackers arrive sorted (and a repeated edge lands next
	// to its twin); walking the targets in ascending order then deals each target out to
	// the lists of its (deduplicated) attackers, so those arrive sorted too.
	at := make([]int, n+1)
	m := 0
	for s := range n {
		for _, t := range attacks.Successors(s) {
			if t < 0 || t >= n {
				panic("semantics: NewFramework: argument " + strconv.Itoa(s) + " attacks " +
					strconv.Itoa(t) + ", not in [0, " + strconv.Itoa(n) + ")")
			}
			at[t+1]++
			m++
		}
		if err := done(len(attacks.Successors(s))); err != nil {
			return nil, err
		}
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	attackers := make([]int, m)
	fill := make([]int, n)
	copy(fill, at[:n])
	for s := range n {
		for _, t := range attacks.Successors(s) {
			attackers[fill[t]] = s
			fill[t]++
		}
		if err := done(len(attacks.Successors(s))); err != nil {
			return nil, err
		}
	}
	// Compact away repetitions, which are adjacent; w never overtakes i.
	w, lo := 0, 0
	for t := range n {
		hi := at[t+1]
		at[t] = w
		first := w
		for i := lo; i < hi; i++ {
			if w == first || attackers[i] != attackers[w-1] {
				attackers[w] = attackers[i]
				w++
			}
		}
		lo = hi
	}
	at[n] = w
	f.attackersAt, f.attackers = at, attackers[:w:w]

	out := make([]int, n+1)
	for _, s := range f.attackers {
		out[s+1]++
	}
	for i := 1; i <= n; i++ {
		out[i] += out[i-1]
	}
	targets := make([]int, w)
	copy(fill, out[:n])
	for t := range n {
		for _, s := range f.Attackers(t) {
			targets[fill[s]] = t
			fill[s]++
		}
		if err := done(len(f.Attackers(t))); err != nil {
			return nil, err
		}
	}
	f.attacksAt, f.attacks = out, targets
	return f, nil
}

// Len returns the number of arguments.
func (f *Framework) Len() int { return f.n }

// NumAttacks returns the number of attacks, each pair counted once.
func (f *Framework) NumAttacks() int { return len(f.attacks) }

// Attacks returns the arguments a attacks, sorted ascending. The slice belongs to f;
// callers must not modify it.
func (f *Framework) Attacks(a int) []int {
	return f.attacks[f.attacksAt[a]:f.attacksAt[a+1]:f.attacksAt[a+1]]
}

// Attackers returns the arguments attacking a, sorted ascending. The slice belongs to f;
// callers must not modify it.
func (f *Framework) Attackers(a int) []int {
	return f.attackers[f.attackersAt[a]:f.attackersAt[a+1]:f.attackersAt[a+1]]
}

// Successors is Attacks, so that a Framework is a [graph.Directed].
func (f *Framework) Successors(a int) []int { return f.Attacks(a) }

// AttacksOn reports whether a attacks b.
func (f *Framework) AttacksOn(a, b int) bool {
	_, found := slices.BinarySearch(f.Attacks(a), b)
	return found
}

// SelfAttacking reports whether a attacks itself.
func (f *Framework) SelfAttacking(a int) bool { return f.AttacksOn(a, a) }

// checkArg returns an error if a is not an argument of f.
func (f *Framework) checkArg(a int) error {
	if a < 0 || a >= f.n {
		return fmt.Errorf("argument %d out of range: the framework has arguments 0..%d", a, f.n-1)
	}
	return nil
}
