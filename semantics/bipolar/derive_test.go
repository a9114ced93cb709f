package bipolar

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
)

// supportChain returns a graph of n arguments a0 ⇒ a1 ⇒ ... ⇒ a(n-1) and two more,
// x and z, with x → a0 and a(n-1) → z: read as SupportedSecondary, every ai attacks z
// (supported attacks) and x attacks every ai (secondary attacks), 2n attacks in all. With closed,
// a(n-1) → a0 too, which makes every ai attack every aj: n² + 2n attacks.
func supportChain(n int, closed bool) *graph.Graph {
	g := newNumbered(n)
	x, z := g.AddNode("x"), g.AddNode("z")
	for i := range n - 1 {
		g.AddEdge(i, i+1, graph.Support)
	}
	g.AddEdge(x, 0, graph.Attack)
	g.AddEdge(n-1, z, graph.Attack)
	if closed {
		g.AddEdge(n-1, 0, graph.Attack)
	}
	return g
}

// undercutChain returns the graph of a map with a chain of n supports a0 ⇒ ... ⇒ an, each
// undercut by an argument ui of its own, as arguments.Map.Graph builds it: the support
// ai ⇒ a(i+1) becomes a premise edge from ai to an inference node and a support from the
// inference to a(i+1), and ui attacks the inference. ui reaches every inference and
// argument after it: about n² attacks.
func undercutChain(n int) *graph.Graph {
	g := newNumbered(n + 1)
	u := make([]int, n)
	for i := range n {
		u[i] = g.AddNode(fmt.Sprintf("u%06d", i))
	}
	for i := range n {
		inf := g.AddNode(fmt.Sprintf("a%06d->a%06d", i, i+1))
		g.AddEdge(i, inf, graph.Premise)
		g.AddEdge(inf, i+1, graph.Support)
		g.AddEdge(u[i], inf, graph.Attack)
	}
	return g
}

func numAttacks(adj graph.Adjacency) int {
	m := 0
	for _, s := range adj {
		m += len(s)
	}
	return m
}

// TestDeriveAdversarialShapes compares Derive with the fixpoint reference on the shapes
// of the benchmarks, small, and checks their sizes: linear for an open chain, quadratic
// for a closed one and for undercuts along a chain.
func TestDeriveAdversarialShapes(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    *graph.Graph
		want map[Mode]int // the attacks of the result
	}{
		// SupportedSecondary: every ai attacks z, x attacks every ai. Deductive: every ai
		// attacks z, and only x attacks a0: nothing else commits to a0. Necessary: x attacks
		// every ai, and only a(n-1) attacks z: no argument needs it.
		{"open chain", supportChain(30, false), map[Mode]int{SupportedSecondary: 2 * 30, Deductive: 30 + 1, Necessary: 30 + 1, Ignore: 2}},
		// SupportedSecondary: every ai attacks every aj. Deductive: every ai attacks z and
		// a0. Necessary: a(n-1) attacks every aj and z, and x every aj.
		{"closed chain", supportChain(30, true), map[Mode]int{SupportedSecondary: 30*30 + 2*30, Deductive: 2*30 + 1, Necessary: 2*30 + 1, Ignore: 3}},
		// ui attacks the inferences i..n-1 and the arguments i+1..n; Deductive: ui attacks
		// its inference alone, which nothing commits to.
		{"undercuts", undercutChain(10), map[Mode]int{SupportedSecondary: 10 * 11, Deductive: 10, Necessary: 10 * 11, Ignore: 10}},
	} {
		sup := relationOf(tt.g.Adjacency(graph.Support))
		prem := relationOf(tt.g.Adjacency(graph.Premise))
		att := relationOf(tt.g.Adjacency(graph.Attack))
		for _, m := range Modes() {
			adj, err := Derive(context.Background(), tt.g, m, -1)
			if err != nil {
				t.Fatalf("%s, %v: %v", tt.name, m, err)
			}
			checkLists(t, adj)
			if got := numAttacks(adj); got != tt.want[m] {
				t.Errorf("%s, %v: %d attacks, want %d", tt.name, m, got, tt.want[m])
			}
			if m == Ignore {
				continue
			}
			if want := fixpointPremises(sup, prem, att, m); !relationOf(adj).equal(want) {
				t.Errorf("%s, %v: differs from the reference", tt.name, m)
			}
		}
	}
}

