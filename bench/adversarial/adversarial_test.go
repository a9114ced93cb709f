package adversarial

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// The sizes of a shape run in ascending order, and a size is skipped when the
// measurements of the smaller ones predict that it would take longer than -cap or
// allocate more than -alloc: so that a run of the benchmarks on code that is still
// quadratic ends in minutes and does not exhaust the memory.
var (
	capTime  = flag.Duration("adversarial.cap", 20*time.Second, "skip a size predicted to take longer than this per run")
	capAlloc = flag.Int64("adversarial.alloc", 6<<30, "skip a size predicted to allocate more bytes than this per run")
)

// BenchmarkCheck measures what argmap check does — load, decode, index, validate, and
// check the expectations — on every map shape.
func BenchmarkCheck(b *testing.B) { benchShapes(b, check, func(s Shape) bool { return s.What == Map }) }

// BenchmarkEval measures argmap eval under grounded semantics with deductive
// supports, the defaults, loading included, on the maps without errors. A map whose
// derived attacks are past the default bound counts as refused (errors = 1).
func BenchmarkEval(b *testing.B) {
	benchShapes(b, eval, func(s Shape) bool { return s.What == Map && s.Valid })
}

// BenchmarkSolve measures argmap solve -p SE-GR, reading included, on the maps without
// errors and on the i23 files.
func BenchmarkSolve(b *testing.B) { benchShapes(b, solve, func(s Shape) bool { return s.Valid }) }

// An op does the work of one command on the input whose root file is root, and
// returns the number of errors it reported (0 on a clean input).
type op func(tb testing.TB, root string) int

func check(tb testing.TB, root string) int {
	l := &arguments.Loader{}
	maps, diags := l.LoadPaths([]string{root})
	for _, m := range maps {
		if len(m.Expectations) > 0 && m.Complete() && !diags.HasErrors() {
			diags = append(diags, evaluate.CheckExpectations(context.Background(), m)...)
		}
	}
	return countErrors(diags)
}

func countErrors(diags diagnostic.Diagnostics) int {
	n := 0
	for _, d := range diags {
		if d.Severity == diagnostic.Error {
			n++
		}
	}
	return n
}

// load loads the map of root, which must be free of errors.
func load(tb testing.TB, root string) *arguments.Map {
	l := &arguments.Loader{}
	maps, diags := l.LoadPaths([]string{root})
	if diags.HasErrors() || len(maps) != 1 {
		tb.Fatalf("%s: %d maps, %d errors, first %v", root, len(maps), countErrors(diags), diags)
	}
	return maps[0]
}

func eval(tb testing.TB, root string) int {
	m := load(tb, root)
	opt := evaluate.Options{Method: evaluate.Method{Semantics: semantics.Grounded}, Support: bipolar.SupportedSecondary}
	if _, err := evaluate.Evaluate(context.Background(), m, opt); err != nil {
		return 1 // refused, as too many derived attacks are
	}
	return 0
}

var seGR = iccma.Task{Problem: iccma.SE, Semantics: semantics.Grounded}

func solve(tb testing.TB, root string) int {
	var f *semantics.Framework
	if filepath.Ext(root) == ".toml" {
		m := load(tb, root)
		// As argmap solve does, with the default bound on the derived attacks.
		adj, err := bipolar.Derive(context.Background(), m.Graph(), bipolar.SupportedSecondary, 0)
		if err != nil {
			return 1 // refused, as too many derived attacks are
		}
		f = semantics.NewFramework(adj)
	} else {
		in, err := os.Open(root)
		if err != nil {
			tb.Fatal(err)
		}
		f, err = iccma.ReadFramework(in)
		in.Close()
		if err != nil {
			return 1 // refused, as a header past the limit is
		}
	}
	if err := iccma.Run(context.Background(), io.Discard, f, seGR, 0); err != nil {
		tb.Fatalf("solve %s: %v", root, err)
	}
	return 0
}

// measured is what one size cost, per run.
type measured struct {
	n            int
	ns, alloc    float64
	skipped      bool
	inputBytes   int64
	errorsPerRun int
}

