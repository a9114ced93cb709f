package dot

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/mapgen"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/semantics"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// load reads a map and fails the test on errors (warnings are fine: the
// test maps have some on purpose).
func load(t *testing.T, name string) *arguments.Map {
	t.Helper()
	l := &arguments.Loader{}
	m, diags := l.Load(name)
	if diags.HasErrors() {
		t.Fatalf("%s has errors: %v", name, diags)
	}
	return m
}

// loadString reads a map from TOML text.
func loadString(t *testing.T, src string) *arguments.Map {
	t.Helper()
	l := &arguments.Loader{ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	m, diags := l.Load("map.toml")
	if diags.HasErrors() {
		t.Fatalf("map has errors: %v", diags)
	}
	return m
}

func write(t *testing.T, m *arguments.Map, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, m, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("DOT differs from %s (go test -update rewrites it; review the diff):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %.400s\nwant: %.400s", i+1, gl, wl)
		}
	}
	return "(no difference in lines)"
}

// handLabelling is a status for some arguments of relations.toml, made by
// hand: the seam for the semantics engine.
var handLabelling = &Labelling{
	Semantics: "grounded semantics",
	Labels:    map[string]semantics.Label{"a": semantics.In, "b": semantics.Out, "c": semantics.Undec, "d": semantics.Undec},
}

// withdrawnLabelling is relations.toml labelled with c withdrawn, as
// grounded semantics labels it: d is unattacked, so in, and b out.
var withdrawnLabelling = &Labelling{
	Semantics: "grounded semantics, without c",
	Labels:    map[string]semantics.Label{"a": semantics.Undec, "b": semantics.Undec, "d": semantics.In},
	Withdrawn: []string{"c"},
}

