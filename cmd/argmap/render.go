package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/pdf"
	"github.com/argmap/argmap/renderers/png"
	"github.com/argmap/argmap/renderers/svg"
	"github.com/argmap/argmap/semantics"
)

// renderFormats are the output formats of argmap render, the default first,
// with the file extensions that select them.
var renderFormats = []struct {
	name string
	exts []string
}{
	{"svg", []string{".svg"}},
	{"png", []string{".png"}},
	{"pdf", []string{".pdf"}},
	{"dot", []string{".dot", ".gv"}},
}

func renderFormatNames() []string {
	var names []string
	for _, f := range renderFormats {
		names = append(names, f.name)
	}
	return names
}

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "draw an argument map as SVG, PNG, PDF or Graphviz DOT",
		ArgsUsage: "FILE",
		Description: `Draws the map whose root file is FILE (with the files it includes): each
argument a box with its kind, party, claim, id and sources, each relation an
arrow, green for support and red with a bar for attack, with the map's title
and a legend. In SVG, hovering over a box shows its whole claim and sources,
over an arrow its note. The map is checked first, as argmap check does;
problems are reported on standard error, and errors stop the drawing.

The output goes to standard output, or to OUT with -o; OUT is replaced only
once the drawing is complete. The format is --format, or OUT's extension
(.svg, .png, .pdf, .dot or .gv), or SVG.

The first drawing starts a Graphviz server in the background, which later
drawings use, to save starting Graphviz each time; it ends after 5 minutes
without a drawing. ARGMAP_RENDER_SERVER=off (or CI set) does without it.

Exit status: 0 drawn, 1 errors in the map (or warnings with --strict) or a
failed drawing, 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "output",
				Aliases: []string{"o"},
				Usage:   "write to `OUT` instead of standard output",
			},
			&cli.StringFlag{
				Name:    "format",
				Aliases: []string{"f"},
				Usage:   "output format: " + strings.Join(renderFormatNames(), ", ") + " (default: from OUT's extension, else svg)",
			},
			&cli.StringFlag{
				Name:  "direction",
				Usage: "the way arrows point: RL (the default: conclusions on the left), LR, TB or BT",
			},
			&cli.StringFlag{
				Name:  "group-by",
				Usage: "frame the arguments of each " + strings.Join(dot.Groupings(), ", or each "),
			},
			&cli.StringFlag{
				Name:  "theme",
				Usage: "light (the default), dark, or print: black on white, nothing told by colour alone",
			},
			&cli.StringFlag{
				Name:  "title",
				Usage: "draw `TEXT` as the title instead of the map's title (\"\" for none)",
			},
			&cli.BoolFlag{
				Name:  "legend",
				Value: true,
				Usage: "draw the legend (--legend=false or --no-legend to leave it out)",
			},
			&cli.BoolFlag{
				Name:  "no-legend",
				Usage: "leave the legend out",
			},
			&cli.Float64Flag{
				Name:        "dpi",
				Usage:       "resolution of PNG output, in dots per inch",
				DefaultText: strconv.Itoa(png.DefaultDPI),
			},
			&cli.BoolFlag{
				Name:  "strict",
				Usage: "do not draw a map with warnings",
			},
			&cli.StringFlag{
				Name:    "semantics",
				Aliases: []string{"s"},
				Usage:   "colour each argument by its label (accepted, rejected, undecided) under this semantics: " + "grounded, complete, preferred, stable, semi-stable, stage or ideal",
			},
			&cli.StringFlag{Name: "support", Value: "deductive", Usage: "with --semantics: how supports are read: deductive, necessary or ignore"},
			&cli.StringFlag{Name: "without", Usage: "with --semantics: label the map with these arguments withdrawn: `ID,...`"},
		},
		Action: runRender,
	}
}

func runRender(c *cli.Context) error {
	out := c.String("output")
	format, err := renderFormat(c.String("format"), out)
	if err != nil {
		return err
	}
	dpi := c.Float64("dpi")
	if c.IsSet("dpi") {
		if format != "png" {
			return usageError("--dpi applies to PNG output only, not %s", format)
		}
		if dpi < 1 || dpi > 2400 {
			return usageError("--dpi %g is out of range: use 1 to 2400", dpi)
		}
	}
	opts, err := drawingOptions(c)
	if err != nil {
		return err
	}
	paths := c.Args().Slice()
	switch {
	case len(paths) == 0:
		return usageError("render needs the map's root file: argmap render [-o OUT] FILE")
	case len(paths) > 1:
		return usageError("render draws one map; got %d files: name the root file, which includes the others", len(paths))
	}

	// Graphviz takes tens of milliseconds to start (its compiled code is
	// loaded and checked): start it now, while the map is read, unless the
	// output is DOT, which most maps draw without it.
	ctx := c.Context
	if ctx == nil {
		ctx = context.Background()
	}
	gv := &lazyEngine{}
	if format != "dot" {
		gv.start(ctx)
	}
	defer gv.close(ctx)

	// Check the map as argmap check does, and report its problems.
	m, err := loadChecked(c, paths[0], "drawing")
	if err != nil {
		return err
	}
	if c.IsSet("semantics") {
		if opts.Labelling, err = labelling(c, m); err != nil {
			return err
		}
	}

	if dot.Tangled(m) && (opts.GroupBy != "" || c.IsSet("direction")) {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s is too tangled to be drawn in ranks: --direction and --group-by do not apply\n", paths[0])
	}
	data, err := render(ctx, gv, m, opts, format, dpi)
	if err != nil {
		return &exitError{exitProblems, err}
	}
	if out == "" || out == "-" {
		if _, err := c.App.Writer.Write(data); err != nil {
			return &exitError{exitProblems, fmt.Errorf("writing the drawing: %w", err)}
		}
		return nil
	}
	if err := writeFileAtomic(out, data); err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}

// drawingOptions reads the options of the drawing itself.
func drawingOptions(c *cli.Context) (dot.Options, error) {
	opts := dot.Options{
		Direction: strings.ToUpper(c.String("direction")),
		GroupBy:   c.String("group-by"),
		Theme:     c.String("theme"),
		NoLegend:  !c.Bool("legend") || c.Bool("no-legend"),
	}
	check := func(flag, value string, allowed []string) error {
		if value == "" || slices.Contains(allowed, value) {
			return nil
		}
		return usageError("unknown value %q for --%s: use one of %s", c.String(flag), flag, strings.Join(allowed, ", "))
	}
	if err := cmp.Or(check("direction", opts.Direction, dot.Directions()),
		check("group-by", opts.GroupBy, dot.Groupings()),
		check("theme", opts.Theme, dot.Themes())); err != nil {
		return opts, err
	}
	if c.IsSet("title") {
		title := c.String("title")
		opts.Title = &title
	}
	return opts, nil
}

// renderFormat is the format named by --format, or by OUT's extension, or
// the default.
func renderFormat(flag, out string) (string, error) {
	if flag != "" {
		for _, f := range renderFormats {
			if f.name == flag {
				return flag, nil
			}
		}
		return "", usageError("unknown format %q for --format: use one of %s", flag, strings.Join(renderFormatNames(), ", "))
	}
	if out == "" || out == "-" {
		return renderFormats[0].name, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	for _, f := range renderFormats {
		for _, e := range f.exts {
			if e == ext {
				return f.name, nil
			}
		}
	}
	return "", usageError("cannot tell the format from the name %s: use --format (%s)", out, strings.Join(renderFormatNames(), ", "))
}

// render draws the map in a format.
func render(ctx context.Context, engine *lazyEngine, m *arguments.Map, opts dot.Options, format string, dpi float64) ([]byte, error) {
	var src bytes.Buffer
	if err := dot.Write(&src, m, opts); err != nil {
		return nil, err
	}
	if dot.Tangled(m) {
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
		opts.Places = dot.Grid(places)
		src.Reset()
		if err := dot.Write(&src, m, opts); err != nil {
			return nil, err
		}
	}
	if format == "dot" {
		return src.Bytes(), nil
	}
	if format == "svg" {
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
	d, err := drawing.Parse(outs[0])
	if err != nil {
		return nil, err
	}
	fs, err := fonts.Load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	switch format {
	case "png":
		err = png.Write(&b, d, fs, png.Options{DPI: dpi})
	case "pdf":
		title := m.Title
		if opts.Title != nil {
			title = *opts.Title
		}
		err = pdf.Write(&b, d, fs, pdf.Options{Title: title})
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	return b.Bytes(), err
}

// writeFileAtomic replaces the file name with data: it writes a temporary
// file in the same directory and renames it, so that name is never left
// half-written, and is left as it was if anything fails.
func writeFileAtomic(name string, data []byte) error {
	perm := fs.FileMode(0o666) // less the umask, as for any new file
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return fmt.Errorf("cannot write %s: it is a directory", name)
		}
		perm = st.Mode().Perm() // a replaced file keeps its permissions
	}
	dir, base := filepath.Split(name)
	var f *os.File
	var tmp string
	for range 100 {
		tmp = filepath.Join(dir, fmt.Sprintf(".%s.%08x.tmp", base, rand.Uint32()))
		var err error
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("cannot write %s: %w", name, err)
		}
	}
	if f == nil {
		return fmt.Errorf("cannot write %s: no free temporary name", name)
	}
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	return nil
}

// labelling evaluates the map as --semantics, --support and --without say,
// for drawing each argument's label.
func labelling(c *cli.Context, m *arguments.Map) (*dot.Labelling, error) {
	opt, err := evaluationOptions(c, m)
	if err != nil {
		return nil, err
	}
	if opt.Method.Gradual != 0 {
		return nil, usageError("--semantics %s scores arguments; render draws the labels of grounded, complete, preferred, stable, semi-stable, stage or ideal semantics", opt.Method)
	}
	res, err := evaluate.Evaluate(c.Context, m, opt)
	if err != nil {
		return nil, &exitError{exitProblems, err}
	}
	l := &dot.Labelling{Semantics: opt.Method.String() + " semantics", Labels: map[string]semantics.Label{}}
	if len(opt.Without) > 0 {
		l.Semantics += ", without " + strings.Join(opt.Without, ", ")
	}
	for _, st := range res.Arguments {
		l.Labels[st.ID] = st.Label
	}
	return l, nil
}
