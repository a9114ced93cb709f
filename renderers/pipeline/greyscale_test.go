package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/png"
	"github.com/argmap/argmap/semantics"
)

// Greyscale: what must stay apart when a drawing is printed in grey, or
// seen by a colour-blind reader.
//
// Grey is Rec. 601 luma, Y′ = 0.299 R′ + 0.587 G′ + 0.114 B′ on the
// gamma-encoded sRGB values, from 0 to 255: what most greyscale conversions
// and printer drivers compute. Rec. 709 luma (0.2126, 0.7152, 0.0722), which
// weighs green more and red less, is checked too, with the same margin, so
// that the result does not hang on the formula. Colour blindness is
// checked roughly: deuteranopia (the commonest) simulated with the matrix
// of Machado, Oliveira and Fernandes (2009) at severity 1, and the
// simulated colours compared in CIELAB (ΔE 1976).
const (
	// minLuma is the least difference in grey, in levels of 255, between
	// marks told apart by colour alone.
	minLuma = 25.0
	// minDeutan is the least CIELAB difference between the simulated
	// colours of such marks.
	minDeutan = 20.0
	// maxDrift is how far the grey measured on the pixels may be from the
	// colour's: the renderer draws the colours it is given.
	maxDrift = 12.0
)

func luma601(c color.NRGBA) float64 {
	return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)
}

func luma709(c color.NRGBA) float64 {
	return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
}

// linear converts a gamma-encoded sRGB component to linear light.
func linear(v uint8) float64 {
	f := float64(v) / 255
	if f <= 0.04045 {
		return f / 12.92
	}
	return math.Pow((f+0.055)/1.055, 2.4)
}

