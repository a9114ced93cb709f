package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		v    fmt.Stringer
		want string
	}{
		{Support, "support"},
		{Attack, "attack"},
		{Premise, "premise"},
		{Relation(0), "Relation(0)"},
		{Relation(4), "Relation(4)"},
		{Relation(255), "Relation(255)"},
		{Argument, "argument"},
		{Inference, "inference"},
		{NodeKind(0), "NodeKind(0)"},
		{Auxiliary, "auxiliary"},
		{Question, "question"},
		{NodeKind(5), "NodeKind(5)"},
		{NodeKind(255), "NodeKind(255)"},
	}
	for _, tt := range tests {
		if got := tt.v.String(); got != tt.want {
			t.Errorf("%T(%#v).String() = %q, want %q", tt.v, tt.v, got, tt.want)
		}
	}
}

func TestAddNode(t *testing.T) {
	tests := []struct {
		name  string
		add   []string
		want  []int    // AddNode's result for each of add
		names []string // Name(0), Name(1), ...
	}{
		{"none", nil, nil, nil},
		{"one", []string{"a"}, []int{0}, []string{"a"}},
		{"distinct", []string{"a", "b", "c"}, []int{0, 1, 2}, []string{"a", "b", "c"}},
		{"repeat", []string{"a", "b", "a", "c", "b"}, []int{0, 1, 0, 2, 1}, []string{"a", "b", "c"}},
		{"case-sensitive", []string{"x", "X"}, []int{0, 1}, []string{"x", "X"}},
		{"empty name", []string{"", "a", ""}, []int{0, 1, 0}, []string{"", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New()
			for i, name := range tt.add {
				if got := g.AddNode(name); got != tt.want[i] {
					t.Errorf("AddNode(%q) #%d = %d, want %d", name, i, got, tt.want[i])
				}
			}
			if g.Len() != len(tt.names) {
				t.Fatalf("Len() = %d, want %d", g.Len(), len(tt.names))
			}
			for n, name := range tt.names {
				if got := g.Name(n); got != name {
					t.Errorf("Name(%d) = %q, want %q", n, got, name)
				}
				if got, ok := g.Node(name); !ok || got != n {
					t.Errorf("Node(%q) = %d, %v, want %d, true", name, got, ok, n)
				}
			}
		})
	}
}

func TestNodeMissing(t *testing.T) {
	g := New()
	g.AddNode("a")
	for _, name := range []string{"b", "A", "", "a "} {
		if n, ok := g.Node(name); ok {
			t.Errorf("Node(%q) = %d, true, want false", name, n)
		}
	}
}

// TestAddPanics checks that AddEdge and AddInference refuse nodes that do not
// exist, and add nothing when they do.
func TestAddPanics(t *testing.T) {
	tests := []struct{ from, to int }{
		{-1, 0}, {0, -1}, {2, 0}, {0, 2}, {5, 5},
	}
	adds := []struct {
		name string
		add  func(g *Graph, from, to int)
	}{
		{"AddEdge", func(g *Graph, from, to int) { g.AddEdge(from, to, Support) }},
		{"AddInference", func(g *Graph, from, to int) { g.AddInference("i", from, to) }},
	}
	for _, add := range adds {
		for _, tt := range tests {
			g := New()
			g.AddNode("a")
			g.AddNode("b")
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%s(%d, %d) on 2 nodes did not panic", add.name, tt.from, tt.to)
					}
				}()
				add.add(g, tt.from, tt.to)
			}()
			if len(g.Edges()) != 0 || g.Len() != 2 {
				t.Errorf("%s(%d, %d) panicked but added an edge or a node", add.name, tt.from, tt.to)
			}
		}
	}
}

func TestEdges(t *testing.T) {
	g := New()
	for _, name := range []string{"a", "b", "c"} {
		g.AddNode(name)
	}
	want := []Edge{
		{2, 0, Attack},
		{0, 1, Support},
		{0, 1, Support}, // repeated edges are kept
		{1, 1, Attack},
		{0, 1, Attack}, // so are edges of another relation between the same nodes
	}
	for _, e := range want {
		g.AddEdge(e.From, e.To, e.Relation)
	}
	got := g.Edges()
	if !slices.Equal(got, want) {
		t.Fatalf("Edges() = %v, want %v", got, want)
	}
	got[0] = Edge{1, 1, Support}
	if again := g.Edges(); !slices.Equal(again, want) {
		t.Errorf("modifying the result of Edges changed the graph: now %v", again)
	}
	if got := New().Edges(); len(got) != 0 {
		t.Errorf("New().Edges() = %v, want none", got)
	}
}

