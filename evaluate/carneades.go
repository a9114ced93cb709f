package evaluate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/carneades"
)

// carneadesName is the name of the method of the proof standards.
const carneadesName = "carneades"

// evaluateCarneades labels the arguments of r by their proof standards and
// burdens (package semantics/carneades) over the graph g, which supports
// and attacks are read from as they are: supporters are pro, attackers con.
// The one extension is the arguments in.
func (r *Result) evaluateCarneades(g *graph.Graph) error {
	m := r.Map
	in := carneades.Input{
		Graph:      g,
		Issues:     make([]carneades.Issue, g.Len()),
		Weights:    make([]float64, g.Len()),
		Thresholds: carneades.Thresholds(m.Thresholds),
	}
	for n := range g.Len() {
		if ps, _, rel := g.Premises(n); rel != 0 {
			// An undercut support or attack weighs what its premise does, a
			// linked reason what its weakest member does.
			in.Weights[n] = 1
			for _, p := range ps {
				in.Weights[n] = min(in.Weights[n], m.Argument(g.Name(p)).Weight)
			}
			continue
		}
		if w, ok := questionWeight(m, g, n); ok {
			in.Weights[n] = w
			continue
		}
		a := m.Argument(g.Name(n))
		in.Weights[n] = a.Weight
		in.Issues[n] = issueOf(a.Proof)
	}
	out, err := carneades.Evaluate(in)
	if err != nil {
		return err
	}
	r.proof = out
	ext := []string{}
	for i := range r.Arguments {
		st := &r.Arguments[i]
		st.Label = out[r.nodeOf[st.ID]].Label
		st.Credulous = st.Label == semantics.In
		st.Skeptical = st.Credulous
		if st.Credulous {
			ext = append(ext, st.ID)
		}
	}
	slices.Sort(ext)
	r.Extensions = [][]string{ext}
	return nil
}

// issueOf reads an argument's standard and burden. A burden given without a
// standard is a burden to meet preponderance. The map has been checked: an
// unknown name would be an error of it, and is read as none.
func issueOf(p arguments.Proof) carneades.Issue {
	s, _ := carneades.ParseStandard(p.Standard)
	if p.Standard == "" && p.Burden != "" {
		s = carneades.Preponderance
	}
	is := carneades.Issue{Standard: s}
	if p.Burden == "con" {
		is.Burden = carneades.Con
	}
	return is
}

// standardWords names a standard for a sentence.
var standardWords = map[carneades.Standard]string{
	carneades.Scintilla:             "scintilla of evidence",
	carneades.Preponderance:         "preponderance of the evidence",
	carneades.ClearAndConvincing:    "clear and convincing evidence",
	carneades.BeyondReasonableDoubt: "beyond reasonable doubt",
	carneades.DialecticalValidity:   "dialectical validity",
}

// explainCarneades says why the argument of node n has its label under the
// proof standards: its standard and burden, its arguments pro and con with
// their weights, and the comparison the standard makes.
func (r *Result) explainCarneades(b *strings.Builder, n int) {
	o := r.proof[n]
	id := r.graph.Name(n)
	a := r.Map.Argument(id)
	switch {
	case o.Standard == carneades.None:
		fmt.Fprintf(b, "No proof standard: %s stands as an assumption until an applicable argument attacks it; then it must meet preponderance of the evidence.\n", id)
	case o.Burden == carneades.Con:
		fmt.Fprintf(b, "Standard: %s, with the burden of proof on the opponent: %s stands unless the case against it meets the standard.\n", standardWords[o.Standard], id)
	default:
		fmt.Fprintf(b, "Standard: %s, with the burden of proof on the proponent: %s is accepted only if the case for it meets the standard.\n", standardWords[o.Standard], id)
	}
	if note := a.Proof.BurdenNote; note != "" {
		fmt.Fprintf(b, "Burden: %s\n", termtext.Escape(note))
	}
	fmt.Fprintln(b)
	r.listReasons(b, "For it (pro)", o.Pro)
	r.listReasons(b, "Against it (con)", o.Con)
	fmt.Fprintln(b)
	t := carneades.Thresholds(r.Map.Thresholds)
	pro, con := r.strongest(o.Pro), r.strongest(o.Con)
	switch {
	case o.Label == semantics.Undec:
		fmt.Fprintf(b, "So %s is undecided: whether its arguments apply depends on a cycle of the map, which Carneades' acyclic graphs do not have.\n", id)
		return
	case o.Standard == carneades.None && con.node < 0:
		fmt.Fprintf(b, "No argument against it applies, so %s stands as an assumption: it is in.\n", id)
		return
	case o.Standard == carneades.None:
		fmt.Fprintf(b, "%s attacks it and applies, so it must meet preponderance of the evidence.\n", r.reason(con.node))
		fmt.Fprintf(b, "%s.\n", r.compare(carneades.Preponderance, pro, con, "for it", "against it", t))
	case o.Burden == carneades.Con:
		fmt.Fprintf(b, "The case against it: %s.\n", r.compare(o.Standard, con, pro, "against it", "for it", t))
	default:
		fmt.Fprintf(b, "The case for it: %s.\n", r.compare(o.Standard, pro, con, "for it", "against it", t))
	}
	if o.Label == semantics.In {
		fmt.Fprintf(b, "So %s is in: acceptable.\n", id)
	} else {
		fmt.Fprintf(b, "So %s is out: not acceptable.\n", id)
	}
}

