package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestStandardsGolden runs the built binary on the worked example of the
// proof standards (examples/oil-platforms, Oil Platforms, I.C.J. Reports
// 2003, p. 161): eval, explain and render under --semantics carneades, and
// the misuses check reports.
func TestStandardsGolden(t *testing.T) {
	const example = "examples/oil-platforms/judgment.toml"
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
	r := argmap(t, repoRoot, "eval", "-s", "carneades", "-f", "json", filepath.Join("examples", "oil-platforms", "judgment.toml"))
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
