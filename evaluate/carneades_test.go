package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics/carneades"
)

// burden is the map of the burden-of-proof contrast: c has one argument for
// it, p (0.5), and one against, x (0.6).
const burden = `
[arguments.c]
claim = "C."
standard = "%s"
burden = "%s"
[arguments.p]
claim = "P."
supports = ["c"]
[arguments.x]
claim = "X."
weight = 0.6
attacks = ["c"]
[arguments.u]
claim = "U."
[[relations]]
from = "u"
to = { from = "p", to = "c" }
type = "undercut"
`

func TestEvaluateCarneades(t *testing.T) {
	ctx := context.Background()
	method, err := ParseMethod("carneades")
	if err != nil || !method.Carneades || method.String() != "carneades" {
		t.Fatalf("ParseMethod(carneades) = %v, %v", method, err)
	}
	tests := []struct {
		standard, burden string
		without          []string
		want             string
	}{
		// u undercuts p's support: no argument for c applies.
		{"preponderance", "pro", nil, "c=out p=in x=in u=in"},
		{"preponderance", "pro", []string{"u"}, "c=out p=in x=in"}, // 0.5 does not outweigh 0.6
		{"scintilla", "pro", []string{"u"}, "c=in p=in x=in"},      // p applies
		{"dialectical-validity", "pro", []string{"u"}, "c=out p=in x=in"},
		{"preponderance", "con", []string{"u"}, "c=out p=in x=in"},       // 0.6 outweighs 0.5
		{"clear-and-convincing", "con", []string{"u"}, "c=in p=in x=in"}, // but not clearly
		{"clear-and-convincing", "con", []string{"u", "x"}, "c=in p=in"},
		{"", "pro", []string{"u", "x"}, "c=in p=in"},  // a burden alone: preponderance
		{"", "pro", []string{"u"}, "c=out p=in x=in"}, // 0.5 does not outweigh 0.6
		{"", "con", []string{"u"}, "c=out p=in x=in"}, // 0.6 outweighs 0.5
	}
	for _, tt := range tests {
		src := strings.Replace(burden, `burden = "%s"`, `burden = "`+tt.burden+`"`, 1)
		if tt.standard == "" {
			src = strings.Replace(src, `standard = "%s"`, "", 1)
		}
		m := load(t, strings.Replace(src, "%s", tt.standard, 1))
		r, err := Evaluate(ctx, m, Options{Method: method, Without: tt.without})
		if err != nil {
			t.Fatal(err)
		}
		if got := labels(r); got != tt.want {
			t.Errorf("%s, burden %s, without %v: %s, want %s", tt.standard, tt.burden, tt.without, got, tt.want)
		}
	}
	// Framework gives the attack relation whatever the method.
	m := load(t, floating)
	f, _, err := Framework(ctx, m, Options{Method: method})
	if err != nil || f == nil || f.Len() != 4 {
		t.Errorf("Framework under carneades: %v, %v", f, err)
	}
	// Without standards, every argument is an assumption until an applicable
	// argument attacks it: a and b attack each other, an undecided cycle.
	r, err := Evaluate(ctx, m, Options{Method: method})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := labels(r), "a=undec b=undec c=undec d=undec"; got != want {
		t.Errorf("floating: %s, want %s", got, want)
	}
	text, err := r.Explain(ctx, "a")
	if err != nil || !strings.Contains(text, "  - b, weight 0.5: undecided (it depends on a cycle)") ||
		!strings.Contains(text, "So a is undecided: whether its arguments apply depends on a cycle") {
		t.Errorf("explain a: %v\n%s", err, text)
	}
}

func TestCarneadesNames(t *testing.T) {
	names := arguments.StandardNames()
	for i, s := range carneades.Standards() {
		if names[i] != s.String() {
			t.Errorf("standard %d: arguments says %q, carneades %q", i, names[i], s)
		}
	}
	for _, alias := range []string{"scintilla-of-evidence", "preponderance-of-the-evidence", "balance-of-probabilities", "clear-and-convincing-evidence", "beyond-a-reasonable-doubt", "se", "pe", "cce", "brd", "dv", "Preponderance of the evidence"} {
		a, ok1 := arguments.StandardName(alias)
		c, ok2 := carneades.ParseStandard(alias)
		if !ok1 || !ok2 || a != c.String() {
			t.Errorf("%q: arguments reads %q (%v), carneades %v (%v)", alias, a, ok1, c, ok2)
		}
	}
	if arguments.DefaultThresholds() != arguments.Thresholds(carneades.DefaultThresholds()) {
		t.Error("the default thresholds differ")
	}
}

func TestExplainCarneades(t *testing.T) {
	ctx := context.Background()
	src := strings.Replace(strings.Replace(burden, `standard = "%s"`, `standard = "beyond-reasonable-doubt"`, 1), `burden = "%s"`, `burden_note = "the prosecution"`, 1)
	src = strings.Replace(src, "[arguments.p]\n", "[arguments.p]\nweight = 0.9\n", 1)
	m := load(t, src)
	r, err := Evaluate(ctx, m, Options{Method: Method{Carneades: true}, Without: []string{"u"}})
	if err != nil {
		t.Fatal(err)
	}
	text, err := r.Explain(ctx, "c")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Standard: beyond reasonable doubt, with the burden of proof on the proponent",
		"Burden: the prosecution",
		"  - p's support of c, weight 0.9: applies",
		"  - x, weight 0.6: applies",
		"beyond reasonable doubt is not met: the strongest applicable argument for it, p's support of c (0.9), outweighs the strongest applicable argument against it, x (0.6); 0.9 > alpha 0.4: yes; 0.9 − 0.6 > beta 0.3: no; 0.6 < gamma 0.2: no.",
		"So c is out: not acceptable.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
	// With u, p's support is undercut: its inference does not apply.
	r, _ = Evaluate(ctx, m, Options{Method: Method{Carneades: true}})
	text, _ = r.Explain(ctx, "c")
	if want := "p's support of c, weight 0.9: does not apply (its premise does not hold, or an undercut does)"; !strings.Contains(text, want) {
		t.Errorf("explanation lacks %q:\n%s", want, text)
	}
}

func TestExpectCarneades(t *testing.T) {
	m := load(t, `
[arguments.a]
claim = "A."
standard = "scintilla"
[arguments.b]
claim = "B."
supports = ["a"]
[expect.carneades]
in = ["a"]
out = ["b"]
`)
	diags := CheckExpectations(context.Background(), m)
	if len(diags) != 1 || !strings.Contains(diags[0].Summary, `"b" is expected out under carneades semantics, but it is in`) {
		t.Errorf("diagnostics %v", diags)
	}
}
