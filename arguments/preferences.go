package arguments

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/suggest"
)

// Preference is a [[preferences]] entry: the argument Prefer prevails over
// the argument Over, so that an attack of Over on Prefer is not a defeat
// (preference-based argumentation, Amgoud & Cayrol 2002).
type Preference struct {
	Prefer, Over string
	// Principle is why Prefer prevails, as written: one of Principles, or
	// free text; "" when the entry gives none.
	Principle string
	Note      string

	File                   *File
	Range                  diagnostic.Range // the entry's [[preferences]] header
	PreferRange, OverRange diagnostic.Range
}

// Principles are the principles of priority that argmap names, in
// documentation order; a [[preferences]] entry may give another as free text.
var Principles = []string{LexSuperior, LexSpecialis, LexPosterior, Majority}

// The principles of priority argmap names.
const (
	LexSuperior  = "lex-superior"  // the higher norm prevails (rank)
	LexSpecialis = "lex-specialis" // the more specific norm prevails
	LexPosterior = "lex-posterior" // the later norm prevails (date)
	Majority     = "majority"      // the majority's opinion prevails over a dissent
)

// Priorities is a file's [priorities] table: how the map derives
// preferences from its arguments' fields, and how preferences act on
// attacks.
type Priorities struct {
	// Derive lists the principles the map derives preferences from, in the
	// order they are applied: LexSuperior (from rank), LexPosterior (from
	// date).
	Derive []string
	// Reduction is how a preference acts on an attack of the less
	// preferred argument on the more preferred one: ReductionRemove (the
	// default) or ReductionReverse.
	Reduction string

	File         *File
	Range        diagnostic.Range // the [priorities] header
	DeriveRanges []diagnostic.Range
}

// The reductions of a preference-based framework to an attack relation.
const (
	ReductionRemove  = "remove"  // the attack is dropped (Amgoud & Cayrol 2002)
	ReductionReverse = "reverse" // the attack is reversed (Amgoud & Vesic 2014; Kaci et al. 2018's reduction 2)
)

var (
	preferenceKeys = []string{"prefer", "over", "principle", "note"}
	priorityKeys   = []string{"derive", "reduction"}
	derivable      = []string{LexSuperior, LexPosterior}
)

// preferences reads the [[preferences]] entries of a file.
func (p *parser) preferences(e entry) {
	const help = `Write each preference as a [[preferences]] table with prefer = "id" and over = "id".`
	list, ok := array(e)
	if !ok {
		p.wrongType(e, "`preferences` must be an array of tables", help)
		return
	}
	for _, el := range list {
		table, ok := el.value.(map[string]any)
		if !ok {
			p.wrongType(el, "each preference must be a table", help)
			continue
		}
		p.preference(table, el.node)
	}
}

func (p *parser) preference(table map[string]any, n *node) {
	at := n.at()
	pref := &Preference{File: p.file, Range: p.file.Source.Range(at.start, at.end)}
	for _, f := range entries(table, n) {
		sp := valueSpan(f.node)
		switch f.name {
		case "prefer":
			pref.Prefer = p.ref(f, "the id of the argument that prevails", "the preference's", `Write the id of the argument that prevails: prefer = "id".`)
			pref.PreferRange = p.file.Source.Range(sp.start, sp.end)
		case "over":
			pref.Over = p.ref(f, "the id of the argument it prevails over", "the preference's", `Write the id of the argument that gives way: over = "id".`)
			pref.OverRange = p.file.Source.Range(sp.start, sp.end)
		case "principle":
			if s, ok := p.str(f, `the principle of priority: "lex-superior", "lex-specialis", "lex-posterior", "majority" or your own words`); ok {
				pref.Principle = s
				if best := closeTo(s, Principles); best != "" {
					p.report("bad-value", sp, fmt.Sprintf("Did you mean %q? A principle of your own is fine too, but not one a letter away from a known one.", best),
						"unknown principle %q", s)
				}
			}
		case "note":
			pref.Note, _ = p.str(f, "a note on the preference")
		default:
			p.unknownKey(f, "a preference", didYouMean(f.name, preferenceKeys), preferenceKeys)
		}
	}
	var missing []string
	for _, name := range []string{"prefer", "over"} {
		if _, present := table[name]; !present {
			missing = append(missing, "`"+name+"`")
		}
	}
	if len(missing) > 0 {
		p.report("missing-field", at, `A preference needs prefer = "id" (the argument that prevails) and over = "id" (the one it prevails over).`,
			"preference has no %s", strings.Join(missing, " and no "))
	}
	if pref.Prefer != "" && pref.Over != "" {
		p.file.Preferences = append(p.file.Preferences, pref)
	}
}

