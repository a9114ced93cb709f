package png

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// canvas is a strip of the image's rows, laid out as PNG rows: a filter
// byte, then the pixels, RGB for an opaque image, otherwise RGBA with the
// colours premultiplied by alpha while painting.
type canvas struct {
	pix    []byte
	width  int // pixels
	bpp    int // bytes per pixel: 3 or 4
	stride int // 1 + bpp·width
	top    int // the image row of the strip's first row
	rows   int
}

// offset is where the pixel (x, y), in image coordinates, is in pix.
func (c *canvas) offset(x, y int) int { return (y-c.top)*c.stride + 1 + c.bpp*x }

// clear fills the strip with a colour.
func (c *canvas) clear(bg color.NRGBA) {
	px := []byte{bg.R, bg.G, bg.B}
	if c.bpp == 4 {
		// Premultiplied.
		a := uint32(bg.A)
		px = []byte{uint8((uint32(bg.R)*a + 127) / 255), uint8((uint32(bg.G)*a + 127) / 255), uint8((uint32(bg.B)*a + 127) / 255), bg.A}
	}
	row := c.pix[:c.stride]
	row[0] = 0
	for i := 1; i < len(row); i += c.bpp {
		copy(row[i:], px)
	}
	for y := 1; y < c.rows; y++ {
		copy(c.pix[y*c.stride:(y+1)*c.stride], row)
	}
}

// painter paints display-list items into a canvas. Each goroutine has its
// own.
type painter struct {
	canvas *canvas
	raster vector.Rasterizer
	edges  [][2]pt // the edges paintBand is rasterizing
	mask   []uint8 // its coverage mask
}

// band is the height, in pixels, of the strips that paint rasterizes a
// shape in.
const band = 32

// paint fills an item's polygons with its colour, within the canvas.
// Overlapping polygons of the same orientation make a union: the
// rasterizer clamps coverage at full.
//
// A shape is rasterized in bands of rows, each only as wide as the edges
// that cross it, into a coverage mask that is then composited where it is
// not empty: the bounding box of a long diagonal arrow is mostly empty,
// and a box's interior is covered fully, which needs no blending.
func (p *painter) paint(it *item) {
	c := p.canvas
	top, limit := max(it.top, c.top), min(it.limit, c.top+c.rows)
	for y := top; y < limit; y += band {
		p.paintBand(it, y, min(y+band, limit))
	}
}

