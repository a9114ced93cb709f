package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/termtext"
)

func gradeCommand() *cli.Command {
	return &cli.Command{
		Name:      "grade",
		Usage:     "score a student's answer, the labels of its [expect.*] tables, against a key",
		ArgsUsage: "ANSWER",
		Description: `A lecturer hands out a map; a student answers with a file that includes it
and adds [expect.SEMANTICS] tables: the labels the student expects. The key
is the lecturer's file: it includes the same map and asks, in its own
[expect.*] tables, the questions that are graded (argmap check keeps the
key's tables true). grade scores each question the key asks: right, wrong,
or not answered. It does not reveal the label of a question the student
did not answer, nor (unless --reveal) the right label of a wrong answer.
Exit status 0 when the answer was graded, whatever its score; 1 when the
answer or the key has errors; 2 for a usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "key", Usage: "the key: a map file whose [expect.*] tables are the questions and their answers, `FILE`"},
			&cli.BoolFlag{Name: "reveal", Usage: "give the key's label for each wrong answer"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			timeoutFlag(),
			includeRootFlag(),
		},
		Action: runGrade,
	}
}

// question is one argument's label under one reading, as a key asks it.
type question struct {
	semantics, support, id string
}

// gradedQuestion is a question with the student's answer and its result.
type gradedQuestion struct {
	question
	answer string // "" when not answered
	key    string // the right label
	result string // right, wrong, unanswered
}

// grading is what argmap grade found.
type grading struct {
	answer, key string
	questions   []gradedQuestion
	notAsked    []gradedQuestion // answers to questions the key does not ask
	right       int
	wrong       int
	unanswered  int
}

func runGrade(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("unknown format %q for --format: use text or json", format)
	}
	if c.NArg() != 1 {
		return usageError("grade needs one answer: argmap grade ANSWER --key KEY")
	}
	answerFile, keyFile := c.Args().First(), c.String("key")
	if keyFile == "" {
		return usageError("grade needs a key: argmap grade ANSWER --key KEY")
	}
	timeout, cancel, err := startTimeout(c)
	if err != nil {
		return err
	}
	defer cancel()
	key, err := loadChecked(c, keyFile, "grading against")
	if err != nil {
		return evalError(c, err, timeout, "grading against", keyFile)
	}
	answer, err := loadAnswer(c, answerFile)
	if err != nil {
		return err
	}
	g, err := grade(c.Context, answer, key)
	if err != nil {
		return evalError(c, err, timeout, "grading", answerFile)
	}
	g.answer, g.key = answerFile, keyFile
	if format == "json" {
		err = writeGradeJSON(c.App.Writer, g, c.Bool("reveal"))
	} else {
		err = writeGradeText(c.App.Writer, g, c.Bool("reveal"))
	}
	if err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}

// loadAnswer loads a student's answer as check does, except that its
// expectations are not evaluated: a wrong expectation is a wrong answer,
// not an error. Mistakes of the tables themselves (an unknown semantics)
// are reported.
func loadAnswer(c *cli.Context, path string) (*arguments.Map, error) {
	loader, err := newLoader(c)
	if err != nil {
		return nil, err
	}
	tables := func(_ context.Context, m *arguments.Map, diags diagnostic.Diagnostics) diagnostic.Diagnostics {
		diags = append(diags, evaluate.CheckExpectationTables(m)...)
		diags.Sort()
		return diags
	}
	mc := loader.CheckMap(c.Context, path, tables)
	m, diags := mc.Map, mc.Diagnostics
	if err := writeMapDiagnostics(c, loader, m, diags); err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, &exitError{exitProblems, fmt.Errorf("not grading %s: the answer has errors", path)}
	}
	return m, nil
}

// grade scores the expectations of answer's own files (not those of the
// files it shares with key, the map handed out) against the questions of
// key: its expectations, answered by evaluating key.
func grade(ctx context.Context, answer, key *arguments.Map) (*grading, error) {
	// The files the two maps share are the map handed out: its own
	// expectations are neither questions nor answers.
	inKey := map[string]bool{}
	for _, f := range key.Files {
		inKey[absName(f.Name)] = true
	}
	shared := map[string]bool{}
	for _, f := range answer.Files {
		if inKey[absName(f.Name)] {
			shared[absName(f.Name)] = true
		}
	}
	answers := map[question]string{}
	var answerOrder []question
	for _, x := range answer.Expectations {
		if shared[absName(x.File.Name)] {
			continue
		}
		opt, d := evaluate.ExpectationOptions(x)
		if d != nil {
			continue // reported when the answer was loaded
		}
		for _, l := range x.Labels {
			q := question{opt.Method.String(), opt.Support.String(), l.ID}
			if _, dup := answers[q]; !dup {
				answers[q] = l.Label
				answerOrder = append(answerOrder, q)
			}
		}
	}
	g := &grading{}
	asked := map[question]bool{}
	type reading struct{ semantics, support string }
	results := map[reading]*evaluate.Result{}
	for _, x := range key.Expectations {
		if shared[absName(x.File.Name)] {
			continue
		}
		opt, d := evaluate.ExpectationOptions(x)
		if d != nil {
			continue // the key was checked: cannot happen
		}
		r := reading{opt.Method.String(), opt.Support.String()}
		res := results[r]
		if res == nil {
			var err error
			if res, err = evaluate.Evaluate(ctx, key, opt); err != nil {
				return nil, err
			}
			results[r] = res
		}
		for _, l := range x.Labels {
			q := question{opt.Method.String(), opt.Support.String(), l.ID}
			if asked[q] {
				continue
			}
			asked[q] = true
			st, _ := res.Status(l.ID)
			gq := gradedQuestion{question: q, answer: answers[q], key: st.Label.String()}
			switch {
			case gq.answer == "":
				gq.result = "unanswered"
				g.unanswered++
			case gq.answer == gq.key:
				gq.result = "right"
				g.right++
			default:
				gq.result = "wrong"
				g.wrong++
			}
			g.questions = append(g.questions, gq)
		}
	}
	// The questions of one reading together, readings in the order the key
	// first asks them.
	first := map[[2]string]int{}
	for i, q := range g.questions {
		if _, ok := first[[2]string{q.semantics, q.support}]; !ok {
			first[[2]string{q.semantics, q.support}] = i
		}
	}
	slices.SortStableFunc(g.questions, func(a, b gradedQuestion) int {
		return first[[2]string{a.semantics, a.support}] - first[[2]string{b.semantics, b.support}]
	})
	for _, q := range answerOrder {
		if !asked[q] {
			g.notAsked = append(g.notAsked, gradedQuestion{question: q, answer: answers[q], result: "not asked"})
		}
	}
	return g, nil
}

// absName is a file's name made absolute, to tell whether two maps share
// the file.
func absName(name string) string {
	if abs, err := filepath.Abs(name); err == nil {
		return abs
	}
	return name
}

func (g *grading) total() int { return len(g.questions) }

// percent is the score in whole percent, 0 with no question.
func (g *grading) percent() int {
	if g.total() == 0 {
		return 0
	}
	return (200*g.right + g.total()) / (2 * g.total()) // rounded half up
}

func writeGradeText(w io.Writer, g *grading, reveal bool) error {
	ew := &lineWriter{w: w}
	ew.printf("%s, graded against %s: %d of %d right (%d%%)", termtext.Escape(g.answer), termtext.Escape(g.key), g.right, g.total(), g.percent())
	if g.wrong > 0 || g.unanswered > 0 {
		ew.printf(", %d wrong, %d not answered", g.wrong, g.unanswered)
	}
	ew.printf("\n")
	width := 0
	for _, q := range g.questions {
		width = max(width, len(q.id))
	}
	var reading question
	for i, q := range g.questions {
		if i == 0 || q.semantics != reading.semantics || q.support != reading.support {
			reading = q.question
			ew.printf("\n%s semantics, supports read as %s\n", q.semantics, q.support)
		}
		line := fmt.Sprintf("  %-12s  %-*s  %s", q.result, width, q.id, q.answer)
		if q.result == "wrong" && reveal {
			line += fmt.Sprintf(" (the key: %s)", q.key)
		}
		ew.printf("%s\n", strings.TrimRight(line, " "))
	}
	if len(g.notAsked) > 0 {
		ew.printf("\nNot graded, the key does not ask:\n")
		for _, q := range g.notAsked {
			ew.printf("  %s under %s semantics (%s): %s\n", q.id, q.semantics, q.support, q.answer)
		}
	}
	return ew.err
}

// gradeJSON is the JSON output of argmap grade, documented in the README.
type gradeJSON struct {
	Answer     string              `json:"answer"`
	Key        string              `json:"key"`
	Right      int                 `json:"right"`
	Wrong      int                 `json:"wrong"`
	Unanswered int                 `json:"unanswered"`
	Total      int                 `json:"total"`
	Percent    int                 `json:"percent"`
	Questions  []gradeQuestionJSON `json:"questions"`
	NotAsked   []gradeQuestionJSON `json:"not_asked"`
}

type gradeQuestionJSON struct {
	Semantics string `json:"semantics"`
	Support   string `json:"support"`
	ID        string `json:"id"`
	Answer    string `json:"answer,omitempty"`
	Result    string `json:"result"`
	// Key is the right label, given with --reveal for a wrong answer only.
	Key string `json:"key,omitempty"`
}

func writeGradeJSON(w io.Writer, g *grading, reveal bool) error {
	out := gradeJSON{Answer: g.answer, Key: g.key, Right: g.right, Wrong: g.wrong, Unanswered: g.unanswered,
		Total: g.total(), Percent: g.percent(), Questions: []gradeQuestionJSON{}, NotAsked: []gradeQuestionJSON{}}
	for _, q := range g.questions {
		j := gradeQuestionJSON{Semantics: q.semantics, Support: q.support, ID: q.id, Answer: q.answer, Result: q.result}
		if reveal && q.result == "wrong" {
			j.Key = q.key
		}
		out.Questions = append(out.Questions, j)
	}
	for _, q := range g.notAsked {
		out.NotAsked = append(out.NotAsked, gradeQuestionJSON{Semantics: q.semantics, Support: q.support, ID: q.id, Answer: q.answer, Result: q.result})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
