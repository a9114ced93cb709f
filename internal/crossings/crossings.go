// Package crossings measures how well a laid-out argument map reads, from
// where Graphviz put its parts (a drawing.Layout): how often its arrows cross
// one another, run through boxes they do not join or through titles, how
// many arrowheads crowd one another on a box, how many arrows make long
// detours, and how sharply a support bends at the dot of an inference.
//
// Arrows are Graphviz's cubic Bézier splines, flattened into Segments
// straight pieces each; the counts are of those polylines, exact up to the
// flattening.
package crossings

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/pipeline"
)

// Counts are the measures of a layout. Lower is better for every one.
type Counts struct {
	// EdgeEdge is the number of points where two arrows cross. Arrows that
	// meet at a node they share (a box, an inference dot) are not counted
	// as crossing within NearShared of it: they fan out there.
	EdgeEdge int
	// EdgeBox is the number of arrows and boxes such that the arrow runs
	// through the box, which it neither starts nor ends at.
	EdgeBox int
	// EdgeLabel is the number of arrows and labels (of a group, or the
	// graph's title and legend) such that the arrow runs through the label.
	EdgeLabel int
	// CrowdedEnds is the number of pairs of arrows ending at one box
	// whose arrowheads' tips are less than MinEndGap apart: ends that merge
	// into one blob.
	CrowdedEnds int
	// Sweeps is the number of arrows at least SweepRatio times as long as
	// the straight line between their ends, and SweepExtra longer: arrows
	// that go the long way round.
	Sweeps int
	// Detour is the total of how much longer than the straight line
	// between its ends each arrow is, in points.
	Detour float64
	// MaxBend is the largest angle, in degrees, between the two halves of
	// a relation drawn through an inference dot (see renderers/dot): 0 when
	// the dot is on a straight line.
	MaxBend float64
	// Length is the total length of the arrows, in points.
	Length float64
	// Found describes each thing counted, one line each, for a reader
	// looking for where a layout goes wrong: "crossing a.attacks.b ×
	// c.supports.d at 120,340".
	Found []string
}

// Parameters of the measures, in points.
const (
	// Segments is the number of straight pieces a Bézier segment is
	// flattened into.
	Segments = 24
	// NearShared is how close to a node two arrows that both join it may
	// cross without the crossing being counted.
	NearShared = 12.0
	// MinEndGap is the least distance between the tips of two arrowheads
	// on one box for them to read as two: about an arrowhead's width and a
	// gap.
	MinEndGap = 10.0
	// SweepRatio and SweepExtra are how many times longer, and how much
	// longer, than the straight line an arrow has to be to count as a
	// sweep.
	SweepRatio = 1.1
	SweepExtra = 36.0
	// sameCrossing is the distance within which two points where the same
	// two arrows cross count as one crossing: where arrows graze one
	// another, or cross at a vertex of the polylines.
	sameCrossing = 8.0
	// boxInset shrinks boxes and labels before testing whether an arrow
	// runs through one, so that an arrow grazing an edge is not counted.
	boxInset = 2.0
)

type point = drawing.Point

type edge struct {
	e    drawing.Edge
	line []point // the flattened splines, with the arrowheads
	lo   point   // the bounding box of line
	hi   point
}

// Count measures the layout.
func Count(l *drawing.Layout) Counts {
	var c Counts
	nodes := make(map[string]drawing.Node, len(l.Nodes))
	for _, n := range l.Nodes {
		nodes[n.Name] = n
	}
	edges := make([]edge, len(l.Edges))
	for i, e := range l.Edges {
		edges[i] = flatten(e)
		c.Length += length(edges[i].line)
	}
	for i := range edges {
		for j := i + 1; j < len(edges); j++ {
			for _, p := range crossings(&edges[i], &edges[j], nodes) {
				c.EdgeEdge++
				c.found("crossing %s × %s at %s", edges[i].name(), edges[j].name(), at(p))
			}
		}
	}
	var boxes []drawing.Node
	for _, n := range l.Nodes {
		if isBox(n) {
			boxes = append(boxes, n)
		}
	}
	type label struct {
		name string
		box  drawing.Box
	}
	var labels []label
	if l.Label.Width > 0 {
		labels = append(labels, label{"the graph's label", l.Label})
	}
	for _, cl := range l.Clusters {
		if cl.Label.Width > 0 {
			labels = append(labels, label{"the label of " + cl.ID, cl.Label})
		}
	}
	for _, e := range edges {
		for _, b := range boxes {
			if b.Name != e.e.Tail && b.Name != e.e.Head && through(e.line, b.Box) {
				c.EdgeBox++
				c.found("through a box: %s through %s", e.name(), b.Name)
			}
		}
		for _, b := range labels {
			if through(e.line, b.box) {
				c.EdgeLabel++
				c.found("through a label: %s through %s", e.name(), b.name)
			}
		}
		if n := len(e.line); n > 1 {
			d := dist(e.line[0], e.line[n-1])
			l := length(e.line)
			c.Detour += l - d
			if l >= SweepRatio*d && l-d >= SweepExtra {
				c.Sweeps++
				c.found("sweep: %s, %.0f pt for %.0f pt", e.name(), l, d)
			}
		}
	}
	c.crowded(edges, nodes)
	c.maxBend(edges, nodes)
	return c
}

