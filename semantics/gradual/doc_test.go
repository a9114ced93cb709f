package gradual

import (
	"testing"

	"github.com/argmap/argmap/graph"
)

// TestPackageDocClaims checks what the package documentation says of the
// scale of each semantics: under the h-categorizer an argument nothing
// attacks has strength 1; under DF-QuAD an argument without attackers or
// supporters keeps its base score, DefaultBase when given none, and is not
// "unchallenged at 1".
func TestPackageDocClaims(t *testing.T) {
	g := graph.New()
	alone, attacker, target := g.AddNode("alone"), g.AddNode("attacker"), g.AddNode("target")
	g.AddEdge(attacker, target, graph.Attack)

	h, err := HCategorizer(g.Adjacency(graph.Attack))
	if err != nil {
		t.Fatal(err)
	}
	if h[alone] != 1 || h[attacker] != 1 || h[target] != 0.5 {
		t.Errorf("h-categorizer: %v, want alone and attacker 1, target 1/2", h)
	}

	d, err := DFQuAD(g, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d[alone] != DefaultBase || d[attacker] != DefaultBase || DefaultBase != 0.5 {
		t.Errorf("DF-QuAD without base scores: %v, want the unattacked at %v = 0.5", d, DefaultBase)
	}
	d, err = DFQuAD(g, []float64{0.8, 0.3, 1})
	if err != nil {
		t.Fatal(err)
	}
	if d[alone] != 0.8 || d[attacker] != 0.3 || d[target] != 1-0.3 {
		t.Errorf("DF-QuAD with base scores 0.8, 0.3, 1: %v, want 0.8, 0.3, 0.7", d)
	}
}
