package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// contract is issue 12's contract for priorities: a and b attack each
// other, b is preferred over a, and under grounded semantics b is in and a
// out (Amgoud & Cayrol 2002: an attack on a strictly preferred argument is
// no defeat).
const contract = `
[arguments.a]
claim = "A"
attacks = ["b"]
[arguments.b]
claim = "B"
attacks = ["a"]
[[preferences]]
prefer = "b"
over = "a"
`

func TestPreferenceContract(t *testing.T) {
	m := load(t, contract)
	for _, s := range []string{"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"} {
		method, err := ParseMethod(s)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Evaluate(context.Background(), m, Options{Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if got := labels(r); got != "a=out b=in" {
			t.Errorf("%s: %s, want a=out b=in", s, got)
		}
	}
	// And [expect] says so too, through evaluate.
	m = load(t, contract+"[expect.grounded]\nin = [\"b\"]\nout = [\"a\"]\n")
	if diags := CheckExpectations(context.Background(), m); len(diags) > 0 {
		t.Errorf("the expectation fails: %v", diags)
	}
}

func TestPreferences(t *testing.T) {
	const norms = `
[arguments.charter]
claim = "Art. 2(4) of the UN Charter prohibits the use of force."
rank = 3
date = 1945-06-26
attacks = ["designation"]
[arguments.designation]
claim = "The designation of cartels authorises force against them."
rank = 1
date = "2025-02-20"
attacks = ["charter"]
`
	tests := []struct {
		name    string
		src     string
		support bipolar.Mode
		without []string
		labels  string
	}{
		{"without priorities the rank and date change nothing", norms, 0, nil, "charter=undec designation=undec"},
		{"lex superior: the higher rank prevails", "[priorities]\nderive = [\"lex-superior\"]\n" + norms, 0, nil, "charter=in designation=out"},
		{"lex posterior: the later date prevails", "[priorities]\nderive = [\"lex-posterior\"]\n" + norms, 0, nil, "charter=out designation=in"},
		{"the principle listed first prevails on a conflict", "[priorities]\nderive = [\"lex-superior\", \"lex-posterior\"]\n" + norms, 0, nil,
			"charter=in designation=out"},
		{"the other way round", "[priorities]\nderive = [\"lex-posterior\", \"lex-superior\"]\n" + norms, 0, nil, "charter=out designation=in"},
		{"an entry comes before every derived principle", "[priorities]\nderive = [\"lex-superior\"]\n" + norms +
			"[[preferences]]\nprefer = \"designation\"\nover = \"charter\"\n", 0, nil, "charter=out designation=in"},
		{"preferences are transitive", `
[arguments.a]
claim = "A"
attacks = ["c"]
[arguments.b]
claim = "B"
[arguments.c]
claim = "C"
attacks = ["a"]
[[preferences]]
prefer = "a"
over = "b"
[[preferences]]
prefer = "b"
over = "c"
`, 0, nil, "a=in b=in c=out"},
		{"remove: an asymmetric attack on a preferred argument is dropped", `
[arguments.a]
claim = "A"
attacks = ["b"]
[arguments.b]
claim = "B"
[[preferences]]
prefer = "b"
over = "a"
`, 0, nil, "a=in b=in"},
		{"reverse: it is turned around", `
[priorities]
reduction = "reverse"
[arguments.a]
claim = "A"
attacks = ["b"]
[arguments.b]
claim = "B"
[[preferences]]
prefer = "b"
over = "a"
`, 0, nil, "a=out b=in"},
		// The defeats come before the supports are read: c's attack on x
		// is no defeat, so d, which supports c, has no supported attack
		// on x either.
		{"preferences act before the supports are read", `
[arguments.d]
claim = "D"
supports = ["c"]
[arguments.c]
claim = "C"
attacks = ["x"]
[arguments.x]
claim = "X"
[[preferences]]
prefer = "x"
over = "c"
`, bipolar.SupportedSecondary, nil, "d=in c=in x=in"},
		{"a withdrawn argument's preferences go with it", contract, 0, []string{"b"}, "a=in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := load(t, tt.src)
			r, err := Evaluate(context.Background(), m, Options{Method: Method{Semantics: semantics.Grounded}, Support: tt.support, Without: tt.without})
			if err != nil {
				t.Fatal(err)
			}
			if got := labels(r); got != tt.labels {
				t.Errorf("%s, want %s", got, tt.labels)
			}
		})
	}
}

func TestExplainPreferences(t *testing.T) {
	const charter = `
[arguments.sovereignty]
claim = "Art. 2(4) of the UN Charter prohibits the strike."
attacks = ["designation"]
[arguments.designation]
claim = "The domestic designation authorises the strike."
attacks = ["sovereignty"]
[[preferences]]
prefer = "sovereignty"
over = "designation"
principle = "lex-superior"
note = "ARSIWA Art. 3: internal law cannot make lawful what international law makes wrongful."
`
	tests := []struct {
		name, src, id, semantics string
		want                     []string
	}{
		{"the accepted argument names the preference", charter, "sovereignty", "grounded", []string{
			"sovereignty is accepted: no argument defeats it.",
			"  designation's attack on sovereignty is no defeat: sovereignty prevails over designation " +
				"(lex superior, the higher norm prevails; ARSIWA Art. 3: internal law cannot make lawful what international law makes wrongful).",
		}},
		{"the rejected one leads to it", charter, "designation", "grounded", []string{
			"designation is rejected: sovereignty attacks it, and sovereignty is accepted.",
			"    designation's attack on sovereignty is no defeat",
		}},
		{"under a semantics of extensions", charter, "sovereignty", "preferred", []string{
			"sovereignty is accepted under preferred semantics",
			"designation's attack on sovereignty is no defeat: sovereignty prevails over designation",
		}},
		{"a reversed attack", "[priorities]\nreduction = \"reverse\"\n[arguments.a]\nclaim = \"A\"\nattacks = [\"b\"]\n[arguments.b]\nclaim = \"B\"\nrank = 2\n" +
			"[[preferences]]\nprefer = \"b\"\nover = \"a\"\nprinciple = \"majority\"\n", "a", "grounded", []string{
			"a is rejected: b defeats it in return for its attack, and b is accepted.",
			"  a's attack on b is turned around: b prevails over a (the majority prevails over a dissent), so b defeats a instead.",
		}},
		{"derived, through a chain", `
[priorities]
derive = ["lex-superior"]
[arguments.a]
claim = "A"
rank = 1
attacks = ["c"]
[arguments.b]
claim = "B"
rank = 2
[arguments.c]
claim = "C"
rank = 3
`, "c", "grounded", []string{"a's attack on c is no defeat: c prevails over a (lex superior, the higher norm prevails: rank 3 over rank 1)."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method, _ := ParseMethod(tt.semantics)
			r, err := Evaluate(context.Background(), load(t, tt.src), Options{Method: method})
			if err != nil {
				t.Fatal(err)
			}
			text, err := r.Explain(context.Background(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("explanation lacks %q:\n%s", w, text)
				}
			}
			if len(r.Decisions) == 0 {
				t.Error("no decisions")
			}
		})
	}
}
