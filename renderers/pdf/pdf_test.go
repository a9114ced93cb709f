package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
)

func fixture(t *testing.T) (*drawing.Drawing, *fonts.Set) {
	t.Helper()
	data, err := os.ReadFile("../drawing/testdata/relations.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := drawing.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d, fs
}

func write(t *testing.T, d *drawing.Drawing, fs *fonts.Set, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, fs, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWrite(t *testing.T) {
	d, fs := fixture(t)
	doc := write(t, d, fs, Options{Title: "Relations — “test”"})
	if !bytes.HasPrefix(doc, []byte("%PDF-1.7\n")) || !bytes.HasSuffix(doc, []byte("%%EOF\n")) {
		t.Fatal("no PDF header or trailer")
	}
	if !bytes.Equal(doc, write(t, d, fs, Options{Title: "Relations — “test”"})) {
		t.Error("two runs give different documents")
	}
	// The cross-reference table points at each object.
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(doc[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(doc[xref:], -1)
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(doc[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i+1, off, doc[off:off+10])
		}
	}
	for _, want := range []string{
		"/MediaBox [0 0 742.93 241.01]",
		"/Subtype /CIDFontType2", "/FontFile2", "/ToUnicode", "/Encoding /Identity-H",
		"+DejaVuSans ", "+DejaVuSans-Bold ",
		"/Title <FEFF",
	} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("no %q in the document", want)
		}
	}
	// The page draws text with both fonts.
	var content string
	for _, s := range streams(t, doc) {
		if strings.Contains(s, " Tj") {
			content = s
		}
	}
	for _, want := range []string{"/F1 ", "/F2 ", " Tj", " c\n", "1 j 1 J"} {
		if !strings.Contains(content, want) {
			t.Errorf("no %q in the page's content", want)
		}
	}
}

// streams returns the decompressed streams of a document, in order.
func streams(t *testing.T, doc []byte) []string {
	t.Helper()
	var out []string
	re := regexp.MustCompile(`(?s)/Length (\d+) /Filter /FlateDecode[^>]*>>\nstream\n`)
	for _, loc := range re.FindAllSubmatchIndex(doc, -1) {
		n, _ := strconv.Atoi(string(doc[loc[2]:loc[3]]))
		r, err := zlib.NewReader(bytes.NewReader(doc[loc[1] : loc[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// TestPoppler reads the document with poppler-utils, when installed: the
// text must come back (the ToUnicode maps work) and the fonts be embedded
// subsets.
func TestPoppler(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian package poppler-utils)", tool)
		}
	}
	d, fs := fixture(t)
	name := t.TempDir() + "/relations.pdf"
	if err := os.WriteFile(name, write(t, d, fs, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", name, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	for _, want := range []string{"Relations", "C attacks B and is attacked", "ACCEPTED", "grounded semantics:", "──►"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext: no %q in\n%s", want, text)
		}
	}
	info, err := exec.Command("pdffonts", name).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, info)
	}
	if n := strings.Count(string(info), "CID TrueType      Identity-H       yes yes yes"); n != 2 {
		t.Errorf("pdffonts: want 2 embedded subset fonts with Unicode maps:\n%s", info)
	}
}

// TestSubset checks the subset font: the glyphs kept are unchanged, the
// others empty, and the file is a valid TrueType font.
func TestSubset(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	face := fs.Regular
	keep := map[uint16]bool{}
	for _, r := range "Calderón “ï”" {
		g, _, _ := face.Glyph(r)
		keep[uint16(g)] = true
	}
	sub, err := subsetTrueType(face.TTF, 0, keep)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) > len(face.TTF)/5 {
		t.Errorf("subset is %d bytes, the font %d", len(sub), len(face.TTF))
	}
	if got := checksum(sub); got != 0xB1B0AFBA {
		t.Errorf("font checksum %#x, want 0xB1B0AFBA", got)
	}
	f, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if f.NumGlyphs() != face.Font.NumGlyphs() {
		t.Errorf("%d glyphs, want %d (indexes kept)", f.NumGlyphs(), face.Font.NumGlyphs())
	}
	var b1, b2 sfnt.Buffer
	ppem := fixed.Int26_6(face.UnitsPerEm)
	for g := range keep {
		want, err := face.Font.LoadGlyph(&b1, sfnt.GlyphIndex(g), ppem, nil)
		if err != nil {
			t.Fatal(err)
		}
		want = append(sfnt.Segments(nil), want...)
		got, err := f.LoadGlyph(&b2, sfnt.GlyphIndex(g), ppem, nil)
		if err != nil {
			t.Fatalf("glyph %d: %v", g, err)
		}
		if len(got) != len(want) {
			t.Errorf("glyph %d: %d segments, want %d", g, len(got), len(want))
		}
	}
	x, _, _ := face.Glyph('Z') // not kept
	if segs, err := f.LoadGlyph(&b2, x, ppem, nil); err != nil || len(segs) != 0 {
		t.Errorf("glyph Z kept: %d segments, %v", len(segs), err)
	}
}

