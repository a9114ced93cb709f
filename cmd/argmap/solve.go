package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/internal/suggest"
	"github.com/argmap/argmap/semantics"
)

func solveCommand() *cli.Command {
	return &cli.Command{
		Name:      "solve",
		Usage:     "solve an ICCMA 2023 reasoning task, as argumentation competition solvers do",
		UsageText: "argmap solve -p TASK -f FILE [-a ARG] [--support MODE] [--timeout DURATION]\nargmap solve --problems\nargmap solve",
		Description: `Solves a reasoning task of the International Competition on Computational
Models of Argumentation (ICCMA 2023) and prints the answer exactly as a
competition solver does:

  DC-σ  YES and a witness line "w 1 4 7" (an extension containing ARG), or NO
  DS-σ  YES, or NO and a counter-example line (an extension without ARG)
  SE-σ  a witness line ("w" alone for the empty extension), or NO if none
  EE-σ  one witness line per extension, or NO if there is none

for σ in GR, CO, PR, ST, SST, STG, ID. --problems lists the tasks; with no
options at all, argmap solve prints its name and version.

FILE is an ICCMA i23 file ("p af N", then "a b" attack lines over the
arguments 1..N) or, if its name ends in .toml, an argmap map: then ARG is an
argument id and witness lines name ids, in the map's order. The map's
problems are reported on standard error, and errors stop the solving. Its
framework is the one argmap eval evaluates: its attacks and the attacks its
supports give rise to, as --support reads them. An i23 file has no supports,
and takes no --support.

--timeout gives up after DURATION (such as 30s or 5m): nothing is printed on
standard output, and a message on standard error says so. The answer is
printed only once it is complete.

Exit status: 0 solved (whatever the answer), 1 an unreadable or invalid FILE,
a map with errors, or the time ran out, 2 usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "task",
				Aliases: []string{"p"},
				Usage:   "the `TASK` to solve, such as DC-PR (see --problems)",
			},
			&cli.StringFlag{
				Name:    "file",
				Aliases: []string{"f"},
				Usage:   "the framework: an i23 `FILE`, or an argmap map (*.toml)",
			},
			&cli.StringFlag{
				Name:    "argument",
				Aliases: []string{"a"},
				Usage:   "the query argument of DC and DS tasks: `ARG` 1..N of an i23 file, an id of a map",
			},
			supportFlag(),
			timeoutFlag(),
			maxAttacksFlag(),
			&cli.BoolFlag{
				Name:  "problems",
				Usage: "list the supported tasks, as [DC-GR,DC-CO,...]",
			},
		},
		Action: runSolve,
	}
}

func runSolve(c *cli.Context) error {
	w := c.App.Writer
	if c.NumFlags() == 0 && c.NArg() == 0 {
		// The banner of a competition solver run without arguments.
		_, err := fmt.Fprintf(w, "argmap %s\n", c.App.Version)
		return writeError(err)
	}
	if c.NArg() > 0 {
		return usageError("unexpected argument %q: give the file with -f %s", c.Args().First(), c.Args().First())
	}
	if c.Bool("problems") {
		for _, name := range []string{"task", "file", "argument", "support", "timeout", "max-attacks"} {
			if c.IsSet(name) {
				return usageError("--problems lists the tasks and takes no other option, not --%s", name)
			}
		}
		_, err := fmt.Fprintf(w, "[%s]\n", strings.Join(taskNames(), ","))
		return writeError(err)
	}

	if !c.IsSet("task") {
		return usageError("solve needs a task: argmap solve -p TASK -f FILE [-a ARG] (argmap solve --problems lists the tasks)")
	}
	task, err := parseTask(c.String("task"))
	if err != nil {
		return err
	}
	file := c.String("file")
	if file == "" {
		return usageError("solve needs a file: -f FILE, an ICCMA i23 file or an argmap map (*.toml)")
	}
	query := c.String("argument")
	switch {
	case task.NeedsArgument() && !c.IsSet("argument"):
		return usageError("%v needs a query argument: -a ARG", task)
	case !task.NeedsArgument() && c.IsSet("argument"):
		return usageError("-a applies to DC and DS tasks only, not %v", task)
	case !isMapFile(file) && c.IsSet("support"):
		return usageError("--support applies to an argmap map (*.toml), whose supports it reads; %s is an i23 file, which has attacks only", file)
	}
	// The time limit covers the whole run: loading a map, evaluating its
	// expectations, deriving its attacks and building the framework stop
	// when it runs out; reading an i23 file is not interrupted, but the time
	// it takes counts.
	timeout, cancel, err := startTimeout(c)
	if err != nil {
		return err
	}
	defer cancel()
	ctx := c.Context
	timedOut := func() error {
		return &exitError{exitProblems, fmt.Errorf("timed out after %v solving %v on %s; no answer was printed", timeout, task, file)}
	}

	var fw *solveFramework
	if isMapFile(file) {
		fw, err = loadMapFramework(c, file)
	} else {
		fw, err = loadI23Framework(file)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return timedOut()
	}
	if err != nil {
		return err
	}
	arg := -1
	if task.NeedsArgument() {
		if arg, err = fw.argument(query); err != nil {
			return err
		}
	}

	// The answer is found whole before any of it is written: a run cut short
	// prints nothing on standard output, never half an answer. (For EE it
	// holds every extension at once, as semantics.Extensions does anyway: it
	// finds them all before yielding the first.)
	var answer *iccma.Answer
	err = ctx.Err() // the time may have run out while reading
	if err == nil {
		answer, err = iccma.Solve(ctx, fw.framework, task, arg)
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return timedOut()
		}
		return &exitError{exitProblems, err}
	}
	if fw.nodes != nil {
		_, err = answer.WriteNamed(w, fw.nodes.ID)
	} else {
		_, err = answer.WriteTo(w)
	}
	return writeError(err)
}

func writeError(err error) error {
	if err != nil {
		return &exitError{exitProblems, fmt.Errorf("writing the answer: %w", err)}
	}
	return nil
}

// taskNames are the names of the supported tasks, in the order of iccma.Tasks.
func taskNames() []string {
	var names []string
	for _, t := range iccma.Tasks() {
		names = append(names, t.String())
	}
	return names
}

// parseTask parses -p TASK; an unknown task is a usage error with a
// did-you-mean.
func parseTask(name string) (iccma.Task, error) {
	t, err := iccma.ParseTask(name)
	if err == nil {
		return t, nil
	}
	if best := suggest.Closest(strings.ToUpper(name), taskNames()); best != "" {
		return t, usageError("unknown task %q (did you mean %s?): argmap solve --problems lists the tasks", name, best)
	}
	return t, usageError("unknown task %q: a task is a problem (DC, DS, SE, EE) and a semantics (GR, CO, PR, ST, SST, STG, ID), such as DC-PR; argmap solve --problems lists them", name)
}

// isMapFile reports whether -f names an argmap map rather than an i23 file:
// by the name's extension only, so that an i23 file is never taken for TOML.
func isMapFile(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".toml")
}

// solveFramework is the framework of -f with what is needed to name its
// arguments.
type solveFramework struct {
	file      string
	framework *semantics.Framework
	// nodes relate the nodes of a map's framework to its ids; nil for an i23
	// file. A map's framework may have more nodes than arguments: the
	// inferences of undercut supports, which have no id and are never
	// printed.
	nodes *evaluate.Nodes
}

// loadI23Framework reads an i23 file.
func loadI23Framework(file string) (*solveFramework, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, &exitError{exitProblems, fmt.Errorf("cannot read %s: %w", file, pathError(err))}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &exitError{exitProblems, fmt.Errorf("cannot read %s: it is a directory", file)}
	}
	fw, err := iccma.ReadFramework(f)
	if err != nil {
		var d diagnostic.Diagnostic
		if errors.As(err, &d) {
			d.Range.Filename = file
			return nil, &exitError{exitProblems, fmt.Errorf("%s: %s", d.Range, d.Summary)}
		}
		return nil, &exitError{exitProblems, fmt.Errorf("cannot read %s: %w", file, pathError(err))}
	}
	return &solveFramework{file: file, framework: fw}, nil
}

// pathError is err without the operation and path that the caller names
// already, as in "cannot read x.i23: no such file".
func pathError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadMapFramework loads an argmap map, checked as argmap check does, and
// returns its framework: the one argmap eval evaluates (evaluate.Framework),
// with the supports read as --support says.
func loadMapFramework(c *cli.Context, file string) (*solveFramework, error) {
	mode, err := supportMode(c) // a usage error before any work
	if err != nil {
		return nil, err
	}
	m, err := loadChecked(c, file, "solving")
	if err != nil {
		return nil, err
	}
	f, nodes, err := evaluate.Framework(c.Context, m, evaluate.Options{Support: mode, MaxAttacks: c.Int("max-attacks")})
	if err != nil {
		return nil, evalError(c, err, 0, "solving", file)
	}
	return &solveFramework{file: file, framework: f, nodes: nodes}, nil
}

// argument parses -a ARG: a number 1..N for an i23 file, an id for a map. A
// query that is not an argument is a usage error naming the valid ones.
func (fw *solveFramework) argument(query string) (int, error) {
	if fw.nodes != nil {
		if n, ok := fw.nodes.Node(query); ok {
			return n, nil
		}
		ids := fw.nodes.IDs()
		hint := ""
		if best := suggest.Closest(query, ids); best != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", best)
		}
		return 0, usageError("-a %q is not an argument of %s%s: give one of its ids: %s", query, fw.file, hint, idList(ids))
	}
	n := fw.framework.Len()
	v, err := strconv.Atoi(strings.TrimSpace(query))
	switch {
	case n == 0:
		return 0, usageError("-a %q is not an argument of %s, which has none", query, fw.file)
	case err != nil:
		return 0, usageError("-a %q is not an argument of %s: give a number from 1 to %d", query, fw.file, n)
	case v < 1 || v > n:
		return 0, usageError("-a %d is not an argument of %s, which has the arguments 1..%d", v, fw.file, n)
	}
	return v - 1, nil
}

// idList lists ids for a message, the first few only.
func idList(ids []string) string {
	const most = 8
	if len(ids) <= most {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s, ... (%d in all)", strings.Join(ids[:most], ", "), len(ids))
}
