package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// maxDepth bounds how far an explanation follows the chain of attackers and
// defenders: beyond it, a student is better served by argmap eval.
const maxDepth = 4

// Explain says why the argument id has its status, in sentences written for
// a student. Under grounded semantics it follows the chain of attackers and
// defenders that settles the argument; under the others it shows an
// extension that holds it and one that does not, or why none can. An attack
// that the reading of the supports derives is told in that reading's words.
//
// It returns an error, and no text, when id is not an evaluated argument,
// when the method is a gradual semantics, when ctx ends (ctx's error), and
// when a question the explanation asks of the semantics cannot be decided.
func (r *Result) Explain(ctx context.Context, id string) (string, error) {
	st, ok := r.Status(id)
	if !ok {
		return "", fmt.Errorf("no argument %q in the evaluation", id)
	}
	var b strings.Builder
	s := r.Options.Method.Semantics
	fmt.Fprintf(&b, "%s: %s\n", id, termtext.Escape(r.Map.Argument(id).Claim)) // the one text of the map's own; ids are plain
	if len(r.Options.Without) > 0 {
		fmt.Fprintf(&b, "(with %s withdrawn)\n", strings.Join(r.Options.Without, ", "))
	}
	fmt.Fprintln(&b)
	if r.Options.Method.Gradual != 0 {
		r.explainGradual(&b, r.nodeOf[id])
		return b.String(), nil
	}
	if r.Options.Method.Carneades {
		r.explainCarneades(&b, r.nodeOf[id])
		r.explainQuestions(&b, id)
		return b.String(), nil
	}
	if s == semantics.Grounded {
		r.explainGrounded(&b, r.nodeOf[id])
		r.explainQuestions(&b, id)
		return b.String(), nil
	}
	text, err := r.explainExtensions(ctx, st, solver{})
	if err := ctx.Err(); err != nil {
		return "", err // the time ran out: an explanation cut short would mislead
	}
	if err != nil {
		return "", err
	}
	b.WriteString(text)
	b.WriteString(r.failedAttacks(r.nodeOf[id], ""))
	r.explainQuestions(&b, id)
	return b.String(), nil
}

// label names a node for a sentence: an argument by its id, an inference
// by what it joins.
func (r *Result) label(n int) string {
	if r.isQuestion(n) {
		return r.questionLabel(n)
	}
	if from, to, ok := r.graph.Inference(n); ok {
		return fmt.Sprintf("the inference from %s to %s", r.graph.Name(from), r.graph.Name(to))
	}
	return r.reasonLabel(n)
}

// direct reports whether the map itself says that a attacks b, rather
// than the reading of its supports.
func (r *Result) direct(a, b int) bool {
	for _, e := range r.graph.Edges() {
		if e.From == a && e.To == b && e.Relation == graph.Attack {
			return true
		}
	}
	return false
}

// attacksIt says how a attacks b, in the words of the reading of the
// supports in use: "attacks it" for an attack the map states, and for one
// that the reading derives, the way it goes, with the name that Cayrol &
// Lagasquie-Schiex (2013) give its kind:
//
//	supported-secondary  "supports cooperation, which attacks it (a supported attack)"
//	                     "attacks collateral, which supports it (a secondary attack)"
//	deductive            "supports designation, which attacks it (a supported attack)"
//	                     "attacks strike, which it supports (a mediated attack)"
//	necessary            "attacks lethal_force, which it needs (a secondary attack)"
//	                     "needs designation, which attacks it (an extended attack)"
//
// The way shown is a shortest one: a chain of supports from a to some x,
// x's attack on some y, and a chain from y to b (see package bipolar for
// the chains each reading follows).
func (r *Result) attacksIt(a, b int) string {
	if r.direct(a, b) {
		return "attacks it"
	}
	w := r.derivation(a, b)
	if w == nil {
		return "attacks it through the supports" // unreachable: every attack is direct or derived
	}
	return w.phrase(r)
}

// step is one edge of a derivation's chains.
type step struct {
	to      int
	premise bool // a premise edge to an inference, rather than a support
}

// derivation is the way a derived attack a → b goes: a's chain to x
// (commitments, or needs under necessary support), x's direct attack on
// y, and y's chain to b.
type derivation struct {
	mode       bipolar.Mode
	a, x, y, b int
	left       []step // from a to x
	right      []step // from y to b
}

