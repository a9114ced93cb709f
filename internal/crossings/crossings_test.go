package crossings

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/renderers/drawing"
)

type pt = drawing.Point

func xy(x, y float64) pt { return pt{X: x, Y: y} }

// line is an edge drawn straight from a to b, as a cubic Bézier spline
// with its control points on the line, ending in an arrowhead at b.
func line(id, tail, head string, a, b pt) drawing.Edge {
	at := func(t float64) pt { return pt{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)} }
	return drawing.Edge{ID: id, Tail: tail, Head: head, Splines: [][]pt{{a, at(1.0 / 3), at(2.0 / 3), at(0.95)}}, End: b, HasEnd: true}
}

func box(name string, x, y, w, h float64) drawing.Node {
	return drawing.Node{Name: name, Shape: "box", Box: drawing.Box{X: x, Y: y, Width: w, Height: h}}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		l    drawing.Layout
		want Counts
	}{
		{"a cross", drawing.Layout{Edges: []drawing.Edge{
			line("ab", "a", "b", xy(0, 0), xy(100, 100)),
			line("cd", "c", "d", xy(0, 100), xy(100, 0)),
		}}, Counts{EdgeEdge: 1}},
		{"parallel", drawing.Layout{Edges: []drawing.Edge{
			line("ab", "a", "b", xy(0, 0), xy(100, 0)),
			line("cd", "c", "d", xy(0, 20), xy(100, 20)),
		}}, Counts{}},
		// Arrows from one box cross near it (they fan out there): not
		// counted; far from it, counted.
		{"near a shared box", drawing.Layout{Nodes: []drawing.Node{box("a", 0, 0, 20, 20)}, Edges: []drawing.Edge{
			line("ab", "a", "b", xy(10, -2), xy(200, 50)),
			line("ac", "a", "c", xy(10, 2), xy(200, -50)),
		}}, Counts{}},
		{"far from a shared box", drawing.Layout{Nodes: []drawing.Node{box("a", 0, 0, 20, 20)}, Edges: []drawing.Edge{
			line("ab", "a", "b", xy(10, -5), xy(200, 50)),
			line("ac", "a", "c", xy(10, 5), xy(100, -50)),
			line("cb", "c", "b", xy(100, -50), xy(100, 200)),
		}}, Counts{EdgeEdge: 1}},
		// A mutual attack: two arrows between the same boxes.
		{"same ends", drawing.Layout{Edges: []drawing.Edge{
			line("ab", "a", "b", xy(0, 0), xy(100, 10)),
			line("ba", "b", "a", xy(100, 0), xy(0, 10)),
		}}, Counts{}},
		{"through a box", drawing.Layout{Nodes: []drawing.Node{box("x", 50, 0, 20, 20), box("y", 50, 30, 20, 20)}, Edges: []drawing.Edge{
			line("ab", "a", "b", xy(0, 0), xy(100, 0)),
			// grazing y's border: not through it
			line("cd", "c", "d", xy(0, 39), xy(100, 39)),
		}}, Counts{EdgeBox: 1}},
		{"through labels", drawing.Layout{
			Label:    drawing.Box{X: 50, Y: 100, Width: 80, Height: 20},
			Clusters: []drawing.Cluster{{ID: "g", Box: drawing.Box{X: 50, Y: 0, Width: 100, Height: 100}, Label: drawing.Box{X: 20, Y: 45, Width: 30, Height: 10}}},
			Edges:    []drawing.Edge{line("ab", "a", "b", xy(20, 0), xy(20, 120))},
		}, Counts{EdgeLabel: 2}},
		{"crowded ends", drawing.Layout{Nodes: []drawing.Node{box("b", 0, 0, 100, 40)}, Edges: []drawing.Edge{
			line("ab", "a", "b", xy(200, 0), xy(50, 0)),
			line("cb", "c", "b", xy(200, 30), xy(50, 5)),
			line("db", "d", "b", xy(200, -30), xy(50, -15)),
		}}, Counts{CrowdedEnds: 1}},
		{"a sweep", drawing.Layout{Edges: []drawing.Edge{
			{ID: "ab", Tail: "a", Head: "b", Splines: [][]pt{{xy(0, 0), xy(0, 200), xy(100, 200), xy(100, 0)}}},
		}}, Counts{Sweeps: 1}},
		{"a bend at a dot", drawing.Layout{Nodes: []drawing.Node{{Name: "p->c", Class: "inference", Shape: "circle", Box: drawing.Box{X: 100, Y: 0, Width: 9, Height: 9}}}, Edges: []drawing.Edge{
			line("p.supports.c.premise", "p", "p->c", xy(200, 0), xy(105, 0)),
			line("p.supports.c", "p->c", "c", xy(100, -5), xy(100, -100)),
		}}, Counts{MaxBend: 90}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Count(&tt.l)
			got.Length, got.Detour, got.Found = 0, 0, nil
			got.MaxBend = math.Round(got.MaxBend)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %+v, want %+v (%v)", got, tt.want, Count(&tt.l).Found)
			}
		})
	}
}

// TestCountStraight checks the crossings of random straight arrows against
// a reference that solves for where each pair of lines meet.
func TestCountStraight(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		n := 2 + r.IntN(8)
		var l drawing.Layout
		type seg struct{ a, b pt }
		var segs []seg
		for i := range n {
			a := pt{X: r.Float64() * 500, Y: r.Float64() * 500}
			b := pt{X: r.Float64() * 500, Y: r.Float64() * 500}
			id := string(rune('a' + i))
			l.Edges = append(l.Edges, line(id, id+"0", id+"1", a, b))
			segs = append(segs, seg{a, b})
		}
		want := 0
		for i := range segs {
			for j := i + 1; j < len(segs); j++ {
				p, q := segs[i], segs[j]
				// p.a + s·(p.b - p.a) = q.a + u·(q.b - q.a)
				dx1, dy1 := p.b.X-p.a.X, p.b.Y-p.a.Y
				dx2, dy2 := q.b.X-q.a.X, q.b.Y-q.a.Y
				det := dx1*dy2 - dy1*dx2
				if math.Abs(det) < 1e-9 {
					continue
				}
				s := ((q.a.X-p.a.X)*dy2 - (q.a.Y-p.a.Y)*dx2) / det
				u := ((q.a.X-p.a.X)*dy1 - (q.a.Y-p.a.Y)*dx1) / det
				if s > 0 && s < 1 && u > 0 && u < 1 {
					want++
				}
			}
		}
		if got := Count(&l).EdgeEdge; got != want {
			t.Fatalf("trial %d: %d crossings, want %d: %v", trial, got, want, segs)
		}
	}
}
