package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"os"
	"strings"
	"testing"

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

func TestWrite(t *testing.T) {
	d, fs := fixture(t)
	tests := []struct {
		name string
		dpi  float64
	}{
		{"default", 0},
		{"screen", 96},
		{"print", 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, d, fs, Options{DPI: tt.dpi}); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
				t.Fatal("not a PNG")
			}
			img, err := stdpng.Decode(bytes.NewReader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			dpi := tt.dpi
			if dpi == 0 {
				dpi = DefaultDPI
			}
			want := image.Pt(int(math.Ceil(d.Width*dpi/72)), int(math.Ceil(d.Height*dpi/72)))
			if img.Bounds().Size() != want {
				t.Errorf("size %v, want %v", img.Bounds().Size(), want)
			}
			var again bytes.Buffer
			if err := Write(&again, d, fs, Options{DPI: tt.dpi}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), b.Bytes()) {
				t.Error("two runs give different images")
			}
		})
	}
}

// TestPixels checks that boxes are filled and text is drawn: the page is
// mostly white, each box's fill colour appears, and dark text pixels exist.
func TestPixels(t *testing.T) {
	d, fs := fixture(t)
	var b bytes.Buffer
	if err := Write(&b, d, fs, Options{DPI: 72}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	fills := map[color.NRGBA]bool{}
	for _, sh := range d.Shapes {
		if sh.Kind == drawing.Bezier && sh.Fill.A == 255 {
			fills[sh.Fill] = false
		}
	}
	white, dark := 0, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c == (color.NRGBA{255, 255, 255, 255}) {
				white++
			}
			if int(c.R)+int(c.G)+int(c.B) < 150 {
				dark++
			}
			if _, ok := fills[c]; ok {
				fills[c] = true
			}
		}
	}
	total := bounds.Dx() * bounds.Dy()
	if white < total/3 {
		t.Errorf("only %d of %d pixels are white", white, total)
	}
	if dark < 200 {
		t.Errorf("only %d dark pixels: is the text drawn?", dark)
	}
	for c, seen := range fills {
		if !seen {
			t.Errorf("no pixel of the fill colour %v", c)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	d, fs := fixture(t)
	tests := []struct {
		name string
		d    *drawing.Drawing
		dpi  float64
		want string
	}{
		{"dpi too low", d, 0.5, "out of range"},
		{"dpi too high", d, 5000, "out of range"},
		{"empty", &drawing.Drawing{}, 0, "empty drawing"},
		{"too large", &drawing.Drawing{Width: 100000, Height: 100000}, 0, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tt.d, fs, Options{DPI: tt.dpi})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestStroke checks the outline of a pen stroke: a horizontal segment of
// width 2 covers the rectangle plus round caps, whatever the direction it
// is drawn in.
func TestStroke(t *testing.T) {
	area := func(poly []pt) float64 {
		a := 0.0
		for i, p := range poly {
			q := poly[(i+1)%len(poly)]
			a += p.x*q.y - q.x*p.y
		}
		return math.Abs(a) / 2
	}
	for _, line := range [][]pt{{{0, 0}, {100, 0}}, {{100, 0}, {0, 0}}, {{0, 0}, {50, 0}, {100, 0}}} {
		polys := stroke(line, false, 20)
		if len(polys) != 1 {
			t.Fatalf("%d polygons, want one outline", len(polys))
		}
		// The rectangle and two half discs of radius 10, the discs
		// within a tenth of a pixel.
		// An inscribed polygon loses at most the tolerance times the
		// perimeter.
		want := 100*20 + math.Pi*100
		if got := area(polys[0]); got > want+0.01 || got < want-0.1*2*math.Pi*10 {
			t.Errorf("%v: area %.3f, want %.3f", line, got, want)
		}
	}
	// A closed square stroked: two rings, turning opposite ways.
	square := []pt{{0, 0}, {10, 0}, {10, 10}, {0, 10}}
	if polys := stroke(square, true, 2); len(polys) != 2 {
		t.Errorf("%d polygons for a closed outline, want 2", len(polys))
	}
	if polys := stroke([]pt{{3, 3}, {3, 3}}, false, 20); len(polys) != 1 || area(polys[0]) > math.Pi*100 || area(polys[0]) < math.Pi*100-0.1*2*math.Pi*10 {
		t.Errorf("a point is not drawn as a disc: %v", polys)
	}
}

func TestDashes(t *testing.T) {
	length := func(p []pt) float64 {
		l := 0.0
		for i := 1; i < len(p); i++ {
			l += math.Hypot(p[i].x-p[i-1].x, p[i].y-p[i-1].y)
		}
		return l
	}
	tests := []struct {
		name    string
		poly    []pt
		closed  bool
		pattern []float64
		scale   float64
		n       int     // dashes
		total   float64 // drawn length
	}{
		{"line", []pt{{0, 0}, {70, 0}}, false, []float64{5, 2}, 1, 10, 50},
		{"scaled", []pt{{0, 0}, {140, 0}}, false, []float64{5, 2}, 2, 10, 100},
		{"corner", []pt{{0, 0}, {3, 0}, {3, 4}}, false, []float64{5, 2}, 1, 1, 5},
		{"closed square", []pt{{0, 0}, {7, 0}, {7, 7}, {0, 7}}, true, []float64{5, 2}, 1, 4, 20},
		{"dotted", []pt{{0, 0}, {60, 0}}, false, []float64{1, 5}, 1, 10, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := dashes(tt.poly, tt.closed, tt.pattern, tt.scale)
			total := 0.0
			for _, d := range ds {
				total += length(d)
			}
			if len(ds) != tt.n || math.Abs(total-tt.total) > 1e-6 {
				t.Errorf("%d dashes, %.3f long; want %d, %.3f", len(ds), total, tt.n, tt.total)
			}
		})
	}
}

// TestWritePage draws the fixture on an A4 page at 150 dpi, scaled by a
// half: the image is the page in pixels (1240 × 1754), white but for the
// drawing, which starts at the layout's corner.
func TestWritePage(t *testing.T) {
	d, fs := fixture(t)
	l, top, r, _ := page.Content(d)
	lay := &page.Layout{Width: 595.28, Height: 841.89, Scale: 0.5, Left: 42.52, Top: 42.52, Right: r,
		Frames: []page.Frame{{Left: l, Top: top, Bottom: d.Height - d.Pad}}}
	var b bytes.Buffer
	if err := Write(&b, d, fs, Options{DPI: 150, Layout: lay}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != image.Pt(1240, 1754) {
		t.Fatalf("size %v, want 1240 × 1754", got)
	}
	// Where ink is: within the drawing's place on the page.
	minX, minY, maxX, maxY := img.Bounds().Max.X, img.Bounds().Max.Y, 0, 0
	for y := range img.Bounds().Max.Y {
		for x := range img.Bounds().Max.X {
			if r, g, b, _ := img.At(x, y).RGBA(); r < 0xe000 || g < 0xe000 || b < 0xe000 {
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
			}
		}
	}
	px := func(pt float64) int { return int(pt * 150 / 72) }
	if minX < px(42.52)-1 || minY < px(42.52)-1 || maxX > px(42.52+(r-l)*0.5)+1 || maxY > px(42.52+(d.Height-2*d.Pad)*0.5)+1 || maxX < px(42.52+(r-l)*0.4) {
		t.Errorf("ink from %d,%d to %d,%d; want within %d,%d to %d,%d", minX, minY, maxX, maxY,
			px(42.52), px(42.52), px(42.52+(r-l)*0.5), px(42.52+(d.Height-2*d.Pad)*0.5))
	}
}
