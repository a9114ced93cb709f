package main

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/mapgen"
)

// End-to-end tests of argmap render, run on the binary that TestMain
// builds. Golden files are in testdata/render; go test -update rewrites
// them, and docs/drone-strikes.svg.

// renderEnv is the environment of argmap in these tests: a home and cache
// directory of their own (removed with the binary by TestMain), so that
// the tests neither use nor fill the user's cache, and a temporary
// directory of their own, to check that nothing is written there.
func renderEnv(t *testing.T, home string) []string {
	t.Helper()
	if home == "" {
		home = filepath.Join(filepath.Dir(argmapBin), "home")
	}
	tmp := filepath.Join(home, "tmp")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "HOME", "XDG_CACHE_HOME", "LocalAppData", "TMPDIR":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"LocalAppData="+filepath.Join(home, "AppData"), "TMPDIR="+tmp)
}

// argmapRender runs argmap in dir with the test environment and returns its
// result, standard output as bytes.
func argmapRender(t *testing.T, dir, home string, args ...string) (result, []byte) {
	t.Helper()
	cmd := exec.Command(argmapBin, args...)
	cmd.Dir = dir
	cmd.Env = renderEnv(t, home)
	return runArgmap(t, cmd)
}

func renderGolden(t *testing.T, name, got string) {
	t.Helper()
	compareGolden(t, filepath.Join("testdata", "render", name+".golden"), got)
}

