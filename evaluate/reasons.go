package evaluate

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// This file explains linked and convergent reasons and undercut attacks.

// reasonLabel names a node that is not the inference of a single support: a
// linked reason, the inference of an attack, an auxiliary node, an argument.
func (r *Result) reasonLabel(n int) string {
	g := r.graph
	switch g.Kind(n) {
	case graph.Inference:
		ps, c, rel := g.Premises(n)
		if rel == graph.Attack {
			return fmt.Sprintf("the attack of %s on %s", g.Name(ps[0]), g.Name(c))
		}
		return fmt.Sprintf("the linked reason %s for %s", r.members(ps), g.Name(c))
	case graph.Auxiliary:
		c, _ := g.AuxiliaryOf(n)
		return "the want of a standing reason for " + g.Name(c)
	case graph.Question:
		return r.questionLabel(n)
	}
	return g.Name(n)
}

// members names the members of a linked reason: "r1 + r2".
func (r *Result) members(ps []int) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = r.graph.Name(p)
	}
	return strings.Join(names, " + ")
}

// explainReasons explains the grounded label of the auxiliary node n of an
// argument with convergent reasons, calling more for each node it relies on,
// and reports whether n is one.
func (r *Result) explainReasons(b *strings.Builder, n int, labels semantics.Labelling, indent string, more func(int)) bool {
	c, ok := r.graph.AuxiliaryOf(n)
	if !ok {
		return false
	}
	reasons := r.frame.Attackers(n)
	switch labels[n] {
	case semantics.In:
		fmt.Fprintf(b, "%sNone of the reasons for %s stands:\n", indent, r.graph.Name(c))
		for _, a := range reasons {
			more(a)
		}
	case semantics.Out:
		for _, a := range reasons {
			if labels[a] == semantics.In {
				fmt.Fprintf(b, "%sOne standing reason for %s suffices, and %s stands.\n", indent, r.graph.Name(c), r.label(a))
				more(a)
				break
			}
		}
	default:
		fmt.Fprintf(b, "%sWhether a reason for %s stands is undecided.\n", indent, r.graph.Name(c))
	}
	return true
}

// failingMembers says, for a rejected linked reason n, which of its members
// are not accepted: a linked reason holds only with all of them.
func (r *Result) failingMembers(b *strings.Builder, n int, labels semantics.Labelling, indent string) {
	ps, _, rel := r.graph.Premises(n)
	if rel != graph.Support || len(ps) < 2 {
		return
	}
	var failing []string
	for _, p := range ps {
		if labels[p] != semantics.In {
			failing = append(failing, fmt.Sprintf("%s (%s)", r.graph.Name(p), labels[p]))
		}
	}
	if len(failing) > 0 {
		fmt.Fprintf(b, "%s  A linked reason holds only when every member does; %s %s not accepted.\n",
			indent, strings.Join(failing, " and "), pluralVerb(len(failing)))
	}
}

// cutSupports returns the support edges the reading in use follows to derive
// attacks: without those into an argument with convergent reasons, whose
// gadget stands for them (bipolar.Convergent).
func (r *Result) cutSupports() graph.Adjacency {
	sup := r.graph.Adjacency(graph.Support)
	conv := bipolar.ConvergentArguments(r.graph)
	if conv == nil {
		return sup
	}
	out := make(graph.Adjacency, len(sup))
	for v, ws := range sup {
		for _, w := range ws {
			if !conv[w] {
				out[v] = append(out[v], w)
			}
		}
	}
	return out
}
