package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// These tests build the argmap binary once and run it as users and CI do,
// comparing what it prints with golden files. Run with -update to rewrite
// the golden files after a deliberate change, and review the diff.

var update = flag.Bool("update", false, "rewrite the golden files")

// argmapBin is the path of the binary built by TestMain.
var argmapBin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "argmap-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	argmapBin = filepath.Join(dir, "argmap")
	// No test but TestRenderServer leaves a Graphviz server behind.
	os.Setenv("ARGMAP_RENDER_SERVER", "off")
	build := exec.Command("go", "build", "-o", argmapBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building argmap:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// argmap runs the binary in dir with args.
func argmap(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(argmapBin, args...)
	cmd.Dir = dir
	r, _ := runArgmap(t, cmd)
	return r
}

// runArgmap runs cmd, a command of the argmap binary, and returns its result, with
// standard output also as bytes. It fails the test if argmap could not be run or
// panicked; a run killed by a signal has exit status -1.
func runArgmap(t *testing.T, cmd *exec.Cmd) (result, []byte) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running argmap %v: %v", cmd.Args[1:], err)
	}
	r := result{stdout.String(), stderr.String(), code}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("argmap %v panicked:\n%s", cmd.Args[1:], r.stderr)
	}
	return r, stdout.Bytes()
}

func (r result) String() string {
	return fmt.Sprintf("%s[stderr]\n%s[exit %d]\n", r.stdout, r.stderr, r.code)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	compareGolden(t, filepath.Join("testdata", "e2e", "golden", name+".golden"), got)
}

// compareGolden compares got with the golden file at path, or rewrites
// the file with -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%.3000s\n--- want\n%.3000s", path, got, want)
	}
}

