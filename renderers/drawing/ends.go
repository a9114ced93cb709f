package drawing

import (
	"cmp"
	"math"
	"slices"
)

// This file moves apart the ends of arrows that crowd on a box.
//
// Graphviz's dot aims every arrow at the centre of the box it ends at and
// clips it at the border, so that arrows arriving from about the same
// direction end at about the same point: on an argument with many reasons,
// their bars and arrowheads merged into one blob. Ports, which dot honours,
// do not help: dot lets them reorder the reasons, and the layout it finds
// with them crosses many more arrows (on the drone-strike example, 14 to 35
// crossings instead of 4). So the layout is kept and only the ends move:
// where two ends on a box are less than CrowdGap apart, the ends on each
// side of it move along the border, in their order, as little as gives
// each EndGap from the next, off the rounded corners; each moved arrow's
// head moves with its end, and the last piece of its spline bends to it.

const (
	// CrowdGap is how close the tips of two arrowheads on a box must be
	// for SpreadEnds to move the ends on it.
	CrowdGap = 10.0
	// EndGap is the least distance SpreadEnds leaves between two ends on
	// a side of a box, if the side is long enough: an attack's bar is 8
	// points long.
	EndGap = 16.0
	// cornerGap keeps ends off the rounded corners of a box.
	cornerGap = 10.0
)

// SpreadEnds returns how far to move the end of each arrow whose end is
// moved apart from others (see above), by the arrow's id, in Graphviz's
// coordinates. Arrows without an id or an arrowhead, and boxes that are
// not boxes (dots), are left alone. It returns nil if no ends crowd.
func SpreadEnds(l *Layout) map[string]Point {
	boxes := map[string]Box{}
	for _, n := range l.Nodes {
		if n.Shape == "" || n.Shape == "box" {
			boxes[n.Name] = n.Box
		}
	}
	type end struct {
		edge int
		at   float64 // along the side: x on the top and bottom, y on the left and right
	}
	ends := map[string]map[byte][]end{}
	var heads []string
	for i, e := range l.Edges {
		b, ok := boxes[e.Head]
		if !ok || !e.HasEnd || e.ID == "" || len(e.Splines) != 1 {
			continue
		}
		side := sideOf(b, e.End)
		at := e.End.Y
		if side == 'n' || side == 's' {
			at = e.End.X
		}
		if ends[e.Head] == nil {
			ends[e.Head] = map[byte][]end{}
			heads = append(heads, e.Head)
		}
		ends[e.Head][side] = append(ends[e.Head][side], end{i, at})
	}
	var moved map[string]Point
	for _, h := range heads {
		b := boxes[h]
		var tips []Point
		for _, side := range []byte("nesw") {
			for _, e := range ends[h][side] {
				tips = append(tips, l.Edges[e.edge].End)
			}
		}
		if !crowded(tips) {
			continue
		}
		for _, side := range []byte("nesw") {
			es := ends[h][side]
			slices.SortStableFunc(es, func(x, y end) int { return cmp.Compare(x.at, y.at) })
			lo, hi := b.Y-b.Height/2+cornerGap, b.Y+b.Height/2-cornerGap
			if side == 'n' || side == 's' {
				lo, hi = b.X-b.Width/2+cornerGap, b.X+b.Width/2-cornerGap
			}
			at := make([]float64, len(es))
			for i, e := range es {
				at[i] = e.at
			}
			for i, v := range spread(at, lo, hi) {
				e := l.Edges[es[i].edge]
				// Along the side by d, and onto it: an end on a
				// rounded corner is a little off the straight side.
				d := v - es[i].at
				var shift Point
				switch side {
				case 'n':
					shift = Point{d, b.Y + b.Height/2 - e.End.Y}
				case 's':
					shift = Point{d, b.Y - b.Height/2 - e.End.Y}
				case 'e':
					shift = Point{b.X + b.Width/2 - e.End.X, d}
				case 'w':
					shift = Point{b.X - b.Width/2 - e.End.X, d}
				}
				if math.Hypot(shift.X, shift.Y) < 0.5 {
					continue
				}
				if moved == nil {
					moved = map[string]Point{}
				}
				moved[e.ID] = shift
			}
		}
	}
	return moved
}

// sideOf is the side of box b that point p, an arrowhead's tip, is on:
// 'n', 'e', 's' or 'w' (top, right, bottom, left), by the box's shape.
func sideOf(b Box, p Point) byte {
	dx, dy := (p.X-b.X)/(b.Width/2), (p.Y-b.Y)/(b.Height/2)
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx > 0:
		return 'e'
	case math.Abs(dx) >= math.Abs(dy):
		return 'w'
	case dy > 0:
		return 'n'
	}
	return 's'
}

// crowded is whether two of the points are closer than CrowdGap.
func crowded(ps []Point) bool {
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if math.Hypot(ps[i].X-ps[j].X, ps[i].Y-ps[j].Y) < CrowdGap {
				return true
			}
		}
	}
	return false
}

// spread returns new places for the sorted places at, in the same order,
// each EndGap (or as much as fits in [lo, hi]) from the next, moved as
// little as can be in the least squares sense (pooling adjacent violators
// on at[i] - i·gap), then into [lo, hi] if the side is long enough.
func spread(at []float64, lo, hi float64) []float64 {
	n := len(at)
	gap := EndGap
	if n > 1 && hi > lo {
		gap = math.Min(gap, (hi-lo)/float64(n-1))
	}
	type block struct {
		sum   float64
		count int
	}
	var blocks []block
	for i, v := range at {
		blocks = append(blocks, block{v - float64(i)*gap, 1})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/float64(a.count) < b.sum/float64(b.count) {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.count + b.count})
		}
	}
	out := make([]float64, 0, n)
	for _, b := range blocks {
		for range b.count {
			out = append(out, b.sum/float64(b.count)+float64(len(out))*gap)
		}
	}
	if hi > lo {
		for i := range out {
			out[i] = math.Max(out[i], lo+float64(i)*gap)
		}
		for i := n - 1; i >= 0; i-- {
			out[i] = math.Min(out[i], hi-float64(n-1-i)*gap)
		}
	}
	return out
}

// MoveEnd moves the end of a spline by d: its last point (the base of the
// arrowhead) by d, and the control point before it by half of d, so that
// the last piece bends smoothly to the new end. It changes s.
func MoveEnd(s []Point, d Point) {
	n := len(s) - 1
	if n < 1 {
		return
	}
	s[n] = Point{s[n].X + d.X, s[n].Y + d.Y}
	s[n-1] = Point{s[n-1].X + d.X/2, s[n-1].Y + d.Y/2}
}

// Move moves the ends of the layout's edges by moved (see SpreadEnds), as
// ParseMoved draws them.
func (l *Layout) Move(moved map[string]Point) {
	for i := range l.Edges {
		e := &l.Edges[i]
		d, ok := moved[e.ID]
		if !ok || len(e.Splines) == 0 {
			continue
		}
		MoveEnd(e.Splines[len(e.Splines)-1], d)
		if e.HasEnd {
			e.End = Point{e.End.X + d.X, e.End.Y + d.Y}
		}
	}
}