func TestComponents(t *testing.T) {
	// A composite glyph of two components, the second with a scale.
	glyph := []byte{
		0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, // header: -1 contours
		0x00, 0x20, 0x00, 0x05, 1, 2, // MORE_COMPONENTS, glyph 5, byte arguments
		0x00, 0x09, 0x00, 0x07, 0, 1, 0, 2, 0x40, 0x00, // WE_HAVE_A_SCALE, glyph 7, word arguments
	}
	got, err := components(glyph)
	if err != nil || len(got) != 2 || got[0] != 5 || got[1] != 7 {
		t.Errorf("components = %v, %v", got, err)
	}
	if got, err := components([]byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0}); err != nil || got != nil {
		t.Errorf("simple glyph: %v, %v", got, err)
	}
	if _, err := components(glyph[:18]); err == nil {
		t.Error("truncated glyph accepted")
	}
}

func TestWriteEmpty(t *testing.T) {
	_, fs := fixture(t)
	if err := Write(&bytes.Buffer{}, &drawing.Drawing{}, fs, Options{}); err == nil {
		t.Error("empty drawing accepted")
	}
}

// TestWritePages draws the fixture on small pages, cut in two: each page
// has the page's MediaBox, a clip and a matrix that scales the drawing, and
// only the shapes of its frame; pdftotext, when installed, reads each
// page's words at the scaled size.
func TestWritePages(t *testing.T) {
	d, fs := fixture(t)
	_, top, _, bottom := page.Content(d)
	mid := (top + bottom) / 2
	lay := &page.Layout{Width: 400, Height: 300, Scale: 0.5, Left: 20, Top: 30, Right: d.Width - d.Pad,
		Frames: []page.Frame{{Left: d.Pad, Top: top, Bottom: mid}, {Left: d.Pad, Top: mid, Bottom: bottom}}}
	doc := write(t, d, fs, Options{Layout: lay})
	if !bytes.Equal(doc, write(t, d, fs, Options{Layout: lay})) {
		t.Error("two runs give different documents")
	}
	if n := bytes.Count(doc, []byte("/Type /Page ")); n != 2 {
		t.Errorf("%d pages, want 2", n)
	}
	if n := bytes.Count(doc, []byte("/MediaBox [0 0 400 300]")); n != 2 {
		t.Errorf("%d pages of 400 × 300", n)
	}
	if !bytes.Contains(doc, []byte("/Count 2")) {
		t.Error("no /Count 2")
	}
	var pages []string
	for _, s := range streams(t, doc) {
		if strings.Contains(s, " cm\n") {
			pages = append(pages, s)
		}
	}
	if len(pages) != 2 {
		t.Fatalf("%d content streams with a matrix", len(pages))
	}
	// Frame 1's top-left corner (Pad, top) lands at (20, 300-30) on the page.
	for i, p := range pages {
		m := regexp.MustCompile(`([-\d.]+) 0 0 ([-\d.]+) ([-\d.]+) ([-\d.]+) cm`).FindStringSubmatch(p)
		if m == nil || m[1] != "0.5" || m[2] != "0.5" {
			t.Fatalf("page %d: matrix %q", i+1, m)
		}
		tx, _ := strconv.ParseFloat(m[3], 64)
		ty, _ := strconv.ParseFloat(m[4], 64)
		f := lay.Frames[i]
		if x, y := tx+0.5*f.Left, ty+0.5*(d.Height-f.Top); math.Abs(x-20) > 1e-3 || math.Abs(y-270) > 1e-3 {
			t.Errorf("page %d: the frame's corner lands at %g, %g, want 20, 270", i+1, x, y)
		}
		if !strings.Contains(p, " re W n\n") {
			t.Errorf("page %d is not clipped", i+1)
		}
	}
	if !strings.Contains(pages[0], "/F2 14 Tf") || strings.Contains(pages[1], "/F2 14 Tf") {
		t.Error("the title (14 points, bold) is not on page 1 alone")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	cmd := exec.Command("pdftotext", "-bbox", "-", "-")
	cmd.Stdin = bytes.NewReader(doc)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if n := strings.Count(string(out), "<page width=\"400.000000\" height=\"300.000000\">"); n != 2 {
		t.Errorf("pdftotext finds %d pages of 400 × 300", n)
	}
	if !strings.Contains(string(out), ">Relations</word>") {
		t.Errorf("pdftotext finds no title:\n%.2000s", out)
	}
}
