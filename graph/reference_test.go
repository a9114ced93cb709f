package graph

import (
	"math/rand/v2"
	"slices"
)

// This file holds what the property tests compare against: random graphs and
// brute-force answers that are slow but obviously right.

// randomDigraph returns a random directed graph of up to maxNodes nodes. Its density is
// itself random, so that one seed gives empty, sparse and complete graphs alike. The
// successor lists are in random order and may repeat a node, as Directed allows.
func randomDigraph(rng *rand.Rand, maxNodes int) Adjacency {
	n := rng.IntN(maxNodes + 1)
	p := rng.Float64()
	adj := make(Adjacency, n)
	for u := range n {
		for v := range n {
			if rng.Float64() < p {
				adj[u] = append(adj[u], v)
				if rng.IntN(8) == 0 {
					adj[u] = append(adj[u], v)
				}
			}
		}
		rng.Shuffle(len(adj[u]), func(i, j int) { adj[u][i], adj[u][j] = adj[u][j], adj[u][i] })
	}
	return adj
}

// reachability returns reach[u][v]: whether there is a path, possibly empty, from u to v.
func reachability(adj Adjacency) [][]bool {
	n := len(adj)
	reach := make([][]bool, n)
	for u := range n {
		reach[u] = make([]bool, n)
		reach[u][u] = true
		for _, v := range adj[u] {
			reach[u][v] = true
		}
	}
	for k := range n { // Floyd–Warshall
		for u := range n {
			if reach[u][k] {
				for v := range n {
					reach[u][v] = reach[u][v] || reach[k][v]
				}
			}
		}
	}
	return reach
}

// bruteSCC returns the strongly connected components by their definition: u and v are in
// the same component iff each reaches the other. Walking u in ascending order yields each
// component sorted and the components ordered by smallest member.
func bruteSCC(adj Adjacency) [][]int {
	reach := reachability(adj)
	n := len(adj)
	done := make([]bool, n)
	var comps [][]int
	for u := range n {
		if done[u] {
			continue
		}
		var c []int
		for v := u; v < n; v++ {
			if reach[u][v] && reach[v][u] {
				c = append(c, v)
				done[v] = true
			}
		}
		comps = append(comps, c)
	}
	return comps
}

// bruteShortestCycle returns the number of nodes of a shortest cycle through start that
// uses only nodes of in, or 0 if there is none. It uses Floyd–Warshall distances on the
// subgraph induced by in, not a breadth-first search, so that it shares no logic with
// Cycle.
func bruteShortestCycle(adj Adjacency, start int, in []bool) int {
	n := len(adj)
	if !in[start] {
		return 0
	}
	const inf = 1 << 30
	dist := make([][]int, n)
	for u := range n {
		dist[u] = make([]int, n)
		for v := range n {
			dist[u][v] = inf
		}
		if in[u] {
			dist[u][u] = 0
			for _, v := range adj[u] {
				if in[v] && v != u {
					dist[u][v] = 1
				}
			}
		}
	}
	for k := range n {
		for u := range n {
			for v := range n {
				dist[u][v] = min(dist[u][v], dist[u][k]+dist[k][v])
			}
		}
	}
	best := inf
	for u := range n {
		if in[u] && slices.Contains(adj[u], start) {
			best = min(best, dist[start][u]+1) // the path start..u, then u -> start
		}
	}
	if best >= inf {
		return 0
	}
	return best
}

// padded is a Directed graph with extra isolated nodes after those of Adjacency. It makes
// a small set a small part of the graph, which sends Cycle down its map-based path.
type padded struct {
	Adjacency
	extra int
}

func (p padded) Len() int { return len(p.Adjacency) + p.extra }

func (p padded) Successors(n int) []int {
	if n < len(p.Adjacency) {
		return p.Adjacency[n]
	}
	return nil
}

// equalLists reports whether a and b hold the same lists, treating nil and empty alike.
func equalLists(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}
