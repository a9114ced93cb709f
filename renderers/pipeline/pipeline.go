// Package pipeline draws an argument map in one of argmap render's output
// formats: it writes the map as DOT (package dot), has Graphviz lay it out
// (in two passes for a map too tangled for ranks), and turns Graphviz's
// output into the format: SVG finished by package svg, PNG or PDF drawn by
// packages png and pdf from Graphviz's json, or the DOT itself. In a map
// drawn in ranks, the ends of arrows that crowd on a box are moved apart
// (see drawing.SpreadEnds) in every format but DOT, which is Graphviz's
// input: the dot command draws them where Graphviz puts them.
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
	"os"
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
	// Fonts measure and draw the text. Nil means DejaVu Sans with the
	// fallback faces of the font files that the ARGMAP_FONTS variable
	// names, then of the system (see package fonts).
	Fonts *fonts.Set
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
	// Missing are the characters of the map that no font has: drawn as
	// empty boxes in PNG and PDF (an SVG viewer may have a font for them).
	Missing []rune
	// Warnings are what the user should know of the drawing: characters
	// that no font has (fonts.MissingWarning; for PNG and PDF), font files
	// that could not be read, text that PDF draws as shapes.
	Warnings []string
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
	fs := opts.Fonts
	if fs == nil {
		var err error
		fs, err = fonts.LoadOptions(fonts.Options{Files: fonts.FilesFromEnv(os.Getenv("ARGMAP_FONTS")), System: true})
		if err != nil {
			return res, err
		}
	}
	opts.Fonts = fs
	opts.Drawing.Fonts = fs
	var err error
	if opts.Page != nil || keyed(opts.Drawing) {
		res.Data, res.Fitted, err = renderFitted(ctx, engine, m, opts, res.Tangled, &res.Warnings)
	} else {
		res.Data, err = render(ctx, engine, m, opts, res.Tangled, &res.Warnings)
	}
	for _, e := range fs.FontErrors() {
		res.Warnings = append(res.Warnings, "cannot use a font: "+e)
	}
	// SVG viewers draw with their own fonts, which may have the
	// characters: only PNG and PDF, drawn here, are sure to lack them.
	if res.Missing = fs.Missing(); len(res.Missing) > 0 && (opts.Format == "png" || opts.Format == "pdf") {
		res.Warnings = append(res.Warnings, fonts.MissingWarning(res.Missing))
	}
	return res, err
}

// renderFitted draws a map fitted to a page, or with a key of claims: the
// layout is chosen by laying candidates out (see fit and keyedLayout).
func renderFitted(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool, warnings *[]string) ([]byte, *Fitted, error) {
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
	fs := opts.Fonts
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
		err = pdf.Write(&b, l.drawing, fs, pdf.Options{Title: docTitle(m, opts.Drawing), Layout: place, Warn: func(msg string) { *warnings = append(*warnings, msg) }})
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

func render(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool, warnings *[]string) ([]byte, error) {
	src, err := dotSource(ctx, engine, m, opts.Drawing, tangled)
	if err != nil {
		return nil, err
	}
	if opts.Format == "dot" {
		return src, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.Format == "svg" {
		out, moved, err := layOut(ctx, engine, src, "svg", tangled)
		if err != nil {
			return nil, err
		}
		return svg.Finish(svg.MoveEnds(out, moved), dot.Tooltips(m)), nil
	}
	out, moved, err := layOut(ctx, engine, src, "json", tangled)
	if err != nil {
		return nil, err
	}
	dr, err := drawing.ParseMoved(out, moved)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch opts.Format {
	case "png":
		err = png.Write(&b, dr, opts.Fonts, png.Options{DPI: opts.DPI})
	case "pdf":
		err = pdf.Write(&b, dr, opts.Fonts, pdf.Options{Title: docTitle(m, opts.Drawing), Warn: func(msg string) { *warnings = append(*warnings, msg) }})
	}
	return b.Bytes(), err
}

// dotSource writes the map's DOT with the options d, as the drawing is
// laid out: with the blocks below the figure as wide as a first layout
// measures the figure, or, for a tangled map, with the boxes where a first
// layout and Grid put them (see source).
func dotSource(ctx context.Context, engine Engine, m *arguments.Map, d dot.Options, tangled bool) ([]byte, error) {
	if !tangled && d.Width == 0 && dot.HasBlocks(m, d) {
		// The blocks below the figure (key, notes, sources) are set to
		// the figure's width, which a first layout measures.
		width, err := figureWidth(ctx, engine, m, d)
		if err != nil {
			return nil, err
		}
		d.Width = width
	}
	return source(ctx, engine, m, d, tangled)
}

// layOut lays out the DOT src and renders it in format, "svg" or "json",
// and says which ends of arrows to move apart (see drawing.SpreadEnds). A
// tangled map's drawing has no crowded ends: its arrows are straight, each
// aimed at the centre of the box it ends at.
func layOut(ctx context.Context, engine Engine, src []byte, format string, tangled bool) ([]byte, map[string]drawing.Point, error) {
	if tangled {
		outs, err := engine.Render(ctx, src, format)
		if err != nil {
			return nil, nil, err
		}
		return outs[0], nil, nil
	}
	if format == "json" {
		outs, err := engine.Render(ctx, src, "json")
		if err != nil {
			return nil, nil, err
		}
		l, err := drawing.ReadLayout(outs[0])
		if err != nil {
			return nil, nil, err
		}
		return outs[0], drawing.SpreadEnds(l), nil
	}
	// The SVG does not say where Graphviz put things as plainly: its dot
	// output, written from the same layout, does.
	outs, err := engine.Render(ctx, src, "dot", format)
	if err != nil {
		return nil, nil, err
	}
	l, err := drawing.ReadLayoutDOT(outs[0])
	if err != nil {
		return nil, nil, err
	}
	return outs[1], drawing.SpreadEnds(l), nil
}

// Layout returns where Graphviz put the parts of the map drawn as Render
// draws it (with crowded ends of arrows moved apart), for measuring the
// layout, and Graphviz's json output, as it laid it out. It is for maps
// drawn in ranks: for a tangled map it returns nil, and no error.
func Layout(ctx context.Context, engine Engine, m *arguments.Map, opts dot.Options) (*drawing.Layout, []byte, error) {
	if dot.Tangled(m) {
		return nil, nil, nil
	}
	src, err := dotSource(ctx, engine, m, opts, false)
	if err != nil {
		return nil, nil, err
	}
	out, moved, err := layOut(ctx, engine, src, "json", false)
	if err != nil {
		return nil, nil, err
	}
	l, err := drawing.ReadLayout(out)
	if err != nil {
		return nil, nil, err
	}
	l.Move(moved)
	return l, out, nil
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
