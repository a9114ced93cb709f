package graph

// StronglyConnected returns the strongly connected components of d: the largest sets of
// nodes in which every node can reach every other along edges. Every node is in exactly
// one component; a node on no cycle is a component on its own. Each component is sorted
// ascending, and components are ordered by their smallest member, so the result depends
// only on the graph and not on the order in which it was explored.
//
// It uses Tarjan's algorithm and takes O(V+E) time. The depth-first search keeps its own
// stack rather than recursing, so a path of a million nodes costs memory, not a stack
// overflow.
func StronglyConnected(d Directed) [][]int {
	n := d.Len()
	if n == 0 {
		return nil
	}

	const onStack = -1
	var (
		index = make([]int, n) // discovery order, from 1; 0 means not yet discovered
		low   = make([]int, n) // smallest index reachable through the DFS subtree and one back edge
		comp  = make([]int, n) // component number in order of completion, or onStack
		stack []int            // Tarjan's stack: discovered nodes not yet in a component
		calls []frame          // the DFS path, which a recursive version keeps on the call stack
		count int              // nodes discovered so far
		ncomp int              // components completed so far
	)
	discover := func(v int) {
		count++
		index[v], low[v], comp[v] = count, count, onStack
		stack = append(stack, v)
		calls = append(calls, frame{node: v})
	}

	for root := range n {
		if index[root] != 0 {
			continue
		}
		discover(root)
		// v is the node on top of calls and succ its successors. The frames hold no
		// slices, so that the garbage collector need not scan a stack that may be a
		// million frames deep; instead Successors is asked again whenever the search
		// returns to a node, once per child in the search tree, so fewer than 2V calls
		// in all.
		v, succ := root, d.Successors(root)
		for {
			top := len(calls) - 1
			if i := calls[top].next; i < len(succ) {
				calls[top].next++
				w := succ[i]
				if index[w] == 0 {
					discover(w)
					v, succ = w, d.Successors(w)
				} else if comp[w] == onStack {
					low[v] = min(low[v], index[w])
				}
				continue
			}

			// All of v's successors are done: return from v.
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
			calls = calls[:top]
			if top == 0 {
				break
			}
			p := calls[top-1].node
			low[p] = min(low[p], low[v])
			v, succ = p, d.Successors(p)
		}
	}

	// Tarjan completes components in reverse topological order, which depends on where
	// the search started. Renumber them by smallest member instead: walking the nodes in
	// ascending order meets each component first at its smallest member, and fills it in
	// ascending order, so no sorting is needed. index and low are free for reuse.
	rank, size := index[:ncomp], low[:ncomp]
	clear(size)
	for i := range rank {
		rank[i] = -1
	}
	next := 0
	for v := range n {
		c := comp[v]
		size[c]++
		if rank[c] < 0 {
			rank[c] = next
			next++
		}
	}

	// One backing array for all components, sliced with capacity cut to length so
	// appending to one cannot overwrite the next.
	members := make([]int, n)
	start := make([]int, ncomp+1) // start[rank[c]] is where component c begins in members
	for c, r := range rank {
		start[r+1] = size[c]
	}
	for r := range ncomp {
		start[r+1] += start[r]
	}
	fill := size // reuse: fill[r] is the next free slot of the component ranked r
	copy(fill, start[:ncomp])
	for v := range n {
		r := rank[comp[v]]
		members[fill[r]] = v
		fill[r]++
	}
	comps := make([][]int, ncomp)
	for r := range comps {
		comps[r] = members[start[r]:start[r+1]:start[r+1]]
	}
	return comps
}

// frame is one step of the depth-first search: a node and how far through its
// successors the search has got.
type frame struct {
	node int
	next int // index into the node's successors
}

// TopologicalComponents returns the strongly connected components of d, as
// [StronglyConnected] does, ordered so that every component comes after all the
// components with an edge into it: an order in which each component can be worked on
// once everything it depends on is done. The order depends only on the graph: the
// components are taken as they become ready (Kahn's algorithm), the first ones by their
// smallest members.
//
// It takes O(V+E) time.
func TopologicalComponents(d Directed) [][]int {
	comps := StronglyConnected(d)
	compOf := make([]int, d.Len())
	for c, members := range comps {
		for _, v := range members {
			compOf[v] = c
		}
	}
	indeg := make([]int, len(comps))
	for v := range compOf {
		for _, w := range d.Successors(v) {
			if compOf[w] != compOf[v] {
				indeg[compOf[w]]++
			}
		}
	}
	ready := make([]int, 0, len(comps)) // a queue: ready[:next] are done
	for c, k := range indeg {
		if k == 0 {
			ready = append(ready, c)
		}
	}
	for next := 0; next < len(ready); next++ {
		c := ready[next]
		for _, v := range comps[c] {
			for _, w := range d.Successors(v) {
				if e := compOf[w]; e != c {
					if indeg[e]--; indeg[e] == 0 {
						ready = append(ready, e)
					}
				}
			}
		}
	}
	order := make([][]int, len(ready))
	for i, c := range ready {
		order[i] = comps[c]
	}
	return order
}
