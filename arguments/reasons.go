package arguments

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// This file holds linked reasons (a support whose `from` is an array of ids)
// and undercuts of attacks: their parsing, their graph and their checks.

// LinkedName is the name of the linked reason of members: the distinct ids,
// sorted, joined by "+", which no allowed id contains. It is the From of a
// [Relation] or an [Inference] that names a linked reason, so that the
// reason is the same whatever the order its members are written in. For a
// single id it is that id.
func LinkedName(members []string) string {
	ms := slices.Clone(members)
	slices.Sort(ms)
	return strings.Join(slices.Compact(ms), "+")
}

// Linked reports whether r is a linked reason: a support from two or more
// arguments together, written from = ["r1", "r2"].
func (r *Relation) Linked() bool {
	return r.Type == graph.Support && strings.Contains(LinkedName(r.Members), "+")
}

// Premises returns the ids of the premises of the relation i names: its
// From, or each member of the linked reason it names.
func (i Inference) Premises() []string { return strings.Split(i.From, "+") }

// members reads the `from` array of a linked reason.
func (p *parser) members(e entry) ([]string, []diagnostic.Range) {
	list, _ := array(e)
	var ids []string
	var at []diagnostic.Range
	for _, el := range list {
		s, ok := el.value.(string)
		sp := valueSpan(el.node)
		if !ok {
			p.report("wrong-type", sp, `Write the members of a linked reason as ids: from = ["id", "id"].`,
				"a linked reason lists argument ids, which are strings, not %s", typeName(el.value))
			continue
		}
		if s == "" {
			p.report("bad-value", sp, `Write the id of each member: from = ["id", "id"].`, "a member of a linked reason is empty")
			continue
		}
		ids = append(ids, s)
		at = append(at, p.file.Source.Range(sp.start, sp.end))
	}
	if len(list) == 0 {
		sp := valueSpan(e.node)
		p.report("bad-value", sp, `A linked reason names its members: from = ["id", "id"].`, "a linked reason without members")
	}
	return ids, at
}

// checkLinkedReasons reports a linked reason of a single member, a member
// named twice, and a member that is the reason's conclusion.
func checkLinkedReasons(c *checker) {
	for _, r := range c.relations {
		if len(r.Members) == 0 {
			continue
		}
		seen := map[string]int{}
		for i, id := range r.Members {
			if j, dup := seen[id]; dup {
				d := NewDiagnostic("duplicate-member", r.MemberRanges[i], "Name each member of a linked reason once.",
					"%q is named twice in the linked reason for %q", id, r.To)
				d.Related = []diagnostic.Related{{Range: r.MemberRanges[j], Message: "first named here"}}
				c.report(d)
				continue
			}
			seen[id] = i
			if id == r.To {
				c.report(NewDiagnostic("self-support", r.MemberRanges[i],
					"A reason that rests on its own conclusion adds nothing: remove the conclusion from the members.",
					"%q is a member of a linked reason for itself", id))
			}
		}
		if len(seen) == 1 {
			c.report(NewDiagnostic("single-member-reason", r.FromRange,
				fmt.Sprintf("A linked reason holds only with all its members; with one member it is an ordinary support: write from = %q.", r.Members[0]),
				"the linked reason for %q has one member", r.To))
		}
	}
}

// collectiveAttack reports an attack whose `from` is an array.
func (p *parser) collectiveAttack(r *Relation) {
	d := NewDiagnostic("collective-attack", r.FromRange,
		`argmap has no attacks by a set of arguments together (SETAF collective attacks): write one attack from each argument, or one argument that states what they show together and attacks.`,
		"an attack from a set of arguments (%s)", strings.Join(r.Members, ", "))
	p.diags = append(p.diags, d)
}

// graphReasons adds to g the inference nodes of the map: one for each undercut
// support or attack and for each linked reason, and returns them by the relation
// they stand for.
func (m *Map) graphReasons(g *graph.Graph) map[relationOf]int {
	infs := map[relationOf]int{}
	has := map[relationOf]bool{} // the map's relations, for the undercuts' targets
	for _, r := range m.Relations {
		has[relationOf{Inference{r.From, r.To}, r.Type}] = true
	}
	nodes := func(ids []string) ([]int, bool) {
		var ns []int
		for _, id := range ids {
			n, ok := g.Node(id)
			if !ok || m.Argument(id) == nil {
				return nil, false
			}
			ns = append(ns, n)
		}
		return ns, true
	}
	for _, u := range m.Undercuts {
		prem, ok1 := nodes(u.Support.Premises())
		to, ok2 := nodes([]string{u.Support.To})
		if m.Argument(u.From) == nil || !ok1 || !ok2 {
			continue
		}
		switch {
		case has[relationOf{u.Support, graph.Support}]:
			k := relationOf{u.Support, graph.Support}
			if _, ok := infs[k]; !ok {
				infs[k] = g.AddReason(u.Support.Name(), prem, to[0])
			}
		case has[relationOf{u.Support, graph.Attack}] && len(prem) == 1:
			k := relationOf{u.Support, graph.Attack}
			if _, ok := infs[k]; !ok {
				infs[k] = g.AddAttackInference(u.Support.Name(), prem[0], to[0])
			}
		}
	}
	for _, r := range m.Relations {
		if !r.Linked() {
			continue
		}
		prem, ok1 := nodes(Inference{r.From, r.To}.Premises())
		to, ok2 := nodes([]string{r.To})
		k := relationOf{Inference{r.From, r.To}, graph.Support}
		if _, done := infs[k]; ok1 && ok2 && !done {
			infs[k] = g.AddReason(Inference{r.From, r.To}.Name(), prem, to[0])
		}
	}
	return infs
}

// relationOf is a relation that may have an inference node.
type relationOf struct {
	Inference
	typ graph.Relation
}
