package fonts

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Glyph is a glyph of a line of text, placed.
type Glyph struct {
	// Face is the face the glyph is from, and ID its index there.
	Face *Face
	ID   sfnt.GlyphIndex
	// X and Y place the glyph's origin, in points from the start of the
	// line (its left end) on its baseline; Y grows upwards.
	X, Y float64
	// Advance is how far the glyph moves the pen, in points.
	Advance float64
	// Text is what the glyph stands for: the characters of its cluster
	// for a cluster's first glyph, "" for its other glyphs.
	Text string
}

// Line is a line of text set by Layout.
type Line struct {
	// Glyphs are the line's glyphs from left to right.
	Glyphs []Glyph
	// Width is the line's width in points: the sum of the advances.
	Width float64
	// Plain is set for a line set in one face, one glyph per character in
	// the text's order, each at its advance: drawn as Face.Width measures
	// it.
	Plain bool
	// Shaped is set for a line whose glyphs are not one per character in
	// the text's order: reordered right to left, or shaped.
	Shaped bool
}

// Width returns the width of text set in one line, bold or regular, at
// size points, in points, as Layout sets it.
func (s *Set) Width(text string, bold bool, size float64) float64 {
	primary := s.Face(bold)
	if s.plain(text, primary) {
		return primary.Width(text, size)
	}
	return s.Layout(text, bold, size).Width
}

// plain reports whether the face has every character of text and none
// needs shaping or right-to-left ordering.
func (s *Set) plain(text string, f *Face) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c >= ' ' && c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if complexRune(r) || rtlRune(r) {
			return false
		}
		if !f.Has(r) {
			if ignorable(r) || s.fallback != nil || !s.noteMissing(r) {
				return false
			}
		}
	}
	return true
}

// noteMissing records a character that no face has, and reports whether
// there is no fallback face to look for it in.
func (s *Set) noteMissing(r rune) bool {
	if s.fallback != nil {
		return false
	}
	s.mu.Lock()
	s.missing[r] = true
	s.mu.Unlock()
	return true
}

// Missing returns the characters that were measured or drawn but that no
// face has, in order: they were drawn as empty boxes.
func (s *Set) Missing() []rune {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]rune, 0, len(s.missing))
	for r := range s.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// FontErrors returns the errors of reading the font files Options.Files
// named, for those that were needed.
func (s *Set) FontErrors() []string {
	if s.fallback == nil {
		return nil
	}
	return s.fallback.readErrors()
}

// faceFor returns the face to set r in: the primary face if it has it,
// else a fallback face; for a combining mark or a joiner, the face of the
// character before it if that face has it. It returns the primary face for
// a character that no face has, and records it.
func (s *Set) faceFor(r rune, primary, prev *Face) *Face {
	if prev != nil && prev != primary && attaches(r) && prev.Has(r) {
		return prev
	}
	if primary.Has(r) {
		return primary
	}
	if s.fallback != nil {
		if f := s.fallback.face(r, primary.Bold); f != nil {
			return f
		}
	}
	if !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) {
		s.mu.Lock()
		s.missing[r] = true
		s.mu.Unlock()
	}
	return primary
}