func TestAdjacency(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		edges   []Edge
		support Adjacency
		attack  Adjacency
	}{
		{"empty", 0, nil, Adjacency{}, Adjacency{}},
		{"no edges", 3, nil, Adjacency{nil, nil, nil}, Adjacency{nil, nil, nil}},
		{
			"sorted per node",
			4,
			[]Edge{{0, 3, Support}, {0, 1, Support}, {0, 2, Support}, {3, 0, Support}, {2, 1, Support}},
			Adjacency{{1, 2, 3}, nil, {1}, {0}},
			Adjacency{nil, nil, nil, nil},
		},
		{
			"duplicates dropped",
			3,
			[]Edge{{0, 1, Attack}, {0, 2, Attack}, {0, 1, Attack}, {2, 2, Attack}, {2, 2, Attack}, {0, 2, Attack}},
			Adjacency{nil, nil, nil},
			Adjacency{{1, 2}, nil, {2}},
		},
		{
			"relations kept apart",
			3,
			[]Edge{{0, 1, Support}, {0, 1, Attack}, {1, 2, Attack}, {2, 0, Support}, {0, 2, Attack}, {0, 0, 9}},
			Adjacency{{1}, nil, {0}},
			Adjacency{{1, 2}, {2}, nil},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New()
			for i := range tt.n {
				g.AddNode(strconv.Itoa(i))
			}
			for _, e := range tt.edges {
				g.AddEdge(e.From, e.To, e.Relation)
			}
			if got := g.Adjacency(Support); !equalLists(got, tt.support) {
				t.Errorf("Adjacency(Support) = %v, want %v", got, tt.support)
			}
			if got := g.Adjacency(Attack); !equalLists(got, tt.attack) {
				t.Errorf("Adjacency(Attack) = %v, want %v", got, tt.attack)
			}
		})
	}
}

// TestAdjacencyRandom compares Adjacency with sorting and compacting each list, on random
// multigraphs with random relations.
func TestAdjacencyRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 2000 {
		n := rng.IntN(30)
		g := New()
		for i := range n {
			g.AddNode(strconv.Itoa(i))
		}
		if n > 0 {
			for range rng.IntN(4*n*n/3 + 1) {
				g.AddEdge(rng.IntN(n), rng.IntN(n), Relation(rng.IntN(4)))
			}
		}
		for r := range Relation(4) {
			want := make(Adjacency, n)
			for _, e := range g.Edges() {
				if e.Relation == r {
					want[e.From] = append(want[e.From], e.To)
				}
			}
			for u := range want {
				slices.Sort(want[u])
				want[u] = slices.Compact(want[u])
			}
			got := g.Adjacency(r)
			if len(got) != n || !equalLists(got, want) {
				t.Fatalf("graph #%d: Adjacency(%v) = %v, want %v", iter, r, got, want)
			}
		}
	}
}

// TestAdjacencyAppend checks that the lists, which share an array, do not overlap.
func TestAdjacencyAppend(t *testing.T) {
	g := New()
	for i := range 3 {
		g.AddNode(strconv.Itoa(i))
	}
	for _, e := range [][2]int{{0, 1}, {0, 1}, {0, 2}, {1, 0}, {2, 0}} {
		g.AddEdge(e[0], e[1], Support)
	}
	adj := g.Adjacency(Support)
	_ = append(adj[0], 99)
	if want := (Adjacency{{1, 2}, {0}, {0}}); !equalLists(adj, want) {
		t.Errorf("after appending to adj[0]: %v, want %v", adj, want)
	}
}

