package bipolar

import (
	"slices"

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

// splitGadget returns att without the attacks of reasons on the auxiliary nodes
// of [Convergent], and those attacks on their own. Derive derives no attack on an
// auxiliary node: N_c stands exactly when no reason of c stands, whatever its
// reasons' supporters commit to or need (a supporter of a rejected reason is no
// reason for c).
func splitGadget(g *graph.Graph, att graph.Adjacency) (rest, reasons graph.Adjacency) {
	rest = make(graph.Adjacency, len(att))
	reasons = make(graph.Adjacency, len(att))
	for v, targets := range att {
		var keep, aux []int
		for _, w := range targets {
			if g.Kind(w) == graph.Auxiliary {
				aux = append(aux, w)
			} else {
				keep = append(keep, w)
			}
		}
		if aux == nil {
			rest[v] = targets
			continue
		}
		if keep != nil {
			rest[v] = keep[:len(keep):len(keep)]
		}
		reasons[v] = aux
	}
	return rest, reasons
}

// joinGadget adds to adj the attacks of reasons on auxiliary nodes that
// splitGadget took out, copying every list it changes (lists may be shared).
func joinGadget(adj, reasons graph.Adjacency) graph.Adjacency {
	for v, aux := range reasons {
		if aux == nil {
			continue
		}
		row := append(slices.Clone(adj[v]), aux...)
		slices.Sort(row)
		row = slices.Compact(row)
		adj[v] = row[:len(row):len(row)]
	}
	return adj
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
