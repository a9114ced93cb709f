// Package fonts holds the typeface argmap draws maps in, DejaVu Sans, and
// measures text set in it.
//
// One typeface serves every output so that they all agree on the size of
// every label: the DOT builder wraps claims and sizes boxes with Width;
// Graphviz, given the family name Name, estimates ASCII text with DejaVu
// Sans's own metrics (it has them built in); SVG viewers are asked for
// CSSFamily, whose first choice is installed on every Debian system (the
// fontconfig package depends on it) and whose fallbacks are all narrower;
// and the PNG and PDF renderers draw with the embedded font files
// themselves. DejaVu Sans also covers Latin, Greek and Cyrillic completely,
// so the accented names of a debate are measured and drawn exactly.
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
// Bitstream Vera Sans, its metric-identical parent), then the viewer's
// sans-serif, which on every common system (Arial, Helvetica, Liberation
// Sans, Noto Sans, Roboto) is narrower, so labels still fit their boxes.
const CSSFamily = "DejaVu Sans,Bitstream Vera Sans,sans-serif"

//go:embed DejaVuSans.ttf
var regularTTF []byte

//go:embed DejaVuSans-Bold.ttf
var boldTTF []byte

// Set is the regular and bold faces of the typeface. Its methods are safe
// for concurrent use.
type Set struct {
	Regular, Bold *Face
}

// Load parses the embedded fonts. It is cheap: the glyphs are only read
// when they are measured or drawn.
func Load() (*Set, error) {
	r, err := newFace("DejaVuSans", regularTTF, false)
	if err != nil {
		return nil, err
	}
	b, err := newFace("DejaVuSans-Bold", boldTTF, true)
	if err != nil {
		return nil, err
	}
	return &Set{Regular: r, Bold: b}, nil
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
	// PostScriptName is the face's PostScript name, "DejaVuSans" or
	// "DejaVuSans-Bold".
	PostScriptName string
	// Bold is set for the bold face.
	Bold bool
	// TTF is the font file. It must not be modified.
	TTF []byte
	// Font is the parsed font file.
	Font *sfnt.Font
	// UnitsPerEm is the size of the em square in font units: glyph
	// coordinates and advances are in these units.
	UnitsPerEm int
	// Ascent, Descent (negative), CapHeight and the bounding box of all
	// glyphs (XMin, YMin, XMax, YMax), in font units, for PDF font
	// descriptors.
	Ascent, Descent, CapHeight int
	XMin, YMin, XMax, YMax     int

	ascii  [128]int32 // advances of the ASCII characters, in font units
	notdef int32      // advance of glyph 0, drawn for missing characters

	mu     sync.Mutex
	glyphs map[rune]glyph // the other characters, as they are looked up
	buf    sfnt.Buffer    // guarded by mu
}

// glyph is a character's glyph index and advance.
type glyph struct {
	index   sfnt.GlyphIndex
	advance int32
	missing bool
}

func newFace(name string, ttf []byte, bold bool) (*Face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("fonts: parsing %s: %w", name, err)
	}
	upem := int(f.UnitsPerEm())
	face := &Face{PostScriptName: name, Bold: bold, TTF: ttf, Font: f, UnitsPerEm: upem, glyphs: make(map[rune]glyph)}
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
