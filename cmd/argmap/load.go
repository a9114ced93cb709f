package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/renderers/report"
)

// checkMap adds to diags the problems found by evaluating m: its failed
// expectations. A map with errors is not evaluated, since its relations
// are not all known.
func checkMap(ctx context.Context, m *arguments.Map, diags arguments.Diagnostics) arguments.Diagnostics {
	if len(m.Expectations) == 0 || !m.Complete() || hasErrorsIn(diags, m) {
		return diags
	}
	diags = append(diags, evaluate.CheckExpectations(ctx, m)...)
	diags.Sort()
	return diags
}

// hasErrorsIn reports whether one of diags is an error in a file of m.
func hasErrorsIn(diags arguments.Diagnostics, m *arguments.Map) bool {
	files := map[string]bool{}
	for _, f := range m.Files {
		files[f.Name] = true
	}
	for _, d := range diags {
		if d.Severity == arguments.Error && files[d.Range.Filename] {
			return true
		}
	}
	return false
}

// loadChecked loads the map whose root file is path and checks it as argmap
// check does, reporting its problems on standard error. A map with errors
// (or warnings, with --strict) is refused: verb says what was not done.
func loadChecked(c *cli.Context, path, verb string) (*arguments.Map, error) {
	loader := &arguments.Loader{}
	m, diags := loader.Load(path)
	diags = checkMap(c.Context, m, diags)
	if len(diags) > 0 {
		err := report.Write(c.App.ErrWriter, "text", report.Input{
			Diagnostics: diags,
			Summary:     report.Summary{Files: len(m.Files), Maps: 1, Arguments: len(m.Arguments)},
			Source:      loader.Source,
			Version:     c.App.Version,
		})
		if err != nil {
			return nil, &exitError{exitProblems, err}
		}
	}
	if diags.HasErrors() {
		return nil, &exitError{code: exitProblems, err: fmt.Errorf("not %s %s: the map has errors", verb, path)}
	}
	if c.Bool("strict") && len(diags) > 0 {
		return nil, &exitError{code: exitProblems, err: fmt.Errorf("not %s %s: the map has warnings (--strict)", verb, path)}
	}
	return m, nil
}