// paintBand paints the rows [top, bottom) of an item.
func (p *painter) paintBand(it *item, top, bottom int) {
	ft, fb := float64(top), float64(bottom)
	// The horizontal extent of the edges within the band: outside it, no
	// edge crosses the band's rows, so nothing there is covered.
	minX, maxX := math.Inf(1), math.Inf(-1)
	p.edges = p.edges[:0]
	for _, poly := range it.polys {
		if len(poly) < 3 {
			continue
		}
		for i, a := range poly {
			q := poly[(i+1)%len(poly)]
			lo, hi := math.Min(a.y, q.y), math.Max(a.y, q.y)
			if hi < ft || lo > fb {
				continue
			}
			p.edges = append(p.edges, [2]pt{a, q})
			xa, xb := a.x, q.x
			if a.y != q.y {
				// Where the edge enters and leaves the band.
				at := func(y float64) float64 { return a.x + (q.x-a.x)*(y-a.y)/(q.y-a.y) }
				xa, xb = at(math.Max(lo, ft)), at(math.Min(hi, fb))
			}
			minX, maxX = math.Min(minX, math.Min(xa, xb)), math.Max(maxX, math.Max(xa, xb))
		}
	}
	if len(p.edges) == 0 {
		return
	}
	r := image.Rect(int(math.Floor(minX)), top, int(math.Ceil(maxX))+1, bottom).Intersect(image.Rect(0, top, p.canvas.width, bottom))
	if r.Empty() {
		return
	}
	w, h := r.Dx(), r.Dy()
	p.raster.Reset(w, h)
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	// Each edge on its own: the rasterizer sums the edges' signed
	// coverage, so a path's edges may be added in any order.
	for _, e := range p.edges {
		p.raster.MoveTo(float32(e[0].x)-ox, float32(e[0].y)-oy)
		p.raster.LineTo(float32(e[1].x)-ox, float32(e[1].y)-oy)
	}
	if len(p.mask) < w*h {
		p.mask = make([]uint8, w*h)
	}
	mask := &image.Alpha{Pix: p.mask[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
	p.raster.DrawOp = draw.Src
	p.raster.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	p.composite(r, mask, it.color)
}

// composite draws a colour over the rectangle r of the canvas through the
// coverage mask, whose origin is r's.
func (p *painter) composite(r image.Rectangle, mask *image.Alpha, c color.NRGBA) {
	cv := p.canvas
	cr, cg, cb, ca := uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
	const one = 255 * 255
	const half = one / 2
	// Eight pixels of the colour, to copy where eight in a row are fully
	// covered by an opaque colour.
	var run [32]byte
	for i := range 8 {
		copy(run[i*cv.bpp:], []byte{c.R, c.G, c.B, 0xff}[:cv.bpp])
	}
	for y := range r.Dy() {
		row := mask.Pix[y*mask.Stride : y*mask.Stride+r.Dx()]
		pix := cv.pix[cv.offset(r.Min.X, r.Min.Y+y):]
		if cv.bpp == 3 {
			for x := 0; x < len(row); x++ {
				if x&7 == 0 && x+8 <= len(row) {
					switch binary.LittleEndian.Uint64(row[x:]) {
					case 0:
						x += 7
						continue
					case ^uint64(0):
						if ca == 0xff {
							copy(pix[3*x:3*x+24], run[:24])
							x += 7
							continue
						}
					}
				}
				m := row[x]
				i := 3 * x
				switch {
				case m == 0:
				case m == 0xff && ca == 0xff:
					pix[i], pix[i+1], pix[i+2] = c.R, c.G, c.B
				default:
					// out = src·a + dst·(1 − a), a the colour's alpha
					// times the coverage, in 255ths squared.
					a := ca * uint32(m)
					inv := one - a
					pix[i] = uint8((uint32(pix[i])*inv + cr*a + half) / one)
					pix[i+1] = uint8((uint32(pix[i+1])*inv + cg*a + half) / one)
					pix[i+2] = uint8((uint32(pix[i+2])*inv + cb*a + half) / one)
				}
			}
			continue
		}
		for x, m := range row {
			i := 4 * x
			switch {
			case m == 0:
			case m == 0xff && ca == 0xff:
				pix[i], pix[i+1], pix[i+2], pix[i+3] = c.R, c.G, c.B, 0xff
			default:
				// Premultiplied: out = src·a + dst·(1 − a).
				a := ca * uint32(m)
				inv := one - a
				pix[i] = uint8((uint32(pix[i])*inv + cr*a + half) / one)
				pix[i+1] = uint8((uint32(pix[i+1])*inv + cg*a + half) / one)
				pix[i+2] = uint8((uint32(pix[i+2])*inv + cb*a + half) / one)
				pix[i+3] = uint8((uint32(pix[i+3])*inv + 255*a + half) / one)
			}
		}
	}
}

// unpremultiply turns the canvas's premultiplied RGBA into PNG's RGBA.
func (c *canvas) unpremultiply() {
	if c.bpp != 4 {
		return
	}
	for y := range c.rows {
		row := c.pix[y*c.stride+1 : (y+1)*c.stride]
		for i := 0; i < len(row); i += 4 {
			a := uint32(row[i+3])
			if a == 0 || a == 0xff {
				continue
			}
			for k := range 3 {
				row[i+k] = uint8(min((uint32(row[i+k])*255+a/2)/a, 255))
			}
		}
	}
}