// TestDeriveSharesRows checks that the arguments of a chain whose attacks all come from
// its end share one list, rather than each holding a copy: the memory of the result is
// its distinct rows.
func TestDeriveSharesRows(t *testing.T) {
	g := supportChain(100, true)
	adj, err := Derive(context.Background(), g, SupportedSecondary, -1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if len(adj[i]) != 101 || &adj[i][0] != &adj[0][0] {
			t.Fatalf("row of a%d: %d attacks, shared %v; want the 101 of a0's row, shared", i, len(adj[i]), &adj[i][0] == &adj[0][0])
		}
	}
	adj[5] = append(adj[5], 0)
	if len(adj[6]) != 101 {
		t.Errorf("appending to one shared row changed another")
	}
}

// TestDeriveLimit checks the bound on the result: a closed chain of n supports derives
// n² + 2n attacks; one fewer is refused with a LimitError that says how large the map
// is, before the result is built.
func TestDeriveLimit(t *testing.T) {
	const n = 200
	g := supportChain(n, true)
	want := n*n + 2*n
	if adj, err := Derive(context.Background(), g, SupportedSecondary, want); err != nil || numAttacks(adj) != want {
		t.Fatalf("bound %d: %d attacks, %v; want %d and no error", want, numAttacks(adj), err, want)
	}
	_, err := Derive(context.Background(), g, SupportedSecondary, want-1)
	var le *LimitError
	if !errors.As(err, &le) {
		t.Fatalf("bound %d: error %v, want a *LimitError", want-1, err)
	}
	wantErr := LimitError{Mode: SupportedSecondary, Arguments: n + 2, Supports: n - 1, Attacks: 3, MaxAttacks: want - 1}
	if *le != wantErr {
		t.Errorf("error %+v, want %+v", *le, wantErr)
	}
	msg := err.Error()
	for _, part := range []string{"supported-secondary", "40,399 attacks", "202 arguments", "199 supports", "3 attacks", "ignore"} {
		if !strings.Contains(msg, part) {
			t.Errorf("message %q does not say %q", msg, part)
		}
	}
	if _, err := Derive(context.Background(), g, Ignore, 1); err != nil {
		t.Errorf("Ignore: %v; the direct attacks are never refused", err)
	}
}

// denseWeb returns a graph whose result is small but costly to derive: k arguments
// each support k others, which each attack one argument of their own and support one
// argument b, whose attack reaches a chain of k. Each of the first k reads k rows of
// about k nodes to build a row of 2k.
func denseWeb(k int) *graph.Graph {
	g := graph.New()
	top := make([]int, k)
	mid := make([]int, k)
	for i := range k {
		top[i] = g.AddNode(fmt.Sprintf("top%d", i))
		mid[i] = g.AddNode(fmt.Sprintf("mid%d", i))
	}
	b, z := g.AddNode("b"), g.AddNode("z")
	prev := z
	for i := range k {
		c := g.AddNode(fmt.Sprintf("chain%d", i))
		g.AddEdge(prev, c, graph.Support)
		prev = c
	}
	for i := range k {
		t := g.AddNode(fmt.Sprintf("target%d", i))
		g.AddEdge(mid[i], t, graph.Attack)
		g.AddEdge(mid[i], b, graph.Support)
		for j := range k {
			g.AddEdge(top[i], mid[j], graph.Support)
		}
	}
	g.AddEdge(b, z, graph.Attack)
	return g
}

// TestDeriveWorkLimit checks that the work is bounded too: a web whose result fits the
// bound but takes far more steps than it has attacks is refused as too interwoven.
func TestDeriveWorkLimit(t *testing.T) {
	g := denseWeb(100)
	adj, err := Derive(context.Background(), g, SupportedSecondary, -1)
	if err != nil {
		t.Fatal(err)
	}
	size := numAttacks(adj)
	_, err = Derive(context.Background(), g, SupportedSecondary, size)
	var le *LimitError
	if !errors.As(err, &le) || !le.Work {
		t.Fatalf("bound %d, the size of the result: error %v, want a *LimitError for the work", size, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "interwoven") {
		t.Errorf("message %q does not say why", msg)
	}
}

// TestDeriveCanceled checks that Derive stops when its context ends.
func TestDeriveCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, m := range Modes() {
		if _, err := Derive(ctx, supportChain(10, false), m, 0); !errors.Is(err, context.Canceled) {
			t.Errorf("%v: error %v, want context.Canceled", m, err)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 20_000_000: "20,000,000", -1234: "-1,234", -123: "-123"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
