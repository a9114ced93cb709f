package carneades

import (
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// TestMurderExample is the murder example of van Gijzel & Nilsson, "Haskell gets
// argumentative" (TFP 2012), the worked example of the Carneades argument evaluation
// structure of Gordon, Prakken & Walton (2007) and Gordon & Walton (2009):
//
//	arg1: kill, intent ⇒ murder                      weight 0.8
//	arg2: witness ⇒ intent                           weight 0.3
//	arg3: witness2 ⇒ ¬intent, exception unreliable2  weight 0.8
//	assumptions: kill, witness, witness2, unreliable2
//	standard(intent) = BRD, every other standard scintilla; α = 0.4, β = 0.3, γ = 0.2
//
// arg1 is a linked argument (an inference node with two premises), arg3 a con argument
// of intent undercut by its exception. The paper's results: arg2 is the one applicable
// argument about intent; intent is not acceptable (0.3 is not above α), so arg1 is not
// applicable and murder is not acceptable.
func TestMurderExample(t *testing.T) {
	g := graph.New()
	kill := g.AddNode("kill")
	intent := g.AddNode("intent")
	murder := g.AddNode("murder")
	witness := g.AddNode("witness")
	witness2 := g.AddNode("witness2")
	unreliable2 := g.AddNode("unreliable2")
	arg1 := g.AddInference("arg1", intent, murder)
	g.AddEdge(intent, arg1, graph.Premise)
	g.AddEdge(kill, arg1, graph.Premise)
	g.AddEdge(arg1, murder, graph.Support)
	g.AddEdge(witness, intent, graph.Support)
	arg3 := g.AddInference("arg3", witness2, intent)
	g.AddEdge(witness2, arg3, graph.Premise)
	g.AddEdge(arg3, intent, graph.Attack)
	g.AddEdge(unreliable2, arg3, graph.Attack)

	issues := make([]Issue, g.Len())
	weights := make([]float64, g.Len())
	for v := range issues {
		issues[v] = Issue{Standard: Scintilla}
		weights[v] = 0.5
	}
	for _, v := range []int{kill, witness, witness2, unreliable2} {
		issues[v] = Issue{} // assumptions
	}
	issues[intent].Standard = BeyondReasonableDoubt
	weights[arg1], weights[witness], weights[arg3] = 0.8, 0.3, 0.8
	out, err := Evaluate(Input{Graph: g, Issues: issues, Weights: weights, Thresholds: DefaultThresholds()})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]semantics.Label{
		kill: semantics.In, witness: semantics.In, witness2: semantics.In, unreliable2: semantics.In,
		arg3: semantics.Out, intent: semantics.Out, arg1: semantics.Out, murder: semantics.Out,
	}
	for v, l := range want {
		if out[v].Label != l {
			t.Errorf("%s is %s, want %s", g.Name(v), out[v].Label, l)
		}
	}
	if o := out[intent]; o.MaxPro != 0.3 || o.MaxCon != 0 {
		t.Errorf("intent: strongest pro %g, con %g; want 0.3 (arg2) and 0 (arg3 not applicable)", o.MaxPro, o.MaxCon)
	}
	// Under preponderance instead, arg2 alone suffices, and murder follows.
	issues[intent].Standard = Preponderance
	out, _ = Evaluate(Input{Graph: g, Issues: issues, Weights: weights, Thresholds: DefaultThresholds()})
	if out[intent].Label != semantics.In || out[murder].Label != semantics.In {
		t.Errorf("under PE intent is %s and murder %s, want in and in", out[intent].Label, out[murder].Label)
	}
}