func TestRenderGolden(t *testing.T) {
	e2e := filepath.Join("testdata", "e2e")
	tests := []struct {
		name string
		dir  string
		args []string
		code int
	}{
		// The example's DOT, the input of every other format.
		{"example-dot", repoRoot, []string{"render", "--format", "dot", "examples/drone-strikes/debate.toml"}, 0},
		{"unknown-format-gv", repoRoot, []string{"render", "-o", "-", "-f", "gv", "examples/drone-strikes/debate.toml"}, 2},
		// Warnings are reported and do not stop the drawing, but with --strict.
		{"warnings", filepath.Join(e2e, "warnings"), []string{"render", "-f", "dot", "map.toml"}, 0},
		{"warnings-strict", filepath.Join(e2e, "warnings"), []string{"render", "map.toml", "--strict"}, 1},
		// Errors: the diagnostics of argmap check, on standard error, and
		// nothing drawn.
		{"broken", filepath.Join(e2e, "broken"), []string{"render", "debate.toml"}, 1},
		{"missing-file", e2e, []string{"render", "nosuch.toml"}, 1},
		// Usage errors.
		{"no-path", e2e, []string{"render"}, 2},
		{"two-paths", e2e, []string{"render", "broken/debate.toml", "warnings/map.toml"}, 2},
		{"unknown-format", e2e, []string{"render", "--format", "gif", "warnings/map.toml"}, 2},
		{"unknown-extension", e2e, []string{"render", "-o", "map.jpeg", "warnings/map.toml"}, 2},
		{"dpi-not-png", e2e, []string{"render", "--dpi", "300", "-o", "map.svg", "warnings/map.toml"}, 2},
		{"dpi-out-of-range", e2e, []string{"render", "--dpi", "0", "-f", "png", "warnings/map.toml"}, 2},
		{"unknown-flag", e2e, []string{"render", "--fromat", "svg", "warnings/map.toml"}, 2},
		{"unknown-theme", e2e, []string{"render", "--theme", "neon", "warnings/map.toml"}, 2},
		{"unknown-direction", e2e, []string{"render", "--direction", "up", "warnings/map.toml"}, 2},
		{"unknown-group-by", e2e, []string{"render", "--group-by", "colour", "warnings/map.toml"}, 2},
		{"unknown-notes", e2e, []string{"render", "--notes", "endnotes", "warnings/map.toml"}, 2},
		{"unknown-sources", e2e, []string{"render", "-f", "dot", "--sources", "all", "warnings/map.toml"}, 2},
		// Notes and sources: footnotes and the list (the defaults), notes
		// as labels, neither.
		{"notes-dot", filepath.Join(e2e, "notes"), []string{"render", "-f", "dot", "map.toml"}, 0},
		{"notes-dot-labels", filepath.Join(e2e, "notes"), []string{"render", "-f", "dot", "--notes", "labels", "--sources", "none", "map.toml"}, 0},
		{"notes-dot-none", filepath.Join(e2e, "notes"), []string{"render", "-f", "dot", "--notes=none", "--sources=none", "map.toml"}, 0},
		// --support and --without change labels, which need --semantics.
		{"support-without-semantics", e2e, []string{"render", "--support", "necessary", "warnings/map.toml"}, 2},
		{"without-without-semantics", e2e, []string{"render", "-f", "dot", "--without", "a", "warnings/map.toml"}, 2},
		// The options of a report, on the example.
		{"example-dot-report", repoRoot, []string{"render", "-f", "dot", "--theme", "print", "--group-by", "party",
			"--direction", "bt", "--no-legend", "--title", "Drone strikes: the arguments", "examples/drone-strikes/debate.toml"}, 0},
		{"example-dot-grouped-by-file", repoRoot, []string{"render", "-f", "dot", "--group-by", "file", "--legend=false", "--title", "", "examples/drone-strikes/debate.toml"}, 0},
		// Tags: frames by the first tag, with a note on the arguments
		// that have several; by one family; a family the map lacks.
		{"example-dot-grouped-by-tag", repoRoot, []string{"render", "-f", "dot", "--group-by", "tag", "--party-marks=false", "examples/drone-strikes/debate.toml"}, 0},
		{"example-dot-grouped-by-tag-family", repoRoot, []string{"render", "-f", "dot", "--group-by", "tag:Legal Basis", "--theme", "print", "examples/drone-strikes/debate.toml"}, 0},
		{"unknown-tag-family", repoRoot, []string{"render", "-f", "dot", "--group-by", "tag:legal bases", "examples/drone-strikes/debate.toml"}, 2},
		{"no-tag-families", e2e, []string{"render", "-f", "dot", "--group-by", "tag:legal basis", "warnings/map.toml"}, 2},
		{"empty-tag-family", e2e, []string{"render", "--group-by", "tag:", "warnings/map.toml"}, 2},
		// Compact boxes (titles, the claims in a key below), and a figure
		// fitted to a page: what render chose is said on standard error.
		{"example-dot-compact", repoRoot, []string{"render", "-f", "dot", "--compact", "examples/drone-strikes/debate.toml"}, 0},
		{"example-dot-show", repoRoot, []string{"render", "-f", "dot", "--show", "kind,title,id", "--theme", "print", "examples/caroline/debate.toml"}, 0},
		{"example-dot-page-a4", repoRoot, []string{"render", "-f", "dot", "--page", "a4", "examples/drone-strikes/debate.toml"}, 0},
		{"example-dot-page-letter-landscape", repoRoot, []string{"render", "-f", "dot", "--page", "LETTER", "--orientation", "landscape", "--fit", "page", "--margin", "0.5in", "examples/syria-2014/debate.toml"}, 0},
		{"example-png-page-long", repoRoot, []string{"render", "-f", "png", "-o", "/dev/null", "--page", "a4", "examples/drone-strikes/debate.toml"}, 0},
		{"example-page-too-small", repoRoot, []string{"render", "-f", "pdf", "-o", "/dev/null", "--page", "a5", "--fit", "page", "examples/drone-strikes/debate.toml"}, 1},
		{"example-page-too-small-show", repoRoot, []string{"render", "-f", "pdf", "-o", "/dev/null", "--page", "a4", "--show", "claim", "examples/drone-strikes/debate.toml"}, 1},
		// Usage errors of the page and of the boxes.
		{"page-no-unit", e2e, []string{"render", "--page", "210x297", "warnings/map.toml"}, 2},
		{"page-unknown", e2e, []string{"render", "--page", "a6", "warnings/map.toml"}, 2},
		{"page-out-of-range", e2e, []string{"render", "--page", "10x10mm", "warnings/map.toml"}, 2},
		{"page-html", e2e, []string{"render", "--page", "a4", "-f", "html", "warnings/map.toml"}, 2},
		{"fit-without-page", e2e, []string{"render", "--fit", "page", "warnings/map.toml"}, 2},
		{"unknown-fit", e2e, []string{"render", "--page", "a4", "--fit", "height", "warnings/map.toml"}, 2},
		{"unknown-orientation", e2e, []string{"render", "--page", "a4", "--orientation", "sideways", "warnings/map.toml"}, 2},
		{"bad-margin", e2e, []string{"render", "--page", "a4", "--margin", "15", "warnings/map.toml"}, 2},
		{"margin-too-large", e2e, []string{"render", "--page", "a5", "--margin", "70mm", "warnings/map.toml"}, 2},
		{"min-text-out-of-range", e2e, []string{"render", "--page", "a4", "--min-text", "0", "warnings/map.toml"}, 2},
		{"compact-and-show", e2e, []string{"render", "--compact", "--show", "title", "warnings/map.toml"}, 2},
		{"unknown-show-field", e2e, []string{"render", "--show", "title,claims", "warnings/map.toml"}, 2},
		{"empty-show", e2e, []string{"render", "--show", ",", "warnings/map.toml"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := argmapRender(t, tt.dir, "", tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%.3000s", r.code, tt.code, r)
			}
			renderGolden(t, tt.name, fmt.Sprintf("$ argmap %s\n%s", strings.Join(tt.args, " "), r))
		})
	}
}