func TestWriteGolden(t *testing.T) {
	tests := []struct {
		name string
		file string
		opts Options
	}{
		{"single", "single.toml", Options{}},
		{"escaping", "escaping.toml", Options{}},
		{"relations", "relations.toml", Options{}},
		// The seam for --semantics: statuses drawn from a hand-made
		// labelling, with their legend.
		{"relations-status", "relations.toml", Options{Labelling: handLabelling}},
		// The themes and the other options of a report.
		{"relations-print", "relations.toml", Options{Theme: "print", Labelling: handLabelling}},
		// --without: c withdrawn, faded with its arrows.
		{"relations-withdrawn-print", "relations.toml", Options{Theme: "print", Labelling: withdrawnLabelling}},
		{"relations-dark-grouped", "relations.toml", Options{Theme: "dark", GroupBy: "kind", Direction: "BT", NoLegend: true}},
		{"escaping-grouped-by-party", "escaping.toml", Options{GroupBy: "party", Title: ptr("Another title")}},
		// An undercut: the inference as a node on the support's arrow.
		{"undercut", "undercut.toml", Options{}},
		{"undercut-print", "undercut.toml", Options{Theme: "print"}},
		// Parties: marks, the parties' legend, a coalition, a long name.
		{"parties", "parties.toml", Options{}},
		{"parties-print", "parties.toml", Options{Theme: "print"}},
		{"parties-no-marks", "parties.toml", Options{NoPartyMarks: true}},
		// One frame per party and per coalition, titled once.
		{"parties-grouped-by-party", "parties.toml", Options{GroupBy: "party"}},
		{"parties-grouped-by-party-dark", "parties.toml", Options{GroupBy: "party", Theme: "dark", NoLegend: true}},
		{"parties-grouped-by-tag", "parties.toml", Options{GroupBy: "tag"}},
		{"parties-grouped-by-tag-family", "parties.toml", Options{GroupBy: "tag:legal basis", Theme: "print"}},
		// Titles: in bold above the claim; a compact figure, its boxes
		// numbered, titled (or named by id), the claims in a key below.
		{"titles", "titles.toml", Options{}},
		{"titles-compact", "titles.toml", Options{Show: CompactShow()}},
		{"titles-show", "titles.toml", Options{Show: []string{"status", "kind", "title", "source"}, Labelling: &Labelling{
			Semantics: "grounded semantics", Labels: map[string]semantics.Label{"strike": semantics.Out, "sovereignty_of_mexico": semantics.In}}}},
		{"titles-show-claims", "titles.toml", Options{Show: []string{"claim", "id"}, Theme: "print"}},
		// What argmap render --page draws: narrower, tighter, larger small
		// text, undercuts beside their inference, the legend and the key
		// as wide as the figure.
		{"titles-page", "titles.toml", Options{Show: CompactShow(), TitleWidth: 60, NodeSep: 6, RankSep: 14, Width: 300, SmallText: 11, UndercutsBeside: true}},
		{"relations-legend-rows", "relations.toml", Options{Width: 200, Labelling: handLabelling}},
		// Notes and sources: footnotes and the list (the defaults), notes
		// drawn as labels, neither (today's drawing, tooltips only), and
		// the blocks in the print theme, set to a measured width.
		{"notes", "notes.toml", Options{}},
		{"notes-labels", "notes.toml", Options{Notes: "labels"}},
		{"notes-none", "notes.toml", Options{Notes: "none", Sources: "none"}},
		{"notes-print-bt", "notes.toml", Options{Theme: "print", Direction: "BT", GroupBy: "kind", Width: 700}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := load(t, filepath.Join("testdata", tt.file))
			got := write(t, m, tt.opts)
			if again := write(t, m, tt.opts); again != got {
				t.Fatal("two runs give different DOT")
			}
			compareGolden(t, filepath.Join("testdata", tt.name+".dot"), got)
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestOptions(t *testing.T) {
	m := load(t, filepath.Join("testdata", "relations.toml"))
	tests := []struct {
		name    string
		opts    Options
		err     string   // the error, if any
		has     []string // in the DOT
		hasNot  []string
		cluster map[string][]string // cluster number -> its arguments
	}{
		{"defaults", Options{}, "", []string{"rankdir=RL", `class="argmap theme-light"`, ">Relations<", ">supports<", " premise<", `style=solid penwidth=1.2 arrowhead=normal`, `style=solid penwidth=2.2 arrowhead=tee`, "<B>NOTES</B>"}, []string{"cluster_1"}, nil},
		{"bad notes", Options{Notes: "endnotes"}, `unknown notes mode "endnotes": use one of footnotes, labels, none`, nil, nil, nil},
		{"bad sources", Options{Sources: "all"}, `unknown sources mode "all": use one of list, none`, nil, nil, nil},
		{"no notes", Options{Notes: "none"}, "", nil, []string{"cluster", "NOTES", "xlabel"}, nil},
		{"direction", Options{Direction: "TB"}, "", []string{"rankdir=TB"}, nil, nil},
		{"bad direction", Options{Direction: "up"}, `unknown direction "up"`, nil, nil, nil},
		{"bad theme", Options{Theme: "neon"}, `unknown theme "neon"`, nil, nil, nil},
		{"bad grouping", Options{GroupBy: "colour"}, `unknown grouping "colour"`, nil, nil, nil},
		{"no legend", Options{NoLegend: true}, "", []string{">Relations<"}, []string{">supports<"}, nil},
		{"no title, no legend", Options{NoLegend: true, Title: ptr("")}, "", nil, []string{"label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\" BALIGN", "// Relations"}, nil},
		{"title", Options{Title: ptr("Über <title>")}, "", []string{"// Über <title>", ">Über &lt;title&gt;<"}, []string{">Relations<"}, nil},
		// Print: black, attacks dashed, kinds not in the legend, statuses
		// by border style, drawn in the legend as lines: never as a table
		// with STYLE="dashed", which Graphviz's json output garbles.
		{"print", Options{Theme: "print", Labelling: handLabelling}, "", []string{`class="argmap theme-print"`, `style=dashed penwidth=2.2 arrowhead=tee`, `style="rounded,filled,dashed"`, `style="rounded,filled,dotted"`, "╍╍┫", ">━━<", ">╍╍<", ">┉┉<"}, []string{"#43a047", "#a01818", " premise<", `STYLE="`}, nil},
		{"dark", Options{Theme: "dark"}, "", []string{`bgcolor="#1f2125"`, "#388e3c"}, nil, nil},
		{"grouped by kind", Options{GroupBy: "kind"}, "", []string{`subgraph cluster_1 {`, `id="argmap.group.1" class="group"`, "<B>premise</B>"}, nil,
			map[string][]string{"1": {"a"}, "2": {"b"}, "3": {"c"}, "4": {"d"}}},
		{"grouped by file", Options{GroupBy: "file"}, "", []string{"<B>relations.toml</B>"}, nil,
			map[string][]string{"1": {"a", "b", "c", "d"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := Write(&b, m, tt.opts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("no %q in the DOT", s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(out, s) {
					t.Errorf("%q in the DOT", s)
				}
			}
			for n, ids := range tt.cluster {
				start := strings.Index(out, "subgraph cluster_"+n+" {")
				if start < 0 {
					t.Fatalf("no cluster %s", n)
				}
				end := start + strings.Index(out[start:], "\n\t}\n")
				for _, id := range ids {
					if !strings.Contains(out[start:end], "\t\t\""+id+"\" [") {
						t.Errorf("cluster %s lacks %s", n, id)
					}
				}
			}
		})
	}
}

func TestTooltips(t *testing.T) {
	m := load(t, filepath.Join("testdata", "escaping.toml"))
	tips := Tooltips(m)
	want := map[string]string{
		"html":                  "html (claim), Sarukhán & Calderón <experts>:\nClaims may hold <b>markup</b>, ampersands (&amp; and &), \"quotes\" and back\\slashes \\N \\G.\nSource: Reuters\nSource: NBC News\nSource: Reuters, https://example.org/",
		"url.supports.odd-kind": "url supports odd-kind",
	}
	for id, w := range want {
		if tips[id] != w {
			t.Errorf("Tooltips[%s] = %q, want %q", id, tips[id], w)
		}
	}
	if len(tips) != 3+3 {
		t.Errorf("%d tooltips, want 6", len(tips))
	}
	m = load(t, "../../examples/drone-strikes/debate.toml")
	tips = Tooltips(m)
	if tip := tips["no_intervention"]; !strings.Contains(tip, "Source: Press conference of President Sheinbaum, “The people of Mexico will not") {
		t.Errorf("no quote in %q", tip)
	}
	if tip := tips["kingpin.attacks.lethal_force"]; !strings.Contains(tip, "Even a joint US–Mexico effort") {
		t.Errorf("no note in %q", tip)
	}
	m = load(t, filepath.Join("testdata", "parties.toml"))
	tips = Tooltips(m)
	if tip, want := tips["strike"], "strike (claim), United States + United Kingdom:\nThe strike on the base was lawful.\nTags: legal basis: self-defence; issue: armed attack"; tip != want {
		t.Errorf("Tooltips[strike] = %q, want %q", tip, want)
	}
}

// TestStatus checks what the seam draws: a class, a border and a badge for
// each labelled argument, nothing for the others, and a legend entry for
// each status in use.
func TestStatus(t *testing.T) {
	m := load(t, filepath.Join("testdata", "relations.toml"))
	tests := []struct {
		name      string
		labelling *Labelling
		classes   map[string]string // argument -> status class, "" for none
		legend    []string
		noLegend  []string
	}{
		{"none", nil, map[string]string{"a": "", "b": ""}, nil, []string{"accepted", "rejected", "undecided", "semantics"}},
		{"hand-made", handLabelling,
			map[string]string{"a": "status-in", "b": "status-out", "c": "status-undec"},
			[]string{"grounded semantics:", "accepted", "rejected", "undecided"}, nil},
		{"partial", &Labelling{Semantics: "preferred", Labels: map[string]semantics.Label{"a": semantics.In, "zzz": semantics.Out}},
			map[string]string{"a": "status-in", "b": ""},
			[]string{"preferred:", "accepted"}, []string{"rejected", "undecided"}},
		{"invalid status ignored", &Labelling{Labels: map[string]semantics.Label{"a": semantics.Label(9)}},
			map[string]string{"a": ""}, nil, []string{"accepted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, m, Options{Labelling: tt.labelling})
			for id, class := range tt.classes {
				line := nodeLine(t, out, id)
				has := strings.Contains(line, "status-")
				if class == "" && has {
					t.Errorf("%s has a status: %.200s", id, line)
				}
				if class != "" && !strings.Contains(line, class) {
					t.Errorf("%s lacks class %s: %.200s", id, class, line)
				}
			}
			label := graphLine(t, out)
			for _, s := range tt.legend {
				if !strings.Contains(label, ">"+s+"<") && !strings.Contains(label, "\u00a0"+s+"<") {
					t.Errorf("legend lacks %q", s)
				}
			}
			for _, s := range tt.noLegend {
				if strings.Contains(label, s) {
					t.Errorf("legend has %q", s)
				}
			}
		})
	}
}

// nodeLine returns the DOT statement of a node.
func nodeLine(t *testing.T, dot, id string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^\t+"` + regexp.QuoteMeta(id) + `" \[.*\n\t+label=.*$`)
	m := re.FindString(dot)
	if m == "" {
		t.Fatalf("no node %s", id)
	}
	return m
}

func graphLine(t *testing.T, dot string) string {
	t.Helper()
	i := strings.Index(dot, "\t\tlabel=<")
	if i < 0 {
		t.Fatal("no graph label")
	}
	return dot[i : i+strings.Index(dot[i:], "\n")]
}

// TestEdges checks that every relation is drawn once, with its id, and
// that a relation given twice carries both notes.
func TestEdges(t *testing.T) {
	m := load(t, filepath.Join("testdata", "relations.toml"))
	out := write(t, m, Options{})
	edges := regexp.MustCompile(`(?m)^\t"([^"]+)" -> "([^"]+)" \[id="([^"]+)" class="(\w+)".*tooltip="(.*)"\]$`).FindAllStringSubmatch(out, -1)
	got := map[string]string{}
	for _, e := range edges {
		if _, dup := got[e[3]]; dup {
			t.Errorf("edge %s drawn twice", e[3])
		}
		got[e[3]] = e[5]
		if want := e[1] + "." + map[string]string{"support": "supports", "attack": "attacks"}[e[4]] + "." + e[2]; e[3] != want {
			t.Errorf("edge id %s, want %s", e[3], want)
		}
	}
	want := []string{"a.supports.b", "a.attacks.a", "c.attacks.b", "c.attacks.d", "d.attacks.c"}
	if len(got) != len(want) {
		t.Errorf("edges %v, want %v", got, want)
	}
	for _, id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("no edge %s", id)
		}
	}
	if tip := got["c.attacks.b"]; !strings.Contains(tip, "first note") || !strings.Contains(tip, "second note") {
		t.Errorf("tooltip of c.attacks.b lacks a note: %s", tip)
	}
	if tip := got["a.supports.b"]; !strings.Contains(tip, `\"quotes\", a backslash \\ and`) {
		t.Errorf("tooltip of a.supports.b badly escaped: %s", tip)
	}
}

// TestBoxesFitText checks that every box is at least as wide as each line
// of its label, measured as the renderers set it, with its padding.
func TestBoxesFitText(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"escaping.toml", "relations.toml", "parties.toml", "../../../examples/drone-strikes/debate.toml"} {
		m := load(t, filepath.Join("testdata", file))
		out := write(t, m, Options{Labelling: handLabelling})
		nodes := regexp.MustCompile(`(?m)^\t+"([^"]+)" \[.* width=([0-9.]+).*\n\t+label=<(.*)>\]$`).FindAllStringSubmatch(out, -1)
		if len(nodes) != len(m.Arguments) {
			t.Fatalf("%s: %d nodes, want %d", file, len(nodes), len(m.Arguments))
		}
		font := regexp.MustCompile(`<FONT POINT-SIZE="([0-9.]+)" COLOR="[^"]+">(<B>)?([^<]*)`)
		for _, n := range nodes {
			boxWidth, _ := strconv.ParseFloat(n[2], 64)
			boxWidth *= 72
			for _, line := range strings.Split(n[3], `</TR>`) {
				width := 0.0
				for _, f := range font.FindAllStringSubmatch(line, -1) {
					size, _ := strconv.ParseFloat(f[1], 64)
					width += fs.Face(f[2] != "").Width(unescape(f[3]), size)
				}
				if width+2*padX > boxWidth+0.01 {
					t.Errorf("%s: %s: line %.60q is %.2f pt wide, the box %.2f pt", file, n[1], line, width, boxWidth)
				}
				if width > claimWidth+0.01 && !strings.Contains(line, "https://") {
					t.Errorf("%s: %s: line wider than the measure (%.2f pt): %.60q", file, n[1], width, line)
				}
			}
		}
	}
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(s)
}

func TestWrap(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fs}
	st := style{size: 10, color: "#000000"}
	tests := []struct {
		name  string
		text  string
		max   float64
		lines int
	}{
		{"empty", "", 100, 0},
		{"fits", "Short claim.", 100, 1},
		{"two lines", "The United States should carry out drone strikes against drug cartels.", 200, 2},
		{"long word split", strings.Repeat("x", 100), 100, 7}, // 16 per line
		{"accents", "Calderón Sarukhán Sheinbaum “kingpin” — Ünïcödé", 80, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, width := m.wrap([]run{{text: tt.text, style: st}}, tt.max)
			if len(lines) != tt.lines {
				t.Errorf("%d lines, want %d: %v", len(lines), tt.lines, lines)
			}
			var words []string
			widest := 0.0
			for _, l := range lines {
				text := ""
				for _, r := range l {
					text += r.text
				}
				w := m.width(text, st)
				widest = math.Max(widest, w)
				if w > tt.max+0.01 {
					t.Errorf("line %q is %.2f wide, max %.2f", text, w, tt.max)
				}
				words = append(words, text)
			}
			if math.Abs(widest-width) > 0.01 {
				t.Errorf("reported width %.2f, widest line %.2f", width, widest)
			}
			joined := strings.Join(words, " ")
			if tt.name == "long word split" {
				joined = strings.ReplaceAll(joined, " ", "")
			}
			if joined != tt.text {
				t.Errorf("lines %q do not give back %q", words, tt.text)
			}
		})
	}
}

