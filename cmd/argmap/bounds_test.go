package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// closedChain writes a map of n arguments, each supporting the next, the last
// attacking the first: read deductively, every argument attacks every other,
// n² attacks from n relations.
func closedChain(t *testing.T, dir string, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"Claim %d.\"\n", i, i)
		if i+1 < n {
			fmt.Fprintf(&b, "supports = [\"a%d\"]\n", i+1)
		} else {
			b.WriteString("attacks = [\"a0\"]\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "chain.toml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAttackBound checks that eval, explain and solve refuse a map whose
// supports derive more attacks than --max-attacks allows, saying how large the
// map is and what to do, and evaluate it with the supports ignored.
func TestAttackBound(t *testing.T) {
	dir := t.TempDir()
	closedChain(t, dir, 300) // 90,000 attacks
	for _, tt := range []struct {
		args []string
		code int
		want []string // in standard error
	}{
		{[]string{"eval", "chain.toml", "--max-attacks", "1000"}, 1, []string{
			"argmap: not evaluating chain.toml: reading the supports as supported-secondary derives more than 1,000 attacks among 300 arguments with 299 supports and 1 attack",
			"Evaluate it with --support ignore", "--max-attacks N"}},
		{[]string{"explain", "chain.toml", "a1", "--max-attacks", "1000"}, 1, []string{"argmap: not explaining chain.toml: reading the supports"}},
		{[]string{"solve", "-p", "DC-GR", "-a", "a1", "-f", "chain.toml", "--max-attacks", "1000"}, 1, []string{
			"argmap: not solving chain.toml: reading the supports as supported-secondary derives more than 1,000 attacks", "Solve a map with fewer supports"}},
		{[]string{"eval", "chain.toml", "--max-attacks", "1000", "--support", "ignore"}, 0, nil},
		{[]string{"eval", "chain.toml", "--max-attacks", "90000"}, 0, nil},
		{[]string{"eval", "chain.toml", "--max-attacks", "-1"}, 0, nil},
	} {
		r := argmapWithin(t, 2*time.Minute, dir, tt.args...)
		if r.code != tt.code {
			t.Errorf("argmap %s: exit status %d, want %d\n%s", strings.Join(tt.args, " "), r.code, tt.code, r)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("argmap %s: standard error does not say %q:\n%s", strings.Join(tt.args, " "), w, r)
			}
		}
		if tt.code != 0 && r.stdout != "" {
			t.Errorf("argmap %s: printed %q on refusing", strings.Join(tt.args, " "), r.stdout)
		}
	}
}

// TestEvalTimeout checks that eval and explain take --timeout, print nothing
// on standard output when it runs out, and say so.
func TestEvalTimeout(t *testing.T) {
	dir := t.TempDir()
	closedChain(t, dir, 50)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "chain.toml", "--timeout", "1ns"}, "argmap: timed out after 1ns evaluating chain.toml; nothing was printed on standard output: --timeout sets the limit\n"},
		{[]string{"eval", "chain.toml", "-s", "stage", "--timeout", "1ns"}, "argmap: timed out after 1ns evaluating chain.toml; nothing was printed on standard output: --timeout sets the limit\n"},
		{[]string{"explain", "chain.toml", "a3", "-s", "preferred", "--timeout", "1ns"}, "argmap: timed out after 1ns explaining chain.toml; nothing was printed on standard output: --timeout sets the limit\n"},
		{[]string{"solve", "-p", "SE-PR", "-f", "chain.toml", "--timeout", "1ns"}, "argmap: timed out after 1ns solving SE-PR on chain.toml; no answer was printed\n"},
	} {
		r := argmapWithin(t, 2*time.Minute, dir, tt.args...)
		if r.code != 1 || r.stdout != "" || r.stderr != tt.want {
			t.Errorf("argmap %s: want exit status 1, no output and %q, got\n%s", strings.Join(tt.args, " "), tt.want, r)
		}
	}
	r := argmapWithin(t, 2*time.Minute, dir, "eval", "chain.toml", "--timeout", "soon")
	if r.code != 2 || !strings.Contains(r.stderr, `bad --timeout "soon"`) {
		t.Errorf("eval --timeout soon: want a usage error, got\n%s", r)
	}
	if r := argmapWithin(t, 2*time.Minute, dir, "eval", "chain.toml", "--timeout", "5m"); r.code != 0 {
		t.Errorf("eval --timeout 5m: want success, got\n%s", r)
	}
}
