package png

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"image"
	"image/color"
	"image/draw"
	stdpng "image/png"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"golang.org/x/image/vector"

	"github.com/argmap/argmap/renderers/drawing"
)

func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		data := make([]byte, rng.IntN(200000))
		for i := range data {
			data[i] = byte(rng.IntN(256))
		}
		cut := 0
		if len(data) > 0 {
			cut = rng.IntN(len(data) + 1)
		}
		a, b := data[:cut], data[cut:]
		if got, want := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)), adler32.Checksum(data); got != want {
			t.Fatalf("combine of %d and %d bytes: %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

func TestAdler(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 7, 8, 9, 5551, 5552, 5553, 100000} {
		for _, fill := range []int{0, 255, -1} {
			data := make([]byte, n)
			for i := range data {
				if fill < 0 {
					data[i] = byte(rng.IntN(256))
				} else {
					data[i] = byte(fill)
				}
			}
			if got, want := adler(data), adler32.Checksum(data); got != want {
				t.Errorf("%d bytes of %d: %08x, want %08x", n, fill, got, want)
			}
		}
	}
}

func BenchmarkAdler(b *testing.B) {
	data := make([]byte, 1<<20)
	for i := range data {
		data[i] = byte(i * 7)
	}
	b.SetBytes(int64(len(data)))
	b.Run("hash/adler32", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			adler32.Checksum(data)
		}
	})
	b.Run("adler", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			adler(data)
		}
	})
}

func TestChecksumOfFilteredRows(t *testing.T) {
	const stride = 1 + 3*50
	rng := rand.New(rand.NewPCG(3, 4))
	raw := make([]byte, 40*stride)
	for y := range 40 {
		row := raw[y*stride+1 : (y+1)*stride]
		if y > 0 && rng.IntN(2) == 0 {
			copy(row, raw[(y-1)*stride+1:y*stride])
			continue
		}
		for i := range row {
			row[i] = byte(rng.IntN(4))
		}
	}
	filterRows(raw, stride)
	if got, want := checksum(raw, stride), adler32.Checksum(raw); got != want {
		t.Errorf("checksum %08x, want %08x", got, want)
	}
}

// idat returns the concatenated IDAT data of a PNG file.
func idat(t *testing.T, file []byte) []byte {
	t.Helper()
	var out []byte
	for p := 8; p+8 <= len(file); {
		n := int(binary.BigEndian.Uint32(file[p:]))
		if string(file[p+4:p+8]) == "IDAT" {
			out = append(out, file[p+8:p+8+n]...)
		}
		p += 12 + n
	}
	return out
}

// TestZlibStream reads the whole zlib stream of an image, checksum
// included, which image/png's decoder stops short of.
func TestZlibStream(t *testing.T) {
	d, fs := fixture(t)
	var b bytes.Buffer
	if err := Write(&b, d, fs, Options{DPI: 150}); err != nil {
		t.Fatal(err)
	}
	zr, err := zlib.NewReader(bytes.NewReader(idat(t, b.Bytes())))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("reading the zlib stream: %v", err)
	}
	w, h := int(math.Ceil(d.Width*150/72)), int(math.Ceil(d.Height*150/72))
	if len(raw) != h*(1+3*w) {
		t.Errorf("%d bytes of rows, want %d", len(raw), h*(1+3*w))
	}
}

