package arguments

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/graph"
)

// maxSuggestions bounds the did-you-mean searches of one map: each costs a
// pass over all ids, and a map with thousands of dangling references is
// better served by fast output than by thousands of suggestions.
const maxSuggestions = 200

// validate checks what concerns the map as a whole, and fills in the map's
// Arguments and Relations from its files. Ids are numbered once, so that the
// checks of the relations work on integers rather than on strings.
func validate(m *Map) Diagnostics {
	var diags Diagnostics
	m.byID = make(map[string]int)
	for _, f := range m.Files {
		for _, a := range f.Arguments {
			if i, dup := m.byID[a.ID]; dup {
				d := NewDiagnostic("duplicate-id", a.Range, "Ids must be unique across all the files of a map: rename one of them.",
					"argument id %q is defined twice", a.ID)
				d.Related = []Related{{m.Arguments[i].Range, "first defined here"}}
				diags = append(diags, d)
				continue
			}
			m.byID[a.ID] = len(m.Arguments)
			m.Arguments = append(m.Arguments, a)
		}
	}
	complete := m.Complete()
	if complete && len(m.Arguments) == 0 {
		diags = append(diags, NewDiagnostic("no-arguments", m.Root.Source.Range(0, 0),
			`Add at least one argument: [arguments.ID] with claim = "..." under it.`, "the map has no arguments"))
	}

	// Unknown ids are numbered after the known ones, so that relations
	// between them are still compared (a dangling relation given twice).
	unknownIDs := map[string]int{}
	number := func(id string) (int, bool) {
		if i, ok := m.byID[id]; ok {
			return i, true
		}
		i, ok := unknownIDs[id]
		if !ok {
			i = len(m.Arguments) + len(unknownIDs)
			unknownIDs[id] = i
		}
		return i, false
	}
	var sortedIDs []string // for suggestions; built on first need
	suggestions := 0
	// unknown reports a dangling id; detail says, for when no id is close
	// enough for a did-you-mean, what the place the id was found in needs.
	unknown := func(id string, at Range, detail string) {
		if suggestions < maxSuggestions {
			suggestions++
			if sortedIDs == nil {
				sortedIDs = make([]string, len(m.Arguments))
				for i, a := range m.Arguments {
					sortedIDs[i] = a.ID
				}
				slices.Sort(sortedIDs)
			}
			if hint := didYouMean(id, sortedIDs); hint != "" {
				detail = hint
			}
		}
		diags = append(diags, NewDiagnostic("unknown-argument", at, detail, "no argument %q in this map", id))
	}
	const inRelation = "Every id in a relation must be the id of an argument of this map."
	const inUndercut = `Both ids of the support an undercut names, to = { from = "id", to = "id" }, must be ids of arguments of this map.`

	seen := map[relationKey]*Relation{}
	related := make([]bool, len(m.Arguments)) // takes part in some relation
	support := make(graph.Adjacency, len(m.Arguments))
	for _, f := range m.Files {
		for _, r := range f.Relations {
			m.Relations = append(m.Relations, r)
			from, fromKnown := number(r.From)
			to, toKnown := number(r.To)
			if fromKnown {
				related[from] = true
			}
			if toKnown {
				related[to] = true
			}
			if complete {
				if r.Entry && !fromKnown {
					unknown(r.From, r.FromRange, inRelation)
				}
				if !toKnown {
					unknown(r.To, r.ToRange, inRelation)
				}
			}
			if from == to {
				if r.Type == graph.Attack {
					diags = append(diags, NewDiagnostic("self-attack", r.ToRange,
						"An argument that attacks itself is rejected under every semantics; was another id meant?", "argument %q attacks itself", r.From))
				} else {
					diags = append(diags, NewDiagnostic("self-support", r.ToRange,
						"Supporting itself adds nothing: point the support at another argument, or remove it.", "argument %q supports itself", r.From))
				}
			}
			key := relationKey{from, to, r.Type}
			if first := seen[key]; first != nil {
				d := NewDiagnostic("duplicate-relation", r.ToRange, "Remove one of the two.", "%q %s %q is given twice", r.From, verb(r.Type), r.To)
				d.Related = []Related{{relationAt(first), "first given here"}}
				diags = append(diags, d)
				continue
			}
			seen[key] = r
			opposite := relationKey{from, to, graph.Support}
			if r.Type == graph.Support {
				opposite.typ = graph.Attack
				if fromKnown && toKnown && from != to {
					support[from] = append(support[from], to)
				}
			}
			if other := seen[opposite]; other != nil {
				d := NewDiagnostic("support-and-attack", r.ToRange, "An argument cannot both support and attack the same argument: keep the relation you mean.",
					"%q both supports and attacks %q", r.From, r.To)
				d.Related = []Related{{relationAt(other), fmt.Sprintf("the %s is given here", other.Type)}}
				diags = append(diags, d)
			}
		}
	}
	diags = append(diags, supportCycles(m, support, seen)...)

	for _, f := range m.Files {
		for _, u := range f.Undercuts {
			m.Undercuts = append(m.Undercuts, u)
			from, fromKnown := number(u.From)
			if fromKnown {
				related[from] = true
			} else if complete {
				unknown(u.From, u.FromRange, inRelation)
			}
			a, aKnown := number(u.Support.From)
			b, bKnown := number(u.Support.To)
			switch {
			case !complete:
			case !aKnown || !bKnown:
				for _, id := range []string{u.Support.From, u.Support.To} {
					if _, ok := m.byID[id]; !ok {
						unknown(id, u.SupportRange, inUndercut)
					}
				}
			case seen[relationKey{a, b, graph.Support}] == nil:
				d := NewDiagnostic("unknown-support", u.SupportRange,
					fmt.Sprintf("An undercut aims at a support relation of the map: add %q to the supports of %q, or aim at one that exists.", u.Support.To, u.Support.From),
					"%q does not support %q: there is no inference to undercut", u.Support.From, u.Support.To)
				if r := seen[relationKey{a, b, graph.Attack}]; r != nil {
					d.Summary = fmt.Sprintf("%q attacks %q: an undercut aims at a support, not an attack", u.Support.From, u.Support.To)
					d.Related = []Related{{relationAt(r), "the attack is given here"}}
				}
				diags = append(diags, d)
			}
		}
	}
	for _, f := range m.Files {
		for _, x := range f.Expectations {
			m.Expectations = append(m.Expectations, x)
			labelOf := map[string]ExpectedLabel{}
			inExpectation := fmt.Sprintf("Every id listed in [expect.%s] must be the id of an argument of this map.", tomlKey(x.Semantics))
			for _, l := range x.Labels {
				if _, known := m.byID[l.ID]; !known && complete {
					unknown(l.ID, l.Range, inExpectation)
				}
				if first, dup := labelOf[l.ID]; dup {
					d := NewDiagnostic("bad-value", l.Range, "Expect one label for each argument.",
						"%q is expected both %s and %s under %s", l.ID, first.Label, l.Label, x.Semantics)
					d.Related = []Related{{first.Range, "first expected here"}}
					diags = append(diags, d)
					continue
				}
				labelOf[l.ID] = l
			}
		}
	}
	if complete {
		for i, a := range m.Arguments {
			if !related[i] {
				diags = append(diags, NewDiagnostic("isolated-argument", a.Range,
					"Add supports or attacks (or a [[relations]] entry), or remove the argument if it is not part of the debate.",
					"argument %q has no relation to any other argument", a.ID))
			}
		}
	}
	return diags
}

