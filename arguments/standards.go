package arguments

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
)

// Proof is what an argument says of its proof standard and of who bears the
// burden of meeting it: the keys `standard`, `burden` and `burden_note`.
// Package evaluate's "carneades" evaluation uses them (docs/format.md,
// "Proof standards").
type Proof struct {
	// Standard is one of StandardNames, an alias read as it, or "" for none.
	Standard string
	// Burden is "pro" (the proponent must meet the standard), "con" (the claim
	// stands unless the case against it meets the standard), or "" for "pro".
	Burden string
	// BurdenNote says who bears the burden and why, in free text.
	BurdenNote string

	StandardRange, BurdenRange diagnostic.Range
}

// StandardNames are the proof standards an argument's `standard` names,
// weakest first (dialectical validity last).
func StandardNames() []string {
	return []string{"scintilla", "preponderance", "clear-and-convincing", "beyond-reasonable-doubt", "dialectical-validity"}
}

// standardAliases are the longer and shorter names read as a standard.
var standardAliases = map[string]string{
	"scintilla-of-evidence":         "scintilla",
	"se":                            "scintilla",
	"preponderance-of-the-evidence": "preponderance",
	"preponderance-of-evidence":     "preponderance",
	"balance-of-probabilities":      "preponderance",
	"pe":                            "preponderance",
	"clear-and-convincing-evidence": "clear-and-convincing",
	"cce":                           "clear-and-convincing",
	"beyond-a-reasonable-doubt":     "beyond-reasonable-doubt",
	"brd":                           "beyond-reasonable-doubt",
	"dv":                            "dialectical-validity",
}

// StandardName returns the standard that name names: one of StandardNames,
// for the name itself or an alias ("preponderance-of-the-evidence", "brd",
// ...; case, spaces and underscores aside), or "" and false.
func StandardName(name string) (string, bool) {
	n := strings.ToLower(strings.NewReplacer(" ", "-", "_", "-").Replace(strings.TrimSpace(name)))
	if slices.Contains(StandardNames(), n) {
		return n, true
	}
	s, ok := standardAliases[n]
	return s, ok
}

// Thresholds are a map's α, β and γ: the strongest pro argument must weigh
// more than Alpha, and more than the strongest con argument by more than
// Beta, for clear and convincing evidence; the strongest con argument less
// than Gamma, in addition, for beyond reasonable doubt.
type Thresholds struct{ Alpha, Beta, Gamma float64 }

// DefaultThresholds are the thresholds of a map that gives none.
func DefaultThresholds() Thresholds { return Thresholds{Alpha: 0.4, Beta: 0.3, Gamma: 0.2} }

// Threshold is one key of a file's [standards] table.
type Threshold struct {
	Name  string // "alpha", "beta" or "gamma"
	Value float64
	File  *File
	Range diagnostic.Range // the value
}

var (
	standardsKeys = []string{"alpha", "beta", "gamma"}
	burdenNames   = []string{"pro", "con"}
)

// proofKey reads the argument key f if it is one of the proof keys, and
// reports whether it was.
func (p *parser) proofKey(a *Argument, f entry) bool {
	sp := valueSpan(f.node)
	at := p.file.Source.Range(sp.start, sp.end)
	switch f.name {
	case "standard":
		s, ok := p.str(f, "the argument's proof standard")
		if !ok {
			return true
		}
		a.Proof.StandardRange = at
		name, known := StandardName(s)
		if !known {
			detail := didYouMean(s, append(StandardNames(), "scintilla-of-evidence", "preponderance-of-the-evidence", "clear-and-convincing-evidence", "beyond-a-reasonable-doubt"))
			if detail == "" {
				detail = "The proof standards are " + strings.Join(StandardNames(), ", ") + "."
			}
			p.report("unknown-standard", sp, detail, "unknown proof standard %q", s)
			return true
		}
		a.Proof.Standard = name
	case "burden":
		s, ok := p.str(f, `who bears the burden of proof`)
		if !ok {
			return true
		}
		a.Proof.BurdenRange = at
		if !slices.Contains(burdenNames, s) {
			detail := didYouMean(s, burdenNames)
			p.report("bad-burden", sp, detail+`Write burden = "pro" (the proponent must meet the standard, the default) or burden = "con" (the claim stands unless the case against it meets the standard).`,
				"unknown burden of proof %q", s)
			return true
		}
		a.Proof.Burden = s
	case "burden_note":
		a.Proof.BurdenNote, _ = p.str(f, "who bears the burden of proof and why")
	default:
		return false
	}
	return true
}

// standards reads the [standards] table: the map's thresholds.
func (p *parser) standards(e entry) {
	table, ok := e.value.(map[string]any)
	if !ok {
		p.wrongType(e, "`standards` must be a table of thresholds", "Write [standards] with alpha = 0.4, beta = 0.3, gamma = 0.2 under it.")
		return
	}
	for _, f := range entries(table, e.node) {
		if !slices.Contains(standardsKeys, f.name) {
			p.unknownKey(f, "the standards table", didYouMean(f.name, standardsKeys), standardsKeys)
			continue
		}
		var v float64
		switch x := f.value.(type) {
		case int64:
			v = float64(x)
		case float64:
			v = x
		default:
			p.wrongType(f, fmt.Sprintf("`%s` must be a number between 0 and 1", f.name), fmt.Sprintf("Write %s = 0.3, say.", f.name))
			continue
		}
		sp := valueSpan(f.node)
		if math.IsNaN(v) || v < 0 || v > 1 {
			p.report("bad-threshold", sp, "A threshold is a weight, from 0 to 1, as the arguments' weights are.",
				"threshold %s = %s is outside [0, 1]", f.name, strconv.FormatFloat(v, 'g', -1, 64))
			continue
		}
		p.file.Thresholds = append(p.file.Thresholds, &Threshold{Name: f.name, Value: v, File: p.file, Range: p.file.Source.Range(sp.start, sp.end)})
	}
}

