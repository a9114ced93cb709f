package evaluate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/semantics"
)

// maxDepth bounds how far an explanation follows the chain of attackers and
// defenders: beyond it, a student is better served by argmap eval.
const maxDepth = 4

// Explain says why the argument id has its status, in sentences written for
// a student. Under grounded semantics it follows the chain of attackers and
// defenders that settles the argument; under the others it shows an
// extension that holds it and one that does not, or why none can.
func (r *Result) Explain(ctx context.Context, id string) (string, error) {
	st, ok := r.Status(id)
	if !ok {
		return "", fmt.Errorf("no argument %q in the evaluation", id)
	}
	if r.Options.Method.Gradual != 0 {
		return "", fmt.Errorf("explain works with grounded, complete, preferred, stable, semi-stable, stage and ideal semantics, not with %s", r.Options.Method)
	}
	var b strings.Builder
	s := r.Options.Method.Semantics
	fmt.Fprintf(&b, "%s: %s\n", id, termtext.Escape(r.claim(id))) // the one text of the map's own; ids are plain
	if len(r.Options.Without) > 0 {
		fmt.Fprintf(&b, "(with %s withdrawn)\n", strings.Join(r.Options.Without, ", "))
	}
	fmt.Fprintln(&b)
	if s == semantics.Grounded {
		r.explainGrounded(&b, r.nodeOf[id])
		return b.String(), nil
	}
	text := r.explainExtensions(ctx, st)
	if err := ctx.Err(); err != nil {
		return "", err // the time ran out: an explanation cut short would mislead
	}
	return b.String() + text, nil
}

// claim is an argument's claim, or a description of an inference.
func (r *Result) claim(name string) string {
	if a := r.Map.Argument(name); a != nil {
		return a.Claim
	}
	if from, to, ok := strings.Cut(name, "->"); ok {
		return fmt.Sprintf("the inference from %s to %s", from, to)
	}
	return name
}

// label names a node for a sentence: an argument by its id, an inference
// by what it joins.
func (r *Result) label(n int) string {
	name := r.graph.Name(n)
	if from, to, ok := strings.Cut(name, "->"); ok {
		return fmt.Sprintf("the inference from %s to %s", from, to)
	}
	return name
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

// attacksIt says how a attacks b: "attacks it", or, for an attack that
// the reading of the supports derives, by way of which argument: "attacks
// collateral, which supports it" (a secondary attack), "supports
// cooperation, which attacks it" (a supported attack).
func (r *Result) attacksIt(a, b int) string {
	if r.direct(a, b) {
		return "attacks it"
	}
	support := r.graph.Adjacency(graph.Support)
	reaches := func(from, to int) bool { // along one or more supports
		seen := map[int]bool{}
		queue := []int{from}
		for len(queue) > 0 {
			x := queue[0]
			queue = queue[1:]
			for _, y := range support[x] {
				if y == to {
					return true
				}
				if !seen[y] {
					seen[y] = true
					queue = append(queue, y)
				}
			}
		}
		return false
	}
	for x := range r.graph.Len() {
		if r.direct(a, x) && reaches(x, b) {
			return fmt.Sprintf("attacks %s, on which it rests", r.label(x))
		}
	}
	for x := range r.graph.Len() {
		if r.direct(x, b) && reaches(a, x) {
			return fmt.Sprintf("supports %s, which attacks it", r.label(x))
		}
	}
	return "attacks it through the supports"
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
		switch labels[n] {
		case semantics.In:
			if len(attackers) == 0 {
				fmt.Fprintf(b, "%s%s is accepted: nothing attacks it.\n", indent, name)
				return
			}
			fmt.Fprintf(b, "%s%s is accepted: every argument that attacks it is rejected.\n", indent, name)
			for _, a := range attackers {
				if depth >= maxDepth {
					fmt.Fprintf(b, "%s  %s is rejected (run explain on it to see why).\n", indent, r.label(a))
					continue
				}
				explain(a, depth+1, indent+"  ")
			}
		case semantics.Out:
			// A direct attack reads best; among those, the accepted attacker
			// settled earliest gives the shortest reason.
			best := -1
			better := func(a int) bool {
				if best < 0 {
					return true
				}
				if da, db := r.direct(a, n), r.direct(best, n); da != db {
					return da
				}
				return round[a] < round[best]
			}
			for _, a := range attackers {
				if labels[a] == semantics.In && better(a) {
					best = a
				}
			}
			fmt.Fprintf(b, "%s%s is rejected: %s %s, and %s is accepted.\n", indent, name, r.label(best), r.attacksIt(best, n), r.label(best))
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

// explainExtensions explains an argument's status under a semantics with
// several extensions, from a witness and a counter-example.
func (r *Result) explainExtensions(ctx context.Context, st Status) string {
	var b strings.Builder
	s := r.Options.Method.Semantics
	n := r.nodeOf[st.ID]
	f := r.frame
	ext := func(e semantics.Extension) string {
		var ids []string
		for _, m := range e {
			if r.Map.Argument(r.graph.Name(m)) != nil {
				ids = append(ids, r.graph.Name(m))
			}
		}
		slices.Sort(ids)
		return "{" + strings.Join(ids, ", ") + "}"
	}
	ok, witness, err := semantics.Credulous(ctx, f, s, n)
	if err != nil {
		return fmt.Sprintf("cannot decide: %v\n", err)
	}
	if !ok {
		fmt.Fprintf(&b, "%s is rejected under %s semantics: no %s extension contains it.\n", st.ID, s, s)
		switch {
		case f.SelfAttacking(n):
			fmt.Fprintf(&b, "It attacks itself, so no conflict-free set of arguments can hold it.\n")
		default:
			for _, a := range f.Attackers(n) {
				if sk, _, err := semantics.Skeptical(ctx, f, s, a); err == nil && sk {
					fmt.Fprintf(&b, "%s %s, and %s is in every %s extension.\n", r.label(a), r.attacksIt(a, n), r.label(a), s)
					return b.String()
				}
			}
			how := "without a conflict"
			if s == semantics.Stable {
				how += ", or without leaving an argument neither accepted nor attacked"
			}
			fmt.Fprintf(&b, "Any set that holds it must defend it against %s, and no such defence is possible %s.\n", r.labels(f.Attackers(n)), how)
		}
		return b.String()
	}
	sk, counter, err := semantics.Skeptical(ctx, f, s, n)
	if err != nil {
		return fmt.Sprintf("cannot decide: %v\n", err)
	}
	if sk {
		fmt.Fprintf(&b, "%s is accepted under %s semantics: it is in every %s extension, for instance %s.\n", st.ID, s, s, ext(witness))
		if len(f.Attackers(n)) > 0 {
			fmt.Fprintf(&b, "Every extension defends it against %s.\n", r.labels(f.Attackers(n)))
		}
		return b.String()
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
	return b.String()
}

func (r *Result) labels(nodes []int) string {
	names := make([]string, len(nodes))
	for i, n := range nodes {
		names[i] = r.label(n)
	}
	if len(names) > 1 {
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names, "")
}
