package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/report"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check argument files and report every problem",
		ArgsUsage: "PATH...",
		Description: `Checks the argument maps in the given files, and in the *.toml files below
the given directories. A file that another file of the run includes is checked
as part of that map. Every problem is reported with its file, line and column.

A map reads included files only inside its include root: the directory given,
or the directory of the file given, unless --include-root names another. A path
that is a symlink is followed; symlinks below a directory are followed when
they stay inside the include root. A directory without any *.toml file is an
error: a check that checked nothing does not pass.

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "format",
				Aliases: []string{"f"},
				Value:   "text",
				Usage:   "output format: " + strings.Join(report.Formats(), ", "),
			},
			&cli.BoolFlag{
				Name:  "strict",
				Usage: "fail on warnings too",
			},
			includeRootFlag(),
		},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	format := c.String("format")
	if !report.ValidFormat(format) {
		return usageError("unknown format %q for --format: use one of %s", format, strings.Join(report.Formats(), ", "))
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usageError("check needs at least one file or directory: argmap check PATH...")
	}
	loader, err := newLoader(c)
	if err != nil {
		return err
	}
	maps, diags := loader.LoadPaths(paths)
	for _, m := range maps {
		diags = checkMap(c.Context, m, diags)
	}
	files := map[*arguments.File]bool{}
	args := 0
	for _, m := range maps {
		for _, f := range m.Files {
			files[f] = true
		}
		args += len(m.Arguments)
	}
	err = report.Write(c.App.Writer, format, report.Input{
		Diagnostics: diags,
		Summary:     report.Summary{Files: len(files), Maps: len(maps), Arguments: args},
		Source:      loader.Source,
		Version:     c.App.Version,
	})
	if err != nil {
		return &exitError{exitProblems, err}
	}
	if diags.HasErrors() || (c.Bool("strict") && len(diags) > 0) {
		return &exitError{code: exitProblems}
	}
	return nil
}
