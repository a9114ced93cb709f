package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/internal/afgen"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// End-to-end tests of argmap solve, run on the binary that TestMain builds.
// The inputs and the golden files are in testdata/solve; go test -update
// rewrites the golden files.

var solveDir = filepath.Join("testdata", "solve")

func solveGolden(t *testing.T, name, got string) {
	t.Helper()
	compareGolden(t, filepath.Join(solveDir, "golden", name+".golden"), got)
}

func TestSolveGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"problems", []string{"--problems"}, 0},

		// An odd cycle: no stable extension, one stage extension per argument.
		{"cycle3-se-gr", []string{"-p", "SE-GR", "-f", "cycle3.i23"}, 0},
		{"cycle3-ee-stg", []string{"-p", "EE-STG", "-f", "cycle3.i23"}, 0},
		{"cycle3-ee-st", []string{"-p", "EE-ST", "-f", "cycle3.i23"}, 0},
		{"cycle3-dc-pr", []string{"-p", "DC-PR", "-f", "cycle3.i23", "-a", "1"}, 0},
		{"cycle3-ds-co", []string{"-p", "DS-CO", "-f", "cycle3.i23", "-a", "2"}, 0},
		// An even cycle: two preferred and stable extensions.
		{"cycle4-ee-co", []string{"-p", "EE-CO", "-f", "cycle4.i23"}, 0},
		{"cycle4-ee-pr", []string{"-p", "EE-PR", "-f", "cycle4.i23"}, 0},
		{"cycle4-dc-st", []string{"-p", "DC-ST", "-f", "cycle4.i23", "-a", "3"}, 0},
		{"cycle4-ds-pr", []string{"-p", "DS-PR", "-f", "cycle4.i23", "-a", "1"}, 0},
		{"cycle4-se-sst", []string{"-p", "SE-SST", "-f", "cycle4.i23"}, 0},
		// Floating reinstatement: 4 is skeptically accepted under preferred
		// semantics, not under grounded or ideal semantics.
		{"floating-ee-pr", []string{"-p", "EE-PR", "-f", "floating.i23"}, 0},
		{"floating-ds-pr", []string{"-p", "DS-PR", "-f", "floating.i23", "-a", "4"}, 0},
		{"floating-ds-gr", []string{"-p", "DS-GR", "-f", "floating.i23", "-a", "4"}, 0},
		{"floating-dc-id", []string{"-p", "DC-ID", "-f", "floating.i23", "-a", "4"}, 0},
		{"floating-se-id", []string{"-p", "SE-ID", "-f", "floating.i23"}, 0},
		{"floating-dc-co", []string{"-p", "DC-CO", "-f", "floating.i23", "-a", "2"}, 0},
		// Task names are case-insensitive, and semantics may be spelt out.
		{"floating-ee-preferred", []string{"-p", "ee-preferred", "-f", "floating.i23"}, 0},
		// No stable extension: DC and SE say NO, DS says YES (vacuously).
		{"nostable-dc-st", []string{"-p", "DC-ST", "-f", "nostable.i23", "-a", "1"}, 0},
		{"nostable-ds-st", []string{"-p", "DS-ST", "-f", "nostable.i23", "-a", "2"}, 0},
		{"nostable-se-st", []string{"-p", "SE-ST", "-f", "nostable.i23"}, 0},
		{"nostable-ee-st", []string{"-p", "EE-ST", "-f", "nostable.i23"}, 0},
		{"nostable-ee-sst", []string{"-p", "EE-SST", "-f", "nostable.i23"}, 0},
		{"nostable-ee-stg", []string{"-p", "EE-STG", "-f", "nostable.i23"}, 0},
		{"empty-ee-pr", []string{"-p", "EE-PR", "-f", "empty.i23"}, 0},
		{"timeout-not-reached", []string{"-p", "EE-PR", "-f", "cycle4.i23", "--timeout", "1m"}, 0},
		{"flags-in-any-order", []string{"-a", "4", "--file", "floating.i23", "--task", "DS-PR"}, 0},

		// An argmap map: ids instead of numbers; the inference node of the
		// undercut support is never printed.
		{"map-ee-pr", []string{"-p", "EE-PR", "-f", "map.toml"}, 0},
		{"map-ee-co", []string{"-p", "EE-CO", "-f", "map.toml"}, 0},
		{"map-se-gr", []string{"-p", "SE-GR", "-f", "map.toml"}, 0},
		{"map-dc-gr", []string{"-p", "DC-GR", "-f", "map.toml", "-a", "sovereignty"}, 0},
		{"map-ds-pr", []string{"-p", "DS-PR", "-f", "map.toml", "-a", "strike"}, 0},
		// --support reads the map's supports as eval does: the undercut
		// support gives rise to an attack on strike, which makes it rejected
		// in every extension, except when supports are ignored or read as
		// deductive (mediated attacks), which note the name's change.
		{"map-ds-pr-support-default", []string{"-p", "DS-PR", "-f", "map.toml", "-a", "strike", "--support", "supported-secondary"}, 0},
		{"map-dc-pr-support-default", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "strike"}, 0},
		{"map-dc-pr-support-ignore", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "strike", "--support", "ignore"}, 0},
		{"map-dc-pr-support-necessary", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "strike", "--support", "necessary"}, 0},
		{"map-dc-pr-support-deductive", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "strike", "--support", "deductive"}, 0},
		{"map-ee-pr-support-ignore", []string{"-p", "EE-PR", "-f", "map.toml", "--support", "IGNORE"}, 0},

		// Bad files: exit status 1.
		{"bad-syntax", []string{"-p", "SE-PR", "-f", "bad.i23"}, 1},
		{"missing-header", []string{"-p", "SE-PR", "-f", "noheader.i23"}, 1},
		{"missing-file", []string{"-p", "SE-PR", "-f", "nosuch.i23"}, 1},
		{"directory", []string{"-p", "SE-PR", "-f", "."}, 1},
		{"map-errors", []string{"-p", "DC-PR", "-f", "broken.toml", "-a", "strike"}, 1},
		{"map-missing", []string{"-p", "SE-PR", "-f", "nosuch.toml"}, 1},

		// Usage errors: exit status 2.
		{"no-task", []string{"-f", "cycle3.i23"}, 2},
		{"no-file", []string{"-p", "SE-PR"}, 2},
		{"unknown-task", []string{"-p", "DC-PRR", "-f", "cycle3.i23", "-a", "1"}, 2},
		{"unknown-task-lowercase", []string{"-p", "se-pt", "-f", "cycle3.i23"}, 2},
		{"unknown-task-far", []string{"-p", "XYZ", "-f", "cycle3.i23"}, 2},
		{"dc-without-argument", []string{"-p", "DC-PR", "-f", "cycle3.i23"}, 2},
		{"ds-without-argument", []string{"-p", "DS-ST", "-f", "cycle3.i23"}, 2},
		{"argument-with-se", []string{"-p", "SE-PR", "-f", "cycle3.i23", "-a", "1"}, 2},
		{"argument-out-of-range", []string{"-p", "DC-PR", "-f", "cycle3.i23", "-a", "4"}, 2},
		{"argument-zero", []string{"-p", "DC-PR", "-f", "cycle3.i23", "-a", "0"}, 2},
		{"argument-not-a-number", []string{"-p", "DC-PR", "-f", "cycle3.i23", "-a", "x"}, 2},
		{"argument-of-empty", []string{"-p", "DC-PR", "-f", "empty.i23", "-a", "1"}, 2},
		{"map-unknown-id", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "sovreignty"}, 2},
		{"map-number-not-id", []string{"-p", "DC-PR", "-f", "map.toml", "-a", "1"}, 2},
		{"bad-timeout", []string{"-p", "SE-PR", "-f", "cycle3.i23", "--timeout", "30"}, 2},
		{"negative-timeout", []string{"-p", "SE-PR", "-f", "cycle3.i23", "--timeout", "-1s"}, 2},
		{"positional-file", []string{"-p", "SE-PR", "cycle3.i23"}, 2},
		{"problems-and-task", []string{"--problems", "-p", "SE-PR"}, 2},
		{"unknown-flag", []string{"-p", "SE-PR", "-f", "cycle3.i23", "--timout", "1s"}, 2},
		{"unknown-support", []string{"-p", "SE-PR", "-f", "map.toml", "--support", "deductiv"}, 2},
		{"support-with-i23", []string{"-p", "SE-PR", "-f", "cycle3.i23", "--support", "ignore"}, 2},
		{"problems-and-support", []string{"--problems", "--support", "ignore"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"solve"}, tt.args...)
			r := argmap(t, solveDir, args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\n%s", r.code, tt.code, r)
			}
			if r.code != 0 && r.stdout != "" {
				t.Errorf("exit status %d with output on standard output:\n%s", r.code, r)
			}
			solveGolden(t, tt.name, fmt.Sprintf("$ argmap %s\n%s", strings.Join(args, " "), r))
		})
	}
}