func (c *Counts) found(format string, args ...any) {
	c.Found = append(c.Found, fmt.Sprintf(format, args...))
}

func at(p point) string { return fmt.Sprintf("%.0f,%.0f", p.X, p.Y) }

// name names an edge by its id, or its ends.
func (e *edge) name() string {
	if e.e.ID != "" {
		return e.e.ID
	}
	return e.e.Tail + " -> " + e.e.Head
}

// isBox is whether a node is an argument's box, not a dot.
func isBox(n drawing.Node) bool {
	return n.Shape != "circle" && n.Shape != "point" && n.Width > 0 && n.Height > 0
}

// flatten turns an edge's splines into one polyline, from the tail's
// arrowhead (if any) to the head's.
func flatten(e drawing.Edge) edge {
	var line []point
	if e.HasStart {
		line = append(line, e.Start)
	}
	for _, s := range e.Splines {
		line = append(line, s[0])
		for k := 0; k+3 < len(s); k += 3 {
			p0, p1, p2, p3 := s[k], s[k+1], s[k+2], s[k+3]
			for i := 1; i <= Segments; i++ {
				t := float64(i) / Segments
				u := 1 - t
				line = append(line, point{
					X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
					Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
				})
			}
		}
	}
	if e.HasEnd {
		line = append(line, e.End)
	}
	out := edge{e: e, line: line}
	if len(line) > 0 {
		out.lo, out.hi = line[0], line[0]
		for _, p := range line {
			out.lo = point{X: math.Min(out.lo.X, p.X), Y: math.Min(out.lo.Y, p.Y)}
			out.hi = point{X: math.Max(out.hi.X, p.X), Y: math.Max(out.hi.Y, p.Y)}
		}
	}
	return out
}

func length(line []point) float64 {
	l := 0.0
	for i := 1; i < len(line); i++ {
		l += dist(line[i-1], line[i])
	}
	return l
}

