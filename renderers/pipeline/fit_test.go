package pipeline

import (
	"bytes"
	"context"
	"errors"
	stdpng "image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/mapgen"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/page"
)

func a4(t testing.TB) *page.Spec {
	size, err := page.ParseSize("a4")
	if err != nil {
		t.Fatal(err)
	}
	return &page.Spec{Size: size, Margin: page.DefaultMargin, MinText: page.DefaultMinText}
}

// TestRenderPage fits the example to A4 in every format: the boxes go
// compact (the full claims cannot be 7 points on the page), the search
// takes a few layouts, and each format has the page's size.
func TestRenderPage(t *testing.T) {
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	m := loadMap(t, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	for _, format := range names() {
		t.Run(format, func(t *testing.T) {
			e := &counting{Engine: gv}
			res, err := Render(ctx, e, m, Options{Format: format, Page: a4(t), DPI: 150})
			if err != nil {
				t.Fatal(err)
			}
			f := res.Fitted
			if f == nil || !f.Compact || f.Smallest < 7 || f.Scale >= 1 || f.Full >= 7 || f.Pages < 1 {
				t.Fatalf("fitted %+v", f)
			}
			if len(e.calls) > 6 || f.Layouts != len(e.calls) {
				t.Errorf("%d layouts (%d said): %v", len(e.calls), f.Layouts, e.calls)
			}
			data := res.Data
			switch format {
			case "svg":
				if !bytes.Contains(data, []byte(`<svg width="210.00mm" height="`)) || !bytes.Contains(data, []byte(`id="argmap.figure"`)) {
					t.Errorf("SVG: %.400s", data)
				}
			case "png":
				img, err := stdpng.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if b := img.Bounds(); b.Dx() != 1240 || b.Dy() < 1754 {
					t.Errorf("PNG %v, want 1240 wide and at least 1754 tall", b)
				}
			case "pdf":
				if n := bytes.Count(data, []byte("/MediaBox [0 0 595.276 841.89]")); n != f.Pages || n < 1 {
					t.Errorf("%d A4 pages, want %d", n, f.Pages)
				}
			case "dot":
				if !bytes.Contains(data, []byte("subgraph cluster_figure {")) || !bytes.Contains(data, []byte("minlen=0")) {
					t.Errorf("the DOT has no key, or no undercut beside its inference")
				}
			}
		})
	}
}

// TestRenderPageTooSmall checks the error of a figure that cannot fit: the
// full claims kept (KeepShow), or a page too small even for compact boxes.
func TestRenderPageTooSmall(t *testing.T) {
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	m := loadMap(t, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	full := Options{Format: "pdf", Page: a4(t), KeepShow: true}
	tiny := Options{Format: "pdf", Page: a4(t)}
	tiny.Page.Fit, tiny.Page.MinText = page.FitPage, 12
	for name, opts := range map[string]Options{"full claims": full, "12 points on one page": tiny} {
		_, err := Render(ctx, gv, m, opts)
		var small *TooSmallError
		if !errors.As(err, &small) || small.Reached <= 0 || small.Reached >= opts.Page.MinText {
			t.Errorf("%s: error %v", name, err)
			continue
		}
		if small.Compact == opts.KeepShow {
			t.Errorf("%s: compact tried %v", name, small.Compact)
		}
	}
}

// TestRenderKeyTangled draws a tangled map compact: its key is a box of
// its own, placed below the grid.
func TestRenderKeyTangled(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a map of 200 arguments")
	}
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	file := filepath.Join(t.TempDir(), "tangled.toml")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := mapgen.Write(f, 200, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	m := loadMap(t, file)
	res, err := Render(ctx, gv, m, Options{Format: "dot", Drawing: dot.Options{Show: dot.CompactShow()}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Tangled || !bytes.Contains(res.Data, []byte(`"argmap.blocks" [id="argmap.blocks" class="blocks" shape=plain`)) {
		t.Fatalf("tangled %v; the key: %v", res.Tangled, bytes.Contains(res.Data, []byte("argmap.blocks")))
	}
	// The key is below every box (Graphviz's y grows upwards).
	outs, err := gv.Render(ctx, res.Data, "json")
	if err != nil {
		t.Fatal(err)
	}
	boxes, err := drawing.Boxes(outs[0])
	if err != nil {
		t.Fatal(err)
	}
	key, ok := boxes[page.BlocksID]
	if !ok || len(boxes) != len(m.Arguments)+1 {
		t.Fatalf("%d boxes for %d arguments, key %v", len(boxes), len(m.Arguments), ok)
	}
	for id, b := range boxes {
		if id != page.BlocksID && b.Y-b.Height/2 < key.Y+key.Height/2 {
			t.Errorf("box %s (%+v) is not above the key (%+v)", id, b, key)
		}
	}
	res, err = Render(ctx, gv, m, Options{Format: "pdf", Drawing: dot.Options{Show: dot.CompactShow()}})
	if err != nil || !bytes.HasPrefix(res.Data, []byte("%PDF")) {
		t.Fatalf("PDF: %v", err)
	}
}