// TestStandards is a table of the five standards' definitions (Gordon & Walton 2009).
func TestStandards(t *testing.T) {
	th := DefaultThresholds() // α 0.4, β 0.3, γ 0.2
	tests := []struct {
		pro, con             []float64
		se, pe, cce, brd, dv bool
	}{
		{nil, nil, false, false, false, false, false},
		{nil, []float64{0.3}, false, false, false, false, false},
		{[]float64{0}, nil, true, false, false, false, true},
		{[]float64{0.3}, nil, true, true, false, false, true}, // 0.3 ≤ α
		{[]float64{0.5}, nil, true, true, true, true, true},   // 0.5 > α, 0.5 − 0 > β, 0 < γ
		{[]float64{0.5}, []float64{0.5}, true, false, false, false, false},
		{[]float64{0.6}, []float64{0.4}, true, true, false, false, false}, // 0.2 ≤ β
		{[]float64{0.9}, []float64{0.3}, true, true, true, false, false},  // 0.3 ≥ γ
		{[]float64{0.9}, []float64{0.1}, true, true, true, true, false},
		{[]float64{0.2, 0.9}, []float64{0.1, 0.15}, true, true, true, true, false},
		{[]float64{0.41}, []float64{0.2}, true, true, false, false, false}, // 0.21 ≤ β
		{[]float64{0.9}, []float64{0.6}, true, true, false, false, false},  // 0.9 − 0.6 is 0.3 in decimals, not more
		{[]float64{0.4}, nil, true, true, false, false, true},              // 0.4 is not more than α
	}
	for _, tt := range tests {
		got := []bool{Meets(Scintilla, tt.pro, tt.con, th), Meets(Preponderance, tt.pro, tt.con, th),
			Meets(ClearAndConvincing, tt.pro, tt.con, th), Meets(BeyondReasonableDoubt, tt.pro, tt.con, th),
			Meets(DialecticalValidity, tt.pro, tt.con, th)}
		want := []bool{tt.se, tt.pe, tt.cce, tt.brd, tt.dv}
		for i, s := range Standards() {
			if got[i] != want[i] {
				t.Errorf("pro %v con %v: %s = %v, want %v", tt.pro, tt.con, s, got[i], want[i])
			}
		}
	}
	if Meets(None, []float64{1}, nil, th) {
		t.Error("None is met")
	}
}

func TestParseStandard(t *testing.T) {
	for _, s := range Standards() {
		if got, ok := ParseStandard(s.String()); !ok || got != s {
			t.Errorf("ParseStandard(%q) = %v, %v", s, got, ok)
		}
	}
	for name, want := range map[string]Standard{
		"Preponderance of the evidence": Preponderance, "scintilla_of_evidence": Scintilla, "BRD": BeyondReasonableDoubt,
		"clear-and-convincing-evidence": ClearAndConvincing, "dv": DialecticalValidity, "beyond-a-reasonable-doubt": BeyondReasonableDoubt,
	} {
		if got, ok := ParseStandard(name); !ok || got != want {
			t.Errorf("ParseStandard(%q) = %v, %v; want %v", name, got, ok, want)
		}
	}
	if _, ok := ParseStandard("preponderence"); ok {
		t.Error("a misspelling is read")
	}
}

// TestBurdenCon: with the burden on the opponent, the statement stands unless the con
// side meets the standard.
func TestBurdenCon(t *testing.T) {
	g := graph.New()
	c := g.AddNode("c")
	p := g.AddNode("p")
	x := g.AddNode("x")
	g.AddEdge(p, c, graph.Support)
	g.AddEdge(x, c, graph.Attack)
	for _, tt := range []struct {
		std    Standard
		burden Burden
		wp, wx float64
		want   semantics.Label
	}{
		{Preponderance, Pro, 0.5, 0.5, semantics.Out}, // a tie fails the proponent
		{Preponderance, Con, 0.5, 0.5, semantics.In},  // and the opponent
		{Preponderance, Con, 0.4, 0.6, semantics.Out},
		{ClearAndConvincing, Con, 0.4, 0.6, semantics.In}, // 0.6 − 0.4 ≤ β
		{None, Con, 0.4, 0.6, semantics.Out},              // preponderance
		{None, Pro, 0.5, 0.5, semantics.Out},              // questioned: preponderance
		{None, Pro, 0.6, 0.5, semantics.In},
	} {
		issues := []Issue{{tt.std, tt.burden}, {}, {}}
		out, err := Evaluate(Input{Graph: g, Issues: issues, Weights: []float64{0.5, tt.wp, tt.wx}, Thresholds: DefaultThresholds()})
		if err != nil {
			t.Fatal(err)
		}
		if out[c].Label != tt.want {
			t.Errorf("%s, burden %s, pro %g con %g: c is %s, want %s", tt.std, tt.burden, tt.wp, tt.wx, out[c].Label, tt.want)
		}
	}
}