// TestRenderReportsAsCheck checks that render reports a map's problems
// exactly as argmap check does.
func TestRenderReportsAsCheck(t *testing.T) {
	for _, dir := range []string{"broken", "warnings"} {
		dir := filepath.Join("testdata", "e2e", dir)
		file := "debate.toml"
		if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
			file = "map.toml"
		}
		check, _ := argmapRender(t, dir, "", "check", file)
		r, _ := argmapRender(t, dir, "", "render", "-f", "dot", file)
		got := strings.TrimSuffix(r.stderr, "argmap: not drawing debate.toml: the map has errors\n")
		if got != check.stdout {
			t.Errorf("%s: render reports\n%s\ncheck reports\n%s", dir, got, check.stdout)
		}
	}
}

// svgDoc is what TestRenderSVG reads of an SVG document.
type svgDoc struct {
	Width  string  `xml:"width,attr"`
	Height string  `xml:"height,attr"`
	Groups []group `xml:"g"`
}

type group struct {
	ID     string  `xml:"id,attr"`
	Class  string  `xml:"class,attr"`
	Title  string  `xml:"title"`
	Groups []group `xml:"g"`
	Texts  []struct {
		Family string `xml:"font-family,attr"`
		Text   string `xml:",chardata"`
	} `xml:"text"`
}

// walk calls f for every group, depth first.
func (g group) walk(f func(group)) {
	f(g)
	for _, c := range g.Groups {
		c.walk(f)
	}
}

// relationIDs returns the ids of the arrows of a map's relations: one per
// relation, however often it is given.
func relationIDs(m *arguments.Map) map[string]bool {
	ids := map[string]bool{}
	for _, r := range m.Relations {
		verb := map[string]string{"support": "supports", "attack": "attacks"}[r.Type.String()]
		ids[r.From+"."+verb+"."+r.To] = true
	}
	return ids
}

func loadMap(t *testing.T, file string) *arguments.Map {
	t.Helper()
	l := &arguments.Loader{}
	m, diags := l.Load(file)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", file, diags)
	}
	return m
}

