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
// by party, kind and file: none may have more crossings, crowded ends,
// sweeps or sharper bends at inference dots than it has now, so that a
// change that makes a drawing harder to read fails here. When a change
// improves a drawing, lower its bounds (go run ./bench/render/crossings
// [-group-by G] prints them); when it must worsen one, say why in the
// commit. Before issue 14's changes, the totals over the examples were 17
// crossings and 4 crowded pairs of ends alone, and 137, 399 and 374
// crossings and 19, 37 and 9 crowded pairs grouped by party, kind and file.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out every example four times")
	}
	tests := []struct {
		example, groupBy string
		max              bound
	}{
		{"caroline", "", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "", bound{0, 0, 0, 0, 0, 21}},
		{"drone-strikes", "", bound{4, 0, 0, 0, 2, 17}},
		{"nicaragua", "", bound{6, 0, 0, 0, 2, 1}},
		{"oil-platforms", "", bound{0, 0, 0, 0, 0, 1}},
		{"syria-2014", "", bound{1, 0, 0, 0, 1, 15}},
		{"wall-and-armed-activities", "", bound{1, 0, 0, 0, 0, 30}},

		{"caroline", "party", bound{5, 0, 1, 0, 0, 1}},
		{"corfu-channel", "party", bound{15, 0, 0, 0, 2, 33}},
		{"drone-strikes", "party", bound{59, 0, 6, 0, 6, 66}},
		{"nicaragua", "party", bound{9, 0, 3, 0, 4, 1}},
		{"oil-platforms", "party", bound{23, 0, 1, 0, 0, 1}},
		{"syria-2014", "party", bound{14, 0, 3, 0, 4, 67}},
		{"wall-and-armed-activities", "party", bound{8, 0, 1, 0, 2, 31}},

		{"caroline", "kind", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "kind", bound{11, 0, 0, 0, 7, 35}},
		{"drone-strikes", "kind", bound{230, 0, 2, 0, 12, 56}},
		{"nicaragua", "kind", bound{24, 0, 1, 0, 2, 82}},
		{"oil-platforms", "kind", bound{14, 0, 1, 0, 0, 1}},
		{"syria-2014", "kind", bound{29, 0, 1, 0, 6, 117}},
		{"wall-and-armed-activities", "kind", bound{7, 0, 1, 0, 0, 87}},

		{"caroline", "file", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "file", bound{3, 0, 0, 0, 0, 4}},
		{"drone-strikes", "file", bound{39, 0, 2, 0, 2, 7}},
		{"nicaragua", "file", bound{6, 0, 0, 0, 2, 4}},
		{"oil-platforms", "file", bound{0, 0, 0, 0, 0, 1}},
		{"syria-2014", "file", bound{14, 0, 0, 0, 5, 10}},
		{"wall-and-armed-activities", "file", bound{2, 0, 0, 0, 0, 6}},
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
