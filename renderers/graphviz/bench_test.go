package graphviz

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// denseGraph is a DOT graph of n nodes with about k edges from each node
// to later ones, chosen by a fixed pseudo-random sequence: a layout whose
// cost grows quickly with n.
func denseGraph(n, k int) []byte {
	var b strings.Builder
	b.WriteString("digraph g {\n")
	x := uint32(1)
	for i := range n {
		for range k {
			x = x*1664525 + 1013904223
			if rest := n - i - 1; rest > 0 {
				fmt.Fprintf(&b, "n%d -> n%d;\n", i, i+1+int(x>>8)%rest)
			}
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// BenchmarkRender measures renders with a started engine: a map of
// argmap's (the golden DOT of package dot) and a generated graph.
func BenchmarkRender(b *testing.B) {
	ctx := context.Background()
	e, err := New(ctx, Options{CacheDir: filepath.Join(b.TempDir(), "cache")})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(ctx)
	relations, err := os.ReadFile(filepath.Join("..", "dot", "testdata", "relations.dot"))
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		dot  []byte
	}{
		{"relations", relations},
		{"dense-60", denseGraph(60, 3)},
		{"dense-200", denseGraph(200, 3)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Render(ctx, bm.dot, "svg"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew measures a warm start: New with the compiled code in the
// cache, as every argmap render without a server does.
func BenchmarkNew(b *testing.B) {
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "cache")
	e, err := New(ctx, Options{CacheDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	e.Close(ctx)
	for b.Loop() {
		e, err := New(ctx, Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		e.Close(ctx)
	}
}
