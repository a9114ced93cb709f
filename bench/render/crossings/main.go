// Command crossings measures how the examples' drawings read: for each map
// it lays out as argmap render does, it prints how often arrows cross one
// another, run through boxes and titles, how many pairs of arrowheads crowd
// on a box, how many arrows sweep the long way round, and how sharply a
// support bends at an inference dot (see package internal/crossings). See
// bench/render/README.md.
//
// Usage, from the repository root:
//
//	go run ./bench/render/crossings [-group-by G] [-direction D] [-png DIR] [-v] [FILE...]
//
// FILE defaults to every examples/*/debate.toml; a FILE.dot or FILE.gv is
// laid out as it is, to try Graphviz's attributes (with its arrow ends as
// Graphviz leaves them). With -png, each drawing is also written to DIR as
// a PNG, to look at; with -v, every crossing, crowded pair, sweep and bend
// is listed.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/crossings"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/pipeline"
	"github.com/argmap/argmap/renderers/png"
)

func main() {
	groupBy := flag.String("group-by", "", "frame the arguments of each party, kind or file, as argmap render --group-by")
	direction := flag.String("direction", "", "the way arrows point, as argmap render --direction")
	pngDir := flag.String("png", "", "also write each drawing to `DIR` as a PNG (96 dpi)")
	verbose := flag.Bool("v", false, "list what is counted: each crossing, crowded pair of ends, sweep and bend")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: crossings [-group-by G] [-direction D] [-png DIR] [-v] [FILE...]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(dot.Options{GroupBy: *groupBy, Direction: *direction}, *pngDir, *verbose, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "crossings:", err)
		os.Exit(1)
	}
}

func run(opts dot.Options, pngDir string, verbose bool, files []string) error {
	if len(files) == 0 {
		var err error
		files, err = filepath.Glob(filepath.Join("examples", "*", "debate.toml"))
		if err != nil {
			return err
		}
		if len(files) == 0 {
			return fmt.Errorf("no examples/*/debate.toml here: run from the repository root, or name the files")
		}
	}
	ctx := context.Background()
	cache, _ := os.UserCacheDir()
	if cache != "" {
		cache = filepath.Join(cache, "argmap", "graphviz")
	}
	e, err := graphviz.New(ctx, graphviz.Options{CacheDir: cache})
	if err != nil {
		return err
	}
	defer e.Close(ctx)
	fmt.Printf("%-28s %9s %8s %10s %8s %6s %8s %7s %7s\n", "map", "edge-edge", "edge-box", "edge-title", "crowded", "sweeps", "max-bend", "detour", "length")
	line := func(name string, c crossings.Counts) {
		fmt.Printf("%-28s %9d %8d %10d %8d %6d %7.0f° %5.0fin %5.0fin\n", name, c.EdgeEdge, c.EdgeBox, c.EdgeLabel, c.CrowdedEnds, c.Sweeps, c.MaxBend, c.Detour/72, c.Length/72)
	}
	var total crossings.Counts
	for _, file := range files {
		c, draw, err := measure(ctx, e, file, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		if draw == nil {
			fmt.Printf("%-28s too tangled for the dot layout: not measured\n", name(file))
			continue
		}
		line(name(file), c)
		if verbose {
			for _, f := range c.Found {
				fmt.Printf("\t%s\n", f)
			}
		}
		total.EdgeEdge += c.EdgeEdge
		total.EdgeBox += c.EdgeBox
		total.EdgeLabel += c.EdgeLabel
		total.CrowdedEnds += c.CrowdedEnds
		total.Sweeps += c.Sweeps
		total.MaxBend = max(total.MaxBend, c.MaxBend)
		total.Length += c.Length
		total.Detour += c.Detour
		if pngDir != "" {
			data, err := draw()
			if err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			if err := os.WriteFile(filepath.Join(pngDir, name(file)+".png"), data, 0o644); err != nil {
				return err
			}
		}
	}
	line("total", total)
	return nil
}

// measure lays out and measures a map, or a DOT file (FILE.dot or
// FILE.gv) as it is, and returns a function that draws it as a PNG. It
// returns no function for a map too tangled for the dot layout.
func measure(ctx context.Context, e *graphviz.Engine, file string, opts dot.Options) (crossings.Counts, func() ([]byte, error), error) {
	if ext := filepath.Ext(file); ext == ".dot" || ext == ".gv" {
		src, err := os.ReadFile(file)
		if err != nil {
			return crossings.Counts{}, nil, err
		}
		outs, err := e.Render(ctx, src, "json")
		if err != nil {
			return crossings.Counts{}, nil, err
		}
		l, err := drawing.ReadLayout(outs[0])
		if err != nil {
			return crossings.Counts{}, nil, err
		}
		return crossings.Count(l), func() ([]byte, error) { return pngOf(outs[0]) }, nil
	}
	l := &arguments.Loader{}
	m, diags := l.Load(file)
	if diags.HasErrors() {
		return crossings.Counts{}, nil, fmt.Errorf("%v", diags)
	}
	c, data, err := crossings.Measure(ctx, e, m, opts)
	if err != nil || data == nil {
		return crossings.Counts{}, nil, err
	}
	return c, func() ([]byte, error) {
		res, err := pipeline.Render(ctx, e, m, pipeline.Options{Format: "png", Drawing: opts, DPI: 96})
		return res.Data, err
	}, nil
}

// pngOf draws Graphviz's json output as a PNG at 96 dpi.
func pngOf(data []byte) ([]byte, error) {
	d, err := drawing.Parse(data)
	if err != nil {
		return nil, err
	}
	fs, err := fonts.Load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = png.Write(&b, d, fs, png.Options{DPI: 96})
	return b.Bytes(), err
}

// name is an example's name: its directory's.
func name(file string) string {
	if filepath.Base(file) == "debate.toml" {
		return filepath.Base(filepath.Dir(file))
	}
	return strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
}