// checkSVG parses an SVG drawing of a map: it must have a box for every
// argument, with the argument's id, and an arrow for every relation.
func checkSVG(t *testing.T, data []byte, m *arguments.Map) {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the SVG does not parse: %v", err)
	}
	nodes, edges := map[string]bool{}, map[string]bool{}
	families := map[string]bool{}
	for _, g := range doc.Groups {
		g.walk(func(g group) {
			class := strings.Fields(g.Class)
			if len(class) == 0 {
				return
			}
			// Graphviz's class, then argmap's: "node argument kind-law".
			switch class[0] {
			case "node":
				if nodes[g.ID] {
					t.Errorf("two boxes with id %s", g.ID)
				}
				if !slices.Contains(class, "argument") {
					return // a linked reason's junction, an inference on an arrow
				}
				nodes[g.ID] = true
				// The tooltip: the whole claim.
				if a := m.Argument(g.ID); a != nil && !strings.Contains(g.Title, strings.Join(strings.Fields(a.Claim), " ")) {
					t.Errorf("the title of %s lacks its claim: %q", g.ID, g.Title)
				}
			case "edge":
				if edges[g.ID] {
					t.Errorf("two arrows with id %s", g.ID)
				}
				edges[g.ID] = true
				// A linked reason's id joins its members with "+"; its title
				// names them "a + b".
				if from, _, ok := strings.Cut(g.ID, "."); !ok || !strings.HasPrefix(g.Title, strings.ReplaceAll(from, "+", " + ")+" ") {
					t.Errorf("the title of %s: %q", g.ID, g.Title)
				}
			}
			for _, tx := range g.Texts {
				families[tx.Family] = true
			}
		})
	}
	for _, a := range m.Arguments {
		if !nodes[a.ID] {
			t.Errorf("no box with id %s", a.ID)
		}
	}
	if len(nodes) != len(m.Arguments) {
		t.Errorf("%d boxes, want %d", len(nodes), len(m.Arguments))
	}
	// Every relation has its arrow, and every arrow is a relation's: drawn
	// whole, or in parts whose ids extend the relation's (the premise of an
	// undercut inference, the members of a linked reason), or a critical
	// question raised or answered.
	want := relationIDs(m)
	for id := range want {
		if !edges[id] {
			t.Errorf("no arrow with id %s", id)
		}
	}
	for id := range edges {
		rel, _, _ := strings.Cut(strings.Replace(id, ".premise", "\x00", 1), "\x00")
		if !want[rel] && !strings.Contains(id, ".raises-") && !strings.Contains(id, ".answers-") && !strings.HasSuffix(id, ".undercuts") && !strings.Contains(id, ".undercuts.") {
			t.Errorf("arrow %s is no relation of the map", id)
		}
	}
	if len(families) != 1 || !families["DejaVu Sans,Bitstream Vera Sans,Noto Sans CJK SC,Noto Sans CJK JP,Droid Sans Fallback,WenQuanYi Zen Hei,PingFang SC,Hiragino Sans,Microsoft YaHei,Yu Gothic,Malgun Gothic,sans-serif"] {
		t.Errorf("font families %v", families)
	}
}

func TestRenderSVG(t *testing.T) {
	example := filepath.Join(repoRoot, "examples", "drone-strikes", "debate.toml")
	m := loadMap(t, example)
	out := filepath.Join(t.TempDir(), "map.svg")
	r, _ := argmapRender(t, ".", "", "render", "-o", out, example)
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("render failed or talked:\n%s", r)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, data, m)
	// The same to standard output, SVG being the default.
	r, stdout := argmapRender(t, ".", "", "render", example)
	if r.code != 0 || !bytes.Equal(stdout, data) {
		t.Errorf("SVG on standard output differs from -o's (exit %d)", r.code)
	}
}

// TestRenderFormats draws the example in every format, twice: the outputs
// must be what their names say, and the same bytes both times.
func TestRenderFormats(t *testing.T) {
	example := filepath.Join(repoRoot, "examples", "drone-strikes", "debate.toml")
	m := loadMap(t, example)
	dir := t.TempDir()
	tests := []struct {
		format string
		args   []string
		check  func(t *testing.T, data []byte)
	}{
		{"svg", nil, func(t *testing.T, data []byte) { checkSVG(t, data, m) }},
		{"png", nil, checkPNG},
		{"png", []string{"--dpi", "96"}, checkPNG},
		{"png", []string{"--theme", "print", "--group-by", "party"}, checkPNG},
		{"pdf", []string{"--theme", "dark", "--direction", "TB"}, func(t *testing.T, data []byte) { checkPDF(t, data, m) }},
		{"pdf", nil, func(t *testing.T, data []byte) { checkPDF(t, data, m) }},
		{"dot", nil, func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte("// Unilateral US drone strikes")) || !bytes.Contains(data, []byte("digraph argmap {")) {
				t.Errorf("not argmap's DOT: %.100s", data)
			}
		}},
	}
	for i, tt := range tests {
		t.Run(tt.format+strings.Join(tt.args, ""), func(t *testing.T) {
			var outs [][]byte
			for run := range 2 {
				// By extension, then by --format.
				out := filepath.Join(dir, fmt.Sprintf("map%d-%d.%s", i, run, tt.format))
				args := append([]string{"render", "-o", out}, tt.args...)
				if run == 1 {
					out = filepath.Join(dir, fmt.Sprintf("map%d-%d.out", i, run))
					args = append([]string{"render", "-o", out, "--format", tt.format}, tt.args...)
				}
				start := time.Now()
				r, _ := argmapRender(t, ".", "", append(args, example)...)
				if r.code != 0 {
					t.Fatalf("%s", r)
				}
				t.Logf("%s: %v", tt.format, time.Since(start).Round(time.Millisecond))
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, data)
			}
			tt.check(t, outs[0])
			if !bytes.Equal(outs[0], outs[1]) {
				t.Error("two runs give different bytes")
			}
		})
	}
}