func TestGolden(t *testing.T) {
	e2e := filepath.Join("testdata", "e2e")
	tests := []struct {
		name string
		dir  string
		args []string
		code int
	}{
		{"broken-text", "broken", []string{"check", "debate.toml"}, 1},
		{"broken-json", "broken", []string{"check", "--format", "json", "debate.toml"}, 1},
		{"broken-github", "broken", []string{"check", "--format=github", "debate.toml"}, 1},
		{"broken-sarif", "broken", []string{"check", "-f", "sarif", "debate.toml"}, 1},
		// The directory holds debate.toml and the mexico.toml it includes:
		// one map, and mexico.toml is not checked again on its own.
		{"broken-dir", ".", []string{"check", "broken"}, 1},
		{"warnings", "warnings", []string{"check", "map.toml"}, 0},
		{"warnings-strict", "warnings", []string{"check", "--strict", "map.toml"}, 1},
		// A flag after the paths is still a flag, never a path.
		{"strict-after-path", "warnings", []string{"check", "map.toml", "--strict"}, 1},
		{"format-after-path", "warnings", []string{"check", "map.toml", "--format", "github"}, 0},
		{"missing-file", "warnings", []string{"check", "nosuch.toml", "map.toml"}, 1},
		{"no-path", ".", []string{"check"}, 2},
		{"unknown-flag", ".", []string{"check", "--strcit", "warnings"}, 2},
		{"unknown-flag-after-path", ".", []string{"check", "warnings", "--strcit"}, 2},
		{"unknown-format", ".", []string{"check", "--format", "xml", "warnings"}, 2},
		{"unknown-command", ".", []string{"chek", "warnings"}, 2},
		{"dash-dash", "warnings", []string{"check", "--", "map.toml"}, 0},
		// Evaluation: expectations are checked by check; eval and explain.
		{"expect-pass", "evaluate", []string{"check", "map.toml"}, 0},
		{"expect-fail", "evaluate", []string{"check", "failing.toml"}, 1},
		{"expect-with-errors", "evaluate", []string{"check", "expect-with-errors.toml"}, 1},
		{"eval-grounded", "evaluate", []string{"eval", "map.toml"}, 0},
		{"eval-preferred", "evaluate", []string{"eval", "map.toml", "--semantics", "preferred"}, 0},
		{"eval-stable-json", "evaluate", []string{"eval", "-s", "ST", "--format", "json", "map.toml"}, 0},
		{"eval-without", "evaluate", []string{"eval", "map.toml", "--without", "b,exception"}, 0},
		{"eval-ignore", "evaluate", []string{"eval", "map.toml", "--support", "ignore"}, 0},
		{"eval-h-categorizer", "evaluate", []string{"eval", "map.toml", "-s", "h-categorizer"}, 0},
		{"eval-df-quad-json", "evaluate", []string{"eval", "map.toml", "-s", "df-quad", "-f", "json"}, 0},
		{"eval-unknown-semantics", "evaluate", []string{"eval", "map.toml", "-s", "prefered"}, 2},
		{"eval-unknown-without", "evaluate", []string{"eval", "map.toml", "--without", "dd"}, 2},
		{"eval-errors", "evaluate", []string{"eval", "failing.toml"}, 1},
		{"explain-grounded", "evaluate", []string{"explain", "map.toml", "c"}, 0},
		{"explain-preferred", "evaluate", []string{"explain", "map.toml", "a", "--semantics", "preferred"}, 0},
		{"explain-rejected", "evaluate", []string{"explain", "map.toml", "c", "-s", "preferred"}, 0},
		{"explain-unknown-id", "evaluate", []string{"explain", "map.toml", "cc"}, 2},
		{"explain-no-id", "evaluate", []string{"explain", "map.toml"}, 2},
		{"render-semantics", "evaluate", []string{"render", "-f", "dot", "--semantics", "preferred", "map.toml"}, 0},
		{"render-gradual", "evaluate", []string{"render", "-f", "dot", "-s", "df-quad", "map.toml"}, 2},
		// Priorities: issue 12's contract, and lex superior derived from rank.
		{"priorities-contract", "priorities", []string{"eval", "contract.toml"}, 0},
		{"priorities-contract-json", "priorities", []string{"eval", "-f", "json", "contract.toml"}, 0},
		{"priorities-check", "priorities", []string{"check", "--strict", "charter.toml"}, 0},
		{"priorities-explain", "priorities", []string{"explain", "charter.toml", "designation"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := argmap(t, filepath.Join(e2e, tt.dir), tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", r.code, tt.code, r)
			}
			golden(t, tt.name, fmt.Sprintf("$ argmap %s\n%s", strings.Join(tt.args, " "), r))
		})
	}
}

// TestExamples checks the examples as the README tells users to, strictly:
// the example map must stay free of errors and warnings.
func TestExamples(t *testing.T) {
	root := filepath.Join("..", "..")
	r := argmap(t, root, "check", "--strict", "examples/")
	if r.code != 0 {
		t.Fatalf("argmap check --strict examples/ failed:\n%s", r)
	}
	// The debates, one map each; the drone strikes in two files.
	entries, err := os.ReadDir(filepath.Join(root, "examples"))
	if err != nil {
		t.Fatal(err)
	}
	maps := 0
	for _, e := range entries {
		if e.IsDir() {
			maps++
		}
	}
	if want := fmt.Sprintf("0 errors, 0 warnings in %d files (%d maps,", maps+1, maps); !strings.HasPrefix(r.stdout, want) {
		t.Errorf("summary %q, want it to start %q", r.stdout, want)
	}
}

