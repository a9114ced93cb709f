// Package carneades evaluates an argument graph with proof standards and burdens of
// proof, as the Carneades model of argument defines them (Gordon, Prakken & Walton 2007;
// Gordon & Walton 2009).
//
// Each argument of the graph is read as a statement (an issue): its supporters are the
// arguments pro it, its attackers the arguments con it, and the weight of each is the
// weight of the supporting or attacking argument (argmap's `weight`). An argument pro
// or con is applicable when the statement it starts from is acceptable; an inference
// node (an undercut support) is applicable when all its premises are acceptable and
// none of its undercutters is, as Carneades treats an exception. A statement is
// acceptable when it meets its proof standard over the weights of its applicable pro
// and con arguments; with α, β, γ the thresholds of [Thresholds]:
//
//	scintilla (SE)                at least one applicable pro argument
//	preponderance (PE)            SE, and the strongest applicable pro argument is
//	                              stronger than the strongest applicable con argument
//	clear and convincing (CCE)    PE, the strongest pro is stronger than α, and it is
//	                              stronger than the strongest con by more than β
//	beyond reasonable doubt (BRD) CCE, and the strongest con is weaker than γ
//	dialectical validity (DV)     SE, and no applicable con argument
//
// where the strongest of no arguments has weight 0, and "stronger" and "more" mean by
// more than [Epsilon]. So BRD ⇒ CCE ⇒ PE ⇒ SE and DV ⇒ SE.
//
// The burden of proof says which side must meet the standard. Under [Pro], the
// proponent's: the statement is acceptable when its pro arguments meet the standard
// against its con arguments. Under [Con], the opponent's: the statement stands unless
// its con arguments meet the standard against its pro arguments (Gordon, Prakken &
// Walton 2007 place the burden on the party whose claim, the statement or its
// complement, must meet a standard; a con argument is a pro argument of the complement).
//
// A statement without a standard is an assumption until it is questioned: acceptable
// when no con argument is applicable (Carneades' assumptions hold until questioned,
// Gordon, Prakken & Walton 2007 §3), and otherwise when it meets preponderance. A
// statement with burden [Con] and no standard uses preponderance for the con side.
//
// Carneades' argument graphs are acyclic. On a graph with cycles, Evaluate computes the
// least fixpoint of the three-valued reading of the definitions: a statement whose
// outcome depends on the outcome of a cycle is undecided (label Undec) unless every way
// the cycle could go gives it the same outcome. On an acyclic graph every statement is
// in (acceptable) or out (not acceptable).
//
// # References
//
//   - T. F. Gordon, H. Prakken and D. Walton. The Carneades model of argument and burden
//     of proof. Artificial Intelligence 171(10–15):875–896, 2007.
//   - T. F. Gordon and D. Walton. Proof burdens and standards. In I. Rahwan and
//     G. Simari (eds.), Argumentation in Artificial Intelligence, pp. 239–258,
//     Springer, 2009.
//   - B. van Gijzel and H. Nilsson. Haskell gets argumentative. Trends in Functional
//     Programming (TFP 2012), LNCS 7829, pp. 215–230, Springer, 2013: the thresholds
//     α = 0.4, β = 0.3, γ = 0.2 of its example are [DefaultThresholds].
package carneades