func TestCycles(t *testing.T) {
	g := graph.New()
	a := g.AddNode("a")
	b := g.AddNode("b")
	c := g.AddNode("c")
	d := g.AddNode("d")
	g.AddEdge(a, b, graph.Attack)
	g.AddEdge(b, a, graph.Attack)
	g.AddEdge(a, c, graph.Support) // c depends on the cycle
	g.AddEdge(d, d, graph.Support) // a self-support: d is an assumption nothing questions
	out, err := Evaluate(Input{Graph: g, Thresholds: DefaultThresholds()})
	if err != nil {
		t.Fatal(err)
	}
	for v, want := range []semantics.Label{semantics.Undec, semantics.Undec, semantics.In, semantics.In} {
		if out[v].Label != want {
			t.Errorf("%s is %s, want %s", g.Name(v), out[v].Label, want)
		}
	}
	// c has no con argument: an assumption whichever way a goes. With scintilla it
	// needs a: undecided.
	out, _ = Evaluate(Input{Graph: g, Issues: []Issue{{}, {}, {Standard: Scintilla}, {}}, Thresholds: DefaultThresholds()})
	if out[c].Label != semantics.Undec {
		t.Errorf("c under scintilla is %s, want undec", out[c].Label)
	}
}

func TestErrors(t *testing.T) {
	g := graph.New()
	g.AddNode("a")
	for _, in := range []Input{
		{Graph: g, Issues: []Issue{{}, {}}},
		{Graph: g, Weights: []float64{2}},
		{Graph: g, Thresholds: Thresholds{Alpha: -1}},
	} {
		if _, err := Evaluate(in); err == nil {
			t.Errorf("Evaluate(%+v) succeeds", in)
		}
	}
}

// randomInput returns a random graph of at most n argument nodes, acyclic if acyclic
// is set (every edge goes from a higher node to a lower one), with undercut
// inferences, random standards, burdens and weights.
func randomInput(r *rand.Rand, n int, acyclic bool) Input {
	g := graph.New()
	k := 1 + r.IntN(n)
	for i := range k {
		g.AddNode(string(rune('a' + i)))
	}
	edge := func() (int, int) {
		for {
			from, to := r.IntN(k), r.IntN(k)
			if !acyclic {
				return from, to
			}
			if from > to {
				return from, to
			}
			if k == 1 {
				return -1, -1
			}
		}
	}
	for range r.IntN(2 * k) {
		from, to := edge()
		if from < 0 {
			break
		}
		rel := graph.Support
		if r.IntN(2) == 0 {
			rel = graph.Attack
		}
		if rel == graph.Support && r.IntN(4) == 0 {
			// an undercut support: its undercutter comes from above the premise
			inf := g.AddInference(g.Name(from)+"->"+g.Name(to), from, to)
			g.AddEdge(from, inf, graph.Premise)
			g.AddEdge(inf, to, graph.Support)
			if u := r.IntN(k); !acyclic || u > from {
				g.AddEdge(u, inf, graph.Attack)
			}
			continue
		}
		g.AddEdge(from, to, rel)
	}
	issues := make([]Issue, g.Len())
	weights := make([]float64, g.Len())
	for v := range issues {
		issues[v] = Issue{Standard(r.IntN(6)), Burden(r.IntN(2))}
		weights[v] = float64(r.IntN(11)) / 10
	}
	for v := range g.Len() {
		if p, _, ok := g.Inference(v); ok {
			weights[v] = weights[p]
		}
	}
	return Input{Graph: g, Issues: issues, Weights: weights, Thresholds: Thresholds{
		Alpha: float64(r.IntN(11)) / 10, Beta: float64(r.IntN(11)) / 10, Gamma: float64(r.IntN(11)) / 10}}
}

