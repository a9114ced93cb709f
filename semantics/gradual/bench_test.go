package gradual

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/graph"
)

// The size of the benchmark maps.
const (
	benchArguments = 10_000
	benchRelations = 30_000
)

func numbered(n int) *graph.Graph {
	g := graph.New()
	for v := range n {
		g.AddNode(fmt.Sprintf("a%06d", v))
	}
	return g
}

// acyclicMap returns a map whose relations all go from an argument to an earlier one,
// most of them to one of the 24 before it, as in internal/mapgen; 40% are supports.
func acyclicMap(n, relations int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	g := numbered(n)
	for range relations {
		a := 1 + rng.IntN(n-1)
		b := rng.IntN(a)
		if rng.Float64() < 0.6 {
			b = a - 1 - rng.IntN(min(24, a))
		}
		r := graph.Attack
		if rng.Float64() < 0.4 {
			r = graph.Support
		}
		g.AddEdge(a, b, r)
	}
	return g
}

// uniformMap returns a map of relations between arguments chosen uniformly, 40% of them
// supports: one giant cycle through most arguments.
func uniformMap(n, relations int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 2))
	g := numbered(n)
	for range relations {
		r := graph.Attack
		if rng.Float64() < 0.4 {
			r = graph.Support
		}
		g.AddEdge(rng.IntN(n), rng.IntN(n), r)
	}
	return g
}

func benchBase(n int, seed uint64) []float64 {
	return randomBase(rand.New(rand.NewPCG(seed, 3)), n)
}

// BenchmarkHCategorizer measures the h-categorizer on 10,000 arguments and 30,000
// attacks, acyclic and with one giant cycle.
func BenchmarkHCategorizer(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 4))
	uniform := make(graph.Adjacency, benchArguments)
	for range benchRelations {
		a := rng.IntN(benchArguments)
		uniform[a] = append(uniform[a], rng.IntN(benchArguments))
	}
	maps := []struct {
		name string
		adj  graph.Adjacency
	}{
		{"acyclic", acyclicMap(benchArguments, benchRelations, 1).Adjacency(graph.Attack)},
		{"cyclic", uniform},
	}
	for _, m := range maps {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := HCategorizer(m.adj); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDFQuAD measures DF-QuAD on 10,000 arguments and 30,000 relations: acyclic
// (solved exactly in topological order) and with one giant cycle (iterated).
func BenchmarkDFQuAD(b *testing.B) {
	maps := []struct {
		name string
		g    *graph.Graph
	}{
		{"acyclic", acyclicMap(benchArguments, benchRelations, 1)},
		{"cyclic", uniformMap(benchArguments, benchRelations, 1)},
	}
	base := benchBase(benchArguments, 1)
	for _, m := range maps {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := DFQuAD(m.g, base); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
