package dot

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
)

// notesMap has notes on arguments and relations, one of them given twice,
// and sources cited by several arguments, with and without dates,
// addresses and quotes.
const notesMap = `
[arguments.a]
claim = "A."
note = "On A."
source = [{ name = "Reuters", url = "https://example.org/r", date = "2025-02-25" }, "NBC"]

[arguments.b]
claim = "B."
source = [{ name = "Reuters", quote = "q1" }, { name = "Reuters", url = "https://example.org/other" }]
supports = ["a"]

[arguments.c]
claim = "C."
note = "Shared."
source = [{ name = "NBC", quote = "q2" }, { name = "Reuters", quote = "q1" }]

[arguments.d]
claim = "D."
source = { name = "Site", url = "javascript:alert(1)" }
attacks = ["b"]

[[relations]]
from = "c"
to = "a"
type = "attack"
note = "On c and a."

[[relations]]
from = "d"
to = "a"
type = "attack"
note = "Shared."
`

// blockText returns the texts of the block headed heading, in order: its
// heading, then each entry's mark and lines, separated by " | ".
func blockText(t *testing.T, dot, heading string) string {
	t.Helper()
	start := strings.Index(dot, "<B>"+heading+"</B>")
	if start < 0 {
		t.Fatalf("no block %s", heading)
	}
	rest := dot[start:]
	rest = rest[:strings.Index(rest, ">]")]
	if end := strings.Index(rest[1:], "<B>"); end >= 0 {
		rest = rest[:end+1] // the next block
	}
	var texts []string
	for _, m := range regexp.MustCompile(`<FONT POINT-SIZE="8"[^>]*>(?:<B>)?([^<]*)`).FindAllStringSubmatch(rest, -1) {
		if s := strings.TrimSpace(strings.ReplaceAll(m[1], nbsp, " ")); s != "" {
			texts = append(texts, s)
		}
	}
	return strings.Join(texts, " | ")
}

func TestFootnotes(t *testing.T) {
	m := loadString(t, notesMap)
	out := write(t, m, Options{})
	// Arguments' notes first, then the arrows', in the order drawn; a
	// note given twice is numbered once.
	n := collectNotes(m, relationsOf(m))
	if want := []string{"On A.", "Shared.", "On c and a."}; !slices.Equal(n.texts, want) {
		t.Errorf("notes %q, want %q", n.texts, want)
	}
	for _, tc := range []struct{ key, want string }{
		{"a", "1"}, {"c", "2"}, {"b", ""},
	} {
		if got := noteMark(n.args, tc.key); got != tc.want {
			t.Errorf("argument %s: mark %q, want %q", tc.key, got, tc.want)
		}
	}
	if got := noteMark(n.arrows, "c.attacks.a"); got != "3" {
		t.Errorf("c.attacks.a: mark %q", got)
	}
	if got := noteMark(n.arrows, "d.attacks.a"); got != "2" {
		t.Errorf("d.attacks.a: mark %q", got)
	}
	for _, want := range []string{
		// The marks on the arrows, in the arrows' colour, and after the
		// claims.
		`[id="c.attacks.a" class="attack" color="#a01818" style=solid penwidth=2.2 arrowhead=tee fontname="DejaVu Sans" xlabel=<<FONT POINT-SIZE="8" COLOR="#a01818"><B>3</B></FONT>>`,
		`[id="d.attacks.a" class="attack" color="#a01818" style=solid penwidth=2.2 arrowhead=tee fontname="DejaVu Sans" xlabel=<<FONT POINT-SIZE="8" COLOR="#a01818"><B>2</B></FONT>>`,
		`<FONT POINT-SIZE="10" COLOR="#1a1a1a">A. </FONT><FONT POINT-SIZE="8" COLOR="#5f6368"><B>1</B></FONT>`,
		// The block, at the bottom of a cluster around the figure.
		`subgraph cluster_figure {`, `labelloc=b labeljust=r`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in the DOT", want)
		}
	}
	if got, want := blockText(t, out, "NOTES"), "1 | On A. | 2 | Shared. | 3 | On c and a."; got != want {
		t.Errorf("NOTES block %q, want %q", got, want)
	}
	if strings.Contains(out, `id="b.supports.a" class="support" color="#43a047" style=solid penwidth=1.2 arrowhead=normal xlabel`) {
		t.Error("an arrow without a note has a mark")
	}
	// Without footnotes: no marks, no block, and the claims as they were.
	for _, mode := range []string{"labels", "none"} {
		out := write(t, m, Options{Notes: mode})
		if strings.Contains(out, "<B>NOTES</B>") || strings.Contains(out, "xlabel") {
			t.Errorf("--notes %s: a NOTES block or a mark", mode)
		}
	}
}

