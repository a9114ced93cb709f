package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
)

// TestStandardsGolden runs the built binary on the worked example of the
// proof standards (docs/examples/oil-platforms.toml, Oil Platforms, I.C.J. Reports
// 2003, p. 161): eval, explain and render under --semantics carneades, and
// the misuses check reports.
func TestStandardsGolden(t *testing.T) {
	const example = "docs/examples/oil-platforms.toml"
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"carneades-eval", []string{"eval", "--semantics", "carneades", example}, 0},
		{"carneades-explain-attack", []string{"explain", "--semantics", "carneades", example, "armed_attack"}, 0},
		{"carneades-explain-claim", []string{"explain", "-s", "carneades", example, "self_defence"}, 0},
		{"carneades-explain-assumption", []string{"explain", "-s", "carneades", example, "denial"}, 0},
		{"carneades-eval-without", []string{"eval", "-s", "carneades", "--without", "denial", example}, 0},
		{"carneades-check", []string{"check", "arguments/testdata/check/standards.toml"}, 1},
		{"carneades-check-example", []string{"check", "--strict", example}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := argmap(t, repoRoot, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", r.code, tt.code, r)
			}
			golden(t, tt.name, fmt.Sprintf("$ argmap %s\n%s", strings.Join(tt.args, " "), r))
		})
	}
}

// TestStandardsJSON: eval's JSON under carneades labels the arguments, and
// lists the arguments in as its one extension.
func TestStandardsJSON(t *testing.T) {
	r := argmap(t, repoRoot, "eval", "-s", "carneades", "-f", "json", filepath.Join("docs", "examples", "oil-platforms.toml"))
	if r.code != 0 {
		t.Fatal(r)
	}
	var out struct {
		Semantics  string            `json:"semantics"`
		Labels     map[string]string `json:"labels"`
		Extensions [][]string        `json:"extensions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.Semantics != "carneades" || out.Labels["armed_attack"] != "out" || out.Labels["mine_evidence"] != "in" {
		t.Errorf("got %+v", out)
	}
	if want := "[[denial mine_evidence missile_evidence]]"; fmt.Sprint(out.Extensions) != want {
		t.Errorf("extensions %v, want %s", out.Extensions, want)
	}
}

// TestFormatStandardsExamples checks the expectations of the examples of
// docs/format.md's "Proof standards": every TOML block with an
// [expect.carneades] table is a whole map whose expectations hold.
func TestFormatStandardsExamples(t *testing.T) {
	n := 0
	for i, block := range fencedBlocks(t, "docs/format.md", "toml") {
		if !strings.Contains(block, "[expect.carneades]") {
			continue
		}
		n++
		l := &arguments.Loader{ReadFile: func(string) ([]byte, error) { return []byte(block), nil }}
		m, diags := l.Load("block.toml")
		diags = append(diags, evaluate.CheckExpectations(context.Background(), m)...)
		for _, d := range diags {
			t.Errorf("docs/format.md, TOML block %d: %s", i+1, d.Error())
		}
	}
	if n < 2 {
		t.Errorf("%d examples with [expect.carneades], want 2", n)
	}
}
