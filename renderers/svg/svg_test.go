package svg

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/page"
	"github.com/argmap/argmap/semantics"
)

func TestFinish(t *testing.T) {
	in := `<g id="odd&#45;kind" class="node argument">
<title>odd&#45;kind</title>
<text font-family="DejaVu Sans" x="1">a</text><text font-family="Times">b</text>
</g>
<g id="a.supports.b" class="edge support">
<title>a&#45;&gt;b</title>
</g>
<g id="x" class="node">
<title>x</title>
</g>
`
	want := `<g id="odd&#45;kind" class="node argument">
<title>odd-kind (claim):
Claims &lt;b&gt; &amp; “quotes”</title>
<text font-family="` + fonts.CSSFamily + `" x="1">a</text><text font-family="Times">b</text>
</g>
<g id="a.supports.b" class="edge support">
<title>a supports b: a note</title>
</g>
<g id="x" class="node">
<title>x</title>
</g>
`
	titles := map[string]string{"odd-kind": "odd-kind (claim):\nClaims <b> & “quotes”", "a.supports.b": "a supports b: a note"}
	if got := string(Finish([]byte(in), titles)); got != want {
		t.Errorf("Finish =\n%s\nwant\n%s", got, want)
	}
}

// TestFinishLinks checks that Graphviz's links, SVG 1.1's, get SVG 2's
// href too, and that nothing else named like one changes.
func TestFinishLinks(t *testing.T) {
	in := `<g id="a_clust1_2"><a xlink:href="https://example.org/?a=1&amp;b=2" xlink:title="https://example.org/?a=1&amp;b=2" target="_blank">
<text x="1">https://example.org/?a=1&amp;b=2</text>
</a>
</g>
<g id="a_edge1"><a xlink:title="a supports b">
<text>xlink:href=&quot;x&quot;</text></a></g>
`
	want := `<g id="a_clust1_2"><a href="https://example.org/?a=1&amp;b=2" xlink:href="https://example.org/?a=1&amp;b=2" xlink:title="https://example.org/?a=1&amp;b=2" target="_blank">
<text x="1">https://example.org/?a=1&amp;b=2</text>
</a>
</g>
<g id="a_edge1"><a xlink:title="a supports b">
<text>xlink:href=&quot;x&quot;</text></a></g>
`
	if got := string(Finish([]byte(in), nil)); got != want {
		t.Errorf("Finish =\n%s\nwant\n%s", got, want)
	}
}

// maps are the maps the browser test draws: the example in every theme and
// grouped, and the test maps of package dot, one with statuses.
var maps = []struct {
	file string
	opts dot.Options
}{
	{"../../examples/drone-strikes/debate.toml", dot.Options{}},
	{"../../examples/drone-strikes/debate.toml", dot.Options{Theme: "dark", GroupBy: "party", Direction: "BT"}},
	{"../../examples/drone-strikes/debate.toml", dot.Options{Theme: "print", GroupBy: "file"}},
	{"../dot/testdata/escaping.toml", dot.Options{GroupBy: "kind"}},
	{"../dot/testdata/notes.toml", dot.Options{Notes: "labels"}},
	{"../dot/testdata/notes.toml", dot.Options{Theme: "dark", Direction: "TB"}},
	{"../dot/testdata/relations.toml", dot.Options{Theme: "print", Labelling: &dot.Labelling{Semantics: "grounded semantics",
		Labels: map[string]semantics.Label{"a": semantics.In, "b": semantics.Out, "c": semantics.Undec}}}},
}

// drawSVG draws a map as argmap render does.
func drawSVG(t *testing.T, e *graphviz.Engine, file string, opts dot.Options) []byte {
	t.Helper()
	loader := &arguments.Loader{}
	m, diags := loader.Load(file)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", file, diags)
	}
	var src bytes.Buffer
	if err := dot.Write(&src, m, opts); err != nil {
		t.Fatal(err)
	}
	outs, err := e.Render(context.Background(), src.Bytes(), "svg")
	if err != nil {
		t.Fatal(err)
	}
	return Finish(outs[0], dot.Tooltips(m))
}