func TestNoteLabels(t *testing.T) {
	m := loadString(t, notesMap)
	out := write(t, m, Options{Notes: "labels"})
	for _, want := range []string{
		// A relation's note is its arrow's label, which dot makes room for.
		`[id="c.attacks.a" class="attack" color="#a01818" style=solid penwidth=2.2 arrowhead=tee fontname="DejaVu Sans" label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR><TD ALIGN="LEFT" WIDTH="`,
		`<FONT POINT-SIZE="8" COLOR="#5f6368">On c and a.</FONT></TD></TR></TABLE>>`,
		// An argument's note is under its claim, in detail size.
		`<FONT POINT-SIZE="10" COLOR="#1a1a1a">A.</FONT></TD></TR><TR><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="`,
		`<FONT POINT-SIZE="8" COLOR="#5f6368">On A.</FONT>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in the DOT", want)
		}
	}
	// Laid out on a grid (a tangled map's second pass), the labels are
	// external: nop makes no room for labels.
	places := map[string]Place{}
	for i, a := range m.Arguments {
		places[a.ID] = Place{X: float64(i) * 300, Y: 0, Width: 200, Height: 80}
	}
	out = write(t, m, Options{Notes: "labels", Places: places})
	if !strings.Contains(out, `arrowhead=tee fontname="DejaVu Sans" xlabel=<<TABLE`) || strings.Contains(out, "cluster_figure") {
		t.Error("on a grid, notes are not external labels, or the blocks are in a cluster")
	}
	if !strings.Contains(out, `"argmap.blocks" [id="argmap.blocks" class="blocks" shape=plain style=solid pos="`) {
		t.Error("on a grid, the blocks are not a box placed below it")
	}
}

func TestSourcesList(t *testing.T) {
	m := loadString(t, notesMap)
	l := collectSources(m)
	var got []string
	for _, s := range l.sources {
		var qs []string
		for _, q := range s.quotes {
			qs = append(qs, q.text+"("+strings.Join(q.ids, ",")+")")
		}
		got = append(got, s.name+"|"+s.date+"|"+s.url+"|"+strings.Join(qs, ";")+"|"+strings.Join(s.cited, ","))
	}
	// Reuters without an address or a date is the first Reuters; with
	// another address, another source.
	want := []string{
		"Reuters|2025-02-25|https://example.org/r|q1(b,c)|a,b,c",
		"NBC|||q2(c)|a,c",
		"Reuters||https://example.org/other||b",
		"Site||javascript:alert(1)||d",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sources\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for id, want := range map[string]string{"a": "[1,\u00a02]", "b": "[1,\u00a03]", "c": "[2,\u00a01]", "d": "[4]"} {
		if got := l.citation(id); got != want {
			t.Errorf("%s cites %q, want %q", id, got, want)
		}
	}

	// In one column (the narrowest blocks), an entry's lines follow one
	// another in the DOT.
	out := write(t, m, Options{Notes: "none", Width: 1})
	text := blockText(t, out, "SOURCES")
	for _, want := range []string{
		"[1] | Reuters, 2025-02-25 | https://example.org/r | “q1” (b, c)",
		"[2] | NBC | “q2” (c)",
		"[4] | Site | javascript:alert(1)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the SOURCES block:\n%s", want, text)
		}
	}
	// Web addresses are links; others are not.
	for _, want := range []string{`HREF="https://example.org/r" TITLE="https://example.org/r" TARGET="_blank"`, `HREF="https://example.org/other"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in the DOT", want)
		}
	}
	if strings.Contains(out, `HREF="javascript`) {
		t.Error("a javascript: address is a link")
	}
	// The boxes cite the sources by number, or name them without the list.
	if !strings.Contains(out, `<B>a </B></FONT><FONT POINT-SIZE="8" COLOR="#5f6368">·`+nbsp+`[1,`+nbsp+`2]</FONT>`) {
		t.Error("a does not cite [1, 2]")
	}
	out = write(t, m, Options{Notes: "none", Sources: "none"})
	if strings.Contains(out, "SOURCES") || !strings.Contains(out, "·"+nbsp+"Reuters; NBC</FONT>") || strings.Contains(out, "cluster") {
		t.Error("--sources none: a list, a cluster, or no names in the boxes")
	}
}

