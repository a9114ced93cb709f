// Package png draws a drawing (package drawing: what Graphviz laid out) as
// a PNG image, anti-aliased, with the text set in the embedded fonts of
// package fonts, so the image is the same on every machine.
//
// It is pure Go: shapes are filled by golang.org/x/image/vector, and lines
// are stroked by turning them into filled outlines with round joins and
// caps, dashed lines dash by dash. The image is painted and compressed in
// strips of rows, in parallel, and never held whole (see Write).
package png

import (
	"fmt"
	"image/color"
	"io"
	"math"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
)

// DefaultDPI is the resolution Write uses when given none: twice a
// screen's 96 dots per inch, sharp in print and on high-density screens.
const DefaultDPI = 192

// MaxPixels bounds the size of an image: a map too large for it should be
// drawn as SVG or PDF, which have no pixels.
const MaxPixels = 200 << 20

// Options configure Write.
type Options struct {
	// DPI is the resolution: pixels per inch of the drawing, whose unit is
	// the point (1/72 inch). Zero means DefaultDPI.
	DPI float64
	// Layout, if not nil, puts the drawing on a page of its size, scaled
	// and placed as it says, showing its first frame; otherwise the image
	// is the drawing's size.
	Layout *page.Layout
}

// Write draws d as a PNG image to w.
//
// The shapes are first turned into filled outlines in pixels, a display
// list; then strips of rows are painted from it, filtered and deflated,
// each on its own, on as many cores as there are. The bytes do not depend
// on the number of cores.
func Write(w io.Writer, d *drawing.Drawing, fs *fonts.Set, opts Options) error {
	dpi := opts.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if dpi < 1 || dpi > 2400 {
		return fmt.Errorf("png: resolution %g dpi out of range [1, 2400]", dpi)
	}
	scale := dpi / 72 // pixels per point
	width, height := int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))
	var off pt
	if l := opts.Layout; l != nil {
		if len(l.Frames) == 0 || l.Scale <= 0 {
			return fmt.Errorf("png: a layout of %d frames at scale %g", len(l.Frames), l.Scale)
		}
		// The page, in whole pixels (A4 at 150 dpi is 1240 × 1754), and
		// the drawing on it: a point of the drawing is l.Scale points of
		// the page.
		f := l.Frames[0]
		width, height = int(math.Round(l.Width*scale)), int(math.Round(l.Height*scale))
		off = pt{(l.Left - f.Left*l.Scale) * scale, (l.Top - f.Top*l.Scale) * scale}
		scale *= l.Scale
	}
	if width < 1 || height < 1 {
		return fmt.Errorf("png: empty drawing (%g × %g points)", d.Width, d.Height)
	}
	if int64(width)*int64(height) > MaxPixels {
		return fmt.Errorf("png: %d × %d pixels is too large at %g dpi: lower --dpi, or draw SVG or PDF", width, height, dpi)
	}
	pl := &planner{scale: scale, off: off, fonts: fs, height: height, glyphs: map[glyphKey][][]pt{}}
	bg, shapes := d.Background, d.Shapes
	// Graphviz paints the page with its background colour first: a fill
	// of every pixel that the strips' background already is.
	for len(shapes) > 0 && coversPage(shapes[0], d) {
		bg, shapes = shapes[0].Fill, shapes[1:]
	}
	for _, sh := range shapes {
		if err := pl.shape(sh); err != nil {
			return err
		}
	}
	if err := encode(w, width, height, bg, pl.items); err != nil {
		return fmt.Errorf("png: %w", err)
	}
	return nil
}

