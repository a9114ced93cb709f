package fonts

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// droid is the TrueType CJK font that CI installs (Debian's
// fonts-droid-fallback, see .ci/run).
const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// cjkFont returns the path of a font with Chinese and Japanese, or skips
// the test where there is none (CI has it).
func cjkFont(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(droid); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian package fonts-droid-fallback)", droid)
		}
		t.Skipf("no %s: install fonts-droid-fallback", droid)
	}
	return droid
}

// TestCmapRanges reads the character set of the embedded fonts' cmap
// tables and compares it, character by character, with sfnt's lookup.
func TestCmapRanges(t *testing.T) {
	for _, data := range [][]byte{regularTTF, boldTTF} {
		tables, err := tableDirectory(strings.NewReader(string(data)), 0)
		if err != nil {
			t.Fatal(err)
		}
		cm := tables["cmap"]
		cover, err := cmapRanges(data[cm[0] : cm[0]+cm[1]])
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		n := 0
		for r := rune(0); r <= 0x2ffff; r++ {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := cover.has(r), g != 0; got != want {
				t.Fatalf("%U: in the character set %v, sfnt's glyph %d", r, got, g)
			}
			if g != 0 {
				n++
			}
		}
		if n < 5000 {
			t.Errorf("only %d characters", n)
		}
	}
}

