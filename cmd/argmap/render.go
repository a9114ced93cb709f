package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/outfile"
	"github.com/argmap/argmap/internal/suggest"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/page"
	"github.com/argmap/argmap/renderers/pipeline"
	"github.com/argmap/argmap/renderers/png"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

func renderFormatNames() []string {
	var names []string
	for _, f := range renderFormats() {
		names = append(names, f.Name)
	}
	return names
}

// renderFormats are pipeline's formats and html, the page of argmap
// serve as one self-contained file (package web).
func renderFormats() []pipeline.Format {
	return append(pipeline.Formats(), pipeline.Format{Name: "html", Exts: []string{".html", ".htm"}})
}

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "draw an argument map as SVG, PNG, PDF, Graphviz DOT or an interactive HTML page",
		ArgsUsage: "FILE",
		Description: `Draws the map whose root file is FILE (with the files it includes): each
argument a box with its kind, party, claim, id and sources, each relation an
arrow, thin and green for support, heavier, red and ending in a bar for
attack (they stay apart in greyscale), with the map's title and a legend.
In SVG, hovering over a box shows its whole claim and sources,
over an arrow its note. The map is checked first, as argmap check does;
problems are reported on standard error, and errors stop the drawing.

When a map has two parties or more, each party has a mark, a shape in a
colour (a shape alone in the print theme), beside its name in every box and
listed in the legend; a coalition (party = ["A", "B"]) shows each member's.
--group-by party frames the arguments of each party, and of each coalition,
titled with the party: the boxes inside do not repeat it. --group-by tag
frames the arguments by their first tag, --group-by tag:FAMILY by their first
tag of a family ("legal basis" for tags "legal basis: ..."); frames cannot
overlap, so an argument with several is framed by its first, as a note says.

Notes and sources are drawn for print: by default each note of an argument
or a relation is numbered in the figure and given in a NOTES block below it
(--notes labels draws them in the figure, --notes none leaves them to the
tooltips), and each source cited is listed once in a SOURCES block, with its
date, address and quotes, boxes citing it by number (--sources none names
the sources in the boxes instead). Addresses are links in SVG and PDF.

With --semantics, each argument is drawn with its label under that
semantics (accepted, rejected or undecided), explained in the legend.
--support says how supports are read, and --without ID,... withdraws
arguments before labelling: they and the arrows to and from them are drawn
faded, in grey and dashed (dotted in the print theme), marked WITHDRAWN.
Both need --semantics.

Each box shows the argument's kind, party, title (in bold, if it has one),
claim, id, sources and open critical questions. --show FIELD,... chooses
among kind, party, title, claim, id, source, questions and status (the
badge of --semantics; the border shows the label always). A box without its
claim shows the argument's number and title (or id), in bold, and the
claims go in a numbered key below the figure, with what the boxes leave out.
--compact is --show title: a figure of short titles, for the body of a
report.

--page a4 (or letter, a5, a3, legal, or WxH with a unit: 210x297mm,
8.5x11in, 595x842pt) fits the figure to a page, portrait unless
--orientation landscape, within --margin (15mm), never enlarged. --fit
width (the default) scales it to the width between the margins, and a PDF
taller than a page runs on to more pages, cut between rows of boxes (the key
starts on a page of its own if it does not fit below the figure); --fit
page puts it all on one page. PDF pages are the page's size; SVG and PNG
are a page wide and at least a page tall (PNG at --dpi). Every text on the
page is at least --min-text points (default 7): box titles, claims and
details, the map's title, the legend, arrow labels, group names and the key
all count. To get there, render tries a few layouts, keeping the first that
fits: tighter spacing and narrower boxes, undercuts drawn beside their
inferences, the other direction (BT for RL, TB for LR), and, unless --show
or --compact was given, compact boxes; it draws the legend and the key
larger when the figure is scaled down, so that they print at --min-text.
What it changed is said in a note on standard error. A figure that cannot
fit is not drawn (exit status 1), with the size it would reach and what to
try (--compact, --orientation landscape, a larger page, drawing one file of
the map at a time).

The output goes to standard output (also with -o - or -o /dev/stdout), or
to OUT with -o. A file at OUT is replaced only once the drawing is complete,
and left as it was if the drawing fails or is interrupted; a symbolic link is
followed and the file it leads to written (a link that another user owns in
a shared directory such as /tmp is refused); a FIFO or a device such as
/dev/null is written to; a directory is refused. The format is --format, or
OUT's extension (.svg, .png, .pdf, .dot or .gv, .html), or SVG.

--format html (or -o OUT.html) writes the page of argmap serve as one
self-contained file, about 2.4 MB: the drawing in every theme, the map's
files and argmap's evaluator, compiled to WebAssembly, inline. Opened from
disk, with no server and no network, it labels the map under the semantics
chosen in it; withdrawing, hover and explanations work as in argmap serve.

Text is set in DejaVu Sans, embedded in argmap. Characters it lacks, such
as Chinese and Japanese, are taken from --font FILE, then from the files
ARGMAP_FONTS lists (separated by ":", ";" on Windows), then from the
system's fonts (fontconfig's, or those in the platform's font directories),
in PNG, PDF and for the sizes of the boxes; SVG viewers draw them with
their own fonts. Arabic and Hebrew are set right to left, Arabic letters
joined. A character that no font has is drawn as an empty box, with one
warning naming the characters and what to install.

Drawing takes time that grows faster than the map: about 1.5 s for 1,000
arguments, 4 s for 2,000 and 11 s for 5,000, but minutes for some maps of a
few thousand (thousands of unconnected pairs, say). A map of more than
--max-arguments (default 5,000) is not drawn: draw the files it includes
one by one, or raise the limit. A drawing that takes longer than --timeout
(default 60s, counting the reading of the map) is given up.

The first drawing starts a Graphviz server in the background, which later
drawings use, to save starting Graphviz each time; it ends after 5 minutes
without a drawing. ARGMAP_RENDER_SERVER=off (or CI set) does without it.

Exit status: 0 drawn, 1 errors in the map (or warnings with --strict), a
map too large, a drawing that failed, timed out, or does not fit --page with
text of --min-text, 2 usage error, 130 or 143 interrupted (SIGINT or
SIGTERM), with OUT left as it was.`,
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
				Usage: "frame the arguments by `G`: party, kind, file, tag (an argument's first), or tag:FAMILY (its first tag of a family, such as \"tag:legal basis\" for tags \"legal basis: ...\")",
			},
			&cli.BoolFlag{
				Name:  "party-marks",
				Value: true,
				Usage: "mark each party with a shape beside its name (and a colour, but in the print theme), listed in the legend; a map of fewer than two parties has none (--party-marks=false leaves them out)",
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
			&cli.StringFlag{
				Name:  "notes",
				Usage: "draw the notes of arguments and relations as `MODE`: footnotes (the default: numbers in the figure, the notes in a NOTES block below it), labels (in the figure), or none (tooltips only)",
			},
			&cli.StringFlag{
				Name:  "sources",
				Usage: "draw the sources as `MODE`: list (the default: a SOURCES block below the figure, with each source's date, address and quotes; boxes cite them by number) or none (names in the boxes)",
			},
			&cli.Float64Flag{
				Name:        "dpi",
				Usage:       "resolution of PNG output, in dots per inch",
				DefaultText: strconv.Itoa(png.DefaultDPI),
			},
			&cli.StringSliceFlag{
				Name:  "font",
				Usage: "take the characters DejaVu Sans lacks (Chinese, Japanese...) from the font `FILE` (TrueType or OpenType) before the system's fonts; repeat for more",
			},
			&cli.BoolFlag{
				Name:  "strict",
				Usage: "do not draw a map with warnings",
			},
			&cli.StringFlag{
				Name:    "semantics",
				Aliases: []string{"s"},
				Usage:   "colour each argument by its label (accepted, rejected, undecided) under this semantics: " + "grounded, complete, preferred, stable, semi-stable, stage, ideal or carneades",
			},
			&cli.StringFlag{Name: "support", Value: bipolar.SupportedSecondary.String(), Usage: "with --semantics: " + supportUsage},
			&cli.StringFlag{Name: "without", Usage: "with --semantics: label the map with these arguments withdrawn, drawn faded with their arrows: `ID,...`"},
			includeRootFlag(),
			&cli.IntFlag{
				Name:  "max-arguments",
				Value: defaultMaxArguments,
				Usage: "do not draw a map of more than `N` arguments (0 for no limit)",
			},
			&cli.StringFlag{Name: "page", Usage: "fit the figure to a page: " + strings.Join(page.SizeNames(), ", ") + ", or `SIZE` WxH with a unit (210x297mm, 8.5x11in, 595x842pt)"},
			&cli.StringFlag{Name: "orientation", Usage: "with --page: portrait (the default for a named size) or landscape"},
			&cli.StringFlag{Name: "fit", Usage: "with --page: width (the default: to the width between the margins, PDF runs on to more pages) or page (the whole figure on one page)"},
			&cli.StringFlag{Name: "margin", Usage: "with --page: the blank `LENGTH` at each edge, such as 15mm (the default), 1in or 36pt"},
			&cli.Float64Flag{Name: "min-text", Usage: "with --page: the smallest text allowed on the page, `PT` points: every text counts (titles, claims, details, legend, labels, key)", DefaultText: strconv.FormatFloat(page.DefaultMinText, 'f', -1, 64)},
			&cli.BoolFlag{Name: "compact", Usage: "boxes show their number and title (or id) in bold, the claims go in a numbered key below the figure: --show title"},
			&cli.StringFlag{Name: "show", Usage: "what each box shows, some of " + strings.Join(fieldNames(), ",") + " (`FIELD,...`; default all); without claim, the claims go in a numbered key below"},
			&cli.StringFlag{
				Name:        "timeout",
				Usage:       "give up a drawing that takes longer than `DURATION`, such as 30s or 5m (0 for no limit)",
				DefaultText: defaultRenderTimeout.String(),
			},
		},
		Action: runRender,
	}
}