// TestAdjacencyLarge checks Adjacency at the size argmap promises to handle.
func TestAdjacencyLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large graph")
	}
	const n, m = 1_000_000, 5_000_000
	g := randomGraph(n, m, rand.New(rand.NewPCG(3, 4)), Support, Attack)
	for _, r := range []Relation{Support, Attack} {
		adj := g.Adjacency(r)
		if len(adj) != n {
			t.Fatalf("len(Adjacency(%v)) = %d, want %d", r, len(adj), n)
		}
		// The reference: every edge as one number that orders by source, then target,
		// sorted and compacted. Adjacency, read list by list, must give the same.
		var want []int
		for _, e := range g.edges {
			if e.Relation == r {
				want = append(want, e.From*n+e.To)
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		i := 0
		for u, succ := range adj {
			for _, v := range succ {
				if i >= len(want) {
					t.Fatalf("Adjacency(%v): more successors than the %d distinct edges", r, len(want))
				}
				if want[i] != u*n+v {
					t.Fatalf("Adjacency(%v): successor #%d is %d -> %d, want edge %d -> %d", r, i, u, v, want[i]/n, want[i]%n)
				}
				i++
			}
		}
		if i != len(want) {
			t.Fatalf("Adjacency(%v) has %d successors, want %d", r, i, len(want))
		}
	}
}

// randomGraph returns a graph of n nodes and m random edges, each of a relation chosen at
// random from rels.
func randomGraph(n, m int, rng *rand.Rand, rels ...Relation) *Graph {
	g := New()
	for i := range n {
		g.AddNode(strconv.Itoa(i))
	}
	for range m {
		g.AddEdge(rng.IntN(n), rng.IntN(n), rels[rng.IntN(len(rels))])
	}
	return g
}

func BenchmarkAdjacency(b *testing.B) {
	g := randomGraph(1_000_000, 5_000_000, rand.New(rand.NewPCG(5, 6)), Support)
	b.ReportAllocs()
	for b.Loop() {
		g.Adjacency(Support)
	}
}

func TestAddReason(t *testing.T) {
	g := New()
	r1, r2, c := g.AddNode("r1"), g.AddNode("r2"), g.AddNode("c")
	n := g.AddReason("r1+r2->c", []int{r2, r1, r2}, c)
	if got := g.AddReason("again", []int{r1, r2}, c); got != n {
		t.Errorf("AddReason again = %d, want %d", got, n)
	}
	if g.Kind(n) != Inference {
		t.Errorf("Kind = %v, want inference", g.Kind(n))
	}
	if _, _, ok := g.Inference(n); ok {
		t.Error("Inference of a linked reason reports a single premise")
	}
	ps, to, r := g.Premises(n)
	if !slices.Equal(ps, []int{r1, r2}) || to != c || r != Support {
		t.Errorf("Premises = %v, %d, %v", ps, to, r)
	}
	if got, ok := g.ReasonOf([]int{r2, r1}, c, Support); !ok || got != n {
		t.Errorf("ReasonOf = %d, %v", got, ok)
	}
	single := g.AddReason("r1->c", []int{r1}, c)
	if p, q, ok := g.Inference(single); !ok || p != r1 || q != c {
		t.Errorf("a reason of one premise is not AddInference's: %d %d %v", p, q, ok)
	}
	a := g.AddAttackInference("r1-x>c", r1, c)
	if a == single || a == n {
		t.Error("the inference of an attack is the inference of a support")
	}
	if ps, to, r := g.Premises(a); !slices.Equal(ps, []int{r1}) || to != c || r != Attack {
		t.Errorf("Premises(attack) = %v, %d, %v", ps, to, r)
	}
	x := g.AddAuxiliary("no reason for c", c)
	if of, ok := g.AuxiliaryOf(x); !ok || of != c || g.Kind(x) != Auxiliary {
		t.Errorf("AuxiliaryOf = %d, %v", of, ok)
	}
	if ps, _, _ := g.Premises(x); ps != nil {
		t.Error("an auxiliary node has premises")
	}
}

func TestClone(t *testing.T) {
	g := New()
	a, b := g.AddNode("a"), g.AddNode("b")
	g.AddEdge(a, b, Attack)
	i := g.AddAttackInference("a->b", a, b)
	c := g.Clone()
	c.AddNode("c")
	c.AddAuxiliary("x", a)
	c.AddEdge(b, a, Support)
	if g.Len() != 3 || len(g.Edges()) != 1 {
		t.Errorf("adding to the clone changed the original: %d nodes, %v", g.Len(), g.Edges())
	}
	if n, ok := c.ReasonOf([]int{a}, b, Attack); !ok || n != i {
		t.Errorf("the clone lost the inference: %d %v", n, ok)
	}
}

// TestCloneQuestions: a clone keeps the raisers of its question nodes
// (preference.Reduce clones the graph, and explain names the raisers).
func TestCloneQuestions(t *testing.T) {
	g := New()
	a, x := g.AddNode("a"), g.AddNode("x")
	q := g.AddQuestion("a?field", x)
	for _, c := range []*Graph{g.Clone(), g.WithoutEdges()} {
		if r, ok := c.Raisers(q); !ok || len(r) != 1 || r[0] != x {
			t.Errorf("the clone's raisers of %s: %v %v, want [%d]", c.Name(q), r, ok, x)
		}
	}
	_ = a
}