// coversPage reports whether a shape is an opaque rectangle without an
// outline covering the whole page.
func coversPage(sh drawing.Shape, d *drawing.Drawing) bool {
	if sh.Kind != drawing.Polygon || sh.Fill.A != 0xff || (sh.Stroke.A != 0 && sh.LineWidth > 0) || len(sh.Points) != 4 {
		return false
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range sh.Points {
		minX, minY = math.Min(minX, q.X), math.Min(minY, q.Y)
		maxX, maxY = math.Max(maxX, q.X), math.Max(maxY, q.Y)
	}
	// An axis-aligned rectangle: each corner on two of its sides.
	for _, q := range sh.Points {
		if (q.X != minX && q.X != maxX) || (q.Y != minY && q.Y != maxY) {
			return false
		}
	}
	return minX <= 0 && minY <= 0 && maxX >= d.Width && maxY >= d.Height
}

// item is one entry of the display list: polygons in pixels, filled
// together in one colour, and the rows they may cover.
type item struct {
	polys      [][]pt
	color      color.NRGBA
	top, limit int // the rows [top, limit) of the image
}

// planner turns shapes into the display list.
type planner struct {
	scale  float64 // pixels per point of the drawing
	off    pt      // where the drawing's origin is, in pixels
	fonts  *fonts.Set
	height int
	items  []item
	buf    sfnt.Buffer
	glyphs map[glyphKey][][]pt // glyph outlines at the origin
}

// glyphKey names a glyph outline at a size.
type glyphKey struct {
	face *fonts.Face
	gid  sfnt.GlyphIndex
	ppem fixed.Int26_6
}

// add appends polygons filled in a colour to the display list.
func (pl *planner) add(polys [][]pt, c color.NRGBA) {
	if c.A == 0 {
		return
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, poly := range polys {
		if len(poly) < 3 {
			continue
		}
		for _, q := range poly {
			minY, maxY = math.Min(minY, q.y), math.Max(maxY, q.y)
		}
	}
	if minY > maxY {
		return
	}
	top := max(int(math.Floor(minY)), 0)
	limit := min(int(math.Ceil(maxY))+1, pl.height)
	if top >= limit {
		return
	}
	pl.items = append(pl.items, item{polys: polys, color: c, top: top, limit: limit})
}

// pt is a point in pixels.
type pt struct{ x, y float64 }

func (pl *planner) px(q drawing.Point) pt {
	return pt{q.X*pl.scale + pl.off.x, q.Y*pl.scale + pl.off.y}
}

func (pl *planner) shape(sh drawing.Shape) error {
	switch sh.Kind {
	case drawing.Text:
		return pl.text(sh)
	case drawing.Ellipse:
		c, r := pl.px(sh.Points[0]), pt{sh.Points[1].X * pl.scale, sh.Points[1].Y * pl.scale}
		path := ellipse(c, r)
		pl.fillAndStroke(sh, [][]pt{flatten(path, true)}, true)
	case drawing.Polygon, drawing.Polyline:
		pts := make([]pt, len(sh.Points))
		for i, q := range sh.Points {
			pts[i] = pl.px(q)
		}
		pl.fillAndStroke(sh, [][]pt{pts}, sh.Kind == drawing.Polygon)
	case drawing.Bezier:
		var path []seg
		path = append(path, seg{to: pl.px(sh.Points[0])})
		for i := 1; i+2 < len(sh.Points); i += 3 {
			path = append(path, seg{cubic: true, c1: pl.px(sh.Points[i]), c2: pl.px(sh.Points[i+1]), to: pl.px(sh.Points[i+2])})
		}
		closed := sh.Fill.A != 0
		pl.fillAndStroke(sh, [][]pt{flatten(path, closed)}, closed)
	}
	return nil
}

// fillAndStroke fills the polygons (if the shape has a fill) and strokes
// them (if it has an outline).
func (pl *planner) fillAndStroke(sh drawing.Shape, polys [][]pt, closed bool) {
	if sh.Fill.A != 0 && closed {
		pl.add(polys, sh.Fill)
	}
	if sh.Stroke.A != 0 && sh.LineWidth > 0 {
		var outline [][]pt
		for _, poly := range polys {
			if len(sh.Dash) > 0 {
				for _, dash := range dashes(poly, closed, sh.Dash, pl.scale) {
					outline = append(outline, stroke(dash, false, sh.LineWidth*pl.scale)...)
				}
				continue
			}
			outline = append(outline, stroke(poly, closed, sh.LineWidth*pl.scale)...)
		}
		pl.add(outline, sh.Stroke)
	}
}

// text draws a text as package fonts sets it: in DejaVu Sans and the
// fallback faces, right-to-left scripts in their order and shaped, as the
// layout measured it.
func (pl *planner) text(sh drawing.Shape) error {
	line := pl.fonts.Layout(sh.Text, sh.Bold, sh.Size)
	size := sh.Size * pl.scale // pixels per em
	ppem := fixed.Int26_6(math.Round(size * 64))
	origin := pl.px(sh.Points[0])
	width := line.Width * pl.scale
	switch fonts.Anchor(sh.Text, sh.Align, sh.Width) {
	case 'c':
		origin.x -= width / 2
	case 'r':
		origin.x -= width
	case 'R':
		origin.x += sh.Width*pl.scale - width
	}
	// Collect the outlines of all glyphs, to fill them at once.
	var contours [][]pt
	for _, g := range line.Glyphs {
		outline, err := pl.glyph(g.Face, g.ID, ppem)
		if err != nil {
			return fmt.Errorf("png: glyph %d of %s: %w", g.ID, g.Face.PostScriptName, err)
		}
		x, y := origin.x+g.X*pl.scale, origin.y-g.Y*pl.scale
		for _, c := range outline {
			moved := make([]pt, len(c))
			for i, q := range c {
				moved[i] = pt{q.x + x, q.y + y}
			}
			contours = append(contours, moved)
		}
	}
	pl.add(contours, sh.Fill)
	return nil
}

// glyph returns the outline of a glyph at a size, placed at the origin,
// flattened the first time it is asked for.
func (pl *planner) glyph(face *fonts.Face, gid sfnt.GlyphIndex, ppem fixed.Int26_6) ([][]pt, error) {
	key := glyphKey{face, gid, ppem}
	if c, ok := pl.glyphs[key]; ok {
		return c, nil
	}
	segs, err := face.Font.LoadGlyph(&pl.buf, gid, ppem, nil)
	if err != nil {
		return nil, err
	}
	c := glyphContours(segs, pt{})
	pl.glyphs[key] = c
	return c, nil
}

// glyphContours flattens a glyph's outline, placed at origin, into
// polygons.
func glyphContours(segs sfnt.Segments, origin pt) [][]pt {
	f := func(v fixed.Point26_6) pt {
		return pt{origin.x + float64(v.X)/64, origin.y + float64(v.Y)/64}
	}
	var out [][]pt
	var cur []pt
	var last pt
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if len(cur) > 2 {
				out = append(out, cur)
			}
			last = f(s.Args[0])
			cur = []pt{last}
		case sfnt.SegmentOpLineTo:
			last = f(s.Args[0])
			cur = append(cur, last)
		case sfnt.SegmentOpQuadTo:
			c, to := f(s.Args[0]), f(s.Args[1])
			// The quadratic as a cubic.
			c1 := pt{last.x + 2.0/3*(c.x-last.x), last.y + 2.0/3*(c.y-last.y)}
			c2 := pt{to.x + 2.0/3*(c.x-to.x), to.y + 2.0/3*(c.y-to.y)}
			cur = appendCubic(cur, last, c1, c2, to)
			last = to
		case sfnt.SegmentOpCubeTo:
			c1, c2, to := f(s.Args[0]), f(s.Args[1]), f(s.Args[2])
			cur = appendCubic(cur, last, c1, c2, to)
			last = to
		}
	}
	if len(cur) > 2 {
		out = append(out, cur)
	}
	return out
}

