package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/internal/nodetest"
	"github.com/argmap/argmap/schema"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// repoRoot is the repository, seen from this package; map names are
// relative to it, as argmap shows them when run from the root.
const repoRoot = "../.."

// maps returns the repository's example maps, by their names from the
// repository's root: every examples/*/debate.toml and docs/examples/*.toml.
func maps(t testing.TB) []string {
	t.Helper()
	var names []string
	for _, pattern := range []string{"examples/*/debate.toml", "docs/examples/*.toml", "docs/exchange/*.toml"} {
		found, err := filepath.Glob(filepath.Join(repoRoot, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			rel, _ := filepath.Rel(repoRoot, f)
			names = append(names, filepath.ToSlash(rel))
		}
	}
	if len(names) < 8 {
		t.Fatalf("found only %d example maps", len(names))
	}
	return names
}

// load loads the map named from the repository's root, which must have no
// errors.
func load(t testing.TB, name string) *arguments.Map {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(repoRoot); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	m, diags := (&arguments.Loader{}).Load(name)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags.Err())
	}
	return m
}

func export(t testing.TB, m *arguments.Map, format string, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(context.Background(), &b, m, format, opt); err != nil {
		t.Fatalf("%s: %s: %v", m.Root.Name, format, err)
	}
	return b.Bytes()
}

// TestGolden keeps the exports of two maps in testdata/golden: the small
// docs/examples/self-defence.toml (a linked reason, a convergent reason, an
// undercut attack) and the drone-strikes example, which has everything
// else. go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, name := range []string{"docs/examples/self-defence.toml", "examples/drone-strikes/debate.toml"} {
		m := load(t, name)
		base := strings.TrimSuffix(strings.ReplaceAll(name, "/", "_"), ".toml")
		for _, f := range Formats() {
			got := export(t, m, f.Name, Options{})
			golden := filepath.Join("testdata", "golden", base+"."+f.Name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s --format %s differs from %s (go test -update rewrites it):\n%s", name, f.Name, golden, firstDiff(got, want))
			}
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  got  %q\n  want %q", i+1, gl, wl)
		}
	}
	return "same lines"
}

