package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// failingExplainer is an explanation that cannot be given.
type failingExplainer struct{ err error }

func (f failingExplainer) Explain(context.Context, string) (string, error) { return "", f.err }

// TestWriteExplanationErrors checks the exit status of an explanation that
// fails: 1, a problem of the evaluation, with the argument and file named.
// Before, every error of Explain was a usage error, exit status 2, with
// "Run 'argmap help' for usage." after it.
func TestWriteExplanationErrors(t *testing.T) {
	var out bytes.Buffer
	app := newApp(&out, &out)
	c := cli.NewContext(app, flag.NewFlagSet("explain", flag.ContinueOnError), nil)
	c.Context = context.Background()
	cause := errors.New("deciding whether a is in some preferred extension: the solver gave up")
	err := writeExplanation(c, failingExplainer{cause}, "a", 0, "map.toml")
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitProblems {
		t.Fatalf("error %#v, want an *exitError with status %d", err, exitProblems)
	}
	if !errors.Is(ee.err, cause) || !strings.Contains(err.Error(), "explaining a in map.toml") {
		t.Errorf("error %q does not name the argument and the file, or lost its cause", err)
	}
	if out.Len() > 0 {
		t.Errorf("wrote %q, want nothing", out.String())
	}

	// A context that ended is a timeout, as eval reports it.
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	c.Context = ctx
	err = writeExplanation(c, failingExplainer{ctx.Err()}, "a", 0, "map.toml")
	if !errors.As(err, &ee) || ee.code != exitProblems || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("ended context: error %v, want a timeout with status %d", err, exitProblems)
	}
}

// supportMap has an unattacked supporter, s, of an attacked argument, t, and
// an argument, w, with a weight and nothing around it.
const supportMap = `
[arguments.s]
claim = "S."
supports = ["t"]
[arguments.t]
claim = "T."
[arguments.a]
claim = "A."
attacks = ["t"]
[arguments.w]
claim = "W."
weight = 0.8
`

func writeMap(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "m.toml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestEvalSupportAndScoreWords checks that what eval says of the reading of
// the supports and of the scores is true of the scores it prints. Before,
// every gradual semantics ended with "Scores from 0 (defeated) to 1
// (unchallenged)", although DF-QuAD gives an unattacked argument its
// weight, and the header named the reading of supports even for DF-QuAD,
// which does not use it.
func TestEvalSupportAndScoreWords(t *testing.T) {
	file := writeMap(t, supportMap)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"-s", "h-categorizer"}, []string{
			"h-categorizer semantics, supports read as supported-secondary\n",
			"  1.000  s ", // unattacked: 1
			"  1.000  w ",
			"Scores from 0 to 1: 1 for an argument nothing attacks, the lower the stronger its attackers (attacks derived from the supports included).",
		}},
		// Read deductively, a's attack on t reaches s, which commits to t:
		// the h-categorizer's scores change with --support.
		{[]string{"-s", "h-categorizer", "--support", "deductive"}, []string{
			"h-categorizer semantics, supports read as deductive\n",
			"  0.500  s ",
		}},
		{[]string{"-s", "h-categorizer", "--support", "ignore"}, []string{
			"h-categorizer semantics, supports ignored\n",
			"  1.000  s ",
			"the lower the stronger its attackers.\n",
		}},
		{[]string{"-s", "df-quad"}, []string{
			"df-quad semantics, supports and attacks as the map gives them\n",
			"  0.500  s ", // unattacked, unsupported, default weight: 0.5
			"  0.800  w ", // its weight
			"  0.500  a ",
			"one with neither keeps its weight.",
		}},
		{[]string{"--support", "supported-secondary"}, []string{"grounded semantics, supports read as supported-secondary\n"}},
	}
	for _, tt := range tests {
		args := append([]string{"eval", file}, tt.args...)
		stdout, stderr, code := runInProcess(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", tt.args, code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("%v:\n%s\nlacks %q", tt.args, stdout, w)
			}
		}
		if strings.Contains(stdout, "unchallenged") {
			t.Errorf("%v: says scores reach 1 for the unchallenged:\n%s", tt.args, stdout)
		}
	}
}

// TestSupportNames checks the names --support takes: the default is the
// reading argmap has always had, now called supported-secondary; deductive
// is the literature's deductive support, and asking for it by name says so
// on standard error, since it used to name the default.
func TestSupportNames(t *testing.T) {
	file := writeMap(t, supportMap)
	_, stderr, code := runInProcess(t, "eval", file)
	if code != 0 || strings.Contains(stderr, "note:") {
		t.Errorf("default: exit %d, stderr %q; want 0 and no note", code, stderr)
	}
	stdout, stderr, code := runInProcess(t, "eval", file, "--support", "deductive")
	if code != 0 || !strings.Contains(stderr, "--support deductive reads supports as deductive support") ||
		!strings.Contains(stderr, "--support supported-secondary, the default") {
		t.Errorf("deductive: exit %d, stderr %q", code, stderr)
	}
	// Read deductively, a's attack on t reaches s (a mediated attack).
	if !strings.Contains(stdout, "  out    s ") {
		t.Errorf("deductive: s is not out:\n%s", stdout)
	}
	_, stderr, code = runInProcess(t, "eval", file, "--support", "deductiv")
	if code != exitUsage || !strings.Contains(stderr, "want supported-secondary, deductive, necessary or ignore") {
		t.Errorf("unknown mode: exit %d, stderr %q", code, stderr)
	}
}

// TestExplainGradualIsAUsageError checks that explain refuses a gradual
// semantics before evaluating, as a usage error.
func TestExplainGradual(t *testing.T) {
	file := writeMap(t, supportMap)
	stdout, _, code := runInProcess(t, "explain", file, "t", "-s", "df-quad")
	if code != 0 || !strings.Contains(stdout, "t scores 0.500 under DF-QuAD") || !strings.Contains(stdout, "They balance") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

// TestExplainWordsOfTheReading checks explain's sentence for a derived
// attack under each reading, through the command.
func TestExplainWordsOfTheReading(t *testing.T) {
	file := writeMap(t, supportMap)
	tests := []struct {
		support, id, want string
	}{
		{"supported-secondary", "t", "t is rejected: a attacks it, and a is accepted."},
		{"deductive", "s", "s is rejected: a attacks t, which it supports (a mediated attack), and a is accepted."},
	}
	for _, tt := range tests {
		stdout, stderr, code := runInProcess(t, "explain", file, tt.id, "--support", tt.support)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", tt.support, code, stderr)
		}
		if !strings.Contains(stdout, tt.want) {
			t.Errorf("%s:\n%s\nlacks %q", tt.support, stdout, tt.want)
		}
	}
}

// TestExplainJSON: explain --format json gives the explanation's text with
// the argument's label, under the options given, and refuses another format.
func TestExplainJSON(t *testing.T) {
	file := writeMap(t, supportMap)
	stdout, stderr, code := runInProcess(t, "explain", "-f", "json", file, "t")
	var got explainJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	text, _, _ := runInProcess(t, "explain", file, "t")
	if got.ID != "t" || got.Semantics != "grounded" || got.Label == "" || got.Explanation != text || got.Score != nil {
		t.Errorf("JSON %+v; want t's grounded label and explain's text %q", got, text)
	}
	if _, _, code := runInProcess(t, "explain", "-f", "yaml", file, "t"); code != exitUsage {
		t.Errorf("--format yaml: exit %d, want %d", code, exitUsage)
	}
}
