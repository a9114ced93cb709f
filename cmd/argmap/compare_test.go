package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// floatingDefeat is the "floating defeat" of the literature (Prakken &
// Vreeswijk 2002, Handbook of Philosophical Logic, on the Nixon diamond's
// variants): a and b attack each other and both attack c. Grounded
// semantics leaves all three undecided; under preferred and stable
// semantics c is out, in no extension ({a} and {b}), whichever of a and b
// wins.
const floatingDefeat = `title = "A floating defeat"
[arguments.a]
claim = "A."
attacks = ["b", "c"]
[arguments.b]
claim = "B."
attacks = ["a", "c"]
[arguments.c]
claim = "C."
`

// TestEvalCompare runs eval --compare: a row an argument, a column a
// semantics, the rows where the semantics disagree marked; with --without,
// the cells that change say before → after.
func TestEvalCompare(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "map.toml"), []byte(floatingDefeat), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--semantics", "grounded,preferred,stable"}, `A floating defeat
semantics compared, supports read as supported-secondary

  argument  grounded  preferred  stable
  a         undec     undec      undec
  b         undec     undec      undec
* c         undec     out        out

* the semantics disagree on 1 argument.
`},
		{[]string{"--semantics", "grounded,stable", "--without", "a"}, `A floating defeat
semantics compared, supports read as supported-secondary, without a (before → after)

  argument  grounded     stable
  a         withdrawn    withdrawn
* b         undec → in   undec → in
* c         undec → out  out

* 2 arguments change under some semantics when a is withdrawn.
`},
	}
	for _, tt := range tests {
		r := argmap(t, dir, append(append([]string{"eval", "--compare"}, tt.args...), "map.toml")...)
		if r.code != 0 || r.stdout != tt.want {
			t.Errorf("eval --compare %v: exit %d, stderr %s\n--- got\n%s--- want\n%s", tt.args, r.code, r.stderr, r.stdout, tt.want)
		}
	}
}

// TestEvalCompareJSON reads eval --compare --format json: every argument
// with the cell of each semantics, the cells before withdrawing, and
// whether it differs.
func TestEvalCompareJSON(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "map.toml"), []byte(floatingDefeat), 0o644); err != nil {
		t.Fatal(err)
	}
	r := argmap(t, dir, "eval", "--compare", "--without", "a", "--format", "json", "map.toml")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got compareJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Semantics) != 7 || got.Semantics[0] != "grounded" || len(got.Arguments) != 3 {
		t.Fatalf("semantics %v, %d arguments: want the 7 labelling semantics and 3 arguments", got.Semantics, len(got.Arguments))
	}
	c := got.Arguments[2]
	if c.ID != "c" || c.Labels["grounded"] != "out" || c.Before["grounded"] != "undec" || c.Before["preferred"] != "out" || !c.Differs {
		t.Errorf("c: %+v, want out after and undec before under grounded, out before under preferred, differs", c)
	}
	if a := got.Arguments[0]; a.Labels["stage"] != "withdrawn" || a.Differs {
		t.Errorf("a: %+v, want withdrawn, not counted as a change", a)
	}
}
