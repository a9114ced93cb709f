package fonts

import (
	"math"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

func TestLoad(t *testing.T) {
	fs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []*Face{fs.Regular, fs.Bold} {
		if f.UnitsPerEm != 2048 || f.Ascent <= 0 || f.Descent >= 0 || f.CapHeight <= 0 || f.XMax <= f.XMin || f.YMax <= f.YMin {
			t.Errorf("%s: units %d, ascent %d, descent %d, cap height %d, box %d %d %d %d", f.PostScriptName, f.UnitsPerEm, f.Ascent, f.Descent, f.CapHeight, f.XMin, f.YMin, f.XMax, f.YMax)
		}
	}
	if fs.Face(true) != fs.Bold || fs.Face(false) != fs.Regular {
		t.Error("Face picks the wrong face")
	}
}

// TestWidth checks widths against the fonts' own advances, the glyph used
// for characters the fonts lack, and the absence of kerning.
func TestWidth(t *testing.T) {
	fs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	advance := func(f *Face, r rune) float64 {
		x, err := f.Font.GlyphIndex(nil, r)
		if err != nil {
			t.Fatal(err)
		}
		a, err := f.Font.GlyphAdvance(nil, x, fixed.Int26_6(f.UnitsPerEm), font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		return float64(a)
	}
	tests := []struct {
		name string
		face *Face
		text string
		size float64
		want float64 // in points; 0: the sum of the glyphs' advances
	}{
		{"empty", fs.Regular, "", 10, 0},
		{"ascii", fs.Regular, "Hello AV world", 10, 0},
		{"bold", fs.Bold, "POLICY", 8, 0},
		{"accents", fs.Regular, "Calderón Sarukhán “ï” – —", 11, 0},
		{"greek and cyrillic", fs.Regular, "αβγ Жизнь", 10, 0},
		// DejaVu Sans has no CJK: a missing character counts as an em.
		{"missing", fs.Regular, "中文", 10, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == 0 {
				for _, r := range tt.text {
					want += advance(tt.face, r) * tt.size / 2048
				}
			}
			if got := tt.face.Width(tt.text, tt.size); math.Abs(got-want) > 1e-9 {
				t.Errorf("Width(%q, %g) = %g, want %g", tt.text, tt.size, got, want)
			}
		})
	}
	r := fs.Regular
	if r.Width("AV", 10) != r.Width("A", 10)+r.Width("V", 10) {
		t.Error("Width kerns")
	}
	if r.Width("\u00a0", 10) != r.Width(" ", 10) {
		t.Error("a no-break space is not as wide as a space")
	}
	if _, _, ok := r.Glyph('中'); ok {
		t.Error("DejaVu Sans has a glyph for 中?")
	}
	if g, adv, ok := r.Glyph('é'); !ok || g == 0 || adv <= 0 {
		t.Errorf("Glyph('é') = %d, %d, %v", g, adv, ok)
	}
}

// TestConcurrent measures from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	fs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want := fs.Regular.Width("Sarukhán “x” Жизнь 中", 10)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				if got := fs.Regular.Width("Sarukhán “x” Жизнь 中", 10); got != want {
					t.Errorf("got %g, want %g", got, want)
					return
				}
				fs.Regular.Glyph('ж')
			}
		}()
	}
	wg.Wait()
}