// defaultMaxArguments is the largest map render draws unless told
// otherwise: a generated map of 5,000 arguments (15,000 relations) takes
// 11 s on 2 cores, 4,000 take 8 s and 2,000 4 s, and the time grows faster
// than the map (20,000 took 203 s and 5.6 GB).
const defaultMaxArguments = 5000

// defaultRenderTimeout bounds a drawing whose size does not tell its cost:
// sfdp, which places a tangled map, can take minutes on maps under the
// argument limit (2,500 unconnected attack pairs, 5,000 arguments: over
// 200 s, even for -f dot).
const defaultRenderTimeout = 60 * time.Second

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
	maxArgs := c.Int("max-arguments")
	if maxArgs < 0 {
		return usageError("bad --max-arguments %d: use a number of arguments, or 0 for no limit", maxArgs)
	}
	timeout := defaultRenderTimeout
	if s := c.String("timeout"); c.IsSet("timeout") {
		timeout, err = time.ParseDuration(s)
		if err != nil || timeout < 0 {
			return usageError("bad --timeout %q: use a duration such as 500ms, 30s or 5m, or 0 for no limit", s)
		}
	}
	opts, err := drawingOptions(c)
	if err != nil {
		return err
	}
	keepShow := c.IsSet("show") || c.Bool("compact")
	spec, err := pageSpec(c, format)
	if err != nil {
		return err
	}
	fs, err := renderFonts(c)
	if err != nil {
		return err
	}
	// --support and --without change the labels: without --semantics
	// there are none, and the drawing would silently be the same.
	if format == "html" && c.IsSet("semantics") {
		return usageError("--semantics does not apply to --format html: the page labels the map itself, under the semantics chosen in it")
	}
	if !c.IsSet("semantics") {
		for _, flag := range []string{"support", "without"} {
			if c.IsSet(flag) {
				return usageError("--%s applies with --semantics, which labels the map: add --semantics grounded (or another semantics)", flag)
			}
		}
	}
	paths := c.Args().Slice()
	switch {
	case len(paths) == 0:
		return usageError("render needs the map's root file: argmap render [-o OUT] FILE")
	case len(paths) > 1:
		return usageError("render draws one map; got %d files: name the root file, which includes the others", len(paths))
	}

	// Ctrl-C (or SIGTERM) stops the drawing and removes the temporary
	// output file, leaving OUT as it was; a second one ends argmap at once.
	ctx, stop := interruptible(cmp.Or(c.Context, context.Background()))
	defer stop()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}

	// Open the output first: a name that cannot be written is reported
	// before the drawing is paid for.
	var f *outfile.File
	if !toStdout(out) {
		if f, err = outfile.Create(ctx, out); err != nil {
			return renderError(ctx, err, timeout, paths[0])
		}
		defer f.Abort()
	}

	// Graphviz takes tens of milliseconds to start (its compiled code is
	// loaded and checked): start it now, while the map is read, unless the
	// output is DOT, which needs it only for a tangled map or for blocks
	// below the figure (notes, sources), whose width a layout measures.
	gv := graphvizDialer(c.App.ErrWriter).Engine()
	if format != "dot" {
		gv.Start(ctx)
	}
	defer gv.Close(context.WithoutCancel(ctx))

	// Check the map as argmap check does, and report its problems.
	m, err := loadChecked(c, paths[0], "drawing")
	if err != nil {
		return err
	}
	if maxArgs > 0 && len(m.Arguments) > maxArgs {
		return &exitError{exitProblems, fmt.Errorf("%s has %d arguments, more than render draws (%d): draw the files it includes one by one, or raise the limit with --max-arguments %d (the time grows faster than the map)", paths[0], len(m.Arguments), maxArgs, len(m.Arguments))}
	}
	if err := checkGrouping(c, m, opts.GroupBy, paths[0]); err != nil {
		return err
	}
	if c.IsSet("semantics") {
		if opts.Labelling, err = labelling(ctx, c, m); err != nil {
			return renderError(ctx, err, timeout, paths[0])
		}
	}

	if format == "html" {
		return writeHTML(ctx, c, gv, m, opts, f, timeout, paths[0])
	}
	res, err := pipeline.Render(ctx, gv, m, pipeline.Options{Format: format, Drawing: opts, DPI: dpi, Fonts: fs, Page: spec, KeepShow: keepShow})
	if res.Tangled && (opts.GroupBy != "" || c.IsSet("direction")) {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s is too tangled to be drawn in ranks: --direction and --group-by do not apply\n", paths[0])
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(c.App.ErrWriter, "argmap: warning: %s: %s\n", paths[0], w)
	}
	if err == nil && spec != nil {
		fittedNotes(c, paths[0], format, spec, opts, res)
	}
	var small *pipeline.TooSmallError
	if errors.As(err, &small) {
		return tooSmall(paths[0], small, keepShow)
	}
	data := res.Data
	if err == nil {
		err = ctx.Err() // a step that does not watch ctx may have outlived it
	}
	if err != nil {
		return renderError(ctx, err, timeout, paths[0])
	}
	if f == nil {
		if _, err := c.App.Writer.Write(data); err != nil {
			return &exitError{exitProblems, fmt.Errorf("writing the drawing: %w", err)}
		}
		return nil
	}
	if _, err = f.Write(data); err == nil {
		err = f.Commit()
	}
	if err != nil {
		return renderError(ctx, err, timeout, paths[0])
	}
	return nil
}

