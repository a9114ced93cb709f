package graph

import (
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"testing"
	"time"
)

func TestStronglyConnected(t *testing.T) {
	tests := []struct {
		name string
		adj  Adjacency
		want [][]int
	}{
		{"empty", Adjacency{}, nil},
		{"single node", Adjacency{nil}, [][]int{{0}}},
		{"self-loop", Adjacency{{0}}, [][]int{{0}}},
		{"two-cycle", Adjacency{{1}, {0}}, [][]int{{0, 1}}},
		{"two-cycle numbered backwards", Adjacency{nil, {2}, {1}}, [][]int{{0}, {1, 2}}},
		{"figure-eight", Adjacency{{1, 2}, {0}, {3}, {0}}, [][]int{{0, 1, 2, 3}}},
		{"DAG", Adjacency{{1, 2}, {3}, {3}, nil}, [][]int{{0}, {1}, {2}, {3}}},
		{"DAG numbered backwards", Adjacency{nil, {0}, {0}, {1, 2}}, [][]int{{0}, {1}, {2}, {3}}},
		{"nested cycles", Adjacency{{1}, {2}, {1, 3}, {0}}, [][]int{{0, 1, 2, 3}}},
		{
			// Tarjan completes {2,3,4} before {0,1}; the result must still start with {0,1}.
			"several components",
			Adjacency{{1}, {0, 2}, {3}, {4}, {2}, {4}, {6}},
			[][]int{{0, 1}, {2, 3, 4}, {5}, {6}},
		},
		{
			"interleaved members",
			Adjacency{{3}, {4}, {0}, {2}, {1}},
			[][]int{{0, 2, 3}, {1, 4}},
		},
		{"unsorted and repeated successors", Adjacency{{2, 1, 1}, {0, 0}, nil}, [][]int{{0, 1}, {2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StronglyConnected(tt.adj); !equalLists(got, tt.want) {
				t.Errorf("StronglyConnected(%v) = %v, want %v", tt.adj, got, tt.want)
			}
		})
	}
}

// TestStronglyConnectedRandom compares StronglyConnected, order included, with the
// components read off the transitive closure.
func TestStronglyConnectedRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for iter := range 5000 {
		adj := randomDigraph(rng, 12)
		got := StronglyConnected(adj)
		if want := bruteSCC(adj); !equalLists(got, want) {
			t.Fatalf("graph #%d %v: StronglyConnected = %v, want %v", iter, adj, got, want)
		}
	}
}

// TestStronglyConnectedAppend checks that the components, which share an array, do not
// overlap.
func TestStronglyConnectedAppend(t *testing.T) {
	comps := StronglyConnected(Adjacency{{1}, {0}, nil})
	_ = append(comps[0], 99)
	if want := [][]int{{0, 1}, {2}}; !equalLists(comps, want) {
		t.Errorf("after appending to the first component: %v, want %v", comps, want)
	}
}

// TestLongChain runs the algorithms on paths and cycles of a million nodes with the stack
// limited to 1 MB. A recursive depth-first search needs tens of bytes of stack per node,
// so it would die here with "fatal error: stack overflow".
func TestLongChain(t *testing.T) {
	const n = 1_000_000
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))

	targets := make([]int, n)
	path := make(Adjacency, n)  // 0 -> 1 -> ... -> n-1
	cycle := make(Adjacency, n) // 0 -> 1 -> ... -> n-1 -> 0
	for i := range n {
		targets[i] = (i + 1) % n
		if i < n-1 {
			path[i] = targets[i : i+1]
		}
		cycle[i] = targets[i : i+1]
	}

	begin := time.Now()
	comps := StronglyConnected(path)
	if len(comps) != n {
		t.Fatalf("path: %d components, want %d", len(comps), n)
	}
	for i, c := range comps {
		if len(c) != 1 || c[0] != i {
			t.Fatalf("path: component #%d is %v, want [%d]", i, c, i)
		}
	}

	comps = StronglyConnected(cycle)
	if len(comps) != 1 || len(comps[0]) != n {
		t.Fatalf("cycle: %d components, want 1 of %d nodes", len(comps), n)
	}
	for i, v := range comps[0] {
		if v != i {
			t.Fatalf("cycle: component[%d] = %d, want %d", i, v, i)
		}
	}
	c := Cycle(cycle, 0, comps[0])
	if len(c) != n {
		t.Fatalf("Cycle on the cycle: %d nodes, want %d", len(c), n)
	}
	for i, v := range c {
		if v != i {
			t.Fatalf("Cycle on the cycle: [%d] = %d, want %d", i, v, i)
		}
	}
	if c := Cycle(path, 0, nil); c != nil {
		t.Fatalf("Cycle on the path: %d nodes, want nil", len(c))
	}
	t.Logf("%v for StronglyConnected twice and Cycle twice on %d nodes", time.Since(begin), n)
}

func BenchmarkStronglyConnected(b *testing.B) {
	adj := randomGraph(100_000, 300_000, rand.New(rand.NewPCG(9, 10)), Support).Adjacency(Support)
	b.ReportAllocs()
	for b.Loop() {
		StronglyConnected(adj)
	}
}

func TestTopologicalComponents(t *testing.T) {
	tests := []struct {
		name string
		adj  Adjacency
		want [][]int
	}{
		{"empty", Adjacency{}, [][]int{}},
		// 3 -> 2 -> {0,1}: the components' order is the reverse of their smallest members.
		{"chain", Adjacency{{1}, {0}, {0}, {2}}, [][]int{{3}, {2}, {0, 1}}},
		// Two sources, 1 and 2, ready together: the smaller first.
		{"tie", Adjacency{nil, {0}, {0}}, [][]int{{1}, {2}, {0}}},
		// Components in the order they become ready: 3 before 2, which waits for 4.
		{"queue", Adjacency{nil, {3, 2}, nil, nil, {2}}, [][]int{{0}, {1}, {4}, {3}, {2}}},
		{"self-loop", Adjacency{{0}, {0}}, [][]int{{1}, {0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TopologicalComponents(tt.adj); !equalLists(got, tt.want) {
				t.Errorf("TopologicalComponents(%v) = %v, want %v", tt.adj, got, tt.want)
			}
		})
	}
}

// TestTopologicalComponentsRandom checks that the components are StronglyConnected's and
// that no edge runs from a component to an earlier one.
func TestTopologicalComponentsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for iter := range 5000 {
		adj := randomDigraph(rng, 12)
		got := TopologicalComponents(adj)
		sorted := slices.Clone(got)
		slices.SortFunc(sorted, func(a, b []int) int { return a[0] - b[0] })
		if want := bruteSCC(adj); !equalLists(sorted, want) {
			t.Fatalf("graph #%d %v: components %v, want %v", iter, adj, got, want)
		}
		pos := make([]int, len(adj))
		for i, c := range got {
			for _, v := range c {
				pos[v] = i
			}
		}
		for v, succ := range adj {
			for _, w := range succ {
				if pos[w] < pos[v] {
					t.Fatalf("graph #%d %v: order %v puts %d before %d, which has an edge to it", iter, adj, got, w, v)
				}
			}
		}
	}
}
