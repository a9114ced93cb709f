package main

import (
	"strings"
	"testing"
)

// TestEvalContractReasons runs issue 12's contracts on linked and convergent
// reasons and on undercuts of attacks through the built binary.
func TestEvalContractReasons(t *testing.T) {
	const args = `
[arguments.x]
claim = "X."
attacks = ["r1"]
[arguments.r1]
claim = "R1."
[arguments.r2]
claim = "R2."
[arguments.c]
claim = "C."
`
	convergent := writeMap(t, args+`
[[relations]]
from = "r1"
to = "c"
type = "support"
[[relations]]
from = "r2"
to = "c"
type = "support"
`)
	linked := writeMap(t, args+`
[[relations]]
from = ["r1", "r2"]
to = "c"
type = "support"
`)
	undercut := writeMap(t, `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
[arguments.u]
claim = "U."
[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "b" }
`)
	tests := []struct {
		file string
		args []string
		want string // the line of c, or of b
	}{
		{convergent, []string{"--support", "necessary"}, "in     c"},
		{linked, []string{"--support", "necessary"}, "out    c"},
		{undercut, nil, "in     b"},
	}
	for _, tt := range tests {
		for _, check := range []bool{false, true} {
			if check {
				r := argmap(t, "", "check", tt.file)
				if r.code != 0 {
					t.Errorf("check %s: exit %d\n%s%s", tt.file, r.code, r.stdout, r.stderr)
				}
				continue
			}
			r := argmap(t, "", append([]string{"eval", "-s", "grounded", tt.file}, tt.args...)...)
			if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("eval %v: exit %d, want a line %q:\n%s%s", tt.args, r.code, tt.want, r.stdout, r.stderr)
			}
		}
	}
}

// TestSelfDefenceExample checks the worked example of linked and convergent
// reasons and of an undercut attack, docs/examples/self-defence.toml: its
// expectations hold, and explain says which reason suffices.
func TestSelfDefenceExample(t *testing.T) {
	const example = "docs/examples/self-defence.toml"
	if r := argmap(t, repoRoot, "check", example); r.code != 0 {
		t.Fatalf("check %s: exit %d\n%s%s", example, r.code, r.stdout, r.stderr)
	}
	r := argmap(t, repoRoot, "explain", "--support", "necessary", example, "lawful")
	for _, want := range []string{
		"lawful is accepted",
		"the attack of reform on lawful is rejected: domestic attacks it",
		"One standing reason for lawful suffices, and consent stands.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("explain lawful: no %q in\n%s%s", want, r.stdout, r.stderr)
		}
	}
}