// TestSolveBanner checks that argmap solve without arguments prints its
// name and version on one line, as a competition solver does.
func TestSolveBanner(t *testing.T) {
	v := argmap(t, ".", "--version")
	first, _, _ := strings.Cut(v.stdout, "\n") // the module version; the commit and toolchain follow
	version, ok := strings.CutPrefix(first, "argmap version ")
	if !ok {
		t.Fatalf("argmap --version: %s", v)
	}
	r := argmap(t, ".", "solve")
	if r.code != 0 || r.stdout != "argmap "+version+"\n" || r.stderr != "" {
		t.Errorf("argmap solve: want \"argmap %s\", got\n%s", version, r)
	}
}

// answerLine is a line of an ICCMA answer.
var answerLine = regexp.MustCompile(`^(YES|NO|w( [1-9][0-9]*)*)$`)

// TestSolveEveryTask runs every task that --problems lists on every small
// framework, and checks the shape of the answer.
func TestSolveEveryTask(t *testing.T) {
	r := argmap(t, ".", "solve", "--problems")
	list, ok := strings.CutPrefix(strings.TrimSpace(r.stdout), "[")
	list, ok2 := strings.CutSuffix(list, "]")
	if r.code != 0 || !ok || !ok2 || strings.Contains(r.stdout, " ") || strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("argmap solve --problems is not one line [A,B,...]:\n%s", r)
	}
	tasks := strings.Split(list, ",")
	if len(tasks) != 28 {
		t.Errorf("%d tasks, want DC, DS, SE and EE under 7 semantics", len(tasks))
	}
	for _, file := range []string{"cycle3.i23", "cycle4.i23", "floating.i23", "nostable.i23"} {
		for _, task := range tasks {
			args := []string{"solve", "-p", task, "-f", file}
			if strings.HasPrefix(task, "DC-") || strings.HasPrefix(task, "DS-") {
				args = append(args, "-a", "2")
			}
			r := argmap(t, solveDir, args...)
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			bad := r.code != 0 || r.stderr != "" || !strings.HasSuffix(r.stdout, "\n")
			for _, l := range lines {
				bad = bad || !answerLine.MatchString(l)
			}
			switch {
			case strings.HasPrefix(task, "DC-"):
				bad = bad || !(lines[0] == "NO" && len(lines) == 1 || lines[0] == "YES" && len(lines) == 2)
			case strings.HasPrefix(task, "DS-"):
				bad = bad || !(lines[0] == "YES" && len(lines) == 1 || lines[0] == "NO" && len(lines) == 2)
			case strings.HasPrefix(task, "SE-"):
				bad = bad || len(lines) != 1 || lines[0] == "YES"
			}
			if bad {
				t.Errorf("argmap %s:\n%s", strings.Join(args, " "), r)
			}
		}
	}
}

