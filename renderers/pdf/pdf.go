// Package pdf draws a drawing (package drawing: what Graphviz laid out) as a
// one-page PDF whose page is the drawing's size, or on pages of a size as a
// page.Layout says, with vector shapes and the
// text set in the fonts of package fonts, embedded as subsets: the PDF
// looks the same in every viewer, and its text can be searched and copied.
//
// The output is a deterministic function of the drawing: it carries no date
// and no random identifier.
package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"image/color"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
)

// Options configure Write.
type Options struct {
	// Title is the document's title, shown by viewers; it may be empty.
	Title string
	// Layout, if not nil, puts the drawing on pages of its size, each page
	// a frame of the drawing, scaled and placed as it says; otherwise the
	// document is one page of the drawing's size.
	Layout *page.Layout
	// Warn, if not nil, is told of text that is drawn but cannot be
	// searched: glyphs of faces that are not embedded.
	Warn func(msg string)
}

// sample is the first characters of a sorted list, for a message.
func sample(rs []rune) string {
	if len(rs) > 8 {
		return string(rs[:8]) + "…"
	}
	return string(rs)
}

// Write draws d as a PDF document to w.
func Write(w io.Writer, d *drawing.Drawing, fs *fonts.Set, opts Options) error {
	if d.Width <= 0 || d.Height <= 0 {
		return fmt.Errorf("pdf: empty drawing (%g × %g points)", d.Width, d.Height)
	}
	lay := opts.Layout
	if lay == nil {
		lay = &page.Layout{Width: d.Width, Height: d.Height, Scale: 1, Right: d.Width,
			Frames: []page.Frame{{Left: 0, Top: 0, Bottom: d.Height}}}
	}
	if len(lay.Frames) == 0 || lay.Scale <= 0 || lay.Width <= 0 || lay.Height <= 0 {
		return fmt.Errorf("pdf: a layout of %d pages of %g × %g points at scale %g", len(lay.Frames), lay.Width, lay.Height, lay.Scale)
	}
	used, alphas, outlined := map[*fonts.Face]*fontUse{}, map[string]string{}, map[*fonts.Face]map[rune]bool{}
	var order []*fonts.Face // the faces used, shared by the pages
	var streams [][]byte
	pageLinks := make([][]link, len(lay.Frames)) // on each page, in the page's points
	for i, f := range lay.Frames {
		c := &content{height: d.Height, fonts: fs, used: used, alphas: alphas, outlined: outlined, order: order}
		c.printf("1 j 1 J\n") // round joins and caps, as the PNG renderer draws
		if d.Background.A != 0 {
			c.fillColor(d.Background)
			c.printf("0 0 %s %s re f\n", n(lay.Width), n(lay.Height))
		}
		placed := opts.Layout != nil
		if placed {
			// Clip to the frame on the page, then map the drawing's
			// points (y upwards from its bottom) onto the page.
			s := lay.Scale
			fw, fh := (lay.Right-f.Left)*s, (f.Bottom-f.Top)*s
			c.printf("q\n%s %s %s %s re W n\n", n(lay.Left), n(lay.Height-lay.Top-fh), n(fw), n(fh))
			c.printf("%s 0 0 %s %s %s cm\n", n6(s), n6(s), n6(lay.Left-f.Left*s), n6(lay.Height-lay.Top-(d.Height-f.Top)*s))
		}
		for _, sh := range d.Shapes {
			if placed && !within(sh, f) {
				continue
			}
			c.shape(sh)
		}
		if placed {
			c.printf("Q\n")
		}
		// The links are where the texts are on the page: scaled and
		// moved as the frame is.
		for _, l := range c.links {
			if placed {
				s := lay.Scale
				dx, dy := lay.Left-f.Left*s, lay.Height-lay.Top-(d.Height-f.Top)*s
				l.x0, l.x1 = l.x0*s+dx, l.x1*s+dx
				l.y0, l.y1 = l.y0*s+dy, l.y1*s+dy
			}
			pageLinks[i] = append(pageLinks[i], l)
		}
		order = c.order
		streams = append(streams, c.buf.Bytes())
	}
	c := &content{fonts: fs, used: used, alphas: alphas, outlined: outlined, order: order}
	if opts.Warn != nil {
		for _, face := range slices.SortedFunc(maps.Keys(c.outlined), func(a, b *fonts.Face) int { return strings.Compare(a.Path, b.Path) }) {
			rs := slices.Sorted(maps.Keys(c.outlined[face]))
			opts.Warn(fmt.Sprintf("%d characters (%s) are drawn as shapes, not text that can be searched or copied: their font, %s, has PostScript (CFF) outlines, which argmap does not embed in PDF; a TrueType font that has them (named with --font or ARGMAP_FONTS) is embedded",
				len(rs), sample(rs), face.Path))
		}
	}
	doc := &document{}
	catalog := doc.reserve()
	pages := doc.reserve()
	pageRefs := make([]int, len(streams))
	for i := range pageRefs {
		pageRefs[i] = doc.reserve()
	}
	// A text with a link is a link annotation over it, on its page, in
	// the order drawn.
	annots := make([][]string, len(streams))
	for i, links := range pageLinks {
		for _, l := range links {
			ref := doc.add(fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /A << /Type /Action /S /URI /URI %s >> >>",
				n(l.x0), n(l.y0), n(l.x1), n(l.y1), uriString(l.uri)))
			annots[i] = append(annots[i], fmt.Sprintf("%d 0 R", ref))
		}
	}

	// Fonts, in a fixed order: regular, bold, then the fallback faces in
	// the order they are first used.
	var fontNames []string
	for _, face := range c.order {
		u := c.used[face]
		ref, err := doc.font(face, u)
		if err != nil {
			return err
		}
		fontNames = append(fontNames, fmt.Sprintf("/%s %d 0 R", u.name, ref))
	}
	var gs []string
	for _, key := range slices.Sorted(maps.Keys(c.alphas)) {
		name := c.alphas[key]
		ref := doc.add(fmt.Sprintf("<< /Type /ExtGState %s >>", key))
		gs = append(gs, fmt.Sprintf("/%s %d 0 R", name, ref))
	}
	resources := "<< /ProcSet [/PDF /Text]"
	if len(fontNames) > 0 {
		resources += " /Font << " + strings.Join(fontNames, " ") + " >>"
	}
	if len(gs) > 0 {
		resources += " /ExtGState << " + strings.Join(gs, " ") + " >>"
	}
	resources += " >>"
	var kids []string
	for i, data := range streams {
		contents := doc.stream(data, "")
		annotations := ""
		if len(annots[i]) > 0 {
			annotations = " /Annots [" + strings.Join(annots[i], " ") + "]"
		}
		doc.set(pageRefs[i], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R%s >>",
			pages, n(lay.Width), n(lay.Height), resources, contents, annotations))
		kids = append(kids, fmt.Sprintf("%d 0 R", pageRefs[i]))
	}
	doc.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	doc.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	info := "<< /Producer (argmap)"
	if opts.Title != "" {
		info += " /Title " + textString(opts.Title)
	}
	info += " >>"
	infoRef := doc.add(info)
	return doc.write(w, catalog, infoRef)
}

