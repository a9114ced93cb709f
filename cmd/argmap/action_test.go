package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// These tests run the GitHub Action of action.yml as the Actions runner
// would: each step's run script with bash, its env with the expressions
// evaluated, GITHUB_OUTPUT and GITHUB_PATH carried from step to step, and
// the if conditions. actions/setup-go, the one step that uses another
// action, is taken as done: this machine's Go is on PATH. Releases are
// served by a local HTTP server, modules by the proxy of proxy_test.go.

// actionFile is action.yml as far as these tests read it.
type actionFile struct {
	Name, Description, Author string
	Branding                  struct{ Icon, Color string }
	Inputs                    map[string]struct {
		Description string
		Required    bool
		Default     string
	}
	Outputs map[string]struct{ Description, Value string }
	Runs    struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	ID, Name, If, Shell, Run, Uses string
	With, Env                      map[string]string
}

func readAction(t *testing.T) actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// job is what the runner gives the action: its inputs (the defaults of
// action.yml unless given), the github context, and the environment.
type job struct {
	inputs    map[string]string
	github    map[string]string // action_ref, action_repository, server_url
	actionDir string            // GITHUB_ACTION_PATH
	workspace string
	env       []string
}

// ranAction is what a run of the action did.
type ranAction struct {
	log      string            // standard output and error of the steps
	code     int               // the exit status of the step that failed, or 0
	outputs  map[string]string // the action's outputs
	ran      []string          // the names of the steps that ran
	failedAt string
}

var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// runAction runs action.yml's steps for j.
func runAction(t *testing.T, j job) ranAction {
	t.Helper()
	a := readAction(t)
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for name, v := range j.inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
		inputs[name] = v
	}
	temp := t.TempDir()
	steps := map[string]map[string]string{}
	var path []string // GITHUB_PATH, newest first
	lookup := func(name string) string {
		parts := strings.Split(name, ".")
		switch {
		case len(parts) == 2 && parts[0] == "inputs":
			return inputs[parts[1]]
		case len(parts) == 2 && parts[0] == "github":
			if parts[1] == "action_path" {
				return j.actionDir
			}
			return j.github[parts[1]]
		case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
			return steps[parts[1]][parts[3]]
		}
		t.Fatalf("action.yml: an expression these tests do not evaluate: %s", name)
		return ""
	}
	eval := func(s string) string {
		return expression.ReplaceAllStringFunc(s, func(m string) string { return lookup(expression.FindStringSubmatch(m)[1]) })
	}
	// condition evaluates an if: NAME != 'VALUE' or NAME == 'VALUE', the
	// only form action.yml uses.
	condition := func(s string) bool {
		m := regexp.MustCompile(`^([\w.-]+) (==|!=) '([^']*)'$`).FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			t.Fatalf("action.yml: a condition these tests do not evaluate: %s", s)
		}
		return (lookup(m[1]) == m[3]) == (m[2] == "==")
	}
	var r ranAction
	var log strings.Builder
	for i, st := range a.Runs.Steps {
		name := cmpOr(st.Name, st.ID)
		if st.If != "" && !condition(st.If) {
			continue
		}
		r.ran = append(r.ran, name)
		if st.Uses != "" {
			if !strings.HasPrefix(st.Uses, "actions/setup-go@v") {
				t.Fatalf("step %s uses %s, which these tests cannot stand in for", name, st.Uses)
			}
			if _, err := exec.LookPath("go"); err != nil {
				t.Fatal("no go on PATH")
			}
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %s runs in %q, not bash", name, st.Shell)
		}
		script := filepath.Join(temp, fmt.Sprintf("step%d.sh", i))
		if err := os.WriteFile(script, []byte(eval(st.Run)), 0o644); err != nil {
			t.Fatal(err)
		}
		outFile, pathFile := filepath.Join(temp, fmt.Sprintf("output%d", i)), filepath.Join(temp, fmt.Sprintf("path%d", i))
		for _, f := range []string{outFile, pathFile} {
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		// As the runner runs a bash step: bash --noprofile --norc -eo pipefail.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = j.workspace
		env := slices.Clone(j.env)
		env = append(env,
			"PATH="+strings.Join(append(slices.Clone(path), os.Getenv("PATH")), string(os.PathListSeparator)),
			"GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+pathFile, "GITHUB_ACTION_PATH="+j.actionDir,
			"GITHUB_WORKSPACE="+j.workspace, "RUNNER_TEMP="+temp, "RUNNER_OS="+runnerOS(), "RUNNER_ARCH="+runnerArch(), "GITHUB_ACTIONS=true")
		for k, v := range st.Env {
			env = append(env, k+"="+eval(v))
		}
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		log.Write(out)
		if err != nil {
			exit, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("step %s: %v", name, err)
			}
			r.code, r.failedAt = exit.ExitCode(), name
			break
		}
		if st.ID != "" {
			steps[st.ID] = readOutputs(t, outFile)
		}
		added, _ := os.ReadFile(pathFile)
		for _, p := range strings.Fields(string(added)) {
			path = append([]string{p}, path...)
		}
	}
	r.log = log.String()
	r.outputs = map[string]string{}
	for name, o := range a.Outputs {
		r.outputs[name] = eval(o.Value)
	}
	return r
}

