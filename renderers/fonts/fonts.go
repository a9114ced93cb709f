// Package fonts holds the typeface argmap draws maps in, DejaVu Sans, with
// fallback faces from the system for the characters it lacks, and sets
// text in them: measures it, and places its glyphs.
//
// One typeface serves every output so that they all agree on the size of
// every label: the DOT builder wraps claims and sizes boxes with Set.Width;
// Graphviz, given the family name Name, estimates ASCII text with DejaVu
// Sans's own metrics (it has them built in); SVG viewers are asked for
// CSSFamily, whose first choice is installed on every Debian system (the
// fontconfig package depends on it) and whose fallbacks are all narrower;
// and the PNG and PDF renderers draw with the font files themselves
// (Set.Layout). DejaVu Sans covers Latin, Greek, Cyrillic and Arabic, so
// the accented names of a debate are measured and drawn exactly.
//
// Characters DejaVu Sans lacks, such as Chinese and Japanese, are set in a
// fallback face (see Options): a font file named by the user, else one of
// the system's fonts, found with fontconfig where it is installed and in
// the platform's font directories otherwise, chosen for each character by
// its coverage, in a fixed order, so that the same machine draws the same
// bytes. Characters that no face has are drawn as DejaVu Sans's empty box
// and reported by Set.Missing, for a warning (MissingWarning).
//
// Text is set as a line: in the order of the Unicode bidirectional
// algorithm (Arabic and Hebrew right to left), and shaped by HarfBuzz (the
// port of go-text/typesetting) where a script needs it, so that Arabic
// letters take their joining forms. Latin, Greek, Cyrillic and CJK text is
// set glyph by glyph from the fonts' advances, without kerning, as
// Graphviz measures it.
//
// The fonts are DejaVu Sans 2.37 (see LICENSE): free to redistribute and to
// embed, under the Bitstream Vera licence.
package fonts

