// Package graph holds the argument graph — named nodes of two kinds, arguments and the
// inferences of supports, joined by typed, directed edges — and the graph algorithms
// argmap needs. It knows nothing of files or commands.
//
// The algorithms work on the small [Directed] interface rather than on [Graph], so that
// one argument graph can be viewed through each of its relations separately: the support
// edges for finding circular reasoning, the attack edges for argumentation semantics.
// [Graph.Adjacency] builds such a view.
package graph

import (
	"slices"
	"strconv"
)

// Relation is the type of a directed edge between two arguments.
type Relation uint8

const (
	Support Relation = iota + 1 // the source gives a reason to accept the target
	Attack                      // the source gives a reason to reject the target
	// Premise joins an argument to an inference that rests on it (an
	// undercut support, drawn as a node of its own): the inference cannot
	// stand without its premise, but accepting the inference commits to
	// nothing through the premise.
	Premise
)

// String returns "support" or "attack", or "Relation(N)" for any other value,
// so that a corrupt value is visible rather than printed as a blank.
func (r Relation) String() string {
	switch r {
	case Support:
		return "support"
	case Attack:
		return "attack"
	case Premise:
		return "premise"
	}
	return "Relation(" + strconv.Itoa(int(r)) + ")"
}

// NodeKind is what a node of a [Graph] stands for.
type NodeKind uint8

const (
	// Argument is a node that stands for itself: an argument of the map.
	Argument NodeKind = iota + 1
	// Inference is the node of a support relation between two other nodes, its
	// premise and its conclusion, so that the support itself can be attacked (an
	// undercut), as AIF draws an inference (RA) node. It is not an argument of the
	// map; [Graph.Inference] gives the support it stands for.
	Inference
	// Auxiliary is a node that a reduction adds to express a condition the
	// attack relation alone cannot, such as "no reason for c stands" (see
	// [Graph.AddAuxiliary]). It is not an argument of the map.
	Auxiliary
	// Question is the node of a critical question raised against an argument
	// of a scheme, or a node of its reduction: it is not an argument of the map,
	// and it holds only while one of its raisers is present ([Graph.Raisers]).
	Question
)

// String returns "argument", "inference", "auxiliary" or "question", or
// "NodeKind(N)" for any other value.
func (k NodeKind) String() string {
	switch k {
	case Argument:
		return "argument"
	case Inference:
		return "inference"
	case Auxiliary:
		return "auxiliary"
	case Question:
		return "question"
	}
	return "NodeKind(" + strconv.Itoa(int(k)) + ")"
}

// Edge is a directed, typed edge between nodes From and To.
type Edge struct {
	From, To int
	Relation Relation
}

// Graph is a directed multigraph of named nodes with typed edges. Nodes are numbered
// 0..Len()-1 in the order they were added. Each node has a kind: an argument, found by
// its name, or an inference, found by the support it stands for; callers tell them
// apart by [Graph.Kind], never by a node's name or number. The zero value is not
// usable; use [New].
//
// A Graph may hold the same edge more than once, and edges of several relations between
// the same two nodes: it records what it is given, and leaves it to its callers to decide
// whether a repetition is worth a diagnostic.
type Graph struct {
	names []string       // node number -> name
	kinds []NodeKind     // node number -> kind
	index map[string]int // argument name -> node number
	edges []Edge         // in the order added

	// The inferences — of supports of one premise, of linked reasons, of
	// attacks — by node and by their key; nil until the first.
	reasonOf map[int]reason
	reasons  map[string]int
	// The auxiliary nodes, by node: what they are about; nil until the first.
	auxOf map[int]int

	// The raisers of each question node; nil until the first.
	raisers map[int][]int
}

// reason is an inference of several premises (a linked reason) or of an attack.
type reason struct {
	premises []int // ascending, without repetitions
	to       int
	rel      Relation
}

// key identifies a reason whatever the order its premises were given in.
func (r reason) key() string {
	var b []byte
	b = strconv.AppendInt(b, int64(r.rel), 10)
	for _, p := range r.premises {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(p), 10)
	}
	b = append(b, '>')
	b = strconv.AppendInt(b, int64(r.to), 10)
	return string(b)
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{index: make(map[string]int)}
}

// AddNode adds an argument node called name and returns its number. If an argument of
// that name exists already, AddNode returns the existing node's number and adds
// nothing, so callers can name an argument before they have seen its definition.
func (g *Graph) AddNode(name string) int {
	if n, ok := g.index[name]; ok {
		return n
	}
	n := g.add(name, Argument)
	g.index[name] = n
	return n
}