// thresholds returns the map's thresholds: for each, the first file of the
// map that gives it, else its default; and the thresholds that a later file
// gives another value, each with the one that counts.
func (m *Map) thresholds() (Thresholds, [][2]*Threshold) {
	t := DefaultThresholds()
	first := map[string]*Threshold{}
	var conflicts [][2]*Threshold
	for _, f := range m.Files {
		for _, x := range f.Thresholds {
			if y, ok := first[x.Name]; ok {
				if y.Value != x.Value {
					conflicts = append(conflicts, [2]*Threshold{x, y})
				}
				continue
			}
			first[x.Name] = x
			switch x.Name {
			case "alpha":
				t.Alpha = x.Value
			case "beta":
				t.Beta = x.Value
			case "gamma":
				t.Gamma = x.Value
			}
		}
	}
	return t, conflicts
}

// checkStandards reports the misuses of proof standards and thresholds: a
// threshold two files give different values, thresholds that no argument
// can meet, and a standard that the arguments for its argument can never
// meet.
func checkStandards(c *checker) {
	_, conflicts := c.m.thresholds()
	for _, x := range conflicts {
		d := NewDiagnostic("bad-threshold", x[0].Range, "Give each threshold once for the whole map, or the same value in every file.",
			"%s = %s here, but %s in %s, which counts", x[0].Name, fmtWeight(x[0].Value), fmtWeight(x[1].Value), x[1].File.Name)
		d.Related = []diagnostic.Related{{Range: x[1].Range, Message: "the value that counts"}}
		c.report(d)
	}
	t := c.m.Thresholds
	for _, f := range c.m.Files {
		for _, x := range f.Thresholds {
			switch {
			case x.Name == "alpha" && x.Value == 1 && t.Alpha == 1:
				c.report(NewDiagnostic("unmeetable-standard", x.Range, "No weight is more than 1: lower alpha.",
					"with alpha = 1, clear-and-convincing and beyond-reasonable-doubt can never be met"))
			case x.Name == "beta" && x.Value == 1 && t.Beta == 1:
				c.report(NewDiagnostic("unmeetable-standard", x.Range, "No two weights differ by more than 1: lower beta.",
					"with beta = 1, clear-and-convincing and beyond-reasonable-doubt can never be met"))
			case x.Name == "gamma" && x.Value == 0 && t.Gamma == 0:
				c.report(NewDiagnostic("unmeetable-standard", x.Range, "No weight is less than 0: raise gamma.",
					"with gamma = 0, beyond-reasonable-doubt can never be met"))
			}
		}
	}
	if !c.complete {
		return
	}
	// The reasons for each id, with what they weigh: a supporter, or a
	// linked reason, which weighs what its weakest member weighs (as the
	// evaluation counts it).
	type pro struct {
		ID     string
		Weight float64
	}
	pros := map[string][]pro{}
	for _, r := range c.m.Relations {
		if r.Type != graph.Support {
			continue
		}
		if !r.Linked() {
			if a := c.m.Argument(r.From); a != nil {
				pros[r.To] = append(pros[r.To], pro{a.ID, a.Weight})
			}
			continue
		}
		p, ok := pro{r.From, 1}, true
		for _, id := range r.Members {
			a := c.m.Argument(id)
			if a == nil {
				ok = false
				break
			}
			p.Weight = min(p.Weight, a.Weight)
		}
		if ok {
			pros[r.To] = append(pros[r.To], p)
		}
	}
	for _, a := range c.m.Arguments {
		if a.Proof.Burden == "con" || a.Proof.Standard == "" && a.Proof.Burden == "" {
			continue
		}
		at, standard := a.Proof.StandardRange, a.Proof.Standard
		if standard == "" { // burden = "pro" alone: a burden to meet preponderance
			at, standard = a.Proof.BurdenRange, "preponderance"
		}
		if len(pros[a.ID]) == 0 {
			c.report(NewDiagnostic("unmeetable-standard", at,
				fmt.Sprintf(`Every standard needs an argument for %q: add one that supports it, or put the burden on the other side (burden = "con"), or remove the standard to let it stand as an assumption until it is attacked.`, a.ID),
				"nothing supports %q, so its standard %s can never be met", a.ID, standard))
			continue
		}
		if standard != "clear-and-convincing" && standard != "beyond-reasonable-doubt" {
			continue
		}
		strongest := pros[a.ID][0]
		for _, p := range pros[a.ID] {
			if p.Weight > strongest.Weight {
				strongest = p
			}
		}
		const epsilon = 1e-9 // as package semantics/carneades compares weights
		if strongest.Weight <= t.Alpha+epsilon || strongest.Weight <= t.Beta+epsilon {
			what, limit := "alpha", t.Alpha
			if strongest.Weight > t.Alpha+epsilon {
				what, limit = "beta", t.Beta
			}
			d := NewDiagnostic("unmeetable-standard", a.Proof.StandardRange,
				fmt.Sprintf("%s needs an argument for %q that weighs more than %s = %s; give one a greater weight, or choose a lower standard.", a.Proof.Standard, a.ID, what, fmtWeight(limit)),
				"the strongest argument for %q, %q, weighs %s: its standard %s can never be met", a.ID, strongest.ID, fmtWeight(strongest.Weight), a.Proof.Standard)
			c.report(d)
		}
	}
}

func fmtWeight(w float64) string { return strconv.FormatFloat(w, 'g', -1, 64) }