// TestDeterministic exports every example twice, from maps loaded apart,
// and compares the bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range maps(t) {
		a, b := load(t, name), load(t, name)
		for _, f := range FormatNames() {
			if x, y := export(t, a, f, Options{}), export(t, b, f, Options{}); !bytes.Equal(x, y) {
				t.Errorf("%s --format %s: two runs differ:\n%s", name, f, firstDiff(x, y))
			}
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.ExportJSON))
	if err != nil {
		t.Fatalf("argmap-export.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ExportID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schema.ExportID)
	if err != nil {
		t.Fatalf("compiling argmap-export.schema.json: %v", err)
	}
	return sch
}

// TestJSONSchema validates the JSON export of every example against
// schema/argmap-export.schema.json, without an evaluation and with one of
// each kind (labels, scores, preferences decided), and checks that the
// schema rejects what is not an export.
func TestJSONSchema(t *testing.T) {
	sch := compileSchema(t)
	validate := func(what string, data []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: not JSON: %v", what, err)
		}
		return sch.Validate(v)
	}
	for _, name := range maps(t) {
		m := load(t, name)
		if err := validate(name, export(t, m, "json", Options{})); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, method := range []string{"grounded", "preferred", "df-quad", "carneades"} {
			meth, err := evaluate.ParseMethod(method)
			if err != nil {
				t.Fatal(err)
			}
			res, err := evaluate.Evaluate(context.Background(), m, evaluate.Options{Method: meth})
			if err != nil {
				t.Fatal(err)
			}
			data := export(t, m, "json", Options{Evaluation: res})
			if err := validate(name+" "+method, data); err != nil {
				t.Errorf("%s with %s: %v", name, method, err)
			}
			// The evaluation is eval's JSON, byte for byte.
			var doc struct{ Evaluation json.RawMessage }
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			var eval bytes.Buffer
			if err := WriteEvaluation(&eval, res); err != nil {
				t.Fatal(err)
			}
			var a, b any
			json.Unmarshal(doc.Evaluation, &a)
			json.Unmarshal(eval.Bytes(), &b)
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: the export's evaluation is not eval's JSON", name)
			}
		}
	}
	for _, bad := range []string{
		`{}`,
		`{"format": "argmap", "version": 2, "map": "m", "files": ["m"], "arguments": [], "relations": [], "undercuts": [], "questions": [], "preferences": [], "standards": {"alpha": 0.4, "beta": 0.3, "gamma": 0.2}, "schemes": [], "expectations": []}`,
		`{"format": "argmap", "version": 1, "map": "m", "files": ["m"], "arguments": [{"id": "a b", "claim": "x", "weight": 0.5}], "relations": [], "undercuts": [], "questions": [], "preferences": [], "standards": {"alpha": 0.4, "beta": 0.3, "gamma": 0.2}, "schemes": [], "expectations": []}`,
		`{"format": "argmap", "version": 1, "map": "m", "files": ["m"], "arguments": [], "relations": [{"type": "rebut", "from": "a", "to": "b", "entry": false}], "undercuts": [], "questions": [], "preferences": [], "standards": {"alpha": 0.4, "beta": 0.3, "gamma": 0.2}, "schemes": [], "expectations": []}`,
	} {
		if validate("bad", []byte(bad)) == nil {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}

// TestJSONContent checks what the JSON export says of a map against the
// map itself: every argument with its fields and position, every relation
// as written.
func TestJSONContent(t *testing.T) {
	m := load(t, "examples/drone-strikes/debate.toml")
	var d Document
	if err := json.Unmarshal(export(t, m, "json", Options{}), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Arguments) != len(m.Arguments) || len(d.Relations) != len(m.Relations) || len(d.Undercuts) != len(m.Undercuts) ||
		len(d.Questions) != len(m.QuestionRelations) || len(d.Preferences) != len(m.Preferences) || len(d.Expectations) != len(m.Expectations) {
		t.Fatalf("counts differ: %d/%d arguments, %d/%d relations, %d/%d undercuts", len(d.Arguments), len(m.Arguments), len(d.Relations), len(m.Relations), len(d.Undercuts), len(m.Undercuts))
	}
	if !slices.Equal(d.Files, []string{"examples/drone-strikes/debate.toml", "examples/drone-strikes/mexico.toml"}) {
		t.Errorf("files = %v", d.Files)
	}
	for i, a := range m.Arguments {
		ja := d.Arguments[i]
		if ja.ID != a.ID || ja.Claim != a.Claim || ja.Kind != a.Kind || ja.Party != a.Party || !slices.Equal(ja.Parties, a.Parties) || !slices.Equal(ja.Tags, a.Tags) ||
			len(ja.Sources) != len(a.Sources) || ja.Weight != a.Weight || ja.Scheme != a.Scheme {
			t.Errorf("argument %d: %+v, map has %+v", i, ja, a)
		}
		if ja.Position == nil || ja.Position.File != a.File.Name || ja.Position.Line != a.Range.Start.Line || ja.Position.Column != a.Range.Start.Column {
			t.Errorf("argument %s at %+v, map has %s", a.ID, ja.Position, a.Range)
		}
	}
	for i, r := range m.Relations {
		jr := d.Relations[i]
		if jr.Type != r.Type.String() || jr.From != r.From || jr.To != r.To || jr.Note != r.Note || jr.Entry != r.Entry {
			t.Errorf("relation %d: %+v, map has %+v", i, jr, r)
		}
	}
	for _, u := range d.Undercuts {
		if u.Target.Type != "support" && u.Target.Type != "attack" {
			t.Errorf("undercut %+v: no target type", u)
		}
	}
}

// graphmlDoc is what TestGraphML decodes.
type graphmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		ID          string        `xml:"id,attr"`
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphmlElem `xml:"node"`
		Edges       []graphmlElem `xml:"edge"`
	} `xml:"graph"`
}

