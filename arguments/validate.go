package arguments

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// maxSuggestions bounds the did-you-mean searches of one map: each costs a
// pass over all ids, and a map with thousands of dangling references is
// better served by fast output than by thousands of suggestions.
const maxSuggestions = 200

// validate fills in the map's Arguments, Relations, Undercuts and
// Expectations from its files, then runs the checks of the whole map over
// it, as go vet runs its analyzers over a package: assembly first, then each
// check on its own, reporting through one checker.
func validate(m *Map) diagnostic.Diagnostics {
	c := assemble(m)
	for _, check := range mapChecks {
		check.run(c)
	}
	return c.diags
}

// A mapCheck is one check of a whole map.
type mapCheck struct {
	name  string   // what it checks
	codes []string // the codes of the diagnostics it reports
	run   func(*checker)
}

// mapChecks are the checks of a whole map, run in this order. The order
// matters only to unknownArguments, the one check that runs before the
// other checks that name dangling ids: see checker.unknown.
var mapChecks = [...]mapCheck{
	{"duplicate ids", []string{"duplicate-id"}, checkDuplicateIDs},
	{"a map without arguments", []string{"no-arguments"}, checkNoArguments},
	{"references to unknown arguments", []string{"unknown-argument"}, checkUnknownArguments},
	{"relations of an argument with itself", []string{"self-attack", "self-support"}, checkSelfRelations},
	{"relations given twice", []string{"duplicate-relation"}, checkDuplicateRelations},
	{"support and attack of the same target", []string{"support-and-attack"}, checkSupportAndAttack},
	{"circular support", []string{"support-cycle"}, checkSupportCycles},
	{"undercuts of supports that do not exist", []string{"unknown-support"}, checkUndercutSupports},
	{"linked reasons of one member, or with a member twice", []string{"single-member-reason", "duplicate-member", "self-support"}, checkLinkedReasons},
	{"arguments expected two labels", []string{"bad-value"}, checkExpectedTwice},
	{"argument schemes and critical questions", []string{"duplicate-scheme", "redefined-scheme", "unknown-scheme", "no-scheme", "unknown-question", "unknown-argument"}, checkSchemes},
	{"isolated arguments", []string{"isolated-argument"}, checkIsolatedArguments},
	{"proof standards and thresholds", []string{"bad-threshold", "unmeetable-standard"}, checkStandards},
	{"arguments preferred over themselves", []string{"self-preference"}, checkSelfPreferences},
	{"preferences in a circle", []string{"preference-cycle"}, checkPreferenceCycles},
	{"preferences that decide no attack", []string{"preference-without-attack"}, checkIdlePreferences},
	{"principles with nothing to derive from", []string{"nothing-to-derive"}, checkNothingToDerive},
}

// A checker holds the map as assembled for the checks, and collects their
// diagnostics.
type checker struct {
	m *Map
	// complete is set when every file of the map was read and parsed: the
	// checks that need the whole map (references to unknown ids, isolated
	// arguments) are run only then.
	complete bool
	diags    diagnostic.Diagnostics

	duplicates []duplicateID // the arguments whose id an earlier one has
	relations  []numbered    // m.Relations, in order
	undercuts  []numberedUndercut
	// first is the index in relations of the first relation of each key.
	first map[relationKey]int

	sortedIDs   []string // the known ids, for suggestions; built on first need
	suggestions int      // did-you-mean searches made
}

// duplicateID is an argument whose id an earlier argument of the map has.
type duplicateID struct {
	again *Argument
	first *Argument
}

// numbered is a relation with the numbers of its ends: ids are numbered
// once, so that the checks of the relations work on integers rather than
// on strings. Known ids are numbered by their index in Map.Arguments,
// unknown ones after them, so that relations between unknown ids are still
// compared (a dangling relation given twice).
type numbered struct {
	*Relation
	from, to int
	first    bool // no earlier relation has the same ends and type
}

// numberedUndercut is an undercut with the numbers of its argument and of
// the ends of the support it undercuts.
type numberedUndercut struct {
	*Undercut
	from, supportFrom, supportTo int
}

// relationKey identifies a relation by the numbers of its ends and its type.
type relationKey struct {
	from, to int
	typ      graph.Relation
}

func (r numbered) key() relationKey { return relationKey{r.from, r.to, r.Type} }

