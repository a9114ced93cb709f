package dot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/renderers/fonts"
)

// style is how a run of text is set.
type style struct {
	size  float64 // points
	bold  bool
	color string // "#rrggbb"
}

// run is text set in one style.
type run struct {
	text string
	style
}

// line is one line of a label: runs set one after the other.
type line []run

// word is a unit of wrapping: text that is never broken, unless it is wider
// than a whole line.
type word struct {
	text  string
	style style
	width float64 // points
	space float64 // width of the space before it, if it is not the first of its line
}

// measurer measures text in the typeface's faces.
type measurer struct {
	fonts *fonts.Set
}

func (m measurer) width(s string, st style) float64 {
	return m.fonts.Face(st.bold).Width(s, st.size)
}

// graphvizWidth is Graphviz's own estimate of the width of s: DejaVu Sans's
// advances for ASCII (the same as width's), and a space's for each byte of
// any other character. Graphviz makes a table cell at least this wide.
func (m measurer) graphvizWidth(s string, st style) float64 {
	face := m.fonts.Face(st.bold)
	units := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			c = ' '
		}
		units += face.Advance(rune(c))
	}
	return float64(units) * st.size / float64(face.UnitsPerEm)
}

// cellWidth is the width to give a table cell holding s followed by gap
// points of space: wide enough for Graphviz's estimate too, so that the
// cell is exactly that wide.
func (m measurer) cellWidth(s string, st style, gap int) int {
	return ceil(maxf(m.width(s, st), m.graphvizWidth(s, st))) + gap
}

// clean prepares text for a label: every run of white space (including line
// breaks) becomes one space, and characters that XML forbids and Graphviz
// would reject (control characters, non-characters) are dropped.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r < ' ', r == 0x7f, r >= 0x80 && r < 0xa0, r == utf8.RuneError,
			r == 0xfffe, r == 0xffff, 0xfdd0 <= r && r <= 0xfdef:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// words splits runs into words, measuring each. The space before a word
// is measured in the style of the word before it: a space between two runs
// ends the first (see joinWords).
func (m measurer) words(runs []run) []word {
	var ws []word
	for _, r := range runs {
		// Split at ASCII spaces only: a no-break space glues words.
		for _, f := range strings.FieldsFunc(r.text, func(c rune) bool { return c == ' ' }) {
			space := 0.0
			if n := len(ws); n > 0 {
				space = m.width(" ", ws[n-1].style)
			}
			ws = append(ws, word{text: f, style: r.style, width: m.width(f, r.style), space: space})
		}
	}
	return ws
}

// split breaks words wider than max into pieces that fit, at character
// boundaries, so that a long URL does not make its box as wide as itself.
func (m measurer) split(ws []word, max float64) []word {
	var out []word
	for _, w := range ws {
		if w.width <= max {
			out = append(out, w)
			continue
		}
		rest := w.text
		first := true
		for rest != "" {
			n, width := 0, 0.0
			for i, r := range rest {
				cw := m.width(string(r), w.style)
				if width+cw > max && i > 0 {
					break
				}
				width += cw
				n = i + utf8.RuneLen(r)
			}
			piece := word{text: rest[:n], style: w.style, width: width, space: w.space}
			if !first {
				piece.space = -1 // glued to the previous piece: starts a new line
			}
			out = append(out, piece)
			rest = rest[n:]
			first = false
		}
	}
	return out
}

// fill sets words into lines of at most max points, greedily. A word with
// space < 0 always starts a new line, and so does a word that starts a run
// after non-ASCII text: Graphviz places a run after the runs before it on
// its line by its own estimate of their width, exact for ASCII only (see
// package graphviz's TestEstimatesAgree).
func fill(ws []word, max float64) [][]word {
	var lines [][]word
	var cur []word
	width := 0.0
	ascii := true // the line so far is ASCII
	for _, w := range ws {
		newRun := len(cur) > 0 && cur[len(cur)-1].style != w.style
		if len(cur) > 0 && (w.space < 0 || width+w.space+w.width > max || (newRun && !ascii)) {
			lines = append(lines, cur)
			cur, width, ascii = nil, 0, true
		}
		if len(cur) > 0 {
			width += w.space
		}
		cur = append(cur, w)
		width += w.width
		ascii = ascii && isASCII(w.text)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// lineWidth is the width of a line of words.
func lineWidth(ws []word) float64 {
	width := 0.0
	for i, w := range ws {
		if i > 0 && w.space > 0 {
			width += w.space
		}
		width += w.width
	}
	return width
}

// wrap sets runs into lines of at most max points and balances them: it
// narrows the measure as far as it can without adding a line, so that a
// claim of two and a half lines does not end with a stub.
func (m measurer) wrap(runs []run, max float64) ([]line, float64) {
	ws := m.split(m.words(runs), max)
	if len(ws) == 0 {
		return nil, 0
	}
	lines := fill(ws, max)
	if len(lines) > 1 {
		lo, hi := 0.0, max // lo does not fit in len(lines) lines, hi does
		for _, w := range ws {
			lo = maxf(lo, w.width)
		}
		lo -= 0.01
		if len(fill(ws, lo+0.01)) == len(lines) {
			hi = lo + 0.01
		}
		for hi-lo > 0.5 {
			mid := (lo + hi) / 2
			if len(fill(ws, mid)) <= len(lines) {
				hi = mid
			} else {
				lo = mid
			}
		}
		lines = fill(ws, hi)
	}
	out := make([]line, len(lines))
	width := 0.0
	for i, ws := range lines {
		width = maxf(width, lineWidth(ws))
		out[i] = joinWords(ws)
	}
	return out, width
}

// joinWords turns a line of words back into runs, merging neighbours of the
// same style.
func joinWords(ws []word) line {
	var l line
	for i, w := range ws {
		text := w.text
		same := len(l) > 0 && l[len(l)-1].style == w.style
		if i > 0 && w.space > 0 {
			if same {
				text = " " + text
			} else {
				// The space between two runs ends the first: Graphviz
				// places the second run after the first's width, space
				// included, while SVG viewers do not draw a space that
				// starts a text element.
				l[len(l)-1].text += " "
			}
		}
		if same {
			l[len(l)-1].text += text
			continue
		}
		l = append(l, run{text: text, style: w.style})
	}
	return l
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
