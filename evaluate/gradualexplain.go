package evaluate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/graph"
)

// explainGradual says how a gradual semantics computed the score of node
// n: the scores it was computed from, and the formula with its numbers.
func (r *Result) explainGradual(b *strings.Builder, n int) {
	name, score := r.label(n), r.scores[n]
	switch r.Options.Method.Gradual {
	case HCategorizer:
		attackers := r.frame.Attackers(n)
		if len(attackers) == 0 {
			fmt.Fprintf(b, "%s scores 1 under the h-categorizer: nothing attacks it.\n", name)
			return
		}
		var terms, parts []string
		sum := 0.0
		for _, a := range attackers {
			terms = append(terms, fmt.Sprintf("%s %s", r.label(a), score3(r.scores[a])))
			parts = append(parts, score3(r.scores[a]))
			sum += r.scores[a]
		}
		fmt.Fprintf(b, "%s scores %s under the h-categorizer (Besnard & Hunter 2001): one over one plus the scores of its attackers.\n", name, score3(score))
		fmt.Fprintf(b, "  Its attackers: %s.\n", strings.Join(terms, ", "))
		fmt.Fprintf(b, "  1 / (1 + %s) = 1 / %s = %s.\n", strings.Join(parts, " + "), score3(1+sum), score3(score))
		if onCycle(r.frame.Len(), n, func(v int) []int { return r.frame.Attackers(v) }) {
			b.WriteString("  It is on a cycle of attacks: the scores of the cycle are solved together.\n")
		}
	case DFQuAD:
		base := dfquadBase(r.Map, r.graph, n)
		attackers := uniqueSorted(reversed(r.graph.Adjacency(graph.Attack))[n])
		supporters := uniqueSorted(reversed(r.graph.Adjacency(graph.Support))[n])
		va, vs := aggregate(r.scores, attackers), aggregate(r.scores, supporters)
		fmt.Fprintf(b, "%s scores %s under DF-QuAD (Rago et al. 2016): its weight, %s, lowered by its attackers and raised by its supporters.\n",
			name, score3(score), score3(base))
		fmt.Fprintf(b, "  Attackers: %s; together F = 1 − ∏(1 − score) = %s.\n", r.scored(attackers), score3(va))
		fmt.Fprintf(b, "  Supporters: %s; together %s.\n", r.scored(supporters), score3(vs))
		switch {
		case va == vs:
			fmt.Fprintf(b, "  They balance: it keeps its weight, %s.\n", score3(base))
		case va > vs:
			fmt.Fprintf(b, "  The attack is stronger: %s − %s × (%s − %s) = %s.\n", score3(base), score3(base), score3(va), score3(vs), score3(base-base*(va-vs)))
		default:
			fmt.Fprintf(b, "  The support is stronger: %s + (1 − %s) × (%s − %s) = %s.\n", score3(base), score3(base), score3(vs), score3(va), score3(base+(1-base)*(vs-va)))
		}
		in := make([][]int, r.graph.Len()) // every edge, backwards
		for _, e := range r.graph.Edges() {
			in[e.To] = append(in[e.To], e.From)
		}
		if onCycle(r.graph.Len(), n, func(v int) []int { return in[v] }) {
			b.WriteString("  It is on a cycle: the scores of the cycle are solved together, so the figures above hold to within 1e-9.\n")
		}
	}
}

// scored lists nodes with their scores, or says "none".
func (r *Result) scored(nodes []int) string {
	if len(nodes) == 0 {
		return "none"
	}
	parts := make([]string, len(nodes))
	for i, v := range nodes {
		parts[i] = r.label(v) + " " + score3(r.scores[v])
	}
	return strings.Join(parts, ", ")
}

// aggregate is DF-QuAD's F: 1 − ∏(1 − score), 0 for no node.
func aggregate(scores []float64, nodes []int) float64 {
	p := 1.0
	for _, v := range nodes {
		p *= 1 - scores[v]
	}
	return 1 - p
}

func uniqueSorted(nodes []int) []int {
	slices.Sort(nodes)
	return slices.Compact(nodes)
}

func score3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// onCycle reports whether n reaches itself going back along in.
func onCycle(size, n int, in func(int) []int) bool {
	seen := make([]bool, size)
	stack := slices.Clone(in(n))
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v == n {
			return true
		}
		if !seen[v] {
			seen[v] = true
			stack = append(stack, in(v)...)
		}
	}
	return false
}