// ignorable reports whether r is drawn as nothing when no face has it: a
// format character (a joiner, a direction mark) or a variation selector.
func ignorable(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// RTL reports whether a paragraph of text runs right to left: whether its
// first strong character, a letter or a direction mark, is of a
// right-to-left script (rule P2 of the bidirectional algorithm).
func RTL(text string) bool {
	for _, r := range text {
		switch {
		case r == 0x200f || r == 0x061c:
			return true
		case r == 0x200e:
			return false
		case unicode.IsLetter(r):
			return rtlRune(r)
		}
	}
	return false
}

// Anchor says which end of a text Graphviz placed: its align, 'l', 'c' or
// 'r' (the point is the text's left end, centre or right end), or 'R' for
// a right-aligned right-to-left line, which package dot starts with a
// right-to-left mark (U+200F): Graphviz left-aligns it (align 'l') at the
// cell's right edge less width, its own estimate of the text's width, so
// its right end is at the point plus width. A table cell is at least as
// wide as that estimate; drawn from its right end, the line ends at the
// cell's edge, whatever its width.
func Anchor(text string, align byte, width float64) byte {
	if align == 'l' && width > 0 && strings.HasPrefix(text, "\u200f") {
		return 'R'
	}
	return align
}

// attaches reports whether r belongs with the character before it: a
// combining mark, a joiner or a variation selector.
func attaches(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == 0x200c || r == 0x200d || unicode.Is(unicode.Variation_Selector, r)
}

// complexScripts are the scripts whose letters change shape or place with
// their neighbours: their text is shaped by HarfBuzz.
var complexScripts = []*unicode.RangeTable{
	unicode.Arabic, unicode.Syriac, unicode.Hebrew, unicode.Thaana, unicode.Nko, unicode.Mongolian,
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil,
	unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala, unicode.Thai, unicode.Lao,
	unicode.Tibetan, unicode.Myanmar, unicode.Khmer, unicode.Mn, unicode.Me, unicode.Mc,
}

func complexRune(r rune) bool { return r >= 0x300 && unicode.In(r, complexScripts...) }

// rtlScripts are written right to left.
var rtlScripts = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic}

// rtlRune reports whether r may make text run right to left: a letter of a
// right-to-left script or a bidirectional control character.
func rtlRune(r rune) bool {
	switch r {
	case 0x200f, 0x061c, 0x202b, 0x202e, 0x2067, 0x202a, 0x202d, 0x2066, 0x2068:
		return true
	}
	return r >= 0x590 && (unicode.In(r, rtlScripts...) || (r >= 0xfb1d && r <= 0xfdff) || (r >= 0xfe70 && r <= 0xfefc))
}

// item is a run of text in one face and one direction.
type item struct {
	start, end int // runes [start, end)
	level      bidi.Level
	face       *Face
	shape      bool // shaped by HarfBuzz
}

// Layout sets text in one line, bold or regular, at size points: each
// character in a face that has it, in the order of the Unicode
// bidirectional algorithm (the paragraph's direction from its first strong
// character), shaped by HarfBuzz where its script needs it.
func (s *Set) Layout(text string, bold bool, size float64) Line {
	primary := s.Face(bold)
	if s.plain(text, primary) {
		return plainLine(primary, text, size)
	}
	runes := []rune(text)
	items := s.itemize(runes, primary)
	var glyphs []Glyph
	x := 0.0
	shaped := false
	for _, it := range visualOrder(items) {
		shaped = shaped || it.shape || it.level%2 == 1
		unit := size / float64(it.face.UnitsPerEm)
		if !it.shape {
			start := len(glyphs)
			for i := it.start; i < it.end; i++ {
				id, adv, ok := it.face.Glyph(runes[i])
				if !ok && ignorable(runes[i]) {
					continue // invisible, and not drawn as a box
				}
				glyphs = append(glyphs, Glyph{Face: it.face, ID: id, Advance: float64(adv) * unit, Text: string(runes[i])})
			}
			if it.level%2 == 1 {
				slices.Reverse(glyphs[start:])
			}
			for i := start; i < len(glyphs); i++ {
				glyphs[i].X = x
				x += glyphs[i].Advance
			}
			continue
		}
		out, ok := s.shape(runes, it)
		if !ok {
			// The face cannot be shaped: set it glyph by glyph.
			base := x
			for _, g := range s.layoutItem(runes, it, size) {
				g.X += base
				x += g.Advance
				glyphs = append(glyphs, g)
			}
			continue
		}
		base, width := x, 0.0
		for _, g := range out {
			g.X = base + g.X*unit
			g.Y *= unit
			g.Advance *= unit
			width += g.Advance
			glyphs = append(glyphs, g)
		}
		x = base + width
	}
	return Line{Glyphs: glyphs, Width: x, Shaped: shaped}
}