func checkPNG(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || len(data) < 24 || string(data[12:16]) != "IHDR" {
		t.Fatalf("not a PNG: %q", data[:min(len(data), 16)])
	}
	w, h := binary.BigEndian.Uint32(data[16:]), binary.BigEndian.Uint32(data[20:])
	if w < 500 || h < 500 {
		t.Errorf("image %d × %d", w, h)
	}
	if !bytes.HasSuffix(data, []byte("IEND\xaeB`\x82")) {
		t.Error("no IEND chunk")
	}
}

func checkPDF(t *testing.T, data []byte, m *arguments.Map) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) || !bytes.HasSuffix(data, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q", data[:min(len(data), 10)])
	}
	if n := bytes.Count(data, []byte("/Type /Page ")); n != 1 {
		t.Errorf("%d pages", n)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed (Debian package poppler-utils): the PDF's text is not checked")
		return
	}
	// Without -raw, pdftotext reads the columns of a block one by one:
	// each entry whole.
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	text, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, a := range m.Arguments {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(a.ID) + `\b`).Match(text) {
			t.Errorf("pdftotext finds no id %s", a.ID)
		}
	}
}

// TestRenderAtomic checks that a failed render leaves an existing output
// file alone, that a successful one replaces it (keeping its permissions),
// and that no temporary file is left either way.
func TestRenderAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.svg")
	if err := os.WriteFile(out, []byte("old drawing"), 0o640); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join("testdata", "e2e", "broken", "debate.toml")
	good := filepath.Join("testdata", "e2e", "warnings", "map.toml")
	listing := func() []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	tests := []struct {
		name  string
		args  []string
		code  int
		after string // the content of out afterwards, or "" for a drawing
	}{
		{"errors in the map", []string{"render", "-o", out, broken}, 1, "old drawing"},
		{"warnings with --strict", []string{"render", "--strict", "-o", out, good}, 1, "old drawing"},
		{"usage error", []string{"render", "-o", out, "--dpi", "300", good}, 2, "old drawing"},
		{"drawn", []string{"render", "-o", out, good}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := argmapRender(t, ".", "", tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tt.code, r)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if tt.after != "" && string(data) != tt.after {
				t.Errorf("%s was changed: %.100q", out, data)
			}
			if tt.after == "" && !bytes.Contains(data, []byte("<svg")) {
				t.Errorf("%s was not replaced by a drawing: %.100q", out, data)
			}
			if names := listing(); len(names) != 1 || names[0] != "map.svg" {
				t.Errorf("the directory holds %v, want only map.svg", names)
			}
		})
	}
	if st, err := os.Stat(out); err != nil || (runtime.GOOS != "windows" && st.Mode().Perm() != 0o640) {
		t.Errorf("the replaced file's mode: %v, %v", st.Mode(), err)
	}
	// An output that cannot be written: a directory.
	r, _ := argmapRender(t, ".", "", "render", "-f", "svg", "-o", dir, good)
	if r.code != 1 || !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("writing to a directory:\n%s", r)
	}
	if names := listing(); len(names) != 1 {
		t.Errorf("the directory holds %v", names)
	}
}

