// Package pipeline draws an argument map in one of argmap render's output
// formats: it writes the map as DOT (package dot), has Graphviz lay it out
// (in two passes for a map too tangled for ranks), and turns Graphviz's
// output into the format: SVG finished by package svg, PNG or PDF drawn by
// packages png and pdf from Graphviz's json, or the DOT itself.
//
// Graphviz is an Engine, so that the caller chooses how it runs (in this
// process, or in a server); this package runs nothing itself.
package pipeline

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
	"github.com/argmap/argmap/renderers/pdf"
	"github.com/argmap/argmap/renderers/png"
	"github.com/argmap/argmap/renderers/svg"
)

// Engine lays out a DOT graph and renders it in each of formats, by
// Graphviz's names ("svg", "json"), as package graphviz's Engine does.
type Engine interface {
	Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error)
}

// Format is an output format: its name, and the file extensions that
// select it.
type Format struct {
	Name string
	Exts []string
}

// Formats returns the output formats, the default first.
func Formats() []Format {
	return []Format{
		{"svg", []string{".svg"}},
		{"png", []string{".png"}},
		{"pdf", []string{".pdf"}},
		{"dot", []string{".dot", ".gv"}},
	}
}

// Options say what to draw and how.
type Options struct {
	// Format is the name of one of Formats.
	Format string
	// Drawing are the options of the drawing itself.
	Drawing dot.Options
	// DPI is the resolution of PNG output; zero means png.DefaultDPI.
	DPI float64
	// Page, if not nil, fits the drawing to a page: the layout is searched
	// (Drawing's direction, measures and spacing, and, unless KeepShow, the
	// boxes' fields) for the first that puts every text at least
	// Page.MinText on the page, and the drawing is scaled to the page; PDF
	// output is cut into pages of that size, SVG and PNG output are a page
	// wide (and tall, or taller if the figure is). See Result.Fitted.
	Page *page.Spec
	// KeepShow keeps Drawing.Show as it is in the search, as when the user
	// chose it.
	KeepShow bool
}

// Result is what Render drew.
type Result struct {
	// Data is the drawing, in the format asked for.
	Data []byte
	// Tangled is whether the map was too tangled to be drawn in ranks
	// (see dot.Tangled): Options.Drawing's Direction and GroupBy did not
	// apply. It is set even when Render fails.
	Tangled bool
	// Fitted, if not nil, says how the drawing was fitted to Options.Page,
	// or laid out with a key of claims (Drawing.Show without the claim).
	Fitted *Fitted
}

// Render draws the map. For DOT output, Graphviz is asked only for a map
// that is tangled, or that has blocks below its figure (see
// dot.HasBlocks), whose width a first layout measures.
func Render(ctx context.Context, engine Engine, m *arguments.Map, opts Options) (Result, error) {
	res := Result{Tangled: dot.Tangled(m)}
	if !formatKnown(opts.Format) {
		return res, fmt.Errorf("unknown format %q: use one of %s", opts.Format, strings.Join(names(), ", "))
	}
	var err error
	if opts.Page != nil || keyed(opts.Drawing) {
		res.Data, res.Fitted, err = renderFitted(ctx, engine, m, opts, res.Tangled)
		return res, err
	}
	res.Data, err = render(ctx, engine, m, opts, res.Tangled)
	return res, err
}

// renderFitted draws a map fitted to a page, or with a key of claims: the
// layout is chosen by laying candidates out (see fit and keyedLayout).
func renderFitted(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool) ([]byte, *Fitted, error) {
	var formats []string
	if opts.Format == "svg" {
		formats = []string{"svg"}
	}
	var l *laidOut
	var f *Fitted
	var err error
	if opts.Page != nil {
		l, f, err = fit(ctx, engine, m, opts, tangled, formats)
	} else {
		l, f, err = keyedLayout(ctx, engine, m, opts, tangled, formats)
	}
	if err != nil {
		return nil, nil, err
	}
	var place *page.Layout
	if opts.Page != nil {
		one := opts.Page.PlaceOne(l.drawing)
		place = &one
	}
	if opts.Format == "dot" {
		return l.src, f, nil
	}
	fs, err := fonts.Load()
	if err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	switch opts.Format {
	case "svg":
		out := svg.Finish(l.outs[1], dot.Tooltips(m))
		if place != nil {
			out = svg.Place(out, *place)
		}
		return out, f, nil
	case "png":
		err = png.Write(&b, l.drawing, fs, png.Options{DPI: opts.DPI, Layout: place})
	case "pdf":
		if opts.Page != nil {
			pages := opts.Page.Place(l.drawing)
			place = &pages
		}
		err = pdf.Write(&b, l.drawing, fs, pdf.Options{Title: docTitle(m, opts.Drawing), Layout: place})
	}
	return b.Bytes(), f, err
}

