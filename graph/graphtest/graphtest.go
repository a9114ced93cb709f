// Package graphtest builds small argument graphs for tests from a compact notation.
package graphtest

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
)

// Bipolar returns a graph of the named nodes, numbered in the order given, with the
// supports and attacks written "a>b" (a supports b) and "a-b" (a attacks b). A malformed
// edge, or one naming an unknown node, fails the test.
func Bipolar(t testing.TB, nodes []string, edges []string) *graph.Graph {
	t.Helper()
	g := graph.New()
	for _, n := range nodes {
		g.AddNode(n)
	}
	for _, e := range edges {
		r, sep := graph.Support, ">"
		if !strings.Contains(e, sep) {
			r, sep = graph.Attack, "-"
		}
		from, to, ok := strings.Cut(e, sep)
		if !ok {
			t.Fatalf("bad edge %q: want a>b or a-b", e)
		}
		a, okA := g.Node(from)
		b, okB := g.Node(to)
		if !okA || !okB {
			t.Fatalf("edge %q names an unknown node", e)
		}
		g.AddEdge(a, b, r)
	}
	return g
}
