package bipolar

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/graph"
)

// benchArguments and benchRelations are the size of the benchmark maps.
const (
	benchArguments = 10_000
	benchRelations = 30_000
)

// treeMap returns a map whose supports form a forest, as in a map written by hand, where
// premises support a claim that supports a conclusion: every argument but the first
// supports, with probability 0.8, one argument before it chosen uniformly (a random
// recursive tree, of depth about e·ln n), and the remaining relations are attacks
// between arguments chosen uniformly.
func treeMap(n, relations int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	g := newNumbered(n)
	m := 0
	for i := 1; i < n && m < relations; i++ {
		if rng.Float64() < 0.8 {
			g.AddEdge(i, rng.IntN(i), graph.Support)
			m++
		}
	}
	for ; m < relations; m++ {
		g.AddEdge(rng.IntN(n), rng.IntN(n), graph.Attack)
	}
	return g
}

// mapgenMap returns a map with the relations of internal/mapgen's synthetic maps: three per
// argument, to distinct others, most of them among the 24 arguments after it; one to a
// later argument is a support with probability 0.6, every other one an attack. The
// supports form one long, wide acyclic web, along which most arguments reach most later
// ones, so the closures are nearly complete: the worst case for the size of the result.
func mapgenMap(n int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 2))
	g := newNumbered(n)
	targets := make([]int, 0, 3)
	for i := range n {
		targets = targets[:0]
		for len(targets) < 3 {
			j := rng.IntN(n)
			if i < n-1 && rng.Float64() < 0.6 {
				j = i + 1 + rng.IntN(min(24, n-1-i))
			}
			if j != i && !contains(targets, j) {
				targets = append(targets, j)
			}
		}
		for _, j := range targets {
			if j > i && rng.Float64() < 0.6 {
				g.AddEdge(i, j, graph.Support)
			} else {
				g.AddEdge(i, j, graph.Attack)
			}
		}
	}
	return g
}

// cyclicMap returns a map of uniformly random supports and attacks, half each: the
// supports form one giant strongly connected component (circular reasoning on a large
// scale), which the condensation turns into one node.
func cyclicMap(n, relations int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 3))
	g := newNumbered(n)
	for m := range relations {
		r := graph.Attack
		if m%2 == 0 {
			r = graph.Support
		}
		g.AddEdge(rng.IntN(n), rng.IntN(n), r)
	}
	return g
}

func newNumbered(n int) *graph.Graph {
	g := graph.New()
	for i := range n {
		g.AddNode(fmt.Sprintf("a%06d", i))
	}
	return g
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// BenchmarkAttacks measures Attacks on maps of 10,000 arguments and 30,000 relations of
// three shapes, in each mode, and reports the size of the result.
func BenchmarkAttacks(b *testing.B) {
	maps := []struct {
		name string
		g    *graph.Graph
	}{
		{"tree", treeMap(benchArguments, benchRelations, 1)},
		{"mapgen", mapgenMap(benchArguments, 1)},
		{"cyclic", cyclicMap(benchArguments, benchRelations, 1)},
	}
	for _, mp := range maps {
		for _, m := range Modes() {
			b.Run(mp.name+"/"+m.String(), func(b *testing.B) {
				var adj graph.Adjacency
				for b.Loop() {
					adj = Attacks(mp.g, m)
				}
				edges := 0
				for _, s := range adj {
					edges += len(s)
				}
				b.ReportMetric(float64(edges), "attacks")
			})
		}
	}
}

// BenchmarkDeriveGrowth measures Derive on the adversarial shapes of issue 9 at growing
// sizes, to show its cost growing with its result: an open support chain of n
// arguments (2n attacks, supported-secondary), and a chain of n undercut supports (about n²).
func BenchmarkDeriveGrowth(b *testing.B) {
	shapes := []struct {
		name  string
		sizes []int
		g     func(n int) *graph.Graph
	}{
		{"chain", []int{1000, 5000, 20_000, 100_000}, func(n int) *graph.Graph { return supportChain(n, false) }},
		{"undercuts", []int{1000, 2000, 4000}, undercutChain},
	}
	for _, sh := range shapes {
		for _, n := range sh.sizes {
			g := sh.g(n)
			b.Run(fmt.Sprintf("%s/%d", sh.name, n), func(b *testing.B) {
				var adj graph.Adjacency
				for b.Loop() {
					adj = Attacks(g, SupportedSecondary)
				}
				b.ReportMetric(float64(numAttacks(adj)), "attacks")
			})
		}
	}
}
