package dot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"

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
	// keep keeps the run's words on one line when the run fits in one,
	// and never breaks inside its words: for a party's name, which may
	// break between its words only when it is wider than a whole line.
	keep bool
	// glue joins the run to the one before it: no line break between
	// them, unless the two together are wider than a line.
	glue bool
	// tie keeps the run on the line of the one before it, always: for
	// the "+" that joins the parties of a coalition.
	tie bool
	// mark is a party's mark, one symbol (see marks): it is measured as
	// Graphviz estimates it, wider than it is, so that the run after it
	// may stand on the same line, where Graphviz places it.
	mark bool
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
	glue  bool    // no line break before it, unless its unit does not fit in a line
	tie   bool    // no line break before it
	whole bool    // never broken into pieces
	exact bool    // Graphviz's estimate of its width is the width it is given
}

// measurer measures text in the typeface's faces.
type measurer struct {
	fonts *fonts.Set
}

// width is the width of s as the renderers set it: in DejaVu Sans and, for
// the characters it lacks, the fallback faces (see package fonts).
func (m measurer) width(s string, st style) float64 {
	return m.fonts.Width(s, st.bold, st.size)
}

// graphvizWidth is Graphviz's own estimate of the width of s: DejaVu Sans's
// advances for ASCII (the same as width's), and a space's for each byte of
// any other character. Graphviz makes a table cell at least this wide.
func (m measurer) graphvizWidth(s string, st style) float64 {
	return m.fonts.Face(st.bold).GraphvizWidth(s, st.size)
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
		for i, f := range strings.FieldsFunc(r.text, func(c rune) bool { return c == ' ' }) {
			space := 0.0
			if n := len(ws); n > 0 {
				space = m.width(" ", ws[n-1].style)
			}
			w := word{text: f, style: r.style, width: m.width(f, r.style), space: space,
				glue: (r.glue || r.tie) && i == 0 || r.keep && i > 0, tie: r.tie && i == 0, whole: r.keep || r.mark, exact: isASCII(f)}
			if r.mark {
				w.width, w.exact = maxf(w.width, m.graphvizWidth(f, r.style)), true
			}
			pieces := []string{f}
			if !w.whole {
				pieces = breakUnspaced(f)
			}
			if len(pieces) == 1 {
				ws = append(ws, w)
				continue
			}
			// Chinese or Japanese: a line may break between the pieces,
			// without a space.
			for j, piece := range pieces {
				pw := w
				pw.text, pw.width, pw.exact = piece, m.width(piece, r.style), isASCII(piece)
				if j > 0 {
					pw.space, pw.glue, pw.tie = 0, false, false
				}
				ws = append(ws, pw)
			}
		}
	}
	return ws
}

// breakUnspaced splits a word of a script written without spaces between
// words (Chinese, Japanese) where a line may break, by the Unicode line
// breaking algorithm (UAX #14): between ideographs and kana, but not
// before a closing mark or small kana, nor after an opening one. Other
// words are returned whole: they break at spaces only.
func breakUnspaced(w string) []string {
	if !strings.ContainsFunc(w, unspaced) {
		return []string{w}
	}
	var seg segmenter.Segmenter
	if err := seg.InitWithString(w); err != nil {
		return []string{w}
	}
	var out []string
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		out = append(out, w[l.OffsetInBytes:l.OffsetInBytes+l.LengthInBytes])
	}
	return out
}

// unspaced reports whether r is of a script written without spaces
// between words: ideographs, kana, and their punctuation.
func unspaced(r rune) bool {
	return r >= 0x2e80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef))
}