func dist(a, b point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

// crossings returns the points where two edges cross, leaving out those
// near a node both join, and counting once points closer than sameCrossing
// to one another.
func crossings(a, b *edge, nodes map[string]drawing.Node) []point {
	if a.hi.X < b.lo.X || b.hi.X < a.lo.X || a.hi.Y < b.lo.Y || b.hi.Y < a.lo.Y {
		return nil
	}
	// Two arrows between the same two nodes (a mutual attack, say) run
	// side by side, and their crossings are of no interest.
	if a.e.Tail == b.e.Tail && a.e.Head == b.e.Head || a.e.Tail == b.e.Head && a.e.Head == b.e.Tail {
		return nil
	}
	var shared []drawing.Box
	for _, x := range []string{a.e.Tail, a.e.Head} {
		if x == b.e.Tail || x == b.e.Head {
			if n, ok := nodes[x]; ok {
				shared = append(shared, n.Box)
			}
		}
	}
	var found []point
	for i := 1; i < len(a.line); i++ {
		p, q := a.line[i-1], a.line[i]
		for j := 1; j < len(b.line); j++ {
			r, s := b.line[j-1], b.line[j]
			x, ok := intersect(p, q, r, s)
			if !ok {
				continue
			}
			near := slices.ContainsFunc(shared, func(bx drawing.Box) bool { return boxDist(x, bx) < NearShared })
			dup := slices.ContainsFunc(found, func(f point) bool { return dist(f, x) < sameCrossing })
			if !near && !dup {
				found = append(found, x)
			}
		}
	}
	return found
}

// intersect returns the point where segments pq and rs cross, if they do.
// Segments that only touch at an end, or overlap along a line, do not
// cross.
func intersect(p, q, r, s point) (point, bool) {
	d1 := cross(p, q, r)
	d2 := cross(p, q, s)
	d3 := cross(r, s, p)
	d4 := cross(r, s, q)
	if d1*d2 >= 0 || d3*d4 >= 0 {
		return point{}, false
	}
	t := d3 / (d3 - d4)
	return point{X: p.X + t*(q.X-p.X), Y: p.Y + t*(q.Y-p.Y)}, true
}

// cross is the z component of (b-a) × (c-a): positive if c is to the left
// of the line from a to b.
func cross(a, b, c point) float64 {
	return (b.X-a.X)*(c.Y-a.Y) - (b.Y-a.Y)*(c.X-a.X)
}

// boxDist is the distance from p to box b (0 inside it).
func boxDist(p point, b drawing.Box) float64 {
	dx := math.Max(0, math.Abs(p.X-b.X)-b.Width/2)
	dy := math.Max(0, math.Abs(p.Y-b.Y)-b.Height/2)
	return math.Hypot(dx, dy)
}

// through is whether the polyline runs through the inside of box b, inset
// by boxInset.
func through(line []point, b drawing.Box) bool {
	x0, x1 := b.X-b.Width/2+boxInset, b.X+b.Width/2-boxInset
	y0, y1 := b.Y-b.Height/2+boxInset, b.Y+b.Height/2-boxInset
	if x0 >= x1 || y0 >= y1 {
		return false
	}
	for i := 1; i < len(line); i++ {
		if clips(line[i-1], line[i], x0, y0, x1, y1) {
			return true
		}
	}
	return false
}

// clips is whether segment pq meets the rectangle [x0,x1] × [y0,y1]
// (Liang–Barsky).
func clips(p, q point, x0, y0, x1, y1 float64) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.X-p.X, q.Y-p.Y
	for _, c := range [4][2]float64{{-dx, p.X - x0}, {dx, x1 - p.X}, {-dy, p.Y - y0}, {dy, y1 - p.Y}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq < 0 {
				return false
			}
			continue
		}
		t := qq / pp
		if pp < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// crowded counts the pairs of arrows ending at one box whose tips are
// closer than MinEndGap.
func (c *Counts) crowded(edges []edge, nodes map[string]drawing.Node) {
	ends := map[string][]*edge{}
	var heads []string
	for i := range edges {
		e := &edges[i]
		if n, ok := nodes[e.e.Head]; ok && isBox(n) && len(e.line) > 0 {
			if ends[e.e.Head] == nil {
				heads = append(heads, e.e.Head)
			}
			ends[e.e.Head] = append(ends[e.e.Head], e)
		}
	}
	for _, h := range heads {
		es := ends[h]
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				p, q := es[i].line[len(es[i].line)-1], es[j].line[len(es[j].line)-1]
				if d := dist(p, q); d < MinEndGap {
					c.CrowdedEnds++
					c.found("crowded ends: %s and %s, %.1f pt apart at %s", es[i].name(), es[j].name(), d, at(p))
				}
			}
		}
	}
}

// maxBend is the largest angle between the arrow into an inference dot
// from the relation's premise and the arrow out of it to the conclusion.
func (c *Counts) maxBend(edges []edge, nodes map[string]drawing.Node) {
	var dots []string
	in := map[string]*edge{}
	out := map[string]*edge{}
	for i := range edges {
		e := &edges[i]
		if strings.HasSuffix(e.e.ID, ".premise") {
			in[e.e.Head] = e
			dots = append(dots, e.e.Head)
		}
		if n, ok := nodes[e.e.Tail]; ok && strings.Contains(" "+n.Class+" ", " inference ") {
			out[e.e.Tail] = e
		}
	}
	for _, name := range dots {
		a := in[name]
		b, ok := out[name]
		if !ok || len(a.line) < 2 || len(b.line) < 2 {
			continue
		}
		// The directions at the dot, each over a few points of the
		// polyline, so that a kink in the last piece does not count.
		k := min(Segments/2, len(a.line)-1, len(b.line)-1)
		u := sub(a.line[len(a.line)-1], a.line[len(a.line)-1-k])
		v := sub(b.line[k], b.line[0])
		if ang := angle(u, v); ang > 0.5 {
			c.MaxBend = math.Max(c.MaxBend, ang)
			c.found("bend: %.0f° at the dot %s", ang, name)
		}
	}
}

func sub(a, b point) point { return point{X: a.X - b.X, Y: a.Y - b.Y} }

// angle is the angle between two vectors, in degrees.
func angle(u, v point) float64 {
	nu, nv := math.Hypot(u.X, u.Y), math.Hypot(v.X, v.Y)
	if nu == 0 || nv == 0 {
		return 0
	}
	c := (u.X*v.X + u.Y*v.Y) / (nu * nv)
	return math.Acos(math.Max(-1, math.Min(1, c))) * 180 / math.Pi
}

// Measure draws the map as argmap render does (see pipeline.Layout: maps
// too tangled for the dot layout are not measured, and give no data) and
// measures the layout. It returns Graphviz's json output too.
func Measure(ctx context.Context, e pipeline.Engine, m *arguments.Map, opts dot.Options) (Counts, []byte, error) {
	l, data, err := pipeline.Layout(ctx, e, m, opts)
	if err != nil || l == nil {
		return Counts{}, nil, err
	}
	return Count(l), data, nil
}