// toStdout reports whether -o OUT names standard output. /dev/stdout is
// written as standard output, not opened, since it cannot be opened when
// standard output is a socket.
func toStdout(out string) bool {
	return out == "" || out == "-" || out == "/dev/stdout"
}

// renderError is the exit of a render that failed with err: an interrupt
// or the timeout, if one cut it short, else err.
func renderError(ctx context.Context, err error, timeout time.Duration, file string) error {
	var sig *interrupted
	if ee, ok := err.(*exitError); ok {
		return ee
	}
	switch {
	case errors.As(context.Cause(ctx), &sig):
		return &exitError{sig.exitCode(), fmt.Errorf("%v: %s not drawn; the output was left as it was", sig, file)}
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return &exitError{exitProblems, fmt.Errorf("timed out after %v drawing %s; nothing was written: --timeout sets the limit (0 for none), or draw the files it includes one by one", timeout, file)}
	}
	return &exitError{exitProblems, err}
}

// renderFonts loads the fonts to draw with: DejaVu Sans, then the files of
// --font, then those of ARGMAP_FONTS, then the system's fonts.
func renderFonts(c *cli.Context) (*fonts.Set, error) {
	files := c.StringSlice("font")
	for _, f := range files {
		if err := fonts.CheckFile(f); err != nil {
			return nil, usageError("--font %s: %v: name a TrueType or OpenType font file (.ttf, .otf, .ttc)", f, err)
		}
	}
	files = append(files, fonts.FilesFromEnv(os.Getenv("ARGMAP_FONTS"))...)
	fs, err := fonts.LoadOptions(fonts.Options{Files: files, System: true})
	if err != nil {
		return nil, &exitError{exitProblems, err}
	}
	return fs, nil
}

