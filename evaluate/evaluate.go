// Package evaluate evaluates argument maps: which arguments stand and which
// fall under a semantics of argumentation theory, how strong each one is
// under a gradual semantics, and why.
//
// It joins the file format to the semantics: the map's graph (package
// arguments) is turned into an attack relation by a reading of support
// (package semantics/bipolar) and evaluated by Dung's semantics (package
// semantics) or a gradual semantics (package semantics/gradual); or, under
// the method "carneades", the graph itself is evaluated by the arguments'
// proof standards and burdens of proof (package semantics/carneades). The
// commands all evaluate through it: check (a map's expectations),
// eval, explain, render --semantics, and solve on a map, which
// solves its tasks on the framework [Framework] returns.
package evaluate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/suggest"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
	"github.com/argmap/argmap/semantics/carneades"
	"github.com/argmap/argmap/semantics/gradual"
)

// Gradual names a gradual semantics.
type Gradual uint8

const (
	// HCategorizer is Besnard and Hunter's h-categorizer, over attacks.
	HCategorizer Gradual = iota + 1
	// DFQuAD is the DF-QuAD semantics of Rago et al., over support and
	// attack, from the arguments' weights.
	DFQuAD
)

// Method is how a map is evaluated: by a Dung semantics, which accepts and
// rejects, or by a gradual one, which scores.
type Method struct {
	Semantics semantics.Semantics // a Dung semantics, or 0
	Gradual   Gradual             // a gradual semantics, or 0
	// Carneades is set for the evaluation by proof standards and burdens of
	// proof (package semantics/carneades), which labels arguments in or out.
	Carneades bool
}

// String names the method as ParseMethod reads it.
func (m Method) String() string {
	switch m.Gradual {
	case HCategorizer:
		return "h-categorizer"
	case DFQuAD:
		return "df-quad"
	}
	if m.Carneades {
		return carneadesName
	}
	return m.Semantics.String()
}

// MethodNames lists the names ParseMethod accepts, Dung semantics first.
func MethodNames() []string {
	var names []string
	for _, s := range semantics.All() {
		names = append(names, s.String())
	}
	return append(names, "h-categorizer", "df-quad", carneadesName)
}

// ParseMethod reads a semantics' name: a Dung semantics by its name or
// ICCMA code ("grounded", "PR", "semi-stable", ...), or a gradual one
// ("h-categorizer", "df-quad"), or "carneades", the proof standards.
func ParseMethod(name string) (Method, error) {
	switch strings.ToLower(name) {
	case "h-categorizer", "hcategorizer", "h-cat":
		return Method{Gradual: HCategorizer}, nil
	case "df-quad", "dfquad":
		return Method{Gradual: DFQuAD}, nil
	case carneadesName:
		return Method{Carneades: true}, nil
	}
	s, err := semantics.ParseSemantics(name)
	if err != nil {
		msg := fmt.Sprintf("unknown semantics %q", name)
		if best := suggest.Closest(name, MethodNames()); best != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", best)
		}
		return Method{}, errors.New(msg + "; known: " + strings.Join(MethodNames(), ", "))
	}
	return Method{Semantics: s}, nil
}

// Options say how to evaluate a map.
type Options struct {
	Method  Method
	Support bipolar.Mode
	// Without lists the ids of arguments withdrawn from the map: they and
	// their relations are left out, as if never put forward.
	Without []string
	// MaxAttacks bounds the attacks, direct and derived from the supports,
	// of the framework evaluated: 0 means bipolar.DefaultMaxAttacks, a
	// negative number no bound. Past it, Evaluate returns a
	// *bipolar.LimitError.
	MaxAttacks int
}

// Status is the outcome for one argument.
type Status struct {
	ID string
	// Label is In, Out or Undec. For a semantics with one extension
	// (grounded, ideal) it is the argument's label in its labelling; for
	// the others In means in every extension, Out in none, Undec in some.
	// Zero under a gradual semantics.
	Label semantics.Label
	// Credulous and Skeptical: in some extension, in every extension.
	Credulous, Skeptical bool
	// Score is the strength under a gradual semantics, in [0, 1].
	Score float64
}

