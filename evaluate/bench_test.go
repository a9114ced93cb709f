package evaluate

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// benchMap writes a map of n arguments in pairs, the first of each pair
// supporting the second, every argument attacking the one three places on,
// and every fifth support undercut by the argument seven places on: short
// support chains, so the derived attacks stay linear in n, and n/10
// inference nodes among the arguments.
func benchMap(n int) string {
	var b strings.Builder
	id := func(i int) string { return fmt.Sprintf("a%06d", i%n) }
	for i := range n {
		fmt.Fprintf(&b, "[arguments.%s]\nclaim = \"Claim %d.\"\n", id(i), i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "supports = [%q]\n", id(i+1))
		}
		fmt.Fprintf(&b, "attacks = [%q]\n", id(i+3))
	}
	for i := 0; i < n; i += 10 {
		fmt.Fprintf(&b, "\n[[relations]]\nfrom = %q\ntype = \"undercut\"\nto = { from = %q, to = %q }\n", id(i+7), id(i), id(i+1))
	}
	return b.String()
}

// BenchmarkEvaluate measures Evaluate, loading left out, on a map with
// undercut supports: the work of eval and explain after the map is read.
func BenchmarkEvaluate(b *testing.B) {
	const n = 20_000
	l := &arguments.Loader{ReadFile: func(string) ([]byte, error) { return []byte(benchMap(n)), nil }}
	m, diags := l.Load("bench.toml")
	if diags.HasErrors() {
		b.Fatalf("bench map has errors: %v", diags)
	}
	for _, bc := range []struct {
		name string
		opt  Options
	}{
		{"grounded", Options{Method: Method{Semantics: semantics.Grounded}, Support: bipolar.SupportedSecondary}},
		{"grounded-without", Options{Method: Method{Semantics: semantics.Grounded}, Support: bipolar.SupportedSecondary, Without: []string{"a000000", "a000011"}}},
		{"df-quad", Options{Method: Method{Gradual: DFQuAD}, Support: bipolar.SupportedSecondary}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Evaluate(context.Background(), m, bc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