// drawingOptions reads the options of the drawing itself.
func drawingOptions(c *cli.Context) (dot.Options, error) {
	opts := dot.Options{
		Direction: strings.ToUpper(c.String("direction")),
		GroupBy:   c.String("group-by"),
		Theme:     c.String("theme"),
		NoLegend:  !c.Bool("legend") || c.Bool("no-legend"),
		Notes:     c.String("notes"),
		Sources:   c.String("sources"),
	}
	opts.NoPartyMarks = !c.Bool("party-marks")
	check := func(flag, value string, allowed []string) error {
		if value == "" || slices.Contains(allowed, value) {
			return nil
		}
		return usageError("unknown value %q for --%s: use one of %s", c.String(flag), flag, strings.Join(allowed, ", "))
	}
	if err := cmp.Or(check("direction", opts.Direction, dot.Directions()),
		check("theme", opts.Theme, dot.Themes()),
		check("notes", opts.Notes, dot.NoteModes()),
		check("sources", opts.Sources, dot.SourceModes())); err != nil {
		return opts, err
	}
	if !dot.ValidGrouping(opts.GroupBy) {
		return opts, usageError("unknown value %q for --group-by: use one of %s, or tag:FAMILY", opts.GroupBy, strings.Join(dot.Groupings(), ", "))
	}
	if c.IsSet("title") {
		title := c.String("title")
		opts.Title = &title
	}
	show, err := showOption(c)
	opts.Show = show
	return opts, err
}