// Result is the evaluation of a map.
type Result struct {
	Map     *arguments.Map
	Options Options
	// Arguments are the statuses of the map's arguments, in the map's
	// order, without the withdrawn ones.
	Arguments []Status
	// Extensions are the extensions of a Dung semantics, as sorted lists of
	// argument ids (inferences left out), in lexicographic order.
	Extensions [][]string
	// TooManyExtensions is set when the semantics has more extensions than
	// a result lists (10,000): Extensions is then empty, and the statuses
	// were decided argument by argument.
	TooManyExtensions bool
	// Decisions are the attacks the map's preferences decided, in the
	// map's order.
	Decisions []Decision

	proof  []carneades.Outcome  // the outcome of each node of graph, under carneades
	frame  *semantics.Framework // the attack relation evaluated
	scores []float64            // every node's score, under a gradual semantics
	graph  *graph.Graph         // the graph it was derived from
	nodeOf map[string]int       // node of each argument's id in frame
	status map[string]int       // index in Arguments of each id
}

// Status returns the outcome of the argument id, and whether it was
// evaluated (it is in the map and not withdrawn).
func (r *Result) Status(id string) (Status, bool) {
	i, ok := r.status[id]
	if !ok {
		return Status{}, false
	}
	return r.Arguments[i], true
}

// maxExtensions bounds the extensions a result lists; past it, statuses
// are decided argument by argument instead.
const maxExtensions = 10_000

// Nodes relate the nodes of a map's framework to the map's arguments: the
// framework has a node for each argument evaluated, in the map's order, and
// a node for the inference of each undercut support or attack and of each
// linked reason, and the auxiliary node "no reason for c stands" of each
// argument c with convergent reasons (bipolar.Convergent), which have no id.
type Nodes struct {
	ids  []string       // the id of each node, "" for an inference
	node map[string]int // the node of each argument evaluated
	args []string       // the ids of the arguments evaluated, in the map's order
}

// ID returns the id of the argument that node is, or false if node is an
// inference or an auxiliary node (or no node).
func (ns *Nodes) ID(node int) (string, bool) {
	if node < 0 || node >= len(ns.ids) || ns.ids[node] == "" {
		return "", false
	}
	return ns.ids[node], true
}

// Node returns the node of the argument id, or false if id is not an
// argument evaluated (it is not in the map, or withdrawn).
func (ns *Nodes) Node(id string) (int, bool) {
	n, ok := ns.node[id]
	return n, ok
}

// IDs returns the ids of the arguments evaluated, in the map's order. The
// caller must not change them.
func (ns *Nodes) IDs() []string { return ns.args }

// Framework returns the attack relation of the map m that a Dung semantics
// evaluates: its defeats — its attacks as its preferences leave them (see
// package semantics/preference and the map's [priorities]) — and the
// attacks derived from its supports as opt.Support reads them, without the
// arguments of opt.Without, within
// opt.MaxAttacks (opt.Method is not used). Evaluate, and so eval, explain
// and render, evaluate this framework; argmap solve solves tasks on it. The
// map should be free of errors: the relations to unknown arguments are left
// out. It stops with ctx's error when ctx ends.
func Framework(ctx context.Context, m *arguments.Map, opt Options) (*semantics.Framework, *Nodes, error) {
	opt.Method = Method{} // a framework whatever the method: carneades would skip it
	f, ns, _, _, err := framework(ctx, m, opt)
	return f, ns, err
}

