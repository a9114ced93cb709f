package gradual

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
)

// phi is the strength of an argument attacked only by an argument as strong as itself:
// the solution of s = 1/(1+s), (√5−1)/2.
var phi = (math.Sqrt(5) - 1) / 2

func TestHCategorizer(t *testing.T) {
	tests := []struct {
		name  string
		adj   graph.Adjacency // adj[a] lists the arguments a attacks
		want  []float64
		exact bool // acyclic: the iteration reaches the exact value
	}{
		{"empty", graph.Adjacency{}, []float64{}, true},
		{"one unattacked", graph.Adjacency{nil}, []float64{1}, true},
		// a ← b ← c: c = 1, b = 1/(1+1) = 1/2, a = 1/(1+1/2) = 2/3.
		{"chain a<-b<-c", graph.Adjacency{nil, {0}, {1}}, []float64{2.0 / 3, 0.5, 1}, true},
		// ... and d attacking c: d = 1, c = 1/2, b = 2/3, a = 1/(1+2/3) = 3/5, which the
		// division by the rounded 1+2/3 misses by an ulp.
		{"chain of four", graph.Adjacency{nil, {0}, {1}, {2}}, []float64{3.0 / 5, 2.0 / 3, 0.5, 1}, false},
		// Two unattacked attackers: 1/(1+1+1).
		{"two attackers", graph.Adjacency{{2}, {2}, nil}, []float64{1, 1, 1.0 / 3}, true},
		// Three unattacked attackers: 1/4.
		{"three attackers", graph.Adjacency{{3}, {3}, {3}, nil}, []float64{1, 1, 1, 0.25}, true},
		// A repeated attack counts once: 1/(1+1).
		{"repeated attack", graph.Adjacency{{1, 1, 1}, nil}, []float64{1, 0.5}, true},
		// a ↔ b: both solve s = 1/(1+s).
		{"two-cycle", graph.Adjacency{{1}, {0}}, []float64{phi, phi}, false},
		{"self-attack", graph.Adjacency{{0}}, []float64{phi}, false},
		{"three-cycle", graph.Adjacency{{1}, {2}, {0}}, []float64{phi, phi, phi}, false},
		// a ↔ b, both attacking c: c = 1/(1+2φ) = 1/√5.
		{"two-cycle attacking a third", graph.Adjacency{{1, 2}, {0, 2}, nil}, []float64{phi, phi, 1 / math.Sqrt(5)}, false},
		// a ↔ b and c → a: b = 1/(1+a), a = 1/(1+b+1); so a = (1+a)/(2a+3),
		// 2a² + 2a − 1 = 0, a = (√3−1)/2, and b = 1/(1+a) = 2/(1+√3) = √3−1.
		{"two-cycle with an outside attacker", graph.Adjacency{{1}, {0}, {0}},
			[]float64{(math.Sqrt(3) - 1) / 2, math.Sqrt(3) - 1, 1}, false},
	}
	for _, tt := range tests {
		got, err := HCategorizer(tt.adj)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d strengths, want %d", tt.name, len(got), len(tt.want))
			continue
		}
		for a := range got {
			if tt.exact && got[a] != tt.want[a] || math.Abs(got[a]-tt.want[a]) > Tolerance {
				t.Errorf("%s: s(%d) = %.17g, want %.17g", tt.name, a, got[a], tt.want[a])
			}
		}
	}
}

func TestHCategorizerNotConverging(t *testing.T) {
	_, err := hCategorizer(graph.Adjacency{{1}, {0}}, 3)
	var ce *ConvergenceError
	if !errors.As(err, &ce) {
		t.Fatalf("hCategorizer(two-cycle, 3 iterations) error = %v, want a *ConvergenceError", err)
	}
	if ce.Semantics != "h-categorizer" || ce.Iterations != 3 || ce.Arguments != 2 || ce.Change <= Tolerance ||
		ce.Argument < 0 || ce.Argument > 1 {
		t.Errorf("error %+v", *ce)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "h-categorizer did not converge in 3 iterations over 2 arguments") {
		t.Errorf("error message %q", msg)
	}
}

func TestHCategorizerPanicsOnBadSuccessor(t *testing.T) {
	defer func() {
		r := recover()
		if s, _ := r.(string); !strings.Contains(s, "node 0 has an edge to 5") {
			t.Errorf("panic %v, want one naming the edge", r)
		}
	}()
	HCategorizer(graph.Adjacency{{5}})
}

// randomAttacks returns a random directed graph of up to maxNodes nodes, of a density
// drawn per graph, with self-loops and repeated edges.
func randomAttacks(rng *rand.Rand, maxNodes int) graph.Adjacency {
	n := rng.IntN(maxNodes + 1)
	p := []float64{0.05, 0.15, 0.3, 0.6}[rng.IntN(4)]
	adj := make(graph.Adjacency, n)
	for a := range n {
		for b := range n {
			if rng.Float64() < p {
				adj[a] = append(adj[a], b)
				if rng.IntN(10) == 0 {
					adj[a] = append(adj[a], b)
				}
			}
		}
	}
	return adj
}

