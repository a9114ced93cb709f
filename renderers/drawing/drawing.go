// Package drawing reads what Graphviz drew — its json output, with the
// drawing operations of every node, edge and label — as a flat list of
// shapes and texts on a page, for the renderers that draw it themselves
// (png and pdf).
//
// Coordinates are in points, on a page whose origin is its top-left corner,
// with y growing downwards, as in SVG; the page includes the graph's
// padding. The shapes are in the order they are drawn: the graph's
// background and label, then every edge and node in Graphviz's output
// order. A text drawn for a cell of an HTML-like label with an HREF keeps
// its address (Shape.Link), for the renderers that make links.
//
// A Layout is the other reading, for measuring a layout and moving what
// crowds in it: where the nodes, the edges' splines and the clusters are,
// in Graphviz's coordinates, read from its json output (ReadLayout) or its
// dot output (ReadLayoutDOT). SpreadEnds finds the ends of arrows that
// crowd on a box and how far to move them, and ParseMoved draws them moved.
package drawing

import (
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
)

// Drawing is a whole picture.
type Drawing struct {
	Width, Height float64 // the page, in points
	Background    color.NRGBA
	Shapes        []Shape
	// Pad is the blank margin Graphviz left around the graph, in points:
	// the graph is drawn within Pad of each edge.
	Pad float64
}

// Part is what part of the graph a shape draws.
type Part uint8

const (
	GraphPart   Part = iota // the graph's background and label
	ClusterPart             // a cluster's frame and label
	NodePart                // a node: a box and its text
	EdgePart                // an edge: its line, arrowheads and labels
)

// Kind is what a Shape is.
type Kind uint8

const (
	Polygon  Kind = iota + 1 // a closed polygon through Points
	Polyline                 // an open polyline through Points
	Bezier                   // a cubic Bézier spline: Points[0], then three points per segment
	Ellipse                  // an ellipse with centre Points[0] and radii Points[1]
	Text                     // Text at Points[0], on its baseline
)

// Shape is one drawing operation.
type Shape struct {
	Kind   Kind
	Points []Point
	// Fill and Stroke are the colours to fill and outline the shape with;
	// a zero alpha means not to. Text is drawn in Fill.
	Fill, Stroke color.NRGBA
	LineWidth    float64 // points
	// Dash is the dash pattern of the outline, in points, alternately drawn
	// and skipped; nil for a solid line. Graphviz's dashed style is 5, 2 and
	// its dotted style 1, 5, as in its SVG.
	Dash []float64

	// For texts.
	Text  string
	Size  float64 // points
	Bold  bool
	Font  string // the family Graphviz was given
	Align byte   // 'l', 'c' or 'r': which end of the text Points[0] is
	Width float64

	// Part and Object say what the shape draws: the graph, or the
	// cluster, node or edge of that id (its name, if it has no id).
	Part   Part
	Object string
	// Link is the address the text leads to: the HREF of the cell of an
	// HTML-like label the text is in, or "".
	Link string
}

// Point is a point on the page.
type Point struct{ X, Y float64 }

