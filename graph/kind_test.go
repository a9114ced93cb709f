package graph

import (
	"fmt"
	"testing"
)

// node is what the accessors of Graph say of one node.
type node struct {
	name                string
	kind                NodeKind
	premise, conclusion int // for an inference
}

func TestAddInference(t *testing.T) {
	// An op adds an argument (inference false) called name, or the inference
	// called name of the support from premise to conclusion.
	type op struct {
		inference           bool
		name                string
		premise, conclusion int
		want                int // the number the add returns
	}
	arg := func(name string, want int) op { return op{name: name, want: want} }
	inf := func(name string, p, c, want int) op { return op{true, name, p, c, want} }
	tests := []struct {
		name  string
		ops   []op
		nodes []node
	}{
		{"arguments only", []op{arg("a", 0), arg("b", 1)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}}},
		{"one inference", []op{arg("a", 0), arg("b", 1), inf("a->b", 0, 1, 2)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"a->b", Inference, 0, 1}}},
		{"arguments after an inference", []op{arg("a", 0), arg("b", 1), inf("i", 1, 0, 2), arg("c", 3)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"i", Inference, 1, 0}, {"c", Argument, 0, 0}}},
		{"an inference twice", []op{arg("a", 0), arg("b", 1), inf("i", 0, 1, 2), inf("other name", 0, 1, 2)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"i", Inference, 0, 1}}},
		{"the support turned around is another", []op{arg("a", 0), arg("b", 1), inf("i", 0, 1, 2), inf("j", 1, 0, 3)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"i", Inference, 0, 1}, {"j", Inference, 1, 0}}},
		{"a self-support", []op{arg("a", 0), inf("a->a", 0, 0, 1)},
			[]node{{"a", Argument, 0, 0}, {"a->a", Inference, 0, 0}}},
		{"an inference named as an argument", []op{arg("a", 0), arg("b", 1), arg("a->b", 2), inf("a->b", 0, 1, 3), arg("a->b", 2)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"a->b", Argument, 0, 0}, {"a->b", Inference, 0, 1}}},
		{"an argument named as an inference", []op{arg("a", 0), arg("b", 1), inf("a->b", 0, 1, 2), arg("a->b", 3)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"a->b", Inference, 0, 1}, {"a->b", Argument, 0, 0}}},
		{"an inference of an inference", []op{arg("a", 0), arg("b", 1), inf("i", 0, 1, 2), inf("j", 2, 1, 3)},
			[]node{{"a", Argument, 0, 0}, {"b", Argument, 0, 0}, {"i", Inference, 0, 1}, {"j", Inference, 2, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := New()
			for _, o := range tt.ops {
				var got int
				if o.inference {
					got = g.AddInference(o.name, o.premise, o.conclusion)
				} else {
					got = g.AddNode(o.name)
				}
				if got != o.want {
					t.Errorf("%+v: added %d, want %d", o, got, o.want)
				}
			}
			if g.Len() != len(tt.nodes) {
				t.Fatalf("Len() = %d, want %d", g.Len(), len(tt.nodes))
			}
			for n, want := range tt.nodes {
				got := node{name: g.Name(n), kind: g.Kind(n)}
				p, c, ok := g.Inference(n)
				if ok != (want.kind == Inference) {
					t.Errorf("Inference(%d) ok = %v for a node of kind %v", n, ok, want.kind)
				}
				if ok {
					got.premise, got.conclusion = p, c
					if i, ok := g.InferenceOf(p, c); !ok || i != n {
						t.Errorf("InferenceOf(%d, %d) = %d, %v, want %d, true", p, c, i, ok, n)
					}
				} else if p != 0 || c != 0 {
					t.Errorf("Inference(%d) of an argument = %d, %d, want zeros", n, p, c)
				}
				if got != want {
					t.Errorf("node %d = %+v, want %+v", n, got, want)
				}
				// Node finds arguments by name, and never an inference.
				if m, ok := g.Node(want.name); want.kind == Argument && (!ok || m != n) || want.kind == Inference && ok && m == n {
					t.Errorf("Node(%q) = %d, %v for node %d, a %v", want.name, m, ok, n, want.kind)
				}
			}
		})
	}
}

func TestInferenceOfMissing(t *testing.T) {
	g := New()
	a, b := g.AddNode("a"), g.AddNode("b")
	if n, ok := g.InferenceOf(a, b); ok {
		t.Errorf("InferenceOf(a, b) on a graph without inferences = %d, true", n)
	}
	g.AddInference("a->b", a, b)
	for _, s := range [][2]int{{b, a}, {a, a}, {0, 5}, {-1, 0}} {
		if n, ok := g.InferenceOf(s[0], s[1]); ok {
			t.Errorf("InferenceOf(%d, %d) = %d, true, want false", s[0], s[1], n)
		}
	}
	if _, ok := g.Node("a->b"); ok {
		t.Errorf("Node(%q) found an inference by its name", "a->b")
	}
}

func TestKindPanics(t *testing.T) {
	g := New()
	g.AddNode("a")
	for _, n := range []int{-1, 1} {
		for name, f := range map[string]func(){
			"Kind":      func() { g.Kind(n) },
			"Inference": func() { g.Inference(n) },
		} {
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("%s(%d) on 1 node did not panic", name, n)
					}
				}()
				f()
			}()
		}
	}
}

// An undercut support: the support from designation to strike becomes an inference
// node that rests on designation and supports strike, and an undercutter attacks the
// inference, not either argument.
func ExampleGraph_AddInference() {
	g := New()
	designation, strike := g.AddNode("designation"), g.AddNode("strike")
	inf := g.AddInference("designation->strike", designation, strike)
	g.AddEdge(designation, inf, Premise)
	g.AddEdge(inf, strike, Support)
	g.AddEdge(g.AddNode("no-armed-attack"), inf, Attack)

	for n := range g.Len() {
		if p, c, ok := g.Inference(n); ok {
			fmt.Printf("%d: %v of %s supporting %s\n", n, g.Kind(n), g.Name(p), g.Name(c))
		} else {
			fmt.Printf("%d: %v %s\n", n, g.Kind(n), g.Name(n))
		}
	}
	// Output:
	// 0: argument designation
	// 1: argument strike
	// 2: inference of designation supporting strike
	// 3: argument no-armed-attack
}
