package dot

import (
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// This file draws linked reasons and undercuts of attacks.

// linkedMembers returns the members of r, sorted, if r is a linked reason all of
// whose members are arguments of m; nil otherwise.
func linkedMembers(m *arguments.Map, r *arguments.Relation) []string {
	if !r.Linked() {
		return nil
	}
	ms := strings.Split(r.From, "+")
	for _, id := range ms {
		if m.Argument(id) == nil {
			return nil
		}
	}
	return ms
}

// premises returns the arguments r goes from: its members, or its source.
func (r *relation) premises() []string {
	if len(r.members) > 1 {
		return r.members
	}
	return []string{r.from}
}

// undercutsOn returns the undercuts of r. An undercut names its relation by its
// ends, so where a support and an attack join the same two arguments (an error),
// it is drawn on the support.
func undercutsOn(r *relation, undercuts map[arguments.Inference][]*arguments.Undercut, rels []*relation) []*arguments.Undercut {
	us := undercuts[arguments.Inference{From: r.from, To: r.to}]
	if r.typ == graph.Attack {
		for _, o := range rels {
			if o.typ == graph.Support && o.from == r.from && o.to == r.to {
				return nil
			}
		}
	}
	return us
}

// linked writes a linked reason as Argdown and AIF draw one: its members' lines
// join at a small junction node, from which one arrow goes to the conclusion;
// undercuts of the reason point at the junction.
func (w *writer) linked(r *relation, us []*arguments.Undercut) {
	inf := arguments.Inference{From: r.from, To: r.to}.Name()
	rs := w.relationStyle(w.theme.relations[graph.Support], append([]string{r.to}, r.members...)...)
	class := "reason"
	if strings.Contains(rs.class, "withdrawn") {
		class += " withdrawn"
	}
	size := "0.09"
	if len(us) > 0 {
		size = "0.13" // as large as an undercut inference, which it is
	}
	w.printf("\t%s [id=%s class=%q shape=circle label=\"\" width=%s height=%s fixedsize=true style=filled fillcolor=%q color=%q tooltip=%s]\n",
		quote(inf), quote(inf), class, size, size, rs.color, rs.color, quote(inferenceTooltip(r)))
	for _, id := range r.members {
		w.printf("\t%s -> %s [id=%s class=%q color=%q style=%s arrowhead=none tooltip=%s]\n",
			quote(id), quote(inf), quote(r.id()+".premise."+id), rs.class, rs.color, rs.style, quote(relationTooltip(r)))
	}
	w.printf("\t%s -> %s [id=%s class=%q color=%q style=%s arrowhead=%s%s tooltip=%s]\n",
		quote(inf), quote(r.to), quote(r.id()), rs.class, rs.color, rs.style, rs.arrowhead, w.relationNote(r, rs.color), quote(relationTooltip(r)))
	w.undercutArrows(r, inf, us)
}
