package upstream_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	gographviz "github.com/goccy/go-graphviz"

	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/graphviz/internal/upstream"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if err := upstream.Remove(); err != nil {
		println("upstream:", err.Error())
		code = 1
	}
	os.Exit(code)
}

// TestPrivateTempDir checks that go-graphviz's init, which ran before any
// test, kept its compiled code in the private temporary directory: had it
// run before package upstream's init, go-graphviz/ would be in the shared
// one and not here.
func TestPrivateTempDir(t *testing.T) {
	if got := os.TempDir(); got != upstream.Dir() {
		t.Fatalf("os.TempDir() = %s, want the private %s", got, upstream.Dir())
	}
	fi, err := os.Stat(filepath.Join(upstream.Dir(), "go-graphviz"))
	if err != nil {
		t.Fatalf("go-graphviz's cache is not in the private temporary directory: %v", err)
	}
	if !fi.IsDir() {
		t.Fatalf("%s is not a directory", fi.Name())
	}
}

// TestSameAsGoGraphviz checks that package graphviz, which calls the
// module's bridge functions itself, draws the SVG go-graphviz's Go API
// draws from the same module: a new go-graphviz whose bridge functions
// changed fails here once go generate has copied its module.
func TestSameAsGoGraphviz(t *testing.T) {
	ctx := context.Background()
	dots := [][]byte{[]byte(`digraph g { a [label="Caldéron & <x>"]; a -> b [id="a.supports.b"]; }`)}
	for _, name := range []string{"relations.dot", "escaping.dot", "relations-status.dot"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "dot", "testdata", name))
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
	e, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close(ctx)
	for i, dot := range dots {
		graph, err := gographviz.ParseBytes(dot)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		err = gv.Render(ctx, graph, gographviz.SVG, &want)
		graph.Close()
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Render(ctx, dot, "svg")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got[0], want.Bytes()) {
			t.Errorf("graph %d: package graphviz's SVG differs from go-graphviz's", i)
		}
	}
}
