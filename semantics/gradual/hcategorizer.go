package gradual

import (
	"strconv"

	"github.com/argmap/argmap/graph"
)

// HCategorizer returns the strength of every argument of the framework whose attacks are
// the edges of attacks (a attacks b when b is among attacks.Successors(a)) under the
// h-categorizer of Besnard & Hunter (2001):
//
//	s(a) = 1 / (1 + Σ s(b) over the attackers b of a)
//
// An unattacked argument has strength exactly 1, and every strength is in (0, 1].
// Repeated successors count once; an argument may attack itself.
//
// Besnard & Hunter define the h-categorizer on acyclic graphs, where the equations are
// solved argument after argument. Pu, Luo, Zhang & Luo (2014) show that on every finite
// graph, cycles included, they have exactly one solution s*, and that the iteration
// s_{k+1} = f(s_k) from s_0 = 1 (f being the right-hand sides) converges to it.
// HCategorizer runs that iteration. Since f is antitone (stronger attackers, weaker
// argument) and s_0 ≥ s*, the iterates alternate around the solution, s_{2k} ≥ s* ≥
// s_{2k+1} in every argument; so it stops as soon as two consecutive iterates differ by
// at most [Tolerance] in every argument, and the strengths it returns are then each
// within Tolerance of s*. On an acyclic graph the iterates are exact, up to rounding,
// once there have been as many iterations as the longest chain of attacks has attacks,
// so the iteration ends after at most one more. If [MaxIterations] iterations are not
// enough, it returns a *[ConvergenceError].
//
// Each iteration takes O(V + E) time. HCategorizer panics if a successor is not a node of
// attacks, which [graph.Directed] rules out.
func HCategorizer(attacks graph.Directed) ([]float64, error) {
	return hCategorizer(attacks, MaxIterations)
}

// hCategorizer is HCategorizer with a bound on the iterations, so that the tests can
// reach it.
func hCategorizer(attacks graph.Directed, maxIterations int) ([]float64, error) {
	n := attacks.Len()
	at, attackers := predecessors(attacks, "HCategorizer")
	s := make([]float64, n)
	next := make([]float64, n)
	for a := range s {
		s[a] = 1
	}
	for it := 1; it <= maxIterations; it++ {
		change, arg := 0.0, -1
		for a := range n {
			sum := 0.0
			for _, b := range attackers[at[a]:at[a+1]] {
				sum += s[b]
			}
			next[a] = 1 / (1 + sum)
			if d := abs(next[a] - s[a]); d > change {
				change, arg = d, a
			}
		}
		s, next = next, s
		if change <= Tolerance {
			return s, nil
		}
		if it == maxIterations {
			return nil, &ConvergenceError{Semantics: "h-categorizer", Iterations: it, Arguments: n, Argument: arg, Change: change}
		}
	}
	// Only reached with maxIterations < 1.
	return nil, &ConvergenceError{Semantics: "h-categorizer", Arguments: n, Argument: -1}
}

// predecessors returns, in compressed form, the predecessors of every node of d along its
// edges: those of node v are pred[at[v]:at[v+1]], sorted ascending, each once. It panics,
// naming caller, if a successor is not a node of d.
func predecessors(d graph.Directed, caller string) (at, pred []int) {
	n := d.Len()
	at = make([]int, n+1)
	for s := range n {
		for _, t := range d.Successors(s) {
			if t < 0 || t >= n {
				panic("gradual: " + caller + ": node " + strconv.Itoa(s) + " has an edge to " +
					strconv.Itoa(t) + ", not in [0, " + strconv.Itoa(n) + ")")
			}
			at[t+1]++
		}
	}
	for i := 1; i <= n; i++ {
		at[i] += at[i-1]
	}
	// Dealing the sources out in ascending order leaves each list sorted, with any
	// repeated edge next to its twin; compacting then drops the repetitions.
	pred = make([]int, at[n])
	fill := make([]int, n)
	copy(fill, at[:n])
	for s := range n {
		for _, t := range d.Successors(s) {
			pred[fill[t]] = s
			fill[t]++
		}
	}
	w := 0
	for t := range n {
		lo, hi := at[t], at[t+1]
		at[t] = w
		for i := lo; i < hi; i++ {
			if w == at[t] || pred[i] != pred[w-1] {
				pred[w] = pred[i]
				w++
			}
		}
	}
	at[n] = w
	return at, pred[:w:w]
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
