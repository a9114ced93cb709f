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
// commit. Before issue 14's changes to the layout, the totals over the
// examples were 17 crossings and 4 crowded pairs of ends alone, and 135,
// 397, 371 and 43 crossings and 20, 38, 9 and 5 crowded pairs grouped by
// party, kind, file and tag (now 12, and 136, 312, 66 and 39, and none).
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out every example five times")
	}
	tests := []struct {
		example, groupBy string
		max              bound
	}{
		{"caroline", "", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "", bound{0, 0, 0, 0, 0, 20}},
		{"drone-strikes", "", bound{4, 0, 0, 0, 2, 18}},
		{"nicaragua", "", bound{6, 0, 0, 0, 2, 1}},
		{"oil-platforms", "", bound{0, 0, 0, 0, 0, 1}},
		{"syria-2014", "", bound{1, 0, 0, 0, 1, 15}},
		{"wall-and-armed-activities", "", bound{1, 0, 0, 0, 0, 32}},

		{"caroline", "party", bound{5, 0, 1, 0, 0, 1}},
		{"corfu-channel", "party", bound{15, 0, 0, 0, 2, 28}},
		{"drone-strikes", "party", bound{58, 0, 6, 0, 6, 65}},
		{"nicaragua", "party", bound{9, 0, 4, 0, 4, 1}},
		{"oil-platforms", "party", bound{23, 0, 1, 0, 0, 1}},
		{"syria-2014", "party", bound{14, 0, 4, 0, 4, 67}},
		{"wall-and-armed-activities", "party", bound{12, 0, 1, 0, 2, 31}},

		{"caroline", "kind", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "kind", bound{11, 0, 0, 0, 7, 33}},
		{"drone-strikes", "kind", bound{229, 0, 2, 0, 12, 55}},
		{"nicaragua", "kind", bound{22, 0, 1, 0, 2, 82}},
		{"oil-platforms", "kind", bound{14, 0, 1, 0, 0, 1}},
		{"syria-2014", "kind", bound{29, 0, 1, 0, 6, 116}},
		{"wall-and-armed-activities", "kind", bound{7, 0, 1, 0, 0, 86}},

		{"caroline", "file", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "file", bound{3, 0, 0, 0, 0, 4}},
		{"drone-strikes", "file", bound{41, 0, 2, 0, 2, 7}},
		{"nicaragua", "file", bound{6, 0, 0, 0, 2, 4}},
		{"oil-platforms", "file", bound{0, 0, 0, 0, 0, 1}},
		{"syria-2014", "file", bound{14, 0, 0, 0, 5, 11}},
		{"wall-and-armed-activities", "file", bound{2, 0, 0, 0, 0, 5}},

		{"caroline", "tag", bound{0, 0, 0, 0, 0, 1}},
		{"corfu-channel", "tag", bound{0, 0, 0, 0, 0, 20}},
		{"drone-strikes", "tag", bound{31, 0, 1, 0, 10, 16}},
		{"nicaragua", "tag", bound{6, 0, 0, 0, 2, 1}},
		{"oil-platforms", "tag", bound{0, 0, 0, 0, 0, 1}},
		{"syria-2014", "tag", bound{1, 0, 0, 0, 1, 15}},
		{"wall-and-armed-activities", "tag", bound{1, 0, 0, 0, 0, 32}},
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
