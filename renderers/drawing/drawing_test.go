package drawing

import (
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testdata/relations.json is Graphviz's json output for
// renderers/dot/testdata/relations-status.dot (four arguments with statuses,
// five relations, a self-attack among them).

func fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "relations.json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParse(t *testing.T) {
	d, err := Parse(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	// bb is 0,0,714.13,212.21 and pad 0.2 inches.
	if math.Abs(d.Width-(714.13+2*14.4)) > 1e-6 || math.Abs(d.Height-(212.21+2*14.4)) > 1e-6 {
		t.Errorf("page %g × %g", d.Width, d.Height)
	}
	if d.Background != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("background %v", d.Background)
	}
	kinds := map[Kind]int{}
	var texts []string
	firstText, lastBezier := -1, -1
	for i, sh := range d.Shapes {
		kinds[sh.Kind]++
		for _, p := range sh.Points[:1] {
			if sh.Kind != Ellipse && (p.X < 0 || p.Y < 0 || p.X > d.Width || p.Y > d.Height) {
				t.Errorf("shape %d at %v, off the page", i, p)
			}
		}
		switch sh.Kind {
		case Text:
			texts = append(texts, sh.Text)
			if sh.Size <= 0 || sh.Font != "DejaVu Sans" || sh.Fill.A == 0 {
				t.Errorf("text %q: size %g, font %q, colour %v", sh.Text, sh.Size, sh.Font, sh.Fill)
			}
			if firstText < 0 {
				firstText = i
			}
		case Bezier:
			if (len(sh.Points)-1)%3 != 0 {
				t.Errorf("Bézier of %d points", len(sh.Points))
			}
			lastBezier = i
		}
	}
	for _, k := range []Kind{Polygon, Bezier, Text} {
		if kinds[k] == 0 {
			t.Errorf("no shape of kind %d", k)
		}
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"a", "b", "c", "d", "Relations", "ACCEPTED ", "grounded semantics:"} {
		if !strings.Contains("|"+all+"|", "|"+want+"|") {
			t.Errorf("no text %q in %s", want, all)
		}
	}
	// outputorder=edgesfirst: the boxes, drawn last, cover the arrows.
	if lastBezier < 0 || firstText < 0 {
		t.Fatal("no Bézier or text")
	}
	boldSeen := false
	for _, sh := range d.Shapes {
		boldSeen = boldSeen || (sh.Kind == Text && sh.Bold)
	}
	if !boldSeen {
		t.Error("no bold text")
	}
	if d.Pad != 14.4 {
		t.Errorf("pad %g, want 14.4", d.Pad)
	}
	// Every shape says what it draws: the graph's label, a node by its
	// id, an edge by its id.
	parts := map[string]Part{}
	for _, sh := range d.Shapes {
		if p, ok := parts[sh.Object]; ok && p != sh.Part {
			t.Errorf("%s is drawn as parts %d and %d", sh.Object, p, sh.Part)
		}
		parts[sh.Object] = sh.Part
		if sh.Object == "" {
			t.Errorf("%v shape %q of no object", sh.Kind, sh.Text)
		}
	}
	for obj, want := range map[string]Part{"argmap.map": GraphPart, "a": NodePart, "d": NodePart, "a.supports.b": EdgePart, "c.attacks.b": EdgePart} {
		if got, ok := parts[obj]; !ok || got != want {
			t.Errorf("%s: part %d (drawn: %v), want %d", obj, got, ok, want)
		}
	}
}

func TestBoxes(t *testing.T) {
	boxes, err := Boxes(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(boxes) != 4 {
		t.Fatalf("%d boxes, want 4", len(boxes))
	}
	for name, b := range boxes {
		if b.Width < 50 || b.Height < 30 || b.X <= 0 || b.Y <= 0 {
			t.Errorf("%s: %+v", name, b)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"not json", "{", "reading"},
		{"no bounding box", `{"bb": ""}`, "bounding box"},
		{"bad pad", `{"bb": "0,0,1,1", "pad": "x"}`, "pad"},
		{"bad colour", `{"bb": "0,0,1,1", "_draw_": [{"op": "c", "color": "red"}]}`, "colour"},
		{"short spline", `{"bb": "0,0,1,1", "_draw_": [{"op": "b", "points": [[0,0],[1,1]]}]}`, "Bézier"},
		{"image", `{"bb": "0,0,1,1", "_draw_": [{"op": "I"}]}`, "images"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want color.NRGBA
		ok   bool
	}{
		{"#2e7d32", color.NRGBA{0x2e, 0x7d, 0x32, 0xff}, true},
		{"#fffffe00", color.NRGBA{0xff, 0xff, 0xfe, 0}, true},
		{"black", color.NRGBA{0, 0, 0, 255}, true},
		{"transparent", color.NRGBA{}, true},
		{"#12345", color.NRGBA{}, false},
		{"#zzzzzz", color.NRGBA{}, false},
	}
	for _, tt := range tests {
		got, err := parseColor(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseColor(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestStyle(t *testing.T) {
	s := &state{width: 1}
	s.style("setlinewidth(2.5)")
	s.style("dashed")
	if s.width != 2.5 || len(s.dash) != 2 || s.dash[0] != 5 {
		t.Errorf("%+v", s)
	}
	s.style("dotted")
	if len(s.dash) != 2 || s.dash[0] != 1 {
		t.Errorf("%+v", s)
	}
	s.style("solid")
	s.style("setlinewidth(x)")
	if s.width != 2.5 || s.dash != nil {
		t.Errorf("%+v", s)
	}
}