// layoutItem sets an item glyph by glyph, from its left end.
func (s *Set) layoutItem(runes []rune, it item, size float64) []Glyph {
	unit := size / float64(it.face.UnitsPerEm)
	var out []Glyph
	for i := it.start; i < it.end; i++ {
		id, adv, ok := it.face.Glyph(runes[i])
		if !ok && ignorable(runes[i]) {
			continue
		}
		out = append(out, Glyph{Face: it.face, ID: id, Advance: float64(adv) * unit, Text: string(runes[i])})
	}
	if it.level%2 == 1 {
		slices.Reverse(out)
	}
	x := 0.0
	for i := range out {
		out[i].X = x
		x += out[i].Advance
	}
	return out
}

// plainLine sets text in one face, glyph by glyph.
func plainLine(f *Face, text string, size float64) Line {
	unit := size / float64(f.UnitsPerEm)
	line := Line{Plain: true, Glyphs: make([]Glyph, 0, len(text))}
	x := 0.0
	for _, r := range text {
		id, adv, _ := f.Glyph(r)
		a := float64(adv) * unit
		line.Glyphs = append(line.Glyphs, Glyph{Face: f, ID: id, X: x, Advance: a, Text: string(r)})
		x += a
	}
	// The width as Width measures it: advances summed in font units.
	line.Width = f.Width(text, size)
	return line
}

// itemize splits text into items of one face and one bidirectional level,
// in the text's order.
func (s *Set) itemize(runes []rune, primary *Face) []item {
	faces := make([]*Face, len(runes))
	var prev *Face
	for i, r := range runes {
		faces[i] = s.faceFor(r, primary, prev)
		prev = faces[i]
	}
	levels := make([]bidi.Level, len(runes))
	if slices.ContainsFunc(runes, rtlRune) {
		var p bidi.Paragraph
		runs := p.Segment(runes, bidi.Neutral)
		for k := range runs.NumRuns() {
			run := runs.Run(k)
			for i := run.Start; i < run.End && i < len(levels); i++ {
				levels[i] = run.Level
			}
		}
	}
	var items []item
	for i := range runes {
		if n := len(items); n > 0 && items[n-1].face == faces[i] && items[n-1].level == levels[i] {
			items[n-1].end = i + 1
			items[n-1].shape = items[n-1].shape || complexRune(runes[i]) || levels[i]%2 == 1
			continue
		}
		items = append(items, item{start: i, end: i + 1, level: levels[i], face: faces[i], shape: complexRune(runes[i]) || levels[i]%2 == 1})
	}
	return items
}