// within reports whether a shape is drawn, at least in part, in a frame.
func within(sh drawing.Shape, f page.Frame) bool {
	top, bottom := page.Extent(sh)
	return bottom >= f.Top && top <= f.Bottom
}

// n6 formats a number of a transformation with at most six decimals.
func n6(f float64) string {
	s := strconv.FormatFloat(f, 'f', 6, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// fontUse is what a page uses of a face: the glyphs, and a character for
// each, for the text's Unicode mapping.
type fontUse struct {
	name   string // resource name: "F1" regular, "F2" bold, "F3"... the fallback faces
	glyphs map[uint16]string
	widths map[uint16]int // advance, in font units
}

// content is a page's content stream being written.
type content struct {
	buf    bytes.Buffer
	height float64
	fonts  *fonts.Set
	used   map[*fonts.Face]*fontUse
	order  []*fonts.Face     // the faces used: regular, bold, then the others as first used
	alphas map[string]string // ExtGState dictionary body -> resource name
	links  []link            // the rectangles of texts with a link

	outlined map[*fonts.Face]map[rune]bool // faces drawn as outlines, and their characters
	glyphBuf sfnt.Buffer
}

// link is where a text with a link is, in PDF's coordinates, and its
// address.
type link struct {
	x0, y0, x1, y1 float64
	uri            string
}

// use returns what the page uses of a face, adding the face to the page's
// fonts the first time.
func (c *content) use(face *fonts.Face) *fontUse {
	u := c.used[face]
	if u == nil {
		u = &fontUse{glyphs: map[uint16]string{}, widths: map[uint16]int{}}
		switch face {
		case c.fonts.Regular:
			u.name = "F1"
		case c.fonts.Bold:
			u.name = "F2"
		default:
			u.name = fmt.Sprintf("F%d", 3+len(c.order)-countPrimary(c.order, c.fonts))
		}
		c.used[face] = u
		c.order = append(c.order, face)
		c.sortFonts()
	}
	return u
}

// countPrimary counts the regular and bold faces among faces.
func countPrimary(faces []*fonts.Face, fs *fonts.Set) int {
	n := 0
	for _, f := range faces {
		if f == fs.Regular || f == fs.Bold {
			n++
		}
	}
	return n
}

// sortFonts puts the regular and bold faces first, in that order.
func (c *content) sortFonts() {
	rank := func(f *fonts.Face) int {
		switch f {
		case c.fonts.Regular:
			return 0
		case c.fonts.Bold:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(c.order, func(a, b *fonts.Face) int { return rank(a) - rank(b) })
}

func (c *content) printf(format string, args ...any) { fmt.Fprintf(&c.buf, format, args...) }

// n formats a number with at most three decimals.
func n(f float64) string {
	s := strconv.FormatFloat(f, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func rgb(c color.NRGBA) string {
	return n(float64(c.R)/255) + " " + n(float64(c.G)/255) + " " + n(float64(c.B)/255)
}

func (c *content) fillColor(col color.NRGBA)   { c.printf("%s rg\n", rgb(col)) }
func (c *content) strokeColor(col color.NRGBA) { c.printf("%s RG\n", rgb(col)) }

// alpha sets the opacity of fills and strokes, through an ExtGState.
func (c *content) alpha(fill, stroke uint8) {
	key := fmt.Sprintf("/ca %s /CA %s", n(float64(fill)/255), n(float64(stroke)/255))
	name, ok := c.alphas[key]
	if !ok {
		name = fmt.Sprintf("GS%d", len(c.alphas)+1)
		c.alphas[key] = name
	}
	c.printf("/%s gs\n", name)
}

// pt writes a point, turning the drawing's downward y into PDF's upward y.
func (c *content) pt(p drawing.Point) string {
	return n(p.X) + " " + n(c.height-p.Y)
}

func (c *content) shape(sh drawing.Shape) {
	if sh.Kind == drawing.Text {
		c.text(sh)
		return
	}
	fill := sh.Fill.A != 0
	stroke := sh.Stroke.A != 0 && sh.LineWidth > 0
	if !fill && !stroke {
		return
	}
	closed := sh.Kind == drawing.Polygon || sh.Kind == drawing.Ellipse || (sh.Kind == drawing.Bezier && fill)
	if !closed {
		fill = false
		if !stroke {
			return
		}
	}
	c.printf("q\n")
	translucent := (fill && sh.Fill.A != 255) || (stroke && sh.Stroke.A != 255)
	if translucent {
		c.alpha(sh.Fill.A, sh.Stroke.A)
	}
	if fill {
		c.fillColor(sh.Fill)
	}
	if stroke {
		c.strokeColor(sh.Stroke)
		c.printf("%s w\n", n(sh.LineWidth))
		if len(sh.Dash) > 0 {
			var parts []string
			for _, d := range sh.Dash {
				parts = append(parts, n(d))
			}
			c.printf("[%s] 0 d\n", strings.Join(parts, " "))
		}
	}
	p := sh.Points
	switch sh.Kind {
	case drawing.Polygon, drawing.Polyline:
		c.printf("%s m\n", c.pt(p[0]))
		for _, q := range p[1:] {
			c.printf("%s l\n", c.pt(q))
		}
	case drawing.Bezier:
		c.printf("%s m\n", c.pt(p[0]))
		for i := 1; i+2 < len(p); i += 3 {
			c.printf("%s %s %s c\n", c.pt(p[i]), c.pt(p[i+1]), c.pt(p[i+2]))
		}
	case drawing.Ellipse:
		const k = 0.5522847498
		ctr, r := p[0], p[1]
		pt := func(x, y float64) string { return c.pt(drawing.Point{X: ctr.X + x, Y: ctr.Y + y}) }
		c.printf("%s m\n", pt(r.X, 0))
		c.printf("%s %s %s c\n", pt(r.X, k*r.Y), pt(k*r.X, r.Y), pt(0, r.Y))
		c.printf("%s %s %s c\n", pt(-k*r.X, r.Y), pt(-r.X, k*r.Y), pt(-r.X, 0))
		c.printf("%s %s %s c\n", pt(-r.X, -k*r.Y), pt(-k*r.X, -r.Y), pt(0, -r.Y))
		c.printf("%s %s %s c\n", pt(k*r.X, -r.Y), pt(r.X, -k*r.Y), pt(r.X, 0))
	}
	switch {
	case fill && stroke:
		c.printf("b\n")
	case fill:
		c.printf("h f\n")
	case closed:
		c.printf("s\n")
	default:
		c.printf("S\n")
	}
	c.printf("Q\n")
}

// text writes a text as glyph indexes of the embedded faces, set as
// package fonts sets it.
func (c *content) text(sh drawing.Shape) {
	// A text of spaces (Graphviz's filler in an empty table cell) draws
	// nothing.
	if sh.Fill.A == 0 || strings.TrimSpace(sh.Text) == "" {
		return
	}
	line := c.fonts.Layout(sh.Text, sh.Bold, sh.Size)
	at := sh.Points[0]
	switch fonts.Anchor(sh.Text, sh.Align, sh.Width) {
	case 'c':
		at.X -= line.Width / 2
	case 'r':
		at.X -= line.Width
	case 'R':
		at.X += sh.Width - line.Width
	}
	c.printf("q\n")
	if sh.Fill.A != 255 {
		c.alpha(sh.Fill.A, sh.Fill.A)
	}
	c.fillColor(sh.Fill)
	if line.Plain {
		// One face, glyph after glyph: the viewer advances by the widths.
		u := c.use(line.Glyphs[0].Face)
		var hex strings.Builder
		for _, g := range line.Glyphs {
			c.addGlyph(u, g)
			fmt.Fprintf(&hex, "%04X", uint16(g.ID))
		}
		c.printf("BT /%s %s Tf %s Td <%s> Tj ET\nQ\n", u.name, n(sh.Size), c.pt(at), hex.String())
		c.link(sh, at, line.Width)
		return
	}
	// Several faces, or glyphs placed by shaping: each run of glyphs of
	// one face that the viewer's advances place right is shown at its
	// place. Glyphs are drawn from left to right, right-to-left text too,
	// as text extractors (poppler's pdftotext) expect: they put it back in
	// reading order. (A /Span with /ActualText, tried, made pdftotext give
	// the Arabic backwards.)
	c.printf("BT\n")
	var face *fonts.Face
	var outlines []fonts.Glyph // of faces drawn as outlines
	var hex strings.Builder
	pen := 0.0 // where the viewer's pen is, in points from the line's start
	flush := func() {
		if hex.Len() > 0 {
			c.printf("<%s> Tj\n", hex.String())
			hex.Reset()
		}
	}
	for _, g := range line.Glyphs {
		if g.Face.CFF {
			outlines = append(outlines, g)
			continue
		}
		u := c.use(g.Face)
		c.addGlyph(u, g)
		if g.Face != face || math.Abs(g.X-pen) > 0.05 || g.Y != 0 || hex.Len() == 0 {
			flush()
			if g.Face != face {
				c.printf("/%s %s Tf\n", u.name, n(sh.Size))
				face = g.Face
			}
			c.printf("1 0 0 1 %s %s Tm\n", n(at.X+g.X), n(c.height-at.Y+g.Y))
			pen = g.X
		}
		fmt.Fprintf(&hex, "%04X", uint16(g.ID))
		pen += float64(u.widths[uint16(g.ID)]*1000/g.Face.UnitsPerEm) * sh.Size / 1000
	}
	flush()
	c.printf("ET\n")
	for _, g := range outlines {
		c.outline(g, at, sh.Size)
	}
	c.printf("Q\n")
	c.link(sh, at, line.Width)
}

// link records the rectangle of a text with a link: from the descent to
// the ascent of the typeface, over the text's width as drawn.
func (c *content) link(sh drawing.Shape, at drawing.Point, width float64) {
	if sh.Link == "" {
		return
	}
	face := c.fonts.Face(sh.Bold)
	y := c.height - at.Y
	scale := sh.Size / float64(face.UnitsPerEm)
	c.links = append(c.links, link{at.X, y + float64(face.Descent)*scale, at.X + width, y + float64(face.Ascent)*scale, sh.Link})
}

// outline fills a glyph's outline: the glyphs of faces that are not
// embedded (those with PostScript outlines) are drawn as shapes, which
// look the same but are not text.
func (c *content) outline(g fonts.Glyph, at drawing.Point, size float64) {
	if c.outlined[g.Face] == nil {
		c.outlined[g.Face] = map[rune]bool{}
	}
	for _, r := range g.Text {
		c.outlined[g.Face][r] = true
	}
	segs, err := g.Face.Font.LoadGlyph(&c.glyphBuf, g.ID, fixed.Int26_6(math.Round(size*64)), nil)
	if err != nil || len(segs) == 0 {
		return
	}
	ox, oy := at.X+g.X, c.height-at.Y+g.Y
	p := func(v fixed.Point26_6) string {
		return n(ox+float64(v.X)/64) + " " + n(oy-float64(v.Y)/64)
	}
	var last fixed.Point26_6
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			c.printf("%s m\n", p(sg.Args[0]))
			last = sg.Args[0]
		case sfnt.SegmentOpLineTo:
			c.printf("%s l\n", p(sg.Args[0]))
			last = sg.Args[0]
		case sfnt.SegmentOpQuadTo:
			// The quadratic as a cubic.
			q, to := sg.Args[0], sg.Args[1]
			c1 := fixed.Point26_6{X: last.X + (q.X-last.X)*2/3, Y: last.Y + (q.Y-last.Y)*2/3}
			c2 := fixed.Point26_6{X: to.X + (q.X-to.X)*2/3, Y: to.Y + (q.Y-to.Y)*2/3}
			c.printf("%s %s %s c\n", p(c1), p(c2), p(to))
			last = to
		case sfnt.SegmentOpCubeTo:
			c.printf("%s %s %s c\n", p(sg.Args[0]), p(sg.Args[1]), p(sg.Args[2]))
			last = sg.Args[2]
		}
	}
	c.printf("f\n")
}

// addGlyph records a glyph the page uses, and the text it stands for.
func (c *content) addGlyph(u *fontUse, g fonts.Glyph) {
	id := uint16(g.ID)
	if _, seen := u.glyphs[id]; !seen || u.glyphs[id] == "" {
		switch {
		case id == 0:
			u.glyphs[id] = "\ufffd"
		default:
			u.glyphs[id] = g.Text
		}
	}
	if _, ok := u.widths[id]; !ok {
		u.widths[id] = g.Face.GlyphAdvance(g.ID)
	}
}

// uriString encodes an address as the PDF string of a URI action, which
// holds 7-bit ASCII: other bytes, spaces and control characters are
// percent-encoded, and the string's delimiters escaped.
func uriString(uri string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(uri); i++ {
		switch c := uri[i]; {
		case c <= ' ' || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// document is a PDF file being assembled: numbered objects.
type document struct {
	objects [][]byte // object i+1
}

func (d *document) reserve() int {
	d.objects = append(d.objects, nil)
	return len(d.objects)
}

func (d *document) set(ref int, body string) { d.objects[ref-1] = []byte(body) }

func (d *document) add(body string) int {
	ref := d.reserve()
	d.set(ref, body)
	return ref
}

// stream adds a stream object, compressed; extra is more of its dictionary.
func (d *document) stream(data []byte, extra string) int {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Length %d /Filter /FlateDecode%s >>\nstream\n", z.Len(), extra)
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	ref := d.reserve()
	d.objects[ref-1] = b.Bytes()
	return ref
}

// font adds a face as a Type 0 font with Identity-H encoding over a
// CIDFontType2 (TrueType) font whose glyph indexes are its CIDs, the font
// program a subset of the face, and a ToUnicode map.
func (d *document) font(face *fonts.Face, u *fontUse) (int, error) {
	keep := make(map[uint16]bool, len(u.glyphs))
	gids := make([]uint16, 0, len(u.glyphs))
	for g := range u.glyphs {
		keep[g] = true
		gids = append(gids, g)
	}
	slices.Sort(gids)
	sub, err := subsetTrueType(face.TTF, face.Index, keep)
	if err != nil {
		return 0, fmt.Errorf("pdf: embedding %s: %w", face.PostScriptName, err)
	}
	// The subset's tag: six capital letters from its glyphs, so that the
	// same text gives the same file.
	h := sha256.New()
	for _, g := range gids {
		fmt.Fprintf(h, "%d,", g)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	name := string(tag) + "+" + face.PostScriptName

	scale := func(v int) int { return v * 1000 / face.UnitsPerEm }
	file := d.stream(sub, fmt.Sprintf(" /Length1 %d", len(sub)))
	flags := 32 // nonsymbolic
	descriptor := d.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		name, flags, scale(face.XMin), scale(face.YMin), scale(face.XMax), scale(face.YMax),
		scale(face.Ascent), scale(face.Descent), scale(face.CapHeight), stemV(face), file))
	var widths strings.Builder
	for _, g := range gids {
		fmt.Fprintf(&widths, "%d [%d] ", g, scale(u.widths[g]))
	}
	cid := d.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>",
		name, descriptor, strings.TrimSpace(widths.String())))
	toUnicode := d.stream(toUnicodeCMap(gids, u.glyphs), "")
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cid, toUnicode)), nil
}

func stemV(face *fonts.Face) int {
	if face.Bold {
		return 140
	}
	return 80
}

// toUnicodeCMap maps glyph indexes back to the characters they were drawn
// for; a glyph that stands for none (the second glyph of a cluster) is
// left out.
func toUnicodeCMap(gids []uint16, chars map[uint16]string) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var mapped []uint16
	for _, g := range gids {
		if chars[g] != "" {
			mapped = append(mapped, g)
		}
	}
	for i := 0; i < len(mapped); i += 100 {
		chunk := mapped[i:min(i+100, len(mapped))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune(chars[g])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// textString encodes s as a PDF text string: UTF-16BE with a byte-order
// mark, in hexadecimal.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// write writes the document: header, objects, cross-reference table and
// trailer.
func (d *document) write(w io.Writer, root, info int) error {
	var b bytes.Buffer
	// The second line's bytes above 127 tell transfer programs the file is
	// binary.
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(d.objects))
	for i, obj := range d.objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(obj)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	// The file identifier is a digest of the content: the same drawing
	// gives the same file.
	id := sha256.Sum256(b.Bytes())
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%X> <%X>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(d.objects)+1, root, info, id[:16], id[:16], xref)
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}