// derivation finds a shortest way a → b is derived under the reading in
// use, or nil if there is none.
func (r *Result) derivation(a, b int) *derivation {
	mode := r.Options.Support
	if mode == bipolar.Ignore {
		return nil
	}
	n := r.graph.Len()
	// The supports into an argument with convergent reasons are not followed
	// to where its reasons' attacks reach, nor, under necessary, to what it
	// needs: its gadget stands for them (bipolar.Convergent).
	sup, full := r.cutSupports(), r.graph.Adjacency(graph.Support)
	prem := r.graph.Adjacency(graph.Premise)
	supRev, premRev := reversed(sup), reversed(prem)
	// Along left, a reaches x: a commits to x (supports, as in
	// supported-secondary and deductive) or needs x (supports turned
	// around, necessary). Along right, y reaches b: b rests on or needs y
	// (supports), or commits to y (supports turned around, deductive);
	// premise edges lead from a premise to its inference in every reading.
	left := full
	if mode == bipolar.Necessary {
		left = supRev
	}
	rightBack := supRev // right's support edges turned around
	if mode == bipolar.Deductive {
		rightBack = sup
	}

	// Breadth first from a along left, and from b back along right.
	fromA := bfs(n, a, func(v int, visit func(int, bool)) {
		for _, u := range left[v] {
			visit(u, false)
		}
	})
	toB := bfs(n, b, func(v int, visit func(int, bool)) {
		for _, u := range rightBack[v] {
			visit(u, false)
		}
		for _, u := range premRev[v] {
			visit(u, true)
		}
	})
	att := r.graph.Adjacency(graph.Attack)
	best := -1
	var bx, by int
	for x := range n {
		if fromA.dist[x] < 0 {
			continue
		}
		for _, y := range att[x] {
			if toB.dist[y] < 0 {
				continue
			}
			if d := fromA.dist[x] + toB.dist[y]; best < 0 || d < best {
				best, bx, by = d, x, y
			}
		}
	}
	if best < 0 {
		return nil
	}
	w := &derivation{mode: mode, a: a, x: bx, y: by, b: b}
	// The left chain, read back from x to a, then turned the right way.
	for v := bx; v != a; v = fromA.parent[v] {
		w.left = append(w.left, step{to: v})
	}
	slices.Reverse(w.left)
	// The right chain: toB's parents already lead from y towards b.
	for v := by; v != b; v = toB.parent[v] {
		w.right = append(w.right, step{to: toB.parent[v], premise: toB.premise[v]})
	}
	return w
}

// search is the result of a breadth-first search: each node's distance
// from the start (-1 if not reached), the node it was reached from, and
// whether by a premise edge.
type search struct {
	dist, parent []int
	premise      []bool
}

// bfs searches from start along the edges next visits, in node order so
// that the result is deterministic.
func bfs(n, start int, next func(v int, visit func(u int, premise bool))) search {
	s := search{dist: make([]int, n), parent: make([]int, n), premise: make([]bool, n)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	s.dist[start] = 0
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		next(v, func(u int, premise bool) {
			if s.dist[u] < 0 {
				s.dist[u], s.parent[u], s.premise[u] = s.dist[v]+1, v, premise
				queue = append(queue, u)
			}
		})
	}
	return s
}

// reversed returns adj with every edge turned around.
func reversed(adj graph.Adjacency) graph.Adjacency {
	out := make(graph.Adjacency, len(adj))
	for v, targets := range adj {
		for _, u := range targets {
			out[u] = append(out[u], v)
		}
	}
	return out
}

// length is the number of edges of the way, its attack included; 0 for no
// derivation (a direct attack).
func (w *derivation) length() int {
	if w == nil {
		return 0
	}
	return len(w.left) + 1 + len(w.right)
}

// phrase says the derivation as the predicate of a sentence whose
// subject is its attacker and in which "it" is its target.
func (w *derivation) phrase(r *Result) string {
	name := func(v int) string {
		if v == w.b {
			return "it"
		}
		return r.label(v)
	}
	var clauses []string
	// From the attacker to x: what it commits to, or what it needs.
	for _, s := range w.left {
		verb := "supports"
		if w.mode == bipolar.Necessary {
			verb = "needs"
		}
		clauses = append(clauses, verb+" "+r.label(s.to))
	}
	clauses = append(clauses, "attacks "+name(w.y))
	// From y to the target: what rests on it, needs it, or commits to it.
	premise := false
	for _, s := range w.right {
		switch {
		case s.premise:
			premise = true
			clauses = append(clauses, "on which "+name(s.to)+" rests")
		case w.mode == bipolar.Deductive:
			clauses = append(clauses, name(s.to)+" supports")
		case w.mode == bipolar.Necessary:
			clauses = append(clauses, name(s.to)+" needs")
		default:
			clauses = append(clauses, "supports "+name(s.to))
		}
	}
	text := clauses[0]
	for _, c := range clauses[1:] {
		if strings.HasPrefix(c, "on which ") {
			text += ", " + c
		} else {
			text += ", which " + c
		}
	}
	if kind := w.kind(premise); kind != "" {
		text += " (" + kind + ")"
	}
	return text
}

