// Package svg finishes the SVG that Graphviz writes for argmap's maps.
//
// Graphviz names one font family, the one it measured text with (see
// package fonts); Finish gives viewers fallbacks for it, all narrower, so
// that labels fit their boxes whatever the viewer has installed. Graphviz
// titles each box and arrow with its DOT name; Finish titles them with
// their tooltips instead (the whole claim and its sources, a relation's
// note), which viewers show on hover. Graphviz writes links (a source's
// address) for SVG 1.1; Finish adds SVG 2's href. MoveEnds moves the ends
// of arrows that crowd on a box apart, as the other renderers draw them.
package svg

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
)

// groupTitle is the start of a node's or an edge's group as Graphviz writes
// it: the group, with its id, then its title.
var groupTitle = regexp.MustCompile(`(<g id="([^"]*)" class="(?:node|edge)[^"]*">\n<title>)([^<]*)(</title>)`)

// anchor is the start of a link as Graphviz writes it, with the address in
// SVG 1.1's xlink:href only.
var anchor = regexp.MustCompile(`<a xlink:href="([^"]*)"`)

// Finish returns the SVG with every font-family attribute naming
// fonts.Name replaced by fonts.CSSFamily, every link given its address in
// SVG 2's href as well as in xlink:href, and the title of every box and
// arrow whose SVG id is a key of titles replaced by its value (lines
// separated by "\n"). It changes nothing else.
func Finish(svg []byte, titles map[string]string) []byte {
	from := []byte(`font-family=` + strconv.Quote(fonts.Name))
	to := []byte(`font-family=` + strconv.Quote(fonts.CSSFamily))
	svg = bytes.ReplaceAll(svg, from, to)
	svg = anchor.ReplaceAll(svg, []byte(`<a href="$1" xlink:href="$1"`))
	svg = rightToLeft(svg)
	if len(titles) == 0 {
		return svg
	}
	return groupTitle.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := groupTitle.FindSubmatch(m)
		title, ok := titles[html.UnescapeString(string(sub[2]))]
		if !ok {
			return m
		}
		var b bytes.Buffer
		b.Write(sub[1])
		b.WriteString(escape(title))
		b.Write(sub[4])
		return b.Bytes()
	})
}

// startText is a text element as Graphviz writes a left-aligned line.
var startText = regexp.MustCompile(`<text text-anchor="start" x="([-0-9.]+)"([^>]*)>([^<]*)</text>`)

// fontSize and bold read a text element's attributes.
var (
	fontSize = regexp.MustCompile(` font-size="([0-9.]+)"`)
	bold     = regexp.MustCompile(` font-weight="bold"`)
)

// rightToLeft sets each right-aligned line of Arabic or Hebrew, which
// package dot starts with a right-to-left mark (see fonts.Anchor), right
// to left from its right end: Graphviz put its left end at the cell's
// right edge less its own estimate of the text's width, which a viewer's
// font does not match. The line's right end is the edge, whatever the
// viewer's width of it.
func rightToLeft(svg []byte) []byte {
	if !bytes.Contains(svg, []byte("\u200f")) {
		return svg
	}
	f, err := fonts.Load()
	if err != nil {
		return svg
	}
	return startText.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := startText.FindSubmatch(m)
		text := html.UnescapeString(string(sub[3]))
		if fonts.Anchor(text, 'l', 1) != 'R' {
			return m
		}
		x, err := strconv.ParseFloat(string(sub[1]), 64)
		size := fontSize.FindSubmatch(sub[2])
		if err != nil || size == nil {
			return m
		}
		pt, err := strconv.ParseFloat(string(size[1]), 64)
		if err != nil {
			return m
		}
		right := x + f.Face(bold.Match(sub[2])).GraphvizWidth(text, pt)
		var b bytes.Buffer
		b.WriteString(`<text text-anchor="start" direction="rtl" x="`)
		b.WriteString(strconv.FormatFloat(right, 'f', 2, 64))
		b.WriteString(`"`)
		b.Write(sub[2])
		b.WriteString(">")
		b.Write(sub[3])
		b.WriteString("</text>")
		return b.Bytes()
	})
}

// rootSize is the size and viewBox of the root element as Graphviz writes
// them.
var rootSize = regexp.MustCompile(`(<svg) width="[^"]*" height="[^"]*"\s+viewBox="[^"]*"`)