// readOutputs reads a GITHUB_OUTPUT file: NAME=VALUE lines, or NAME<<EOF,
// the lines of the value, and EOF.
func readOutputs(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var value []string
			for sc.Scan() && sc.Text() != delim {
				value = append(value, sc.Text())
			}
			out[name] = strings.Join(value, "\n")
		} else if name, value, ok := strings.Cut(line, "="); ok {
			out[name] = value
		} else {
			t.Errorf("GITHUB_OUTPUT line %q is neither NAME=VALUE nor NAME<<DELIMITER", line)
		}
	}
	return out
}

func runnerOS() string {
	switch runtime.GOOS {
	case "darwin":
		return "macOS"
	case "windows":
		return "Windows"
	}
	return "Linux"
}

func runnerArch() string {
	if runtime.GOARCH == "arm64" {
		return "ARM64"
	}
	return "X64"
}

// actionWorkspace is a checkout to check: maps without problems in maps/,
// a map with errors in broken/, one with warnings in warnings/.
func actionWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{"maps/ok.toml": "title = \"Fine\"\n[arguments.a]\nclaim = \"A.\"\nattacks = [\"b\"]\n[arguments.b]\nclaim = \"B.\"\n"}
	for _, name := range []string{"broken/debate.toml", "broken/mexico.toml", "warnings/map.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "e2e", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	writeTree(t, dir, files, nil)
	return dir
}

// releaseServer serves releases as GitHub does, at
// /OWNER/REPO/releases/download/TAG/ASSET and .../releases/latest/download/ASSET:
// the archive of this platform holding the argmap of these tests, and
// checksums.txt. sums, if not nil, replaces checksums.txt.
func releaseServer(t *testing.T, tags []string, sums []byte) *httptest.Server {
	t.Helper()
	bin, err := os.ReadFile(argmapBin)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	tw := tar.NewWriter(zw)
	tw.WriteHeader(&tar.Header{Name: "argmap", Mode: 0o755, Size: int64(len(bin))})
	tw.Write(bin)
	tw.Close()
	zw.Close()
	asset := "argmap_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
	sum := sha256.Sum256(buf.Bytes())
	if sums == nil {
		sums = []byte(hex.EncodeToString(sum[:]) + "  " + asset + "\n")
	}
	mux := http.NewServeMux()
	for _, tag := range tags {
		prefix := "/argmap/argmap/releases/download/" + tag + "/"
		if tag == "latest" {
			prefix = "/argmap/argmap/releases/latest/download/"
		}
		mux.HandleFunc(prefix+asset, func(w http.ResponseWriter, _ *http.Request) { w.Write(buf.Bytes()) })
		mux.HandleFunc(prefix+"checksums.txt", func(w http.ResponseWriter, _ *http.Request) { w.Write(sums) })
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// annotations returns the annotations of a log: its ::error and ::warning
// workflow commands.
func annotations(log string) []string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.HasPrefix(line, "::error") || strings.HasPrefix(line, "::warning") {
			out = append(out, line)
		}
	}
	return out
}

