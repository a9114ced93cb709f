package graph

// Directed is what the traversal algorithms need of a graph.
// Nodes are the integers 0..Len()-1, and Successors returns only such nodes. It may
// return a node more than once and in any order; the algorithms do not rely on either,
// but they visit successors in the order given, which is what makes them deterministic.
// They may ask for a node's successors more than once, and do not modify them, so
// Successors should be cheap and return the same list each time.
type Directed interface {
	Len() int               // nodes are 0..Len()-1
	Successors(n int) []int // the nodes n has an edge to
}

// Adjacency is a [Directed] graph stored as successor lists: a[n] holds the nodes n has
// an edge to.
type Adjacency [][]int

// Len returns the number of nodes, len(a).
func (a Adjacency) Len() int { return len(a) }

// Successors returns a[n] itself, not a copy, so that a traversal costs no allocation
// per node; callers must not modify it.
func (a Adjacency) Successors(n int) []int { return a[n] }