// benchShapes runs do on every shape that want accepts, one sub-benchmark per shape
// and size: "shape/n=N". Besides ns/op, B/op and allocs/op, each reports in-B (the
// bytes of the input, every file counted once), ns/in-B and alloc-B/in-B (time and
// memory per byte of input: near-linear cost keeps them flat as n grows), errors
// (the errors reported, which shows where an input is refused) and cpu-ns/op (the
// process's CPU time, garbage collection included, which other work on the machine
// disturbs less than the elapsed time).
func benchShapes(b *testing.B, do op, want func(Shape) bool) {
	for _, s := range Shapes() {
		if !want(s) {
			continue
		}
		b.Run(s.Name, func(b *testing.B) {
			var done []measured
			for _, n := range s.Sizes {
				b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
					if why := tooBig(done, n); why != "" {
						done = append(done, measured{n: n, skipped: true})
						b.Skip(why)
					}
					dir := b.TempDir()
					root, err := s.Write(dir, n)
					if err != nil {
						b.Fatal(err)
					}
					size := dirSize(b, dir)
					b.ReportAllocs()
					runtime.GC()
					var before, after runtime.MemStats
					runtime.ReadMemStats(&before)
					runs, errs := 0, 0
					cpu := cpuTime()
					for b.Loop() {
						errs = do(b, root)
						runs++
					}
					cpu = cpuTime() - cpu
					runtime.ReadMemStats(&after)
					elapsed := b.Elapsed()
					// The prediction of the next size goes by the CPU time where there is
					// one: on a loaded machine the elapsed time says more about the load.
					spent := cpu
					if cpu == 0 {
						spent = elapsed
					}
					m := measured{
						n:            n,
						ns:           float64(spent.Nanoseconds()) / float64(runs),
						alloc:        float64(after.TotalAlloc-before.TotalAlloc) / float64(runs),
						inputBytes:   size,
						errorsPerRun: errs,
					}
					done = append(done, m)
					b.ReportMetric(float64(size), "in-B")
					b.ReportMetric(float64(elapsed.Nanoseconds())/float64(runs)/float64(size), "ns/in-B")
					b.ReportMetric(m.alloc/float64(size), "alloc-B/in-B")
					b.ReportMetric(float64(errs), "errors")
					b.ReportMetric(float64(cpu.Nanoseconds())/float64(runs), "cpu-ns/op")
				})
			}
		})
	}
}

// tooBig says why size n should be skipped, given the sizes done before it: one was
// skipped, or the growth seen so far (quadratic when only one size is known) predicts
// more than -adversarial.cap (of CPU time, on Unix) or -adversarial.alloc.
func tooBig(done []measured, n int) string {
	if len(done) == 0 {
		return ""
	}
	last := done[len(done)-1]
	if last.skipped {
		return fmt.Sprintf("skipped: n=%d was skipped", last.n)
	}
	r := float64(n) / float64(last.n)
	growT, growA := r*r, r*r
	if len(done) >= 2 && !done[len(done)-2].skipped {
		prev := done[len(done)-2]
		// The growth of the last step, scaled to this step's size ratio; at least
		// linear, since a run that got cheaper says little about the next.
		q := float64(last.n) / float64(prev.n)
		growT = max(r, pow(last.ns/prev.ns, r, q))
		growA = max(r, pow(last.alloc/max(prev.alloc, 1), r, q))
	}
	if t := time.Duration(last.ns * growT); t > *capTime {
		return fmt.Sprintf("skipped: predicted %v per run, over -adversarial.cap=%v (n=%d took %v)",
			t.Round(time.Millisecond), *capTime, last.n, time.Duration(last.ns).Round(time.Microsecond))
	}
	if a := last.alloc * growA; a > float64(*capAlloc) {
		return fmt.Sprintf("skipped: predicted %.1f GB allocated per run, over -adversarial.alloc=%.1f GB (n=%d allocated %.1f GB)",
			a/1e9, float64(*capAlloc)/1e9, last.n, last.alloc/1e9)
	}
	return ""
}

// pow returns the growth g seen over a size ratio q, extrapolated to a size ratio r:
// g^(log r / log q).
func pow(g, r, q float64) float64 {
	if g <= 0 || q <= 1 {
		return r * r
	}
	return math.Pow(g, math.Log(r)/math.Log(q))
}

// dirSize is the total size of the files in dir.
func dirSize(b *testing.B, dir string) int64 {
	var total int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return total
}