// TestRenderCache checks where Graphviz's compiled code goes: into the
// user's cache directory, private, and never into the shared temporary
// directory; and that argmap check does not start Graphviz at all.
func TestRenderCache(t *testing.T) {
	home := t.TempDir()
	good := filepath.Join("testdata", "e2e", "warnings", "map.toml")
	cache := filepath.Join(home, ".cache", "argmap", "graphviz")
	tmp := filepath.Join(home, "tmp")

	r, _ := argmapRender(t, ".", home, "check", good)
	if r.code != 0 {
		t.Fatal(r)
	}
	if _, err := os.Stat(cache); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("argmap check created the Graphviz cache: %v", err)
	}
	// A drawing without Graphviz: DOT.
	if r, _ := argmapRender(t, ".", home, "render", "-f", "dot", good); r.code != 0 {
		t.Fatal(r)
	}
	if _, err := os.Stat(cache); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("argmap render -f dot created the Graphviz cache: %v", err)
	}

	var times []time.Duration
	for range 2 {
		start := time.Now()
		if r, _ := argmapRender(t, ".", home, "render", good); r.code != 0 {
			t.Fatal(r)
		}
		times = append(times, time.Since(start))
	}
	t.Logf("argmap render of a small map: %v with a cold cache, %v warm", times[0].Round(time.Millisecond), times[1].Round(time.Millisecond))
	st, err := os.Stat(cache)
	if err != nil {
		t.Fatalf("no cache in %s: %v", cache, err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Errorf("cache mode %v, want 0700", st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the temporary directory holds %v", entries)
	}
}

// TestRenderTangled draws a generated map too tangled for the dot layout:
// it is placed by forces and drawn on a grid, in seconds.
func TestRenderTangled(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a map of 200 arguments")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "map.toml")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := mapgen.Write(f, 200, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	m := loadMap(t, file)
	start := time.Now()
	r, dot := argmapRender(t, ".", "", "render", "-f", "dot", file)
	if r.code != 0 {
		t.Fatal(r)
	}
	// Every argument placed, and the blocks below them (sources).
	if !bytes.Contains(dot, []byte("layout=nop")) || bytes.Count(dot, []byte(`pos="`)) != len(m.Arguments)+1 {
		t.Errorf("the DOT of a tangled map does not place every argument")
	}
	r, svg := argmapRender(t, ".", "", "render", file)
	if r.code != 0 {
		t.Fatal(r)
	}
	t.Logf("200 tangled arguments: DOT and SVG in %v", time.Since(start).Round(time.Millisecond))
	checkSVG(t, svg, m)
}

// TestREADMEDrawing keeps the drawing the README shows current: it draws
// the example again and compares. go test -update rewrites it.
func TestREADMEDrawing(t *testing.T) {
	const name = "docs/drone-strikes.svg"
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte("("+name+")")) {
		t.Errorf("README.md does not show %s", name)
	}
	r, svg := argmapRender(t, repoRoot, "", "render", "examples/drone-strikes/debate.toml")
	if r.code != 0 {
		t.Fatal(r)
	}
	path := filepath.Join(repoRoot, filepath.FromSlash(name))
	if *update {
		if err := os.WriteFile(path, svg, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, want) {
		t.Errorf("%s is out of date: go test ./cmd/argmap -update redraws it", name)
	}
}

// TestRenderOutput writes a drawing to every kind of node -o can name and
// checks that each is written as it should be, not replaced: a symbolic
// link's target, a FIFO's reader, a character device (one made here, of
// /dev/null's device, so that a failure damages no node of the system's),
// standard output.
func TestRenderOutput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links, FIFOs and devices are Unix's")
	}
	good, err := filepath.Abs(filepath.Join("testdata", "e2e", "warnings", "map.toml"))
	if err != nil {
		t.Fatal(err)
	}
	isDrawing := func(t *testing.T, data []byte) {
		t.Helper()
		if !bytes.Contains(data, []byte("<svg")) {
			t.Errorf("not a drawing: %.100q", data)
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // makes the node, returns -o's value
		check func(t *testing.T, dir string, r result, stdout []byte)
	}{{
		name: "symbolic link",
		setup: func(t *testing.T, dir string) string {
			if err := os.Symlink("target.svg", filepath.Join(dir, "link.svg")); err != nil {
				t.Fatal(err)
			}
			return "link.svg"
		},
		check: func(t *testing.T, dir string, r result, _ []byte) {
			if target, err := os.Readlink(filepath.Join(dir, "link.svg")); err != nil || target != "target.svg" {
				t.Errorf("the link was replaced: %q, %v", target, err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "target.svg"))
			if err != nil {
				t.Fatal(err)
			}
			isDrawing(t, data)
		},
	}, {
		name: "FIFO",
		setup: func(t *testing.T, dir string) string {
			name := filepath.Join(dir, "fifo.svg")
			if err := mkfifo(name); err != nil {
				t.Skip(err)
			}
			// A writer of the test's own, so that the reader's open
			// does not wait and its read ends, when the writer is
			// closed, even if argmap never opens the FIFO.
			keeper, err := os.OpenFile(name, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			got := make(chan []byte, 1)
			go func() {
				data, _ := os.ReadFile(name)
				got <- data
			}()
			t.Cleanup(func() {
				keeper.Close()
				isDrawing(t, <-got)
			})
			return "fifo.svg"
		},
		check: func(t *testing.T, dir string, r result, _ []byte) {
			if st, err := os.Lstat(filepath.Join(dir, "fifo.svg")); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the FIFO was replaced: %v, %v", st.Mode(), err)
			}
		},
	}, {
		name:  "character device",
		setup: func(t *testing.T, dir string) string { return mknodOrSkip(t, dir, "null.svg") },
		check: func(t *testing.T, dir string, r result, _ []byte) { isDevice(t, filepath.Join(dir, "null.svg")) },
	}, {
		// As /dev/null: no extension to tell the format, SVG then.
		name:  "character device without an extension",
		setup: func(t *testing.T, dir string) string { return mknodOrSkip(t, dir, "null") },
		check: func(t *testing.T, dir string, r result, _ []byte) { isDevice(t, filepath.Join(dir, "null")) },
	}, {
		name:  "/dev/stdout",
		setup: func(t *testing.T, dir string) string { return "/dev/stdout" },
		check: func(t *testing.T, dir string, r result, stdout []byte) { isDrawing(t, stdout) },
	}, {
		name:  "-",
		setup: func(t *testing.T, dir string) string { return "-" },
		check: func(t *testing.T, dir string, r result, stdout []byte) { isDrawing(t, stdout) },
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := tt.setup(t, dir)
			r, stdout := argmapRender(t, dir, "", "render", "-o", out, good)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r)
			}
			tt.check(t, dir, r, stdout)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}