// TestSolveTimeout runs every task on a framework where most would take
// longer than anyone can wait, with a tiny --timeout: argmap must stop, print
// nothing on standard output (ICCMA 2023 has no answer for "unknown": a run
// that prints none is unsolved), say so on standard error and exit 1, or, for
// a task that takes no time at all, answer. The EE tasks cannot finish.
func TestSolveTimeout(t *testing.T) {
	// A dense random part of 300 arguments with 8 attacks each, and 40
	// disjoint pairs of arguments attacking each other: 2^40 preferred and
	// stable extensions, 3^40 complete ones.
	var b bytes.Buffer
	attacks := afgen.Random(rand.New(rand.NewPCG(3, 300)), 300, 8)
	fmt.Fprintf(&b, "p af %d\n", 380)
	for _, at := range attacks {
		fmt.Fprintf(&b, "%d %d\n", at[0]+1, at[1]+1)
	}
	for k := 301; k <= 379; k += 2 {
		fmt.Fprintf(&b, "%d %d\n%d %d\n", k, k+1, k+1, k)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hard.i23"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, task := range iccma.Tasks() {
		name := task.String()
		t.Run(name, func(t *testing.T) {
			args := []string{"solve", "-p", name, "-f", "hard.i23", "--timeout", "1ms"}
			if task.NeedsArgument() {
				args = append(args, "-a", "8")
			}
			r := argmapWithin(t, 2*time.Minute, dir, args...)
			want := fmt.Sprintf("argmap: timed out after 1ms solving %s on hard.i23; no answer was printed\n", name)
			mayFinish := task.Problem != iccma.EE || task.Semantics == semantics.Grounded || task.Semantics == semantics.Ideal
			switch {
			case r.code == 1 && r.stdout == "" && r.stderr == want:
			case mayFinish && r.code == 0 && r.stdout != "" && r.stderr == "":
			default:
				t.Errorf("argmap %s: want exit status 1, no output and %q, got\n%s", strings.Join(args, " "), want, r)
			}
		})
	}
}