func fieldNames() []string {
	var names []string
	for _, f := range dot.Fields() {
		names = append(names, f.Name)
	}
	return names
}

// showOption reads --show and --compact: the fields the boxes show, nil
// for all.
func showOption(c *cli.Context) ([]string, error) {
	if c.Bool("compact") {
		if c.IsSet("show") {
			return nil, usageError("--compact is --show %s: give one of them", strings.Join(dot.CompactShow(), ","))
		}
		return dot.CompactShow(), nil
	}
	if !c.IsSet("show") {
		return nil, nil
	}
	show := []string{}
	for _, f := range strings.Split(c.String("show"), ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case f == "":
			continue
		case !slices.Contains(fieldNames(), f):
			return nil, usageError("unknown field %q for --show: use some of %s, separated by commas", f, strings.Join(fieldNames(), ","))
		case !slices.Contains(show, f):
			show = append(show, f)
		}
	}
	if len(show) == 0 {
		return nil, usageError("--show needs fields: some of %s, separated by commas (the default is all of them)", strings.Join(fieldNames(), ","))
	}
	return show, nil
}

// pageSpec reads --page and the options that go with it, or returns nil
// without --page.
func pageSpec(c *cli.Context, format string) (*page.Spec, error) {
	if !c.IsSet("page") {
		for _, flag := range []string{"orientation", "fit", "margin", "min-text"} {
			if c.IsSet(flag) {
				return nil, usageError("--%s applies with --page, which fits the figure to a page: add --page a4 (or letter, a5, or WxH with a unit)", flag)
			}
		}
		return nil, nil
	}
	if format == "html" {
		return nil, usageError("--page does not apply to --format html: the page fits the map to the window; use svg, png or pdf")
	}
	size, err := page.ParseSize(c.String("page"))
	if err != nil {
		return nil, usageError("bad --page: %v", err)
	}
	spec := &page.Spec{Size: size, Margin: page.DefaultMargin, MinText: page.DefaultMinText}
	if o := strings.ToLower(c.String("orientation")); c.IsSet("orientation") {
		if !slices.Contains(page.Orientations(), o) {
			return nil, usageError("unknown value %q for --orientation: use %s", c.String("orientation"), strings.Join(page.Orientations(), " or "))
		}
		spec.Orientation = o
	}
	if f := strings.ToLower(c.String("fit")); c.IsSet("fit") {
		i := slices.Index(page.Fits(), f)
		if i < 0 {
			return nil, usageError("unknown value %q for --fit: use width (to the width between the margins; PDF runs on to more pages) or page (the whole figure on one page)", c.String("fit"))
		}
		spec.Fit = page.Fit(i)
	}
	if c.IsSet("margin") {
		if spec.Margin, err = page.ParseLength(c.String("margin")); err != nil {
			return nil, usageError("bad --margin: %v", err)
		}
	}
	if c.IsSet("min-text") {
		spec.MinText = c.Float64("min-text")
		if !(spec.MinText >= 1 && spec.MinText <= 72) {
			return nil, usageError("--min-text %g is out of range: use a size in points from 1 to 72 (7 is the default, 6 to 8 are common for figures)", spec.MinText)
		}
	}
	if err := spec.Check(); err != nil {
		return nil, usageError("bad --margin for --page %s: %v", c.String("page"), err)
	}
	return spec, nil
}