// Place sets the size of the SVG document to the layout's page, in
// millimetres, with a viewBox (in the drawing's points, as Graphviz's)
// that puts the drawing where the layout says: scaled, between the
// margins. It shows the layout's first frame and all that follows it.
// It changes nothing else.
func Place(svg []byte, l page.Layout) []byte {
	if len(l.Frames) == 0 || l.Scale <= 0 {
		return svg
	}
	f := l.Frames[0]
	mm := func(pt float64) string { return strconv.FormatFloat(pt*25.4/72, 'f', 2, 64) + "mm" }
	p := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	x0, y0 := f.Left-l.Left/l.Scale, f.Top-l.Top/l.Scale
	attrs := fmt.Sprintf(`${1} width="%s" height="%s"
 viewBox="%s %s %s %s"`, mm(l.Width), mm(l.Height), p(x0), p(y0), p(l.Width/l.Scale), p(l.Height/l.Scale))
	loc := rootSize.FindIndex(svg)
	if loc == nil {
		return svg
	}
	out := append([]byte{}, svg[:loc[0]]...)
	out = rootSize.Expand(out, []byte(attrs), svg, rootSize.FindSubmatchIndex(svg))
	return append(out, svg[loc[1]:]...)
}

// escape escapes text for XML character data.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// edgeGroup is the start of an edge's group as Graphviz writes it.
var edgeGroup = regexp.MustCompile(`<g id="([^"]*)" class="edge[^"]*">`)

// pair is a point of a path's data or of a polygon's points: "x,y".
var pair = regexp.MustCompile(`(-?[0-9.]+),(-?[0-9.]+)`)

// MoveEnds returns the SVG with the ends of the arrows that moved names (by
// SVG id) moved as package drawing's SpreadEnds says, by the distance given
// in Graphviz's coordinates (y upwards, where the SVG's grows downwards):
// the arrowhead (every polygon and polyline of the arrow's group) moves by
// it, the last point of the arrow's path too, and the control point before
// it by half of it, as drawing.MoveEnd moves them.
func MoveEnds(svg []byte, moved map[string]drawing.Point) []byte {
	if len(moved) == 0 {
		return svg
	}
	var out bytes.Buffer
	last := 0
	for _, loc := range edgeGroup.FindAllSubmatchIndex(svg, -1) {
		d, ok := moved[html.UnescapeString(string(svg[loc[2]:loc[3]]))]
		if !ok {
			continue
		}
		end := groupEnd(svg, loc[1])
		out.Write(svg[last:loc[1]])
		out.Write(moveGroup(svg[loc[1]:end], drawing.Point{X: d.X, Y: -d.Y}))
		last = end
	}
	out.Write(svg[last:])
	return out.Bytes()
}

// groupEnd is the index of the "</g>" that closes the group whose content
// starts at i, or len(svg).
func groupEnd(svg []byte, i int) int {
	depth := 1
	for i < len(svg) {
		open := bytes.Index(svg[i:], []byte("<g"))
		closing := bytes.Index(svg[i:], []byte("</g>"))
		if closing < 0 {
			return len(svg)
		}
		if open >= 0 && open < closing {
			depth++
			i += open + 2
			continue
		}
		depth--
		if depth == 0 {
			return i + closing
		}
		i += closing + 4
	}
	return len(svg)
}

// attrValue matches an attribute of a path, a polygon or a polyline whose
// points move: its path data or its points.
var attrValue = regexp.MustCompile(`<(path|polygon|polyline) [^>]*?(d|points)="([^"]*)"`)

// moveGroup moves the end of the first path of an arrow's group by d (in
// the SVG's coordinates), and every point of its polygons and polylines.
func moveGroup(g []byte, d drawing.Point) []byte {
	pathDone := false
	return attrValue.ReplaceAllFunc(g, func(m []byte) []byte {
		sub := attrValue.FindSubmatchIndex(m)
		kind, value := string(m[sub[2]:sub[3]]), m[sub[6]:sub[7]]
		var moved []byte
		switch {
		case kind == "path" && !pathDone:
			pathDone = true
			pts := pair.FindAllSubmatchIndex(value, -1)
			n := len(pts)
			if n < 2 {
				return m
			}
			var b bytes.Buffer
			last := 0
			for i, p := range pts {
				var shift drawing.Point
				switch i {
				case n - 1:
					shift = d
				case n - 2:
					shift = drawing.Point{X: d.X / 2, Y: d.Y / 2}
				default:
					continue
				}
				b.Write(value[last:p[0]])
				b.WriteString(movedPair(value[p[2]:p[3]], value[p[4]:p[5]], shift))
				last = p[1]
			}
			b.Write(value[last:])
			moved = b.Bytes()
		case kind == "polygon" || kind == "polyline":
			moved = pair.ReplaceAllFunc(value, func(p []byte) []byte {
				xy := pair.FindSubmatch(p)
				return []byte(movedPair(xy[1], xy[2], d))
			})
		default:
			return m
		}
		return slices.Concat(m[:sub[6]], moved, m[sub[7]:])
	})
}

// movedPair is "x,y" moved by d, with at most two decimals as Graphviz
// writes them.
func movedPair(x, y []byte, d drawing.Point) string {
	fx, err1 := strconv.ParseFloat(string(x), 64)
	fy, err2 := strconv.ParseFloat(string(y), 64)
	if err1 != nil || err2 != nil {
		return string(x) + "," + string(y)
	}
	f := func(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }
	return f(fx+d.X) + "," + f(fy+d.Y)
}