// assemble fills in the map from its files and numbers the ends of its
// relations, for the checks.
func assemble(m *Map) *checker {
	c := &checker{m: m}
	m.byID = make(map[string]int)
	for _, f := range m.Files {
		for _, a := range f.Arguments {
			if i, dup := m.byID[a.ID]; dup {
				c.duplicates = append(c.duplicates, duplicateID{a, m.Arguments[i]})
				continue
			}
			m.byID[a.ID] = len(m.Arguments)
			m.Arguments = append(m.Arguments, a)
		}
	}
	c.complete = m.Complete()

	unknownIDs := map[string]int{}
	number := func(id string) int {
		if i, ok := m.byID[id]; ok {
			return i
		}
		i, ok := unknownIDs[id]
		if !ok {
			i = len(m.Arguments) + len(unknownIDs)
			unknownIDs[id] = i
		}
		return i
	}
	relations := 0
	for _, f := range m.Files {
		relations += len(f.Relations)
	}
	m.Relations = make([]*Relation, 0, relations)
	c.relations = make([]numbered, 0, relations)
	c.first = make(map[relationKey]int, relations)
	for _, f := range m.Files {
		for _, r := range f.Relations {
			m.Relations = append(m.Relations, r)
			n := numbered{Relation: r, from: number(r.From), to: number(r.To)}
			if _, dup := c.first[n.key()]; !dup {
				c.first[n.key()] = len(c.relations)
				n.first = true
			}
			c.relations = append(c.relations, n)
		}
	}
	for _, f := range m.Files {
		for _, u := range f.Undercuts {
			m.Undercuts = append(m.Undercuts, u)
			c.undercuts = append(c.undercuts, numberedUndercut{u, number(u.From), number(u.Support.From), number(u.Support.To)})
		}
	}
	for _, f := range m.Files {
		m.Expectations = append(m.Expectations, f.Expectations...)
		m.Schemes = append(m.Schemes, f.Schemes...)
		m.QuestionRelations = append(m.QuestionRelations, f.QuestionRelations...)
	}
	m.Thresholds, _ = m.thresholds()
	assemblePreferences(c)
	return c
}

// report adds a diagnostic.
func (c *checker) report(d diagnostic.Diagnostic) { c.diags = append(c.diags, d) }

// known reports whether n numbers an argument of the map.
func (c *checker) known(n int) bool { return n < len(c.m.Arguments) }

// firstOf returns the first relation of key k, or nil.
func (c *checker) firstOf(k relationKey) *Relation {
	if i, ok := c.first[k]; ok {
		return c.relations[i].Relation
	}
	return nil
}

// unknown reports a dangling id; detail says, for when no id is close
// enough for a did-you-mean, what the place the id was found in needs.
// Only the first maxSuggestions dangling ids get a did-you-mean, in the
// order in which they are reported.
func (c *checker) unknown(id string, at diagnostic.Range, detail string) {
	if c.suggestions < maxSuggestions {
		c.suggestions++
		if c.sortedIDs == nil {
			c.sortedIDs = make([]string, len(c.m.Arguments))
			for i, a := range c.m.Arguments {
				c.sortedIDs[i] = a.ID
			}
			slices.Sort(c.sortedIDs)
		}
		if hint := didYouMean(id, c.sortedIDs); hint != "" {
			detail = hint
		}
	}
	c.report(NewDiagnostic("unknown-argument", at, detail, "no argument %q in this map", id))
}

// checkDuplicateIDs reports an id defined twice in the map.
func checkDuplicateIDs(c *checker) {
	for _, dup := range c.duplicates {
		d := NewDiagnostic("duplicate-id", dup.again.Range, "Ids must be unique across all the files of a map: rename one of them.",
			"argument id %q is defined twice", dup.again.ID)
		d.Related = []diagnostic.Related{{Range: dup.first.Range, Message: "first defined here"}}
		c.report(d)
	}
}

// checkNoArguments reports a complete map without arguments.
func checkNoArguments(c *checker) {
	if c.complete && len(c.m.Arguments) == 0 {
		c.report(NewDiagnostic("no-arguments", c.m.Root.Source.Range(0, 0),
			`Add at least one argument: [arguments.ID] with claim = "..." under it.`, "the map has no arguments"))
	}
}

