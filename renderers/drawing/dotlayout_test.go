package drawing

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// testdata/grouped.dot and grouped.json are Graphviz's dot and json
// output of one layout of renderers/dot/testdata/escaping-grouped-by-party.dot
// (groups, and strings with quotes, backslashes and a line continued);
// undercut.dot and undercut.json of undercut.dot (an inference dot).

// TestReadLayoutDOT checks that the layout read from Graphviz's dot output
// is the one read from its json output of the same layout.
func TestReadLayoutDOT(t *testing.T) {
	for _, name := range []string{"grouped", "undercut"} {
		t.Run(name, func(t *testing.T) {
			dotData, err := os.ReadFile(filepath.Join("testdata", name+".dot"))
			if err != nil {
				t.Fatal(err)
			}
			jsonData, err := os.ReadFile(filepath.Join("testdata", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadLayoutDOT(dotData)
			if err != nil {
				t.Fatal(err)
			}
			want, err := ReadLayout(jsonData)
			if err != nil {
				t.Fatal(err)
			}
			compareLayouts(t, got, want)
		})
	}
}

// compareLayouts checks that two layouts have the same parts in the same
// places (to a hundredth of a point: the outputs round differently).
func compareLayouts(t *testing.T, got, want *Layout) {
	t.Helper()
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	sameBox := func(a, b Box) bool {
		return near(a.X, b.X) && near(a.Y, b.Y) && near(a.Width, b.Width) && near(a.Height, b.Height)
	}
	if !sameBox(got.Label, want.Label) {
		t.Errorf("label %v, want %v", got.Label, want.Label)
	}
	nodes := map[string]Node{}
	for _, n := range want.Nodes {
		nodes[n.Name] = n
	}
	if len(got.Nodes) != len(want.Nodes) {
		t.Errorf("%d nodes, want %d", len(got.Nodes), len(want.Nodes))
	}
	for _, n := range got.Nodes {
		w, ok := nodes[n.Name]
		shape := w.Shape
		if shape == "" {
			shape = "box"
		}
		if !ok || !sameBox(n.Box, w.Box) || n.ID != w.ID || n.Class != w.Class || (n.Shape != w.Shape && n.Shape != shape) {
			t.Errorf("node %+v, want %+v", n, w)
		}
	}
	edges := map[string]Edge{}
	for _, e := range want.Edges {
		edges[e.ID] = e
	}
	if len(got.Edges) != len(want.Edges) {
		t.Errorf("%d edges, want %d", len(got.Edges), len(want.Edges))
	}
	for _, e := range got.Edges {
		w, ok := edges[e.ID]
		same := ok && e.Tail == w.Tail && e.Head == w.Head && e.Class == w.Class && e.HasEnd == w.HasEnd && e.HasStart == w.HasStart &&
			near(e.End.X, w.End.X) && near(e.End.Y, w.End.Y) && len(e.Splines) == len(w.Splines)
		for i := 0; same && i < len(e.Splines); i++ {
			same = len(e.Splines[i]) == len(w.Splines[i])
			for k := 0; same && k < len(e.Splines[i]); k++ {
				same = near(e.Splines[i][k].X, w.Splines[i][k].X) && near(e.Splines[i][k].Y, w.Splines[i][k].Y)
			}
		}
		if !same {
			t.Errorf("edge %+v, want %+v", e, w)
		}
	}
	if len(got.Clusters) != len(want.Clusters) {
		t.Fatalf("%d clusters, want %d", len(got.Clusters), len(want.Clusters))
	}
	for i := range got.Clusters {
		if g, w := got.Clusters[i], want.Clusters[i]; g.ID != w.ID || !sameBox(g.Box, w.Box) || !sameBox(g.Label, w.Label) {
			t.Errorf("cluster %+v, want %+v", g, w)
		}
	}
}

func TestReadLayoutDOTErrors(t *testing.T) {
	for _, src := range []string{
		``,
		`digraph {`,
		`digraph { a [pos="1,2" width=x height=1] }`,
		`digraph { a -> b [pos="e,1,2 3,4 5"] }`,
		`digraph { a [label="unterminated] }`,
		`digraph { a [label=<b <i>unterminated</i>] }`,
		`digraph { a [pos] }`,
		`digraph { subgraph cluster_1 { graph [bb="1,2"] } }`,
	} {
		if _, err := ReadLayoutDOT([]byte(src)); err == nil {
			t.Errorf("no error for %q", src)
		}
	}
}

// FuzzReadLayoutDOT checks that ReadLayoutDOT fails cleanly, never
// panics, on any input.
func FuzzReadLayoutDOT(f *testing.F) {
	for _, name := range []string{"grouped", "undercut"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".dot"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`digraph { a [pos="1,2", width=1, height=1]; a -> a [id="x", pos="e,1,2 3,4 5,6 7,8 9,10"]; }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ReadLayoutDOT(data)
		if err == nil && l == nil {
			t.Error("no layout and no error")
		}
	})
}