// TestRenderInterrupt interrupts renders under way, with SIGINT and
// SIGTERM: the output file is left as it was, no temporary file is left
// beside it, and the exit status says which signal it was.
func TestRenderInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "map.toml")
	// Big enough that its drawing takes a second or more.
	writeGenerated(t, file, 1000)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(dir, "map.svg")
			if err := os.WriteFile(out, []byte("old drawing"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(argmapBin, "render", "-o", out, file)
			cmd.Env = renderEnv(t, "")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The temporary output file exists from the start of the
			// drawing: wait for it, then interrupt.
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var err error
		wait:
			for {
				select {
				case err = <-exited:
					t.Fatalf("argmap ended before its temporary file was seen: %v\n%s", err, stderr.String())
				default:
				}
				entries, _ := os.ReadDir(dir)
				for _, e := range entries {
					if strings.HasSuffix(e.Name(), ".tmp") {
						break wait
					}
				}
				runtime.Gosched()
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = <-exited
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
				t.Errorf("argmap ended with %v, want exit status %d\n%s", err, 128+int(sig), stderr.String())
			}
			if !strings.Contains(stderr.String(), "argmap: interrupted (SIG") || !strings.Contains(stderr.String(), "not drawn; the output was left as it was") {
				t.Errorf("stderr says:\n%s", stderr.String())
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != "old drawing" {
				t.Errorf("%s was changed: %.100q, %v", out, data, err)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file left: %s", e.Name())
				}
			}
		})
	}
}

