package drawing

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// leastSquares is the reference for spread without bounds: of all the
// ways to cut the places into runs that move together (each run to the
// mean of its places less their offsets of gap), the one whose runs keep
// their order and that moves the places least, by brute force.
func leastSquares(at []float64, gap float64) []float64 {
	n := len(at)
	y := make([]float64, n)
	for i, v := range at {
		y[i] = v - float64(i)*gap
	}
	var best []float64
	bestCost := math.Inf(1)
	for cuts := 0; cuts < 1<<(n-1); cuts++ {
		fit := make([]float64, n)
		start := 0
		ok := true
		prev := math.Inf(-1)
		for i := 0; i < n; i++ {
			if i == n-1 || cuts&(1<<i) != 0 {
				mean := 0.0
				for _, v := range y[start : i+1] {
					mean += v
				}
				mean /= float64(i + 1 - start)
				if mean < prev-1e-9 {
					ok = false
					break
				}
				prev = mean
				for k := start; k <= i; k++ {
					fit[k] = mean
				}
				start = i + 1
			}
		}
		if !ok {
			continue
		}
		cost := 0.0
		for i := range y {
			cost += (y[i] - fit[i]) * (y[i] - fit[i])
		}
		if cost < bestCost-1e-9 {
			bestCost, best = cost, fit
		}
	}
	for i := range best {
		best[i] += float64(i) * gap
	}
	return best
}

// TestSpread checks spread against the brute-force least squares solution
// on random places, with no bounds to keep within, and that with bounds
// every place is within them and EndGap (or what fits) from the next.
func TestSpread(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + r.IntN(7)
		at := make([]float64, n)
		for i := range at {
			at[i] = r.Float64() * 60
		}
		slices.Sort(at)
		got := spread(at, 0, 0) // no bounds
		want := leastSquares(at, EndGap)
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-6 {
				t.Fatalf("trial %d: spread(%v) = %v, want %v", trial, at, got, want)
			}
		}
		lo, hi := -10+r.Float64()*20, 50+r.Float64()*60
		got = spread(at, lo, hi)
		gap := math.Min(EndGap, (hi-lo)/float64(max(1, n-1)))
		for i, v := range got {
			if v < lo-1e-9 || v > hi+1e-9 {
				t.Fatalf("trial %d: spread(%v, %g, %g) = %v, out of bounds", trial, at, lo, hi, got)
			}
			if i > 0 && v-got[i-1] < gap-1e-9 {
				t.Fatalf("trial %d: spread(%v, %g, %g) = %v, closer than %g", trial, at, lo, hi, got, gap)
			}
		}
	}
}

// box is a box at the origin, 200 × 80 points.
var box = Node{Name: "c", Shape: "box", Box: Box{X: 0, Y: 0, Width: 200, Height: 80}}

// edgeTo is an edge from the right ending at tip on the box's right side.
func edgeTo(id string, y float64) Edge {
	return Edge{ID: id, Tail: "t" + id, Head: "c",
		Splines: [][]Point{{{300, y}, {250, y}, {150, y}, {108, y}}},
		End:     Point{100, y}, HasEnd: true}
}

func TestSpreadEnds(t *testing.T) {
	l := &Layout{Nodes: []Node{box}, Edges: []Edge{edgeTo("a", 2), edgeTo("b", 0), edgeTo("c", -20), edgeTo("d", 30)}}
	moved := SpreadEnds(l)
	if len(moved) == 0 {
		t.Fatal("crowded ends not moved")
	}
	l.Move(moved)
	var ys []float64
	for _, e := range l.Edges {
		if e.End.X != 100 {
			t.Errorf("%s ends at %v, off the box's right side", e.ID, e.End)
		}
		last := e.Splines[0][len(e.Splines[0])-1]
		if d := moved[e.ID]; last.Y != e.End.Y || last.X != 108+d.X {
			t.Errorf("%s: the spline ends at %v, not before its arrowhead at %v", e.ID, last, e.End)
		}
		ys = append(ys, e.End.Y)
	}
	// The order along the side is kept: c, b, a, d from the bottom.
	if !(ys[2] < ys[1] && ys[1] < ys[0] && ys[0] < ys[3]) {
		t.Errorf("ends reordered: %v", ys)
	}
	slices.Sort(ys)
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] < EndGap-1e-9 {
			t.Errorf("ends %v: closer than %g", ys, EndGap)
		}
	}
	if ys[0] < -40+cornerGap || ys[len(ys)-1] > 40-cornerGap {
		t.Errorf("ends %v on the corners", ys)
	}
	// Ends apart are left alone, and so are dots.
	apart := &Layout{Nodes: []Node{box}, Edges: []Edge{edgeTo("a", 20), edgeTo("b", 0), edgeTo("c", -20)}}
	if moved := SpreadEnds(apart); moved != nil {
		t.Errorf("ends apart moved: %v", moved)
	}
	dot := box
	dot.Shape = "circle"
	onDot := &Layout{Nodes: []Node{dot}, Edges: []Edge{edgeTo("a", 1), edgeTo("b", 0)}}
	if moved := SpreadEnds(onDot); moved != nil {
		t.Errorf("ends on a dot moved: %v", moved)
	}
}