// framework is Framework, and also returns the graph the framework is
// derived from (its attacks the defeats that the map's preferences leave)
// and the attacks the preferences decided. Under carneades it derives no
// framework, and returns nil.
func framework(ctx context.Context, m *arguments.Map, opt Options) (*semantics.Framework, *Nodes, *graph.Graph, []Decision, error) {
	for _, id := range opt.Without {
		if m.Argument(id) == nil {
			return nil, nil, nil, nil, fmt.Errorf("no argument %q to withdraw", id)
		}
	}
	// Preferences turn attacks into defeats before the supports are read:
	// an attack that is no defeat passes nothing along the supports.
	g, decisions := prefer(m, withdraw(m.Graph(), opt.Without))
	if opt.Method.Carneades {
		return nil, nodesOf(g), g, decisions, nil // the proof standards read the graph itself
	}
	if opt.Method.Gradual == 0 {
		// Convergent reasons, under Dung's semantics: the gradual semantics
		// score arguments, and an auxiliary node would count as one more
		// attacker (h-categorizer) or is not needed (DF-QuAD reads the
		// supports themselves).
		g = bipolar.Convergent(g, opt.Support)
	}
	ns := nodesOf(g)
	adj, err := bipolar.Derive(ctx, g, opt.Support, opt.MaxAttacks)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	f, err := semantics.BuildFramework(ctx, adj)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return f, ns, g, decisions, nil
}

// nodesOf relates the nodes of g to the map's arguments.
func nodesOf(g *graph.Graph) *Nodes {
	ns := &Nodes{ids: make([]string, g.Len()), node: map[string]int{}}
	for n := range g.Len() {
		if g.Kind(n) == graph.Argument {
			id := g.Name(n)
			ns.ids[n] = id
			ns.node[id] = n
			ns.args = append(ns.args, id)
		}
	}
	return ns
}

// Evaluate evaluates the map m: the framework [Framework] returns, under
// opt.Method. The map should be free of errors: the relations to unknown
// arguments are left out. It stops with ctx's error when ctx ends, in any
// phase: deriving the attacks, building the framework, solving.
func Evaluate(ctx context.Context, m *arguments.Map, opt Options) (*Result, error) {
	f, ns, g, decisions, err := framework(ctx, m, opt)
	if err != nil {
		return nil, err
	}
	r := &Result{Map: m, Options: opt, Decisions: decisions, frame: f, graph: g, nodeOf: ns.node, status: map[string]int{}}
	for i, id := range ns.IDs() {
		r.status[id] = i
		r.Arguments = append(r.Arguments, Status{ID: id})
	}
	if opt.Method.Carneades {
		return r, r.evaluateCarneades(g)
	}
	switch opt.Method.Gradual {
	case HCategorizer:
		scores, err := gradual.HCategorizer(r.frame)
		if err != nil {
			return nil, err
		}
		r.setScores(scores)
		return r, nil
	case DFQuAD:
		base := make([]float64, g.Len())
		for n := range base {
			base[n] = dfquadBase(m, g, n)
		}
		scores, err := gradual.DFQuAD(g, base)
		if err != nil {
			return nil, err
		}
		r.setScores(scores)
		return r, nil
	}
	return r, r.decide(ctx)
}

// dfquadBase is the base score DF-QuAD starts node n of g from: an
// argument's weight; 1 for a raised question, which holds in full, less
// what its raisers' attackers and its answers take; 0 for an inference,
// which carries its premise's strength, less its undercutters'.
func dfquadBase(m *arguments.Map, g *graph.Graph, n int) float64 {
	switch g.Kind(n) {
	case graph.Argument:
		return m.Argument(g.Name(n)).Weight
	case graph.Question:
		return 1
	}
	return 0
}

func (r *Result) setScores(scores []float64) {
	r.scores = scores
	for i := range r.Arguments {
		r.Arguments[i].Score = scores[r.nodeOf[r.Arguments[i].ID]]
	}
}