func TestParseCharset(t *testing.T) {
	got, err := parseCharset("20-7e a0 4e00-4e02 4e03")
	if err != nil {
		t.Fatal(err)
	}
	want := ranges{{0x20, 0x7e}, {0xa0, 0xa0}, {0x4e00, 0x4e03}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for _, bad := range []string{"xyz", "7e-20", "20-110000"} {
		if _, err := parseCharset(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestParseFontconfig reads fc-match's lines, leaving out slanted faces,
// bitmap formats and malformed lines.
func TestParseFontconfig(t *testing.T) {
	out := "/a/Regular.ttf\t0\tTrueType\t0\t20-7e\n" +
		"/a/Oblique.ttf\t0\tTrueType\t110\t20-7e\n" +
		"/a/fixed.pcf.gz\t0\tPCF\t0\t20-7e\n" +
		"/a/cjk.ttc\t2\tCFF\t0\t4e00-9fff\n" +
		"garbage\n"
	cands := parseFontconfig([]byte(out))
	if len(cands) != 2 || cands[0].path != "/a/Regular.ttf" || cands[1].path != "/a/cjk.ttc" || cands[1].index != 2 || !cands[1].cover.has(0x4e2d) {
		t.Errorf("candidates %+v", cands)
	}
}

// TestFallbackFile sets Chinese, Japanese, Arabic, Cyrillic and Greek with
// a fallback file: no glyph is the empty box, the CJK glyphs come from the
// file, nothing is missing.
func TestFallbackFile(t *testing.T) {
	fs, err := LoadOptions(Options{Files: []string{cjkFont(t)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"中华人民共和国宪章", "日本国憲法 ひらがな カタカナ", "ميثاق الأمم المتحدة", "Устав Организации", "Χάρτης των Ηνωμένων Εθνών"} {
		for _, bold := range []bool{false, true} {
			line := fs.Layout(text, bold, 10)
			for _, g := range line.Glyphs {
				if g.ID == 0 {
					t.Errorf("%q: the empty box for %q", text, g.Text)
				}
				if r := []rune(g.Text); len(r) > 0 && unicode.In(r[0], unicode.Han, unicode.Hiragana, unicode.Katakana) && g.Face.Path != droid {
					t.Errorf("%q: %q set in %s", text, g.Text, g.Face.PostScriptName)
				}
			}
			if w := fs.Width(text, bold, 10); w != line.Width || w <= 0 {
				t.Errorf("%q: Width %g, Layout's %g", text, w, line.Width)
			}
		}
	}
	if m := fs.Missing(); len(m) > 0 {
		t.Errorf("missing %q", string(m))
	}
	// A CJK character is an em wide in Droid Sans Fallback.
	if w := fs.Width("中文", false, 10); w != 20 {
		t.Errorf("width of 中文 at 10 pt: %g", w)
	}
}

// TestMissing records the characters that no face has, and warns of them
// by script with what to install.
func TestMissing(t *testing.T) {
	fs, err := Load() // no fallback faces
	if err != nil {
		t.Fatal(err)
	}
	line := fs.Layout("Charter 宪章 ひら", false, 10)
	boxes := 0
	for _, g := range line.Glyphs {
		if g.ID == 0 {
			boxes++
		}
	}
	if boxes != 4 {
		t.Errorf("%d empty boxes, want 4", boxes)
	}
	if got := string(fs.Missing()); got != "ひら宪章" {
		t.Errorf("missing %q", got)
	}
	w := MissingWarning(fs.Missing())
	for _, want := range []string{"4 characters", "Han 宪章 (2, U+5BAA–U+7AE0)", "Hiragana ひら", "fonts-noto-cjk", "fonts-droid-fallback", "--font"} {
		if !strings.Contains(w, want) {
			t.Errorf("warning %q lacks %q", w, want)
		}
	}
	if MissingWarning(nil) != "" {
		t.Error("a warning for no character")
	}
	// A fallback file that lacks the character: still missing.
	if _, err := os.Stat(droid); err == nil {
		fs, _ := LoadOptions(Options{Files: []string{droid}})
		fs.Width("\U0002fffd", false, 10)
		if got := fs.Missing(); len(got) != 1 || got[0] != 0x2fffd {
			t.Errorf("missing %q", got)
		}
	}
}

// TestArabic shapes Arabic: letters take their joining forms, not the
// isolated ones, and the text runs right to left.
func TestArabic(t *testing.T) {
	fs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	beh, _, ok := fs.Regular.Glyph('ب')
	if !ok {
		t.Fatal("DejaVu Sans has no ب")
	}
	line := fs.Layout("ببب", false, 10)
	if len(line.Glyphs) != 3 {
		t.Fatalf("%d glyphs", len(line.Glyphs))
	}
	for i, g := range line.Glyphs {
		if g.ID == beh || g.ID == 0 {
			t.Errorf("glyph %d is the isolated form (%d)", i, g.ID)
		}
	}
	// Final, medial, initial from left to right: three different forms.
	if a, b, c := line.Glyphs[0].ID, line.Glyphs[1].ID, line.Glyphs[2].ID; a == b || b == c || a == c {
		t.Errorf("forms %d %d %d", a, b, c)
	}
	// Right to left: the first word is drawn on the right; the number,
	// left to right, on the left.
	line = fs.Layout("سلام 12", false, 10)
	first, last := line.Glyphs[0], line.Glyphs[len(line.Glyphs)-1]
	if first.Text != "1" || line.Glyphs[1].Text != "2" {
		t.Errorf("left end %q %q, want 1 2", first.Text, line.Glyphs[1].Text)
	}
	if last.Text != "س" {
		t.Errorf("right end %q, want س", last.Text)
	}
	if !line.Shaped || line.Plain {
		t.Error("not marked shaped")
	}
	if !RTL("سلام 12") || RTL("12 abc سلام") || !RTL("\u200fabc") || RTL("") {
		t.Error("RTL is wrong")
	}
}

// TestSystemFonts looks the system's fonts up (fontconfig here): a face
// for Chinese is found if one is installed.
func TestSystemFonts(t *testing.T) {
	cjkFont(t)
	fs, err := LoadOptions(Options{System: true})
	if err != nil {
		t.Fatal(err)
	}
	line := fs.Layout("中文", false, 10)
	for _, g := range line.Glyphs {
		if g.ID == 0 || g.Face == fs.Regular {
			t.Errorf("%q: glyph %d of %s", g.Text, g.ID, g.Face.PostScriptName)
		}
	}
	// Without fontconfig, the font directories: the same font is found.
	cands := scanDirs([]string{filepath.Dir(droid)}, false)
	if len(cands) == 0 || cands[0].path != droid || !cands[0].cover.has('中') {
		t.Errorf("scanning %s: %+v", filepath.Dir(droid), cands)
	}
}

func TestCheckFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x.ttf")
	os.WriteFile(bad, []byte("not a font at all"), 0o644)
	if err := CheckFile(bad); err == nil {
		t.Error("no error for a file that is no font")
	}
	if err := CheckFile(filepath.Join(dir, "none.ttf")); err == nil {
		t.Error("no error for a missing file")
	}
	good := filepath.Join(dir, "d.ttf")
	os.WriteFile(good, regularTTF, 0o644)
	if err := CheckFile(good); err != nil {
		t.Error(err)
	}
}

func TestFilesFromEnv(t *testing.T) {
	sep := string(filepath.ListSeparator)
	if got := FilesFromEnv("a.ttf" + sep + sep + "b.otf"); !slices.Equal(got, []string{"a.ttf", "b.otf"}) {
		t.Errorf("got %q", got)
	}
}

// TestLayoutConcurrent sets text with fallbacks and shaping from several
// goroutines (run with -race).
func TestLayoutConcurrent(t *testing.T) {
	fs, err := LoadOptions(Options{Files: []string{cjkFont(t)}})
	if err != nil {
		t.Fatal(err)
	}
	const text = "中文 ميثاق Жизнь"
	want := fs.Width(text, false, 10)
	done := make(chan bool)
	for range 4 {
		go func() {
			defer func() { done <- true }()
			for range 50 {
				if got := fs.Layout(text, false, 10).Width; got != want {
					t.Errorf("width %g, want %g", got, want)
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
