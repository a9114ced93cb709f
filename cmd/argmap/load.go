package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
)

// includeRootFlag is the --include-root flag of every command that loads
// maps; newLoader reads it.
func includeRootFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "include-root",
		Usage: "read included files only inside `DIR` (default: the directory checked, or the map's directory)",
	}
}

// newLoader returns a loader for the command's --include-root, which must
// name a directory: a typo would otherwise refuse every include.
func newLoader(c *cli.Context) (*arguments.Loader, error) {
	root := c.String("include-root")
	if root != "" {
		info, err := os.Stat(root)
		if err != nil {
			return nil, usageError("--include-root %s: %v", root, err)
		}
		if !info.IsDir() {
			return nil, usageError("--include-root %s: not a directory: name the directory that included files must lie in", root)
		}
	}
	return &arguments.Loader{IncludeRoot: root}, nil
}

// loadChecked loads the map whose root file is path and checks it as argmap
// check does, reporting its problems on standard error. A map with errors
// (or warnings, with --strict) is refused: verb says what was not done.
func loadChecked(c *cli.Context, path, verb string) (*arguments.Map, error) {
	loader, err := newLoader(c)
	if err != nil {
		return nil, err
	}
	mc := loader.CheckMap(c.Context, path, evaluate.CheckMap)
	m, diags := mc.Map, mc.Diagnostics
	if err := writeMapDiagnostics(c, loader, m, diags); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, &exitError{code: exitProblems, err: fmt.Errorf("not %s %s: the map has errors", verb, path)}
	}
	if c.Bool("strict") && len(diags) > 0 {
		return nil, &exitError{code: exitProblems, err: fmt.Errorf("not %s %s: the map has warnings (--strict)", verb, path)}
	}
	return m, nil
}

// writeMapDiagnostics writes the diagnostics of loading the map m, if any,
// on standard error as check's text does.
func writeMapDiagnostics(c *cli.Context, loader *arguments.Loader, m *arguments.Map, diags diagnostic.Diagnostics) error {
	if len(diags) == 0 {
		return nil
	}
	err := diagnostic.Write(c.App.ErrWriter, "text", diagnostic.Report{
		Diagnostics: diags,
		Totals:      diagnostic.Totals{Files: len(m.Files), Maps: 1, Arguments: len(m.Arguments)},
		Source:      loader.Source,
		Rules:       arguments.Rules(),
		Version:     c.App.Version,
	})
	if err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}
