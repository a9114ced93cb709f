package page

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

// TestParseSize is a table of page sizes as users write them, good and bad.
func TestParseSize(t *testing.T) {
	a4w, a4h := 595.28, 841.89
	tests := []struct {
		in   string
		w, h float64
		err  string // a piece of the error, "" for none
	}{
		{"a4", a4w, a4h, ""},
		{"A4", a4w, a4h, ""},
		{" A4 ", a4w, a4h, ""},
		{"letter", 612, 792, ""},
		{"LETTER", 612, 792, ""},
		{"Letter", 612, 792, ""},
		{"a5", 419.53, 595.28, ""},
		{"a3", 841.89, 1190.55, ""},
		{"legal", 612, 1008, ""},
		{"210x297mm", a4w, a4h, ""},
		{"210X297MM", a4w, a4h, ""},
		{"210 x 297 mm", a4w, a4h, ""},
		{"210×297mm", a4w, a4h, ""},
		{"210*297mm", a4w, a4h, ""},
		{"21x29.7cm", a4w, a4h, ""},
		{"8.5x11in", 612, 792, ""},
		{"8.5inx11in", 612, 792, ""},
		{"8.5inx279.4mm", 612, 792, ""},
		{"595x842pt", 595, 842, ""},
		{"595.5x842.25pt", 595.5, 842.25, ""},
		{".5x.5in", 0, 0, "out of range"}, // half an inch
		{"1x1in", 72, 72, ""},
		{"297x210mm", a4h, a4w, ""}, // landscape as given
		{"200x200in", 14400, 14400, ""},
		{"201x200in", 0, 0, "out of range"},
		{"0x297mm", 0, 0, "out of range"},
		{"210x297", 0, 0, `has no unit: write 210x297mm, 210x297in or 210x297pt`},
		{"210x297px", 0, 0, "unknown page size"},
		{"210mmx297", 0, 0, "unknown page size"}, // the unit goes last
		{"a6", 0, 0, "unknown page size"},
		{"", 0, 0, "unknown page size"},
		{"x", 0, 0, "unknown page size"},
		{"210x", 0, 0, "unknown page size"},
		{"x297mm", 0, 0, "unknown page size"},
		{"-210x297mm", 0, 0, "unknown page size"},
		{"210x-297mm", 0, 0, "unknown page size"},
		{"1e3x297mm", 0, 0, "unknown page size"},
		{"210x297x10mm", 0, 0, "unknown page size"},
		{"210,5x297mm", 0, 0, "unknown page size"},
		{"NaNxNaNmm", 0, 0, "unknown page size"},
		{"infxinfmm", 0, 0, "unknown page size"},
		{"99999999999999999999x297mm", 0, 0, "out of range"},
		{"210x297mm;rm -rf", 0, 0, "unknown page size"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSize(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseSize(%q) = %+v, %v; want an error with %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseSize(%q): %v", tt.in, err)
			}
			if !near(got.Width, tt.w) || !near(got.Height, tt.h) {
				t.Errorf("ParseSize(%q) = %g × %g, want %g × %g", tt.in, got.Width, got.Height, tt.w, tt.h)
			}
		})
	}
}

// TestParseSizeProperties checks, over a grid of numbers and units, that
// every size read back is the number times its unit, and that only sizes
// of one to 200 inches a side are taken.
func TestParseSizeProperties(t *testing.T) {
	for _, unit := range []string{"mm", "cm", "in", "pt"} {
		for _, w := range []float64{0.5, 1, 2.54, 25.4, 72, 100, 210, 1000, 14400, 20000} {
			for _, h := range []float64{1, 297, 5080} {
				in := strconv.FormatFloat(w, 'f', -1, 64) + "x" + strconv.FormatFloat(h, 'f', -1, 64) + unit
				got, err := ParseSize(in)
				ww, hh := w*units[unit], h*units[unit]
				ok := ww >= MinSide-1e-9 && ww <= MaxSide+1e-9 && hh >= MinSide-1e-9 && hh <= MaxSide+1e-9
				if ok != (err == nil) {
					t.Errorf("ParseSize(%q): error %v, want an error %v", in, err, !ok)
					continue
				}
				if ok && (!near(got.Width, ww) || !near(got.Height, hh)) {
					t.Errorf("ParseSize(%q) = %g × %g, want %g × %g", in, got.Width, got.Height, ww, hh)
				}
			}
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"a4", "Letter", "210x297mm", "8.5x11in", "595x842pt", "21x29.7cm", "210x297", "x", "", "1e9x1mm", "8.5inx297mm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		size, err := ParseSize(s)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
				t.Errorf("error %q is not UTF-8", err)
			}
			return
		}
		for _, side := range []float64{size.Width, size.Height} {
			if math.IsNaN(side) || side < MinSide-1e-9 || side > MaxSide+1e-9 {
				t.Fatalf("ParseSize(%q) = %g × %g: out of range", s, size.Width, size.Height)
			}
		}
		// The name it gives reads back as the same size.
		again, err := ParseSize(size.Name)
		if err != nil || !near(again.Width, size.Width) || !near(again.Height, size.Height) {
			t.Errorf("ParseSize(%q) = %+v, but its name reads back as %+v, %v", s, size, again, err)
		}
	})
}