// seg is a segment of a path: a line to a point, or a cubic Bézier curve.
type seg struct {
	cubic  bool
	c1, c2 pt
	to     pt
}

// flatten turns a path into a polyline (a polygon if closed), curves
// approximated within a tenth of a pixel.
func flatten(path []seg, closed bool) []pt {
	if len(path) == 0 {
		return nil
	}
	out := []pt{path[0].to}
	last := path[0].to
	for _, s := range path[1:] {
		if s.cubic {
			out = appendCubic(out, last, s.c1, s.c2, s.to)
		} else {
			out = append(out, s.to)
		}
		last = s.to
	}
	if closed && len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// appendCubic appends the points of a cubic Bézier curve from p0 (which
// is already in out) to p3, enough of them that the polyline strays from
// the curve by less than a tenth of a pixel.
func appendCubic(out []pt, p0, p1, p2, p3 pt) []pt {
	// The distance of the control points from the chord bounds the error.
	d := math.Max(math.Hypot(p1.x-(2*p0.x+p3.x)/3, p1.y-(2*p0.y+p3.y)/3),
		math.Hypot(p2.x-(p0.x+2*p3.x)/3, p2.y-(p0.y+2*p3.y)/3))
	n := int(math.Ceil(math.Sqrt(d / 0.1)))
	n = min(max(n, 1), 200)
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		a, b, c, e := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		out = append(out, pt{a*p0.x + b*p1.x + c*p2.x + e*p3.x, a*p0.y + b*p1.y + c*p2.y + e*p3.y})
	}
	return out
}

// ellipse is an ellipse as four cubic curves.
func ellipse(c, r pt) []seg {
	const k = 0.5522847498 // 4/3 (√2 − 1): a quarter circle as a cubic
	return []seg{
		{to: pt{c.x + r.x, c.y}},
		{cubic: true, c1: pt{c.x + r.x, c.y + k*r.y}, c2: pt{c.x + k*r.x, c.y + r.y}, to: pt{c.x, c.y + r.y}},
		{cubic: true, c1: pt{c.x - k*r.x, c.y + r.y}, c2: pt{c.x - r.x, c.y + k*r.y}, to: pt{c.x - r.x, c.y}},
		{cubic: true, c1: pt{c.x - r.x, c.y - k*r.y}, c2: pt{c.x - k*r.x, c.y - r.y}, to: pt{c.x, c.y - r.y}},
		{cubic: true, c1: pt{c.x + k*r.x, c.y - r.y}, c2: pt{c.x + r.x, c.y - k*r.y}, to: pt{c.x + r.x, c.y}},
	}
}