// randomDAG returns a random acyclic directed graph of up to maxNodes nodes: edges go
// from higher to lower numbers only.
func randomDAG(rng *rand.Rand, maxNodes int) graph.Adjacency {
	n := rng.IntN(maxNodes + 1)
	p := []float64{0.1, 0.25, 0.5}[rng.IntN(3)]
	adj := make(graph.Adjacency, n)
	for a := range n {
		for b := range a {
			if rng.Float64() < p {
				adj[a] = append(adj[a], b)
			}
		}
	}
	return adj
}

// attackerSets returns, for every node, the set of nodes attacking it.
func attackerSets(adj graph.Adjacency) []map[int]bool {
	att := make([]map[int]bool, len(adj))
	for b := range att {
		att[b] = map[int]bool{}
	}
	for a, targets := range adj {
		for _, b := range targets {
			att[b][a] = true
		}
	}
	return att
}

// hReference solves the h-categorizer's equations by the plain iteration from 1 until no
// strength changes by more than 1e-14, far beyond the tolerance.
func hReference(adj graph.Adjacency) []float64 {
	att := attackerSets(adj)
	s := make([]float64, len(adj))
	for a := range s {
		s[a] = 1
	}
	for range 1_000_000 {
		next := make([]float64, len(s))
		change := 0.0
		for a := range s {
			sum := 0.0
			for b := range att[a] {
				sum += s[b]
			}
			next[a] = 1 / (1 + sum)
			change = math.Max(change, math.Abs(next[a]-s[a]))
		}
		s = next
		if change <= 1e-14 {
			return s
		}
	}
	panic("hReference did not converge")
}

// hRecursive evaluates the h-categorizer on an acyclic graph straight from its
// definition, recursively, without memory.
func hRecursive(att []map[int]bool, a int) float64 {
	sum := 0.0
	for b := range att[a] {
		sum += hRecursive(att, b)
	}
	return 1 / (1 + sum)
}

func propertyGraphs() int {
	if testing.Short() {
		return 300
	}
	return 3000
}

// TestHCategorizerProperties checks, on random graphs with cycles, that the strengths are
// in (0, 1], exactly 1 for unattacked arguments, and within the tolerance of the
// solution of the equations.
func TestHCategorizerProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2001, 2014))
	for iter := range propertyGraphs() {
		adj := randomAttacks(rng, 12)
		got, err := HCategorizer(adj)
		if err != nil {
			t.Fatalf("graph #%d %v: %v", iter, adj, err)
		}
		att := attackerSets(adj)
		want := hReference(adj)
		for a, s := range got {
			switch {
			case !(s > 0 && s <= 1):
				t.Fatalf("graph #%d %v: s(%d) = %v, not in (0, 1]", iter, adj, a, s)
			case len(att[a]) == 0 && s != 1:
				t.Fatalf("graph #%d %v: unattacked %d has strength %v, want 1", iter, adj, a, s)
			case math.Abs(s-want[a]) > Tolerance+1e-13:
				t.Fatalf("graph #%d %v: s(%d) = %.15g, more than the tolerance away from %.15g", iter, adj, a, s, want[a])
			}
		}
	}
}

// TestHCategorizerAcyclic checks, on random acyclic graphs, the strengths against a
// recursive evaluation of the definition, and that adding an attacker never raises the
// strength of the argument attacked.
func TestHCategorizerAcyclic(t *testing.T) {
	rng := rand.New(rand.NewPCG(203, 235))
	for iter := range propertyGraphs() {
		adj := randomDAG(rng, 9)
		got, err := HCategorizer(adj)
		if err != nil {
			t.Fatalf("graph #%d %v: %v", iter, adj, err)
		}
		att := attackerSets(adj)
		for a, s := range got {
			if want := hRecursive(att, a); math.Abs(s-want) > 1e-12 {
				t.Fatalf("graph #%d %v: s(%d) = %.17g, recursive evaluation %.17g", iter, adj, a, s, want)
			}
		}
		n := len(adj)
		if n < 2 {
			continue
		}
		// Edges go from higher to lower numbers, so an attack from b to x < b keeps the
		// graph acyclic.
		x := rng.IntN(n - 1)
		b := x + 1 + rng.IntN(n-1-x)
		more := make(graph.Adjacency, n)
		copy(more, adj)
		more[b] = append(append([]int(nil), adj[b]...), x)
		after, err := HCategorizer(more)
		if err != nil {
			t.Fatalf("graph #%d %v plus %d->%d: %v", iter, adj, b, x, err)
		}
		if after[x] > got[x] {
			t.Fatalf("graph #%d %v: adding the attack %d->%d raised s(%d) from %v to %v", iter, adj, b, x, x, got[x], after[x])
		}
	}
}

// TestHCategorizerLarger runs the iteration on random graphs of a few hundred arguments
// and of various densities, against the reference.
func TestHCategorizerLarger(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for iter := range 20 {
		n := 100 + rng.IntN(200)
		adj := make(graph.Adjacency, n)
		for range n * (1 + iter%8) {
			a := rng.IntN(n)
			adj[a] = append(adj[a], rng.IntN(n))
		}
		got, err := HCategorizer(adj)
		if err != nil {
			t.Fatalf("graph #%d of %d arguments: %v", iter, n, err)
		}
		want := hReference(adj)
		for a := range got {
			if math.Abs(got[a]-want[a]) > Tolerance+1e-13 {
				t.Fatalf("graph #%d of %d arguments: s(%d) = %.15g, want %.15g", iter, n, a, got[a], want[a])
			}
		}
	}
}