import (
	_ "embed"
	"fmt"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Name is the family name to give Graphviz. Graphviz has no access to fonts
// in argmap's renderer; it estimates text widths from a built-in table of
// metrics, which has DejaVu Sans.
const Name = "DejaVu Sans"

// CSSFamily is the CSS font-family list for SVG viewers: DejaVu Sans (and
// Bitstream Vera Sans, its metric-identical parent), then faces for the
// scripts DejaVu Sans lacks, Chinese, Japanese and Korean, on Linux (Noto
// Sans CJK, Droid Sans Fallback, WenQuanYi Zen Hei), macOS (PingFang,
// Hiragino Sans) and Windows (Microsoft YaHei, Yu Gothic, Malgun Gothic),
// then the viewer's sans-serif, which on every common system (Arial,
// Helvetica, Liberation Sans, Noto Sans, Roboto) is narrower, so labels
// still fit their boxes. A viewer takes each character from the first face
// in the list that has it.
const CSSFamily = "DejaVu Sans,Bitstream Vera Sans,Noto Sans CJK SC,Noto Sans CJK JP,Droid Sans Fallback,WenQuanYi Zen Hei,PingFang SC,Hiragino Sans,Microsoft YaHei,Yu Gothic,Malgun Gothic,sans-serif"

//go:embed DejaVuSans.ttf
var regularTTF []byte

//go:embed DejaVuSans-Bold.ttf
var boldTTF []byte

// Set is the regular and bold faces of the typeface, and the fallback
// faces for the characters they lack. Its methods are safe for concurrent
// use.
type Set struct {
	Regular, Bold *Face

	fallback *fallback // nil: no fallback faces

	mu      sync.Mutex
	missing map[rune]bool // characters no face has
	shapers sync.Pool     // of *shaper
}

// Load parses the embedded fonts, with no fallback faces. It is cheap: the
// glyphs are only read when they are measured or drawn.
func Load() (*Set, error) {
	return LoadOptions(Options{})
}

// LoadOptions parses the embedded fonts and prepares the fallback faces
// opts asks for. The fallback faces are only looked up when a character
// that DejaVu Sans lacks is first measured or drawn.
func LoadOptions(opts Options) (*Set, error) {
	r, err := newFace("DejaVuSans", regularTTF, 0, false)
	if err != nil {
		return nil, err
	}
	b, err := newFace("DejaVuSans-Bold", boldTTF, 0, true)
	if err != nil {
		return nil, err
	}
	s := &Set{Regular: r, Bold: b, missing: map[rune]bool{}}
	if len(opts.Files) > 0 || opts.System {
		s.fallback = newFallback(opts)
	}
	return s, nil
}

// Face returns the bold face if bold is set, the regular face otherwise.
func (s *Set) Face(bold bool) *Face {
	if bold {
		return s.Bold
	}
	return s.Regular
}

// Face is one face of the typeface. Its methods are safe for concurrent
// use.
type Face struct {
	// PostScriptName is the face's PostScript name, such as "DejaVuSans"
	// or "DejaVuSans-Bold".
	PostScriptName string
	// Bold is set for a bold face.
	Bold bool
	// TTF is the font file: a TrueType or OpenType font, or a collection
	// of them (Index says which). It must not be modified.
	TTF []byte
	// Index is the face's place in a collection; 0 for a single font.
	Index int
	// CFF is set for a face whose glyphs are PostScript (CFF) outlines,
	// not TrueType ones.
	CFF bool
	// Path is the file the face was read from; "" for the embedded faces.
	Path string
	// Font is the parsed font.
	Font *sfnt.Font
	// UnitsPerEm is the size of the em square in font units: glyph
	// coordinates and advances are in these units.
	UnitsPerEm int
	// Ascent, Descent (negative), CapHeight and the bounding box of all
	// glyphs (XMin, YMin, XMax, YMax), in font units, for PDF font
	// descriptors.
	Ascent, Descent, CapHeight int
	XMin, YMin, XMax, YMax     int

	ascii    [128]int32 // advances of the ASCII characters, in font units
	asciiHas [2]uint64  // the ASCII characters the face has
	notdef   int32      // advance of glyph 0, drawn for missing characters

	mu     sync.Mutex
	glyphs map[rune]glyph // the other characters, as they are looked up
	buf    sfnt.Buffer    // guarded by mu

	shaping shapingFace // the face for HarfBuzz, parsed when first needed
}

// glyph is a character's glyph index and advance.
type glyph struct {
	index   sfnt.GlyphIndex
	advance int32
	missing bool
}

// newFace parses a face of a font file (index: its place in a
// collection).
func newFace(name string, data []byte, index int, bold bool) (*Face, error) {
	var f *sfnt.Font
	var err error
	if len(data) >= 4 && string(data[:4]) == "ttcf" {
		var c *sfnt.Collection
		if c, err = sfnt.ParseCollection(data); err == nil {
			f, err = c.Font(index)
		}
	} else {
		f, err = sfnt.Parse(data)
	}
	if err != nil {
		return nil, fmt.Errorf("fonts: parsing %s: %w", name, err)
	}
	if name == "" {
		var buf sfnt.Buffer
		name, err = f.Name(&buf, sfnt.NameIDPostScript)
		if err != nil || name == "" {
			name = "Fallback"
		}
		name = postScriptName(name)
	}
	upem := int(f.UnitsPerEm())
	face := &Face{PostScriptName: name, Bold: bold, TTF: data, Index: index, CFF: isCFF(data, index), Font: f, UnitsPerEm: upem, glyphs: make(map[rune]glyph)}
	ppem := fixed.Int26_6(upem)
	m, err := f.Metrics(&face.buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("fonts: metrics of %s: %w", name, err)
	}
	// sfnt measures in a y-down coordinate system: the cap height is negative.
	face.Ascent, face.Descent, face.CapHeight = int(m.Ascent), -int(m.Descent), -int(m.CapHeight)
	bounds, err := f.Bounds(&face.buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("fonts: bounds of %s: %w", name, err)
	}
	// sfnt's bounds are in a y-down coordinate system.
	face.XMin, face.XMax = int(bounds.Min.X), int(bounds.Max.X)
	face.YMin, face.YMax = -int(bounds.Max.Y), -int(bounds.Min.Y)
	notdef, err := f.GlyphAdvance(&face.buf, 0, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("fonts: advance of the missing glyph of %s: %w", name, err)
	}
	face.notdef = int32(notdef)
	for r := range rune(len(face.ascii)) {
		g, err := face.lookup(r)
		if err != nil {
			return nil, fmt.Errorf("fonts: %s: %w", name, err)
		}
		face.ascii[r] = g.advance
		if !g.missing {
			face.asciiHas[r/64] |= 1 << (r % 64)
		}
	}
	return face, nil
}

// lookup finds the glyph of r; the caller holds mu or owns the face.
func (f *Face) lookup(r rune) (glyph, error) {
	ppem := fixed.Int26_6(f.UnitsPerEm)
	x, err := f.Font.GlyphIndex(&f.buf, r)
	if err != nil {
		return glyph{}, fmt.Errorf("glyph of %U: %w", r, err)
	}
	if x == 0 {
		// The font has no glyph for r: a viewer draws it with another font,
		// of unknown width; a full em is wider than most characters of
		// most fonts.
		return glyph{index: 0, advance: int32(f.UnitsPerEm), missing: true}, nil
	}
	adv, err := f.Font.GlyphAdvance(&f.buf, x, ppem, font.HintingNone)
	if err != nil {
		return glyph{}, fmt.Errorf("advance of %U: %w", r, err)
	}
	return glyph{index: x, advance: int32(adv)}, nil
}

// cached returns the glyph of r from the cache, looking it up first if
// needed.
func (f *Face) cached(r rune) glyph {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.glyphs[r]
	if !ok {
		var err error
		if g, err = f.lookup(r); err != nil {
			// The embedded fonts are valid: a lookup fails only for a
			// corrupt file, which Load would have rejected.
			g = glyph{advance: int32(f.UnitsPerEm), missing: true}
		}
		f.glyphs[r] = g
	}
	return g
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	if r >= 0 && r < rune(len(f.ascii)) {
		return f.asciiHas[r/64]&(1<<(r%64)) != 0
	}
	return !f.cached(r).missing
}

// Advance returns the advance width of r in font units. A character the
// font has no glyph for counts as one em.
func (f *Face) Advance(r rune) int {
	if r >= ' ' && r < rune(len(f.ascii)) {
		return int(f.ascii[r])
	}
	return int(f.cached(r).advance)
}

// Glyph returns the glyph index of r and its advance in font units, and
// whether the font has a glyph for r. For a character it has no glyph for,
// it returns glyph 0, the box drawn for missing characters, with that
// glyph's advance.
func (f *Face) Glyph(r rune) (index sfnt.GlyphIndex, advance int, ok bool) {
	g := f.cached(r)
	if g.missing {
		return 0, int(f.notdef), false
	}
	return g.index, int(g.advance), true
}

// GlyphAdvance returns the advance of a glyph in font units, as the font's
// metrics give it.
func (f *Face) GlyphAdvance(id sfnt.GlyphIndex) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	adv, err := f.Font.GlyphAdvance(&f.buf, id, fixed.Int26_6(f.UnitsPerEm), font.HintingNone)
	if err != nil {
		return f.UnitsPerEm
	}
	return int(adv)
}

// GraphvizWidth is Graphviz's own estimate of the width of s set at size
// points in the face, given the family Name: the face's advances for
// ASCII (the same as Width's), and a space's for each byte of any other
// character. Graphviz makes a table cell at least this wide, and places a
// right-aligned line this far left of the cell's right edge.
func (f *Face) GraphvizWidth(s string, size float64) float64 {
	units := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			c = ' '
		}
		units += f.Advance(rune(c))
	}
	return float64(units) * size / float64(f.UnitsPerEm)
}

// Width returns the width of s set at size points, in points: the sum of
// the advances of its characters, without kerning, as Graphviz and the
// renderers lay text out.
func (f *Face) Width(s string, size float64) float64 {
	units := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= ' ' && c < utf8.RuneSelf {
			units += int(f.ascii[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		units += f.Advance(r)
		i += n
	}
	return float64(units) * size / float64(f.UnitsPerEm)
}
