// Package svg finishes the SVG that Graphviz writes for argmap's maps.
//
// Graphviz names one font family, the one it measured text with (see
// package fonts); Finish gives viewers fallbacks for it, all narrower, so
// that labels fit their boxes whatever the viewer has installed. Graphviz
// titles each box and arrow with its DOT name; Finish titles them with
// their tooltips instead (the whole claim and its sources, a relation's
// note), which viewers show on hover. Graphviz writes links (a source's
// address) for SVG 1.1; Finish adds SVG 2's href.
package svg

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

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
