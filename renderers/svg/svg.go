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
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/argmap/argmap/renderers/fonts"
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

// escape escapes text for XML character data.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