// TestWrapBalanced checks that wrapping narrows the measure instead of
// leaving a short last line.
func TestWrapBalanced(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	m := measurer{fs}
	st := style{size: 10}
	text := "Unilateral military strikes would violate key agreements and more."
	lines, _ := m.wrap([]run{{text: text, style: st}}, claimWidth)
	if len(lines) != 2 {
		t.Fatalf("%d lines", len(lines))
	}
	w0, w1 := m.width(lines[0][0].text, st), m.width(lines[1][0].text, st)
	if w1 < w0/2 {
		t.Errorf("unbalanced lines: %.1f and %.1f points", w0, w1)
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  a  b\n\tc ", "a b c"},
		{"bell\u0007 gone", "bell gone"},
		{"nbsp\u00a0becomes space", "nbsp becomes space"},
		{"ok “quotes” é", "ok “quotes” é"},
		{"\ufffe\uffff\ufdd0x", "x"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoteAndHTML(t *testing.T) {
	if got, want := quote(`a "b" \N`), `"a \"b\" \\N"`; got != want {
		t.Errorf("quote = %s, want %s", got, want)
	}
	if got, want := html(`<b> & "x"`), `&lt;b&gt; &amp; &quot;x&quot;`; got != want {
		t.Errorf("html = %s, want %s", got, want)
	}
}

func TestInches(t *testing.T) {
	tests := []struct {
		pt   float64
		want string
	}{
		{72, "1"},
		{0, "0"},
		{100, "1.3889"}, // 1.38888... rounded up
		{18, "0.25"},
	}
	for _, tt := range tests {
		if got := inches(tt.pt); got != tt.want {
			t.Errorf("inches(%g) = %s, want %s", tt.pt, got, tt.want)
		}
	}
}

// generated returns a map made by internal/mapgen.
func generated(t *testing.T, n int) *arguments.Map {
	t.Helper()
	var b bytes.Buffer
	if err := mapgen.Write(&b, n, 1); err != nil {
		t.Fatal(err)
	}
	return loadString(t, b.String())
}

func TestTangled(t *testing.T) {
	chain := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"Step %d.\"\n", i, i)
			if i > 0 {
				fmt.Fprintf(&b, "supports = [\"a%d\"]\n", i-1)
			}
		}
		return b.String()
	}
	tests := []struct {
		name    string
		m       *arguments.Map
		tangled bool
	}{
		{"example", load(t, "../../examples/drone-strikes/debate.toml"), false},
		{"relations", load(t, filepath.Join("testdata", "relations.toml")), false},
		// A chain is deep but has no long edges.
		{"chain of 500", loadString(t, chain(500)), false},
		{"generated 40", generated(t, 40), false},
		{"generated 200", generated(t, 200), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tangled(tt.m); got != tt.tangled {
				t.Errorf("Tangled = %v, want %v", got, tt.tangled)
			}
			out := write(t, tt.m, Options{})
			want := "layout=dot"
			if tt.tangled {
				want = "layout=sfdp"
			}
			if !strings.Contains(out, want) {
				t.Errorf("DOT lacks %s", want)
			}
		})
	}
}