func TestJSONShape(t *testing.T) {
	r := argmap(t, filepath.Join("testdata", "e2e", "broken"), "check", "--format", "json", "debate.toml")
	var out struct {
		Version     int `json:"version"`
		Errors      int `json:"errors"`
		Warnings    int `json:"warnings"`
		Diagnostics []struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
			Message  string `json:"message"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	if out.Version != 1 || out.Errors == 0 || len(out.Diagnostics) != out.Errors+out.Warnings {
		t.Errorf("bad summary: %+v", out)
	}
	for _, d := range out.Diagnostics {
		if d.File == "" || d.Line < 1 || d.Column < 1 || d.Code == "" || d.Message == "" ||
			(d.Severity != "error" && d.Severity != "warning") {
			t.Errorf("incomplete diagnostic: %+v", d)
		}
	}
}

func TestSARIFShape(t *testing.T) {
	r := argmap(t, filepath.Join("testdata", "e2e", "broken"), "check", "--format", "sarif", "debate.toml")
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "argmap" {
		t.Fatalf("not a SARIF 2.1.0 log of argmap: %.300s", r.stdout)
	}
	run := log.Runs[0]
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range run.Results {
		if res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %q does not point at its rule", res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI == "" || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 || res.Message.Text == "" {
			t.Errorf("incomplete result: %+v", res)
		}
	}
}

// TestHostileInput feeds argmap what a fuzzer or a careless CI job might:
// it must report the problem and exit 1, never panic or hang.
func TestHostileInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}
	huge := func() []byte {
		var b bytes.Buffer
		b.WriteString("[arguments.a]\nclaim = \"")
		b.Write(bytes.Repeat([]byte("argument "), 15<<20/9)) // under the 16 MiB limit
		b.WriteString("\"\n")
		return b.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		code string // the diagnostic code argmap must report
	}{
		{"binary garbage", garbage, "not-text"},
		{"invalid UTF-8", []byte("[arguments.a]\nclaim = \"Calder\xf3n\"\n"), "not-text"},
		{"UTF-16", []byte("\xff\xfe[\x00a\x00]\x00"), "not-text"},
		{"5000 nested arrays", []byte("x = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"), "too-deep"},
		{"5000 unclosed arrays", []byte("x = " + strings.Repeat("[", 5000)), "too-deep"},
		{"empty file", nil, "no-arguments"},
		{"only a comment", []byte("# nothing here\n"), "no-arguments"},
		{"15 MB claim", huge(), "isolated-argument"},
		{"over the 16 MiB limit", append(huge(), bytes.Repeat([]byte("#\n"), 1<<20)...), "read-error"},
		{"unclosed string", []byte("[arguments.a]\nclaim = \"never closed\n"), "toml-syntax"},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := fmt.Sprintf("input%d.toml", i)
			if err := os.WriteFile(filepath.Join(dir, name), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			r := argmap(t, dir, "check", "--strict", "--format", "json", name)
			if r.code != 1 {
				t.Errorf("exit status %d, want 1\n%.2000s", r.code, r)
			}
			if !strings.Contains(r.stdout, `"code": "`+tt.code+`"`) {
				t.Errorf("no %s diagnostic:\n%.2000s", tt.code, r)
			}
		})
	}
}

// TestDevice checks that a device is refused rather than read forever.
func TestDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero on this system")
	}
	r := argmap(t, ".", "check", "/dev/zero")
	if r.code != 1 || !strings.Contains(r.stdout, "/dev/zero: error[read-error]: cannot read /dev/zero: not a regular file") {
		t.Errorf("unexpected result:\n%s", r)
	}
}

// TestManyFiles checks a directory of 1,000 small maps in one call.
func TestManyFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range 1000 {
		src := fmt.Sprintf("[arguments.a%d]\nclaim = \"Claim %d.\"\nattacks = [\"b%d\"]\n\n[arguments.b%d]\nclaim = \"Objection %d.\"\n", i, i, i, i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("map-%04d.toml", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := argmap(t, dir, "check", ".")
	if r.code != 0 || r.stdout != "0 errors, 0 warnings in 1000 files (1000 maps, 2000 arguments)\n" {
		t.Errorf("unexpected result:\n%s", r)
	}
}

func TestVersionAndHelp(t *testing.T) {
	if r := argmap(t, ".", "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "argmap version ") {
		t.Errorf("--version: %s", r)
	}
	if r := argmap(t, ".", "check", "--help"); r.code != 0 || !strings.Contains(r.stdout, "--strict") {
		t.Errorf("check --help: %s", r)
	}
}
