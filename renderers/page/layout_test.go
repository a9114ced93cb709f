package page

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/renderers/drawing"
)

var black = color.NRGBA{A: 255}

// box is a node's box from top to bottom, with a line of text in it.
func box(id string, x, top, bottom float64) []drawing.Shape {
	return []drawing.Shape{
		{Kind: drawing.Polygon, Points: []drawing.Point{{X: x, Y: top}, {X: x + 50, Y: top}, {X: x + 50, Y: bottom}, {X: x, Y: bottom}},
			Stroke: black, LineWidth: 1, Part: drawing.NodePart, Object: id},
		{Kind: drawing.Text, Points: []drawing.Point{{X: x + 5, Y: top + 12}}, Text: id, Size: 10, Fill: black, Part: drawing.NodePart, Object: id},
	}
}

// edge is a line from y0 to y1, which a cut may cross.
func edge(y0, y1 float64) drawing.Shape {
	return drawing.Shape{Kind: drawing.Polyline, Points: []drawing.Point{{X: 25, Y: y0}, {X: 25, Y: y1}}, Stroke: black, LineWidth: 1, Part: drawing.EdgePart, Object: "e"}
}

// rows is a drawing of n rows of boxes, each h tall, gap apart, with edges
// between them.
func rows(n int, h, gap float64) *drawing.Drawing {
	d := &drawing.Drawing{Width: 300, Pad: 10}
	y := 10.0
	for i := range n {
		d.Shapes = append(d.Shapes, box(fmt.Sprint("r", i), 20, y, y+h)...)
		if i > 0 {
			d.Shapes = append(d.Shapes, edge(y-gap, y))
		}
		y += h + gap
	}
	d.Height = y - gap + 10
	return d
}

// checkLayout checks that the frames tile the drawing's content, top to
// bottom, that each fits a page, and that every shape is in some frame.
func checkLayout(t *testing.T, s Spec, d *drawing.Drawing, lay Layout) {
	t.Helper()
	_, top, _, bottom := Content(d)
	_, th := s.Text()
	if len(lay.Frames) == 0 {
		t.Fatal("no frames")
	}
	y := top
	for i, f := range lay.Frames {
		if !near(f.Top, y) {
			t.Errorf("frame %d starts at %g, want %g", i, f.Top, y)
		}
		if (f.Bottom-f.Top)*lay.Scale > th+1e-6 {
			t.Errorf("frame %d is %g tall on the page, more than the %g between the margins", i, (f.Bottom-f.Top)*lay.Scale, th)
		}
		y = f.Bottom
	}
	if !near(y, bottom) {
		t.Errorf("the frames end at %g, the drawing at %g", y, bottom)
	}
	for _, sh := range d.Shapes {
		st, sb := Extent(sh)
		in := false
		for _, f := range lay.Frames {
			in = in || sb >= f.Top && st <= f.Bottom
		}
		if !in {
			t.Errorf("%v %s is on no page", sh.Kind, sh.Object)
		}
	}
}