// closeTo returns the known name that s is a likely typo of, or "" when s
// is known or is no near miss (free text).
func closeTo(s string, known []string) string {
	if slices.Contains(known, s) {
		return ""
	}
	for _, k := range known {
		if strings.EqualFold(strings.ReplaceAll(s, " ", "-"), k) || strings.EqualFold(strings.ReplaceAll(s, "_", "-"), k) {
			return k
		}
	}
	if len(s) < 5 || strings.Contains(s, " ") {
		return "" // short words and phrases are free text
	}
	return suggest.Closest(s, known)
}

// priorities reads a file's [priorities] table.
func (p *parser) priorities(e entry) {
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "`priorities` must be a table", `Write [priorities] with derive = ["lex-superior"] under it.`)
		return
	}
	at := e.node.at()
	pr := &Priorities{Reduction: ReductionRemove, File: p.file, Range: p.file.Source.Range(at.start, at.end)}
	for _, f := range entries(table, e.node) {
		switch f.name {
		case "derive":
			const help = `Write derive = ["lex-superior", "lex-posterior"]: the principles to derive preferences from, the first applied first.`
			list, ok := array(f)
			if !ok {
				p.wrongType(f, "`derive` must be an array of principles", help)
				continue
			}
			for _, el := range list {
				s, ok := el.value.(string)
				sp := valueSpan(el.node)
				switch {
				case !ok:
					p.report("wrong-type", sp, help, "`derive` lists principles, which are strings, not %s", typeName(el.value))
				case !slices.Contains(derivable, s):
					detail := didYouMean(s, derivable)
					if detail == "" {
						detail = `argmap derives "lex-superior" from the arguments' rank and "lex-posterior" from their date; write other priorities as [[preferences]] entries.`
					}
					p.report("bad-value", sp, detail, "argmap cannot derive preferences by %q", s)
				case slices.Contains(pr.Derive, s):
					p.report("bad-value", sp, "Give each principle once.", "%q is listed twice in `derive`", s)
				default:
					pr.Derive = append(pr.Derive, s)
					pr.DeriveRanges = append(pr.DeriveRanges, p.file.Source.Range(sp.start, sp.end))
				}
			}
		case "reduction":
			s, ok := p.str(f, `how preferences act on attacks: "remove" or "reverse"`)
			if !ok {
				continue
			}
			if s != ReductionRemove && s != ReductionReverse {
				detail := didYouMean(s, []string{ReductionRemove, ReductionReverse})
				if detail == "" {
					detail = `The reduction is "remove" (an attack on a preferred argument is dropped, the default) or "reverse" (it is turned around).`
				}
				p.report("bad-value", valueSpan(f.node), detail, "unknown reduction %q", s)
				continue
			}
			pr.Reduction = s
		default:
			p.unknownKey(f, "the priorities table", didYouMean(f.name, priorityKeys), priorityKeys)
		}
	}
	p.file.Priorities = pr
}

// rank reads an argument's rank, for lex superior.
func (p *parser) rank(a *Argument, e entry) {
	r, ok := e.value.(int64)
	if !ok {
		p.wrongType(e, "`rank` must be an integer", "Write rank = 3 for the UN Charter, 2 for a treaty, 1 for a statute, say: the higher rank prevails.")
		return
	}
	a.Rank, a.Ranked = r, true
}

// date reads an argument's date, for lex posterior: a TOML local date or a
// "YYYY-MM-DD" string.
func (p *parser) date(a *Argument, e entry) {
	const help = "Write date = 2025-02-25 (a TOML date) or date = \"2025-02-25\": the later norm prevails."
	var text string
	switch v := e.value.(type) {
	case string:
		text = v
	case time.Time:
		text = string(p.file.Source.Data[e.node.val.start:e.node.val.end])
	default:
		p.wrongType(e, "`date` must be a date", help)
		return
	}
	if _, err := time.Parse(time.DateOnly, text); err != nil {
		p.report("bad-value", valueSpan(e.node), help, "%q is not a date of the form YYYY-MM-DD", text)
		return
	}
	a.Date = text
}