func TestParseLength(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"15mm", 42.52, true},
		{"1.5cm", 42.52, true},
		{"0.5in", 36, true},
		{"36pt", 36, true},
		{"36PT", 36, true},
		{" 10 mm ", 28.35, true},
		{"0", 0, true},
		{"0mm", 0, true},
		{"15", 0, false},
		{"-5mm", 0, false},
		{"1e2mm", 0, false},
		{"mm", 0, false},
		{"NaNmm", 0, false},
		{"15px", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseLength(tt.in)
		if (err == nil) != tt.ok || tt.ok && !near(got, tt.want) {
			t.Errorf("ParseLength(%q) = %g, %v; want %g, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestSpec(t *testing.T) {
	a4, _ := ParseSize("a4")
	wide, _ := ParseSize("297x210mm")
	tests := []struct {
		name         string
		spec         Spec
		w, h         float64
		describe     string
		textW, textH float64
	}{
		{"portrait", Spec{Size: a4, Margin: DefaultMargin}, 595.28, 841.89, "A4 portrait", 510.24, 756.85},
		{"landscape", Spec{Size: a4, Orientation: "landscape", Margin: DefaultMargin}, 841.89, 595.28, "A4 landscape", 756.85, 510.24},
		{"portrait asked", Spec{Size: a4, Orientation: "portrait"}, 595.28, 841.89, "A4 portrait", 595.28, 841.89},
		{"as given", Spec{Size: wide}, 841.89, 595.28, "297x210mm landscape", 841.89, 595.28},
		{"turned", Spec{Size: wide, Orientation: "portrait"}, 595.28, 841.89, "297x210mm portrait", 595.28, 841.89},
	}
	for _, tt := range tests {
		w, h := tt.spec.Page()
		tw, th := tt.spec.Text()
		if !near(w, tt.w) || !near(h, tt.h) || !near(tw, tt.textW) || !near(th, tt.textH) || tt.spec.Describe() != tt.describe {
			t.Errorf("%s: page %g × %g, text %g × %g, %q; want %g × %g, %g × %g, %q", tt.name, w, h, tw, th, tt.spec.Describe(), tt.w, tt.h, tt.textW, tt.textH, tt.describe)
		}
	}
	s := Spec{Size: a4, Margin: DefaultMargin, MinText: 7}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	s.Margin = mm(100)
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "leave at least an inch") {
		t.Errorf("a margin of 100 mm on A4: %v", err)
	}
	// Scale: to the width, never enlarged; with FitPage, to the height too.
	s = Spec{Size: a4, Margin: DefaultMargin}
	for _, tt := range []struct {
		fit  Fit
		w, h float64
		want float64
	}{
		{FitWidth, 1020.48, 100, 0.5},
		{FitWidth, 100, 5000, 1},
		{FitWidth, 255.12, 100, 1},
		{FitPage, 1020.48, 100, 0.5},
		{FitPage, 100, 1513.7, 0.5},
	} {
		s.Fit = tt.fit
		if got := s.Scale(tt.w, tt.h); !near(got, tt.want) {
			t.Errorf("%v: scale of %g × %g = %g, want %g", tt.fit, tt.w, tt.h, got, tt.want)
		}
	}
}