// kind names the kind of complex attack the derivation is, as Cayrol &
// Lagasquie-Schiex (2013) name them, or "" for a composition they do not
// name or a way through a premise.
func (w *derivation) kind(premise bool) string {
	if premise {
		return ""
	}
	l, r := len(w.left) > 0, len(w.right) > 0
	switch w.mode {
	case bipolar.SupportedSecondary:
		switch {
		case l && !r:
			return "a supported attack"
		case !l && r:
			return "a secondary attack"
		}
	case bipolar.Deductive:
		switch {
		case l && !r:
			return "a supported attack"
		case !l && r:
			return "a mediated attack"
		case l && r:
			return "a super-mediated attack"
		}
	case bipolar.Necessary:
		switch {
		case l && !r:
			return "an extended attack"
		case !l && r:
			return "a secondary attack"
		}
	}
	return ""
}

// explainGrounded follows the grounded labelling, round by round: an
// argument is accepted when all its attackers are rejected, rejected when an
// accepted argument attacks it, and undecided otherwise.
func (r *Result) explainGrounded(b *strings.Builder, n int) {
	f := r.frame
	labels := f.Grounded()
	round := groundedRounds(f)
	var explain func(n, depth int, indent string)
	explain = func(n, depth int, indent string) {
		name := r.label(n)
		attackers := f.Attackers(n)
		if r.explainReasons(b, n, labels, indent, func(a int) {
			if depth < maxDepth {
				explain(a, depth+1, indent+"  ")
			}
		}) {
			return
		}
		switch labels[n] {
		case semantics.In:
			failed := r.failedAttacks(n, indent+"  ")
			if len(attackers) == 0 && failed != "" {
				fmt.Fprintf(b, "%s%s is accepted: no argument defeats it.\n%s", indent, name, failed)
				return
			}
			if len(attackers) == 0 {
				fmt.Fprintf(b, "%s%s is accepted: nothing attacks it.\n", indent, name)
				return
			}
			fmt.Fprintf(b, "%s%s is accepted: every argument that attacks it is rejected.\n%s", indent, name, failed)
			for _, a := range attackers {
				if depth >= maxDepth {
					fmt.Fprintf(b, "%s  %s is rejected (run explain on it to see why).\n", indent, r.label(a))
					continue
				}
				explain(a, depth+1, indent+"  ")
			}
		case semantics.Out:
			// A direct attack reads best; among those, the accepted attacker
			// settled earliest gives the shortest reason, and then the
			// derived attack with the shortest way the shortest sentence.
			best := -1
			better := func(a int) bool {
				if best < 0 {
					return true
				}
				if da, db := r.direct(a, n), r.direct(best, n); da != db {
					return da
				}
				if la, lb := r.legal(a), r.legal(best); la != lb {
					return la // a student of law reads the legal reason first
				}
				if round[a] != round[best] {
					return round[a] < round[best]
				}
				return r.derivation(a, n).length() < r.derivation(best, n).length()
			}
			// Only an attacker accepted no later than n was rejected keeps
			// the explanation well founded: one accepted later is accepted
			// because n is rejected, and explaining it would come back here.
			for _, a := range attackers {
				if labels[a] == semantics.In && round[a] <= round[n] && better(a) {
					best = a
				}
			}
			if r.graph.Kind(best) == graph.Auxiliary {
				fmt.Fprintf(b, "%s%s is rejected: it has several reasons, one standing reason would suffice, and none stands.\n", indent, name)
				if depth < maxDepth {
					explain(best, depth+1, indent+"  ")
				}
				return
			}
			if d, ok := r.reversedOn(best, n); ok {
				fmt.Fprintf(b, "%s%s is rejected: %s defeats it in return for its attack, and %s is accepted.\n", indent, name, r.label(best), r.label(best))
				fmt.Fprintf(b, "%s  %s\n", indent, d.sentence(r.Map))
			} else {
				fmt.Fprintf(b, "%s%s is rejected: %s %s, and %s is accepted.\n", indent, name, r.label(best), r.attacksIt(best, n), r.label(best))
			}
			r.failingMembers(b, n, labels, indent)
			if depth == 0 {
				r.otherAttackers(b, n, best, labels, indent)
				r.standingSupporters(b, n, labels, indent)
			}
			if depth < maxDepth {
				explain(best, depth+1, indent+"  ")
			}
		default:
			var undecided []string
			for _, a := range attackers {
				if labels[a] == semantics.Undec {
					undecided = append(undecided, r.label(a))
				}
			}
			fmt.Fprintf(b, "%s%s is undecided: no accepted argument attacks it, but it is not defended against %s, which %s undecided too.\n",
				indent, name, strings.Join(undecided, " and "), pluralVerb(len(undecided)))
			if cycle := graph.Cycle(f, n, undecidedNodes(labels)); len(cycle) > 0 {
				names := make([]string, 0, len(cycle)+1)
				for _, c := range cycle {
					names = append(names, r.label(c))
				}
				names = append(names, names[0])
				fmt.Fprintf(b, "%s  Grounded semantics cannot break the cycle of attacks %s: it accepts only what is defended without taking sides.\n",
					indent, strings.Join(names, " → "))
			}
		}
	}
	explain(n, 0, "")
}