// AddInference adds the inference node of the support from premise to conclusion,
// called name, and returns its number; both must be in 0..Len()-1, and AddInference
// panics otherwise. If that support has an inference already, AddInference returns
// its number and adds nothing (the name is not changed).
//
// AddInference adds no edge: the caller joins the inference to its premise and its
// conclusion with the edges its reading of an inference needs. The name is only what
// [Graph.Name] returns: it may be any string, even an argument's name, as an inference
// is never found by name.
func (g *Graph) AddInference(name string, premise, conclusion int) int {
	if n := len(g.names); premise < 0 || premise >= n || conclusion < 0 || conclusion >= n {
		panic("graph: AddInference(" + strconv.Quote(name) + ", " + strconv.Itoa(premise) + ", " + strconv.Itoa(conclusion) +
			") with nodes out of range [0, " + strconv.Itoa(n) + ")")
	}
	return g.addReason(name, reason{[]int{premise}, conclusion, Support})
}

// AddReason adds the inference node of a linked reason: premises, together,
// support conclusion. All must be in 0..Len()-1, and AddReason panics
// otherwise. The premises are a set: their order and repetitions do not
// matter. With a single premise it is [Graph.AddInference]. If the reason has
// an inference already, AddReason returns its number and adds nothing.
//
// As AddInference, it adds no edge: the caller joins the inference to each
// premise (a [Premise] edge) and to the conclusion (a [Support] edge).
func (g *Graph) AddReason(name string, premises []int, conclusion int) int {
	ps := g.premiseSet("AddReason", name, premises, conclusion)
	if len(ps) == 1 {
		return g.AddInference(name, ps[0], conclusion)
	}
	return g.addReason(name, reason{ps, conclusion, Support})
}

// AddAttackInference adds the inference node of the attack from attacker on
// target, so that the attack itself can be attacked (an undercut of an attack,
// an attack on an attack as in Baroni et al.'s AFRA). Both must be in
// 0..Len()-1; AddAttackInference panics otherwise. If that attack has an
// inference already, it returns its number and adds nothing. The caller joins
// it with a [Premise] edge from attacker and an [Attack] edge to target.
func (g *Graph) AddAttackInference(name string, attacker, target int) int {
	ps := g.premiseSet("AddAttackInference", name, []int{attacker}, target)
	return g.addReason(name, reason{ps, target, Attack})
}

func (g *Graph) premiseSet(fn, name string, premises []int, conclusion int) []int {
	n := len(g.names)
	bad := conclusion < 0 || conclusion >= n || len(premises) == 0
	for _, p := range premises {
		bad = bad || p < 0 || p >= n
	}
	if bad {
		panic("graph: " + fn + "(" + strconv.Quote(name) + ", " + fmtInts(premises) + ", " + strconv.Itoa(conclusion) +
			") with no premise or nodes out of range [0, " + strconv.Itoa(n) + ")")
	}
	ps := slices.Clone(premises)
	slices.Sort(ps)
	return slices.Compact(ps)
}

func fmtInts(xs []int) string {
	b := []byte{'['}
	for i, x := range xs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	return string(append(b, ']'))
}

func (g *Graph) addReason(name string, r reason) int {
	k := r.key()
	if n, ok := g.reasons[k]; ok {
		return n
	}
	if g.reasons == nil {
		g.reasonOf = make(map[int]reason)
		g.reasons = make(map[string]int)
	}
	n := g.add(name, Inference)
	g.reasonOf[n] = r
	g.reasons[k] = n
	return n
}

// AddAuxiliary adds an auxiliary node called name about node of (such as the
// node "no reason for c stands" of a convergent argument c) and returns its
// number. It adds no edge. It panics if of is not in 0..Len()-1.
func (g *Graph) AddAuxiliary(name string, of int) int {
	if of < 0 || of >= len(g.names) {
		panic("graph: AddAuxiliary(" + strconv.Quote(name) + ", " + strconv.Itoa(of) + ") with a node out of range")
	}
	if g.auxOf == nil {
		g.auxOf = make(map[int]int)
	}
	n := g.add(name, Auxiliary)
	g.auxOf[n] = of
	return n
}

