package graphviz

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/argmap/argmap/renderers/fonts"
)

// TestEstimatesAgree checks the assumption the DOT builder rests on:
// Graphviz, given the family fonts.Name, measures ASCII text exactly as
// package fonts does (it has DejaVu Sans's metrics built in). Other text it
// measures roughly (each byte of a non-ASCII character counts as a space):
// so the DOT builder sizes boxes with package fonts, and never puts a run
// of text after non-ASCII text on the same line, since Graphviz would
// place it by its estimate. The test logs how rough the estimate is.
func TestEstimatesAgree(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		size  int
		bold  bool
		exact bool
	}{
		{"The United States should carry out drone strikes", 10, false, true},
		{"POLICY ", 8, true, true},
		{"national_security", 8, true, true},
		{"0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", 10, false, true},
		{"Calderón “kingpin” – Sarukhán", 10, false, false},
		{"Ünïcödé — Жизнь αβγ", 8, true, false},
	}
	var dot strings.Builder
	dot.WriteString("digraph { node [shape=plaintext fontname=\"" + fonts.Name + "\"]\n")
	for i, tt := range tests {
		text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace(tt.text)
		if tt.bold {
			text = "<B>" + text + "</B>"
		}
		fmt.Fprintf(&dot, "n%d [label=<<FONT POINT-SIZE=\"%d\">%s</FONT>>]\n", i, tt.size, text)
	}
	dot.WriteString("}\n")
	outs, err := engine(t).Render(context.Background(), []byte(dot.String()), "json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Objects []struct {
			Name  string `json:"name"`
			Label []struct {
				Op    string  `json:"op"`
				Text  string  `json:"text"`
				Width float64 `json:"width"`
			} `json:"_ldraw_"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(outs[0], &g); err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		var est float64
		found := false
		for _, o := range g.Objects {
			if o.Name != fmt.Sprintf("n%d", i) {
				continue
			}
			for _, op := range o.Label {
				if op.Op == "T" {
					est, found = op.Width, true
				}
			}
		}
		if !found {
			t.Fatalf("no text drawn for %q", tt.text)
		}
		ours := fs.Face(tt.bold).Width(tt.text, float64(tt.size))
		if tt.exact && math.Abs(est-ours) > 0.01 {
			t.Errorf("%q: Graphviz estimates %.3f pt, package fonts %.3f pt", tt.text, est, ours)
		}
		if !tt.exact {
			t.Logf("%q: Graphviz estimates %.2f pt, package fonts %.2f pt (%+.1f%%)", tt.text, est, ours, 100*(est-ours)/ours)
		}
	}
}