// Priority is one pair of a map's preference order: Prefer prevails over
// Over, and why.
type Priority struct {
	Prefer, Over string
	// Principle is the principle of the pair: as an entry writes it, or
	// LexSuperior or LexPosterior for a derived pair.
	Principle string
	// Entry is the [[preferences]] entry of the pair, or nil for a pair
	// derived from the arguments' rank or date.
	Entry *Preference
}

// Because says why the pair holds, in words for a student: "the higher
// norm prevails (lex superior): rank 3 over rank 1", or the entry's note.
func (p Priority) Because(m *Map) string {
	a, b := m.Argument(p.Prefer), m.Argument(p.Over)
	switch {
	case p.Entry == nil && p.Principle == LexSuperior && a != nil && b != nil:
		return fmt.Sprintf("lex superior, the higher norm prevails: rank %d over rank %d", a.Rank, b.Rank)
	case p.Entry == nil && p.Principle == LexPosterior && a != nil && b != nil:
		return fmt.Sprintf("lex posterior, the later norm prevails: %s over %s", a.Date, b.Date)
	}
	var parts []string
	if p.Principle != "" {
		parts = append(parts, principleWords(p.Principle))
	}
	if p.Entry != nil && p.Entry.Note != "" {
		parts = append(parts, strings.TrimRight(strings.TrimSpace(p.Entry.Note), "."))
	}
	return strings.Join(parts, "; ")
}

// principleWords says a principle for a sentence.
func principleWords(p string) string {
	switch p {
	case LexSuperior:
		return "lex superior, the higher norm prevails"
	case LexSpecialis:
		return "lex specialis, the more specific norm prevails"
	case LexPosterior:
		return "lex posterior, the later norm prevails"
	case Majority:
		return "the majority prevails over a dissent"
	}
	return p
}

// order is a map's preference order over its arguments: a strict partial
// order, kept as the pairs it was built from (its base) and their
// transitive closure.
type order struct {
	m     *Map
	index map[int]int // argument index in m.Arguments -> row of reach
	args  []int       // row -> argument index
	reach []bitset    // reach[i] holds j when args[i] prevails over args[j]
	base  map[[2]int]Priority
	next  [][]int // the base pairs, as successor lists by row
	// truncated is set when the order would rank more than maxOrdered
	// arguments.
	truncated bool
}

type bitset []uint64

func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) or(c bitset) {
	for i := range b {
		b[i] |= c[i]
	}
}

// maxOrdered bounds the arguments a map's preference order ranks: the order
// is kept as a matrix of bits, one row per argument it ranks. Past the
// bound, the pairs of arguments that have no row are left out, and
// checkOrderSize reports it.
const maxOrdered = 4096

// buildOrder builds the preference order of m: first its [[preferences]]
// entries in the map's order, then the pairs of each principle of its
// [priorities] derive list, in that order. A pair whose opposite the order
// already has (with what comes before it) is left out, so that the order
// stays strict: an entry that would close a cycle (an error, which
// checkPreferenceCycles reports), and a derived pair that contradicts an
// entry or an earlier principle (lex superior listed first prevails over
// lex posterior).
func buildOrder(m *Map) *order {
	o := &order{m: m, index: map[int]int{}, base: map[[2]int]Priority{}}
	type pair struct{ a, b int }
	var entries []pair
	for _, pref := range m.Preferences {
		a, ok1 := m.byID[pref.Prefer]
		b, ok2 := m.byID[pref.Over]
		if ok1 && ok2 && a != b {
			entries = append(entries, pair{a, b})
		}
	}
	var derive []string
	if m.Priorities != nil {
		derive = m.Priorities.Derive
	}
	// The rows: the arguments of the entries, then those with a rank or a
	// date to derive from.
	for _, p := range entries {
		if o.row(p.a) >= 0 {
			o.row(p.b)
		}
	}
	for _, principle := range derive {
		for i, a := range m.Arguments {
			if principle == LexSuperior && a.Ranked || principle == LexPosterior && a.Date != "" {
				o.row(i)
			}
		}
	}
	words := (len(o.args) + 63) / 64
	o.reach = make([]bitset, len(o.args))
	for i := range o.reach {
		o.reach[i] = make(bitset, words)
	}
	o.next = make([][]int, len(o.args))
	add := func(a, b int, p Priority) {
		ra, ok1 := o.index[a]
		rb, ok2 := o.index[b]
		if ok1 && ok2 {
			o.add(ra, rb, p)
		}
	}
	for _, pref := range m.Preferences {
		a, ok1 := m.byID[pref.Prefer]
		b, ok2 := m.byID[pref.Over]
		if ok1 && ok2 && a != b {
			add(a, b, Priority{pref.Prefer, pref.Over, pref.Principle, pref})
		}
	}
	ranked := func(a int) bool { _, ok := o.index[a]; return ok }
	for _, principle := range derive {
		derivePairs(m, principle, ranked, func(a, b int) {
			add(a, b, Priority{m.Arguments[a].ID, m.Arguments[b].ID, principle, nil})
		})
	}
	return o
}

