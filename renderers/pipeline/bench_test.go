package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/graphviz"
)

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