func TestGrid(t *testing.T) {
	places := map[string]Place{}
	for i := range 50 {
		// A spiral of boxes of various sizes, all overlapping.
		a := float64(i) * 0.7
		places[fmt.Sprintf("n%02d", i)] = Place{X: 10 * a * math.Cos(a), Y: 10 * a * math.Sin(a), Width: 100 + float64(i%7)*15, Height: 40 + float64(i%5)*10}
	}
	grid := Grid(places)
	if len(grid) != len(places) {
		t.Fatalf("%d places, want %d", len(grid), len(places))
	}
	ids := make([]string, 0, len(grid))
	for id := range grid {
		ids = append(ids, id)
	}
	for i, a := range ids {
		pa := grid[a]
		if pa.Width != places[a].Width || pa.Height != places[a].Height {
			t.Errorf("%s changed size", a)
		}
		for _, b := range ids[i+1:] {
			pb := grid[b]
			if math.Abs(pa.X-pb.X) < (pa.Width+pb.Width)/2 && math.Abs(pa.Y-pb.Y) < (pa.Height+pb.Height)/2 {
				t.Errorf("%s and %s overlap", a, b)
			}
		}
	}
	// Deterministic, and in order: the topmost box is in the first row.
	again := Grid(places)
	for id, p := range grid {
		if again[id] != p {
			t.Fatalf("Grid is not deterministic: %s", id)
		}
	}
	top := ""
	for id, p := range places {
		if top == "" || p.Y > places[top].Y {
			top = id
		}
	}
	if grid[top].Y != grid["n00"].Y && grid[top].Y < grid["n00"].Y {
		t.Errorf("the topmost box %s is not in the first row", top)
	}
	if len(Grid(nil)) != 0 {
		t.Error("Grid(nil) is not empty")
	}
}

