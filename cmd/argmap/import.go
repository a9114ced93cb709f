package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/importers"
	"github.com/argmap/argmap/internal/outfile"
)

// importExts are the extensions that tell the format of an import.
var importExts = map[string]string{".json": "aif", ".aif": "aif", ".argdown": "argdown", ".ad": "argdown", ".i23": "i23", ".apx": "apx", ".tgf": "tgf"}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "turn a map of another tool (AIF, Argdown, i23, apx, TGF) into an argmap map",
		ArgsUsage: "FILE",
		Description: `Reads FILE in the format --from names (or its extension tells: .json and
.aif for AIF, .argdown and .ad, .i23, .apx, .tgf) and writes it as an argmap
TOML map, which argmap check accepts without an error:

  aif      AIF JSON as AIFdb serves it and OVA saves it: I-nodes are the
           arguments, RA-nodes supports (linked when they have several
           premises), CA-nodes attacks, a CA-node aimed at an RA- or CA-node an
           undercut; speakers of locutions become parties
  argdown  Argdown: statements, arguments, premise-conclusion structures and
           the relations + - <+ <- +> -> _> <_ ><
  i23      an ICCMA 2023 framework: arguments and attacks
  apx      ASPARTIX facts arg(a). att(a,b). (and support(a,b).)
  tgf      the Trivial Graph Format; edge labels support, attack (the
           default), premise, undercut

Texts are kept; ids are the input's where it has ids that argmap allows, else
derived from the text (its first words, lower case, made unique). What has
no place in an argmap map is left out with a warning. An input argmap cannot
read is reported at its line and column (for AIF, at the JSON path).

The map goes to standard output, or to OUT with -o, which is replaced only
once it is complete.

Exit status: 0 imported, 1 an input that cannot be read, 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "from", Usage: "the input's format `F`: " + strings.Join(importers.Formats(), ", ") + " (default: from FILE's extension)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the map to `OUT.toml` instead of standard output"},
		},
		Action: runImport,
	}
}

func runImport(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError("import needs one file: argmap import FILE --from FORMAT [-o OUT.toml]")
	}
	file := c.Args().First()
	format := c.String("from")
	if format == "" {
		f, ok := importExts[strings.ToLower(filepath.Ext(file))]
		if !ok {
			return usageError("cannot tell the format of %s from its name: use --from (%s)", file, strings.Join(importers.Formats(), ", "))
		}
		format = f
	} else if !slices.Contains(importers.Formats(), format) {
		return usageError("unknown format %q for --from: use one of %s", format, strings.Join(importers.Formats(), ", "))
	}
	out := c.String("output")
	ctx, stop := interruptible(cmp.Or(c.Context, context.Background()))
	defer stop()
	var f *outfile.File
	var err error
	if !toStdout(out) {
		if f, err = outfile.Create(ctx, out); err != nil {
			return &exitError{exitProblems, err}
		}
		defer f.Abort()
	}
	data, err := readInput(file)
	if err != nil {
		return &exitError{exitProblems, err}
	}
	m, diags := importers.Read(format, file, data)
	if len(diags) > 0 {
		src := diagnostic.NewSource(file, data)
		werr := diagnostic.Write(c.App.ErrWriter, "text", diagnostic.Report{
			Diagnostics: diags,
			Totals:      importTotals(m),
			Source: func(name string) *diagnostic.Source {
				if name == file {
					return src
				}
				return nil
			},
			Rules:   importers.Rules(),
			Version: c.App.Version,
		})
		if werr != nil {
			return &exitError{exitProblems, werr}
		}
	}
	if m == nil {
		return &exitError{exitProblems, fmt.Errorf("not imported: %s cannot be read as %s", file, format)}
	}
	text := m.TOML(fmt.Sprintf("Imported by argmap from %s (%s).", filepath.ToSlash(file), format))
	if problems := importers.Check(text); problems.HasErrors() {
		return &exitError{exitProblems, fmt.Errorf("internal error: the map imported from %s has errors, please report it: %v", file, problems.Err())}
	}
	if f == nil {
		if _, err := c.App.Writer.Write(text); err != nil {
			return &exitError{exitProblems, fmt.Errorf("writing the map: %w", err)}
		}
		return nil
	}
	if _, err = f.Write(text); err == nil {
		err = f.Commit()
	}
	if err != nil {
		return renderError(ctx, err, 0, file)
	}
	return nil
}

// readInput reads the file to import, of at most arguments.MaxFileSize
// bytes, as argmap reads a map.
func readInput(file string) ([]byte, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, pathError(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("cannot read %s: it is a directory", file)
	}
	if st.Mode().IsRegular() && st.Size() > arguments.MaxFileSize {
		return nil, fmt.Errorf("cannot read %s: it has %d bytes, more than argmap reads (%d)", file, st.Size(), arguments.MaxFileSize)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, pathError(err))
	}
	if len(data) > arguments.MaxFileSize {
		return nil, fmt.Errorf("cannot read %s: more than %d bytes", file, arguments.MaxFileSize)
	}
	return data, nil
}

// importTotals are the counts that the summary line of an import's
// diagnostics gives: the file read, and the arguments imported.
func importTotals(m *importers.Map) diagnostic.Totals {
	if m == nil {
		return diagnostic.Totals{Files: 1}
	}
	return diagnostic.Totals{Files: 1, Maps: 1, Arguments: len(m.Arguments)}
}
