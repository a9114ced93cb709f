package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/page"
)

// BenchmarkRenderPage measures what fitting a figure to a page costs: the
// example drawn as PDF as it is, compact (two layouts: the figure, then
// the key at its width), and on A4 (the search: a layout per candidate
// tried, and the rounds that set the key's width and size), with a
// started engine. Each run reports the layouts it made.
func BenchmarkRenderPage(b *testing.B) {
	ctx := context.Background()
	e, err := graphviz.New(ctx, graphviz.Options{CacheDir: filepath.Join(b.TempDir(), "cache")})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close(ctx)
	a4, _ := page.ParseSize("a4")
	spec := &page.Spec{Size: a4, Margin: page.DefaultMargin, MinText: page.DefaultMinText}
	for _, ex := range []string{"drone-strikes", "caroline"} {
		m := loadMap(b, filepath.Join("..", "..", "examples", ex, "debate.toml"))
		for _, tt := range []struct {
			name string
			opts Options
		}{
			{"plain", Options{Format: "pdf"}},
			{"compact", Options{Format: "pdf", Drawing: dot.Options{Show: dot.CompactShow()}}},
			{"a4", Options{Format: "pdf", Page: spec}},
		} {
			b.Run(ex+"/"+tt.name, func(b *testing.B) {
				layouts := 0
				for b.Loop() {
					c := &counting{Engine: e}
					if _, err := Render(ctx, c, m, tt.opts); err != nil {
						b.Fatal(err)
					}
					layouts = len(c.calls)
				}
				b.ReportMetric(float64(layouts), "layouts/op")
			})
		}
	}
}

// BenchmarkRender measures drawing the drone-strikes example with the
// blocks below the figure (notes and sources: a layout measures the figure
// first) and without, in the formats that need Graphviz.
func BenchmarkRender(b *testing.B) {
	ctx := context.Background()
	gv, err := graphviz.New(ctx, graphviz.Options{CacheDir: filepath.Join(b.TempDir(), "cache")})
	if err != nil {
		b.Fatal(err)
	}
	defer gv.Close(ctx)
	m := loadMap(b, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	for _, format := range []string{"dot", "svg", "pdf"} {
		for _, bm := range []struct {
			name string
			opts dot.Options
		}{
			{"blocks", dot.Options{}},
			{"none", dot.Options{Notes: "none", Sources: "none"}},
		} {
			b.Run(format+"/"+bm.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := Render(ctx, gv, m, Options{Format: format, Drawing: bm.opts}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
