package assets

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/semantics/bipolar"
)

// request and response are the JSON of argmapEvaluate (see web/evalwasm).
type request struct {
	Files     map[string]string `json:"files"`
	Root      string            `json:"root"`
	Semantics string            `json:"semantics"`
	Support   string            `json:"support"`
	Without   []string          `json:"without"`
	Explain   string            `json:"explain"`
}

type response struct {
	Labels      map[string]string  `json:"labels,omitempty"`
	Scores      map[string]float64 `json:"scores,omitempty"`
	Explanation string             `json:"explanation,omitempty"`
	Diagnostics string             `json:"diagnostics,omitempty"`
	Error       string             `json:"error,omitempty"`
}

// runWasm runs the evaluator wasm under Node, as a page does, on every
// request, and returns the responses.
func runWasm(t *testing.T, wasm []byte, reqs []request) []response {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the WebAssembly evaluator with")
	}
	dir := t.TempDir()
	files := map[string][]byte{"argmap.wasm": wasm, "wasm_exec.js": WasmExec}
	if files["requests.json"], err = json.Marshal(reqs); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	harness, err := filepath.Abs(filepath.Join("testdata", "harness.js"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(node, harness, filepath.Join(dir, "wasm_exec.js"), filepath.Join(dir, "argmap.wasm"), filepath.Join(dir, "requests.json"))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", harness, err, stderr.String())
	}
	var resps []response
	if err := json.Unmarshal(stdout.Bytes(), &resps); err != nil {
		t.Fatalf("the harness's output: %v\n%s", err, stdout.String())
	}
	if len(resps) != len(reqs) {
		t.Fatalf("%d responses to %d requests", len(resps), len(reqs))
	}
	var times struct {
		Instantiate float64   `json:"instantiate"`
		Times       []float64 `json:"times"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &times); err == nil && len(times.Times) > 0 {
		// Figures for the note on the page, not assertions.
		total, most := 0.0, 0.0
		for _, x := range times.Times {
			total += x
			most = max(most, x)
		}
		t.Logf("node: instantiating %.0f ms; %d requests, %.2f ms each on average, %.1f ms at most",
			times.Instantiate, len(times.Times), total/float64(len(times.Times)), most)
	}
	return resps
}

// mapFiles returns the files of the map whose root file is root, by their
// names relative to its directory, as a page sends them.
func mapFiles(t *testing.T, root string) (map[string]string, string) {
	t.Helper()
	m, _ := (&arguments.Loader{}).Load(root)
	files := map[string]string{}
	dir := filepath.Dir(root)
	for _, f := range m.Files {
		rel, err := filepath.Rel(dir, f.Name)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(rel)] = string(data)
	}
	return files, filepath.Base(root)
}

// round keeps six decimals, as argmap eval --format json does.
func round(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}

// expected is what argmap eval --format json (and explain) give for req,
// from the packages in this process.
func expected(t *testing.T, m *arguments.Map, req request) response {
	t.Helper()
	method, err := evaluate.ParseMethod(req.Semantics)
	if err != nil {
		t.Fatal(err)
	}
	mode, err := bipolar.ParseMode(req.Support)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	res, err := evaluate.Evaluate(ctx, m, evaluate.Options{Method: method, Support: mode, Without: req.Without})
	if err != nil {
		t.Fatal(err)
	}
	var want response
	if method.Gradual != 0 {
		want.Scores = map[string]float64{}
	} else {
		want.Labels = map[string]string{}
	}
	for _, st := range res.Arguments {
		if method.Gradual != 0 {
			want.Scores[st.ID] = round(st.Score)
		} else {
			want.Labels[st.ID] = st.Label.String()
		}
	}
	if req.Explain != "" {
		text, err := res.Explain(ctx, req.Explain)
		if err != nil {
			t.Fatal(err)
		}
		want.Explanation = strings.TrimSuffix(text, "\n")
	}
	return want
}

// evalMaps are maps without errors that the evaluator is compared on.
var evalMaps = []string{
	"../../examples/drone-strikes/debate.toml",
	"../../cmd/argmap/testdata/e2e/evaluate/map.toml",
	"../../cmd/argmap/testdata/e2e/warnings/map.toml",
	"../../cmd/argmap/testdata/solve/map.toml",
}

// TestWasmEvaluatesAsEval runs argmap.wasm under Node on every map of
// evalMaps, under every semantics and support mode, with nothing and with
// one argument withdrawn, and explaining each argument under each Dung
// semantics: labels, scores and explanations are those of package
// evaluate, that is of argmap eval --format json and argmap explain.
func TestWasmEvaluatesAsEval(t *testing.T) {
	var reqs []request
	var wants []response
	for _, root := range evalMaps {
		files, name := mapFiles(t, root)
		m, diags := (&arguments.Loader{}).Load(root)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", root, diags)
		}
		add := func(req request) {
			req.Files, req.Root = files, name
			reqs = append(reqs, req)
			wants = append(wants, expected(t, m, req))
		}
		for _, sem := range evaluate.MethodNames() {
			for _, sup := range bipolar.Names() {
				add(request{Semantics: sem, Support: sup})
				add(request{Semantics: sem, Support: sup, Without: []string{m.Arguments[0].ID}})
			}
		}
		for _, a := range m.Arguments {
			add(request{Semantics: "grounded", Support: "supported-secondary", Without: []string{a.ID}})
			for _, sem := range evaluate.MethodNames() {
				if method, _ := evaluate.ParseMethod(sem); method.Gradual == 0 {
					add(request{Semantics: sem, Support: "supported-secondary", Explain: a.ID})
				}
			}
		}
		add(request{Semantics: "preferred", Support: "ignore", Without: []string{m.Arguments[0].ID}, Explain: m.Arguments[len(m.Arguments)-1].ID})
		// With every argument withdrawn the labels (or scores) are
		// there, and empty.
		var all []string
		for _, a := range m.Arguments {
			all = append(all, a.ID)
		}
		add(request{Semantics: "grounded", Support: "ignore", Without: all})
		add(request{Semantics: "df-quad", Support: "ignore", Without: all})
	}
	got := runWasm(t, WASM, reqs)
	for i := range reqs {
		if !reflect.DeepEqual(got[i], wants[i]) {
			r := reqs[i]
			t.Errorf("%s --semantics %s --support %s --without %q, explain %q:\n got %+v\nwant %+v",
				r.Root, r.Semantics, r.Support, r.Without, r.Explain, got[i], wants[i])
		}
	}
}

// TestWasmDiagnostics runs argmap.wasm on broken maps: the response is the
// diagnostics as argmap check --format text prints them for the root file
// named from its directory, and nothing else.
func TestWasmDiagnostics(t *testing.T) {
	broken := []string{
		"../../cmd/argmap/testdata/e2e/broken/debate.toml",
		"../../cmd/argmap/testdata/e2e/evaluate/failing.toml",
		"../../cmd/argmap/testdata/e2e/evaluate/expect-with-errors.toml",
		"../../cmd/argmap/testdata/solve/broken.toml",
	}
	var reqs []request
	var dirs []string
	for _, root := range broken {
		files, name := mapFiles(t, root)
		reqs = append(reqs, request{Files: files, Root: name, Semantics: "grounded", Support: "supported-secondary"})
		dir, err := filepath.Abs(filepath.Dir(root))
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	got := runWasm(t, WASM, reqs)
	for i, req := range reqs {
		// What argmap check --format text NAME prints, run in the map's
		// directory; t.Chdir puts the test back where it was.
		t.Run(req.Root, func(t *testing.T) {
			t.Chdir(dirs[i])
			loader := &arguments.Loader{}
			mc := loader.CheckMap(context.Background(), req.Root, evaluate.CheckMap)
			if !mc.Diagnostics.HasErrors() {
				t.Fatalf("%s has no errors", broken[i])
			}
			var b bytes.Buffer
			if err := diagnostic.Write(&b, "text", diagnostic.Report{
				Diagnostics: mc.Diagnostics,
				Totals:      diagnostic.Totals{Files: len(mc.Map.Files), Maps: 1, Arguments: len(mc.Map.Arguments)},
				Source:      loader.Source,
			}); err != nil {
				t.Fatal(err)
			}
			want := response{Diagnostics: b.String()}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("got\n%+v\nwant\n%+v", got[i], want)
			}
		})
	}
}

// TestWasmBadRequests: a request the evaluator cannot answer gets an
// error, and no labels.
func TestWasmBadRequests(t *testing.T) {
	files, name := mapFiles(t, "../../cmd/argmap/testdata/e2e/evaluate/map.toml")
	tests := []struct {
		req  request
		want string // the start of the error
	}{
		{request{Files: files, Root: name, Semantics: "prefered"}, `semantics: unknown semantics "prefered" (did you mean "preferred"?)`},
		{request{Files: files, Root: name, Support: "deductiv"}, "support: "},
		{request{Files: files, Root: name, Without: []string{"dd"}}, `without: no argument "dd" in map.toml`},
		{request{Files: files, Root: name, Explain: "zz"}, `explain: no argument "zz" in map.toml`},
		{request{Files: files, Root: name, Without: []string{"a"}, Explain: "a"}, "explain: a is withdrawn"},
		{request{Files: files, Root: "other.toml"}, `bad request: the root file "other.toml" is not among the files`},
		{request{Files: map[string]string{"../x.toml": "", name: files[name]}, Root: name}, `bad request: file name "../x.toml"`},
	}
	reqs := make([]request, len(tests))
	for i, tt := range tests {
		reqs[i] = tt.req
	}
	got := runWasm(t, WASM, reqs)
	for i, tt := range tests {
		if !strings.HasPrefix(got[i].Error, tt.want) || got[i].Labels != nil || got[i].Scores != nil {
			t.Errorf("request %d: got %+v, want an error starting %q and no labels", i, got[i], tt.want)
		}
	}
}

// TestWasmTimeout builds the evaluator with a timeout of 1ms and gives it
// a map of 18 pairs of arguments that attack each other, whose 2^18
// preferred extensions take far longer to enumerate: the evaluation ends
// at the timeout and says so, with no labels.
func TestWasmTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the evaluator")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node to run the WebAssembly evaluator with")
	}
	wasm := filepath.Join(t.TempDir(), "argmap.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-X main.timeout=1ms", "-o", wasm, "../evalwasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the evaluator: %v\n%s", err, out)
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := range 18 {
		fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"A%d.\"\nattacks = [\"b%d\"]\n[arguments.b%d]\nclaim = \"B%d.\"\nattacks = [\"a%d\"]\n", i, i, i, i, i, i)
	}
	files := map[string]string{"pairs.toml": b.String()}
	got := runWasm(t, data, []request{{Files: files, Root: "pairs.toml", Semantics: "preferred", Support: "ignore"}})
	const want = "timed out after 1ms evaluating pairs.toml under preferred semantics"
	if !strings.HasPrefix(got[0].Error, want) || got[0].Labels != nil {
		t.Errorf("got %+v, want an error starting %q", got[0], want)
	}
}
