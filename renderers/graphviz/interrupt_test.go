package graphviz

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// slow is a graph whose layout takes seconds (dense-200 of BenchmarkRender
// takes 0.6 s; this one has twice the nodes).
var slow = denseGraph(400, 3)

// TestStop checks that a render whose context ends while Graphviz lays
// out stops with the context's error, and that the engine then renders
// as a new one does. Before, a context was looked at only before the
// render started, and the layout ran to its end. The times are logged.
func TestStop(t *testing.T) {
	want, err := engine(t).Render(context.Background(), []byte(small), "svg")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		procs   int // GOMAXPROCS during the render, or 0 to keep it
		ctx     func() (context.Context, context.CancelFunc)
		wantErr error
	}{
		{"cancelled", 0, func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
		{"deadline", 0, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}, context.DeadlineExceeded},
		// With one processor, the timer of the deadline runs only if the
		// render lets it.
		{"deadline, one processor", 1, func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engine(t)
			ctx, cancel := tt.ctx()
			defer cancel()
			if tt.procs != 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(tt.procs))
			}
			start := time.Now()
			_, err := e.Render(ctx, slow, "svg")
			t.Logf("stopped after %v", time.Since(start))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want one wrapping %v", err, tt.wantErr)
			}
			if err := e.Err(); err != nil {
				t.Fatalf("the engine is unusable after a stop: %v", err)
			}
			for range 2 {
				got, err := e.Render(context.Background(), []byte(small), "svg")
				if err != nil {
					t.Fatalf("after a stop: %v", err)
				}
				if !bytes.Equal(got[0], want[0]) {
					t.Fatal("after a stop, the render differs from a new engine's")
				}
			}
		})
	}
}

// TestInstrument checks the instrumented module against the original:
// same functions, and each body grown by the same prologue.
func TestInstrument(t *testing.T) {
	got, err := instrument(wasmModule, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) <= len(wasmModule) {
		t.Fatalf("instrumented module of %d bytes, original %d", len(got), len(wasmModule))
	}
	a, err := functionImports(wasmModule)
	if err != nil {
		t.Fatal(err)
	}
	b, err := functionImports(got)
	if err != nil || len(a) != len(b) {
		t.Fatalf("imports changed: %v, %d, want %d", err, len(b), len(a))
	}
	for _, bad := range [][]byte{nil, wasmModule[:100], wasmModule[:len(wasmModule)/2]} {
		if _, err := instrument(bad, 20); err == nil {
			t.Errorf("%d bytes: no error", len(bad))
		}
	}
}

func TestLEB(t *testing.T) {
	for _, tt := range []struct {
		v         int64
		leb, sleb string
	}{
		{0, "\x00", "\x00"},
		{1, "\x01", "\x01"},
		{63, "\x3f", "\x3f"},
		{64, "\x40", "\xc0\x00"},
		{127, "\x7f", "\xff\x00"},
		{128, "\x80\x01", "\x80\x01"},
		{1 << 16, "\x80\x80\x04", "\x80\x80\x04"},
	} {
		if got := string(leb(uint64(tt.v))); got != tt.leb {
			t.Errorf("leb(%d) = %q, want %q", tt.v, got, tt.leb)
		}
		if got := string(sleb(tt.v)); got != tt.sleb {
			t.Errorf("sleb(%d) = %q, want %q", tt.v, got, tt.sleb)
		}
	}
}
