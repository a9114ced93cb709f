package crossings

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/graphviz"
)

// bound is the most of each measure an example's drawing may have.
type bound struct {
	edgeEdge, edgeBox, edgeLabel, crowded, sweeps int
	bend                                          float64 // degrees
}

// TestExamples pins the layout of every example, drawn alone and grouped
// by party, kind, file and tag: none may have more crossings, crowded ends,
// sweeps or sharper bends at inference dots than it has now, so that a
// change that makes a drawing harder to read fails here. When a change
// improves a drawing, lower its bounds (go run ./bench/render/crossings
// [-group-by G] prints them); when it must worsen one, say why in the
// commit. Before issue 14's changes to the layout (main at d2ff4c1), the
// totals over the examples were 30 crossings and 7 crowded pairs of ends
// alone, and 203, 447, 447 and 75 crossings and 36, 37, 14 and 9 crowded
// pairs grouped by party, kind, file and tag; after them 31, and 167, 390,
// 68 and 67 crossings, and no crowded pairs. The titles drawn above the
// claims (also issue 14) made the boxes taller and moved some arrows: 35,
// and 178, 416, 69 and 81 crossings, still no crowded pairs.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out every example five times")
	}
	tests := []struct {
		example, groupBy string
		max              bound
	}{
		{"caroline", "", bound{1, 0, 0, 0, 0, 1}},
		{"corfu-channel", "", bound{3, 0, 0, 0, 0, 4}},
		{"drone-strikes", "", bound{5, 0, 0, 0, 4, 14}},
		{"nicaragua", "", bound{6, 0, 0, 0, 2, 2}},
		{"oil-platforms", "", bound{2, 0, 0, 0, 0, 1}},
		{"syria-2014", "", bound{16, 0, 1, 0, 4, 10}},
		{"wall-and-armed-activities", "", bound{2, 0, 0, 0, 0, 6}},

		{"caroline", "party", bound{11, 0, 0, 0, 2, 1}},
		{"corfu-channel", "party", bound{42, 0, 2, 0, 6, 32}},
		{"drone-strikes", "party", bound{56, 0, 3, 0, 5, 67}},
		{"nicaragua", "party", bound{12, 0, 0, 0, 4, 69}},
		{"oil-platforms", "party", bound{23, 0, 0, 0, 0, 1}},
		{"syria-2014", "party", bound{25, 0, 2, 0, 6, 15}},
		{"wall-and-armed-activities", "party", bound{9, 0, 0, 0, 5, 33}},

		{"caroline", "kind", bound{1, 0, 1, 0, 1, 1}},
		{"corfu-channel", "kind", bound{7, 0, 0, 0, 3, 1}},
		{"drone-strikes", "kind", bound{330, 0, 0, 0, 13, 23}},
		{"nicaragua", "kind", bound{19, 0, 0, 0, 2, 76}},
		{"oil-platforms", "kind", bound{14, 0, 0, 0, 0, 1}},
		{"syria-2014", "kind", bound{31, 0, 0, 0, 7, 121}},
		{"wall-and-armed-activities", "kind", bound{14, 0, 0, 0, 0, 78}},

		{"caroline", "file", bound{1, 0, 0, 0, 0, 1}},
		{"corfu-channel", "file", bound{3, 0, 0, 0, 0, 4}},
		{"drone-strikes", "file", bound{39, 1, 0, 0, 2, 17}},
		{"nicaragua", "file", bound{6, 0, 0, 0, 2, 2}},
		{"oil-platforms", "file", bound{2, 0, 0, 0, 0, 1}},
		{"syria-2014", "file", bound{16, 0, 0, 0, 4, 10}},
		{"wall-and-armed-activities", "file", bound{2, 0, 0, 0, 0, 6}},

		{"caroline", "tag", bound{1, 0, 0, 0, 0, 1}},
		{"corfu-channel", "tag", bound{3, 0, 0, 0, 0, 4}},
		{"drone-strikes", "tag", bound{51, 0, 3, 0, 4, 63}},
		{"nicaragua", "tag", bound{6, 0, 0, 0, 2, 2}},
		{"oil-platforms", "tag", bound{2, 0, 0, 0, 0, 1}},
		{"syria-2014", "tag", bound{16, 0, 1, 0, 4, 10}},
		{"wall-and-armed-activities", "tag", bound{2, 0, 0, 0, 0, 6}},
	}
	ctx := t.Context()
	e, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close(context.Background())
	maps := map[string]*arguments.Map{}
	for _, tt := range tests {
		t.Run(tt.example+"/"+tt.groupBy, func(t *testing.T) {
			m := maps[tt.example]
			if m == nil {
				l := &arguments.Loader{}
				var diags diagnostic.Diagnostics
				m, diags = l.Load(filepath.Join("..", "..", "examples", tt.example, "debate.toml"))
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				maps[tt.example] = m
			}
			c, data, err := Measure(ctx, e, m, dot.Options{GroupBy: tt.groupBy})
			if err != nil {
				t.Fatal(err)
			}
			if data == nil {
				t.Fatal("drawn as tangled")
			}
			got := bound{c.EdgeEdge, c.EdgeBox, c.EdgeLabel, c.CrowdedEnds, c.Sweeps, c.MaxBend}
			for _, m := range []struct {
				name     string
				got, max float64
			}{
				{"crossings", float64(got.edgeEdge), float64(tt.max.edgeEdge)},
				{"arrows through boxes", float64(got.edgeBox), float64(tt.max.edgeBox)},
				{"arrows through titles", float64(got.edgeLabel), float64(tt.max.edgeLabel)},
				{"crowded pairs of ends", float64(got.crowded), float64(tt.max.crowded)},
				{"sweeps", float64(got.sweeps), float64(tt.max.sweeps)},
				{"degrees of the sharpest bend at a dot", got.bend, tt.max.bend},
			} {
				if m.got > m.max {
					t.Errorf("%s: %g, more than %g", m.name, math.Ceil(m.got), m.max)
				}
			}
			if t.Failed() {
				for _, f := range c.Found {
					t.Log(f)
				}
			}
		})
	}
}
