package graphtest

import (
	"testing"

	"github.com/argmap/argmap/graph"
)

func TestBipolar(t *testing.T) {
	g := Bipolar(t, []string{"a", "b", "c"}, []string{"a>b", "c-b"})
	want := []graph.Edge{{From: 0, To: 1, Relation: graph.Support}, {From: 2, To: 1, Relation: graph.Attack}}
	got := g.Edges()
	if len(got) != len(want) {
		t.Fatalf("edges %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("edge %d: %v, want %v", i, got[i], want[i])
		}
	}
}
