package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"os"
	"testing"

	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
)

// textImage draws one text at 12 pt, 144 dpi.
func textImage(t *testing.T, fs *fonts.Set, text string) *image.NRGBA {
	t.Helper()
	d := &drawing.Drawing{Width: 260, Height: 30, Background: color.NRGBA{255, 255, 255, 255}, Shapes: []drawing.Shape{
		{Kind: drawing.Text, Points: []drawing.Point{{X: 5, Y: 20}}, Text: text, Size: 12, Align: 'l', Fill: color.NRGBA{0, 0, 0, 255}},
	}}
	var b bytes.Buffer
	if err := Write(&b, d, fs, Options{DPI: 144}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	out := image.NewNRGBA(img.Bounds())
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

// TestScripts draws Chinese, Japanese, Arabic, Russian and Greek with a
// CJK fallback face: no glyph is the empty box (the glyph lookup), and each
// character is drawn as its own glyph, not as the box (the pixels: each
// CJK character differs from the box drawn without the fallback, and from
// the others).
func TestScripts(t *testing.T) {
	const droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs %s (Debian package fonts-droid-fallback)", droid)
		}
		t.Skip("no " + droid)
	}
	with, err := fonts.LoadOptions(fonts.Options{Files: []string{droid}})
	if err != nil {
		t.Fatal(err)
	}
	without, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"各会员国不得使用武力", "すべての加盟国は", "يمتنع أعضاء الهيئة", "Все Члены Организации", "Όλα τα μέλη"} {
		for _, g := range with.Layout(text, false, 12).Glyphs {
			if g.ID == 0 {
				t.Errorf("%q: %q drawn as the empty box", text, g.Text)
			}
		}
		if dark := darkPixels(textImage(t, with, text)); dark < 100 {
			t.Errorf("%q: only %d dark pixels", text, dark)
		}
	}
	if m := with.Missing(); len(m) > 0 {
		t.Errorf("missing %q", string(m))
	}
	box := textImage(t, without, "中")
	if len(without.Missing()) != 1 {
		t.Fatalf("without the fallback, missing %q", string(without.Missing()))
	}
	seen := map[string]string{}
	for _, r := range "中国武力すべ" {
		img := textImage(t, with, string(r))
		if bytes.Equal(img.Pix, box.Pix) {
			t.Errorf("%c is drawn as the empty box", r)
		}
		if other, ok := seen[string(img.Pix)]; ok {
			t.Errorf("%c and %s are drawn alike", r, other)
		}
		seen[string(img.Pix)] = string(r)
	}
}

func darkPixels(img *image.NRGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if int(img.Pix[i])+int(img.Pix[i+1])+int(img.Pix[i+2]) < 300 {
			n++
		}
	}
	return n
}