// chromium returns the path of a Chromium or Chrome browser, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// measureScript measures, once the fonts are loaded, every text of every
// node against the node's shape, of every group against the group's frame,
// and every other text against the page.
const measureScript = `
document.fonts.ready.then(() => {
  const box = (b) => ({x: b.x, y: b.y, w: b.width, h: b.height});
  const out = {texts: [], family: ""};
  for (const svg of document.querySelectorAll('svg')) {
    const page = box(svg.querySelector('g.graph > polygon').getBBox());
    for (const t of svg.querySelectorAll('text')) {
      const node = t.closest('g.node') || t.closest('g.cluster');
      const shape = node ? node.querySelector('path, polygon') : null;
      out.texts.push({
        map: svg.dataset.map, node: node ? node.id : "", text: t.textContent,
        box: box(t.getBBox()), length: t.getComputedTextLength(),
        size: parseFloat(t.getAttribute('font-size')), bold: t.getAttribute('font-weight') === 'bold',
        shape: shape ? box(shape.getBBox()) : page,
      });
    }
    out.family = getComputedStyle(svg.querySelector('text')).fontFamily;
  }
  document.getElementById('result').textContent = JSON.stringify(out);
});
`

type measured struct {
	Texts []struct {
		Map, Node, Text string
		Box, Shape      struct{ X, Y, W, H float64 }
		Length, Size    float64
		Bold            bool
	}
	Family string
}

// TestBrowser draws maps as SVG, loads them in headless Chromium and checks
// that every label fits its box, and that the browser sets the text in
// DejaVu Sans exactly as package fonts measured it. It is skipped when no
// Chromium is installed (Debian packages: chromium, fonts-dejavu-core).
func TestBrowser(t *testing.T) {
	browser := chromium()
	if browser == "" {
		t.Skip("no Chromium: install the Debian packages chromium and fonts-dejavu-core to run this test")
	}
	e, err := graphviz.New(context.Background(), graphviz.Options{CacheDir: filepath.Join(t.TempDir(), "cache")})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close(context.Background())
	var page strings.Builder
	page.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n")
	xmlDecl := regexp.MustCompile(`(?s)^.*?<svg `)
	for i, m := range maps {
		svg := string(drawSVG(t, e, m.file, m.opts))
		fmt.Fprintf(&page, "<div>%s</div>\n", xmlDecl.ReplaceAllString(svg, fmt.Sprintf(`<svg data-map="%d" `, i)))
	}
	fmt.Fprintf(&page, "<pre id=\"result\">pending</pre>\n<script>%s</script>\n</body></html>\n", measureScript)
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "--virtual-time-budget=10000",
		"file://"+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
	}
	res := regexp.MustCompile(`<pre id="result">([^<]*)</pre>`).FindSubmatch(out)
	if res == nil || string(res[1]) == "pending" {
		t.Fatalf("no measurements from the browser:\n%.2000s", out)
	}
	var got measured
	if err := json.Unmarshal([]byte(html.UnescapeString(string(res[1]))), &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Family, "DejaVu Sans") {
		t.Errorf("font-family %q", got.Family)
	}
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	const slack = 0.5 // points
	nodes := map[string]bool{}
	for _, tx := range got.Texts {
		if strings.TrimSpace(tx.Text) == "" {
			continue
		}
		where := fmt.Sprintf("map %s, %s, %q", tx.Map, tx.Node, tx.Text)
		if tx.Node != "" {
			nodes[tx.Map+"/"+tx.Node] = true
		}
		// Inside the box, horizontally and vertically.
		b, s := tx.Box, tx.Shape
		if b.X < s.X-slack || b.X+b.W > s.X+s.W+slack || b.Y < s.Y-slack || b.Y+b.H > s.Y+s.H+slack {
			t.Errorf("%s: text %+v sticks out of its box %+v", where, b, s)
		}
		// Set in DejaVu Sans: as wide as package fonts measures it, less
		// the browser's kerning. A fallback font would be narrower. SVG
		// viewers do not draw spaces at the ends of a text (a space between
		// two runs ends the first run).
		want := fs.Face(tx.Bold).Width(strings.Trim(tx.Text, " "), tx.Size)
		if tx.Length > want+slack || tx.Length < 0.97*want-slack {
			t.Errorf("%s: the browser sets it %.2f pt wide, package fonts measures %.2f pt: is DejaVu Sans installed?", where, tx.Length, want)
		}
		if math.IsNaN(tx.Length) {
			t.Errorf("%s: no length", where)
		}
	}
	// Every argument of every map was measured.
	for i, m := range maps {
		loader := &arguments.Loader{}
		mp, _ := loader.Load(m.file)
		for _, a := range mp.Arguments {
			if !nodes[fmt.Sprintf("%d/%s", i, a.ID)] {
				t.Errorf("map %d: no text measured in %s", i, a.ID)
			}
		}
	}
	t.Logf("%d texts measured in %s", len(got.Texts), browser)
}