// docTitle is the title of a PDF document: the map's, or the one drawn.
func docTitle(m *arguments.Map, d dot.Options) string {
	if d.Title != nil {
		return *d.Title
	}
	return m.Title
}

func render(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool) ([]byte, error) {
	d := opts.Drawing
	var src bytes.Buffer
	if !tangled && d.Width == 0 && dot.HasBlocks(m, d) {
		width, err := figureWidth(ctx, engine, m, d)
		if err != nil {
			return nil, err
		}
		d.Width = width
	}
	if err := dot.Write(&src, m, d); err != nil {
		return nil, err
	}
	if tangled {
		// Too tangled for ranks: place the arguments by forces, then on a
		// grid in that order, and draw them there.
		outs, err := engine.Render(ctx, src.Bytes(), "json")
		if err != nil {
			return nil, fmt.Errorf("placing the arguments: %w", err)
		}
		boxes, err := drawing.Boxes(outs[0])
		if err != nil {
			return nil, err
		}
		places := make(map[string]dot.Place, len(boxes))
		for id, b := range boxes {
			places[id] = dot.Place(b)
		}
		d.Places = dot.Grid(places)
		src.Reset()
		if err := dot.Write(&src, m, d); err != nil {
			return nil, err
		}
	}
	if opts.Format == "dot" {
		return src.Bytes(), nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.Format == "svg" {
		outs, err := engine.Render(ctx, src.Bytes(), "svg")
		if err != nil {
			return nil, err
		}
		return svg.Finish(outs[0], dot.Tooltips(m)), nil
	}
	outs, err := engine.Render(ctx, src.Bytes(), "json")
	if err != nil {
		return nil, err
	}
	dr, err := drawing.Parse(outs[0])
	if err != nil {
		return nil, err
	}
	fs, err := fonts.Load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch opts.Format {
	case "png":
		err = png.Write(&b, dr, fs, png.Options{DPI: opts.DPI})
	case "pdf":
		title := m.Title
		if d.Title != nil {
			title = *d.Title
		}
		err = pdf.Write(&b, dr, fs, pdf.Options{Title: title})
	}
	return b.Bytes(), err
}

func formatKnown(name string) bool {
	for _, f := range Formats() {
		if f.Name == name {
			return true
		}
	}
	return false
}

func names() []string {
	var ns []string
	for _, f := range Formats() {
		ns = append(ns, f.Name)
	}
	return ns
}

// figureWidth measures the width of the figure of m drawn with d, for the
// blocks below it (see dot.HasBlocks) and the legend to be set to: a first
// layout, with the blocks as narrow as they go, measures the cluster
// around the figure.
func figureWidth(ctx context.Context, engine Engine, m *arguments.Map, d dot.Options) (float64, error) {
	d.Width = 1
	var src bytes.Buffer
	if err := dot.Write(&src, m, d); err != nil {
		return 0, err
	}
	// Graphviz's dot output has the bounding boxes, and is written in half
	// the time of its json output.
	outs, err := engine.Render(ctx, src.Bytes(), "dot")
	if err != nil {
		return 0, fmt.Errorf("measuring the figure: %w", err)
	}
	width, err := boxWidth(outs[0], dot.FigureCluster)
	if err != nil {
		return 0, fmt.Errorf("measuring the figure: %w", err)
	}
	return max(math.Floor(width), 1), nil
}

// boxWidth reads the width of the bounding box of a graph laid out, from
// Graphviz's dot output: the graph's, for cluster "", or else that of the
// subgraph cluster, in points.
func boxWidth(out []byte, cluster string) (float64, error) {
	re := graphBox
	if cluster != "" {
		re = regexp.MustCompile(`(?m)^\s*subgraph ` + regexp.QuoteMeta(cluster) + ` \{\s*graph \[bb="([^"]*)"`)
	}
	m := re.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("no bounding box of %q in Graphviz's output", cmp.Or(cluster, "the graph"))
	}
	var x0, y0, x1, y1 float64
	if _, err := fmt.Sscanf(string(m[1]), "%g,%g,%g,%g", &x0, &y0, &x1, &y1); err != nil {
		return 0, fmt.Errorf("bounding box %q: %w", m[1], err)
	}
	return x1 - x0, nil
}

// graphBox finds the graph's bounding box in Graphviz's dot output: its
// first attribute.
var graphBox = regexp.MustCompile(`^\s*(?:strict\s+)?(?:di)?graph [^{]*\{\s*graph \[bb="([^"]*)"`)
