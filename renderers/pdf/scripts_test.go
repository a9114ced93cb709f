package pdf

import (
	"image/color"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
)

// scriptTexts are claims in Chinese, Japanese, Arabic, Russian and Greek.
var scriptTexts = []string{
	"各会员国在其国际关系上不得使用威胁或武力",
	"すべての加盟国は、武力の行使を慎まなければならない",
	"يمتنع أعضاء الهيئة جميعاً عن التهديد باستعمال القوة",
	"Все Члены Организации воздерживаются от угрозы силой",
	"Όλα τα μέλη απέχουν από τη χρήση βίας",
}

// scriptsDrawing is a page with each text on a line, the Arabic one as
// Graphviz places a right-aligned line.
func scriptsDrawing() *drawing.Drawing {
	d := &drawing.Drawing{Width: 400, Height: 200, Background: color.NRGBA{255, 255, 255, 255}}
	for i, text := range scriptTexts {
		d.Shapes = append(d.Shapes, drawing.Shape{Kind: drawing.Text, Points: []drawing.Point{{X: 20, Y: 30 + 30*float64(i)}},
			Text: text, Size: 12, Align: 'l', Width: 300, Fill: color.NRGBA{0, 0, 0, 255}, Bold: i == 1})
	}
	return d
}

// TestScripts writes the texts with a CJK fallback face, TrueType: every
// text is read back by pdftotext (the Arabic in reading order), the
// fallback face is embedded as a subset, and the document stays small.
func TestScripts(t *testing.T) {
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian package fonts-droid-fallback)", droid)
		}
		t.Skip("no " + droid)
	}
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI needs %s", tool)
			}
			t.Skipf("%s not installed (Debian package poppler-utils)", tool)
		}
	}
	fs, err := fonts.LoadOptions(fonts.Options{Files: []string{droid}})
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	doc := write(t, scriptsDrawing(), fs, Options{Warn: func(s string) { warnings = append(warnings, s) }})
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if m := fs.Missing(); len(m) > 0 {
		t.Errorf("missing %q", string(m))
	}
	name := t.TempDir() + "/scripts.pdf"
	if err := os.WriteFile(name, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", name, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// pdftotext puts right-to-left text between embedding marks, and a
	// space before an Arabic vowel mark, which is a glyph of its own.
	text := strings.Map(func(r rune) rune {
		if r >= 0x202a && r <= 0x202e {
			return -1
		}
		return r
	}, string(out))
	text = regexp.MustCompile(` (\p{Mn})`).ReplaceAllString(text, "$1")
	for _, want := range scriptTexts {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext: no %q in\n%s", want, text)
		}
	}
	info, err := exec.Command("pdffonts", name).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, info)
	}
	// DejaVu Sans, regular and bold, and Droid Sans Fallback, for regular
	// and bold text: one face, one font.
	if n := strings.Count(string(info), "CID TrueType      Identity-H       yes yes yes"); n != 3 {
		t.Errorf("pdffonts: want 3 embedded subset fonts with Unicode maps:\n%s", info)
	}
	// The fallback face is a 4 MB file: only the glyphs used are kept
	// (32 KB).
	if len(doc) > 60_000 {
		t.Errorf("the document is %d bytes", len(doc))
	}
	t.Logf("%d bytes", len(doc))
}
