package semantics

import (
	"slices"
	"strconv"
)

// Label is the status of an argument in a labelling.
type Label uint8

// The labels. The zero value is not a label, so that a labelling left unfilled shows.
const (
	In    Label = iota + 1 // accepted
	Out                    // rejected: attacked by an accepted argument
	Undec                  // neither
)

// String returns "in", "out" or "undec", or "Label(N)" for a value that is not a label.
func (l Label) String() string {
	switch l {
	case In:
		return "in"
	case Out:
		return "out"
	case Undec:
		return "undec"
	}
	return "Label(" + strconv.Itoa(int(l)) + ")"
}

// Labelling gives every argument of a framework a label: l[a] is the label of argument a.
type Labelling []Label

// In returns the arguments labelled in, ascending: the extension the labelling stands
// for.
func (l Labelling) In() Extension { return l.with(In) }

// Out returns the arguments labelled out, ascending.
func (l Labelling) Out() []int { return l.with(Out) }

// Undec returns the arguments labelled undec, ascending.
func (l Labelling) Undec() []int { return l.with(Undec) }

func (l Labelling) with(want Label) []int {
	s := []int{}
	for a, got := range l {
		if got == want {
			s = append(s, a)
		}
	}
	return s
}

// Extension is a set of arguments, sorted ascending without repetitions.
type Extension []int

// Contains reports whether a is in e.
func (e Extension) Contains(a int) bool {
	_, found := slices.BinarySearch(e, a)
	return found
}

// compareExtensions orders extensions lexicographically as sorted sequences: the order
// in which [Extensions] yields them.
func compareExtensions(a, b Extension) int { return slices.Compare(a, b) }

// LabellingOf returns the labelling of e: the arguments of e are in, those attacked by
// an argument of e are out (even if they are also in e, which only happens when e is
// not conflict-free), and the rest undec. It panics if e holds an argument that is not
// in f.
func LabellingOf(f *Framework, e Extension) Labelling {
	l := make(Labelling, f.Len())
	for a := range l {
		l[a] = Undec
	}
	for _, a := range e {
		for _, b := range f.Attacks(a) {
			l[b] = Out
		}
	}
	for _, a := range e {
		if l[a] != Out {
			l[a] = In
		}
	}
	return l
}
