package arguments

import (
	"slices"
	"testing"

	"github.com/argmap/argmap/graph"
)

// badInferenceName is a map whose argument "a->b" has the name the inference
// of the undercut support a ⇒ b would have. Its id is not allowed (bad-id),
// but the map still holds the argument, and Graph must not make the
// inference of a ⇒ b the same node as that argument, as it did when it added
// the inference by its name.
const badInferenceName = `
[arguments."a->b"]
claim = "Not an inference, whatever its name."
[arguments.a]
claim = "A."
supports = ["b"]
[arguments.b]
claim = "B."
[arguments.u]
claim = "U."

[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "b" }
`

// TestGraphKinds checks that Graph tells arguments and inferences apart by
// their kind, not by their name or their place among the nodes.
func TestGraphKinds(t *testing.T) {
	m, diags := loadString(t, badInferenceName)
	if !diags.HasErrors() || m.Argument("a->b") == nil {
		t.Fatalf("want a map with a bad id and its argument; diagnostics %v", diags)
	}
	g := m.Graph()
	type node struct {
		name                string
		kind                graph.NodeKind
		premise, conclusion string // of an inference
	}
	var nodes []node
	for n := range g.Len() {
		nd := node{name: g.Name(n), kind: g.Kind(n)}
		if p, c, ok := g.Inference(n); ok {
			nd.premise, nd.conclusion = g.Name(p), g.Name(c)
		}
		nodes = append(nodes, nd)
	}
	wantNodes := []node{
		{"a->b", graph.Argument, "", ""},
		{"a", graph.Argument, "", ""},
		{"b", graph.Argument, "", ""},
		{"u", graph.Argument, "", ""},
		{"a->b", graph.Inference, "a", "b"},
	}
	if !slices.Equal(nodes, wantNodes) {
		t.Errorf("nodes\n%v\nwant\n%v", nodes, wantNodes)
	}
	// The edges, with the inference written "a=>b": the argument "a->b" has
	// none, while the inference rests on a, supports b and is undercut by u.
	name := func(n int) string {
		if g.Kind(n) == graph.Inference {
			return "a=>b"
		}
		return g.Name(n)
	}
	var edges []string
	for _, e := range g.Edges() {
		edges = append(edges, name(e.From)+" "+e.Relation.String()+" "+name(e.To))
	}
	wantEdges := []string{"a premise a=>b", "a=>b support b", "u attack a=>b"}
	if !slices.Equal(edges, wantEdges) {
		t.Errorf("edges %q, want %q", edges, wantEdges)
	}
}