func TestLinkable(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.org/a?b=1&c=2": true, "http://example.org": true, "HTTPS://EXAMPLE.ORG": true,
		"javascript:alert(1)": false, "data:text/html,x": false, "file:///etc/passwd": false, "example.org": false,
		"https://": false, "https://a b": false, `https://a"onclick="x`: false, `https://a\N`: false, "ftp://x": false,
	} {
		if got := linkable(u); got != want {
			t.Errorf("linkable(%q) = %v", u, got)
		}
	}
}

// TestBlocksWidth checks that blocks are set in the width given, in as
// many columns of about columnWidth as it holds, and never narrower than
// minBlocksWidth.
func TestBlocksWidth(t *testing.T) {
	m := load(t, filepath.Join("testdata", "notes.toml"))
	for _, fw := range []float64{1, 200, 316, 500, 700, 1000, 1500, 2500} {
		out := write(t, m, Options{Width: fw})
		start := strings.Index(out, "subgraph cluster_figure")
		label := out[start : strings.Index(out[start:], ">]\n")+start]
		avail := max(fw-2*(figureMargin+clusterLabelPad), minBlocksWidth)
		cols := max(1, int((avail+columnGap)/(columnWidth+columnGap)))
		// The mark and text cells of a block's first line give a column's width.
		first := regexp.MustCompile(`<TR><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="(\d+)" HEIGHT="\d+">[^/]*</FONT></TD><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="(\d+)"`).FindStringSubmatch(label)
		if first == nil {
			t.Fatalf("Width %g: no entry in the blocks", fw)
		}
		mw, _ := strconv.Atoi(first[1])
		tw, _ := strconv.Atoi(first[2])
		total := cols*(mw+tw) + (cols-1)*int(columnGap)
		if float64(total) > avail || float64(total) < avail-float64(cols) {
			t.Errorf("Width %g: %d columns of %d points, %d in all, in %g", fw, cols, mw+tw, total, avail)
		}
		if n := strings.Count(label, `VALIGN="BOTTOM" COLSPAN="`+strconv.Itoa(3*cols-1)+`"`); n != 2 {
			t.Errorf("Width %g: %d blocks of %d columns, want 2", fw, n, cols)
		}
	}
}

func TestHasBlocks(t *testing.T) {
	notes := loadString(t, notesMap)
	single := load(t, filepath.Join("testdata", "single.toml"))
	noteOnly := loadString(t, "[arguments.a]\nclaim = \"A.\"\nnote = \"N.\"\n")
	for _, tc := range []struct {
		name string
		m    *arguments.Map
		opts Options
		want bool
	}{
		{"defaults", notes, Options{}, true},
		{"sources only", notes, Options{Notes: "none"}, true},
		{"notes only", notes, Options{Sources: "none"}, true},
		{"labels", notes, Options{Notes: "labels", Sources: "none"}, false},
		{"neither", notes, Options{Notes: "none", Sources: "none"}, false},
		{"nothing to list", single, Options{}, false},
		{"an argument's note", noteOnly, Options{Sources: "none"}, true},
		{"bad theme", notes, Options{Theme: "neon"}, false},
	} {
		m := tc.m
		if got := HasBlocks(m, tc.opts); got != tc.want {
			t.Errorf("%s: HasBlocks = %v", tc.name, got)
		}
		if got := strings.Contains(write(t, m, Options{Notes: tc.opts.Notes, Sources: tc.opts.Sources}), "cluster_figure"); tc.name != "bad theme" && got != tc.want {
			t.Errorf("%s: Write draws blocks: %v, HasBlocks %v", tc.name, got, tc.want)
		}
	}
}

// TestGroupsInFigure checks that groups inside the figure's cluster do not
// inherit its attributes: no border, and the label at the bottom.
func TestGroupsInFigure(t *testing.T) {
	m := load(t, filepath.Join("testdata", "notes.toml"))
	for _, tc := range []struct {
		opts Options
		want bool
	}{
		{Options{GroupBy: "kind"}, true},
		{Options{GroupBy: "kind", Notes: "none", Sources: "none"}, false},
	} {
		out := write(t, m, tc.opts)
		groups := strings.Count(out, `class="group"`)
		if got := strings.Count(out, `margin=10 peripheries=1 labelloc=t`); groups != 5 || tc.want && got != groups || !tc.want && got > 0 {
			t.Errorf("%+v: %d groups set their border and label again, of %d", tc.opts, got, groups)
		}
	}
}