// reference is the recursive definition of acceptability, for acyclic graphs, as
// Gordon & Walton (2009) give it: no memo, no order, no three-valued labels.
func reference(in Input, v int) bool {
	g := in.Graph
	var pro, con []float64
	for _, e := range g.Edges() {
		if e.To != v {
			continue
		}
		applicable := reference(in, e.From)
		if p, _, ok := g.Inference(v); ok {
			_ = p
			if e.Relation == graph.Premise && !applicable || e.Relation == graph.Attack && applicable {
				return false
			}
			continue
		}
		if !applicable {
			continue
		}
		if e.Relation == graph.Attack {
			con = append(con, in.Weights[e.From])
		} else {
			pro = append(pro, in.Weights[e.From])
		}
	}
	if g.Kind(v) == graph.Inference {
		return true
	}
	is := in.Issues[v]
	switch {
	case is.Standard == None && is.Burden == Pro:
		return len(con) == 0 || Meets(Preponderance, pro, con, in.Thresholds)
	case is.Standard == None:
		return !Meets(Preponderance, con, pro, in.Thresholds)
	case is.Burden == Con:
		return !Meets(is.Standard, con, pro, in.Thresholds)
	}
	return Meets(is.Standard, pro, con, in.Thresholds)
}

// TestReference checks Evaluate against the recursive definition on thousands of
// random acyclic graphs.
func TestReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		in := randomInput(r, 7, true)
		out, err := Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		for v := range in.Graph.Len() {
			want := semantics.Out
			if reference(in, v) {
				want = semantics.In
			}
			if out[v].Label != want {
				t.Fatalf("graph %d, %v: node %s is %s, want %s", i, in.Graph.Edges(), in.Graph.Name(v), out[v].Label, want)
			}
		}
	}
}

// TestStrongerStandards checks, on thousands of random acyclic graphs, that a statement
// that meets a standard under burden pro meets every weaker one, all else equal:
// BRD ⇒ CCE ⇒ PE ⇒ SE and DV ⇒ SE.
func TestStrongerStandards(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	implies := [][2]Standard{
		{BeyondReasonableDoubt, ClearAndConvincing}, {ClearAndConvincing, Preponderance},
		{Preponderance, Scintilla}, {DialecticalValidity, Scintilla},
	}
	for range 3000 {
		in := randomInput(r, 6, true)
		v := r.IntN(in.Graph.Len())
		if in.Graph.Kind(v) != graph.Argument {
			continue
		}
		accepted := map[Standard]bool{}
		for _, s := range Standards() {
			in.Issues[v] = Issue{Standard: s}
			out, err := Evaluate(in)
			if err != nil {
				t.Fatal(err)
			}
			accepted[s] = out[v].Label == semantics.In
		}
		for _, p := range implies {
			if accepted[p[0]] && !accepted[p[1]] {
				t.Fatalf("%v: node %d meets %s but not %s", in.Graph.Edges(), v, p[0], p[1])
			}
		}
	}
}

// TestCyclicFixpoint checks, on thousands of random graphs with cycles, that Evaluate
// ends, and that its labels are a fixpoint of the three-valued reading: re-deciding any
// node from its reasons' labels gives its label again; acyclic nodes are decided when
// all their reasons are.
func TestCyclicFixpoint(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		in := randomInput(r, 7, false)
		out, err := Evaluate(in)
		if err != nil {
			t.Fatal(err)
		}
		e := &evaluator{in: in, out: out}
		for v := range out {
			before := out[v].Label
			e.decide(v)
			if out[v].Label != before {
				t.Fatalf("%v: node %d is %s, its reasons give %s", in.Graph.Edges(), v, before, out[v].Label)
			}
		}
	}
}
