//go:build gographviz

// This test compares the engine with go-graphviz's own Go API, on the same
// WebAssembly module. It is behind a build tag because linking go-graphviz
// runs its package init, which compiles Graphviz and writes its cache to
// the shared temporary directory (see the package documentation):
//
//	go test -tags gographviz -run GoGraphviz ./renderers/graphviz/
package graphviz

import (
	"bytes"
	"context"
	"os"
	"testing"

	gographviz "github.com/goccy/go-graphviz"
)

func TestSameAsGoGraphviz(t *testing.T) {
	ctx := context.Background()
	dots := [][]byte{[]byte(small)}
	for _, name := range []string{"../dot/testdata/relations.dot", "../dot/testdata/escaping.dot", "../dot/testdata/relations-status.dot"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		dots = append(dots, data)
	}
	gv, err := gographviz.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close()
	e := engine(t)
	for i, dot := range dots {
		graph, err := gographviz.ParseBytes(dot)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := gv.Render(ctx, graph, gographviz.SVG, &want); err != nil {
			t.Fatal(err)
		}
		graph.Close()
		got, err := e.Render(ctx, dot, "svg")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[0], want.Bytes()) {
			t.Errorf("graph %d: the engine's SVG differs from go-graphviz's", i)
		}
	}
}
