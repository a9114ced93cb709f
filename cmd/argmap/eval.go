package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/renderers/exchange"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// evaluationFlags are the flags of the commands that evaluate a map.
func evaluationFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "semantics", Aliases: []string{"s"}, Value: "grounded",
			Usage: "the semantics: " + strings.Join(evaluate.MethodNames(), ", ")},
		supportFlag(),
		&cli.StringFlag{Name: "without", Usage: "evaluate with these arguments withdrawn: `ID,...`"},
		&cli.BoolFlag{Name: "strict", Usage: "refuse a map with warnings"},
		timeoutFlag(),
		maxAttacksFlag(),
		includeRootFlag(),
	}
}

// supportUsage is the help of --support, here and in render.
const supportUsage = "how supports are read: supported-secondary (the default: supported and secondary attacks), " +
	"deductive (supported and mediated attacks), necessary (secondary and extended attacks) or ignore (attacks only)"

// deductiveNote is said on standard error when --support deductive is given: before
// the reading of that name was offered, argmap called its default deductive, so a
// script that asks for it by name now gets another reading than it used to.
const deductiveNote = "argmap: note: --support deductive reads supports as deductive support " +
	"(Cayrol & Lagasquie-Schiex 2013: supported and mediated attacks); the reading argmap used to call " +
	"deductive is --support supported-secondary, the default\n"

// evaluationOptions reads the evaluation flags, for the map m.
func evaluationOptions(c *cli.Context, m *arguments.Map) (evaluate.Options, error) {
	method, err := evaluate.ParseMethod(c.String("semantics"))
	if err != nil {
		return evaluate.Options{}, usageError("--semantics: %v", err)
	}
	return evaluationOptionsFor(c, m, method)
}

// evaluationOptionsFor reads the evaluation flags but --semantics, for the
// map m evaluated by method.
func evaluationOptionsFor(c *cli.Context, m *arguments.Map, method evaluate.Method) (evaluate.Options, error) {
	mode, err := supportMode(c)
	if err != nil {
		return evaluate.Options{}, err
	}
	opt := evaluate.Options{Method: method, Support: mode, MaxAttacks: c.Int("max-attacks")}
	if w := c.String("without"); w != "" {
		for _, id := range strings.Split(w, ",") {
			id = strings.TrimSpace(id)
			if m.Argument(id) == nil {
				return opt, usageError("--without: no argument %q in %s%s", id, m.Root.Name, didYouMeanID(m, id))
			}
			opt.Without = append(opt.Without, id)
		}
	}
	return opt, nil
}

func didYouMeanID(m *arguments.Map, id string) string {
	if best := m.ClosestID(id); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "say which arguments stand and which fall under a semantics",
		ArgsUsage: "FILE",
		Description: `Evaluates the map whose root file is FILE under a semantics of argumentation
theory: Dung's grounded, complete, preferred, stable, semi-stable, stage or
ideal semantics, which accept and reject (each argument is in, out or
undecided), or a gradual semantics (h-categorizer, df-quad), which scores.
Supports are read as --support says. --without evaluates the map with some
arguments withdrawn. --compare puts several semantics side by side (and,
with --without, the labels before and after).`,
		Flags: append(evaluationFlags(), compareFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"}),
		Action: runEval,
	}
}

func runEval(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("unknown format %q for --format: use text or json", format)
	}
	if c.NArg() != 1 {
		return usageError("eval needs one map: argmap eval FILE")
	}
	file := c.Args().First()
	timeout, cancel, err := startTimeout(c)
	if err != nil {
		return err
	}
	defer cancel()
	m, err := loadChecked(c, file, "evaluating")
	if err != nil {
		return evalError(c, err, timeout, "evaluating", file)
	}
	if c.Bool("compare") {
		cmp, err := runCompare(c, m)
		if err != nil {
			if _, usage := err.(*exitError); usage {
				return err
			}
			return evalError(c, err, timeout, "evaluating", file)
		}
		if format == "json" {
			err = writeCompareJSON(c.App.Writer, cmp)
		} else {
			err = writeCompareText(c.App.Writer, cmp)
		}
		if err != nil {
			return &exitError{exitProblems, err}
		}
		return nil
	}
	opt, err := evaluationOptions(c, m)
	if err != nil {
		return err
	}
	res, err := evaluate.Evaluate(c.Context, m, opt)
	if err != nil {
		return evalError(c, err, timeout, "evaluating", file)
	}
	if format == "json" {
		err = writeEvalJSON(c.App.Writer, res)
	} else {
		err = writeEvalText(c.App.Writer, res)
	}
	if err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}

// writeEvalJSON writes the JSON output of argmap eval, documented in the
// README; package exchange defines it, for the JSON export too.
func writeEvalJSON(w io.Writer, res *evaluate.Result) error {
	return exchange.WriteEvaluation(w, res)
}