// checkUnknownArguments reports every id of a relation, an undercut or an
// expectation that is not the id of an argument of a complete map.
func checkUnknownArguments(c *checker) {
	if !c.complete {
		return
	}
	const inRelation = "Every id in a relation must be the id of an argument of this map."
	const inUndercut = `The ids of the support or attack an undercut names, to = { from = "id", to = "id" }, must be ids of arguments of this map.`
	for _, r := range c.relations {
		// A list relation's From is the argument it is written in.
		if r.Members != nil {
			for i, id := range r.Members {
				if c.m.Argument(id) == nil {
					c.unknown(id, r.MemberRanges[i], inRelation)
				}
			}
		} else if r.Entry && !c.known(r.from) {
			c.unknown(r.From, r.FromRange, inRelation)
		}
		if !c.known(r.to) {
			c.unknown(r.To, r.ToRange, inRelation)
		}
	}
	for _, u := range c.undercuts {
		if !c.known(u.from) {
			c.unknown(u.From, u.FromRange, inRelation)
		}
		if !c.knownAll(u.Support) {
			for _, id := range append(u.Support.Premises(), u.Support.To) {
				if c.m.Argument(id) == nil {
					c.unknown(id, u.SupportRange, inUndercut)
				}
			}
		}
	}
	checkUnknownPreferenceArguments(c)
	for _, x := range c.m.Expectations {
		inExpectation := fmt.Sprintf("Every id listed in [expect.%s] must be the id of an argument of this map.", tomlKey(x.Semantics))
		for _, l := range x.Labels {
			if c.m.Argument(l.ID) == nil {
				c.unknown(l.ID, l.Range, inExpectation)
			}
		}
	}
}

// checkSelfRelations reports an argument that attacks or supports itself.
func checkSelfRelations(c *checker) {
	for _, r := range c.relations {
		switch {
		case r.from != r.to:
		case r.Type == graph.Attack:
			c.report(NewDiagnostic("self-attack", r.ToRange,
				"An argument that attacks itself is rejected under every semantics; was another id meant?", "argument %q attacks itself", r.From))
		default:
			c.report(NewDiagnostic("self-support", r.ToRange,
				"Supporting itself adds nothing: point the support at another argument, or remove it.", "argument %q supports itself", r.From))
		}
	}
}

// checkDuplicateRelations reports a relation given twice, at the second.
func checkDuplicateRelations(c *checker) {
	for _, r := range c.relations {
		if r.first {
			continue
		}
		d := NewDiagnostic("duplicate-relation", r.ToRange, "Remove one of the two.", "%q %s %q is given twice", r.From, verb(r.Type), r.To)
		d.Related = []diagnostic.Related{{Range: relationAt(c.firstOf(r.key())), Message: "first given here"}}
		c.report(d)
	}
}

// checkSupportAndAttack reports an argument that both supports and attacks
// another, at the later of the two relations.
func checkSupportAndAttack(c *checker) {
	for i, r := range c.relations {
		if !r.first {
			continue
		}
		opposite := relationKey{r.from, r.to, graph.Support}
		if r.Type == graph.Support {
			opposite.typ = graph.Attack
		}
		if j, ok := c.first[opposite]; ok && j < i {
			other := c.relations[j]
			d := NewDiagnostic("support-and-attack", r.ToRange, "An argument cannot both support and attack the same argument: keep the relation you mean.",
				"%q both supports and attacks %q", r.From, r.To)
			d.Related = []diagnostic.Related{{Range: relationAt(other.Relation), Message: fmt.Sprintf("the %s is given here", other.Type)}}
			c.report(d)
		}
	}
}

