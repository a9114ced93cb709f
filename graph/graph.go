// Package graph holds the argument graph — named nodes joined by typed, directed edges —
// and the graph algorithms argmap needs. It knows nothing of files or commands.
//
// The algorithms work on the small [Directed] interface rather than on [Graph], so that
// one argument graph can be viewed through each of its relations separately: the support
// edges for finding circular reasoning, the attack edges for argumentation semantics.
// [Graph.Adjacency] builds such a view.
package graph

import (
	"slices"
	"strconv"
)

// Relation is the type of a directed edge between two arguments.
type Relation uint8

const (
	Support Relation = iota + 1 // the source gives a reason to accept the target
	Attack                      // the source gives a reason to reject the target
	// Premise joins an argument to an inference that rests on it (an
	// undercut support, drawn as a node of its own): the inference cannot
	// stand without its premise, but accepting the inference commits to
	// nothing through the premise.
	Premise
)

// String returns "support" or "attack", or "Relation(N)" for any other value,
// so that a corrupt value is visible rather than printed as a blank.
func (r Relation) String() string {
	switch r {
	case Support:
		return "support"
	case Attack:
		return "attack"
	case Premise:
		return "premise"
	}
	return "Relation(" + strconv.Itoa(int(r)) + ")"
}

// Edge is a directed, typed edge between nodes From and To.
type Edge struct {
	From, To int
	Relation Relation
}

// Graph is a directed multigraph of named nodes with typed edges. Nodes are numbered
// 0..Len()-1 in the order they were added. The zero value is not usable; use [New].
//
// A Graph may hold the same edge more than once, and edges of several relations between
// the same two nodes: it records what it is given, and leaves it to its callers to decide
// whether a repetition is worth a diagnostic.
type Graph struct {
	names []string       // node number -> name
	index map[string]int // name -> node number
	edges []Edge         // in the order added
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{index: make(map[string]int)}
}

// AddNode adds a node called name and returns its number. If a node of that name
// exists already, AddNode returns the existing node's number and adds nothing, so
// callers can name an argument before they have seen its definition.
func (g *Graph) AddNode(name string) int {
	if n, ok := g.index[name]; ok {
		return n
	}
	n := len(g.names)
	g.names = append(g.names, name)
	g.index[name] = n
	return n
}

// Node returns the number of the node called name, and whether there is one.
func (g *Graph) Node(name string) (int, bool) {
	n, ok := g.index[name]
	return n, ok
}

// Name returns the name of node n. It panics if n is not in 0..Len()-1.
func (g *Graph) Name(n int) string {
	return g.names[n]
}

// Len returns the number of nodes.
func (g *Graph) Len() int {
	return len(g.names)
}

// AddEdge adds an edge of relation r from node from to node to. Both must be in
// 0..Len()-1; AddEdge panics otherwise, as an edge to a node that does not exist is a
// programming error, and accepting it would only move the failure to a later, less
// obvious place.
func (g *Graph) AddEdge(from, to int, r Relation) {
	if n := len(g.names); from < 0 || from >= n || to < 0 || to >= n {
		panic("graph: AddEdge(" + strconv.Itoa(from) + ", " + strconv.Itoa(to) +
			") with nodes out of range [0, " + strconv.Itoa(n) + ")")
	}
	g.edges = append(g.edges, Edge{From: from, To: to, Relation: r})
}

// Edges returns all edges in the order they were added, including repeated ones.
// The slice is a copy: callers may modify it without affecting g.
func (g *Graph) Edges() []Edge {
	return slices.Clone(g.edges)
}

// Adjacency returns, for every node, the successors along edges of relation r, each list
// sorted ascending and without duplicates. Nodes with none have a nil list. It takes
// O(Len() + len(Edges())) time.
//
// The lists share one backing array but have their capacity cut to their length, so a
// caller that appends to one list gets a new array instead of overwriting its neighbour.
func (g *Graph) Adjacency(r Relation) Adjacency {
	n := len(g.names)
	adj := make(Adjacency, n)

	// Sorting each list with a comparison sort would cost O(E log E) in the worst case.
	// Two passes of counting sort do it in O(V+E): the first groups the edges by target,
	// the second deals them out by source while walking the targets in ascending order,
	// so each source's targets arrive already sorted.
	//
	// After the prefix sums, byTo[t] and byFrom[s] are where the bucket of t and s begin;
	// filling a bucket advances its entry, which leaves it at the bucket's end, i.e. at
	// the beginning of the next one.
	byTo := make([]int, n+1)
	byFrom := make([]int, n+1)
	m := 0
	for _, e := range g.edges {
		if e.Relation == r {
			byTo[e.To+1]++
			byFrom[e.From+1]++
			m++
		}
	}
	if m == 0 {
		return adj
	}
	for i := 1; i <= n; i++ {
		byTo[i] += byTo[i-1]
		byFrom[i] += byFrom[i-1]
	}

	sources := make([]int, m) // the edges' sources, grouped by target
	for _, e := range g.edges {
		if e.Relation == r {
			sources[byTo[e.To]] = e.From
			byTo[e.To]++
		}
	}

	succ := make([]int, m) // the edges' targets, grouped by source, ascending in each group
	lo := 0
	for t := range n {
		hi := byTo[t]
		for _, s := range sources[lo:hi] {
			succ[byFrom[s]] = t
			byFrom[s]++
		}
		lo = hi
	}

	// Drop repeated edges by compacting succ in place; w never overtakes i, so nothing
	// is overwritten before it is read.
	w, lo := 0, 0
	for s := range n {
		hi := byFrom[s]
		first := w
		for i := lo; i < hi; i++ {
			if w == first || succ[i] != succ[w-1] {
				succ[w] = succ[i]
				w++
			}
		}
		if w > first {
			adj[s] = succ[first:w:w]
		}
		lo = hi
	}
	return adj
}