func TestActionFile(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" || a.Name == "" || a.Description == "" {
		t.Errorf("action.yml: using %q, name %q, description %q", a.Runs.Using, a.Name, a.Description)
	}
	for _, name := range []string{"path", "strict", "format", "version"} {
		if in, ok := a.Inputs[name]; !ok || in.Description == "" {
			t.Errorf("action.yml has no input %s with a description", name)
		}
	}
	if a.Inputs["path"].Default != "." || a.Inputs["strict"].Default != "false" || a.Inputs["format"].Default != "github" {
		t.Errorf("defaults: path %q, strict %q, format %q", a.Inputs["path"].Default, a.Inputs["strict"].Default, a.Inputs["format"].Default)
	}
	// The scripts take the inputs from env, never spliced into the script,
	// where a value could run as shell code.
	for _, st := range a.Runs.Steps {
		if expression.MatchString(st.Run) {
			t.Errorf("step %s has an expression in its script: pass it in env", st.Name)
		}
	}
	if _, err := exec.LookPath("shellcheck"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI needs shellcheck")
		}
		return
	}
	for _, st := range a.Runs.Steps {
		if st.Run == "" {
			continue
		}
		cmd := exec.Command("shellcheck", "--shell=bash", "-")
		cmd.Stdin = strings.NewReader(st.Run)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("shellcheck of step %s: %v\n%s", cmpOr(st.Name, st.ID), err, out)
		}
	}
}