// argmapWithin runs argmap as the argmap helper does, but kills it and
// fails the test if it runs longer than limit.
func argmapWithin(t *testing.T, limit time.Duration, dir string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, argmapBin, args...)
	cmd.Dir = dir
	r, _ := runArgmap(t, cmd)
	if ctx.Err() != nil {
		t.Fatalf("argmap %v still running after %v: killed", args, limit)
	}
	return r
}

// solveInProcess runs argmap with args in this process, as the binary would.
func solveInProcess(args ...string) result {
	var stdout, stderr strings.Builder
	code := run(append([]string{"argmap"}, args...), &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

// TestSolveMapAsEval checks that solve solves its tasks on the framework
// that eval evaluates, whatever --support says, by default too: the
// extensions of EE-σ are those argmap eval -s σ lists.
func TestSolveMapAsEval(t *testing.T) {
	maps := []string{filepath.Join(solveDir, "map.toml"), filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml")}
	modes := append([]string{""}, bipolar.Names()...) // "": the default
	for _, file := range maps {
		for _, mode := range modes {
			for _, sem := range semantics.All() {
				solveArgs := []string{"solve", "-p", "EE-" + sem.Code(), "-f", file}
				evalArgs := []string{"eval", "--format", "json", "-s", sem.Code(), file}
				if mode != "" {
					solveArgs = append(solveArgs, "--support", mode)
					evalArgs = append(evalArgs, "--support", mode)
				}
				s := solveInProcess(solveArgs...)
				e := solveInProcess(evalArgs...)
				if s.code != 0 || e.code != 0 {
					t.Fatalf("argmap %v:\n%s\nargmap %v:\n%s", solveArgs, s, evalArgs, e)
				}
				var got [][]string
				if s.stdout != "NO\n" {
					for _, line := range strings.SplitAfter(s.stdout, "\n") {
						if line == "" {
							continue
						}
						ids, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "w")
						if !ok {
							t.Fatalf("argmap %v: line %q", solveArgs, line)
						}
						ext := strings.Fields(ids)
						slices.Sort(ext)
						got = append(got, ext)
					}
				}
				slices.SortFunc(got, slices.Compare)
				var ev struct{ Extensions [][]string }
				if err := json.Unmarshal([]byte(e.stdout), &ev); err != nil {
					t.Fatalf("argmap %v: %v", evalArgs, err)
				}
				if len(got) != len(ev.Extensions) || !slices.EqualFunc(got, ev.Extensions, slices.Equal) {
					t.Errorf("argmap %s:\n%s\nbut argmap %s lists the extensions %q", strings.Join(solveArgs, " "), s.stdout, strings.Join(evalArgs, " "), ev.Extensions)
				}
			}
		}
	}
}