// visualOrder reorders items from the text's order to the order they are
// drawn in, left to right (rule L2 of the bidirectional algorithm):
// from the highest level down to the lowest odd one, every run of items at
// that level or above is reversed.
func visualOrder(items []item) []item {
	out := slices.Clone(items)
	hi, lo := bidi.Level(0), bidi.Level(127)
	for _, it := range out {
		hi, lo = max(hi, it.level), min(lo, it.level)
	}
	if lo%2 == 0 {
		lo++
	}
	for lvl := hi; lvl >= lo && lvl > 0; lvl-- {
		for i := 0; i < len(out); {
			if out[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(out) && out[j].level >= lvl {
				j++
			}
			slices.Reverse(out[i:j])
			i = j
		}
	}
	return out
}

// shapingFace is a face parsed for HarfBuzz, once.
type shapingFace struct {
	once sync.Once
	font *gofont.Font
	err  error
}

// otFont returns the face as go-text/typesetting's font, parsing it the
// first time.
func (f *Face) otFont() (*gofont.Font, error) {
	f.shaping.once.Do(func() {
		faces, err := gofont.ParseTTC(bytes.NewReader(f.TTF))
		switch {
		case err != nil:
			f.shaping.err = err
		case f.Index >= len(faces):
			f.shaping.err = fmt.Errorf("no font %d in the collection", f.Index)
		default:
			f.shaping.font = faces[f.Index].Font
		}
	})
	return f.shaping.font, f.shaping.err
}

// shaper is HarfBuzz with its buffers, and a face for each font.
type shaper struct {
	hb    shaping.HarfbuzzShaper
	faces map[*gofont.Font]*gofont.Face
}

// shape shapes an item with HarfBuzz: its glyphs from left to right, X, Y
// and Advance in the face's units. It reports false if the face cannot be
// read for shaping.
func (s *Set) shape(runes []rune, it item) ([]Glyph, bool) {
	ft, err := it.face.otFont()
	if err != nil {
		return nil, false
	}
	sh, _ := s.shapers.Get().(*shaper)
	if sh == nil {
		sh = &shaper{faces: map[*gofont.Font]*gofont.Face{}}
	}
	defer s.shapers.Put(sh)
	face := sh.faces[ft]
	if face == nil {
		face = gofont.NewFace(ft)
		sh.faces[ft] = face
	}
	dir := di.DirectionLTR
	if it.level%2 == 1 {
		dir = di.DirectionRTL
	}
	script := language.Common
	for _, r := range runes[it.start:it.end] {
		if sc := language.LookupScript(r); sc != language.Common && sc != language.Inherited && sc != language.Unknown {
			script = sc
			break
		}
	}
	out := sh.hb.Shape(shaping.Input{
		Text: runes, RunStart: it.start, RunEnd: it.end,
		Direction: dir, Face: face, Script: script,
		// At a size of one em per font unit, positions come in font
		// units (26.6 fixed point).
		Size: fixed.I(it.face.UnitsPerEm),
	})
	glyphs := make([]Glyph, 0, len(out.Glyphs))
	x := 0.0
	for _, g := range out.Glyphs {
		gl := Glyph{
			Face: it.face, ID: sfnt.GlyphIndex(g.GlyphID),
			X:       x + float64(g.XOffset)/64,
			Y:       float64(g.YOffset) / 64,
			Advance: float64(g.Advance) / 64,
		}
		x += gl.Advance
		glyphs = append(glyphs, gl)
	}
	clusterTexts(glyphs, out.Glyphs, runes, it.face)
	for _, gl := range glyphs {
		if gl.ID == 0 {
			for _, r := range []rune(gl.Text) {
				if !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) {
					s.mu.Lock()
					s.missing[r] = true
					s.mu.Unlock()
				}
			}
		}
	}
	return glyphs, true
}

// clusterTexts gives each shaped glyph the characters it stands for. In a
// cluster, a glyph that is a character's own (its glyph in the cmap, as
// a mark usually is) stands for that character; the others share the
// rest in order, the last taking what is left: a ligature stands for all
// its characters, and the contextual form of a letter for that letter.
func clusterTexts(glyphs []Glyph, shaped []shaping.Glyph, runes []rune, face *Face) {
	byCluster := map[int][]int{}
	var clusters []int
	for i, g := range shaped {
		c := g.ClusterIndex
		if byCluster[c] == nil {
			clusters = append(clusters, c)
		}
		byCluster[c] = append(byCluster[c], i)
	}
	for _, c := range clusters {
		idx := byCluster[c]
		end := min(c+max(shaped[idx[0]].RuneCount, 1), len(runes))
		rs := runes[c:end]
		used := make([]bool, len(rs))
		texts := make([]string, len(idx))
		done := make([]bool, len(idx))
		for k, i := range idx {
			for j, r := range rs {
				if own, _, ok := face.Glyph(r); !used[j] && ok && own == glyphs[i].ID {
					used[j], done[k], texts[k] = true, true, string(r)
					break
				}
			}
		}
		var rest []rune
		for j, r := range rs {
			if !used[j] {
				rest = append(rest, r)
			}
		}
		var open []int
		for k := range idx {
			if !done[k] {
				open = append(open, k)
			}
		}
		for n, k := range open {
			switch {
			case len(rest) == 0:
			case n == len(open)-1:
				texts[k], rest = string(rest), nil
			default:
				texts[k], rest = string(rest[0]), rest[1:]
			}
		}
		for k, i := range idx {
			glyphs[i].Text = texts[k]
		}
	}
}
