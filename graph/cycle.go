package graph

import "strconv"

// Cycle returns a shortest cycle that passes through node start and stays inside the set
// within (nil means the whole graph), as the list of its nodes in edge order beginning
// with start; the edge from the last node back to start closes it. For a self-loop it
// returns []int{start}. It returns nil if there is no such cycle, which includes the case
// of start not being in within.
//
// within need not be sorted and may repeat nodes. Cycle panics if start or a member of
// within is not in 0..d.Len()-1.
//
// Cycle is a breadth-first search from start that visits successors in the order
// Successors gives them, so among the shortest cycles it always returns the same one.
// It takes time proportional to the size of within and the edges leaving it, not to the
// size of the graph, so that calling it once for each of many small components of a large
// graph stays linear overall.
func Cycle(d Directed, start int, within []int) []int {
	n := d.Len()
	if start < 0 || start >= n {
		panic("graph: Cycle from node " + strconv.Itoa(start) + " out of range [0, " + strconv.Itoa(n) + ")")
	}
	for _, v := range within {
		if v < 0 || v >= n {
			panic("graph: Cycle within node " + strconv.Itoa(v) + " out of range [0, " + strconv.Itoa(n) + ")")
		}
	}

	// A set of at least a quarter of the graph is cheaper kept in a slice indexed by
	// node; a smaller one in a map, so that the cost follows the set, not the graph.
	var s searchState
	switch {
	case within == nil:
		s.dense = make([]int, n)
		for v := range s.dense {
			s.dense[v] = unreached
		}
	case 4*len(within) >= n:
		s.dense = make([]int, n)
		for v := range s.dense {
			s.dense[v] = outside
		}
		for _, v := range within {
			s.dense[v] = unreached
		}
	default:
		s.sparse = make(map[int]int, len(within))
		for _, v := range within {
			s.sparse[v] = unreached
		}
	}
	if s.get(start) == outside {
		return nil
	}

	// Breadth-first search reaches each node first by a shortest path from start, and
	// reaches the nodes in order of that distance; so the first edge back to start that
	// it meets closes a shortest cycle.
	s.set(start, start)
	queue := []int{start}
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		for _, w := range d.Successors(u) {
			if w == start {
				return s.path(start, u)
			}
			if s.get(w) == unreached {
				s.set(w, u)
				queue = append(queue, w)
			}
		}
	}
	return nil
}

// Values of searchState other than a node's parent.
const (
	outside   = -2 // not in the set the search may visit
	unreached = -1 // in the set, not yet reached
)

// searchState records, for every node, whether Cycle's search may visit it and, once
// it has, the node it was reached from: outside, unreached, or that parent (start is its
// own parent). Exactly one of dense and sparse is in use; sparse lacks the nodes that
// are outside.
type searchState struct {
	dense  []int
	sparse map[int]int
}

func (s *searchState) get(v int) int {
	if s.dense != nil {
		return s.dense[v]
	}
	if p, ok := s.sparse[v]; ok {
		return p
	}
	return outside
}

func (s *searchState) set(v, parent int) {
	if s.dense != nil {
		s.dense[v] = parent
	} else {
		s.sparse[v] = parent
	}
}

// path returns the search tree's path from start to last.
func (s *searchState) path(start, last int) []int {
	k := 1
	for v := last; v != start; v = s.get(v) {
		k++
	}
	p := make([]int, k)
	for v := last; ; v = s.get(v) {
		k--
		p[k] = v
		if v == start {
			return p
		}
	}
}