// TestRenderLimits checks that a map larger than --max-arguments is not
// drawn, and that a drawing past --timeout is given up, both with a
// message saying what to do, leaving the output as it was.
func TestRenderLimits(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("testdata", "e2e", "warnings", "map.toml") // 4 arguments
	out := filepath.Join(dir, "map.svg")
	if err := os.WriteFile(out, []byte("old drawing"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--max-arguments", "3"}, 1, "has 4 arguments, more than render draws (3): draw the files it includes one by one, or raise the limit with --max-arguments 4"},
		{[]string{"--max-arguments", "-1"}, 2, "bad --max-arguments -1"},
		// A deadline that has passed before anything is done: the
		// drawing is given up wherever it is.
		{[]string{"--timeout", "1ns"}, 1, "timed out after 1ns drawing " + good + "; nothing was written: --timeout sets the limit (0 for none)"},
		{[]string{"--timeout", "1ns", "-f", "dot"}, 1, "timed out after 1ns"},
		{[]string{"--timeout", "soon"}, 2, `bad --timeout "soon"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := append(append([]string{"render", "-o", out}, tt.args...), good)
			r, _ := argmapRender(t, ".", "", args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit %d and %q:\n%s", tt.code, tt.want, r)
			}
			if data, err := os.ReadFile(out); err != nil || string(data) != "old drawing" {
				t.Errorf("%s was changed: %.100q, %v", out, data, err)
			}
		})
	}
	for _, args := range [][]string{{"--max-arguments", "4"}, {"--max-arguments", "0"}, {"--timeout", "0"}} {
		if r, _ := argmapRender(t, ".", "", append(append([]string{"render", "-f", "dot"}, args...), good)...); r.code != 0 {
			t.Errorf("%v: %s", args, r)
		}
	}
}

// mknodOrSkip makes a character device of /dev/null's device called base
// in dir, or skips the test if it cannot.
func mknodOrSkip(t *testing.T, dir, base string) string {
	t.Helper()
	name := filepath.Join(dir, base)
	if err := mknodNull(name); err != nil {
		t.Skipf("cannot make a device node (not root?): %v", err)
	}
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("cannot open a device node here (nodev?): %v", err)
	}
	f.Close()
	return base
}

func isDevice(t *testing.T, name string) {
	t.Helper()
	if st, err := os.Lstat(name); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v, %v", st.Mode(), err)
	}
}

// writeGenerated writes a generated map of n arguments to file.
func writeGenerated(t *testing.T, file string, n int) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := mapgen.Write(f, n, 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRenderNotes draws a map with notes and sources as a reader gets it:
// the notes, sources, quotes and addresses are text of the PDF, each web
// address a link there (a link annotation with its URI) and in the SVG (an
// <a> with its href), and no other address a link.
func TestRenderNotes(t *testing.T) {
	dir := filepath.Join("testdata", "e2e", "notes")
	m := loadMap(t, filepath.Join(dir, "map.toml"))
	links := []string{"https://www.reuters.com/world/americas/", "https://www.un.org/en/about-us/un-charter/chapter-7"}
	texts := []string{
		"NOTES", "1 The map's conclusion: everything else bears on it.", "2 Sheinbaum's words, at a press conference.",
		"3 Self-defence under Article 51 needs an armed attack.", "4 Article 2(4) prohibits the strike unless an exception applies.",
		"5 Is Sarukhán an expert in the law of self-defence?",
		"SOURCES", "[1] Reuters, 2025-02-25 https://www.reuters.com/world/americas/ “could legally justify more aggressive countermeasures” (designation)",
		"[2] NBC News", "[3] News analysis “would represent a violation of international law and an act of war” (expert)",
		"[4] Press conference of President Sheinbaum javascript:alert(1) “The people of Mexico will not, under any circumstances, accept intervention”",
		"[5] Charter of the United Nations, Art. 51 https://www.un.org/en/about-us/un-charter/chapter-7",
	}

	r, pdf := argmapRender(t, dir, "", "render", "-f", "pdf", "map.toml")
	if r.code != 0 {
		t.Fatal(r)
	}
	checkPDF(t, pdf, m)
	var uris []string
	for _, match := range regexp.MustCompile(`/Subtype /Link /Rect \[[-\d. ]+\] /Border \[0 0 0\] /A << /Type /Action /S /URI /URI \(([^)]*)\) >>`).FindAllSubmatch(pdf, -1) {
		uris = append(uris, string(match[1]))
	}
	if !slices.Equal(uris, links) {
		t.Errorf("the PDF links to %q, want %q", uris, links)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		// Without -raw, pdftotext reads the columns of a block one by one:
		// each entry whole.
		cmd := exec.Command("pdftotext", "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, want := range texts {
			if !strings.Contains(text, want) {
				t.Errorf("pdftotext: no %q in\n%s", want, text)
			}
		}
	}

	r, svg := argmapRender(t, dir, "", "render", "map.toml")
	if r.code != 0 {
		t.Fatal(r)
	}
	checkSVG(t, svg, m)
	var hrefs []string
	for _, match := range regexp.MustCompile(`<a href="([^"]*)" xlink:href="([^"]*)"`).FindAllSubmatch(svg, -1) {
		if string(match[1]) != string(match[2]) {
			t.Errorf("a link with href %s and xlink:href %s", match[1], match[2])
		}
		if !slices.Contains(hrefs, string(match[1])) {
			hrefs = append(hrefs, string(match[1]))
		}
	}
	if !slices.Equal(hrefs, links) {
		t.Errorf("the SVG links to %q, want %q", hrefs, links)
	}
	if bytes.Contains(svg, []byte(`href="javascript`)) {
		t.Error("the SVG links to a javascript: address")
	}
	for _, want := range []string{">NOTES<", ">SOURCES<", ">Is Sarukhán an expert in the law of self&#45;defence?<", ">javascript:alert(1)<"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("no %s in the SVG", want)
		}
	}
}
