package evaluate

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/semantics/preference"
)

// Decision is an attack of the map that its preferences decided: the
// argument attacked prevails over its attacker, so the attack is no defeat
// (the map's [priorities] reduction "remove") or is turned around
// ("reverse"), as package semantics/preference reduces it.
type Decision struct {
	// Attacker is the argument the attack comes from; Preferred the
	// argument attacked, which prevails over it.
	Attacker, Preferred string
	// Reversed is set when Preferred defeats Attacker in return.
	Reversed bool
	// Why is the chain of priorities by which Preferred prevails over
	// Attacker (see arguments.Map.Why).
	Why []arguments.Priority
}

// Because says in words why the decision's preferred argument prevails,
// for a sentence: "the Charter prevails over a domestic designation
// (lex superior, ...)".
func (d Decision) Because(m *arguments.Map) string {
	var parts []string
	for i, p := range d.Why {
		s := p.Prefer + " prevails over " + p.Over
		if i > 0 {
			s = p.Prefer + " over " + p.Over
		}
		if why := p.Because(m); why != "" {
			s += " (" + why + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", and ")
}

// reduction returns the reduction the map asks for.
func reduction(m *arguments.Map) preference.Reduction {
	if m.Priorities != nil && m.Priorities.Reduction == arguments.ReductionReverse {
		return preference.Reverse
	}
	return preference.Remove
}

// prefer turns the attacks of g that the map's preferences decide into
// defeats (package semantics/preference), and returns the defeat graph and
// the decisions, in the order of g's edges. g is returned as it is when
// the map has no preferences.
func prefer(m *arguments.Map, g *graph.Graph) (*graph.Graph, []Decision) {
	if !m.HasPreferences() {
		return g, nil
	}
	r := reduction(m)
	out, decided := preference.Reduce(g, func(x, y int) bool {
		return g.Kind(x) == graph.Argument && g.Kind(y) == graph.Argument && m.Prevails(g.Name(x), g.Name(y))
	}, r)
	ds := make([]Decision, len(decided))
	for i, d := range decided {
		a, p := g.Name(d.Attacker), g.Name(d.Preferred)
		ds[i] = Decision{Attacker: a, Preferred: p, Reversed: r == preference.Reverse, Why: m.Why(p, a)}
	}
	return out, ds
}

// failedAttacks says, for an explanation of the argument n, which attacks
// on it its preferences turned: one sentence each, indented.
func (r *Result) failedAttacks(n int, indent string) string {
	var b strings.Builder
	id := r.graph.Name(n)
	for _, d := range r.Decisions {
		if d.Preferred == id {
			fmt.Fprintf(&b, "%s%s\n", indent, d.sentence(r.Map))
		}
	}
	return b.String()
}

// sentence says the decision for an explanation: "a's attack on b is no
// defeat: b prevails over a (lex superior, ...)."
func (d Decision) sentence(m *arguments.Map) string {
	because := termtext.Escape(d.Because(m)) // the map's own words must not control the terminal
	if d.Reversed {
		return fmt.Sprintf("%s's attack on %s is turned around: %s, so %s defeats %s instead.", d.Attacker, d.Preferred, because, d.Preferred, d.Attacker)
	}
	return fmt.Sprintf("%s's attack on %s is no defeat: %s.", d.Attacker, d.Preferred, because)
}

// reversedOn returns the decision by which preferred defeats attacker in
// return for attacker's attack, if there is one and the map does not also
// say that preferred attacks attacker.
func (r *Result) reversedOn(preferred, attacker int) (Decision, bool) {
	p, a := r.graph.Name(preferred), r.graph.Name(attacker)
	for _, d := range r.Decisions {
		if d.Reversed && d.Preferred == p && d.Attacker == a {
			return d, true
		}
	}
	return Decision{}, false
}
