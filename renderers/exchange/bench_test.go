package exchange

import (
	"bytes"
	"context"
	"io"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/mapgen"
)

// BenchmarkExport exports a generated map of 1,000 arguments (about 3,000
// relations) in each format.
func BenchmarkExport(b *testing.B) {
	var src bytes.Buffer
	if err := mapgen.Write(&src, 1000, 1); err != nil {
		b.Fatal(err)
	}
	loader := &arguments.Loader{FS: fstest.MapFS{"map.toml": {Data: src.Bytes()}}}
	m, diags := loader.Load("map.toml")
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	for _, f := range FormatNames() {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := Write(context.Background(), io.Discard, m, f, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
