package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gradeFiles are a handout, a key that asks five questions, and an answer
// with two right, one wrong, two not answered, and one the key does not ask.
var gradeFiles = map[string]string{
	"handout.toml": `title = "Handout"
# The handout's own expectation is neither a question nor an answer.
[expect.complete]
in = ["d"]
[arguments.a]
claim = "A."
attacks = ["b", "c"]
[arguments.b]
claim = "B."
attacks = ["a", "c"]
[arguments.c]
claim = "C."
[arguments.d]
claim = "D."
attacks = ["a"]
`,
	"key.toml": `include = ["handout.toml"]
[expect.grounded]
in = ["d", "b"]
out = ["a", "c"]
[expect.preferred]
out = ["c"]
`,
	"answer.toml": `include = ["handout.toml"]
[expect.grounded]
in = ["d"]
out = ["a"]
undec = ["c"]
[expect.stable]
in = ["d"]
`,
	"wrong-key.toml": `include = ["handout.toml"]
[expect.grounded]
in = ["a"]
`,
	"broken-answer.toml": `include = ["handout.toml"]
[expect.grounded]
in = ["nobody"]
`,
}

func gradeDir(t *testing.T) string {
	dir := t.TempDir()
	for name, text := range gradeFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestGrade grades an answer: each question the key asks is right, wrong
// or not answered; the label of an unanswered question is never shown, the
// right label of a wrong answer only with --reveal.
func TestGrade(t *testing.T) {
	dir := gradeDir(t)
	want := `answer.toml, graded against key.toml: 2 of 5 right (40%), 1 wrong, 2 not answered

grounded semantics, supports read as supported-secondary
  right         d  in
  unanswered    b
  right         a  out
  wrong         c  undec

preferred semantics, supports read as supported-secondary
  unanswered    c

Not graded, the key does not ask:
  d under stable semantics (supported-secondary): in
`
	r := argmap(t, dir, "grade", "answer.toml", "--key", "key.toml")
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Errorf("exit %d, stderr %q\n--- got\n%s--- want\n%s", r.code, r.stderr, r.stdout, want)
	}
	r = argmap(t, dir, "grade", "--reveal", "answer.toml", "--key", "key.toml")
	if !strings.Contains(r.stdout, "  wrong         c  undec (the key: out)\n") || strings.Contains(r.stdout, "b  in") {
		t.Errorf("--reveal: want the key's label of the wrong answer only:\n%s", r.stdout)
	}

	r = argmap(t, dir, "grade", "--format", "json", "answer.toml", "--key", "key.toml")
	var g gradeJSON
	if err := json.Unmarshal([]byte(r.stdout), &g); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if g.Right != 2 || g.Wrong != 1 || g.Unanswered != 2 || g.Total != 5 || g.Percent != 40 || len(g.Questions) != 5 || len(g.NotAsked) != 1 {
		t.Errorf("JSON: %+v", g)
	}
	for _, q := range g.Questions {
		if q.Key != "" {
			t.Errorf("JSON without --reveal gives the key's label of %s: %q", q.ID, q.Key)
		}
	}
}

// TestGradeErrors: a key whose own expectations do not hold, and an answer
// with errors, are refused with exit status 1; a missing --key is a usage
// error.
func TestGradeErrors(t *testing.T) {
	dir := gradeDir(t)
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"grade", "answer.toml", "--key", "wrong-key.toml"}, 1, "not grading against wrong-key.toml: the map has errors"},
		{[]string{"grade", "broken-answer.toml", "--key", "key.toml"}, 1, "not grading broken-answer.toml: the answer has errors"},
		{[]string{"grade", "answer.toml"}, 2, "grade needs a key: argmap grade ANSWER --key KEY"},
	} {
		r := argmap(t, dir, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
			t.Errorf("argmap %v: exit %d, stderr %q; want exit %d and %q", tt.args, r.code, r.stderr, tt.code, tt.stderr)
		}
	}
}
