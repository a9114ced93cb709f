package drawing

import (
	"html"
	"regexp"
	"strings"
	"unicode"
)

// Graphviz's json output keeps an object's HTML-like label as written, but
// not where each of its cells went: it draws a cell's text as one or more
// texts, in the order of the cells. link finds, for each innermost cell of
// the label (one that holds text, not a table), the texts drawn for it,
// and gives those of a cell with an HREF its address. It links nothing
// unless the texts drawn and the cells' texts agree all along, so that a
// label it cannot follow loses its links rather than linking the wrong
// text.

// cell is an innermost cell of an HTML-like label: a TD whose content has
// no table. Its attributes are group 1, its content group 2.
var cell = regexp.MustCompile(`(?is)<TD\b([^>]*)>((?:[^<]|</?(?:FONT|B|I|U|S|O|SUB|SUP|BR)\b[^>]*>)*)</TD\s*>`)

var (
	hrefAttr = regexp.MustCompile(`(?i)\bHREF\s*=\s*"([^"]*)"`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

// squeeze drops white space (with no-break spaces), which Graphviz's
// texts and a cell's content need not place alike.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// link sets the Link of the texts among shapes, the drawing of an object's
// label, that are drawn for a cell of label with an HREF.
func link(shapes []Shape, label string) {
	if !strings.Contains(strings.ToUpper(label), "HREF") {
		return
	}
	var texts []int // indexes in shapes
	for i := range shapes {
		if shapes[i].Kind == Text {
			texts = append(texts, i)
		}
	}
	type linked struct {
		from, to int // in texts
		href     string
	}
	var links []linked
	next := 0
	for _, m := range cell.FindAllStringSubmatch(label, -1) {
		want := squeeze(html.UnescapeString(tag.ReplaceAllString(m[2], "")))
		if want == "" {
			// A cell of white space: a text of white space, or none.
			if next < len(texts) && squeeze(shapes[texts[next]].Text) == "" {
				next++
			}
			continue
		}
		start := next
		got := ""
		for next < len(texts) && len(got) < len(want) {
			got += squeeze(shapes[texts[next]].Text)
			next++
		}
		if got != want {
			return // the texts do not follow the cells: link nothing
		}
		if h := hrefAttr.FindStringSubmatch(m[1]); h != nil && next > start {
			links = append(links, linked{start, next, html.UnescapeString(h[1])})
		}
	}
	for _, l := range links {
		for _, i := range texts[l.from:l.to] {
			shapes[i].Link = l.href
		}
	}
}
