package graph_test

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/graph"
)

// Circular reasoning is a set of arguments that support each other in a circle: a strongly
// connected component of the support edges with more than one member. Cycle shows one
// circle inside it.
func Example() {
	g := graph.New()
	edges := []struct {
		from, to string
		r        graph.Relation
	}{
		{"designation", "strike", graph.Support},
		{"strike", "deterrence", graph.Support},
		{"deterrence", "designation", graph.Support},
		{"sovereignty", "strike", graph.Attack},
		{"strike", "sovereignty", graph.Attack},
	}
	for _, e := range edges {
		g.AddEdge(g.AddNode(e.from), g.AddNode(e.to), e.r)
	}

	support := g.Adjacency(graph.Support)
	for _, comp := range graph.StronglyConnected(support) {
		if len(comp) < 2 {
			continue
		}
		var names []string
		for _, n := range graph.Cycle(support, comp[0], comp) {
			names = append(names, g.Name(n))
		}
		names = append(names, names[0])
		fmt.Println("support cycle:", strings.Join(names, " -> "))
	}
	// Output:
	// support cycle: designation -> strike -> deterrence -> designation
}
