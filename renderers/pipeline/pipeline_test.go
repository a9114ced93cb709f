package pipeline

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	stdpng "image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/mapgen"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/semantics"
)

func loadMap(t testing.TB, file string) *arguments.Map {
	t.Helper()
	l := &arguments.Loader{}
	m, diags := l.Load(file)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", file, diags)
	}
	return m
}

// labelling labels the map as argmap render --semantics does.
func labelling(t *testing.T, m *arguments.Map, opt evaluate.Options) *dot.Labelling {
	t.Helper()
	res, err := evaluate.Evaluate(t.Context(), m, opt)
	if err != nil {
		t.Fatal(err)
	}
	l := &dot.Labelling{Semantics: opt.Method.String() + " semantics", Labels: map[string]semantics.Label{}, Withdrawn: opt.Without}
	for _, st := range res.Arguments {
		l.Labels[st.ID] = st.Label
	}
	return l
}

// marksMap has every mark a drawing can carry: kinds, supports, attacks,
// an undercut, and under grounded semantics every label (a and b attack
// each other: undecided).
const marksMap = `title = "Every mark"
[arguments.a]
claim = "A attacks B."
kind = "claim"
attacks = ["b"]
[arguments.b]
claim = "B attacks A."
kind = "premise"
attacks = ["a"]
[arguments.c]
claim = "C supports D."
kind = "evidence"
supports = ["d"]
[arguments.d]
claim = "D stands."
[arguments.e]
claim = "E attacks F."
kind = "testimony"
attacks = ["f"]
[arguments.f]
claim = "F falls."
[arguments.g]
claim = "G undercuts C's support of D."
[[relations]]
from = "g"
type = "undercut"
to = { from = "c", to = "d" }
`

// TestRender draws the example, and a map with every mark, in
// every theme, format, semantics (none, grounded, and for the map of marks
// grounded with e withdrawn) and legend (on or off), in this process, and
// checks that each output is what its format says. The print theme's
// legend once made Graphviz's json output invalid, so that PNG and PDF
// failed whenever it showed a rejected argument.
func TestRender(t *testing.T) {
	ctx := t.Context()
	engine, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close(context.Background())

	marks := filepath.Join(t.TempDir(), "marks.toml")
	if err := os.WriteFile(marks, []byte(marksMap), 0o644); err != nil {
		t.Fatal(err)
	}
	maps := map[string]*arguments.Map{
		"example": loadMap(t, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml")),
		"marks":   loadMap(t, marks),
	}
	pdftotext := true
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed (Debian package poppler-utils): the PDFs' text is not checked")
		pdftotext = false
	}
	for _, name := range []string{"example", "marks"} {
		m := maps[name]
		sems := []string{"", "grounded"}
		if name == "marks" {
			sems = append(sems, "grounded-without-e")
		}
		for _, theme := range dot.Themes() {
			for _, sem := range sems {
				for _, legend := range []bool{true, false} {
					opts := dot.Options{Theme: theme, NoLegend: !legend}
					if sem != "" {
						method, err := evaluate.ParseMethod(strings.TrimSuffix(sem, "-without-e"))
						if err != nil {
							t.Fatal(err)
						}
						opt := evaluate.Options{Method: method}
						if strings.HasSuffix(sem, "-without-e") {
							opt.Without = []string{"e"}
						}
						opts.Labelling = labelling(t, m, opt)
					}
					for _, format := range names() {
						t.Run(fmt.Sprintf("%s/%s/semantics=%s/legend=%v/%s", name, theme, sem, legend, format), func(t *testing.T) {
							// A low resolution: the PNG need only decode.
							res, err := Render(ctx, engine, m, Options{Format: format, Drawing: opts, DPI: 24})
							if err != nil {
								t.Fatal(err)
							}
							if res.Tangled {
								t.Error("drawn as tangled")
							}
							data := res.Data
							checkFormat(t, format, data, m, pdftotext)
							if format == "dot" && strings.HasSuffix(sem, "-without-e") {
								// e and its attack on f are withdrawn; f,
								// unattacked now, is accepted.
								for _, want := range []string{`"e" [id="e" class="argument kind-testimony withdrawn"`,
									`[id="e.attacks.f" class="attack withdrawn"`, `"f" [id="f" class="argument status-in"`} {
									if !bytes.Contains(data, []byte(want)) {
										t.Errorf("no %s in the DOT", want)
									}
								}
							}
						})
					}
				}
			}
		}
	}
}