// relationKey identifies a relation by the numbers of its ends and its type.
type relationKey struct {
	from, to int
	typ      graph.Relation
}

func verb(t graph.Relation) string {
	if t == graph.Attack {
		return "attacks"
	}
	return "supports"
}

// relationAt is where a relation is best pointed at: its target's id.
func relationAt(r *Relation) Range { return r.ToRange }

// supportCycles reports circular reasoning: arguments that support each
// other in a circle. Each strongly connected component of the support graph
// is reported once, with a shortest cycle through its first argument.
// adj holds each support between two different known arguments once;
// relations finds the relation behind each.
func supportCycles(m *Map, adj graph.Adjacency, relations map[relationKey]*Relation) Diagnostics {
	var diags Diagnostics
	for _, comp := range graph.StronglyConnected(adj) {
		if len(comp) < 2 {
			continue
		}
		cycle := graph.Cycle(adj, comp[0], comp)
		names := make([]string, 0, len(cycle)+1)
		var rels []*Relation
		for i, n := range cycle {
			names = append(names, m.Arguments[n].ID)
			rels = append(rels, relations[relationKey{n, cycle[(i+1)%len(cycle)], graph.Support}])
		}
		names = append(names, names[0])
		d := NewDiagnostic("support-cycle", relationAt(rels[0]),
			"Circular reasoning: each argument rests on the next. Remove the support that does not hold.",
			"circular support: %s", strings.Join(names, " → "))
		for i, r := range rels[1:] {
			d.Related = append(d.Related, Related{relationAt(r), fmt.Sprintf("%q supports %q here", names[i+1], names[i+2])})
		}
		diags = append(diags, d)
	}
	return diags
}