func TestPlace(t *testing.T) {
	a4, _ := ParseSize("a4")
	s := Spec{Size: a4, Margin: DefaultMargin, MinText: 7}
	_, th := s.Text()

	// A drawing shorter than a page: one frame, centred.
	d := rows(3, 40, 20)
	lay := s.Place(d)
	checkLayout(t, s, d, lay)
	if len(lay.Frames) != 1 || lay.Scale != 1 || !near(lay.Left, DefaultMargin+(510.24-280)/2) || !near(lay.Top, DefaultMargin) {
		t.Errorf("one page: %+v", lay)
	}

	// Rows of boxes over several pages: no box is cut.
	d = rows(40, 40, 20)
	lay = s.Place(d)
	checkLayout(t, s, d, lay)
	if n := len(lay.Frames); n != int(math.Ceil((d.Height-20)/(th-60))) && n != int(math.Ceil((d.Height-20)/th)) {
		t.Errorf("%d pages for %g points", n, d.Height-20)
	}
	for _, f := range lay.Frames[:len(lay.Frames)-1] {
		for _, sp := range Blocked(d) {
			if f.Bottom > sp.Top+1e-9 && f.Bottom < sp.Bottom-1e-9 {
				t.Errorf("the cut at %g goes through %+v", f.Bottom, sp)
			}
		}
	}

	// A box taller than a page is cut, and the layout still ends.
	d = rows(2, 2*th, 20)
	lay = s.Place(d)
	checkLayout(t, s, d, lay)
	if len(lay.Frames) < 4 {
		t.Errorf("%d frames for two boxes two pages tall", len(lay.Frames))
	}

	// A wide drawing is scaled to the width, and its frames are as tall on
	// the page as the page.
	d = rows(40, 40, 20)
	d.Width = 1020.48 + 20
	lay = s.Place(d)
	checkLayout(t, s, d, lay)
	if !near(lay.Scale, 0.5) || !near(lay.Left, DefaultMargin) {
		t.Errorf("scale %g, left %g", lay.Scale, lay.Left)
	}

	// FitPage: one frame, whatever the height.
	s.Fit = FitPage
	lay = s.Place(d)
	checkLayout(t, s, d, lay)
	if len(lay.Frames) != 1 {
		t.Errorf("%d frames with FitPage", len(lay.Frames))
	}
}

// TestPlaceBelow checks that the blocks below the figure start a page of
// their own when they fit on one but not below the figure.
func TestPlaceBelow(t *testing.T) {
	a4, _ := ParseSize("a4")
	s := Spec{Size: a4, Margin: DefaultMargin}
	_, th := s.Text()
	d := rows(8, 40, 20) // 460 points of figure
	y := d.Height - 10 + 20
	for i := range 40 { // 40 lines of key, 12 points each: 480 points
		d.Shapes = append(d.Shapes, drawing.Shape{Kind: drawing.Text, Points: []drawing.Point{{X: 20, Y: y + 10}}, Text: "entry", Size: 8, Fill: black,
			Part: drawing.ClusterPart, Object: FigureID})
		y += 12
		_ = i
	}
	d.Height = y + 10
	lay := s.Place(d)
	checkLayout(t, s, d, lay)
	top, _ := Below(d)
	if len(lay.Frames) != 2 || !near(lay.Frames[0].Bottom, top) {
		t.Errorf("frames %+v, want two, the first ending where the key starts (%g); a page is %g", lay.Frames, top, th)
	}
}

// TestCut checks Cut against a brute-force search: the lowest place at or
// above the limit, not inside anything blocked, and not too near the top;
// else the limit.
func TestCut(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var spans []Span
		y := 0.0
		for range 1 + rng.IntN(12) {
			y += rng.Float64() * 30
			h := 1 + rng.Float64()*80
			spans = append(spans, Span{y, y + h})
			y += h
		}
		// Overlapping spans, as the shapes of a drawing give.
		if rng.IntN(3) == 0 {
			spans = append(spans, Span{rng.Float64() * y, rng.Float64() * y})
			if spans[len(spans)-1].Top > spans[len(spans)-1].Bottom {
				spans[len(spans)-1].Top, spans[len(spans)-1].Bottom = spans[len(spans)-1].Bottom, spans[len(spans)-1].Top
			}
		}
		blocked := merge(spans)
		top := rng.Float64() * y / 2
		limit := top + 10 + rng.Float64()*y
		got := Cut(blocked, top, limit)
		inside := func(c float64) bool {
			for _, s := range blocked {
				if c > s.Top+1e-9 && c < s.Bottom-1e-9 {
					return true
				}
			}
			return false
		}
		want := limit
		if inside(limit) {
			for c := limit; c > top+(limit-top)/4; c -= 0.001 {
				if !inside(c) {
					want = c
					break
				}
			}
		}
		if math.Abs(got-want) > 0.002 {
			t.Fatalf("Cut(%v, %g, %g) = %g, want %g", blocked, top, limit, got, want)
		}
	}
}
