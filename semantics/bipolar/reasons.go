package bipolar

import (
	"github.com/argmap/argmap/graph"
)

// Convergent returns g with the AND/OR gadget of convergent reasons added, when m
// reads a support as something its conclusion needs (SupportedSecondary's secondary
// attacks, Necessary); otherwise, or when g has no argument with two or more reasons,
// it returns g itself.
//
// A reason of c is the source of a support edge into c other than c itself: a single
// supporter, the inference of an undercut support, or a linked reason. An argument with
// two or more reasons needs only one of them (see the package documentation under
// Linked and convergent reasons). For each such c, Convergent adds an auxiliary node
// N_c, "no reason for c stands", which every reason of c attacks and which attacks c;
// [Derive] then derives no secondary (nor, under Necessary, extended) attacks along the
// supports into c. c is thus defeated exactly when all its reasons are: the disjunction
// gadget of meta-argumentation (Boella, Gabbay, van der Torre & Villata 2009).
//
// The result shares nothing with g: g is never changed.
func Convergent(g *graph.Graph, m Mode) *graph.Graph {
	if m != SupportedSecondary && m != Necessary {
		return g
	}
	reasons := convergentReasons(g)
	if len(reasons) == 0 {
		return g
	}
	out := g.Clone()
	for c := range g.Len() {
		rs := reasons[c]
		if len(rs) < 2 {
			continue
		}
		n := out.AddAuxiliary("no reason for "+g.Name(c)+" stands", c)
		for _, r := range rs {
			out.AddEdge(r, n, graph.Attack)
		}
		out.AddEdge(n, c, graph.Attack)
	}
	return out
}

// convergentReasons returns, for every node with two or more reasons, its reasons
// ascending; nil if there is no such node.
func convergentReasons(g *graph.Graph) [][]int {
	sup := g.Adjacency(graph.Support)
	var into [][]int
	count := make([]int, g.Len())
	for r, targets := range sup {
		for _, c := range targets {
			if c != r {
				count[c]++
			}
		}
	}
	found := false
	for _, k := range count {
		found = found || k >= 2
	}
	if !found {
		return nil
	}
	into = make([][]int, g.Len())
	for r, targets := range sup { // r ascends, so each list is sorted
		for _, c := range targets {
			if c != r && count[c] >= 2 {
				into[c] = append(into[c], r)
			}
		}
	}
	return into
}

// ConvergentArguments returns which nodes of g have the gadget of [Convergent]: an
// auxiliary node about the node that attacks it; nil if none. [Derive] follows no
// support into them to derive an attack that rests on (or, under Necessary, needs)
// a reason.
func ConvergentArguments(g *graph.Graph) []bool {
	var conv []bool
	for _, e := range g.Edges() {
		if e.Relation != graph.Attack {
			continue
		}
		if of, ok := g.AuxiliaryOf(e.From); ok && of == e.To {
			if conv == nil {
				conv = make([]bool, g.Len())
			}
			conv[e.To] = true
		}
	}
	return conv
}

// cut returns adj without its edges into the nodes that conv marks.
func cut(adj graph.Adjacency, conv []bool) graph.Adjacency {
	out := make(graph.Adjacency, len(adj))
	for v, targets := range adj {
		var keep []int
		for _, w := range targets {
			if !conv[w] {
				keep = append(keep, w)
			}
		}
		if len(keep) > 0 {
			out[v] = keep[:len(keep):len(keep)]
		}
	}
	return out
}

// attackPremises returns the premise edges of g into the inferences of attacks: the
// edges that an attack follows under every mode, Ignore included, since an attack
// cannot stand without the argument it comes from (AFRA, Baroni et al. 2011); nil if
// there are none.
func attackPremises(g *graph.Graph) graph.Adjacency {
	var out graph.Adjacency
	for _, e := range g.Edges() {
		if e.Relation != graph.Premise {
			continue
		}
		if _, _, r := g.Premises(e.To); r == graph.Attack {
			if out == nil {
				out = make(graph.Adjacency, g.Len())
			}
			out[e.From] = append(out[e.From], e.To)
		}
	}
	return out
}
