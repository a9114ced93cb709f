package dot

import (
	"cmp"
	"math"
	"slices"

	"github.com/argmap/argmap/arguments"
)

// Layouts: dot draws the map in ranks, each argument beside what it
// supports or attacks. A map too tangled for dot (see Tangled) is laid out
// in two passes: sfdp places the arguments by forces, letting boxes
// overlap; Grid then puts them on a grid in that order, and nop draws the
// boxes there with straight arrows.
const (
	layoutDot  = "dot"
	layoutSFDP = "sfdp"
	layoutNop  = "nop"
)

// maxDotCost is the largest dotCost for which Write chooses the dot
// layout. dot's time grows faster than the square of the number of nodes it
// places, counting the virtual nodes it adds where an arrow crosses a rank:
// about 0.1 s for a cost of 1,400 (50 generated arguments), 1 s for 4,900
// (100 generated arguments) and 7 s for 10,000 (150), with the Graphviz
// command; the WebAssembly Graphviz is about twice as slow. A map of a real
// debate, mostly a tree with some cross-links, stays far below: the
// drone-strike example costs 62.
const maxDotCost = 3000

// dotCost estimates the work of the dot layout for the relations: the
// number of arguments plus the number of virtual nodes of a longest-path
// ranking, once cycles are broken as dot breaks them (reversing the edges
// that close a cycle in a depth-first search). dot's own ranking is tighter,
// so this is an upper bound, good enough to tell a tree with cross-links
// from a tangle.
func dotCost(ids []string, rels []*relation) int {
	rank, dag := dotRanks(ids, rels)
	cost := len(ids)
	for a := range dag {
		for _, b := range dag[a] {
			cost += max(0, rank[b]-rank[a]-1)
		}
	}
	return cost
}

// dotRanks ranks the arguments ids by the longest path to them, once
// cycles are broken as dot breaks them (reversing the edges that close a
// cycle in a depth-first search), and returns the ranks, by index in ids,
// and the acyclic graph's successors.
func dotRanks(ids []string, rels []*relation) ([]int, [][]int) {
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	n := len(ids)
	succ := make([][]int, n)
	for _, r := range rels {
		a, b := index[r.from], index[r.to]
		if a != b {
			succ[a] = append(succ[a], b)
		}
	}
	// Depth-first search, iteratively (maps can be deep), to find the
	// edges that close cycles.
	const (
		unseen = iota
		open
		done
	)
	state := make([]uint8, n)
	type frame struct{ node, next int }
	back := map[[2]int]bool{}
	for root := range n {
		if state[root] != unseen {
			continue
		}
		stack := []frame{{root, 0}}
		state[root] = open
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.next == len(succ[f.node]) {
				state[f.node] = done
				stack = stack[:len(stack)-1]
				continue
			}
			v := succ[f.node][f.next]
			f.next++
			switch state[v] {
			case open:
				back[[2]int{f.node, v}] = true
			case unseen:
				state[v] = open
				stack = append(stack, frame{v, 0})
			}
		}
	}
	// The acyclic graph, and its longest-path ranks (Kahn's algorithm).
	dag := make([][]int, n)
	indeg := make([]int, n)
	for a := range n {
		for _, b := range succ[a] {
			from, to := a, b
			if back[[2]int{a, b}] {
				from, to = b, a
			}
			dag[from] = append(dag[from], to)
			indeg[to]++
		}
	}
	rank := make([]int, n)
	var queue []int
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		u := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, v := range dag[u] {
			rank[v] = max(rank[v], rank[u]+1)
			if indeg[v]--; indeg[v] == 0 {
				queue = append(queue, v)
			}
		}
	}
	return rank, dag
}

// Tangled reports whether the map is too tangled for the dot layout, which
// would take minutes: then Write's DOT is only a first pass, which places
// the arguments, and the caller lays it out, passes the places to Grid, and
// writes the map again with Options.Places.
func Tangled(m *arguments.Map) bool {
	w := &writer{m: m}
	return dotCost(w.ids(), w.relations()) > maxDotCost
}

// Place is where an argument's box is: its centre, in points, y upwards as
// in Graphviz, and its size.
type Place struct {
	X, Y, Width, Height float64
}

// gridGap is the space between boxes on a grid, in points.
const gridGap = 18.0

// Grid arranges boxes on a grid in the order of their places: rows from the
// top, each sorted from left to right, so that neighbours stay neighbours.
// Columns are as wide as the widest box, each row as tall as its tallest,
// and there are as many columns as make the grid about as wide as tall. It
// returns the boxes' new places.
func Grid(places map[string]Place) map[string]Place {
	ids := make([]string, 0, len(places))
	maxW, maxH := 0.0, 0.0
	for id, p := range places {
		ids = append(ids, id)
		maxW, maxH = max(maxW, p.Width), max(maxH, p.Height)
	}
	if len(ids) == 0 {
		return map[string]Place{}
	}
	cellW, cellH := maxW+gridGap, maxH+gridGap
	cols := max(1, int(math.Ceil(math.Sqrt(float64(len(ids))*cellH/cellW))))
	// Top to bottom (Graphviz's y grows upwards), ties by id, so that the
	// grid depends only on the places.
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(places[b].Y, places[a].Y), cmp.Compare(a, b))
	})
	out := make(map[string]Place, len(ids))
	y := 0.0
	for start := 0; start < len(ids); start += cols {
		row := ids[start:min(start+cols, len(ids))]
		slices.SortFunc(row, func(a, b string) int {
			return cmp.Or(cmp.Compare(places[a].X, places[b].X), cmp.Compare(a, b))
		})
		h := 0.0
		for _, id := range row {
			h = max(h, places[id].Height)
		}
		for i, id := range row {
			p := places[id]
			out[id] = Place{X: float64(i)*cellW + cellW/2, Y: y - h/2, Width: p.Width, Height: p.Height}
		}
		y -= h + gridGap
	}
	return out
}