// AuxiliaryOf returns the node that auxiliary node n is about, and true; or
// false if n is not an auxiliary node. It panics if n is not in 0..Len()-1.
func (g *Graph) AuxiliaryOf(n int) (int, bool) {
	if g.kinds[n] != Auxiliary {
		return 0, false
	}
	return g.auxOf[n], true
}

// Premises returns the premises of inference node n, ascending, and the node it
// concludes to (what it supports, or what the attack it stands for attacks), and
// the relation it stands for: [Support] or [Attack]. For an argument or an
// auxiliary node it returns nil, 0, 0. It panics if n is not in 0..Len()-1.
func (g *Graph) Premises(n int) (premises []int, conclusion int, r Relation) {
	if g.kinds[n] != Inference {
		return nil, 0, 0
	}
	x := g.reasonOf[n]
	return slices.Clone(x.premises), x.to, x.rel
}

// ReasonOf returns the inference node of the reason of relation r (Support or
// Attack) from premises to conclusion, and whether there is one.
func (g *Graph) ReasonOf(premises []int, conclusion int, r Relation) (int, bool) {
	ps := slices.Clone(premises)
	slices.Sort(ps)
	ps = slices.Compact(ps)
	n, ok := g.reasons[reason{ps, conclusion, r}.key()]
	return n, ok
}

// AddQuestion adds a question node called name, raised by the given nodes, and
// returns its number; every raiser must be in 0..Len()-1, and AddQuestion panics
// otherwise. A question is never found by name, and AddQuestion always adds a new
// node. It adds no edge: the caller joins the question to the argument it questions.
// A graph without some of its arguments (a withdrawal) keeps a question only while
// one of its raisers is kept.
func (g *Graph) AddQuestion(name string, raisers ...int) int {
	for _, r := range raisers {
		if r < 0 || r >= len(g.names) {
			panic("graph: AddQuestion(" + strconv.Quote(name) + ") with raiser " + strconv.Itoa(r) +
				" out of range [0, " + strconv.Itoa(len(g.names)) + ")")
		}
	}
	if g.raisers == nil {
		g.raisers = make(map[int][]int)
	}
	n := g.add(name, Question)
	g.raisers[n] = slices.Clone(raisers)
	return n
}

// Raisers returns the raisers of question node n, and true; or false if n is not a
// question. The slice is a copy. It panics if n is not in 0..Len()-1.
func (g *Graph) Raisers(n int) ([]int, bool) {
	if g.kinds[n] != Question {
		return nil, false
	}
	return slices.Clone(g.raisers[n]), true
}

func (g *Graph) add(name string, k NodeKind) int {
	n := len(g.names)
	g.names = append(g.names, name)
	g.kinds = append(g.kinds, k)
	return n
}

// Node returns the number of the argument node called name, and whether there is
// one. An inference is not found by its name; see [Graph.InferenceOf].
func (g *Graph) Node(name string) (int, bool) {
	n, ok := g.index[name]
	return n, ok
}

// Kind returns the kind of node n. It panics if n is not in 0..Len()-1.
func (g *Graph) Kind(n int) NodeKind {
	return g.kinds[n]
}

// Inference returns the premise and the conclusion of the support that node n is the
// inference of, and true; or false if n is not the inference of a support of one
// premise (an argument, an auxiliary node, a linked reason or the inference of an
// attack: [Graph.Premises] describes those). It panics if n is not in 0..Len()-1.
func (g *Graph) Inference(n int) (premise, conclusion int, ok bool) {
	if g.kinds[n] != Inference {
		return 0, 0, false
	}
	x := g.reasonOf[n]
	if x.rel != Support || len(x.premises) != 1 {
		return 0, 0, false
	}
	return x.premises[0], x.to, true
}

// InferenceOf returns the inference node of the support from premise to conclusion,
// and whether it has one.
func (g *Graph) InferenceOf(premise, conclusion int) (int, bool) {
	n, ok := g.reasons[reason{[]int{premise}, conclusion, Support}.key()]
	return n, ok
}

// Name returns the name of node n. It panics if n is not in 0..Len()-1.
func (g *Graph) Name(n int) string {
	return g.names[n]
}

// Len returns the number of nodes.
func (g *Graph) Len() int {
	return len(g.names)
}

