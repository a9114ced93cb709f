package carneades

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/argmap/argmap/graph"
)

// benchGraph is a random graph of n arguments and 3n supports and attacks,
// acyclic (every edge goes down) or not.
func benchGraph(n int, acyclic bool) Input {
	r := rand.New(rand.NewPCG(7, 8))
	g := graph.New()
	for i := range n {
		g.AddNode("a" + strconv.Itoa(i))
	}
	for range 3 * n {
		from, to := r.IntN(n), r.IntN(n)
		if acyclic && from <= to {
			from, to = max(from, to), min(from, to)
			if from == to {
				continue
			}
		}
		rel := graph.Support
		if r.IntN(2) == 0 {
			rel = graph.Attack
		}
		g.AddEdge(from, to, rel)
	}
	issues := make([]Issue, n)
	weights := make([]float64, n)
	for v := range issues {
		issues[v] = Issue{Standard(r.IntN(6)), Burden(r.IntN(2))}
		weights[v] = r.Float64()
	}
	return Input{Graph: g, Issues: issues, Weights: weights, Thresholds: DefaultThresholds()}
}

func BenchmarkEvaluate(b *testing.B) {
	for _, tc := range []struct {
		name    string
		acyclic bool
	}{{"acyclic", true}, {"cyclic", false}} {
		in := benchGraph(10_000, tc.acyclic)
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Evaluate(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