// TestPlaces checks the second pass of a tangled map: every argument
// pinned where Grid put it.
func TestPlaces(t *testing.T) {
	m := load(t, filepath.Join("testdata", "relations.toml"))
	places := map[string]Place{"a": {X: 1, Y: 2}, "b": {X: 300.5, Y: -4}, "c": {}, "d": {X: 7, Y: 7}}
	out := write(t, m, Options{Places: places})
	if !strings.Contains(out, "layout=nop") || !strings.Contains(out, "splines=false") {
		t.Error("no nop layout with straight arrows")
	}
	for id, want := range map[string]string{"a": `pos="1,2!"`, "b": `pos="300.5,-4!"`, "c": `pos="0,0!"`} {
		if line := nodeLine(t, out, id); !strings.Contains(line, want) {
			t.Errorf("%s lacks %s: %.200s", id, want, line)
		}
	}
}

// TestWithdrawn checks that a withdrawn argument, and every relation to or
// from it (an undercut too, and the support it aims at), is drawn
// withdrawn, in the legend too, and that nothing else is.
func TestWithdrawn(t *testing.T) {
	relations := load(t, filepath.Join("testdata", "relations.toml"))
	undercut := load(t, filepath.Join("testdata", "undercut.toml"))
	tests := []struct {
		name      string
		m         *arguments.Map
		theme     string
		withdrawn []string
		nodes     []string // drawn withdrawn; the others not
		edges     []string // by id; the others not
	}{
		{"none", relations, "", nil, nil, nil},
		{"attacker", relations, "", []string{"c"}, []string{"c"}, []string{"c.attacks.b", "c.attacks.d", "d.attacks.c"}},
		{"print", relations, "print", []string{"c"}, []string{"c"}, []string{"c.attacks.b", "c.attacks.d", "d.attacks.c"}},
		{"supporter", relations, "dark", []string{"a"}, []string{"a"}, []string{"a.supports.b", "a.attacks.a"}},
		{"unknown id ignored", relations, "", []string{"zzz"}, nil, nil},
		{"undercutter", undercut, "", []string{"no_armed_attack"}, []string{"no_armed_attack"},
			[]string{"no_armed_attack.undercuts.designation->strike"}},
		{"undercut support", undercut, "", []string{"designation"}, []string{"designation", "designation->strike"},
			[]string{"designation.supports.strike.premise", "designation.supports.strike", "no_armed_attack.undercuts.designation->strike"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := newTheme(tt.theme)
			l := &Labelling{Semantics: "grounded semantics", Labels: map[string]semantics.Label{}, Withdrawn: tt.withdrawn}
			out := write(t, tt.m, Options{Theme: tt.theme, Labelling: l})
			nodes := map[string]string{}
			edges := map[string]string{}
			for _, line := range strings.Split(out, "\n") {
				if m := regexp.MustCompile(`^\t+"([^"]+)" \[id="[^"]+" class="([^"]*)"(.*)`).FindStringSubmatch(line); m != nil {
					nodes[m[1]] = m[2] + m[3]
				}
				if m := regexp.MustCompile(`^\t"[^"]+" -> "[^"]+" \[id="([^"]+)" class="([^"]*)"(.*)`).FindStringSubmatch(line); m != nil {
					edges[m[1]] = m[2] + m[3]
				}
			}
			check := func(kind string, all map[string]string, want []string) {
				for id, attrs := range all {
					withdrawn := slices.Contains(want, id)
					if got := strings.Contains(attrs, "withdrawn"); got != withdrawn {
						t.Errorf("%s %s drawn withdrawn: %v, want %v: %.200s", kind, id, got, withdrawn, attrs)
					}
					if withdrawn && !strings.Contains(attrs, `color="`+th.withdrawn.color+`"`) {
						t.Errorf("%s %s is not grey: %.200s", kind, id, attrs)
					}
				}
				for _, id := range want {
					if _, ok := all[id]; !ok {
						t.Errorf("no %s %s", kind, id)
					}
				}
			}
			check("node", nodes, tt.nodes)
			check("edge", edges, tt.edges)
			for _, id := range tt.nodes {
				if strings.Contains(id, "->") {
					continue // an inference
				}
				line := nodeLine(t, out, id)
				if !strings.Contains(line, ",dashed\"") || !strings.Contains(line, "WITHDRAWN") {
					t.Errorf("%s is not dashed and marked WITHDRAWN: %.300s", id, line)
				}
			}
			for _, id := range tt.edges {
				if !strings.Contains(edges[id], "style="+th.withdrawn.style+" ") {
					t.Errorf("edge %s is not %s: %s", id, th.withdrawn.style, edges[id])
				}
			}
			legend := graphLine(t, out)
			if got, want := strings.Contains(legend, ">withdrawn (not labelled)<"), len(tt.nodes) > 0; got != want {
				t.Errorf("legend has the withdrawn entry: %v, want %v", got, want)
			}
			if strings.Contains(out, `STYLE="`) {
				t.Error(`STYLE= in an HTML-like label: Graphviz's json output garbles it`)
			}
		})
	}
}
