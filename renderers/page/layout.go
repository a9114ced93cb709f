package page

import (
	"cmp"
	"math"
	"slices"

	"github.com/argmap/argmap/renderers/drawing"
)

// Layout is where a drawing goes on its pages: each page shows a frame of
// the drawing, a band of its full width, scaled and placed within the
// margins.
type Layout struct {
	// Width and Height are each page's size, in points.
	Width, Height float64
	// Scale is the drawing's scale on the page.
	Scale float64
	// Left and Top are where a frame's top-left corner goes on its page,
	// in points from the page's top-left corner.
	Left, Top float64
	// Frames are the bands of the drawing on each page, in the drawing's
	// points, top to bottom; a drawing on one page has one.
	Frames []Frame
	// Right is the right edge of the drawing's content, in the drawing's
	// points (the left edge is Frame.Left).
	Right float64
}

// Frame is the band of the drawing a page shows, in the drawing's points.
type Frame struct {
	Left, Top, Bottom float64
}

// What package dot draws below the figure (the blocks KEY, NOTES,
// SOURCES) is the bottom label of the cluster FigureID around the figure,
// or the graph's label (with arrows pointing up), or in a map placed on a
// grid the box BlocksID under it.
const (
	FigureID = "argmap.figure"
	BlocksID = "argmap.blocks"
)

// Content is the part of the drawing that has anything on it: all but its
// padding.
func Content(d *drawing.Drawing) (left, top, right, bottom float64) {
	pad := max(0, min(d.Pad, d.Width/2, d.Height/2))
	return pad, pad, d.Width - pad, d.Height - pad
}

// Place lays a drawing out on pages: scaled to fit (Spec.Scale), centred
// between the side margins, from the top margin down, and cut into as many
// pages as it takes. Cuts fall between boxes and lines of text (see Cut);
// the blocks below the figure (the key of claims) start on a new page if
// they do not fit below it but fit on one page, or if only their first
// lines would.
func (s Spec) Place(d *drawing.Drawing) Layout {
	l, t, r, b := Content(d)
	pw, ph := s.Page()
	tw, th := s.Text()
	scale := s.ScaleOf(d)
	lay := Layout{Width: pw, Height: ph, Scale: scale, Top: s.Margin, Right: r}
	lay.Left = s.Margin + (tw-(r-l)*scale)/2
	capacity := th / scale
	blocked := Blocked(d)
	belowTop, hasBelow := Below(d)
	top := t
	for b-top > capacity+1e-6 {
		cut := Cut(blocked, top, top+capacity)
		// The blocks below the figure go to the next page, if they start on
		// this one and do not fit on it, but fit on a page, or would leave
		// only their first lines on this one.
		if hasBelow && belowTop > top+capacity/4 && belowTop < cut && (b-belowTop <= capacity || cut-belowTop < capacity/6) {
			cut = belowTop
		}
		lay.Frames = append(lay.Frames, Frame{Left: l, Top: top, Bottom: cut})
		top = cut
	}
	lay.Frames = append(lay.Frames, Frame{Left: l, Top: top, Bottom: b})
	return lay
}

// ScaleOf is the scale at which a drawing goes on the page (see Scale):
// with FitPage, the figure fits the page, and the blocks below it (the key
// of claims) may go on to the next pages.
func (s Spec) ScaleOf(d *drawing.Drawing) float64 {
	l, t, r, b := Content(d)
	if below, ok := Below(d); ok && below > t {
		b = below
	}
	return s.Scale(r-l, b-t)
}

// PlaceOne lays a drawing out on one page as Place does, but without cuts:
// a page as tall as it takes (at least the page's height), for formats
// that have no pages (PNG, SVG).
func (s Spec) PlaceOne(d *drawing.Drawing) Layout {
	l, t, r, b := Content(d)
	pw, ph := s.Page()
	tw, _ := s.Text()
	scale := s.ScaleOf(d)
	lay := Layout{Width: pw, Height: ph, Scale: scale, Top: s.Margin, Right: r}
	lay.Left = s.Margin + (tw-(r-l)*scale)/2
	lay.Height = max(ph, (b-t)*scale+2*s.Margin)
	lay.Frames = []Frame{{Left: l, Top: t, Bottom: b}}
	return lay
}

// Pages is the number of pages the layout takes: its frames, or for a
// single frame taller than a page, the pages it would fill.
func (l Layout) Pages() int { return len(l.Frames) }