// op is one operation of Graphviz's json output.
type op struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Grad     string       `json:"grad"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Fontchar int          `json:"fontchar"`
	Style    string       `json:"style"`
}

type object struct {
	Name       string `json:"name"`
	ID         string `json:"id"`
	Label      string `json:"label"`
	Pos        string `json:"pos"`
	WidthIn    string `json:"width"`
	HeightIn   string `json:"height"`
	Draw       []op   `json:"_draw_"`
	LabelDraw  []op   `json:"_ldraw_"`
	HeadDraw   []op   `json:"_hdraw_"`
	TailDraw   []op   `json:"_tdraw_"`
	HeadLabel  []op   `json:"_hldraw_"`
	TailLabel  []op   `json:"_tldraw_"`
	ExtraLabel []op   `json:"_xldraw_"`
}

type graphJSON struct {
	object
	BB          string   `json:"bb"`
	Pad         string   `json:"pad"`
	Bgcolor     string   `json:"bgcolor"`
	OutputOrder string   `json:"outputorder"`
	Objects     []object `json:"objects"`
	Edges       []object `json:"edges"`
	SubgraphCnt int      `json:"_subgraph_cnt"`
}

// Box is where Graphviz put a node: its centre, in points, in Graphviz's
// coordinates (y upwards), and its size in points.
type Box struct {
	X, Y, Width, Height float64
}

// Boxes reads the nodes' boxes from Graphviz's json output, by node name.
func Boxes(data []byte) (map[string]Box, error) {
	var g graphJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("drawing: reading Graphviz's json output: %w", err)
	}
	sub := min(max(g.SubgraphCnt, 0), len(g.Objects))
	boxes := make(map[string]Box, len(g.Objects)-sub)
	for _, o := range g.Objects[sub:] {
		pos, err := floats(o.Pos, 2)
		if err != nil {
			return nil, fmt.Errorf("drawing: position %q of %s: %w", o.Pos, o.Name, err)
		}
		w, err := floats(o.WidthIn, 1)
		if err != nil {
			return nil, fmt.Errorf("drawing: width %q of %s: %w", o.WidthIn, o.Name, err)
		}
		h, err := floats(o.HeightIn, 1)
		if err != nil {
			return nil, fmt.Errorf("drawing: height %q of %s: %w", o.HeightIn, o.Name, err)
		}
		boxes[o.Name] = Box{X: pos[0], Y: pos[1], Width: w[0] * 72, Height: h[0] * 72}
	}
	return boxes, nil
}

// defaultPad is Graphviz's padding when the graph sets none: 4 points.
const defaultPad = 4.0

// Parse reads the output of Graphviz's json renderer (-Tjson).
func Parse(data []byte) (*Drawing, error) { return ParseMoved(data, nil) }

// ParseMoved reads the output of Graphviz's json renderer, with the ends
// of the edges that moved names (by id) moved as SpreadEnds says: each
// such edge's arrowhead moves by its distance, in Graphviz's coordinates,
// and the end of its spline with it (see MoveEnd).
func ParseMoved(data []byte, moved map[string]Point) (*Drawing, error) {
	var g graphJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("drawing: reading Graphviz's json output: %w", err)
	}
	bb, err := floats(g.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("drawing: bounding box %q: %w", g.BB, err)
	}
	pad := defaultPad
	if g.Pad != "" {
		p, err := floats(g.Pad, 1)
		if err != nil {
			return nil, fmt.Errorf("drawing: pad %q: %w", g.Pad, err)
		}
		pad = p[0] * 72
	}
	d := &Drawing{
		Width:  bb[2] - bb[0] + 2*pad,
		Height: bb[3] - bb[1] + 2*pad,
		Pad:    pad,
	}
	// Graphviz's coordinates grow upwards from the bounding box's corner.
	tr := func(x, y float64) Point { return Point{x - bb[0] + pad, bb[3] - y + pad} }
	d.Background = color.NRGBA{255, 255, 255, 255}
	if g.Bgcolor != "" {
		c, err := parseColor(g.Bgcolor)
		if err != nil {
			return nil, fmt.Errorf("drawing: background: %w", err)
		}
		d.Background = c
	}
	st := &state{tr: tr}
	add := func(part Part, o *object, ops ...[]op) error {
		name := o.ID
		if name == "" {
			name = o.Name
		}
		from := len(d.Shapes)
		for _, list := range ops {
			if err := st.run(d, list); err != nil {
				return err
			}
		}
		for i := range d.Shapes[from:] {
			d.Shapes[from+i].Part, d.Shapes[from+i].Object = part, name
		}
		return nil
	}
	// addObject draws an object, and links the texts of its label's cells
	// that have an HREF.
	addObject := func(part Part, o *object, extra ...[]op) error {
		if err := add(part, o, o.Draw); err != nil {
			return err
		}
		start := len(d.Shapes)
		if err := add(part, o, o.LabelDraw); err != nil {
			return err
		}
		link(d.Shapes[start:], o.Label)
		return add(part, o, extra...)
	}
	if err := addObject(GraphPart, &g.object); err != nil {
		return nil, err
	}
	// Subgraphs come first among the objects, then the nodes.
	sub := min(max(g.SubgraphCnt, 0), len(g.Objects))
	for i := range g.Objects[:sub] {
		if err := addObject(ClusterPart, &g.Objects[i]); err != nil {
			return nil, err
		}
	}
	nodes := func() error {
		for i := range g.Objects[sub:] {
			o := &g.Objects[sub+i]
			if err := addObject(NodePart, o, o.ExtraLabel); err != nil {
				return err
			}
		}
		return nil
	}
	edges := func() error {
		for i := range g.Edges {
			e := &g.Edges[i]
			if d, ok := moved[e.ID]; ok {
				e.Draw, e.HeadDraw = moveEnd(e.Draw, e.HeadDraw, d)
			}
			if err := add(EdgePart, e, e.Draw, e.TailDraw, e.HeadDraw, e.LabelDraw, e.TailLabel, e.HeadLabel, e.ExtraLabel); err != nil {
				return err
			}
		}
		return nil
	}
	first, second := nodes, edges
	if g.OutputOrder == "edgesfirst" {
		first, second = edges, nodes
	}
	if err := first(); err != nil {
		return nil, err
	}
	if err := second(); err != nil {
		return nil, err
	}
	return d, nil
}

// moveEnd returns an edge's drawing operations with its end moved by d:
// the last spline of draw (see MoveEnd), and every point of head, its
// arrowhead. The operations are copied, not changed.
func moveEnd(draw, head []op, d Point) ([]op, []op) {
	draw = slices.Clone(draw)
	for i := len(draw) - 1; i >= 0; i-- {
		if o := &draw[i]; o.Op == "b" || o.Op == "B" {
			pts := make([]Point, len(o.Points))
			for k, p := range o.Points {
				pts[k] = Point{p[0], p[1]}
			}
			MoveEnd(pts, d)
			o.Points = make([][2]float64, len(pts))
			for k, p := range pts {
				o.Points[k] = [2]float64{p.X, p.Y}
			}
			break
		}
	}
	head = slices.Clone(head)
	for i := range head {
		o := &head[i]
		if len(o.Points) > 0 {
			pts := make([][2]float64, len(o.Points))
			for k, p := range o.Points {
				pts[k] = [2]float64{p[0] + d.X, p[1] + d.Y}
			}
			o.Points = pts
		}
		if len(o.Rect) == 4 {
			o.Rect = []float64{o.Rect[0] + d.X, o.Rect[1] + d.Y, o.Rect[2], o.Rect[3]}
		}
	}
	return draw, head
}

// state is the graphics state of a list of operations: Graphviz sets colours,
// fonts and styles, then draws with them.
type state struct {
	tr    func(x, y float64) Point
	pen   color.NRGBA
	fill  color.NRGBA
	width float64
	dash  []float64
	size  float64
	face  string
	bold  bool
}

func (s *state) run(d *Drawing, ops []op) error {
	// Each list starts from Graphviz's defaults.
	*s = state{tr: s.tr, pen: color.NRGBA{0, 0, 0, 255}, fill: color.NRGBA{0, 0, 0, 255}, width: 1, size: 14, face: "Times-Roman"}
	for _, o := range ops {
		switch o.Op {
		case "c", "C":
			c, err := parseColor(o.Color)
			if err != nil {
				return fmt.Errorf("drawing: %w", err)
			}
			if o.Op == "c" {
				s.pen = c
			} else {
				s.fill = c
			}
		case "S":
			s.style(o.Style)
		case "F":
			s.size, s.face = o.Size, o.Face
		case "t":
			s.bold = o.Fontchar&1 != 0
		case "P", "p", "L", "B", "b":
			pts := make([]Point, len(o.Points))
			for i, p := range o.Points {
				pts[i] = s.tr(p[0], p[1])
			}
			kind := map[string]Kind{"P": Polygon, "p": Polygon, "L": Polyline, "B": Bezier, "b": Bezier}[o.Op]
			if kind == Bezier && (len(pts) < 4 || (len(pts)-1)%3 != 0) {
				return fmt.Errorf("drawing: a Bézier spline of %d points", len(pts))
			}
			if len(pts) == 0 {
				continue
			}
			sh := Shape{Kind: kind, Points: pts, Stroke: s.pen, LineWidth: s.width, Dash: s.dash}
			// Upper case is filled (and outlined), lower case outlined only.
			if o.Op == "P" || o.Op == "B" {
				sh.Fill = s.fill
			}
			d.Shapes = append(d.Shapes, sh)
		case "E", "e":
			if len(o.Rect) != 4 {
				return fmt.Errorf("drawing: an ellipse of %d numbers", len(o.Rect))
			}
			sh := Shape{Kind: Ellipse, Points: []Point{s.tr(o.Rect[0], o.Rect[1]), {o.Rect[2], o.Rect[3]}},
				Stroke: s.pen, LineWidth: s.width, Dash: s.dash}
			if o.Op == "E" {
				sh.Fill = s.fill
			}
			d.Shapes = append(d.Shapes, sh)
		case "T":
			if len(o.Pt) != 2 {
				return fmt.Errorf("drawing: a text position of %d numbers", len(o.Pt))
			}
			align := byte('c')
			if o.Align == "l" || o.Align == "r" {
				align = o.Align[0]
			}
			d.Shapes = append(d.Shapes, Shape{Kind: Text, Points: []Point{s.tr(o.Pt[0], o.Pt[1])}, Fill: s.pen,
				Text: o.Text, Size: s.size, Bold: s.bold, Font: s.face, Align: align, Width: o.Width})
		case "I":
			return errors.New("drawing: images are not supported")
		}
		// Other operations (gradients, the xdot version) change nothing
		// argmap draws.
	}
	return nil
}

// style applies one of Graphviz's style strings: "setlinewidth(2.5)",
// "dashed", "solid", ...
func (s *state) style(st string) {
	switch {
	case strings.HasPrefix(st, "setlinewidth(") && strings.HasSuffix(st, ")"):
		if w, err := strconv.ParseFloat(st[len("setlinewidth("):len(st)-1], 64); err == nil && w >= 0 {
			s.width = w
		}
	case st == "dashed":
		s.dash = []float64{5, 2}
	case st == "dotted":
		s.dash = []float64{1, 5}
	case st == "solid":
		s.dash = nil
	case st == "bold":
		s.width = 2
	}
}

// floats parses n comma-separated numbers.
func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) < n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i := range out {
		f, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

// parseColor parses Graphviz's resolved colours: "#rrggbb" or "#rrggbbaa",
// and the few names it leaves as they are.
func parseColor(s string) (color.NRGBA, error) {
	switch strings.ToLower(s) {
	case "black":
		return color.NRGBA{0, 0, 0, 255}, nil
	case "white":
		return color.NRGBA{255, 255, 255, 255}, nil
	case "transparent", "none", "":
		return color.NRGBA{}, nil
	}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return color.NRGBA{}, fmt.Errorf("unsupported colour %q", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, fmt.Errorf("unsupported colour %q", s)
	}
	if len(s) == 7 {
		v = v<<8 | 0xff
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}