// TestBlocksPlace checks where the blocks go: the label of the figure's
// cluster, at its bottom, or, with arrows pointing up (where dot may route
// arrows across a cluster's label at the bottom), the graph's label at the
// bottom, the title and legend then the cluster's label at the top.
func TestBlocksPlace(t *testing.T) {
	m := loadString(t, "title = \"T\"\n"+notesMap)
	for _, tc := range []struct {
		dir                   string
		graph, figure, blocks string // labelloc of the graph and of the cluster; which has the blocks
	}{
		{"RL", "t", "b", "figure"}, {"LR", "t", "b", "figure"}, {"TB", "t", "b", "figure"}, {"BT", "b", "b", "graph"},
	} {
		out := write(t, m, Options{Direction: tc.dir})
		graph := regexp.MustCompile(`bgcolor="#ffffff" labelloc=(\w)`).FindStringSubmatch(out)
		figure := regexp.MustCompile(`class="figure" peripheries=0 margin=0 labelloc=(\w)`).FindStringSubmatch(out)
		if graph == nil || figure == nil || graph[1] != tc.graph || figure[1] != tc.figure {
			t.Errorf("%s: labelloc %v of the graph and %v of the figure, want %s and %s", tc.dir, graph, figure, tc.graph, tc.figure)
			continue
		}
		start := strings.Index(out, `class="figure"`)
		inFigure := strings.Contains(out[start:strings.Index(out[start:], ">]")+start], "<B>NOTES</B>")
		if inFigure != (tc.blocks == "figure") || strings.Count(out, "<B>NOTES</B>") != 1 || strings.Count(out, "<B>T</B>") != 1 {
			t.Errorf("%s: the blocks in the figure's label: %v, want them in the %s's", tc.dir, inFigure, tc.blocks)
		}
	}
}

// TestQuestionNotes checks the note of a relation that raises a critical
// question in each mode: a mark by the arrow's tail, the arrow's label (on
// a grid, with the question's id in the external label), or nothing.
func TestQuestionNotes(t *testing.T) {
	m := load(t, filepath.Join("testdata", "notes.toml"))
	edge := func(out string) string {
		i := strings.Index(out, `[id="diplomat.raises-field.expert"`)
		if i < 0 {
			t.Fatal("no question arrow")
		}
		return out[i : i+strings.Index(out[i:], "\n")]
	}
	places := map[string]Place{}
	for i, a := range m.Arguments {
		places[a.ID] = Place{X: float64(i) * 300, Y: 0, Width: 200, Height: 80}
	}
	for _, tc := range []struct {
		name string
		opts Options
		has  []string
		not  []string
	}{
		{"footnotes", Options{}, []string{`xlabel="? field"`, `taillabel=<<FONT POINT-SIZE="8" COLOR="#5f6368"><B>5</B></FONT>> labeldistance=1.5`}, []string{" label="}},
		{"labels", Options{Notes: "labels"}, []string{`xlabel="? field"`, ` label=<<TABLE`, ">Is Sarukhán an expert in</FONT>", ">the law of self-defence?</FONT>"}, []string{"taillabel"}},
		{"labels on a grid", Options{Notes: "labels", Places: places}, []string{` xlabel=<<TABLE`, ">? field: Is Sarukhán an expert</FONT>"}, []string{"taillabel", ` label=`, `xlabel="`, "fontname=\"DejaVu Sans\" fontname"}},
		{"none", Options{Notes: "none"}, []string{`xlabel="? field"`}, []string{"taillabel", " label=", "Is Sarukhán"}},
	} {
		got := edge(write(t, m, tc.opts))
		for _, s := range tc.has {
			if !strings.Contains(got, s) {
				t.Errorf("%s: no %s in %s", tc.name, s, got)
			}
		}
		for _, s := range tc.not {
			if strings.Contains(strings.SplitN(got, "tooltip=", 2)[0], s) {
				t.Errorf("%s: %s in %s", tc.name, s, got)
			}
		}
	}
	if tip := Tooltips(m)["strike"]; !strings.Contains(tip, "\nNote: The map's conclusion: everything else bears on it.\n") {
		t.Errorf("the tooltip of strike has no note: %q", tip)
	}
}