// checkFormat checks that data is a drawing of m in format.
func checkFormat(t *testing.T, format string, data []byte, m *arguments.Map, pdftotext bool) {
	t.Helper()
	switch format {
	case "svg":
		var doc struct {
			XMLName xml.Name `xml:"svg"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		for _, a := range m.Arguments {
			if !bytes.Contains(data, []byte(`id="`+a.ID+`"`)) {
				t.Errorf("no box with id %s", a.ID)
			}
		}
	case "png":
		img, err := stdpng.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("the PNG does not decode: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 10 || b.Dy() < 10 {
			t.Errorf("image %v", b)
		}
	case "pdf":
		if !bytes.HasPrefix(data, []byte("%PDF-1.")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
			t.Fatalf("not a PDF: %q", data[:min(len(data), 10)])
		}
		if !pdftotext {
			return
		}
		cmd := exec.Command("pdftotext", "-raw", "-", "-")
		cmd.Stdin = bytes.NewReader(data)
		text, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		// Every claim's first word and every id are in the text.
		for _, a := range m.Arguments {
			first := strings.Fields(a.Claim)[0]
			if !bytes.Contains(text, []byte(first)) || !regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(a.ID)+`\b`).Match(text) {
				t.Errorf("pdftotext finds no %q or no id %s", first, a.ID)
			}
		}
	case "dot":
		if !bytes.Contains(data, []byte("digraph argmap {")) {
			t.Errorf("not argmap's DOT: %.100s", data)
		}
	default:
		t.Fatalf("no check for %s", format)
	}
}

// counting is an Engine that records the formats it is asked for.
type counting struct {
	Engine
	calls []string
}

func (c *counting) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	c.calls = append(c.calls, strings.Join(formats, "+"))
	return c.Engine.Render(ctx, dot, formats...)
}

// TestRenderPasses checks what Render asks Graphviz for: nothing for the
// DOT of a map drawn in ranks, unless a pass measures the figure for the
// blocks below it; one pass for its drawing (an SVG with the layout as DOT
// too, from which crowded arrow ends are moved apart); one pass to place a
// tangled map's arguments (whose DOT then puts every box in place), and
// one for the drawing.
func TestRenderPasses(t *testing.T) {
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
	example := loadMap(t, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	tangled := loadMap(t, file)
	tests := []struct {
		name    string
		m       *arguments.Map
		format  string
		calls   []string
		tangled bool
	}{
		// The example has notes and sources: a first pass measures the
		// figure, for the blocks below it.
		{"ranked dot", example, "dot", []string{"dot"}, false},
		{"ranked svg", example, "svg", []string{"dot", "dot+svg"}, false},
		{"ranked pdf", example, "pdf", []string{"dot", "json"}, false},
		{"ranked dot without blocks", example, "dot", nil, false},
		{"ranked svg without blocks", example, "svg", []string{"dot+svg"}, false},
		{"tangled dot", tangled, "dot", []string{"json"}, true},
		{"tangled svg", tangled, "svg", []string{"json", "svg"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &counting{Engine: gv}
			var d dot.Options
			if strings.HasSuffix(tt.name, "without blocks") {
				d = dot.Options{Notes: "none", Sources: "none"}
			}
			res, err := Render(ctx, e, tt.m, Options{Format: tt.format, Drawing: d})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(e.calls) != fmt.Sprint(tt.calls) || res.Tangled != tt.tangled {
				t.Errorf("Graphviz asked for %v, tangled %v; want %v, %v", e.calls, res.Tangled, tt.calls, tt.tangled)
			}
			// Every argument is placed, and the blocks below them.
			if tt.format == "dot" && tt.tangled && (!bytes.Contains(res.Data, []byte("layout=nop")) || bytes.Count(res.Data, []byte(`pos="`)) != len(tt.m.Arguments)+1) {
				t.Error("the DOT of a tangled map does not place every argument")
			}
		})
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	m := loadMap(t, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	e := &counting{}
	if _, err := Render(t.Context(), e, m, Options{Format: "gif"}); err == nil || !strings.Contains(err.Error(), `unknown format "gif": use one of svg, png, pdf, dot`) {
		t.Errorf("error %v", err)
	}
	if len(e.calls) > 0 {
		t.Errorf("Graphviz asked for %v", e.calls)
	}
}

