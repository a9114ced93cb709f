package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/outfile"
	"github.com/argmap/argmap/renderers/exchange"
	"github.com/argmap/argmap/semantics/bipolar"
)

func exportCommand() *cli.Command {
	var formats []string
	for _, f := range exchange.Formats() {
		formats = append(formats, fmt.Sprintf("  %-8s %s", f.Name, f.Description))
	}
	return &cli.Command{
		Name:      "export",
		Usage:     "write a map in another tool's format: json, aif, argdown, mermaid, graphml, i23, apx, tgf",
		ArgsUsage: "FILE",
		Description: `Writes the map whose root file is FILE (with the files it includes) in the
format --format names, or OUT's extension:

` + strings.Join(formats, "\n") + `

The map is checked first, as argmap check does; its problems are reported on
standard error, and errors stop the export. The output goes to standard
output (also with -o -), or to OUT with -o, which is replaced only once the
export is complete. The same map gives the same bytes.

--semantics (json only) adds the evaluation that argmap eval --format json
prints, with --support and --without as for eval. i23 and apx have attacks
only: they hold the framework argmap eval evaluates, its supports folded
into the attacks they give rise to as --support reads them (ignore leaves
them out).

Exit status: 0 written, 1 errors in the map (or warnings with --strict) or
a failed write, 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"},
				Usage: "the format `F`: " + strings.Join(exchange.FormatNames(), ", ") + " (default: from OUT's extension)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `OUT` instead of standard output"},
			&cli.StringFlag{Name: "semantics", Aliases: []string{"s"},
				Usage: "json: add the evaluation under the semantics `S`: " + strings.Join(evaluate.MethodNames(), ", ")},
			&cli.StringFlag{Name: "support", Value: bipolar.SupportedSecondary.String(), Usage: "i23 and apx, and json with --semantics: " + supportUsage},
			&cli.StringFlag{Name: "without", Usage: "json with --semantics: evaluate with these arguments withdrawn: `ID,...`"},
			&cli.BoolFlag{Name: "strict", Usage: "refuse a map with warnings"},
			maxAttacksFlag(),
			includeRootFlag(),
		},
		Action: runExport,
	}
}

func runExport(c *cli.Context) error {
	out := c.String("output")
	format, err := exportFormat(c.String("format"), out)
	if err != nil {
		return err
	}
	switch {
	case c.IsSet("semantics") && format != "json":
		return usageError("--semantics applies to --format json, which can carry the evaluation, not to %s", format)
	case c.IsSet("without") && !c.IsSet("semantics"):
		return usageError("--without applies with --semantics, which evaluates the map: add --semantics grounded (or another semantics)")
	case c.IsSet("support") && !c.IsSet("semantics") && format != "i23" && format != "apx":
		return usageError("--support applies to i23 and apx, whose attacks it derives, and to json with --semantics; %s keeps the supports as they are", format)
	}
	if c.NArg() != 1 {
		return usageError("export needs one map: argmap export FILE --format F [-o OUT]")
	}
	file := c.Args().First()
	ctx, stop := interruptible(cmp.Or(c.Context, context.Background()))
	defer stop()
	c.Context = ctx
	// Open the output first: a name that cannot be written is reported
	// before the work is done.
	var f *outfile.File
	if !toStdout(out) {
		if f, err = outfile.Create(ctx, out); err != nil {
			return &exitError{exitProblems, err}
		}
		defer f.Abort()
	}
	m, err := loadChecked(c, file, "exporting")
	if err != nil {
		return err
	}
	mode, err := supportMode(c)
	if err != nil {
		return err
	}
	opt := exchange.Options{Support: mode, MaxAttacks: c.Int("max-attacks")}
	if c.IsSet("semantics") {
		eopt, err := evaluationOptions(c, m)
		if err != nil {
			return err
		}
		if opt.Evaluation, err = evaluate.Evaluate(ctx, m, eopt); err != nil {
			return evalError(c, err, 0, "exporting", file)
		}
	}
	var buf bytes.Buffer
	if err := exchange.Write(ctx, &buf, m, format, opt); err != nil {
		return evalError(c, err, 0, "exporting", file)
	}
	if f == nil {
		if _, err := c.App.Writer.Write(buf.Bytes()); err != nil {
			return &exitError{exitProblems, fmt.Errorf("writing the export: %w", err)}
		}
		return nil
	}
	if _, err = f.Write(buf.Bytes()); err == nil {
		err = f.Commit()
	}
	if err != nil {
		return renderError(ctx, err, 0, file)
	}
	return nil
}

// exportFormat is the format named by --format, or by OUT's extension.
func exportFormat(flag, out string) (string, error) {
	names := strings.Join(exchange.FormatNames(), ", ")
	if flag != "" {
		for _, name := range exchange.FormatNames() {
			if name == flag {
				return flag, nil
			}
		}
		return "", usageError("unknown format %q for --format: use one of %s", flag, names)
	}
	if toStdout(out) {
		return "", usageError("export needs a format: --format F, one of %s (or -o OUT with the format's extension)", names)
	}
	if st, err := os.Stat(out); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return "", usageError("cannot tell the format of %s: use --format (%s)", out, names)
	}
	if f, ok := exchange.FormatOf(filepath.Ext(out)); ok {
		return f.Name, nil
	}
	return "", usageError("cannot tell the format from the name %s: use --format (%s)", out, names)
}
