package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/termtext"
)

func questionsCommand() *cli.Command {
	return &cli.Command{
		Name:      "questions",
		Usage:     "list the critical questions of the arguments that follow a scheme: the worksheet of a seminar",
		ArgsUsage: "FILE...",
		Description: `Lists, for every argument of the maps whose root files are given that
follows an argument scheme (scheme = "..."), the scheme and each of its
critical questions with its status: open, raised by an argument of the map
(as an exception or an assumption), answered by one. Each argument that
raises or answers is given with its label under --semantics (grounded by
default), so that one sees whether the question holds. --open lists only the
open questions.

A map with errors is reported as argmap check reports it, and left out.

Exit status: 0, 1 when a map has errors (or warnings, with --strict), 2 usage error.`,
		Flags: append(evaluationFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			&cli.BoolFlag{Name: "open", Usage: "list only the open questions"},
		),
		Action: runQuestions,
	}
}

// questionsJSON is the JSON output of argmap questions.
type questionsJSON struct {
	Maps []questionsMap `json:"maps"`
}

type questionsMap struct {
	File      string              `json:"file"`
	Title     string              `json:"title,omitempty"`
	Semantics string              `json:"semantics"`
	Arguments []questionsArgument `json:"arguments"`
}

type questionsArgument struct {
	ID        string          `json:"id"`
	Label     string          `json:"label"`
	Scheme    string          `json:"scheme"`
	Title     string          `json:"title,omitempty"`
	Questions []questionEntry `json:"questions"`
}

type questionEntry struct {
	ID         string       `json:"id"`
	Text       string       `json:"text"`
	Kind       string       `json:"kind"`
	Status     string       `json:"status"` // open, raised or answered
	RaisedBy   []labelledID `json:"raised_by,omitempty"`
	AnsweredBy []labelledID `json:"answered_by,omitempty"`
}

type labelledID struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func runQuestions(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("unknown format %q for --format: use text or json", format)
	}
	if c.NArg() == 0 {
		return usageError("questions needs at least one map: argmap questions FILE...")
	}
	if m, err := evaluate.ParseMethod(c.String("semantics")); err != nil {
		return usageError("--semantics: %v", err)
	} else if m.Gradual != 0 {
		return usageError("--semantics: questions needs a semantics that accepts and rejects, not %s", m)
	}
	timeout, cancel, err := startTimeout(c)
	if err != nil {
		return err
	}
	defer cancel()
	var out questionsJSON
	var failed error
	for _, file := range c.Args().Slice() {
		m, err := loadChecked(c, file, "listing the questions of")
		if err != nil {
			if ee, ok := err.(*exitError); ok && ee.code == exitProblems {
				if ee.err != nil {
					fmt.Fprintf(c.App.ErrWriter, "argmap: %v\n", ee.err)
				}
				failed = &exitError{code: exitProblems}
				continue
			}
			return evalError(c, err, timeout, "listing the questions of", file)
		}
		opt, err := evaluationOptions(c, m)
		if err != nil {
			return err
		}
		res, err := evaluate.Evaluate(c.Context, m, opt)
		if err != nil {
			return evalError(c, err, timeout, "evaluating", file)
		}
		out.Maps = append(out.Maps, worksheet(file, m, res, c.Bool("open")))
	}
	if format == "json" {
		if out.Maps == nil {
			out.Maps = []questionsMap{}
		}
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		err = enc.Encode(out)
	} else {
		err = writeQuestionsText(c.App.Writer, out)
	}
	if err != nil {
		return &exitError{exitProblems, err}
	}
	return failed
}

// worksheet lists the critical questions of map m's arguments with a scheme,
// in the map's order.
func worksheet(file string, m *arguments.Map, res *evaluate.Result, onlyOpen bool) questionsMap {
	qm := questionsMap{File: file, Title: m.Title, Semantics: res.Options.Method.String(), Arguments: []questionsArgument{}}
	label := func(id string) labelledID {
		st, ok := res.Status(id)
		if !ok {
			return labelledID{ID: id, Label: "withdrawn"}
		}
		return labelledID{ID: id, Label: st.Label.String()}
	}
	for _, a := range m.Arguments {
		qs := evaluate.Questions(m, a)
		if len(qs) == 0 {
			continue
		}
		qa := questionsArgument{ID: a.ID, Label: label(a.ID).Label, Scheme: a.Scheme}
		if s := m.Scheme(a.Scheme); s != nil {
			qa.Title = s.Title
		}
		for _, q := range qs {
			e := questionEntry{ID: q.ID, Text: q.Text, Kind: q.Kind, Status: "open"}
			for _, id := range q.RaisedBy {
				e.RaisedBy = append(e.RaisedBy, label(id))
			}
			for _, id := range q.AnsweredBy {
				e.AnsweredBy = append(e.AnsweredBy, label(id))
			}
			switch {
			case len(e.RaisedBy) > 0:
				e.Status = "raised"
			case len(e.AnsweredBy) > 0:
				e.Status = "answered"
			}
			if onlyOpen && e.Status != "open" {
				continue
			}
			qa.Questions = append(qa.Questions, e)
		}
		if len(qa.Questions) > 0 {
			qm.Arguments = append(qm.Arguments, qa)
		}
	}
	return qm
}

func writeQuestionsText(w io.Writer, out questionsJSON) error {
	var b strings.Builder
	for i, qm := range out.Maps {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s", termtext.Escape(qm.File))
		if qm.Title != "" {
			fmt.Fprintf(&b, ": %s", termtext.Escape(qm.Title))
		}
		fmt.Fprintf(&b, "\nlabels under %s semantics\n", qm.Semantics)
		counts := map[string]int{}
		total := 0
		for _, a := range qm.Arguments {
			fmt.Fprintf(&b, "\n%s (%s): %s", a.ID, a.Label, termtext.Escape(a.Scheme))
			if a.Title != "" {
				fmt.Fprintf(&b, ", %s", termtext.Escape(a.Title))
			}
			b.WriteString("\n")
			for _, q := range a.Questions {
				total++
				counts[q.Status]++
				fmt.Fprintf(&b, "  %-9s %s: %s\n", q.Status, q.ID, termtext.Escape(q.Text))
				if len(q.RaisedBy) > 0 {
					fmt.Fprintf(&b, "            raised by %s, as an %s\n", joinLabelled(q.RaisedBy), q.Kind)
				}
				if len(q.AnsweredBy) > 0 {
					fmt.Fprintf(&b, "            answered by %s\n", joinLabelled(q.AnsweredBy))
				}
			}
		}
		if len(qm.Arguments) == 0 {
			b.WriteString("\nno critical questions to list\n")
			continue
		}
		fmt.Fprintf(&b, "\n%s of %s: %d open, %d raised, %d answered.\n",
			plural(total, "question"), plural(len(qm.Arguments), "argument"), counts["open"], counts["raised"], counts["answered"])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func joinLabelled(ids []labelledID) string {
	parts := make([]string, len(ids))
	for i, l := range ids {
		parts[i] = l.ID + " (" + l.Label + ")"
	}
	return strings.Join(parts, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