// TestActionRelease runs the action with a release's binary, downloaded,
// on maps with and without problems.
func TestActionRelease(t *testing.T) {
	srv := releaseServer(t, []string{fakeVersion, "latest"}, nil)
	ws := actionWorkspace(t)
	broken := argmap(t, ws, "check", "--format", "github", "broken")
	if broken.code != 1 || len(annotations(broken.stdout)) != 7 {
		t.Fatalf("argmap check broken: %s", broken)
	}
	tests := []struct {
		name   string
		inputs map[string]string
		github map[string]string
		code   int
		want   []string // the annotations
	}{
		{"errors", map[string]string{"path": "broken", "version": fakeVersion}, nil, 1, annotations(broken.stdout)},
		{"no problems", map[string]string{"path": "maps", "version": fakeVersion}, nil, 0, nil},
		{"several paths on a line", map[string]string{"path": "maps broken", "version": fakeVersion}, nil, 1, annotations(broken.stdout)},
		{"a path a line", map[string]string{"path": "maps\n  warnings  \n", "version": fakeVersion}, nil, 0,
			annotations(argmap(t, ws, "check", "--format", "github", "maps", "warnings").stdout)},
		{"warnings", map[string]string{"path": "warnings", "version": "latest"}, nil, 0,
			annotations(argmap(t, ws, "check", "--format", "github", "warnings").stdout)},
		{"warnings, strict", map[string]string{"path": "warnings", "strict": "True", "version": "latest"}, nil, 1,
			annotations(argmap(t, ws, "check", "--format", "github", "warnings").stdout)},
		{"excluded", map[string]string{"exclude": "broken/**\n**/warnings", "version": fakeVersion}, nil, 0, nil},
		{"the action's ref", map[string]string{"path": "broken"}, map[string]string{"action_ref": fakeVersion}, 1, annotations(broken.stdout)},
		{"a bad strict", map[string]string{"strict": "maybe", "version": fakeVersion}, nil, 2, []string{`::error::argmap: the input strict is true or false, not "maybe"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			github := map[string]string{"server_url": srv.URL, "action_repository": "argmap/argmap"}
			for k, v := range tt.github {
				github[k] = v
			}
			r := runAction(t, job{inputs: tt.inputs, github: github, actionDir: t.TempDir(), workspace: ws, env: os.Environ()})
			if r.code != tt.code || !slices.Equal(annotations(r.log), tt.want) {
				t.Errorf("exit status %d, want %d; annotations\n%s\nwant\n%s\nlog:\n%s", r.code, tt.code, strings.Join(annotations(r.log), "\n"), strings.Join(tt.want, "\n"), r.log)
			}
			if slices.Contains(r.ran, "Build argmap") || !strings.Contains(r.log, "argmap version ") {
				t.Errorf("the release was not installed: the steps %q ran\n%s", r.ran, r.log)
			}
			if r.outputs["argmap"] == "" {
				t.Errorf("no output argmap")
			}
		})
	}
}

// TestActionFromPath finds the action's version in its path, as the runner
// lays out a downloaded action, when github.action_ref is empty.
func TestActionFromPath(t *testing.T) {
	srv := releaseServer(t, []string{fakeVersion}, nil)
	ws := actionWorkspace(t)
	dir := filepath.Join(t.TempDir(), "_actions", "argmap", "argmap", fakeVersion)
	r := runAction(t, job{inputs: map[string]string{"path": "maps"}, github: map[string]string{"server_url": srv.URL}, actionDir: dir, workspace: ws, env: os.Environ()})
	if r.code != 0 || slices.Contains(r.ran, "Build argmap") {
		t.Errorf("exit status %d, steps %q:\n%s", r.code, r.ran, r.log)
	}
}

// TestActionChecksum refuses a download whose checksum is not the one
// listed, and installs nothing.
func TestActionChecksum(t *testing.T) {
	asset := "argmap_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
	srv := releaseServer(t, []string{fakeVersion}, []byte(strings.Repeat("0", 64)+"  "+asset+"\n"))
	ws := actionWorkspace(t)
	r := runAction(t, job{inputs: map[string]string{"version": fakeVersion}, github: map[string]string{"server_url": srv.URL, "action_repository": "argmap/argmap"}, actionDir: t.TempDir(), workspace: ws, env: os.Environ()})
	if r.code != 1 || r.failedAt != "Install argmap" || !strings.Contains(r.log, "::error::argmap: "+srv.URL+"/argmap/argmap/releases/download/"+fakeVersion+"/"+asset+" does not match its checksums.txt") {
		t.Errorf("exit status %d at %q:\n%s", r.code, r.failedAt, r.log)
	}
}

// TestActionBuilds runs the action where no release binary fits: a
// version without one is built with go install (from the module proxy of
// proxy_test.go), and the action used from a checkout (uses: ./) builds
// the checkout.
func TestActionBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds argmap")
	}
	ws := actionWorkspace(t)
	srv := releaseServer(t, nil, nil) // no release at all
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("module", func(t *testing.T) {
		r := runAction(t, job{inputs: map[string]string{"path": "broken", "version": fakeVersion},
			github: map[string]string{"server_url": srv.URL, "action_repository": "argmap/argmap"}, actionDir: t.TempDir(), workspace: ws, env: moduleProxy(t)})
		if r.code != 1 || len(annotations(r.log)) != 7 || !slices.Contains(r.ran, "Build argmap") ||
			!strings.Contains(r.log, "::notice::argmap: no release binary") || !strings.Contains(r.log, "argmap version "+fakeVersion+"\n") {
			t.Errorf("exit status %d, steps %q:\n%s", r.code, r.ran, r.log)
		}
	})
	t.Run("source", func(t *testing.T) {
		r := runAction(t, job{inputs: map[string]string{"path": "maps"}, github: map[string]string{"server_url": srv.URL}, actionDir: root, workspace: ws, env: os.Environ()})
		if r.code != 0 || !slices.Contains(r.ran, "Set up Go to build argmap") || !slices.Contains(r.ran, "Build argmap") {
			t.Errorf("exit status %d, steps %q:\n%s", r.code, r.ran, r.log)
		}
		checkStaticIfELF(t, r.outputs["argmap"])
	})
}

func checkStaticIfELF(t *testing.T, bin string) {
	t.Helper()
	if runtime.GOOS == "linux" {
		checkStatic(t, bin)
	}
}

// TestActionWorkflows checks the workflows that use the action, this
// repository's and the README's: they give it only inputs it has, and
// every input it requires.
func TestActionWorkflows(t *testing.T) {
	a := readAction(t)
	var docs []string
	if data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", "argmap.yml")); err == nil {
		docs = append(docs, string(data))
	} else {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile("(?ms)^```yaml\n(.*?)^```$").FindAllStringSubmatch(string(readme), -1) {
		docs = append(docs, m[1])
	}
	uses := 0
	for _, doc := range docs {
		var wf any
		if err := yaml.Unmarshal([]byte(doc), &wf); err != nil {
			t.Errorf("%v:\n%s", err, doc)
			continue
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				if u, ok := v["uses"].(string); ok && (u == "./" || strings.HasPrefix(u, "argmap/argmap@")) {
					uses++
					with, _ := v["with"].(map[string]any)
					for name := range with {
						if _, ok := a.Inputs[name]; !ok {
							t.Errorf("%s is given the input %s, which action.yml does not have", u, name)
						}
					}
					for name, in := range a.Inputs {
						if _, ok := with[name]; in.Required && !ok {
							t.Errorf("%s is not given the required input %s", u, name)
						}
					}
				}
				for _, e := range v {
					walk(e)
				}
			}
		}
		walk(wf)
	}
	if uses == 0 {
		t.Error("no workflow uses the action")
	}
}