// derivePairs calls emit with the pairs that principle derives from the
// arguments' rank or date: each argument over each argument of a lower rank
// (an earlier date). The arguments are taken from the lowest up, and the
// ones below each nearest first, so that most pairs follow from those
// already taken. Only the arguments ranked takes part.
func derivePairs(m *Map, principle string, ranked func(int) bool, emit func(a, b int)) {
	type val struct {
		arg  int
		date string
		rank int64
	}
	var vals []val
	for i, a := range m.Arguments {
		switch {
		case !ranked(i):
		case principle == LexSuperior && a.Ranked:
			vals = append(vals, val{arg: i, rank: a.Rank})
		case principle == LexPosterior && a.Date != "":
			vals = append(vals, val{arg: i, date: a.Date})
		}
	}
	cmp := func(x, y val) int {
		if principle == LexSuperior {
			switch {
			case x.rank < y.rank:
				return -1
			case x.rank > y.rank:
				return 1
			}
			return 0
		}
		return strings.Compare(x.date, y.date) // YYYY-MM-DD sorts as dates do
	}
	slices.SortStableFunc(vals, cmp)
	for i, hi := range vals {
		for j := i - 1; j >= 0; j-- {
			if cmp(vals[j], hi) < 0 {
				emit(hi.arg, vals[j].arg)
			}
		}
	}
}

// row returns the row of argument a, adding one if needed, or -1 past
// maxOrdered rows.
func (o *order) row(a int) int {
	if r, ok := o.index[a]; ok {
		return r
	}
	if len(o.args) >= maxOrdered {
		o.truncated = true
		return -1
	}
	r := len(o.args)
	o.index[a] = r
	o.args = append(o.args, a)
	return r
}

// add adds the pair a over b (rows) with its transitive consequences,
// unless the order has it already or has its opposite.
func (o *order) add(a, b int, p Priority) {
	if o.reach[a].has(b) || o.reach[b].has(a) {
		return
	}
	o.base[[2]int{a, b}] = p
	o.next[a] = append(o.next[a], b)
	// Everything at or above a now prevails over everything at or below b.
	below := slices.Clone(o.reach[b])
	below.set(b)
	for u := range o.reach {
		if u == a || o.reach[u].has(a) {
			o.reach[u].or(below)
		}
	}
}

// prevails reports whether argument a prevails over argument b (indexes in
// m.Arguments).
func (o *order) prevails(a, b int) bool {
	ra, ok1 := o.index[a]
	rb, ok2 := o.index[b]
	return ok1 && ok2 && o.reach[ra].has(rb)
}

// Prevails reports whether the argument a prevails over the argument b in
// the map's preference order: its [[preferences]] entries and the pairs its
// [priorities] derive, closed under transitivity. The order is strict: no
// argument prevails over itself, nor over one that prevails over it.
func (m *Map) Prevails(a, b string) bool {
	i, ok1 := m.byID[a]
	j, ok2 := m.byID[b]
	return ok1 && ok2 && m.prefOrder().prevails(i, j)
}

