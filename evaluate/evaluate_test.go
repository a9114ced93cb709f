package evaluate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// load reads a map from TOML source, failing on any diagnostic.
func load(t *testing.T, src string) *arguments.Map {
	t.Helper()
	l := &arguments.Loader{ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	m, diags := l.Load("map.toml")
	if diags.HasErrors() {
		t.Fatalf("map has errors: %v", diags)
	}
	return m
}

// floating is floating reinstatement: a and b attack each other and both
// attack c, which attacks d. Grounded decides nothing; under preferred
// semantics c is rejected and d accepted in both extensions.
const floating = `
[arguments.a]
claim = "A."
attacks = ["b", "c"]
[arguments.b]
claim = "B."
attacks = ["a", "c"]
[arguments.c]
claim = "C."
attacks = ["d"]
[arguments.d]
claim = "D."
`

func labels(r *Result) string {
	var parts []string
	for _, st := range r.Arguments {
		parts = append(parts, st.ID+"="+st.Label.String())
	}
	return strings.Join(parts, " ")
}

func TestEvaluateDung(t *testing.T) {
	m := load(t, floating)
	tests := []struct {
		semantics  string
		labels     string
		extensions [][]string
	}{
		{"grounded", "a=undec b=undec c=undec d=undec", [][]string{{}}},
		{"preferred", "a=undec b=undec c=out d=in", [][]string{{"a", "d"}, {"b", "d"}}},
		{"stable", "a=undec b=undec c=out d=in", [][]string{{"a", "d"}, {"b", "d"}}},
		{"complete", "a=undec b=undec c=out d=undec", [][]string{{}, {"a", "d"}, {"b", "d"}}},
		{"ideal", "a=undec b=undec c=undec d=undec", [][]string{{}}},
		{"semi-stable", "a=undec b=undec c=out d=in", [][]string{{"a", "d"}, {"b", "d"}}},
	}
	for _, tt := range tests {
		method, err := ParseMethod(tt.semantics)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Evaluate(context.Background(), m, Options{Method: method})
		if err != nil {
			t.Fatalf("%s: %v", tt.semantics, err)
		}
		if got := labels(r); got != tt.labels {
			t.Errorf("%s: labels %s, want %s", tt.semantics, got, tt.labels)
		}
		want := tt.extensions
		for i := range want {
			if want[i] == nil {
				want[i] = []string{}
			}
		}
		if !slices.EqualFunc(r.Extensions, want, func(a, b []string) bool { return len(a) == len(b) && slices.Equal(a, b) }) {
			t.Errorf("%s: extensions %q, want %q", tt.semantics, r.Extensions, want)
		}
	}
}

func TestEvaluateWithout(t *testing.T) {
	m := load(t, floating)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Without: []string{"b"}})
	if err != nil {
		t.Fatal(err)
	}
	// Without b, a is unattacked: it defeats c, which reinstates d.
	if got, want := labels(r), "a=in c=out d=in"; got != want {
		t.Errorf("labels %s, want %s", got, want)
	}
	if _, err := Evaluate(context.Background(), m, Options{Without: []string{"zz"}}); err == nil {
		t.Error("withdrawing an unknown argument is not an error")
	}
}

// undercutMap has a support that an undercut attacks: its inference is a
// node of the framework, after the arguments.
const undercutMap = `
[arguments.designation]
claim = "Designated cartels are lawful targets."
supports = ["strike"]
[arguments.strike]
claim = "The US may strike."
attacks = ["sovereignty"]
[arguments.sovereignty]
claim = "Sovereignty forbids it."
[arguments.no_armed_attack]
claim = "Trafficking is not an armed attack."
[[relations]]
from = "no_armed_attack"
type = "undercut"
to = { from = "designation", to = "strike" }
`

// TestEvaluateUndercut checks the undercut's meaning: the inference is
// attacked, so the support no longer carries; the premise itself stands.
func TestEvaluateUndercut(t *testing.T) {
	m := load(t, undercutMap)
	for _, mode := range bipolar.Modes() {
		r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: mode})
		if err != nil {
			t.Fatal(err)
		}
		st, _ := r.Status("designation")
		if st.Label != semantics.In {
			t.Errorf("%v: the undercut premise is %v, want in", mode, st.Label)
		}
		for _, e := range r.Extensions {
			for _, id := range e {
				if m.Argument(id) == nil {
					t.Errorf("%v: %q, no argument, in an extension: %v", mode, id, e)
				}
			}
		}
	}
	// Read deductively, an attack on the inference reaches what it supports.
	r, _ := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}})
	if st, _ := r.Status("strike"); st.Label != semantics.Out {
		t.Errorf("deductive: strike is %v, want out", st.Label)
	}
	if st, _ := r.Status("sovereignty"); st.Label != semantics.In {
		t.Errorf("deductive: sovereignty is %v, want in", st.Label)
	}
}