// dashes cuts a polyline (closed: back to its start) into the dashes of a
// pattern given in points, alternately drawn and skipped.
func dashes(poly []pt, closed bool, pattern []float64, scale float64) [][]pt {
	if closed && len(poly) > 0 {
		poly = append(poly[:len(poly):len(poly)], poly[0])
	}
	var out [][]pt
	var cur []pt
	i := 0                     // the pattern's current element
	left := pattern[0] * scale // what is left of it, in pixels
	on := true                 // drawing
	if len(poly) > 0 {
		cur = []pt{poly[0]}
	}
	for k := 1; k < len(poly); k++ {
		a, b := poly[k-1], poly[k]
		seg := math.Hypot(b.x-a.x, b.y-a.y)
		done := 0.0
		for seg-done > left {
			done += left
			t := done / seg
			q := pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t}
			if on {
				out = append(out, append(cur, q))
				cur = nil
			} else {
				cur = []pt{q}
			}
			on = !on
			i = (i + 1) % len(pattern)
			left = math.Max(pattern[i]*scale, 1e-3)
		}
		left -= seg - done
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// stroke returns the outline of a polyline drawn with a pen of the given
// width, with round joins and round caps: for an open polyline one polygon,
// for a closed one two rings turning opposite ways. An outline made of one
// piece matters: overlapping pieces would each add their anti-aliased edge
// coverage and make the line beaded.
func stroke(poly []pt, closed bool, width float64) [][]pt {
	poly = dedupe(poly)
	h := width / 2
	if len(poly) == 1 {
		c := poly[0]
		return [][]pt{arc([]pt{{c.x + h, c.y}}, c, h, 0, -2*math.Pi)}
	}
	if len(poly) == 0 {
		return nil
	}
	rev := make([]pt, len(poly))
	for i, q := range poly {
		rev[len(poly)-1-i] = q
	}
	if closed {
		return [][]pt{side(nil, poly, h, true), side(nil, rev, h, true)}
	}
	out := side(nil, poly, h, false)
	out = cap(out, poly, h)
	out = side(out, rev, h, false)
	out = cap(out, rev, h)
	return [][]pt{out}
}

// dedupe drops points equal to the one before them.
func dedupe(poly []pt) []pt {
	out := poly[:0:0]
	for _, q := range poly {
		if n := len(out); n > 0 && math.Abs(out[n-1].x-q.x) < 1e-6 && math.Abs(out[n-1].y-q.y) < 1e-6 {
			continue
		}
		out = append(out, q)
	}
	return out
}

// normal is the unit normal to the left of the segment from a to b, times h.
func normal(a, b pt, h float64) pt {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	return pt{-dy / l * h, dx / l * h}
}

// side appends the left offset of the polyline at distance h, with round
// joins where the left side is the outside of a turn.
func side(out, poly []pt, h float64, closed bool) []pt {
	n := len(poly)
	for i := range n {
		p := poly[i]
		var prev, next pt
		hasPrev := closed || i > 0
		hasNext := closed || i < n-1
		if hasPrev {
			prev = poly[(i-1+n)%n]
		}
		if hasNext {
			next = poly[(i+1)%n]
		}
		switch {
		case !hasPrev:
			nn := normal(p, next, h)
			out = append(out, pt{p.x + nn.x, p.y + nn.y})
		case !hasNext:
			np := normal(prev, p, h)
			out = append(out, pt{p.x + np.x, p.y + np.y})
		default:
			np, nn := normal(prev, p, h), normal(p, next, h)
			cross := (p.x-prev.x)*(next.y-p.y) - (p.y-prev.y)*(next.x-p.x)
			out = append(out, pt{p.x + np.x, p.y + np.y})
			if cross < 0 {
				// The left side is the outside of the turn: round it.
				a0, a1 := math.Atan2(np.y, np.x), math.Atan2(nn.y, nn.x)
				d := a1 - a0
				for d > 0 {
					d -= 2 * math.Pi
				}
				for d <= -2*math.Pi {
					d += 2 * math.Pi
				}
				out = arc(out, p, h, a0, d)
			}
			out = append(out, pt{p.x + nn.x, p.y + nn.y})
		}
	}
	return out
}

// cap appends the round cap at the end of the polyline: half a turn from
// its left side to its right side.
func cap(out, poly []pt, h float64) []pt {
	n := len(poly)
	nl := normal(poly[n-2], poly[n-1], h)
	return arc(out, poly[n-1], h, math.Atan2(nl.y, nl.x), -math.Pi)
}

// arc appends the points strictly inside an arc of the circle of centre c
// and radius r, from angle a0 turning by d (negative: towards decreasing
// angles), within a tenth of a pixel.
func arc(out []pt, c pt, r, a0, d float64) []pt {
	step := 2 * math.Acos(math.Max(0, 1-0.1/math.Max(r, 0.1)))
	n := int(math.Ceil(math.Abs(d) / math.Max(step, 1e-3)))
	n = min(max(n, 2), 256)
	for i := 1; i < n; i++ {
		a := a0 + d*float64(i)/float64(n)
		out = append(out, pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)})
	}
	return out
}