// AddEdge adds an edge of relation r from node from to node to. Both must be in
// 0..Len()-1; AddEdge panics otherwise, as an edge to a node that does not exist is a
// programming error, and accepting it would only move the failure to a later, less
// obvious place.
func (g *Graph) AddEdge(from, to int, r Relation) {
	if n := len(g.names); from < 0 || from >= n || to < 0 || to >= n {
		panic("graph: AddEdge(" + strconv.Itoa(from) + ", " + strconv.Itoa(to) +
			") with nodes out of range [0, " + strconv.Itoa(n) + ")")
	}
	g.edges = append(g.edges, Edge{From: from, To: to, Relation: r})
}

// Edges returns all edges in the order they were added, including repeated ones.
// The slice is a copy: callers may modify it without affecting g.
func (g *Graph) Edges() []Edge {
	return slices.Clone(g.edges)
}

// Adjacency returns, for every node, the successors along edges of relation r, each list
// sorted ascending and without duplicates. Nodes with none have a nil list. It takes
// O(Len() + len(Edges())) time.
//
// The lists share one backing array but have their capacity cut to their length, so a
// caller that appends to one list gets a new array instead of overwriting its neighbour.
func (g *Graph) Adjacency(r Relation) Adjacency {
	n := len(g.names)
	adj := make(Adjacency, n)

	// Sorting each list with a comparison sort would cost O(E log E) in the worst case.
	// Two passes of counting sort do it in O(V+E): the first groups the edges by target,
	// the second deals them out by source while walking the targets in ascending order,
	// so each source's targets arrive already sorted.
	//
	// After the prefix sums, byTo[t] and byFrom[s] are where the bucket of t and s begin;
	// filling a bucket advances its entry, which leaves it at the bucket's end, i.e. at
	// the beginning of the next one.
	byTo := make([]int, n+1)
	byFrom := make([]int, n+1)
	m := 0
	for _, e := range g.edges {
		if e.Relation == r {
			byTo[e.To+1]++
			byFrom[e.From+1]++
			m++
		}
	}
	if m == 0 {
		return adj
	}
	for i := 1; i <= n; i++ {
		byTo[i] += byTo[i-1]
		byFrom[i] += byFrom[i-1]
	}

	sources := make([]int, m) // the edges' sources, grouped by target
	for _, e := range g.edges {
		if e.Relation == r {
			sources[byTo[e.To]] = e.From
			byTo[e.To]++
		}
	}

	succ := make([]int, m) // the edges' targets, grouped by source, ascending in each group
	lo := 0
	for t := range n {
		hi := byTo[t]
		for _, s := range sources[lo:hi] {
			succ[byFrom[s]] = t
			byFrom[s]++
		}
		lo = hi
	}

	// Drop repeated edges by compacting succ in place; w never overtakes i, so nothing
	// is overwritten before it is read.
	w, lo := 0, 0
	for s := range n {
		hi := byFrom[s]
		first := w
		for i := lo; i < hi; i++ {
			if w == first || succ[i] != succ[w-1] {
				succ[w] = succ[i]
				w++
			}
		}
		if w > first {
			adj[s] = succ[first:w:w]
		}
		lo = hi
	}
	return adj
}

// Clone returns a copy of g that shares nothing with it: adding to one does not
// change the other.
func (g *Graph) Clone() *Graph {
	c := &Graph{
		names: slices.Clone(g.names),
		kinds: slices.Clone(g.kinds),
		index: make(map[string]int, len(g.index)),
		edges: slices.Clone(g.edges),
	}
	for k, v := range g.index {
		c.index[k] = v
	}
	if g.reasons != nil {
		c.reasonOf = make(map[int]reason, len(g.reasonOf))
		c.reasons = make(map[string]int, len(g.reasons))
		for k, v := range g.reasonOf {
			c.reasonOf[k] = v // its premises are never changed
		}
		for k, v := range g.reasons {
			c.reasons[k] = v
		}
	}
	if g.auxOf != nil {
		c.auxOf = make(map[int]int, len(g.auxOf))
		for k, v := range g.auxOf {
			c.auxOf[k] = v
		}
	}
	if g.raisers != nil {
		c.raisers = make(map[int][]int, len(g.raisers))
		for k, v := range g.raisers {
			c.raisers[k] = v // never changed after AddQuestion
		}
	}
	return c
}

// WithoutEdges returns a copy of g with its nodes (numbers, names, kinds,
// inferences and auxiliary nodes) but no edge, for a caller that rebuilds the
// edges.
func (g *Graph) WithoutEdges() *Graph {
	c := g.Clone()
	c.edges = nil
	return c
}