func writeEvalText(w io.Writer, res *evaluate.Result) error {
	ew := &lineWriter{w: w}
	title := res.Map.Title
	if title == "" {
		title = res.Map.Root.Name
	}
	ew.printf("%s\n", termtext.Escape(title)) // the map's text must not control the terminal
	ew.printf("%s semantics, %s", res.Options.Method, supportReading(res.Options))
	if len(res.Options.Without) > 0 {
		ew.printf(", without %s", strings.Join(res.Options.Without, ", "))
	}
	ew.printf("\n\n")
	width := 0
	for _, st := range res.Arguments {
		width = max(width, len(st.ID))
	}
	gradual := res.Options.Method.Gradual != 0
	counts := map[semantics.Label]int{}
	for _, st := range res.Arguments {
		claim := res.Map.Argument(st.ID).Claim
		if gradual {
			ew.printf("  %.3f  %-*s  %s\n", st.Score, width, st.ID, termtext.Escape(shorten(claim, 70)))
			continue
		}
		counts[st.Label]++
		ew.printf("  %-5s  %-*s  %s\n", st.Label, width, st.ID, termtext.Escape(shorten(claim, 70)))
	}
	if gradual {
		ew.printf("\n%s\n", scoresNote(res.Options))
		return ew.err
	}
	ew.printf("\n%d in, %d out, %d undecided of %d arguments.\n", counts[semantics.In], counts[semantics.Out], counts[semantics.Undec], len(res.Arguments))
	s := res.Options.Method.Semantics
	switch {
	case res.TooManyExtensions:
		ew.printf("%s semantics has more than 10,000 extensions, too many to list: in = in all of them, out = in none, undec = in some, decided argument by argument.\n", s)
	case len(res.Extensions) == 0:
		ew.printf("There is no %s extension: every argument is undecided.\n", s)
	case res.Options.Method.Carneades:
		ew.printf("in = meets its proof standard (or stands as an assumption); out = does not; undec = depends on a cycle.\n")
	case s != semantics.Grounded && s != semantics.Ideal:
		ew.printf("%s extensions (%d): in = in all of them, out = in none, undec = in some.\n", s, len(res.Extensions))
		for _, e := range res.Extensions {
			ew.printf("  {%s}\n", strings.Join(e, ", "))
		}
	}
	return ew.err
}

// supportReading says how the evaluation read the supports, for the header of eval's
// text: DF-QuAD weighs them as they are, the other semantics read them as --support
// says.
func supportReading(opt evaluate.Options) string {
	switch {
	case opt.Method.Gradual == evaluate.DFQuAD:
		return "supports and attacks as the map gives them"
	case opt.Method.Carneades:
		return "proof standards over the supports (pro) and attacks (con) as the map gives them"
	case opt.Support == bipolar.Ignore:
		return "supports ignored"
	}
	return "supports read as " + opt.Support.String()
}

// scoresNote says what the scores of a gradual semantics mean, true for each: the
// h-categorizer gives an unattacked argument 1, DF-QuAD its base score.
func scoresNote(opt evaluate.Options) string {
	if opt.Method.Gradual == evaluate.DFQuAD {
		return "Scores from 0 to 1: each argument starts from its weight (0.5 unless the map gives one), " +
			"which its attackers lower and its supporters raise; one with neither keeps its weight."
	}
	note := "Scores from 0 to 1: 1 for an argument nothing attacks, the lower the stronger its attackers"
	if opt.Support != bipolar.Ignore {
		note += " (attacks derived from the supports included)"
	}
	return note + "."
}

// shorten cuts s to at most n characters, at a word if it can.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// lineWriter remembers the first write error.
type lineWriter struct {
	w   io.Writer
	err error
}

func (l *lineWriter) printf(format string, args ...any) {
	if l.err == nil {
		_, l.err = fmt.Fprintf(l.w, format, args...)
	}
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "say why an argument is accepted, rejected or undecided",
		ArgsUsage: "FILE ID",
		Description: `Explains, in sentences for a student, why the argument ID of the map whose
root file is FILE has its status: under grounded semantics, the chain of
attackers and defenders that settles it; under the others, an extension
that holds it and one that does not, or why none can; under a gradual
semantics, how its score was computed. --format json gives the same text
with the argument's label (or score) and its critical questions.`,
		Flags: append(evaluationFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"}),
		Action: runExplain,
	}
}

func runExplain(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("unknown format %q for --format: use text or json", format)
	}
	if c.NArg() != 2 {
		return usageError("explain needs a map and an argument: argmap explain FILE ID")
	}
	file := c.Args().Get(0)
	timeout, cancel, err := startTimeout(c)
	if err != nil {
		return err
	}
	defer cancel()
	m, err := loadChecked(c, file, "explaining")
	if err != nil {
		return evalError(c, err, timeout, "explaining", file)
	}
	id := c.Args().Get(1)
	if m.Argument(id) == nil {
		return usageError("no argument %q in %s%s", id, m.Root.Name, didYouMeanID(m, id))
	}
	opt, err := evaluationOptions(c, m)
	if err != nil {
		return err
	}
	for _, w := range opt.Without {
		if w == id {
			return usageError("%s is withdrawn (--without): there is nothing to explain", id)
		}
	}
	res, err := evaluate.Evaluate(c.Context, m, opt)
	if err != nil {
		return evalError(c, err, timeout, "explaining", file)
	}
	if format == "json" {
		return writeExplanationJSON(c, res, id, timeout, file)
	}
	return writeExplanation(c, res, id, timeout, file)
}

