package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/termtext"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check argument files and report every problem",
		ArgsUsage: "PATH...",
		Description: `Checks the argument maps in the given files, and in the *.toml files below
the given directories. Every problem is reported with its file, line and
column.

Each file is checked as part of the map it belongs to: a file that another
file of the run includes is checked in that map, and so is a file included by
a *.toml file in its directory or one above it, up to --include-root or else
the top of its Git repository (argmap says so in a note). So
argmap check $(git diff --name-only -- '*.toml') checks the maps that a change
touched.

Below a directory, TOML files that are plainly not maps are skipped with a
note: those of other tools (pyproject.toml, Cargo.toml, netlify.toml, ...) and
those without any key of the format. A file named is checked strictly, unless
it is another tool's. --exclude GLOB (repeatable) leaves out the files and
directories it matches: below a directory checked, by their path relative to
it; named, by the path as given. A * or ? matches within a path element, **
any number of elements, and a directory matched leaves out all below it:
--exclude 'vendor/**' --exclude '**/testdata'.

A map reads included files only inside its include root: the directory given,
or the directory of the file given, unless --include-root names another. A path
that is a symlink is followed; symlinks below a directory are followed when
they stay inside the include root. A directory in which nothing is left to
check (no *.toml file, or only excluded ones and ones that are not maps) is an
error: a check that checked nothing does not pass.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "format",
				Aliases: []string{"f"},
				Value:   "text",
				Usage:   "output format: " + strings.Join(diagnostic.Formats(), ", "),
			},
			&cli.BoolFlag{
				Name:  "strict",
				Usage: "fail on warnings too",
			},
			&cli.StringSliceFlag{
				Name:  "exclude",
				Usage: "leave out the paths that `GLOB` matches, relative to the directory checked (** matches any number of directories); repeatable",
			},
			includeRootFlag(),
		},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	format := c.String("format")
	if !diagnostic.ValidFormat(format) {
		return usageError("unknown format %q for --format: use one of %s", format, strings.Join(diagnostic.Formats(), ", "))
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usageError("check needs at least one file or directory: argmap check PATH...")
	}
	loader, err := newLoader(c)
	if err != nil {
		return err
	}
	for _, p := range c.StringSlice("exclude") {
		pat, err := arguments.ParseExclude(p)
		if err != nil {
			return usageError("--exclude: %v", err)
		}
		loader.Exclude = append(loader.Exclude, pat)
	}
	res := loader.Check(c.Context, paths, evaluate.CheckMap)
	err = diagnostic.Write(c.App.Writer, format, diagnostic.Report{
		Diagnostics: res.Diagnostics,
		Totals:      diagnostic.Totals{Files: res.Files(), Maps: len(res.Maps), Arguments: res.Arguments()},
		Source:      loader.Source,
		Rules:       arguments.Rules(),
		Version:     c.App.Version,
	})
	if err != nil {
		return &exitError{exitProblems, err}
	}
	// Notes go to standard error, so that json and sarif output stays one
	// document.
	for _, n := range res.Notes() {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s\n", termtext.Escape(n))
	}
	if res.Failed(c.Bool("strict")) {
		return &exitError{code: exitProblems}
	}
	return nil
}
