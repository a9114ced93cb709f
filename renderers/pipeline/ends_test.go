package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/svg"
)

// TestEnds lays out every example (alone, and grouped by party) and checks
// that the layout read from Graphviz's dot output, from which the SVG's
// crowded ends are moved, is the one read from its json output, from
// which the PNG's and PDF's are; that no two arrowheads' tips on a box are
// closer than drawing.CrowdGap once moved; and that the SVG's arrows end
// where the PNG's do.
func TestEnds(t *testing.T) {
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "debate.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	movedAny := false
	for _, file := range files {
		for _, group := range []string{"", "party"} {
			t.Run(fmt.Sprintf("%s/%s", filepath.Base(filepath.Dir(file)), group), func(t *testing.T) {
				m := loadMap(t, file)
				var src bytes.Buffer
				if err := dot.Write(&src, m, dot.Options{GroupBy: group}); err != nil {
					t.Fatal(err)
				}
				outs, err := gv.Render(ctx, src.Bytes(), "dot", "json", "svg")
				if err != nil {
					t.Fatal(err)
				}
				fromDOT, err := drawing.ReadLayoutDOT(outs[0])
				if err != nil {
					t.Fatal(err)
				}
				fromJSON, err := drawing.ReadLayout(outs[1])
				if err != nil {
					t.Fatal(err)
				}
				sameLayout(t, fromDOT, fromJSON)
				moved := drawing.SpreadEnds(fromJSON)
				movedAny = movedAny || len(moved) > 0
				if again := drawing.SpreadEnds(fromDOT); fmt.Sprint(again) != fmt.Sprint(moved) {
					t.Errorf("ends moved differently from the two outputs:\n%v\n%v", again, moved)
				}
				fromJSON.Move(moved)
				tips := map[string][]drawing.Point{}
				for _, e := range fromJSON.Edges {
					if e.HasEnd {
						for _, p := range tips[e.Head] {
							if d := math.Hypot(p.X-e.End.X, p.Y-e.End.Y); d < drawing.CrowdGap && isBox(fromJSON, e.Head) {
								t.Errorf("%s ends %.1f pt from another arrow's end on %s", e.ID, d, e.Head)
							}
						}
						tips[e.Head] = append(tips[e.Head], e.End)
					}
				}
				// The SVG's paths end where the moved splines do (the SVG's
				// y grows downwards, from the graph's translation).
				svgOut := string(svg.MoveEnds(outs[2], moved))
				for _, e := range fromJSON.Edges {
					if _, ok := moved[e.ID]; !ok {
						continue
					}
					last := e.Splines[0][len(e.Splines[0])-1]
					x, y, ok := lastPathPoint(svgOut, e.ID)
					// Graphviz rounds the two outputs' numbers apart.
					if !ok || math.Abs(x-last.X) > 0.06 || math.Abs(-y-last.Y) > 0.06 {
						t.Errorf("%s: the SVG's path ends at %g,%g, the moved spline at %g,%g", e.ID, x, -y, last.X, last.Y)
					}
				}
			})
		}
	}
	if !movedAny {
		t.Error("no example has crowded ends: the test checks nothing of moving them")
	}
}

func isBox(l *drawing.Layout, name string) bool {
	for _, n := range l.Nodes {
		if n.Name == name {
			return n.Shape == "" || n.Shape == "box"
		}
	}
	return false
}

// lastPathPoint is the last point of the path of the arrow id in the SVG.
func lastPathPoint(svgOut, id string) (x, y float64, ok bool) {
	re := regexp.MustCompile(`<g id="` + regexp.QuoteMeta(htmlID(id)) + `" class="edge[^"]*">(?s:.*?)<path [^>]*d="[^"]*?(-?[0-9.]+),(-?[0-9.]+)"`)
	m := re.FindStringSubmatch(svgOut)
	if m == nil {
		return 0, 0, false
	}
	x, _ = strconv.ParseFloat(m[1], 64)
	y, _ = strconv.ParseFloat(m[2], 64)
	return x, y, true
}

// htmlID is an id as Graphviz writes it in an SVG attribute.
func htmlID(id string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "-", "&#45;").Replace(id)
}

// sameLayout checks that two layouts have the same boxes, arrows and groups
// in the same places, to a hundredth of a point.
func sameLayout(t *testing.T, got, want *drawing.Layout) {
	t.Helper()
	key := func(l *drawing.Layout) string {
		var b strings.Builder
		for _, n := range l.Nodes {
			fmt.Fprintf(&b, "node %s %.2f %.2f %.2f %.2f\n", n.Name, n.X, n.Y, n.Width, n.Height)
		}
		for _, e := range l.Edges {
			fmt.Fprintf(&b, "edge %s %s->%s end %v %.2f,%.2f", e.ID, e.Tail, e.Head, e.HasEnd, e.End.X, e.End.Y)
			for _, s := range e.Splines {
				for _, p := range s {
					fmt.Fprintf(&b, " %.2f,%.2f", p.X, p.Y)
				}
			}
			b.WriteString("\n")
		}
		for _, c := range l.Clusters {
			fmt.Fprintf(&b, "cluster %s %.2f %.2f %.2f %.2f label %.2f %.2f\n", c.ID, c.Box.X, c.Box.Y, c.Box.Width, c.Box.Height, c.Label.X, c.Label.Y)
		}
		return b.String()
	}
	// In any order: the outputs list them in different orders.
	g, w := strings.Split(key(got), "\n"), strings.Split(key(want), "\n")
	slices.Sort(g)
	slices.Sort(w)
	if len(g) != len(w) {
		t.Errorf("the layouts differ: %d lines, want %d", len(g), len(w))
		return
	}
	for i := range g {
		if g[i] != w[i] {
			t.Errorf("the layouts differ:\n%s\nwant\n%s", g[i], w[i])
		}
	}
}