// TestBlocksWidth checks that the blocks below the figure (notes, sources)
// are set to the figure's width: they do not widen it, and they fill it.
func TestBlocksWidth(t *testing.T) {
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	for _, file := range []string{
		filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"),
		filepath.Join("..", "..", "examples", "caroline", "debate.toml"),
		filepath.Join("..", "dot", "testdata", "notes.toml"),
	} {
		for _, d := range []dot.Options{{}, {Direction: "TB"}, {Direction: "BT", GroupBy: "kind"}, {Notes: "labels", Theme: "print"}} {
			t.Run(filepath.Base(filepath.Dir(file))+"/"+d.Direction+d.Notes, func(t *testing.T) {
				m := loadMap(t, file)
				res, err := Render(ctx, gv, m, Options{Format: "dot", Drawing: d})
				if err != nil {
					t.Fatal(err)
				}
				// The widths of the graph and of the figure.
				width := func(src []byte) (float64, float64) {
					outs, err := gv.Render(ctx, src, "json")
					if err != nil {
						t.Fatal(err)
					}
					d, err := drawing.Parse(outs[0])
					if err != nil {
						t.Fatal(err)
					}
					outs, err = gv.Render(ctx, src, "dot")
					if err != nil {
						t.Fatal(err)
					}
					fw, err := boxWidth(outs[0], dot.FigureCluster)
					if err != nil {
						t.Fatal(err)
					}
					if w, err := boxWidth(outs[0], ""); err != nil || math.Abs(w+2*14.4-d.Width) > 0.01 {
						t.Fatalf("the graph's box is %g wide (%v), and the page %g", w, err, d.Width)
					}
					return d.Width - 2*14.4, fw
				}
				narrow := d
				narrow.Width = 1
				var src bytes.Buffer
				if err := dot.Write(&src, m, narrow); err != nil {
					t.Fatal(err)
				}
				// The figure with the blocks at their narrowest, and with
				// the blocks set to its width.
				want, figure := width(src.Bytes())
				got, _ := width(res.Data)
				if got > want+1 {
					t.Errorf("the blocks widen the figure from %g to %g points", want, got)
				}
				// As many columns of 300 points (18 apart) as the figure
				// holds, within the 8 points either side of its label: a
				// heading spans a column's mark and text, and the gaps.
				cells := regexp.MustCompile(`COLSPAN="(\d+)"`).FindAllSubmatch(res.Data, -1)
				if len(cells) == 0 {
					t.Fatal("no blocks")
				}
				cols, _ := strconv.Atoi(string(cells[0][1]))
				if wantCols := max(1, int((figure-16+18)/(300+18))); (cols+1)/3 != wantCols {
					t.Errorf("blocks of %d columns in a figure %g points wide, want %d", (cols+1)/3, figure, wantCols)
				}
			})
		}
	}
}

func TestBoxWidth(t *testing.T) {
	out := []byte("digraph argmap {\n\tgraph [bb=\"0,0,1854.1,1523.4\",\n\t\tclass=x];\n\tsubgraph cluster_figure {\n\t\tgraph [bb=\"7.0332,8,1846,1458\",\n\t\t\tclass=figure];\n\t}\n\tsubgraph cluster_figure2 {\n\t\tgraph [bb=\"0,0,1,1\"];\n\t}\n}\n")
	for _, tc := range []struct {
		cluster string
		want    float64
		err     string
	}{
		{"", 1854.1, ""},
		{"cluster_figure", 1846 - 7.0332, ""},
		{"cluster_figure2", 1, ""},
		{"cluster_other", 0, `no bounding box of "cluster_other"`},
	} {
		got, err := boxWidth(out, tc.cluster)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.cluster, err, tc.err)
			}
			continue
		}
		if err != nil || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%q: %g, %v; want %g", tc.cluster, got, err, tc.want)
		}
	}
	if _, err := boxWidth([]byte("digraph g {\n\tgraph [bb=\"0,0,x,1\"];\n}\n"), ""); err == nil {
		t.Error("a bounding box that is not numbers is read")
	}
}

// TestRenderAgain checks that an engine that has drawn before draws a map
// with links as a fresh one does: Graphviz names the anchors of links that
// have no id from a counter it never resets.
func TestRenderAgain(t *testing.T) {
	ctx := t.Context()
	gv, err := graphviz.New(ctx, graphviz.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(context.Background())
	m := loadMap(t, filepath.Join("..", "dot", "testdata", "notes.toml"))
	var first []byte
	for i := range 3 {
		res, err := Render(ctx, gv, m, Options{Format: "svg"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res.Data
			if n := bytes.Count(first, []byte(`<g id="a_argmap.source.`)); n != 2 {
				t.Errorf("%d anchors named after their source, want 2", n)
			}
		} else if !bytes.Equal(res.Data, first) {
			t.Fatalf("drawing %d differs from the first", i+1)
		}
	}
}
