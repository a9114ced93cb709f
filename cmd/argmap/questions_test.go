package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuestionsGolden runs argmap questions, the built binary, on a map with
// built-in and custom schemes, and on a map with errors.
func TestQuestionsGolden(t *testing.T) {
	dir := filepath.Join("testdata", "e2e", "questions")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"questions-text", []string{"questions", "map.toml"}, 0},
		{"questions-open", []string{"questions", "--open", "map.toml"}, 0},
		{"questions-json", []string{"questions", "-f", "json", "map.toml"}, 0},
		{"questions-preferred", []string{"questions", "-s", "preferred", "map.toml"}, 0},
		{"questions-errors", []string{"questions", "broken.toml", "map.toml"}, 1},
		{"questions-no-file", []string{"questions"}, 2},
		{"questions-gradual", []string{"questions", "-s", "df-quad", "map.toml"}, 2},
		{"questions-explain", []string{"explain", "map.toml", "sarukhan"}, 0},
		{"questions-eval", []string{"eval", "map.toml"}, 0},
		{"questions-eval-json", []string{"eval", "-f", "json", "map.toml"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := argmap(t, dir, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", r.code, tt.code, r)
			}
			golden(t, tt.name, fmt.Sprintf("$ argmap %s\n%s", strings.Join(tt.args, " "), r))
			if again := argmap(t, dir, tt.args...); again != r {
				t.Errorf("two runs differ:\n%s\n%s", r, again)
			}
		})
	}
}

func TestQuestionsJSONShape(t *testing.T) {
	r := argmap(t, filepath.Join("testdata", "e2e", "questions"), "questions", "-f", "json", "map.toml")
	var out questionsJSON
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(out.Maps) != 1 || len(out.Maps[0].Arguments) != 2 {
		t.Fatalf("got %+v, want one map with two arguments with a scheme", out)
	}
	a := out.Maps[0].Arguments[0]
	if a.ID != "sarukhan" || a.Scheme != "expert-opinion" || len(a.Questions) != 6 {
		t.Errorf("first argument %+v", a)
	}
}

// TestExpertOpinionExample checks docs/examples/expert-opinion.toml, the
// example of the README's section on schemes: its expectations hold, the
// worksheet lists the open questions, and explain names them.
func TestExpertOpinionExample(t *testing.T) {
	const example = "docs/examples/expert-opinion.toml"
	if r := argmap(t, repoRoot, "check", "--strict", example); r.code != 0 {
		t.Fatalf("check %s: exit %d\n%s%s", example, r.code, r.stdout, r.stderr)
	}
	r := argmap(t, repoRoot, "questions", "--open", example)
	if r.code != 0 || !strings.Contains(r.stdout, "4 questions of 1 argument: 4 open, 0 raised, 0 answered.") {
		t.Errorf("questions --open %s:\n%s", example, r)
	}
	r = argmap(t, repoRoot, "explain", example, "sarukhan")
	for _, want := range []string{
		"the critical question field of sarukhan (raised by diplomat)",
		"expertise (How credible is E as an expert source?) is open.",
		"backup-evidence (Is E's assertion based on evidence?) is answered by charter, and not raised.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain sarukhan: no %q in\n%s", want, r)
		}
	}
}