func pluralVerb(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// groundedRounds replays the grounded construction and returns, for every
// argument it labels, the round in which it did: in round r, the arguments
// whose attackers are all rejected are accepted, and what they attack is
// rejected.
func groundedRounds(f *semantics.Framework) []int {
	round := make([]int, f.Len())
	label := make(semantics.Labelling, f.Len())
	for r := 0; ; r++ {
		var accepted []int
		for n := range f.Len() {
			if label[n] != 0 {
				continue
			}
			defended := true
			for _, a := range f.Attackers(n) {
				defended = defended && label[a] == semantics.Out
			}
			if defended {
				accepted = append(accepted, n)
			}
		}
		if len(accepted) == 0 {
			return round
		}
		for _, n := range accepted {
			label[n], round[n] = semantics.In, r
		}
		for _, n := range accepted {
			for _, t := range f.Attacks(n) {
				if label[t] == 0 {
					label[t], round[t] = semantics.Out, r
				}
			}
		}
	}
}

func undecidedNodes(labels semantics.Labelling) []int {
	var nodes []int
	for n, l := range labels {
		if l == semantics.Undec {
			nodes = append(nodes, n)
		}
	}
	return nodes
}

// decider answers the questions an explanation asks of a semantics: the
// functions of package semantics, or, in tests, answers that fail.
type decider interface {
	Credulous(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error)
	Skeptical(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error)
}

// solver is the decider of package semantics.
type solver struct{}

func (solver) Credulous(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error) {
	return semantics.Credulous(ctx, f, s, a)
}

func (solver) Skeptical(ctx context.Context, f *semantics.Framework, s semantics.Semantics, a int) (bool, semantics.Extension, error) {
	return semantics.Skeptical(ctx, f, s, a)
}

// explainExtensions explains an argument's status under a semantics with
// several extensions, from a witness and a counter-example. A question d
// cannot decide is an error: an explanation that skipped it could state
// what is not so.
func (r *Result) explainExtensions(ctx context.Context, st Status, d decider) (string, error) {
	var b strings.Builder
	s := r.Options.Method.Semantics
	n := r.nodeOf[st.ID]
	f := r.frame
	ext := func(e semantics.Extension) string {
		var ids []string
		for _, m := range e {
			if r.graph.Kind(m) == graph.Argument {
				ids = append(ids, r.graph.Name(m))
			}
		}
		slices.Sort(ids)
		return "{" + strings.Join(ids, ", ") + "}"
	}
	ok, witness, err := d.Credulous(ctx, f, s, n)
	if err != nil {
		return "", fmt.Errorf("deciding whether %s is in some %s extension: %w", st.ID, s, err)
	}
	if !ok {
		fmt.Fprintf(&b, "%s is rejected under %s semantics: no %s extension contains it.\n", st.ID, s, s)
		switch {
		case f.SelfAttacking(n):
			fmt.Fprintf(&b, "It attacks itself, so no conflict-free set of arguments can hold it.\n")
		default:
			for _, a := range f.Attackers(n) {
				sk, _, err := d.Skeptical(ctx, f, s, a)
				if err != nil {
					return "", fmt.Errorf("deciding whether %s, which attacks %s, is in every %s extension: %w", r.label(a), st.ID, s, err)
				}
				if sk {
					fmt.Fprintf(&b, "%s %s, and %s is in every %s extension.\n", r.label(a), r.attacksIt(a, n), r.label(a), s)
					return b.String(), nil
				}
			}
			how := "without a conflict"
			if s == semantics.Stable {
				how += ", or without leaving an argument neither accepted nor attacked"
			}
			fmt.Fprintf(&b, "Any set that holds it must defend it against %s, and no such defence is possible %s.\n", r.labels(f.Attackers(n)), how)
		}
		return b.String(), nil
	}
	sk, counter, err := d.Skeptical(ctx, f, s, n)
	if err != nil {
		return "", fmt.Errorf("deciding whether %s is in every %s extension: %w", st.ID, s, err)
	}
	if sk {
		fmt.Fprintf(&b, "%s is accepted under %s semantics: it is in every %s extension, for instance %s.\n", st.ID, s, s, ext(witness))
		if len(f.Attackers(n)) > 0 {
			fmt.Fprintf(&b, "Every extension defends it against %s.\n", r.labels(f.Attackers(n)))
		}
		return b.String(), nil
	}
	fmt.Fprintf(&b, "%s is undecided under %s semantics: some %s extensions hold it, others do not.\n", st.ID, s, s)
	fmt.Fprintf(&b, "  %s holds it.\n", ext(witness))
	fmt.Fprintf(&b, "  %s does not", ext(counter))
	for _, a := range f.Attackers(n) {
		if slices.Contains(counter, a) {
			fmt.Fprintf(&b, ": there %s %s", r.label(a), r.attacksIt(a, n))
			break
		}
	}
	fmt.Fprintln(&b, ".")
	return b.String(), nil
}

func (r *Result) labels(nodes []int) string {
	names := make([]string, len(nodes))
	for i, n := range nodes {
		names[i] = r.label(n)
	}
	return joinList(names, "and", false)
}

// otherAttackers names the accepted attackers of the rejected node n
// besides best, the one the explanation follows: legal arguments (kind law
// or precedent) first, then the others in the map's order.
func (r *Result) otherAttackers(b *strings.Builder, n, best int, labels semantics.Labelling, indent string) {
	var legal, other, derived []string
	for _, a := range r.frame.Attackers(n) {
		if a == best || labels[a] != semantics.In || r.graph.Kind(a) == graph.Auxiliary {
			continue
		}
		name := r.label(a)
		if !r.direct(a, n) {
			derived = append(derived, name)
			continue
		}
		if r.legal(a) {
			legal = append(legal, name+" ("+r.kindOf(a)+")")
			continue
		}
		other = append(other, name)
	}
	if direct := append(legal, other...); len(direct) > 0 {
		fmt.Fprintf(b, "%s  Also attacking it, and accepted: %s.\n", indent, joinList(direct, "and", false))
	}
	if len(derived) > 0 {
		verb, them := "attack it too, and are", "them"
		if len(derived) == 1 {
			verb, them = "attacks it too, and is", "it"
		}
		fmt.Fprintf(b, "%s  Through supports, %s %s accepted (explain %s to see how).\n", indent, joinList(derived, "and", false), verb, them)
	}
}

// standingSupporters says, for the rejected node n, which of its
// supporters are accepted, and why they do not rescue it.
func (r *Result) standingSupporters(b *strings.Builder, n int, labels semantics.Labelling, indent string) {
	var names []string
	seen := map[int]bool{}
	for _, e := range r.graph.Edges() {
		if e.To != n || e.Relation != graph.Support || seen[e.From] || labels[e.From] != semantics.In {
			continue
		}
		seen[e.From] = true
		names = append(names, r.label(e.From))
	}
	if len(names) == 0 {
		return
	}
	verb := "supports it and is"
	if len(names) > 1 {
		verb = "support it and are"
	}
	fmt.Fprintf(b, "%s  %s %s accepted, but a support does not answer an attack: %s could stand only if every argument that defeats it were rejected.\n",
		indent, joinList(names, "and", false), verb, r.label(n))
}

// kindOf is the kind of the argument node a is, or of the argument the
// attack inference a comes from, or "".
func (r *Result) kindOf(a int) string {
	if ps, _, rel := r.graph.Premises(a); rel == graph.Attack && len(ps) == 1 {
		a = ps[0]
	}
	if r.graph.Kind(a) != graph.Argument {
		return ""
	}
	return r.Map.Argument(r.graph.Name(a)).Kind
}

// legal reports whether node a is a legal argument: a law or a precedent,
// or the attack of one.
func (r *Result) legal(a int) bool {
	k := r.kindOf(a)
	return k == "law" || k == "precedent"
}