// deutan returns c as a deuteranope sees it, in CIELAB (D65).
func deutan(c color.NRGBA) [3]float64 {
	r, g, b := linear(c.R), linear(c.G), linear(c.B)
	m := [3][3]float64{
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	}
	var s [3]float64
	for i := range s {
		s[i] = math.Max(0, math.Min(1, m[i][0]*r+m[i][1]*g+m[i][2]*b))
	}
	x := 0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := 0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x/0.95047), f(y), f(z/1.08883)
	return [3]float64{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// mark is one thing drawn that readers must tell from others: a relation's
// arrow or a status's border, with its attributes in the DOT (through
// Graphviz's json output, which keeps them) and its colour measured on the
// pixels.
type mark struct {
	name      string
	color     color.NRGBA // in the DOT
	style     string      // the dash: "solid", "dashed", "dotted"
	width     float64     // the line's width, in points
	arrowhead string      // for arrows
	measured  color.NRGBA // on the PNG
	fill      color.NRGBA // of a box, measured inside its border
}

// apart says whether a and b can be told apart without colour, and why
// not if not.
func apart(a, b mark) error {
	if a.style != b.style {
		return nil // told by the dash, whatever the colours
	}
	var why []string
	if d := math.Abs(luma601(a.color) - luma601(b.color)); d < minLuma {
		why = append(why, fmt.Sprintf("Rec. 601 luma %.0f and %.0f (%.1f apart)", luma601(a.color), luma601(b.color), d))
	}
	if d := math.Abs(luma709(a.color) - luma709(b.color)); d < minLuma {
		why = append(why, fmt.Sprintf("Rec. 709 luma %.0f and %.0f (%.1f apart)", luma709(a.color), luma709(b.color), d))
	}
	if d := math.Abs(luma601(a.measured) - luma601(b.measured)); d < minLuma {
		why = append(why, fmt.Sprintf("measured Rec. 601 luma %.0f and %.0f (%.1f apart)", luma601(a.measured), luma601(b.measured), d))
	}
	if d := deltaE(deutan(a.color), deutan(b.color)); d < minDeutan {
		why = append(why, fmt.Sprintf("for a deuteranope ΔE %.1f", d))
	}
	if len(why) > 0 {
		return fmt.Errorf("%s (%s) and %s (%s), both %s, are not apart: %s", a.name, hexColor(a.color), b.name, hexColor(b.color), a.style, strings.Join(why, "; "))
	}
	return nil
}

func hexColor(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// TestGreyscale draws the map of every mark with grounded semantics (so
// that every status is drawn) in each theme as a PNG, and checks that
// support and attack, and the three statuses, stay apart in grey and for a
// deuteranope: by their dash, or else by their lightness, both as the DOT
// gives their colours and as measured on the pixels. Support and attack
// must also differ in arrowhead and in line width or dash in every theme,
// so that they are told apart where their ends crowd, and each status's
// border must stand out from its box's fill in grey.
func TestGreyscale(t *testing.T) {
	ctx := t.Context()
	engine, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close(context.Background())
	file := filepath.Join(t.TempDir(), "marks.toml")
	if err := os.WriteFile(file, []byte(marksMap), 0o644); err != nil {
		t.Fatal(err)
	}
	m := loadMap(t, file)
	lab := labelling(t, m, evaluate.Options{Method: evaluate.Method{Semantics: semantics.Grounded}})
	for _, id := range []string{"e", "a", "f"} {
		if lab.Labels[id] != map[string]semantics.Label{"e": semantics.In, "a": semantics.Undec, "f": semantics.Out}[id] {
			t.Fatalf("the map of marks is not labelled as this test expects: %v", lab.Labels)
		}
	}
	for _, theme := range dot.Themes() {
		t.Run(theme, func(t *testing.T) {
			marks := drawMarks(t, engine, m, dot.Options{Theme: theme, Labelling: lab})
			support, attack := marks["support"], marks["attack"]
			t.Logf("%-10s %s %-6s %.1fpt %-6s  luma 601 %3.0f (measured %3.0f), 709 %3.0f", support.name, hexColor(support.color), support.style, support.width, support.arrowhead, luma601(support.color), luma601(support.measured), luma709(support.color))
			t.Logf("%-10s %s %-6s %.1fpt %-6s  luma 601 %3.0f (measured %3.0f), 709 %3.0f", attack.name, hexColor(attack.color), attack.style, attack.width, attack.arrowhead, luma601(attack.color), luma601(attack.measured), luma709(attack.color))
			if support.arrowhead == attack.arrowhead {
				t.Errorf("support and attack have the same arrowhead %s", support.arrowhead)
			}
			if support.style == attack.style && math.Abs(support.width-attack.width) < 0.5 {
				t.Errorf("support and attack are drawn alike, %s %gpt and %gpt: they need another dash or width as well as another arrowhead, which is lost where ends crowd", support.style, support.width, attack.width)
			}
			if err := apart(support, attack); err != nil {
				t.Error(err)
			}
			var statuses []mark
			for _, s := range []string{"accepted", "rejected", "undecided"} {
				st := marks[s]
				t.Logf("%-10s %s %-6s  luma 601 %3.0f (measured %3.0f), 709 %3.0f; fill %s, luma %3.0f", st.name, hexColor(st.color), st.style, luma601(st.color), luma601(st.measured), luma709(st.color), hexColor(st.fill), luma601(st.fill))
				if d := math.Abs(luma601(st.measured) - luma601(st.fill)); d < minLuma {
					t.Errorf("the %s border (luma %.0f) does not stand out from its box's fill (%.0f)", s, luma601(st.measured), luma601(st.fill))
				}
				statuses = append(statuses, st)
			}
			for i := range statuses {
				for j := i + 1; j < len(statuses); j++ {
					if err := apart(statuses[i], statuses[j]); err != nil {
						t.Error(err)
					}
				}
			}
			for _, mk := range marks {
				if d := math.Abs(luma601(mk.measured) - luma601(mk.color)); d > maxDrift {
					t.Errorf("%s: drawn %s, measured %s (luma %.0f against %.0f): the measurement is off", mk.name, hexColor(mk.color), hexColor(mk.measured), luma601(mk.measured), luma601(mk.color))
				}
			}
		})
	}
}

// drawMarks draws the map as a PNG at 192 dpi and returns the marks:
// "support" and "attack" (the arrows c → d, out of the inference dot, and
// e → f), and "accepted", "rejected" and "undecided" (the borders of e, f
// and a, with their boxes' fills).
func drawMarks(t *testing.T, engine Engine, m *arguments.Map, opts dot.Options) map[string]mark {
	t.Helper()
	var src bytes.Buffer
	if err := dot.Write(&src, m, opts); err != nil {
		t.Fatal(err)
	}
	outs, err := engine.Render(t.Context(), src.Bytes(), "json")
	if err != nil {
		t.Fatal(err)
	}
	data := outs[0]
	var g struct {
		BB          string      `json:"bb"`
		Pad         string      `json:"pad"`
		Objects     []jsonAttrs `json:"objects"`
		Edges       []jsonAttrs `json:"edges"`
		SubgraphCnt int         `json:"_subgraph_cnt"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	l, err := drawing.ReadLayout(data)
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
	var pngData bytes.Buffer
	const dpi = 192
	if err := png.Write(&pngData, d, fs, png.Options{DPI: dpi}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(&pngData)
	if err != nil {
		t.Fatal(err)
	}
	// From Graphviz's coordinates to the PNG's pixels, as packages drawing
	// and png go.
	var bb [4]float64
	for i, f := range strings.SplitN(g.BB, ",", 4) {
		bb[i], _ = strconv.ParseFloat(f, 64)
	}
	pad, _ := strconv.ParseFloat(g.Pad, 64)
	pad *= 72
	px := func(p drawing.Point) image.Point {
		return image.Pt(int(math.Round((p.X-bb[0]+pad)*dpi/72)), int(math.Round((bb[3]-p.Y+pad)*dpi/72)))
	}
	bg := d.Background
	attrs := func(a jsonAttrs, name string) mark {
		c, err := parseColorHex(a.Color)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w, _ := strconv.ParseFloat(a.Penwidth, 64)
		style := "solid"
		for _, s := range strings.Split(a.Style, ",") {
			if s == "dashed" || s == "dotted" {
				style = s
			}
		}
		return mark{name: name, color: c, style: style, width: w, arrowhead: a.Arrowhead}
	}

	marks := map[string]mark{}
	edges := map[string]drawing.Edge{}
	for _, e := range l.Edges {
		edges[e.ID] = e
	}
	for name, id := range map[string]string{"support": "c.supports.d", "attack": "e.attacks.f"} {
		var a *jsonAttrs
		for i := range g.Edges {
			if g.Edges[i].ID == id {
				a = &g.Edges[i]
			}
		}
		e, ok := edges[id]
		if a == nil || !ok {
			t.Fatalf("no arrow %s", id)
		}
		mk := attrs(*a, name)
		// The pixel most unlike the background near points along the
		// middle of the arrow: the stroke's core, where no antialiasing
		// blends it with the background.
		line := e.Splines[0]
		for k := 1; k <= 5; k++ {
			p := bezierAt(line, 0.3+0.1*float64(k-1))
			mk.measured = farthest(img, bg, px(p), 3, 3, mk.measured)
		}
		marks[name] = mk
	}
	nodes := map[string]drawing.Node{}
	for _, n := range l.Nodes {
		nodes[n.Name] = n
	}
	for name, id := range map[string]string{"accepted": "e", "rejected": "f", "undecided": "a"} {
		var a *jsonAttrs
		for i := range g.Objects {
			if i >= g.SubgraphCnt && g.Objects[i].Name == id {
				a = &g.Objects[i]
			}
		}
		n, ok := nodes[id]
		if a == nil || !ok {
			t.Fatalf("no box %s", id)
		}
		mk := attrs(*a, name)
		// Along the middle of the box's top side, where no arrow ends in
		// this map (long enough to take in the dashes of a dashed
		// border), and a point inside the box, left of its text (which
		// begins 9 points in).
		top := px(drawing.Point{X: n.X, Y: n.Y + n.Height/2})
		mk.measured = farthest(img, bg, top, 24, 4, color.NRGBA{})
		in := px(drawing.Point{X: n.X - n.Width/2 + 5, Y: n.Y})
		mk.fill = color.NRGBAModel.Convert(img.At(in.X, in.Y)).(color.NRGBA)
		marks[name] = mk
	}
	return marks
}

// jsonAttrs are the attributes of an object of Graphviz's json output that
// the test reads: the DOT's, kept.
type jsonAttrs struct {
	Name      string `json:"name"`
	ID        string `json:"id"`
	Color     string `json:"color"`
	Style     string `json:"style"`
	Penwidth  string `json:"penwidth"`
	Arrowhead string `json:"arrowhead"`
}

// bezierAt is the point at t (0 to 1) along a spline of cubic segments,
// each segment an equal share of t.
func bezierAt(s []drawing.Point, t float64) drawing.Point {
	n := (len(s) - 1) / 3
	k := min(int(t*float64(n)), n-1)
	u := t*float64(n) - float64(k)
	p0, p1, p2, p3 := s[3*k], s[3*k+1], s[3*k+2], s[3*k+3]
	v := 1 - u
	return drawing.Point{
		X: v*v*v*p0.X + 3*v*v*u*p1.X + 3*v*u*u*p2.X + u*u*u*p3.X,
		Y: v*v*v*p0.Y + 3*v*v*u*p1.Y + 3*v*u*u*p2.Y + u*u*u*p3.Y,
	}
}

// farthest returns, of best and the pixels within rx and ry of p, the one
// most unlike bg.
func farthest(img image.Image, bg color.NRGBA, p image.Point, rx, ry int, best color.NRGBA) color.NRGBA {
	dist := func(c color.NRGBA) float64 {
		if c.A == 0 {
			return -1
		}
		dr, dg, db := float64(c.R)-float64(bg.R), float64(c.G)-float64(bg.G), float64(c.B)-float64(bg.B)
		return dr*dr + dg*dg + db*db
	}
	for y := p.Y - ry; y <= p.Y+ry; y++ {
		for x := p.X - rx; x <= p.X+rx; x++ {
			if !(image.Point{x, y}).In(img.Bounds()) {
				continue
			}
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if dist(c) > dist(best) {
				best = c
			}
		}
	}
	return best
}

// parseColorHex parses the colours argmap writes: "#rrggbb".
func parseColorHex(s string) (color.NRGBA, error) {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		return color.NRGBA{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, nil
}