// decide finds the extensions and the status of every argument.
func (r *Result) decide(ctx context.Context) error {
	s := r.Options.Method.Semantics
	var exts []semantics.Extension
	err := semantics.ExtensionsUpTo(ctx, r.frame, s, maxExtensions, func(e semantics.Extension) bool {
		exts = append(exts, slices.Clone(e))
		return true
	})
	if errors.Is(err, semantics.ErrTooManyExtensions) || errors.Is(err, semantics.ErrTooManyMembers) {
		return r.decideEach(ctx)
	}
	if err != nil {
		return err
	}
	in := make([]int, r.frame.Len()) // the number of extensions each node is in
	for _, e := range exts {
		var ids []string
		for _, n := range e {
			in[n]++
			if r.graph.Kind(n) == graph.Argument {
				ids = append(ids, r.graph.Name(n))
			}
		}
		slices.Sort(ids)
		r.Extensions = append(r.Extensions, ids)
	}
	slices.SortFunc(r.Extensions, slices.Compare)
	r.Extensions = slices.CompactFunc(r.Extensions, slices.Equal) // two extensions may differ only in inferences
	var labels semantics.Labelling
	switch {
	case s == semantics.Grounded:
		labels = r.frame.Grounded()
	case len(exts) == 1 && (s == semantics.Ideal):
		labels = semantics.LabellingOf(r.frame, exts[0])
	}
	for i := range r.Arguments {
		st := &r.Arguments[i]
		n := r.nodeOf[st.ID]
		st.Credulous = in[n] > 0
		st.Skeptical = len(exts) > 0 && in[n] == len(exts)
		switch {
		case labels != nil:
			st.Label = labels[n]
		case st.Skeptical:
			st.Label = semantics.In
		case !st.Credulous && len(exts) > 0:
			st.Label = semantics.Out
		default:
			st.Label = semantics.Undec
		}
	}
	return nil
}

// decideEach decides the status of every argument by asking, argument by
// argument, whether some extension and whether every extension holds it:
// for a semantics with more extensions than a result lists. The result then
// lists none (TooManyExtensions is set).
func (r *Result) decideEach(ctx context.Context) error {
	s := r.Options.Method.Semantics
	r.TooManyExtensions = true
	for i := range r.Arguments {
		st := &r.Arguments[i]
		n := r.nodeOf[st.ID]
		cred, _, err := semantics.Credulous(ctx, r.frame, s, n)
		if err != nil {
			return err
		}
		skep := false
		if cred {
			if skep, _, err = semantics.Skeptical(ctx, r.frame, s, n); err != nil {
				return err
			}
		}
		st.Credulous, st.Skeptical = cred, skep
		switch {
		case skep:
			st.Label = semantics.In
		case !cred:
			st.Label = semantics.Out
		default:
			st.Label = semantics.Undec
		}
	}
	return nil
}

// withdraw returns g without the named arguments, their edges, the
// inferences of the supports they took part in, and the questions that only
// they raised. The nodes kept keep their
// order.
func withdraw(g *graph.Graph, ids []string) *graph.Graph {
	if len(ids) == 0 {
		return g
	}
	gone := map[string]bool{}
	for _, id := range ids {
		gone[id] = true
	}
	// An inference comes after its premises and its conclusion (AddReason
	// needs them), so they are placed, or known to be gone, by its turn.
	out := graph.New()
	newNode := make([]int, g.Len()) // the node of each node of g in out, -1 if gone
	for n := range g.Len() {
		newNode[n] = -1
		switch g.Kind(n) {
		case graph.Inference:
			ps, c, rel := g.Premises(n)
			kept := newNode[c] >= 0
			for i, p := range ps {
				kept = kept && newNode[p] >= 0
				ps[i] = newNode[p]
			}
			switch {
			case !kept:
			case rel == graph.Attack:
				newNode[n] = out.AddAttackInference(g.Name(n), ps[0], newNode[c])
			default:
				newNode[n] = out.AddReason(g.Name(n), ps, newNode[c])
			}
		case graph.Argument:
			if !gone[g.Name(n)] {
				newNode[n] = out.AddNode(g.Name(n))
			}
		case graph.Question:
			raisers, _ := g.Raisers(n)
			var kept []int
			for _, r := range raisers {
				if newNode[r] >= 0 {
					kept = append(kept, newNode[r])
				}
			}
			if len(kept) > 0 {
				newNode[n] = out.AddQuestion(g.Name(n), kept...)
			}
		}
	}
	for _, e := range g.Edges() {
		if from, to := newNode[e.From], newNode[e.To]; from >= 0 && to >= 0 {
			out.AddEdge(from, to, e.Relation)
		}
	}
	return out
}