import (
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// Standard is a proof standard.
type Standard uint8

const (
	// None is no standard: the statement is an assumption until questioned.
	None Standard = iota
	Scintilla
	Preponderance
	ClearAndConvincing
	BeyondReasonableDoubt
	DialecticalValidity
)

var standardNames = [...]string{
	None:                  "none",
	Scintilla:             "scintilla",
	Preponderance:         "preponderance",
	ClearAndConvincing:    "clear-and-convincing",
	BeyondReasonableDoubt: "beyond-reasonable-doubt",
	DialecticalValidity:   "dialectical-validity",
}

// String returns the standard's name as argmap's files write it ("preponderance"), or
// "none".
func (s Standard) String() string {
	if int(s) < len(standardNames) {
		return standardNames[s]
	}
	return fmt.Sprintf("Standard(%d)", int(s))
}

// Standards returns the five standards, weakest first (DV last).
func Standards() []Standard {
	return []Standard{Scintilla, Preponderance, ClearAndConvincing, BeyondReasonableDoubt, DialecticalValidity}
}

// ParseStandard reads a standard's name or one of its usual abbreviations and longer
// forms: "se", "scintilla-of-evidence"; "pe", "preponderance-of-the-evidence",
// "preponderance-of-evidence", "balance-of-probabilities"; "cce",
// "clear-and-convincing-evidence"; "brd", "beyond-a-reasonable-doubt"; "dv".
// Case does not matter; spaces and underscores count as hyphens.
func ParseStandard(name string) (Standard, bool) {
	n := strings.ToLower(strings.NewReplacer(" ", "-", "_", "-").Replace(strings.TrimSpace(name)))
	switch n {
	case "scintilla", "se", "scintilla-of-evidence":
		return Scintilla, true
	case "preponderance", "pe", "preponderance-of-the-evidence", "preponderance-of-evidence", "balance-of-probabilities":
		return Preponderance, true
	case "clear-and-convincing", "cce", "clear-and-convincing-evidence":
		return ClearAndConvincing, true
	case "beyond-reasonable-doubt", "brd", "beyond-a-reasonable-doubt":
		return BeyondReasonableDoubt, true
	case "dialectical-validity", "dv":
		return DialecticalValidity, true
	}
	return None, false
}

// Burden says who must meet a statement's proof standard.
type Burden uint8

const (
	// Pro: the proponent; the statement is acceptable when its pro arguments meet the
	// standard.
	Pro Burden = iota
	// Con: the opponent; the statement stands unless its con arguments meet the
	// standard.
	Con
)

// String returns "pro" or "con".
func (b Burden) String() string {
	if b == Con {
		return "con"
	}
	return "pro"
}

// Thresholds are the α, β and γ of the standards clear and convincing and beyond
// reasonable doubt, each in [0, 1].
type Thresholds struct{ Alpha, Beta, Gamma float64 }

// DefaultThresholds are the thresholds argmap uses when a map gives none: those of
// the example of van Gijzel & Nilsson (2013). Gordon & Walton (2009) leave them to the
// audience.
func DefaultThresholds() Thresholds { return Thresholds{Alpha: 0.4, Beta: 0.3, Gamma: 0.2} }

// Issue is the proof standard of one statement and who bears its burden.
type Issue struct {
	Standard Standard
	Burden   Burden
}

// Input is what Evaluate evaluates.
type Input struct {
	Graph *graph.Graph
	// Issues has one entry per node of Graph, or is nil (no standards). Inference
	// nodes' entries are not used.
	Issues []Issue
	// Weights has one weight in [0, 1] per node, or is nil (every weight 0.5). The
	// weight of an argument pro or con is the weight of the node it starts from.
	Weights    []float64
	Thresholds Thresholds
}

// Reason is one argument pro or con a statement: the node it starts from, its weight,
// and whether it is applicable (In), not applicable (Out) or undecided (Undec).
type Reason struct {
	Node       int
	Weight     float64
	Applicable semantics.Label
}

// Outcome is the evaluation of one node.
type Outcome struct {
	// Label is In when the statement is acceptable (an inference: applicable), Out when
	// it is not, Undec when that depends on a cycle.
	Label semantics.Label
	// Standard is the standard applied: None for an assumption (no standard, burden
	// Pro), Preponderance for burden Con without a standard.
	Standard Standard
	Burden   Burden
	// Pro and Con are the arguments pro and con, by node, ascending. For an inference
	// node Pro are its premises and Con its undercutters.
	Pro, Con []Reason
	// MaxPro and MaxCon are the weights of the strongest applicable pro and con
	// arguments (0 for none).
	MaxPro, MaxCon float64
	// Cycle is set for a node on a cycle of supports, attacks and premises.
	Cycle bool
}

// Evaluate evaluates every node of in.Graph. It returns an error when in has the wrong
// number of issues or weights, a weight or a threshold outside [0, 1]. It takes
// O(V + E) time on an acyclic graph; on a cycle, a node is decided again each time
// one of its reasons on the cycle is decided, at most its in-degree times.
func Evaluate(in Input) ([]Outcome, error) {
	g := in.Graph
	n := g.Len()
	if in.Issues != nil && len(in.Issues) != n {
		return nil, fmt.Errorf("carneades: %d issues for %d nodes", len(in.Issues), n)
	}
	if in.Weights != nil && len(in.Weights) != n {
		return nil, fmt.Errorf("carneades: %d weights for %d nodes", len(in.Weights), n)
	}
	for v, w := range in.Weights {
		if !(w >= 0 && w <= 1) {
			return nil, fmt.Errorf("carneades: weight %g of node %d is outside [0, 1]", w, v)
		}
	}
	t := in.Thresholds
	for _, x := range []float64{t.Alpha, t.Beta, t.Gamma} {
		if !(x >= 0 && x <= 1) {
			return nil, fmt.Errorf("carneades: threshold %g is outside [0, 1]", x)
		}
	}
	e := &evaluator{in: in, out: make([]Outcome, n)}
	for _, ed := range g.Edges() {
		switch ed.Relation {
		case graph.Support, graph.Premise:
			e.out[ed.To].Pro = append(e.out[ed.To].Pro, Reason{Node: ed.From})
		case graph.Attack:
			e.out[ed.To].Con = append(e.out[ed.To].Con, Reason{Node: ed.From})
		}
	}
	byNode := func(a, b Reason) int { return a.Node - b.Node }
	same := func(a, b Reason) bool { return a.Node == b.Node }
	for v := range e.out {
		o := &e.out[v]
		slices.SortFunc(o.Pro, byNode)
		o.Pro = slices.CompactFunc(o.Pro, same)
		slices.SortFunc(o.Con, byNode)
		o.Con = slices.CompactFunc(o.Con, same)
		for _, rs := range [][]Reason{o.Pro, o.Con} {
			for i := range rs {
				rs[i].Weight = e.weight(rs[i].Node)
			}
		}
		o.Label = semantics.Undec
		if g.Kind(v) == graph.Argument {
			if in.Issues != nil {
				o.Standard, o.Burden = in.Issues[v].Standard, in.Issues[v].Burden
			}
			if o.Standard == None && o.Burden == Con {
				o.Standard = Preponderance
			}
		}
	}
	d := directed{adj: [][]int{}}
	d.adj = make([][]int, n)
	for _, ed := range g.Edges() {
		d.adj[ed.From] = append(d.adj[ed.From], ed.To)
	}
	for _, comp := range graph.TopologicalComponents(d) {
		cyclic := len(comp) > 1 || slices.Contains(d.adj[comp[0]], comp[0])
		if !cyclic {
			e.decide(comp[0])
			continue
		}
		// The least fixpoint: a node is decided again whenever a node of the
		// cycle it depends on is decided, and a decided node stays decided.
		inComp := make(map[int]bool, len(comp))
		for _, v := range comp {
			e.out[v].Cycle = true
			inComp[v] = true
		}
		work := slices.Clone(comp)
		for len(work) > 0 {
			v := work[len(work)-1]
			work = work[:len(work)-1]
			if e.out[v].Label != semantics.Undec || !e.decide(v) {
				continue
			}
			for _, w := range d.adj[v] {
				if inComp[w] && e.out[w].Label == semantics.Undec {
					work = append(work, w)
				}
			}
		}
		for _, v := range comp { // the labels of the reasons from the cycle, as it ended
			e.decide(v)
		}
	}
	return e.out, nil
}

type directed struct{ adj [][]int }

func (d directed) Len() int               { return len(d.adj) }
func (d directed) Successors(v int) []int { return d.adj[v] }

type evaluator struct {
	in  Input
	out []Outcome
}

func (e *evaluator) weight(v int) float64 {
	if e.in.Weights == nil {
		return 0.5
	}
	return e.in.Weights[v]
}

// decide evaluates node v from the current labels of its reasons, and reports whether
// it is now decided (in or out).
func (e *evaluator) decide(v int) bool {
	o := &e.out[v]
	for _, rs := range [][]Reason{o.Pro, o.Con} {
		for i := range rs {
			rs[i].Applicable = e.out[rs[i].Node].Label
		}
	}
	if e.in.Graph.Kind(v) == graph.Inference {
		o.Label = inference(o.Pro, o.Con)
		return o.Label != semantics.Undec
	}
	// Every standard is monotone: more applicable pro arguments never hurt, more
	// applicable con arguments never help. So the outcome is decided when the best
	// case (undecided pros applicable, undecided cons not) and the worst case agree.
	proLo, proHi := weights(o.Pro)
	conLo, conHi := weights(o.Con)
	best := e.accept(o, proHi, conLo)
	worst := e.accept(o, proLo, conHi)
	o.MaxPro, o.MaxCon = maxOf(proLo), maxOf(conLo)
	switch {
	case best && worst:
		o.Label = semantics.In
	case !best && !worst:
		o.Label = semantics.Out
	default:
		o.Label = semantics.Undec
	}
	return o.Label != semantics.Undec
}

// inference labels an inference node: applicable when all its premises are acceptable
// and none of its undercutters is.
func inference(premises, undercutters []Reason) semantics.Label {
	l := semantics.In
	for _, p := range premises {
		switch p.Applicable {
		case semantics.Out:
			return semantics.Out
		case semantics.Undec:
			l = semantics.Undec
		}
	}
	for _, u := range undercutters {
		switch u.Applicable {
		case semantics.In:
			return semantics.Out
		case semantics.Undec:
			l = semantics.Undec
		}
	}
	return l
}

// weights returns the weights of the reasons that are surely applicable (lo) and of
// those that may be (hi).
func weights(rs []Reason) (lo, hi []float64) {
	for _, r := range rs {
		switch r.Applicable {
		case semantics.In:
			lo = append(lo, r.Weight)
			hi = append(hi, r.Weight)
		case semantics.Undec:
			hi = append(hi, r.Weight)
		}
	}
	return lo, hi
}

func maxOf(ws []float64) float64 {
	m := 0.0
	for _, w := range ws {
		m = max(m, w)
	}
	return m
}

// accept says whether a statement with outcome o is acceptable when the weights of its
// applicable pro and con arguments are pro and con.
func (e *evaluator) accept(o *Outcome, pro, con []float64) bool {
	switch {
	case o.Standard == None:
		return len(con) == 0 || Meets(Preponderance, pro, con, e.in.Thresholds)
	case o.Burden == Con:
		return !Meets(o.Standard, con, pro, e.in.Thresholds)
	}
	return Meets(o.Standard, pro, con, e.in.Thresholds)
}

// Epsilon is how much more one weight must be than another to exceed it: weights
// are written as decimals, which floating point does not hold exactly, and
// 0.9 − 0.6 must not exceed 0.3.
const Epsilon = 1e-9

// Exceeds reports whether a is more than b by more than Epsilon: the
// comparison of every standard.
func Exceeds(a, b float64) bool { return a > b+Epsilon }

// Meets reports whether the applicable arguments of weights pro meet the standard s
// against the applicable arguments of weights con, with the thresholds t (see the
// package documentation). Meets(None, ...) is false.
func Meets(s Standard, pro, con []float64, t Thresholds) bool {
	mp, mc := maxOf(pro), maxOf(con)
	se := len(pro) > 0
	pe := se && Exceeds(mp, mc)
	cce := pe && Exceeds(mp, t.Alpha) && Exceeds(mp-mc, t.Beta)
	switch s {
	case Scintilla:
		return se
	case Preponderance:
		return pe
	case ClearAndConvincing:
		return cce
	case BeyondReasonableDoubt:
		return cce && Exceeds(t.Gamma, mc)
	case DialecticalValidity:
		return se && len(con) == 0
	}
	return false
}
