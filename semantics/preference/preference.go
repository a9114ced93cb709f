// Package preference reduces a preference-based argumentation framework to
// the attack relation that Dung's semantics evaluate: an argument graph
// (package graph) with a strict preference order over its arguments
// becomes the graph of its defeats.
//
// Amgoud & Cayrol (2002, "A reasoning model based on the production of
// acceptable arguments", Annals of Mathematics and Artificial Intelligence
// 34:197–215) define a preference-based argumentation framework as
// arguments, an attack relation R and a preference relation ≻ between
// arguments: a attacks b is a defeat unless b ≻ a, that is, unless the
// argument attacked is strictly preferred to its attacker. Kaci, van der
// Torre & Villata (2018, "Preference in abstract argumentation", COMMA
// 2018, 405–412) compare the ways of turning attacks and preferences into
// defeats, the reductions; this package offers two:
//
//   - [Remove], their reduction 1 (Amgoud & Cayrol 2002): an attack a → b
//     with b ≻ a is dropped; every other attack is a defeat.
//   - [Reverse], their reduction 2 (Amgoud & Vesic 2009, "Repairing
//     preference-based argumentation frameworks", IJCAI 2009, 665–670;
//     2014, "Rich preference-based argumentation frameworks",
//     International Journal of Approximate Reasoning 55(2)): an attack
//     a → b with b ≻ a becomes the defeat b → a; every other attack is a
//     defeat.
//
// For a symmetric attack a ↔ b with b ≻ a both keep only b → a: b defeats a
// and a does not defeat b. For an asymmetric attack a → b with b ≻ a they
// differ: Remove leaves a and b unrelated, so both may be accepted together
// though a attacks b (an extension conflict-free for the defeats but not
// for the attacks, the problem Amgoud & Vesic point out); Reverse lets b
// defeat a, so that no extension holds both.
//
// The preference acts on the argument ends of an attack. An attack from an
// inference (a node of kind graph.Inference, such as the inference of an
// attack that is itself undercut) is the attack of its premise: it is
// compared by the premise's preference with the target's, and reversed
// onto the premise. An attack on an inference (an undercut) is not
// compared: an inference is not an argument, has no preference, and the
// undercut defeats it whatever the preferences.
package preference

import (
	"strconv"

	"github.com/argmap/argmap/graph"
)

// Reduction is how a preference turns an attack on a preferred argument.
type Reduction uint8

const (
	// Remove drops the attack (Amgoud & Cayrol 2002; Kaci et al. 2018's
	// reduction 1).
	Remove Reduction = iota + 1
	// Reverse turns it around: the preferred argument defeats its attacker
	// (Amgoud & Vesic 2014; Kaci et al. 2018's reduction 2).
	Reverse
)

// String returns "remove" or "reverse", or "Reduction(N)".
func (r Reduction) String() string {
	switch r {
	case Remove:
		return "remove"
	case Reverse:
		return "reverse"
	}
	return "Reduction(" + strconv.Itoa(int(r)) + ")"
}

// Decided is an attack that a preference turned: the attack edge of the
// graph given, and the arguments it compared, the preferred one first.
type Decided struct {
	Edge graph.Edge
	// Preferred is the argument attacked, which prevails; Attacker the
	// argument the attack comes from (the premise of an inference).
	Preferred, Attacker int
}

// Reduce returns the defeat graph of g under the strict preference order
// prefers (prefers(x, y) reports whether the argument x is strictly
// preferred to the argument y; it is asked only of argument nodes) and the
// reduction r, and the attacks it turned, in the order of g's edges. The
// graph returned has the nodes of g, with the same numbers, names, kinds
// and inferences, and g's edges but the attacks turned: a Remove drops
// them, a Reverse puts the reversed attack in place of each. Edges other
// than attacks are kept as they are. g is not changed.
func Reduce(g *graph.Graph, prefers func(x, y int) bool, r Reduction) (*graph.Graph, []Decided) {
	out := g.WithoutEdges()
	var decided []Decided
	for _, e := range g.Edges() {
		if e.Relation != graph.Attack || g.Kind(e.To) != graph.Argument {
			out.AddEdge(e.From, e.To, e.Relation)
			continue
		}
		attacker := e.From
		if ps, _, rel := g.Premises(e.From); len(ps) == 1 && rel != 0 {
			attacker = ps[0] // an undercut attack comes from its premise
		}
		if g.Kind(attacker) != graph.Argument || attacker == e.To || !prefers(e.To, attacker) {
			out.AddEdge(e.From, e.To, e.Relation)
			continue
		}
		decided = append(decided, Decided{Edge: e, Preferred: e.To, Attacker: attacker})
		if r == Reverse {
			out.AddEdge(e.To, attacker, graph.Attack)
		}
	}
	return out, decided
}