// Why returns why the argument a prevails over the argument b: a shortest
// chain of the pairs the order was built from, from a to b (one pair when a
// preference or a principle says so directly), or nil if a does not
// prevail over b. A chain of pairs of one derived principle is given as one
// pair: a rank above a rank above a rank is a rank above.
func (m *Map) Why(a, b string) []Priority {
	i, ok1 := m.byID[a]
	j, ok2 := m.byID[b]
	o := m.prefOrder()
	if !ok1 || !ok2 || !o.prevails(i, j) {
		return nil
	}
	from, to := o.index[i], o.index[j]
	parent := make([]int, len(o.args))
	for k := range parent {
		parent[k] = -1
	}
	parent[from] = from
	queue := []int{from}
	for len(queue) > 0 && parent[to] < 0 {
		v := queue[0]
		queue = queue[1:]
		for _, u := range o.next[v] {
			if parent[u] < 0 {
				parent[u] = v
				queue = append(queue, u)
			}
		}
	}
	var chain []Priority
	for v := to; v != from; v = parent[v] {
		chain = append(chain, o.base[[2]int{parent[v], v}])
	}
	slices.Reverse(chain)
	if len(chain) > 1 && chain[0].Entry == nil {
		same := true
		for _, p := range chain {
			same = same && p.Entry == nil && p.Principle == chain[0].Principle
		}
		if same {
			return []Priority{{Prefer: a, Over: b, Principle: chain[0].Principle}}
		}
	}
	return chain
}

// prefOrder returns the map's preference order, building it on first use.
func (m *Map) prefOrder() *order {
	m.orderOnce.Do(func() { m.order = buildOrder(m) })
	return m.order
}

// HasPreferences reports whether the map has a preference order at all:
// [[preferences]] entries, or principles to derive some from.
func (m *Map) HasPreferences() bool {
	return len(m.Preferences) > 0 || m.Priorities != nil && len(m.Priorities.Derive) > 0
}

// assemblePreferences fills in the map's preferences and priorities from
// its files: every file's [[preferences]], and the first [priorities]
// table (the root file's, if it has one); a second is reported.
func assemblePreferences(c *checker) {
	m := c.m
	for _, f := range m.Files {
		m.Preferences = append(m.Preferences, f.Preferences...)
		if f.Priorities == nil {
			continue
		}
		if m.Priorities == nil {
			m.Priorities = f.Priorities
			continue
		}
		d := NewDiagnostic("bad-value", f.Priorities.Range, "A map has one [priorities] table: keep the one of the root file, or of the file first included.",
			"a second [priorities] table in the map")
		d.Related = []diagnostic.Related{{Range: m.Priorities.Range, Message: "the map's [priorities] is here"}}
		c.report(d)
	}
	checkOrderSize(c)
}

// checkUnknownPreferenceArguments reports the ids of [[preferences]]
// entries that name no argument of the map; checkUnknownArguments calls it.
func checkUnknownPreferenceArguments(c *checker) {
	const inPreference = "A preference names two arguments of this map: prefer = \"id\" over = \"id\"."
	for _, p := range c.m.Preferences {
		if c.m.Argument(p.Prefer) == nil {
			c.unknown(p.Prefer, p.PreferRange, inPreference)
		}
		if c.m.Argument(p.Over) == nil {
			c.unknown(p.Over, p.OverRange, inPreference)
		}
	}
}

// checkSelfPreferences reports an argument preferred over itself.
func checkSelfPreferences(c *checker) {
	for _, p := range c.m.Preferences {
		if p.Prefer == p.Over {
			c.report(NewDiagnostic("self-preference", p.OverRange,
				"A preference says which of two arguments prevails when they conflict; an argument cannot prevail over itself. Was another id meant?",
				"argument %q is preferred over itself", p.Prefer))
		}
	}
}

// checkPreferenceCycles reports [[preferences]] entries that prefer
// arguments over each other in a circle: preferences are a strict order.
// Each strongly connected component of the entries is reported once, with
// a shortest cycle through its first argument, at each entry of the cycle.
func checkPreferenceCycles(c *checker) {
	m := c.m
	adj := make(graph.Adjacency, len(m.Arguments))
	entry := map[[2]int]*Preference{}
	for _, p := range m.Preferences {
		a, ok1 := m.byID[p.Prefer]
		b, ok2 := m.byID[p.Over]
		if !ok1 || !ok2 || a == b {
			continue
		}
		if _, dup := entry[[2]int{a, b}]; !dup {
			entry[[2]int{a, b}] = p
			adj[a] = append(adj[a], b)
		}
	}
	for i := range adj {
		slices.Sort(adj[i])
	}
	for _, comp := range graph.StronglyConnected(adj) {
		if len(comp) < 2 {
			continue
		}
		cycle := graph.Cycle(adj, comp[0], comp)
		names := make([]string, 0, len(cycle)+1)
		var prefs []*Preference
		for i, n := range cycle {
			names = append(names, m.Arguments[n].ID)
			prefs = append(prefs, entry[[2]int{n, cycle[(i+1)%len(cycle)]}])
		}
		names = append(names, names[0])
		d := NewDiagnostic("preference-cycle", prefs[0].Range,
			"Preferences are a strict order: no chain of them may lead back to where it starts. Remove the preference that does not hold.",
			"preferences in a circle: %s", strings.Join(names, " over "))
		for i, p := range prefs[1:] {
			d.Related = append(d.Related, diagnostic.Related{Range: p.Range, Message: fmt.Sprintf("%q is preferred over %q here", names[i+1], names[i+2])})
		}
		c.report(d)
	}
}