// checkSupportCycles reports circular reasoning: arguments that support
// each other in a circle. Each strongly connected component of the support
// graph is reported once, with a shortest cycle through its first argument.
func checkSupportCycles(c *checker) {
	// Each support between two different known arguments, once.
	adj := make(graph.Adjacency, len(c.m.Arguments))
	for _, r := range c.relations {
		if r.Type == graph.Support && r.first && c.known(r.from) && c.known(r.to) && r.from != r.to {
			adj[r.from] = append(adj[r.from], r.to)
		}
	}
	for _, comp := range graph.StronglyConnected(adj) {
		if len(comp) < 2 {
			continue
		}
		cycle := graph.Cycle(adj, comp[0], comp)
		names := make([]string, 0, len(cycle)+1)
		var rels []*Relation
		for i, n := range cycle {
			names = append(names, c.m.Arguments[n].ID)
			rels = append(rels, c.firstOf(relationKey{n, cycle[(i+1)%len(cycle)], graph.Support}))
		}
		names = append(names, names[0])
		d := NewDiagnostic("support-cycle", relationAt(rels[0]),
			"Circular reasoning: each argument rests on the next. Remove the support that does not hold.",
			"circular support: %s", strings.Join(names, " → "))
		for i, r := range rels[1:] {
			d.Related = append(d.Related, diagnostic.Related{Range: relationAt(r), Message: fmt.Sprintf("%q supports %q here", names[i+1], names[i+2])})
		}
		c.report(d)
	}
}

// checkUndercutSupports reports an undercut of a complete map aimed at a
// support that the map does not have, between two of its arguments.
func checkUndercutSupports(c *checker) {
	if !c.complete {
		return
	}
	for _, u := range c.undercuts {
		if !c.knownAll(u.Support) || c.firstOf(relationKey{u.supportFrom, u.supportTo, graph.Support}) != nil ||
			!strings.Contains(u.Support.From, "+") && c.firstOf(relationKey{u.supportFrom, u.supportTo, graph.Attack}) != nil {
			continue
		}
		c.report(NewDiagnostic("unknown-support", u.SupportRange,
			fmt.Sprintf("An undercut aims at a support or an attack of the map: add the relation from %s to %q, or aim at one that exists.", premisesText(u.Support), u.Support.To),
			"no support or attack from %s to %q: there is no inference to undercut", premisesText(u.Support), u.Support.To))
	}
}

// knownAll reports whether every id of the relation i names is an argument's.
func (c *checker) knownAll(i Inference) bool {
	for _, id := range append(i.Premises(), i.To) {
		if c.m.Argument(id) == nil {
			return false
		}
	}
	return true
}

// premisesText names the source of the relation i: "a", or the linked reason
// "a" + "b".
func premisesText(i Inference) string {
	ps := i.Premises()
	for k := range ps {
		ps[k] = fmt.Sprintf("%q", ps[k])
	}
	return strings.Join(ps, " + ")
}

// checkExpectedTwice reports an argument that one expectation lists under
// two labels, or twice.
func checkExpectedTwice(c *checker) {
	for _, x := range c.m.Expectations {
		labelOf := map[string]ExpectedLabel{}
		for _, l := range x.Labels {
			if first, dup := labelOf[l.ID]; dup {
				d := NewDiagnostic("bad-value", l.Range, "Expect one label for each argument.",
					"%q is expected both %s and %s under %s", l.ID, first.Label, l.Label, x.Semantics)
				d.Related = []diagnostic.Related{{Range: first.Range, Message: "first expected here"}}
				c.report(d)
				continue
			}
			labelOf[l.ID] = l
		}
	}
}

// checkIsolatedArguments reports an argument of a complete map that takes
// part in no relation: it neither supports nor attacks, is neither
// supported nor attacked, and undercuts nothing.
func checkIsolatedArguments(c *checker) {
	if !c.complete {
		return
	}
	related := make([]bool, len(c.m.Arguments))
	mark := func(n int) {
		if c.known(n) {
			related[n] = true
		}
	}
	for _, r := range c.relations {
		mark(r.from)
		mark(r.to)
		for _, id := range r.Members {
			if i, ok := c.m.byID[id]; ok {
				mark(i)
			}
		}
	}
	for _, u := range c.undercuts {
		mark(u.from)
	}
	for _, r := range c.m.QuestionRelations {
		for _, id := range []string{r.From, r.To} {
			if i, ok := c.m.byID[id]; ok {
				related[i] = true
			}
		}
	}
	for i, a := range c.m.Arguments {
		if !related[i] {
			c.report(NewDiagnostic("isolated-argument", a.Range,
				"Add supports or attacks (or a [[relations]] entry), or remove the argument if it is not part of the debate.",
				"argument %q has no relation to any other argument", a.ID))
		}
	}
}

func verb(t graph.Relation) string {
	if t == graph.Attack {
		return "attacks"
	}
	return "supports"
}

// relationAt is where a relation is best pointed at: its target's id.
func relationAt(r *Relation) diagnostic.Range { return r.ToRange }
