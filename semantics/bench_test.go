package semantics

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/afgen"
)

// Benchmark frameworks. All are deterministic: the same seed gives the same framework.

// benchRandom returns n arguments each attacking about deg random others (self-attacks
// and repetitions allowed, as in the ICCMA random generators). With deg between 5 and 10
// and a few hundred arguments these are the hard instances of the literature: one big
// strongly connected component, an empty grounded extension and many preferred
// extensions.
func benchRandom(n int, deg float64, seed uint64) graph.Adjacency {
	return adjacency(n, afgen.Random(rand.New(rand.NewPCG(seed, 1)), n, deg))
}

func adjacency(n int, attacks [][2]int) graph.Adjacency {
	adj := make(graph.Adjacency, n)
	for _, at := range attacks {
		adj[at[0]] = append(adj[at[0]], at[1])
	}
	return adj
}

// benchAcyclic returns n arguments each attacking deg arguments after it (nearby ones
// mostly), so that the grounded labelling decides every argument, by a propagation
// that runs through the whole framework.
func benchAcyclic(n, deg int, seed uint64) graph.Adjacency {
	rng := rand.New(rand.NewPCG(seed, 2))
	adj := make(graph.Adjacency, n)
	for a := range n - 1 {
		for range deg {
			b := a + 1 + rng.IntN(min(n-a-1, 64))
			adj[a] = append(adj[a], b)
		}
	}
	return adj
}

// benchPrefAttach returns a preferential-attachment (Barabási–Albert) framework: each new
// argument takes part in m attacks with earlier arguments chosen with probability
// proportional to their degree, in a random direction.
func benchPrefAttach(n, m int, seed uint64) graph.Adjacency {
	return adjacency(n, afgen.PrefAttach(rand.New(rand.NewPCG(seed, 3)), n, m))
}

func BenchmarkNewFramework(b *testing.B) {
	adj := benchRandom(1_000_000, 5, 1)
	b.ResetTimer()
	for b.Loop() {
		NewFramework(adj)
	}
}

// BenchmarkGrounded: 1,000,000 arguments and 5,000,000 attacks.
func BenchmarkGrounded(b *testing.B) {
	for _, bc := range []struct {
		name string
		adj  graph.Adjacency
	}{
		{"random-1M-5M", benchRandom(1_000_000, 5, 1)},
		{"acyclic-1M-5M", benchAcyclic(1_000_000, 5, 1)},
	} {
		f := NewFramework(bc.adj)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				f.Grounded()
			}
		})
	}
}

type benchTask struct {
	name string
	run  func(ctx context.Context, f *Framework) error
}

func enumTask(s Semantics) benchTask {
	return benchTask{"EE-" + s.Code(), func(ctx context.Context, f *Framework) error {
		return Extensions(ctx, f, s, func(Extension) bool { return true })
	}}
}

func someTask(s Semantics) benchTask {
	return benchTask{"SE-" + s.Code(), func(ctx context.Context, f *Framework) error {
		_, _, err := Some(ctx, f, s)
		return err
	}}
}

// skepticalTask asks about the argument numbered n/3, an arbitrary one.
func skepticalTask(s Semantics) benchTask {
	return benchTask{"DS-" + s.Code(), func(ctx context.Context, f *Framework) error {
		_, _, err := Skeptical(ctx, f, s, f.Len()/3)
		return err
	}}
}

func credulousTask(s Semantics) benchTask {
	return benchTask{"DC-" + s.Code(), func(ctx context.Context, f *Framework) error {
		_, _, err := Credulous(ctx, f, s, f.Len()/3)
		return err
	}}
}

func runBench(b *testing.B, f *Framework, tasks []benchTask) {
	for _, t := range tasks {
		b.Run(t.name, func(b *testing.B) {
			for b.Loop() {
				if err := t.run(context.Background(), f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHardRandom: random frameworks of 300 to 700 arguments with 5 to 10 attacks
// each.
func BenchmarkHardRandom(b *testing.B) {
	tasks := []benchTask{
		enumTask(Preferred), skepticalTask(Preferred), credulousTask(Complete),
		enumTask(Stable), someTask(Stable), someTask(Preferred),
		someTask(SemiStable), someTask(Stage), someTask(Ideal), skepticalTask(Ideal),
		credulousTask(SemiStable), skepticalTask(Stage),
	}
	for _, c := range []struct {
		n   int
		deg float64
	}{{300, 5}, {500, 8}, {700, 10}} {
		f := NewFramework(benchRandom(c.n, c.deg, 7))
		b.Run(fmt.Sprintf("n=%d-deg=%g", c.n, c.deg), func(b *testing.B) { runBench(b, f, tasks) })
	}
}

// BenchmarkLargeSparse: 10,000 and 50,000 arguments with 1.5 attacks each.
func BenchmarkLargeSparse(b *testing.B) {
	tasks := []benchTask{
		someTask(Preferred), skepticalTask(Preferred), credulousTask(Complete),
		someTask(Stable), someTask(SemiStable), someTask(Ideal), skepticalTask(Ideal),
	}
	for _, n := range []int{10_000, 50_000} {
		f := NewFramework(benchRandom(n, 1.5, 9))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { runBench(b, f, tasks) })
	}
}

// BenchmarkPrefAttach: preferential-attachment frameworks of 2,000 and 20,000
// arguments.
func BenchmarkPrefAttach(b *testing.B) {
	tasks := []benchTask{
		enumTask(Preferred), skepticalTask(Preferred), credulousTask(Complete),
		enumTask(Stable), someTask(SemiStable), someTask(Stage), someTask(Ideal),
	}
	for _, n := range []int{2_000, 20_000} {
		f := NewFramework(benchPrefAttach(n, 2, 5))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { runBench(b, f, tasks) })
	}
}