// checkGrouping checks --group-by against the map: a tag family that no
// tag of the map has is a usage error, with the families it has; arguments
// with several tags, of which only the first frames them, are told in a
// note on standard error.
func checkGrouping(c *cli.Context, m *arguments.Map, groupBy, file string) error {
	family, byFamily := strings.CutPrefix(groupBy, "tag:")
	if byFamily {
		families := dot.TagFamilies(m)
		family = strings.TrimSpace(family)
		if !slices.ContainsFunc(families, func(f string) bool { return strings.EqualFold(f, family) }) {
			if len(families) == 0 {
				return usageError("--group-by %s: no tag of %s has a family (the text before a colon, as in \"legal basis: consent\")", groupBy, file)
			}
			hint := ""
			if s := suggest.Closest(family, families); s != "" {
				hint = fmt.Sprintf(" Did you mean %q?", "tag:"+s)
			}
			return usageError("--group-by %s: no tag of %s is of the family %q; its tag families: %s.%s", groupBy, file, family, strings.Join(families, ", "), hint)
		}
	}
	if ids := dot.SeveralGroups(m, groupBy); len(ids) > 0 {
		have, of := "have", ""
		if len(ids) == 1 {
			have = "has"
		}
		if byFamily {
			of = fmt.Sprintf(" of the family %q", family)
		}
		const shown = 8
		list := strings.Join(ids[:min(len(ids), shown)], ", ")
		if len(ids) > shown {
			list += fmt.Sprintf(" and %d more", len(ids)-shown)
		}
		if families := dot.TagFamilies(m); !byFamily && len(families) > 0 {
			list += fmt.Sprintf(" (--group-by tag:FAMILY frames by one family of tags: %s)", strings.Join(families, ", "))
		}
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s %s several tags%s; frames cannot overlap, so each is framed by its first: %s\n",
			plural(len(ids), "argument"), have, of, list)
	}
	return nil
}

// renderFormat is the format named by --format, or by OUT's extension, or
// the default.
func renderFormat(flag, out string) (string, error) {
	if flag != "" {
		for _, f := range renderFormats() {
			if f.Name == flag {
				return flag, nil
			}
		}
		return "", usageError("unknown format %q for --format: use one of %s", flag, strings.Join(renderFormatNames(), ", "))
	}
	if toStdout(out) {
		return pipeline.Formats()[0].Name, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	if st, err := os.Stat(out); ext == "" && err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		// A device or FIFO, such as /dev/null, has no extension to tell.
		return pipeline.Formats()[0].Name, nil
	}
	for _, f := range renderFormats() {
		for _, e := range f.Exts {
			if e == ext {
				return f.Name, nil
			}
		}
	}
	return "", usageError("cannot tell the format from the name %s: use --format (%s)", out, strings.Join(renderFormatNames(), ", "))
}

// labelling evaluates the map as --semantics, --support and --without say,
// for drawing each argument's label.
func labelling(ctx context.Context, c *cli.Context, m *arguments.Map) (*dot.Labelling, error) {
	opt, err := evaluationOptions(c, m)
	if err != nil {
		return nil, err
	}
	if opt.Method.Gradual != 0 {
		return nil, usageError("--semantics %s scores arguments; render draws the labels of grounded, complete, preferred, stable, semi-stable, stage, ideal or carneades semantics", opt.Method)
	}
	return labelsOf(ctx, m, opt)
}

// labelsOf evaluates the map with opt, for drawing each argument's label.
func labelsOf(ctx context.Context, m *arguments.Map, opt evaluate.Options) (*dot.Labelling, error) {
	res, err := evaluate.Evaluate(ctx, m, opt)
	if err != nil {
		return nil, &exitError{exitProblems, err}
	}
	l := &dot.Labelling{Semantics: opt.Method.String() + " semantics", Labels: map[string]semantics.Label{}, Withdrawn: opt.Without}
	if len(opt.Without) > 0 {
		l.Semantics += ", without " + strings.Join(opt.Without, ", ")
	}
	for _, st := range res.Arguments {
		l.Labels[st.ID] = st.Label
	}
	return l, nil
}