// Span is a band of the drawing, from Top to Bottom.
type Span struct{ Top, Bottom float64 }

// slack is how far a cut keeps from what it must not cut: the width of a
// box's border, and a little.
const slack = 1.5

// Blocked returns the bands of the drawing that a cut must not cross,
// sorted and merged: every node (a box with its text) and every line of
// text. Edges and clusters may be cut.
func Blocked(d *drawing.Drawing) []Span {
	var spans []Span
	nodes := map[string]int{} // index in spans
	for _, sh := range d.Shapes {
		top, bottom := Extent(sh)
		if math.IsInf(top, 0) {
			continue
		}
		switch {
		case sh.Part == drawing.NodePart && sh.Object != BlocksID:
			if i, ok := nodes[sh.Object]; ok {
				spans[i].Top, spans[i].Bottom = min(spans[i].Top, top), max(spans[i].Bottom, bottom)
				continue
			}
			nodes[sh.Object] = len(spans)
			spans = append(spans, Span{top, bottom})
		case sh.Kind == drawing.Text:
			spans = append(spans, Span{top, bottom})
		}
	}
	return merge(spans)
}

// Extent is the band a shape covers, from its top to its bottom; a
// text's from its ascent to its descent. A shape without points covers
// nothing: both are +Inf.
func Extent(sh drawing.Shape) (top, bottom float64) {
	if sh.Kind == drawing.Text {
		if len(sh.Points) == 0 {
			return math.Inf(1), math.Inf(1)
		}
		y := sh.Points[0].Y
		// DejaVu Sans: ascent 0.93 em, descent 0.24 em.
		return y - 0.93*sh.Size, y + 0.24*sh.Size
	}
	top, bottom = math.Inf(1), math.Inf(-1)
	for i, p := range sh.Points {
		if sh.Kind == drawing.Ellipse {
			if i == 0 {
				r := 0.0
				if len(sh.Points) > 1 {
					r = math.Abs(sh.Points[1].Y)
				}
				top, bottom = p.Y-r, p.Y+r
			}
			break
		}
		top, bottom = min(top, p.Y), max(bottom, p.Y)
	}
	if math.IsInf(top, 1) {
		return math.Inf(1), math.Inf(1)
	}
	w := sh.LineWidth / 2
	return top - w, bottom + w
}

// merge sorts spans and joins those that overlap or nearly touch.
func merge(spans []Span) []Span {
	for i := range spans {
		spans[i].Top -= slack
		spans[i].Bottom += slack
	}
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Top, b.Top) })
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Top <= out[n-1].Bottom {
			out[n-1].Bottom = max(out[n-1].Bottom, s.Bottom)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Cut returns where to end a page that shows the drawing from top down to
// at most limit: limit itself if nothing blocked is there, else just
// above what is. Only when what is blocked starts too near the top of the
// page (a box taller than most of a page) does it cut through it, at
// limit.
func Cut(blocked []Span, top, limit float64) float64 {
	i, found := slices.BinarySearchFunc(blocked, limit, func(s Span, y float64) int {
		switch {
		case s.Bottom <= y:
			return -1
		case s.Top >= y:
			return 1
		}
		return 0
	})
	if !found {
		return limit // in a gap
	}
	if cut := blocked[i].Top; cut > top+(limit-top)/4 {
		return cut
	}
	return limit
}

// Below is where the blocks below the figure (KEY, NOTES, SOURCES) start,
// if the drawing has any: the top of the first line of the box BlocksID,
// or of the label of the graph or of the cluster FigureID that lies below
// every box (the other of the two is the title and legend, at the top).
func Below(d *drawing.Drawing) (float64, bool) {
	boxes := math.Inf(-1) // the bottom of the lowest box
	for _, sh := range d.Shapes {
		if sh.Part == drawing.NodePart && sh.Object != BlocksID {
			if _, b := Extent(sh); !math.IsInf(b, 0) {
				boxes = max(boxes, b)
			}
		}
	}
	top, found := math.Inf(1), false
	for _, sh := range d.Shapes {
		if sh.Kind != drawing.Text {
			continue
		}
		label := sh.Object == BlocksID ||
			sh.Part == drawing.ClusterPart && sh.Object == FigureID ||
			sh.Part == drawing.GraphPart
		if !label {
			continue
		}
		t, _ := Extent(sh)
		if math.IsInf(t, 0) || sh.Object != BlocksID && t < boxes {
			continue
		}
		top, found = min(top, t-slack), true
	}
	return top, found
}