// explainJSON is the JSON output of argmap explain, documented in the
// README.
type explainJSON struct {
	Map         string                  `json:"map"`
	ID          string                  `json:"id"`
	Claim       string                  `json:"claim"`
	Semantics   string                  `json:"semantics"`
	Support     string                  `json:"support"`
	Without     []string                `json:"without"`
	Label       string                  `json:"label,omitempty"`
	Score       *float64                `json:"score,omitempty"`
	Explanation string                  `json:"explanation"`
	Questions   []evaluate.QuestionText `json:"questions,omitempty"`
}

func writeExplanationJSON(c *cli.Context, res *evaluate.Result, id string, timeout time.Duration, file string) error {
	text, err := res.Explain(c.Context, id)
	if c.Context.Err() != nil {
		return evalError(c, c.Context.Err(), timeout, "explaining", file)
	}
	if err != nil {
		return evalError(c, fmt.Errorf("explaining %s in %s: %w", id, file, err), timeout, "explaining", file)
	}
	st, _ := res.Status(id)
	out := explainJSON{Map: res.Map.Root.Name, ID: id, Claim: res.Map.Argument(id).Claim, Semantics: res.Options.Method.String(),
		Support: res.Options.Support.String(), Without: append([]string{}, res.Options.Without...), Explanation: text,
		Questions: evaluate.Questions(res.Map, res.Map.Argument(id))}
	if res.Options.Method.Gradual != 0 {
		out.Score = &st.Score
	} else {
		out.Label = st.Label.String()
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}

// explainer is what writeExplanation asks for an explanation: an
// *evaluate.Result, or in tests one that fails.
type explainer interface {
	Explain(ctx context.Context, id string) (string, error)
}

// writeExplanation writes e's explanation of id. The usage errors of
// Explain (an unknown or withdrawn id, a gradual semantics) are ruled out
// before: an error left is a problem of the evaluation, exit status 1, as
// for eval, and a timeout is told as eval tells it.
func writeExplanation(c *cli.Context, e explainer, id string, timeout time.Duration, file string) error {
	text, err := e.Explain(c.Context, id)
	if c.Context.Err() != nil {
		return evalError(c, c.Context.Err(), timeout, "explaining", file)
	}
	if err != nil {
		return evalError(c, fmt.Errorf("explaining %s in %s: %w", id, file, err), timeout, "explaining", file)
	}
	if _, err := io.WriteString(c.App.Writer, text); err != nil {
		return &exitError{exitProblems, err}
	}
	return nil
}

// timeoutFlag is the --timeout of eval, explain and solve.
func timeoutFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "timeout",
		Usage: "give up after `DURATION`, such as 30s or 5m (default: no limit)",
	}
}

// maxAttacksFlag is the --max-attacks of eval, explain and solve.
func maxAttacksFlag() cli.Flag {
	return &cli.IntFlag{
		Name: "max-attacks",
		Usage: fmt.Sprintf("refuse a map whose supports derive more than `N` attacks (0: the default, %d; -1: no limit)",
			bipolar.DefaultMaxAttacks),
	}
}

// startTimeout reads --timeout and, when it is set, limits the command's
// context to it: c.Context is replaced, so that every phase that takes the
// context counts, loading the map (and evaluating its expectations) included.
// The caller must call cancel.
func startTimeout(c *cli.Context) (timeout time.Duration, cancel context.CancelFunc, err error) {
	if s := c.String("timeout"); c.IsSet("timeout") {
		timeout, err = time.ParseDuration(s)
		if err != nil || timeout < 0 {
			return 0, nil, usageError("bad --timeout %q: use a duration such as 500ms, 30s or 5m", s)
		}
	}
	ctx := c.Context
	if ctx == nil {
		ctx = context.Background()
	}
	cancel = func() {}
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	c.Context = ctx
	return timeout, cancel, nil
}

// evalError is the error of a command that evaluated the map in file (verb
// says how: "evaluating", "solving"): a timeout and a map too large to
// evaluate get a message saying what to do; other errors pass unchanged.
func evalError(c *cli.Context, err error, timeout time.Duration, verb, file string) error {
	if c.Context != nil && errors.Is(c.Context.Err(), context.DeadlineExceeded) {
		return &exitError{exitProblems, fmt.Errorf("timed out after %v %s %s; nothing was printed on standard output: --timeout sets the limit", timeout, verb, file)}
	}
	var le *bipolar.LimitError
	if errors.As(err, &le) {
		what := "Evaluate it with --support ignore, withdraw arguments with --without, or raise the bound"
		if verb == "solving" { // solve reads supports as supported-secondary, and has no --support
			what = "Solve a map with fewer supports (argmap eval --support ignore leaves them out), or raise the bound"
		}
		return &exitError{exitProblems, fmt.Errorf("not %s %s: %v.\n%s with --max-attacks N (-1 for none; each attack takes about 50 bytes).",
			verb, file, le.Summary(), what)}
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return &exitError{exitProblems, err}
}