func TestEvaluateGradual(t *testing.T) {
	m := load(t, `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
attacks = ["c"]
[arguments.c]
claim = "C."
weight = 0.8
`)
	r, err := Evaluate(context.Background(), m, Options{Method: Method{Gradual: HCategorizer}})
	if err != nil {
		t.Fatal(err)
	}
	// The chain a → b → c: 1, 1/2, 2/3.
	want := map[string]float64{"a": 1, "b": 0.5, "c": 2.0 / 3}
	for _, st := range r.Arguments {
		if d := st.Score - want[st.ID]; d > 1e-6 || d < -1e-6 {
			t.Errorf("h-categorizer %s = %v, want %v", st.ID, st.Score, want[st.ID])
		}
	}
	r, err = Evaluate(context.Background(), m, Options{Method: Method{Gradual: DFQuAD}})
	if err != nil {
		t.Fatal(err)
	}
	// DF-QuAD from the base scores 0.5, 0.5, 0.8: a 0.5; b 0.5−0.5·0.5 = 0.25;
	// c 0.8−0.8·0.25 = 0.6.
	want = map[string]float64{"a": 0.5, "b": 0.25, "c": 0.6}
	for _, st := range r.Arguments {
		if d := st.Score - want[st.ID]; d > 1e-6 || d < -1e-6 {
			t.Errorf("df-quad %s = %v, want %v", st.ID, st.Score, want[st.ID])
		}
	}
}

func TestParseMethod(t *testing.T) {
	for _, name := range []string{"grounded", "GR", "preferred", "semi-stable", "SST", "stage", "ideal", "h-categorizer", "df-quad"} {
		if _, err := ParseMethod(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, err := ParseMethod("prefered")
	if err == nil || !strings.Contains(err.Error(), `did you mean "preferred"`) {
		t.Errorf("prefered: %v", err)
	}
}

func TestCheckExpectations(t *testing.T) {
	m := load(t, floating+`
[expect.grounded]
undec = ["a", "d"]
in = ["b"]

[expect.preferred]
in = ["d"]
out = ["c"]

[expect.h-categorizer]
in = ["a"]

[expect.stable]
support = "sideways"
in = ["d"]
`)
	diags := CheckExpectations(context.Background(), m)
	var got []string
	for _, d := range diags {
		got = append(got, d.Code+": "+d.Summary)
	}
	want := []string{
		`failed-expectation: "b" is expected in under grounded semantics, but it is undec`,
		"bad-value: h-categorizer is a gradual semantics, which scores arguments rather than labelling them",
		"bad-value: unknown support mode \"sideways\"",
	}
	if len(got) != len(want) {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d: %s\nwant prefix: %s", i, got[i], want[i])
		}
	}
}

func TestExplain(t *testing.T) {
	m := load(t, `
[arguments.a]
claim = "A."
attacks = ["b"]
[arguments.b]
claim = "B."
attacks = ["c"]
[arguments.c]
claim = "C."
[arguments.x]
claim = "X."
attacks = ["y"]
[arguments.y]
claim = "Y."
attacks = ["x"]
`)
	ctx := context.Background()
	grounded, _ := Evaluate(ctx, m, Options{Method: Method{Semantics: semantics.Grounded}})
	preferred, _ := Evaluate(ctx, m, Options{Method: Method{Semantics: semantics.Preferred}})
	tests := []struct {
		r    *Result
		id   string
		want []string
	}{
		{grounded, "c", []string{"c is accepted: every argument that attacks it is rejected.",
			"b is rejected: a attacks it, and a is accepted.", "a is accepted: nothing attacks it."}},
		{grounded, "b", []string{"b is rejected: a attacks it, and a is accepted."}},
		{grounded, "x", []string{"x is undecided", "cycle of attacks x → y → x"}},
		{preferred, "x", []string{"x is undecided under preferred semantics", "{a, c, x} holds it", "{a, c, y} does not: there y attacks it"}},
		{preferred, "c", []string{"c is accepted under preferred semantics: it is in every preferred extension"}},
		{preferred, "b", []string{"b is rejected under preferred semantics", "a attacks it, and a is in every preferred extension"}},
	}
	for _, tt := range tests {
		text, err := tt.r.Explain(ctx, tt.id)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("explain %s under %s:\n%s\nlacks %q", tt.id, tt.r.Options.Method, text, w)
			}
		}
	}
}

// attackList lists the attacks of f by id, inferences named by their number.
func attackList(f *semantics.Framework, ns *Nodes) string {
	name := func(n int) string {
		if id, ok := ns.ID(n); ok {
			return id
		}
		return "#" + strconv.Itoa(n)
	}
	var parts []string
	for a := range f.Len() {
		for _, b := range f.Attacks(a) {
			parts = append(parts, name(a)+">"+name(b))
		}
	}
	return strings.Join(parts, " ")
}

