package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCycle(t *testing.T) {
	var (
		figureEight = Adjacency{{1, 2}, {0}, {3}, {0}} // 0 -> 1 -> 0 and 0 -> 2 -> 3 -> 0
		nested      = Adjacency{{1}, {2}, {1, 3}, {0}} // 0 -> 1 -> 2 -> 3 -> 0 and 1 -> 2 -> 1
	)
	tests := []struct {
		name   string
		adj    Adjacency
		start  int
		within []int
		want   []int
	}{
		{"single node", Adjacency{nil}, 0, nil, nil},
		{"self-loop", Adjacency{{0}}, 0, nil, []int{0}},
		{"self-loop within itself", Adjacency{{0}}, 0, []int{0}, []int{0}},
		{"self-loop beats a longer cycle", Adjacency{{1, 0}, {0}}, 0, nil, []int{0}},
		{"two-cycle", Adjacency{{1}, {0}}, 0, nil, []int{0, 1}},
		{"two-cycle from its other node", Adjacency{{1}, {0}}, 1, nil, []int{1, 0}},
		{"figure-eight, shorter loop", figureEight, 0, nil, []int{0, 1}},
		{"figure-eight, from the longer loop", figureEight, 3, nil, []int{3, 0, 2}},
		{"figure-eight, shorter loop excluded", figureEight, 0, []int{3, 2, 0}, []int{0, 2, 3}},
		{"figure-eight, both loops cut", figureEight, 0, []int{0, 3}, nil},
		{"DAG", Adjacency{{1, 2}, {3}, {3}, nil}, 0, nil, nil},
		{"nested, inner loop", nested, 1, nil, []int{1, 2}},
		{"nested, outer loop", nested, 0, nil, []int{0, 1, 2, 3}},
		{"nested, from the last node", nested, 3, nil, []int{3, 0, 1, 2}},
		{"tie goes to the first successor", Adjacency{{1, 2}, {0}, {0}}, 0, nil, []int{0, 1}},
		{"tie goes to the first successor, reordered", Adjacency{{2, 1}, {0}, {0}}, 0, nil, []int{0, 2}},
		{"cycle not through start", Adjacency{{1}, {2}, {1}}, 0, nil, nil},
		{"start outside within", Adjacency{{1}, {0}}, 0, []int{1}, nil},
		{"empty within is the empty set", Adjacency{{0}}, 0, []int{}, nil},
		{"repeated members of within", Adjacency{{1}, {0}}, 1, []int{1, 0, 1, 0}, []int{1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Cycle(tt.adj, tt.start, tt.within)
			if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("Cycle(%v, %d, %v) = %#v, want %#v", tt.adj, tt.start, tt.within, got, tt.want)
			}
			// The map-based search for small sets must agree with the slice-based one.
			if tt.within != nil {
				p := padded{tt.adj, 100}
				if got := Cycle(p, tt.start, tt.within); !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
					t.Errorf("Cycle(%v padded, %d, %v) = %#v, want %#v", tt.adj, tt.start, tt.within, got, tt.want)
				}
			}
		})
	}
}

func TestCyclePanics(t *testing.T) {
	tests := []struct {
		name   string
		start  int
		within []int
	}{
		{"start negative", -1, nil},
		{"start too large", 2, nil},
		{"within negative", 0, []int{0, -1}},
		{"within too large", 0, []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Cycle(_, %d, %v) on 2 nodes did not panic", tt.start, tt.within)
				}
			}()
			Cycle(Adjacency{{1}, {0}}, tt.start, tt.within)
		})
	}
}

// TestCycleRandom checks Cycle against brute force on random graphs, for every start,
// within the whole graph, within a random set, and within the start's component as argmap
// uses it.
func TestCycleRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for iter := range 3000 {
		adj := randomDigraph(rng, 12)
		n := len(adj)
		compOf := make([][]int, n)
		for _, c := range StronglyConnected(adj) {
			for _, v := range c {
				compOf[v] = c
			}
		}
		for start := range n {
			var subset []int
			for v := range n {
				if rng.IntN(3) != 0 {
					subset = append(subset, v)
				}
			}
			rng.Shuffle(len(subset), func(i, j int) { subset[i], subset[j] = subset[j], subset[i] })
			for _, within := range [][]int{nil, subset, compOf[start]} {
				got := Cycle(adj, start, within)
				checkCycle(t, adj, start, within, got)
				// With the graph padded, a set this small takes the map-based path;
				// it must give exactly the same cycle.
				if within != nil {
					if pgot := Cycle(padded{adj, 4 * n}, start, within); !slices.Equal(pgot, got) {
						t.Fatalf("graph #%d %v: Cycle(padded, %d, %v) = %v, unpadded %v", iter, adj, start, within, pgot, got)
					}
				}
			}
		}
	}
}

// checkCycle fails t unless c is a valid answer of Cycle(adj, start, within): nil exactly
// when brute force finds no cycle, and otherwise a simple cycle through start, inside
// within, made of real edges and of the shortest length.
func checkCycle(t *testing.T, adj Adjacency, start int, within []int, c []int) {
	t.Helper()
	n := len(adj)
	in := make([]bool, n)
	for v := range in {
		in[v] = within == nil
	}
	for _, v := range within {
		in[v] = true
	}
	want := bruteShortestCycle(adj, start, in)
	switch {
	case want == 0 && c != nil:
		t.Fatalf("%v: Cycle(%d, within %v) = %v, want nil", adj, start, within, c)
	case want == 0:
		return
	case len(c) != want:
		t.Fatalf("%v: Cycle(%d, within %v) = %v, want a cycle of %d nodes", adj, start, within, c, want)
	case c[0] != start:
		t.Fatalf("%v: Cycle(%d, within %v) = %v, does not begin with start", adj, start, within, c)
	}
	seen := make([]bool, n)
	for i, v := range c {
		if !in[v] {
			t.Fatalf("%v: Cycle(%d, within %v) = %v, leaves the set at %d", adj, start, within, c, v)
		}
		if seen[v] {
			t.Fatalf("%v: Cycle(%d, within %v) = %v, repeats %d", adj, start, within, c, v)
		}
		seen[v] = true
		next := c[(i+1)%len(c)]
		if !slices.Contains(adj[v], next) {
			t.Fatalf("%v: Cycle(%d, within %v) = %v, has no edge %d -> %d", adj, start, within, c, v, next)
		}
	}
}