// TestRightToLeft sets a right-aligned Arabic line, which dot marks with
// U+200F, from its cell's right edge: Graphviz's x plus its estimate of
// the width; other lines are left as they are.
func TestRightToLeft(t *testing.T) {
	fs, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	line := "\u200fيمتنع أعضاء"
	in := `<text text-anchor="start" x="10" y="-5" font-family="DejaVu Sans" font-size="10.00" fill="#000">` + line + `</text>` + "\n" +
		`<text text-anchor="start" x="10" y="-20" font-family="DejaVu Sans" font-size="10.00" fill="#000">العربية</text>`
	got := string(Finish([]byte(in), nil))
	right := strconv.FormatFloat(10+fs.Regular.GraphvizWidth(line, 10), 'f', 2, 64)
	if !strings.Contains(got, `<text text-anchor="start" direction="rtl" x="`+right+`" y="-5"`) {
		t.Errorf("the marked line is not set from x=%s:\n%s", right, got)
	}
	if !strings.Contains(got, `<text text-anchor="start" x="10" y="-20"`) {
		t.Errorf("the unmarked line moved:\n%s", got)
	}
}

// TestMoveEnds moves the end of one arrow of a drawing as Graphviz writes
// it, with a tee (a polygon and a polyline): the arrowhead moves, and the
// path's last two points, in the SVG's coordinates (y downwards); the
// other arrow, and the label, stay.
func TestMoveEnds(t *testing.T) {
	in := `<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 100)">
<g id="a.attacks.b" class="edge attack">
<title>a&#45;&gt;b</title>
<g id="a_a.attacks.b"><a xlink:title="a attacks b">
<path fill="none" stroke="#a01818" stroke-width="2.2" d="M100,-50C80,-50 60,-50 40.5,-50"/>
<polygon fill="#a01818" stroke="#a01818" stroke-width="2.2" points="38,-54 38,-46 40,-46 40,-54 38,-54"/>
<polyline fill="none" stroke="#a01818" stroke-width="2.2" points="36,-50 40.5,-50"/>
</a>
</g>
<text x="70" y="-55">label</text>
</g>
<g id="c.supports.b" class="edge support">
<path fill="none" stroke="#43a047" d="M100,-10C80,-10 60,-10 40,-10"/>
</g>
</g>`
	want := `<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 100)">
<g id="a.attacks.b" class="edge attack">
<title>a&#45;&gt;b</title>
<g id="a_a.attacks.b"><a xlink:title="a attacks b">
<path fill="none" stroke="#a01818" stroke-width="2.2" d="M100,-50C80,-50 60.5,-55 41.5,-60"/>
<polygon fill="#a01818" stroke="#a01818" stroke-width="2.2" points="39,-64 39,-56 41,-56 41,-64 39,-64"/>
<polyline fill="none" stroke="#a01818" stroke-width="2.2" points="37,-60 41.5,-60"/>
</a>
</g>
<text x="70" y="-55">label</text>
</g>
<g id="c.supports.b" class="edge support">
<path fill="none" stroke="#43a047" d="M100,-10C80,-10 60,-10 40,-10"/>
</g>
</g>`
	// Up by 10 points and right by 1, in Graphviz's coordinates.
	got := string(MoveEnds([]byte(in), map[string]drawing.Point{"a.attacks.b": {X: 1, Y: 10}, "no.such.arrow": {X: 5}}))
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := MoveEnds([]byte(in), nil); string(got) != in {
		t.Error("changed with nothing to move")
	}
}

// TestPlace checks that Place sets the root's size to the page, in
// millimetres, and its viewBox to put the drawing at its place, scaled.
func TestPlace(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="1229pt" height="1239pt"
 viewBox="0.00 0.00 1228.63 1239.41" xmlns="http://www.w3.org/2000/svg">
<g id="argmap.map" class="graph"><svg width="1pt" height="1pt" viewBox="0 0 1 1"/></g>
</svg>
`
	lay := page.Layout{Width: 595.28, Height: 841.89, Scale: 0.5, Left: 42.52, Top: 42.52, Right: 1214.23,
		Frames: []page.Frame{{Left: 14.4, Top: 14.4, Bottom: 1225.01}}}
	got := string(Place([]byte(in), lay))
	want := strings.Replace(in, `<svg width="1229pt" height="1239pt"
 viewBox="0.00 0.00 1228.63 1239.41"`, `<svg width="210.00mm" height="297.00mm"
 viewBox="-70.64 -70.64 1190.56 1683.78"`, 1)
	if got != want {
		t.Errorf("Place gives\n%s\nwant\n%s", got, want)
	}
}