// maxIdleWork bounds the work of checkIdlePreferences, which compares each
// entry with each attack the order decides: past it, the check is skipped.
const maxIdleWork = 10_000_000

// checkIdlePreferences reports a [[preferences]] entry of a complete map
// that decides no attack: a preference acts only on an attack of the
// argument it puts below (or of one below that) on the argument it puts
// above (or on one above that), and the map has none.
func checkIdlePreferences(c *checker) {
	if !c.complete {
		return
	}
	m := c.m
	o := m.prefOrder()
	atOrAbove := func(x, a int) bool { return x == a || o.prevails(x, a) }
	// The attacks the order decides: of y on x, where x prevails over y.
	var decided []numbered
	for _, r := range c.relations {
		if r.Type == graph.Attack && r.first && c.known(r.from) && c.known(r.to) && o.prevails(r.to, r.from) {
			decided = append(decided, r)
		}
	}
	if len(decided)*len(m.Preferences) > maxIdleWork {
		return
	}
	for _, p := range m.Preferences {
		a, ok1 := m.byID[p.Prefer]
		b, ok2 := m.byID[p.Over]
		if !ok1 || !ok2 || a == b {
			continue
		}
		decides := false
		for _, r := range decided {
			// An attack of y (at or below b) on x (at or above a).
			if atOrAbove(r.to, a) && atOrAbove(b, r.from) {
				decides = true
				break
			}
		}
		if decides {
			continue
		}
		detail := fmt.Sprintf("A preference decides an attack of the argument it puts below on the one it puts above; %q does not attack %q.", p.Over, p.Prefer)
		if c.firstOf(relationKey{a, b, graph.Attack}) != nil {
			detail += fmt.Sprintf(" %q's attack on %q is a defeat with or without it.", p.Prefer, p.Over)
		}
		c.report(NewDiagnostic("preference-without-attack", p.Range, detail+" Remove it, or add the attack it is meant to decide.",
			"the preference of %q over %q decides no attack", p.Prefer, p.Over))
	}
}

// checkNothingToDerive reports a principle of [priorities] derive that no
// argument of a complete map gives the field of: no rank for lex superior,
// no date for lex posterior.
func checkNothingToDerive(c *checker) {
	pr := c.m.Priorities
	if !c.complete || pr == nil {
		return
	}
	for i, principle := range pr.Derive {
		field, example := "rank", "rank = 2"
		if principle == LexPosterior {
			field, example = "date", "date = 2025-02-25"
		}
		has := false
		for _, a := range c.m.Arguments {
			has = has || field == "rank" && a.Ranked || field == "date" && a.Date != ""
		}
		if !has {
			c.report(NewDiagnostic("nothing-to-derive", pr.DeriveRanges[i],
				fmt.Sprintf("%s is derived from the arguments' %s: give the norms one (%s), or remove the principle.", principle, field, example),
				"no argument has a `%s` to derive %s from", field, principle))
		}
	}
}

// checkOrderSize reports a preference order of more than maxOrdered
// arguments: the pairs of the arguments past the bound are left out.
// assemblePreferences calls it.
func checkOrderSize(c *checker) {
	if !c.m.HasPreferences() || !c.m.prefOrder().truncated {
		return
	}
	at := c.m.Root.Source.Range(0, 0)
	switch {
	case len(c.m.Preferences) > 0:
		at = c.m.Preferences[0].Range
	case c.m.Priorities != nil:
		at = c.m.Priorities.Range
	}
	c.report(NewDiagnostic("bad-value", at, "Split the map, or give fewer arguments a preference, a rank or a date.",
		"the preferences rank more than %d arguments: argmap orders at most %d, and leaves the others unranked", maxOrdered, maxOrdered))
}