// TestCores checks that the bytes do not depend on how many strips are
// painted at once.
func TestCores(t *testing.T) {
	d, fs := fixture(t)
	render := func() []byte {
		var b bytes.Buffer
		if err := Write(&b, d, fs, Options{DPI: 200}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	prev := runtime.GOMAXPROCS(1)
	one := render()
	runtime.GOMAXPROCS(4)
	four := render()
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(one, four) {
		t.Error("one core and four give different images")
	}
}

// TestTransparent draws on a transparent background: the image has an
// alpha channel, not premultiplied, and the shapes keep their colour.
func TestTransparent(t *testing.T) {
	red := color.NRGBA{200, 0, 0, 128}
	d := &drawing.Drawing{Width: 20, Height: 20, Background: color.NRGBA{}, Shapes: []drawing.Shape{
		{Kind: drawing.Polygon, Points: []drawing.Point{{X: 5, Y: 5}, {X: 15, Y: 5}, {X: 15, Y: 15}, {X: 5, Y: 15}}, Fill: red},
	}}
	var b bytes.Buffer
	if err := Write(&b, d, nil, Options{DPI: 72}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := img.(*image.NRGBA); !ok {
		t.Fatalf("decoded as %T, want NRGBA", img)
	}
	// Premultiplied while painting: within a level.
	if got := img.At(10, 10).(color.NRGBA); got.A != red.A || absDiff(got.R, red.R) > 1 || got.G != 0 || got.B != 0 {
		t.Errorf("inside: %v, want %v", got, red)
	}
	if got := img.At(1, 1).(color.NRGBA); got.A != 0 {
		t.Errorf("outside: %v, want transparent", got)
	}
}

// TestPaintMatchesReference paints random polygons, long thin strokes
// among them, and compares the strips' pixels with a reference: each
// polygon set rasterized over the whole image by golang.org/x/image/vector
// and composited by it, as the renderer did before it painted in strips.
func TestPaintMatchesReference(t *testing.T) {
	const w, h = 300, 260
	rng := rand.New(rand.NewPCG(5, 6))
	var items []item
	for range 60 {
		var polys [][]pt
		if rng.IntN(2) == 0 {
			// A stroked polyline across the image.
			line := []pt{{rng.Float64() * w, rng.Float64() * h}, {rng.Float64() * w, rng.Float64() * h}, {rng.Float64() * w, rng.Float64() * h}}
			polys = stroke(line, false, 0.5+rng.Float64()*4)
		} else {
			var poly []pt
			cx, cy, r := rng.Float64()*w, rng.Float64()*h, 5+rng.Float64()*60
			for k := range 3 + rng.IntN(6) {
				a := float64(k) * 2 * math.Pi / 7
				poly = append(poly, pt{cx + r*math.Cos(a)*(0.5+rng.Float64()), cy + r*math.Sin(a)*(0.5+rng.Float64())})
			}
			polys = [][]pt{poly}
		}
		c := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), []uint8{255, 255, 128, 40}[rng.IntN(4)]}
		pl := &planner{height: h}
		pl.add(polys, c)
		items = append(items, pl.items...)
	}
	var b bytes.Buffer
	if err := encode(&b, w, h, color.NRGBA{255, 255, 255, 255}, items); err != nil {
		t.Fatal(err)
	}
	got, err := stdpng.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(want, want.Bounds(), image.White, image.Point{}, draw.Src)
	var z vector.Rasterizer
	for _, it := range items {
		z.Reset(w, h)
		for _, poly := range it.polys {
			z.MoveTo(float32(poly[0].x), float32(poly[0].y))
			for _, q := range poly[1:] {
				z.LineTo(float32(q.x), float32(q.y))
			}
			z.ClosePath()
		}
		z.DrawOp = draw.Over
		z.Draw(want, want.Bounds(), image.NewUniform(it.color), image.Point{})
	}
	worst, off := 0, 0
	for y := range h {
		for x := range w {
			g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
			r := want.RGBAAt(x, y)
			d := max(absDiff(g.R, r.R), absDiff(g.G, r.G), absDiff(g.B, r.B))
			worst = max(worst, d)
			if d > 2 {
				off++
			}
		}
	}
	// The mask has 8 bits of coverage where the reference has 16, and
	// each composite rounds: a few levels apart where many translucent
	// shapes overlap.
	if worst > 8 || off > w*h/1000 {
		t.Errorf("pixels differ from the reference by up to %d levels; %d by more than 2", worst, off)
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
