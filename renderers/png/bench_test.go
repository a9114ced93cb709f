package png

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/pdf"
)

// exampleDrawing lays out the drone-strike example, the map that
// bench/render measures, as argmap render does.
func exampleDrawing(tb testing.TB) *drawing.Drawing {
	tb.Helper()
	l := &arguments.Loader{}
	m, diags := l.Load(filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	var src bytes.Buffer
	if err := dot.Write(&src, m, dot.Options{}); err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	e, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer e.Close(ctx)
	out, err := e.Render(ctx, src.Bytes(), "json")
	if err != nil {
		tb.Fatal(err)
	}
	d, err := drawing.Parse(out[0])
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// BenchmarkWrite draws the example as PNG at 96, 192 and 300 dpi, and as
// PDF for comparison: the drawing step alone, after the layout. Besides the
// elapsed time it reports cpu-ns/op, the CPU time of all threads (on
// Unix), less disturbed by other work on the machine: PNG is painted and
// compressed on every core.
func BenchmarkWrite(b *testing.B) {
	d := exampleDrawing(b)
	fs, err := fonts.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		dpi  float64
	}{{"png-96dpi", 96}, {"png-192dpi", 192}, {"png-300dpi", 300}} {
		b.Run(bm.name, func(b *testing.B) {
			start := cpuTime()
			for b.Loop() {
				if err := Write(io.Discard, d, fs, Options{DPI: bm.dpi}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
	b.Run("pdf", func(b *testing.B) {
		start := cpuTime()
		for b.Loop() {
			if err := pdf.Write(io.Discard, d, fs, pdf.Options{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	})
}