type graphmlElem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

func (e graphmlElem) data(key string) string {
	for _, d := range e.Data {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

// TestGraphML parses the GraphML export of every example with a strict XML
// decoder and checks its keys, nodes and edges against the map.
func TestGraphML(t *testing.T) {
	for _, name := range maps(t) {
		m := load(t, name)
		data := export(t, m, "graphml", Options{})
		dec := xml.NewDecoder(bytes.NewReader(data))
		dec.Strict = true
		var doc graphmlDoc
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if cd, ok := tok.(xml.CharData); err != nil || !ok || strings.TrimSpace(string(cd)) != "" {
				t.Errorf("%s: more after </graphml>: %v %v", name, tok, err)
				break
			}
		}
		keys := map[string]string{}
		for _, k := range doc.Keys {
			if k.Name == "" || (k.Type != "string" && k.Type != "double") {
				t.Errorf("%s: key %+v", name, k)
			}
			keys[k.ID] = k.For
		}
		if doc.Graph.EdgeDefault != "directed" {
			t.Errorf("%s: edgedefault %q", name, doc.Graph.EdgeDefault)
		}
		v := newView(m)
		inferences := 0
		for _, r := range v.relations {
			if r.Linked() || len(r.undercuts) > 0 {
				inferences++
			}
		}
		if got, want := len(doc.Graph.Nodes), len(m.Arguments)+inferences; got != want {
			t.Errorf("%s: %d nodes, want %d", name, got, want)
		}
		nodes := map[string]graphmlElem{}
		for i, n := range doc.Graph.Nodes {
			nodes[n.ID] = n
			for _, d := range n.Data {
				if keys[d.Key] != "node" {
					t.Errorf("%s: node %s has data %q, not a node key", name, n.ID, d.Key)
				}
			}
			if i < len(m.Arguments) {
				a := m.Arguments[i]
				if n.ID != a.ID || n.data("label") != a.Claim || n.data("kind") != a.Kind || n.data("party") != a.Party ||
					n.data("tags") != strings.Join(a.Tags, "; ") || n.data("node_type") != "argument" {
					t.Errorf("%s: node %d is %+v, want argument %s", name, i, n, a.ID)
				}
			} else if n.data("node_type") != "inference" {
				t.Errorf("%s: node %s has type %q", name, n.ID, n.data("node_type"))
			}
		}
		counts := map[string]int{}
		for _, e := range doc.Graph.Edges {
			if _, ok := nodes[e.Source]; !ok {
				t.Errorf("%s: edge %s from no node %q", name, e.ID, e.Source)
			}
			if _, ok := nodes[e.Target]; !ok {
				t.Errorf("%s: edge %s to no node %q", name, e.ID, e.Target)
			}
			for _, d := range e.Data {
				if keys[d.Key] != "edge" {
					t.Errorf("%s: edge %s has data %q, not an edge key", name, e.ID, d.Key)
				}
			}
			counts[e.data("edge_type")]++
		}
		want := map[string]int{}
		for _, r := range v.relations {
			want[typeName(r.Type)]++
			if r.Linked() || len(r.undercuts) > 0 {
				want["premise"] += len(r.Sources())
			}
		}
		want["undercut"] = len(v.undercuts)
		for k, n := range want {
			if counts[k] != n {
				t.Errorf("%s: %d %s edges, want %d", name, counts[k], k, n)
			}
		}
	}
}

// TestSolverFormats checks that the i23 and apx exports are the framework
// argmap eval evaluates: solved under grounded semantics they give every
// argument the label eval gives it, under each reading of the supports.
func TestSolverFormats(t *testing.T) {
	for _, name := range maps(t) {
		m := load(t, name)
		for _, mode := range bipolar.Modes() {
			data := export(t, m, "i23", Options{Support: mode})
			fw, err := iccma.ReadFramework(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: the i23 export does not read back: %v", name, err)
			}
			res, err := evaluate.Evaluate(context.Background(), m, evaluate.Options{Method: evaluate.Method{Semantics: semantics.Grounded}, Support: mode})
			if err != nil {
				t.Fatal(err)
			}
			ext, _, err := semantics.Some(context.Background(), fw, semantics.Grounded)
			if err != nil {
				t.Fatal(err)
			}
			labels := semantics.LabellingOf(fw, ext)
			for i, st := range res.Arguments {
				if labels[i] != st.Label {
					t.Errorf("%s (%s): argument %d (%s) is %v in the i23 export, %v in eval", name, mode, i+1, st.ID, labels[i], st.Label)
				}
			}
			apx := string(export(t, m, "apx", Options{Support: mode}))
			if got, want := strings.Count(apx, "\natt("), fw.NumAttacks(); got != want {
				t.Errorf("%s (%s): %d attacks in apx, %d in i23", name, mode, got, want)
			}
			if got, want := strings.Count(apx, "\narg("), fw.Len(); got != want {
				t.Errorf("%s (%s): %d arguments in apx, %d in i23", name, mode, got, want)
			}
		}
	}
}

// TestArgdownParser runs Argdown's own parser on the Argdown export of
// every example and checks that it reads the map's statements, with their
// texts and data, and the map's relations, and nothing else.
func TestArgdownParser(t *testing.T) {
	dir := t.TempDir()
	names := maps(t)
	var files []string
	for _, name := range names {
		file := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".argdown")
		if err := os.WriteFile(file, export(t, load(t, name), "argdown", Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	var results []struct {
		Title      string
		Statements []struct {
			Title, Text string
			Data        map[string]any
		}
		Arguments []struct {
			Title, Text string
			PCS         []struct{ Title, Role string }
		}
		Relations []struct{ From, FromType, To, ToType, Type string }
		Errors    []string
	}
	nodetest.Run(t, "argdown.mjs", files, &results)
	if len(results) != len(names) {
		t.Fatalf("%d results for %d files", len(results), len(names))
	}
	for i, name := range names {
		m := load(t, name)
		got := results[i]
		if len(got.Errors) > 0 {
			t.Errorf("%s: Argdown's parser reports %v", name, got.Errors)
		}
		if got.Title != m.Title {
			t.Errorf("%s: title %q, want %q", name, got.Title, m.Title)
		}
		if len(got.Statements) != len(m.Arguments) {
			t.Errorf("%s: %d statements, want %d", name, len(got.Statements), len(m.Arguments))
		}
		for _, s := range got.Statements {
			a := m.Argument(s.Title)
			if a == nil {
				t.Errorf("%s: statement [%s] is no argument", name, s.Title)
				continue
			}
			if want := strings.Join(strings.Fields(a.Claim), " "); s.Text != want {
				t.Errorf("%s: [%s] reads %q, want %q", name, s.Title, s.Text, want)
			}
			kind, _ := s.Data["kind"].(string)
			if kind != a.Kind || fmt.Sprint(strs(s.Data["party"])) != fmt.Sprint(a.Parties) || fmt.Sprint(strs(s.Data["tags"])) != fmt.Sprint(a.Tags) {
				t.Errorf("%s: [%s] has kind %q, party %v, tags %v, want %q, %q, %q", name, s.Title, kind, s.Data["party"], s.Data["tags"], a.Kind, a.Parties, a.Tags)
			}
			srcs, _ := s.Data["sources"].([]any)
			if len(srcs) != len(a.Sources) {
				t.Errorf("%s: [%s] has %d sources, want %d", name, s.Title, len(srcs), len(a.Sources))
			}
		}
		// The relations Argdown reads, against those the map has.
		v := newView(m)
		var want, have []string
		pcs := map[string]string{}
		for _, r := range v.relations {
			title := argdownTitle(r)
			switch {
			case !r.Linked() && len(r.undercuts) == 0:
				want = append(want, fmt.Sprintf("%s %s -> %s", typeName(r.Type), r.From, r.To))
			case r.Type == graph.Attack:
				want = append(want, fmt.Sprintf("support %s -> <%s>", r.From, title), fmt.Sprintf("attack <%s> -> %s", title, r.To))
				for _, u := range r.undercuts {
					want = append(want, fmt.Sprintf("attack %s -> <%s>", v.undercuts[u].From, title))
				}
			default:
				pcs[title] = strings.Join(r.Sources(), " ") + " => " + r.To
				for _, u := range r.undercuts {
					want = append(want, fmt.Sprintf("undercut %s -> inference of <%s>", v.undercuts[u].From, title))
				}
			}
		}
		for _, r := range got.Relations {
			end := func(title, typ string) string {
				switch typ {
				case "argument":
					return "<" + title + ">"
				case "inference":
					return "inference of <" + title + ">"
				}
				return title
			}
			have = append(have, fmt.Sprintf("%s %s -> %s", r.Type, end(r.From, r.FromType), end(r.To, r.ToType)))
		}
		slices.Sort(want)
		slices.Sort(have)
		if !slices.Equal(have, want) {
			t.Errorf("%s: Argdown reads the relations\n  %s\nwant\n  %s", name, strings.Join(have, "\n  "), strings.Join(want, "\n  "))
		}
		args := map[string]string{}
		for _, a := range got.Arguments {
			if len(a.PCS) == 0 {
				continue
			}
			var premises []string
			concl := ""
			for _, s := range a.PCS {
				if s.Role == "premise" {
					premises = append(premises, s.Title)
				} else {
					concl = s.Title
				}
			}
			args[a.Title] = strings.Join(premises, " ") + " => " + concl
		}
		if fmt.Sprint(args) != fmt.Sprint(pcs) {
			t.Errorf("%s: Argdown reads the premise-conclusion structures\n  %v\nwant\n  %v", name, args, pcs)
		}
	}
}

// TestMermaidParser runs Mermaid's own parser on the Mermaid export of
// every example and checks its boxes, their texts and classes, and its
// arrows with their colours.
func TestMermaidParser(t *testing.T) {
	dir := t.TempDir()
	names := maps(t)
	var files []string
	for _, name := range names {
		file := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".mmd")
		if err := os.WriteFile(file, export(t, load(t, name), "mermaid", Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	var results []struct {
		Type     string
		Vertices []struct {
			ID, Text, Type string
			Classes        []string
		}
		Edges []struct {
			Start, End, Type, Stroke string
			Style                    []string
		}
	}
	nodetest.Run(t, "mermaid.mjs", files, &results)
	if len(results) != len(names) {
		t.Fatalf("%d results for %d files", len(results), len(names))
	}
	for i, name := range names {
		m := load(t, name)
		got := results[i]
		if !strings.HasPrefix(got.Type, "flowchart") {
			t.Errorf("%s: Mermaid reads a %q", name, got.Type)
		}
		node := map[string]string{}
		for i, a := range m.Arguments {
			node[a.ID] = fmt.Sprintf("n%d", i+1)
		}
		vertices := map[string]int{}
		for i, vx := range got.Vertices {
			vertices[vx.ID] = i
		}
		for i, a := range m.Arguments {
			k, ok := vertices[node[a.ID]]
			if !ok {
				t.Errorf("%s: no box for %s", name, a.ID)
				continue
			}
			vx := got.Vertices[k]
			if text := mermaidText(vx.Text); text != strings.Join(strings.Fields(a.Claim), " ") {
				t.Errorf("%s: box %d reads %q, want %q", name, i+1, text, a.Claim)
			}
			kind := a.Kind
			if !slices.ContainsFunc(mermaidKinds, func(k [3]string) bool { return k[0] == kind }) {
				kind = "other"
			}
			if !slices.Equal(vx.Classes, []string{kind}) {
				t.Errorf("%s: box %s has classes %v, want %s", name, vx.ID, vx.Classes, kind)
			}
		}
		v := newView(m)
		type edge struct{ start, end, typ, stroke, colour string }
		var want []edge
		for i, r := range v.relations {
			head, colour := "arrow_point", mermaidSupport
			if r.Type == graph.Attack {
				head, colour = "arrow_cross", mermaidAttack
			}
			if !r.Linked() && len(r.undercuts) == 0 {
				want = append(want, edge{node[r.From], node[r.To], head, "normal", colour})
				continue
			}
			inf := fmt.Sprintf("r%d", i+1)
			for _, s := range r.Sources() {
				want = append(want, edge{node[s], inf, "arrow_open", "normal", colour})
			}
			want = append(want, edge{inf, node[r.To], head, "normal", colour})
			for _, u := range r.undercuts {
				want = append(want, edge{node[v.undercuts[u].From], inf, "arrow_cross", "dotted", mermaidAttack})
			}
		}
		var have []edge
		for _, e := range got.Edges {
			colour := ""
			for _, s := range e.Style {
				if c, ok := strings.CutPrefix(s, "stroke:"); ok {
					colour = c
				}
			}
			have = append(have, edge{e.Start, e.End, e.Type, e.Stroke, colour})
		}
		cmp := func(a, b edge) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
		slices.SortFunc(want, cmp)
		slices.SortFunc(have, cmp)
		if !slices.Equal(have, want) {
			t.Errorf("%s: Mermaid reads the arrows\n  %v\nwant\n  %v", name, have, want)
		}
		if len(got.Vertices) != len(m.Arguments)+strings.Count(string(export(t, m, "mermaid", Options{})), `((" "))`) {
			t.Errorf("%s: %d boxes", name, len(got.Vertices))
		}
	}
}

// strs is a value of Argdown's data as a list of strings: a string is a
// list of one.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

// mermaidText is the text of a box as Mermaid draws it: its parser keeps
// the entity codes of a label as "ﬂ°NAME¶ß" (or "ﬂ°°CODE¶ß") and the line
// breaks as <br>, which its renderer turns into characters and lines.
func mermaidText(s string) string {
	named := map[string]string{"quot": `"`, "lt": "<", "gt": ">", "amp": "&"}
	var b strings.Builder
	for {
		i := strings.Index(s, "ﬂ°")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+len("ﬂ°"):]
		j := strings.Index(s, "¶ß")
		if j < 0 {
			b.WriteString("ﬂ°" + s)
			break
		}
		code := s[:j]
		s = s[j+len("¶ß"):]
		if n, err := strconv.Atoi(strings.TrimPrefix(code, "°")); err == nil && strings.HasPrefix(code, "°") {
			b.WriteRune(rune(n))
		} else if c, ok := named[code]; ok {
			b.WriteString(c)
		} else {
			b.WriteString("#" + code + ";")
		}
	}
	return strings.ReplaceAll(b.String(), "<br>", " ")
}

// TestArgdownText checks the escaping of claims for Argdown.
func TestArgdownText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Plain text, with a colon: here.", "Plain text, with a colon: here."},
		{"U.S. [sic] <x> {y} #t @m *e* a_b `c` \\", "U\\.S. \\[sic\\] \\<x\\> \\{y\\} \\#t \\@m \\*e\\* a\\_b \\`c\\` \\\\"},
		{"10:30 https://x.org/a", `10\:30 https\:\//x\.org/a`},
		{"a -- b /* c", `a \-- b \/\* c`},
		{"two\nlines\t and  spaces ", "two lines and spaces"},
	} {
		if got := argdownText(c.in); got != c.want {
			t.Errorf("argdownText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
