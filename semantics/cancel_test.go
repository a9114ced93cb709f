package semantics

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// TestDeadlineMidSearch runs every task (SE, EE, DC, DS under every semantics) on a
// framework where the hard ones take far longer than their deadline, a few
// milliseconds: each must either finish or stop with the deadline's error soon after
// it, start no goroutine that outlives it, and leave no memory behind.
func TestDeadlineMidSearch(t *testing.T) {
	// A dense random part, where each search takes a while, beside 30 pairs of
	// arguments attacking each other: 2^30 extensions to list.
	adj := benchRandom(300, 8, 3)
	for range 30 {
		a := len(adj)
		adj = append(adj, []int{a + 1}, []int{a})
	}
	f := NewFramework(adj)
	type task struct {
		name string
		run  func(ctx context.Context) error
	}
	var tasks []task
	for _, sem := range All() {
		tasks = append(tasks,
			task{"EE-" + sem.Code(), func(ctx context.Context) error {
				return Extensions(ctx, f, sem, func(Extension) bool { return true })
			}},
			task{"SE-" + sem.Code(), func(ctx context.Context) error { _, _, err := Some(ctx, f, sem); return err }},
			task{"DC-" + sem.Code(), func(ctx context.Context) error { _, _, err := Credulous(ctx, f, sem, 7); return err }},
			task{"DS-" + sem.Code(), func(ctx context.Context) error { _, _, err := Skeptical(ctx, f, sem, 7); return err }},
		)
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	goroutines := runtime.NumGoroutine()
	const deadline = 5 * time.Millisecond
	stopped := map[string]bool{}
	for _, tk := range tasks {
		ctx, cancel := context.WithTimeout(context.Background(), deadline)
		start := time.Now()
		err := tk.run(ctx)
		late := time.Since(start) - deadline
		cancel()
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			stopped[tk.name] = true
		case err != nil:
			t.Errorf("%s: %v", tk.name, err)
		}
		// A bound on stopping, not on speed: a search that looks at its context
		// stops within milliseconds; one that does not runs for seconds.
		if late > 2*time.Second {
			t.Errorf("%s: returned %v after its deadline", tk.name, late)
		}
	}
	for _, name := range []string{"EE-CO", "EE-PR", "EE-ST", "EE-SST", "EE-STG"} {
		if !stopped[name] {
			t.Errorf("%s finished before its deadline: the framework is too easy for this test", name)
		}
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("%d goroutines after the searches, %d before", n, goroutines)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 4<<20 {
		t.Errorf("the heap grew by %d bytes over the searches, kept after they ended", grew)
	}
}