// TestFramework checks the framework of a map and its nodes: the attacks
// derived from the supports as each mode reads them, the inference of the
// undercut support without an id, the withdrawn arguments left out, and that
// it is the framework Evaluate evaluates.
func TestFramework(t *testing.T) {
	m := load(t, undercutMap)
	tests := []struct {
		opt     Options
		ids     string
		attacks string
	}{
		// The undercut support runs through its inference, node 4, which
		// rests on designation (a premise edge) and supports strike.
		{Options{Support: bipolar.Ignore}, "designation strike sovereignty no_armed_attack",
			"strike>sovereignty no_armed_attack>#4"},
		{Options{Support: bipolar.Deductive}, "designation strike sovereignty no_armed_attack",
			"strike>sovereignty no_armed_attack>#4 #4>sovereignty"},
		{Options{Support: bipolar.Ignore, Without: []string{"no_armed_attack"}}, "designation strike sovereignty",
			"strike>sovereignty"},
		{Options{Support: bipolar.Deductive, Without: []string{"strike"}}, "designation sovereignty no_armed_attack", ""},
	}
	for _, tt := range tests {
		f, ns, err := Framework(context.Background(), m, tt.opt)
		if err != nil {
			t.Fatalf("%+v: %v", tt.opt, err)
		}
		if got := strings.Join(ns.IDs(), " "); got != tt.ids {
			t.Errorf("%+v: ids %s, want %s", tt.opt, got, tt.ids)
		}
		if got := attackList(f, ns); got != tt.attacks {
			t.Errorf("%+v: attacks %s, want %s", tt.opt, got, tt.attacks)
		}
		for i, id := range ns.IDs() {
			n, ok := ns.Node(id)
			if back, ok2 := ns.ID(n); !ok || !ok2 || back != id || n != i {
				t.Errorf("%+v: Node(%q) = %d, %v; ID(%d) = %q, %v", tt.opt, id, n, ok, n, back, ok2)
			}
		}
		for _, id := range tt.opt.Without {
			if n, ok := ns.Node(id); ok {
				t.Errorf("%+v: Node(%q) = %d, true, for a withdrawn argument", tt.opt, id, n)
			}
		}
		for _, n := range []int{-1, f.Len()} {
			if id, ok := ns.ID(n); ok {
				t.Errorf("%+v: ID(%d) = %q, true, for no node", tt.opt, n, id)
			}
		}
		// Evaluate evaluates this framework.
		opt := tt.opt
		opt.Method = Method{Semantics: semantics.Grounded}
		r, err := Evaluate(context.Background(), m, opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := attackList(r.frame, ns); got != tt.attacks {
			t.Errorf("%+v: Evaluate's attacks %s, want %s", tt.opt, got, tt.attacks)
		}
	}
}

func TestFrameworkErrors(t *testing.T) {
	m := load(t, `
[arguments.a]
claim = "A."
supports = ["b"]
[arguments.b]
claim = "B."
attacks = ["c"]
[arguments.c]
claim = "C."
`)
	if _, _, err := Framework(context.Background(), m, Options{Without: []string{"x"}}); err == nil || !strings.Contains(err.Error(), `no argument "x"`) {
		t.Errorf("withdrawing no argument: %v", err)
	}
	var limit *bipolar.LimitError
	if _, _, err := Framework(context.Background(), m, Options{MaxAttacks: 1}); !errors.As(err, &limit) {
		t.Errorf("2 attacks with MaxAttacks 1: %v, want a *bipolar.LimitError", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if f, ns, err := Framework(ctx, m, Options{}); f != nil || ns != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("with an ended context: %v, %v, %v; want context.Canceled", f, ns, err)
	}
}

// TestEvaluateTooManyExtensions evaluates 22 pairs of arguments that attack
// each other: 4 million preferred extensions. The result lists none and
// decides each argument on its own (all undecided), at once.
func TestEvaluateTooManyExtensions(t *testing.T) {
	var b strings.Builder
	for i := range 22 {
		fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"A\"\nattacks = [\"b%d\"]\n[arguments.b%d]\nclaim = \"B\"\nattacks = [\"a%d\"]\n", i, i, i, i)
	}
	m := load(t, b.String())
	for _, name := range []string{"preferred", "stable", "semi-stable", "stage", "complete"} {
		method, _ := ParseMethod(name)
		r, err := Evaluate(context.Background(), m, Options{Method: method})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !r.TooManyExtensions || len(r.Extensions) != 0 {
			t.Errorf("%s: TooManyExtensions %v with %d extensions listed, want true and none", name, r.TooManyExtensions, len(r.Extensions))
		}
		for _, st := range r.Arguments {
			if st.Label != semantics.Undec || !st.Credulous || st.Skeptical {
				t.Errorf("%s: %s is %v (credulous %v, skeptical %v), want undec, credulous, not skeptical", name, st.ID, st.Label, st.Credulous, st.Skeptical)
			}
		}
	}
}