// split breaks words wider than max into pieces that fit, at character
// boundaries, so that a long URL does not make its box as wide as itself.
// A whole word (of a party's name) is broken only if it is wider than
// wholeLines lines: no name has such a word, and a box must not be as wide
// as any text a file may hold.
func (m measurer) split(ws []word, max float64) []word {
	var out []word
	for _, w := range ws {
		if w.width <= max || w.whole && w.width <= wholeLines*max {
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

// truncate returns s, or s cut short with an ellipsis so that it is at
// most max points wide.
func (m measurer) truncate(s string, st style, max float64) string {
	if m.width(s, st) <= max {
		return s
	}
	const ellipsis = "…"
	room := max - m.width(ellipsis, st)
	width, end := 0.0, 0
	for i, r := range s {
		width += m.width(string(r), st)
		if width > room {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:end], " ") + ellipsis
}

// wholeLines is how many lines wide a whole word may be, unbroken.
const wholeLines = 3

// fill sets words into lines of at most max points, greedily. A word with
// space < 0 always starts a new line, and so does a word that starts a run
// after non-ASCII text: Graphviz places a run after the runs before it on
// its line by its own estimate of their width, exact for ASCII only (see
// package graphviz's TestEstimatesAgree), and for marks, which are
// measured by it. A unit, a word and the words glued to it, goes on one
// line if it fits in one; one wider than a line breaks between its words,
// but never before a tied word.
func fill(ws []word, max float64) [][]word {
	var lines [][]word
	var cur []word
	width := 0.0
	exact := true // Graphviz measures the line so far as it is measured here
	for i := 0; i < len(ws); {
		unit := ws[i:unitEnd(ws, i)]
		uw := unit[0].width
		if len(unit) > 1 {
			uw = lineWidth(unit)
		}
		for k, w := range unit {
			if len(cur) > 0 {
				newRun := cur[len(cur)-1].style != w.style
				need := w.width // what must fit on this line with the word
				if k == 0 && uw <= max {
					need = uw
				}
				if w.space < 0 || newRun && !exact || !w.tie && (k == 0 || uw > max) && width+w.space+need > max {
					lines = append(lines, cur)
					cur, width, exact = nil, 0, true
				}
			}
			if len(cur) > 0 {
				width += w.space
			}
			cur = append(cur, w)
			width += w.width
			exact = exact && w.exact
		}
		i += len(unit)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// unitEnd is the end of the unit that starts at word i: the word and the
// words glued to it.
func unitEnd(ws []word, i int) int {
	j := i + 1
	for j < len(ws) && ws[j].glue && ws[j].space >= 0 {
		j++
	}
	return j
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
	return m.wrapWords(m.split(m.words(runs), max), max)
}

// wrapName wraps a title or an id as wrap does, and may also break it
// after a hyphen or an underscore ("Non-|intervention", "no_|consent"),
// but never inside a word: the measure widens to the widest piece.
func (m measurer) wrapName(runs []run, measure float64) ([]line, float64) {
	var ws []word
	for _, w := range m.words(runs) {
		for i, piece := range namePieces(w.text) {
			p := w
			p.text, p.width = piece, m.width(piece, w.style)
			if i > 0 {
				// After a hyphen: a break, but no space.
				p.space, p.glue, p.tie = 0, false, false
			}
			measure = maxf(measure, p.width)
			ws = append(ws, p)
		}
	}
	return m.wrapWords(ws, measure)
}

// namePieces splits a word after each hyphen or underscore that has a
// letter or digit on both sides.
func namePieces(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	pos := 0
	for i, r := range rs {
		pos += utf8.RuneLen(r)
		if (r == '-' || r == '_' || r == '\u2010') && i > 0 && i < len(rs)-1 && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
			out = append(out, s[start:pos])
			start = pos
		}
	}
	return append(out, s[start:])
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wrapWords sets words into lines of at most max points and balances
// them, as wrap does.
func (m measurer) wrapWords(ws []word, max float64) ([]line, float64) {
	if len(ws) == 0 {
		return nil, 0
	}
	lines := fill(ws, max)
	if len(lines) > 1 {
		// lo does not fit in len(lines) lines, hi does. A narrower measure
		// never breaks a unit that fits in a line (see fill).
		lo, hi := 0.0, max
		for i := 0; i < len(ws); {
			unit := ws[i:unitEnd(ws, i)]
			if uw := lineWidth(unit); uw <= max {
				lo = maxf(lo, uw)
			} else {
				for _, w := range unit {
					lo = maxf(lo, w.width)
				}
			}
			i += len(unit)
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

// header sets a box's header: lead (badges and the kind), then tail (the
// party), after sep if sep is not empty. The header is one line if it fits
// in max points. Else lead is set on lines of its own, and tail below it,
// without sep, its units (a party's name, with its mark) kept whole where
// they fit in a line: a name breaks only if it is wider than a line, and
// then between its words only.
func (m measurer) header(lead, tail []run, sep run, max float64) ([]line, float64) {
	if len(tail) == 0 {
		return m.wrap(lead, max)
	}
	one := slices.Concat(lead, tail)
	if sep.text != "" {
		one = slices.Concat(lead, []run{sep}, tail)
	}
	if ws := m.split(m.words(one), max); len(fill(ws, max)) == 1 {
		return []line{joinWords(ws)}, lineWidth(ws)
	}
	lines, width := m.wrap(lead, max)
	for _, ws := range fill(m.split(m.words(tail), max), max) {
		width = maxf(width, lineWidth(ws))
		lines = append(lines, joinWords(ws))
	}
	return lines, width
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
