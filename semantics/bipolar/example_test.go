package bipolar_test

import (
	"fmt"
	"slices"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics/bipolar"
)

// The worked example of the package documentation: which attacks each reading of the
// supports adds to the direct ones.
func Example() {
	g := graph.New()
	edges := []struct {
		from, to string
		r        graph.Relation
	}{
		{"designation", "strike", graph.Support},
		{"lethal_force", "strike", graph.Support},
		{"sovereignty", "strike", graph.Attack},
		{"kingpin", "lethal_force", graph.Attack},
		{"fentanyl", "designation", graph.Support},
		{"designation", "sovereignty", graph.Attack},
	}
	for _, e := range edges {
		g.AddEdge(g.AddNode(e.from), g.AddNode(e.to), e.r)
	}

	direct := g.Adjacency(graph.Attack)
	for _, m := range bipolar.Modes() {
		fmt.Printf("%s:", m)
		for a, targets := range bipolar.Attacks(g, m) {
			for _, b := range targets {
				if !slices.Contains(direct[a], b) {
					fmt.Printf(" %s -> %s", g.Name(a), g.Name(b))
				}
			}
		}
		fmt.Println()
	}
	// Output:
	// supported-secondary: kingpin -> strike fentanyl -> sovereignty
	// deductive: sovereignty -> designation sovereignty -> lethal_force sovereignty -> fentanyl fentanyl -> sovereignty
	// necessary: strike -> sovereignty kingpin -> strike
	// ignore:
}