// listReasons lists the arguments of one side, each with its weight and
// whether it applies.
func (r *Result) listReasons(b *strings.Builder, title string, rs []carneades.Reason) {
	if len(rs) == 0 {
		fmt.Fprintf(b, "%s: none.\n", title)
		return
	}
	fmt.Fprintf(b, "%s:\n", title)
	for _, x := range rs {
		state := "applies (it is acceptable)"
		switch {
		case x.Applicable == semantics.Undec:
			state = "undecided (it depends on a cycle)"
		case x.Applicable != semantics.In && r.graph.Kind(x.Node) == graph.Inference:
			state = "does not apply (its premise does not hold, or an undercut does)"
		case x.Applicable != semantics.In:
			state = "does not apply (it is not acceptable itself)"
		}
		fmt.Fprintf(b, "  - %s, weight %s: %s\n", r.reason(x.Node), weightText(x.Weight), state)
	}
}

// reason names an argument pro or con: an argument by its id, an
// undercut support by its premise.
func (r *Result) reason(n int) string {
	if from, to, ok := r.graph.Inference(n); ok {
		return fmt.Sprintf("%s's support of %s", r.graph.Name(from), r.graph.Name(to))
	}
	return r.reasonLabel(n)
}

// side is the strongest applicable argument of one side: its node (-1 for
// none) and weight (0 for none).
type side struct {
	node   int
	weight float64
	any    bool
}

func (r *Result) strongest(rs []carneades.Reason) side {
	s := side{node: -1}
	for _, x := range rs {
		if x.Applicable == semantics.In && (s.node < 0 || x.Weight > s.weight) {
			s = side{node: x.Node, weight: x.Weight, any: true}
		}
	}
	return s
}

func (r *Result) named(s side, what string) string {
	if s.node < 0 {
		return "no applicable argument " + what + " (weight 0)"
	}
	return fmt.Sprintf("the strongest applicable argument %s, %s (%s)", what, r.reason(s.node), weightText(s.weight))
}

// compare says whether side a meets standard s against side b, with the
// comparisons that decide it: "preponderance of the evidence: met, the
// strongest applicable argument for it, x (0.7), outweighs the strongest
// against it, y (0.4)".
func (r *Result) compare(s carneades.Standard, a, b side, forA, forB string, t carneades.Thresholds) string {
	var pro, con []float64
	if a.any {
		pro = []float64{a.weight}
	}
	if b.any {
		con = []float64{b.weight}
	}
	verdict := "not met"
	if carneades.Meets(s, pro, con, t) {
		verdict = "met"
	}
	if !a.any {
		return fmt.Sprintf("%s is %s: no argument %s applies", standardWords[s], verdict, forA)
	}
	yes := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "no"
	}
	var parts []string
	switch s {
	case carneades.Scintilla:
		parts = append(parts, fmt.Sprintf("%s applies", r.reason(a.node)))
	case carneades.DialecticalValidity:
		if b.any {
			parts = append(parts, fmt.Sprintf("%s applies, but so does %s, which is %s", r.reason(a.node), r.reason(b.node), forB))
		} else {
			parts = append(parts, fmt.Sprintf("%s applies and no argument %s does", r.reason(a.node), forB))
		}
	default:
		rel := "does not outweigh"
		if carneades.Exceeds(a.weight, b.weight) {
			rel = "outweighs"
		}
		parts = append(parts, fmt.Sprintf("%s, %s %s", r.named(a, forA), rel, r.named(b, forB)))
		if s == carneades.ClearAndConvincing || s == carneades.BeyondReasonableDoubt {
			parts = append(parts,
				fmt.Sprintf("%s > alpha %s: %s", weightText(a.weight), weightText(t.Alpha), yes(carneades.Exceeds(a.weight, t.Alpha))),
				fmt.Sprintf("%s − %s > beta %s: %s", weightText(a.weight), weightText(b.weight), weightText(t.Beta), yes(carneades.Exceeds(a.weight-b.weight, t.Beta))))
		}
		if s == carneades.BeyondReasonableDoubt {
			parts = append(parts, fmt.Sprintf("%s < gamma %s: %s", weightText(b.weight), weightText(t.Gamma), yes(carneades.Exceeds(t.Gamma, b.weight))))
		}
	}
	return fmt.Sprintf("%s is %s: %s", standardWords[s], verdict, strings.Join(parts, "; "))
}

func weightText(w float64) string { return strconv.FormatFloat(w, 'g', 6, 64) }
