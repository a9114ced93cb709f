// Command driver solves an ICCMA task on an i23 file, with argmap's engine (package
// semantics, through package iccma) or with clingo and the ASP encodings of
// bench/iccma/asp, and prints the answer in the ICCMA 2023 output format, so that the two
// can be timed and compared on equal terms.
//
//	driver -p DS-PR -f af.i23 -a 7                      # argmap
//	driver -engine clingo -asp bench/iccma/asp -p DS-PR -f af.i23 -a 7
//
// The flags -p, -f and -a are those of ICCMA solvers; -a is 1-based. With -a @ the
// argument is read from FILE.arg, as bench/iccma/gen writes it.
//
// For clingo the driver converts the file to facts arg(1..N) and att(A,B), pipes them to
// clingo, and reads its models as they come. Every task argmap solves has a clingo
// counterpart:
//
//	GR, CO, ST      grounded.lp, complete.lp, stable.lp: SE one model, EE all, DC one
//	                with the argument (query_in.lp), DS one without it (query_out.lp),
//	                a counter-example
//	PR              preferred.lp with --heuristic=Domain --enum-mode=domRec: SE and DC
//	                (with query_in.lp) one maximal model, EE all; DS enumerates
//	                preferred extensions until one lacks the argument (then clingo is
//	                stopped: NO), or there are no more (YES)
//	SST, STG        complete.lp (semi-stable) or conflictfree.lp (stage) with range.lp:
//	                first a set with a range of the largest size (range_card.lp, by
//	                optimisation), which answers SE, and DC or DS if it has the argument
//	                or lacks it; then one set for each maximal range (range_max.lp, with
//	                the domain heuristic), DC stopping at one with the argument, DS at
//	                one without it; then, for EE and for DC and DS not yet answered, the
//	                sets with those ranges (range_is.lp, with query_in.lp or
//	                query_out.lp)
//	ID              the brave consequences of admissible.lp (the credulously accepted
//	                arguments), then the first model of ideal.lp with the domain
//	                heuristic, the largest admissible set of those that none of them
//	                attacks
//
// EE answers are printed in the order of argmap's (lexicographic), so outputs can be
// compared line by line.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
)

func main() {
	taskName := flag.String("p", "", "task, such as DS-PR")
	file := flag.String("f", "", "framework in the i23 format")
	argFlag := flag.String("a", "", "query argument, 1-based, for DC and DS; @ to read FILE.arg")
	engine := flag.String("engine", "argmap", "argmap or clingo")
	aspDir := flag.String("asp", "bench/iccma/asp", "directory of the ASP encodings, for clingo")
	clingo := flag.String("clingo", "clingo", "the clingo command")
	timeout := flag.Duration("timeout", 0, "give up after this long (0: never)")
	flag.Parse()
	if *taskName == "" || *file == "" {
		fmt.Fprintln(os.Stderr, "usage: driver [-engine argmap|clingo] -p TASK -f FILE [-a ARG]")
		os.Exit(2)
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	if err := run(ctx, *engine, *taskName, *file, *argFlag, *aspDir, *clingo); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		if errors.Is(err, errCPULimit) {
			os.Exit(exitCPULimit)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, engine, taskName, file, argFlag, aspDir, clingo string) error {
	task, err := iccma.ParseTask(taskName)
	if err != nil {
		return err
	}
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	n, attacks, err := iccma.ReadI23(in)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	arg := -1
	if task.NeedsArgument() {
		if argFlag == "@" {
			b, err := os.ReadFile(file + ".arg")
			if err != nil {
				return err
			}
			argFlag = string(b)
		}
		if arg, err = iccma.ParseArgument(argFlag, n); err != nil {
			return err
		}
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	switch engine {
	case "argmap":
		adj, err := iccma.Adjacency(n, attacks)
		if err != nil {
			return err
		}
		return iccma.Run(ctx, out, semantics.NewFramework(adj), task, arg)
	case "clingo":
		return runClingo(ctx, out, clingo, aspDir, task, n, attacks, arg)
	}
	return fmt.Errorf("unknown engine %q: want argmap or clingo", engine)
}

// runClingo solves task with clingo and writes the answer in the ICCMA format.
func runClingo(ctx context.Context, w io.Writer, clingo, aspDir string, task iccma.Task, n int, attacks [][2]int, arg int) error {
	c := &clingoCmd{clingo: clingo, aspDir: aspDir, facts: facts(n, attacks, arg)}
	var a *iccma.Answer
	var err error
	switch task.Semantics {
	case semantics.Grounded:
		a, err = c.direct(ctx, task, arg, "grounded.lp")
	case semantics.Complete:
		a, err = c.direct(ctx, task, arg, "complete.lp")
	case semantics.Stable:
		a, err = c.direct(ctx, task, arg, "stable.lp")
	case semantics.Preferred:
		a, err = c.preferred(ctx, task, arg)
	case semantics.SemiStable:
		a, err = c.rangeMax(ctx, task, arg, "complete.lp", n, attacks)
	case semantics.Stage:
		a, err = c.rangeMax(ctx, task, arg, "conflictfree.lp", n, attacks)
	case semantics.Ideal:
		a, err = c.ideal(ctx, task, arg)
	default:
		return fmt.Errorf("%v: no clingo encoding here", task)
	}
	if err != nil {
		return err
	}
	slices.SortFunc(a.Extensions, func(x, y semantics.Extension) int { return slices.Compare(x, y) })
	_, err = a.WriteTo(w)
	return err
}

// clingoCmd runs clingo on one framework, given as facts.
type clingoCmd struct {
	clingo, aspDir string
	facts          []byte
}

// call is one run of clingo.
type call struct {
	files  []string // encodings, in aspDir
	opts   []string // options, such as the domain heuristic's
	models int      // the most models wanted (0: all)
	extra  []byte   // facts besides the framework's
	// stop, if not nil, ends clingo at the first model for which it returns true.
	stop func(semantics.Extension) bool
}

// errCPULimit is the error of a run of clingo that its CPU-time limit ended.
var errCPULimit = errors.New("clingo ran out of CPU time")

var domRec = []string{"--heuristic=Domain", "--enum-mode=domRec"}

// run runs clingo and returns its models as extensions (the in/1 atoms), and whether
// stop ended it.
func (c *clingoCmd) run(ctx context.Context, k call) (exts []semantics.Extension, stopped bool, err error) {
	args := []string{"-V0", "-n", strconv.Itoa(k.models)}
	args = append(args, k.opts...)
	for _, f := range k.files {
		args = append(args, filepath.Join(c.aspDir, f))
	}
	args = append(args, "-")
	cmd := exec.CommandContext(ctx, c.clingo, args...)
	cmd.Stdin = io.MultiReader(bytes.NewReader(c.facts), bytes.NewReader(k.extra))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, false, err
	}
	limit, err := startLimited(cmd)
	if err != nil {
		return nil, false, err
	}
	status := ""
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "SATISFIABLE" || line == "UNSATISFIABLE" || line == "UNKNOWN" || line == "OPTIMUM FOUND":
			status = line
			continue
		case strings.HasPrefix(line, "Consequences:"), strings.HasPrefix(line, "Optimization:"):
			continue // brave reasoning's bounds, the cost of a model
		}
		e, err := parseModel(line)
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, false, err
		}
		exts = append(exts, e)
		if k.stop != nil && k.stop(e) {
			stopped = true
			cmd.Process.Kill()
			break
		}
	}
	werr := cmd.Wait()
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	if cpuLimitHit(werr, limit) {
		return nil, false, errCPULimit
	}
	if !stopped {
		if werr != nil {
			// clingo exits with 10 (a model found), 20 (search space exhausted) or
			// 30 (both) when it finished.
			if ee, ok := werr.(*exec.ExitError); !ok || !slices.Contains([]int{10, 20, 30}, ee.ExitCode()) {
				return nil, false, fmt.Errorf("clingo: %v", werr)
			}
		}
		if status != "SATISFIABLE" && status != "UNSATISFIABLE" && status != "OPTIMUM FOUND" {
			return nil, false, fmt.Errorf("clingo ended with %q", status)
		}
	}
	return exts, stopped, nil
}

// direct solves a task of a semantics whose extensions are the models of one
// encoding, in one call: DC asks for a model with the argument (query_in.lp), DS for
// one without it (query_out.lp), a counter-example.
func (c *clingoCmd) direct(ctx context.Context, task iccma.Task, arg int, file string) (*iccma.Answer, error) {
	return c.query(ctx, task, call{files: []string{file}, models: 1})
}

// query runs k for task: every model for EE, and for DC a model with the argument
// (query_in.lp), for DS one without it (query_out.lp); and returns the answer.
func (c *clingoCmd) query(ctx context.Context, task iccma.Task, k call) (*iccma.Answer, error) {
	switch task.Problem {
	case iccma.EE:
		k.models = 0
	case iccma.DC:
		k.files = append(k.files, "query_in.lp")
	case iccma.DS:
		k.files = append(k.files, "query_out.lp")
	}
	exts, _, err := c.run(ctx, k)
	if err != nil {
		return nil, err
	}
	return answerOf(task, exts), nil
}

// answerOf is the answer of task when exts are the models clingo found: for SE and EE
// the extensions, for DC the witnesses, for DS the counter-examples.
func answerOf(task iccma.Task, exts []semantics.Extension) *iccma.Answer {
	a := &iccma.Answer{Task: task, Yes: len(exts) > 0, Extensions: exts}
	switch task.Problem {
	case iccma.SE, iccma.DC:
		a.Extensions = exts[:min(1, len(exts))]
	case iccma.DS:
		a.Yes = len(exts) == 0
		a.Extensions = exts[:min(1, len(exts))]
	}
	return a
}

// preferred solves a task under preferred semantics with preferred.lp, which makes
// clingo enumerate the subset-maximal admissible sets. DC asks for a maximal one with
// the argument (a preferred extension: its supersets contain the argument too); DS
// enumerates preferred extensions until one lacks the argument (NO) or there are no
// more (YES).
func (c *clingoCmd) preferred(ctx context.Context, task iccma.Task, arg int) (*iccma.Answer, error) {
	k := call{files: []string{"preferred.lp"}, opts: domRec, models: 1}
	switch task.Problem {
	case iccma.EE:
		k.models = 0
	case iccma.DC:
		k.files = append(k.files, "query_in.lp")
	case iccma.DS:
		k.models = 0
		k.stop = func(e semantics.Extension) bool { return !e.Contains(arg) }
	}
	exts, stopped, err := c.run(ctx, k)
	if err != nil {
		return nil, err
	}
	if task.Problem == iccma.DS {
		if !stopped {
			exts = nil
		} else {
			exts = exts[len(exts)-1:]
		}
	}
	return answerOf(task, exts), nil
}

// rangeMax solves a task under semi-stable (base complete.lp) or stage semantics
// (base conflictfree.lp) by range maximisation, in up to three steps. First clingo
// finds a set with a range of the largest size (range_card.lp, clingo's optimisation),
// which has a maximal range: that answers SE, DC if the set has the argument, and DS if
// it lacks it. Then clingo enumerates one set for each maximal range (range_max.lp, with
// the domain heuristic); DC stops at the first with the argument, DS at the first
// without it. Last, for EE, and for DC and DS not answered yet, clingo enumerates the
// sets whose range is one of those maximal ranges (range_is.lp): all of them for EE, one
// with the argument for DC (query_in.lp), one without it for DS (query_out.lp).
func (c *clingoCmd) rangeMax(ctx context.Context, task iccma.Task, arg int, base string, n int, attacks [][2]int) (*iccma.Answer, error) {
	if task.Problem != iccma.EE {
		opt, _, err := c.run(ctx, call{files: []string{base, "range.lp", "range_card.lp"}, opts: []string{"--quiet=1"}})
		if err != nil {
			return nil, err
		}
		if len(opt) != 1 {
			return nil, fmt.Errorf("clingo: %d optimal models, want 1", len(opt))
		}
		if task.Problem == iccma.SE || opt[0].Contains(arg) == (task.Problem == iccma.DC) {
			return answerOf(task, opt), nil
		}
	}
	k := call{files: []string{base, "range.lp", "range_max.lp"}, opts: domRec}
	switch task.Problem {
	case iccma.DC:
		k.stop = func(e semantics.Extension) bool { return e.Contains(arg) }
	case iccma.DS:
		k.stop = func(e semantics.Extension) bool { return !e.Contains(arg) }
	}
	first, stopped, err := c.run(ctx, k)
	if err != nil {
		return nil, err
	}
	if stopped {
		return answerOf(task, first[len(first)-1:]), nil
	}
	// The maximal ranges, as facts.
	targets := make([][]int, n)
	for _, at := range attacks {
		targets[at[0]] = append(targets[at[0]], at[1])
	}
	var extra bytes.Buffer
	fmt.Fprintf(&extra, "rid(1..%d).\n", len(first))
	for i, e := range first {
		in := make([]bool, n)
		for _, a := range e {
			in[a] = true
			for _, b := range targets[a] {
				in[b] = true
			}
		}
		for x, r := range in {
			if r {
				fmt.Fprintf(&extra, "mrange(%d,%d).\n", i+1, x+1)
			}
		}
	}
	return c.query(ctx, task, call{files: []string{base, "range.lp", "range_is.lp"}, models: 1, extra: extra.Bytes()})
}

// ideal solves a task under ideal semantics in two steps: the credulously accepted
// arguments are the brave consequences of admissible.lp; the ideal extension is then the
// first model of ideal.lp, with the domain heuristic.
func (c *clingoCmd) ideal(ctx context.Context, task iccma.Task, arg int) (*iccma.Answer, error) {
	brave, _, err := c.run(ctx, call{files: []string{"admissible.lp"}, opts: []string{"--enum-mode=brave"}})
	if err != nil {
		return nil, err
	}
	if len(brave) == 0 {
		return nil, fmt.Errorf("clingo: no admissible set")
	}
	var extra bytes.Buffer
	for _, a := range brave[len(brave)-1] {
		fmt.Fprintf(&extra, "cred(%d).\n", a+1)
	}
	id, _, err := c.run(ctx, call{files: []string{"admissible.lp", "ideal.lp"}, opts: domRec, models: 1, extra: extra.Bytes()})
	if err != nil {
		return nil, err
	}
	if len(id) != 1 {
		return nil, fmt.Errorf("clingo: %d models for the ideal extension", len(id))
	}
	a := &iccma.Answer{Task: task, Yes: true, Extensions: id}
	switch task.Problem {
	case iccma.DC:
		a.Yes = id[0].Contains(arg)
	case iccma.DS:
		a.Yes = id[0].Contains(arg)
	}
	if task.NeedsArgument() && (task.Problem == iccma.DC) != a.Yes {
		a.Extensions = nil
	}
	return a, nil
}

// facts returns the framework as ASP facts, with the query argument if any.
func facts(n int, attacks [][2]int, arg int) []byte {
	var b bytes.Buffer
	b.Grow(16 * (len(attacks) + 1))
	fmt.Fprintf(&b, "arg(1..%d).\n", n)
	var buf []byte
	for _, a := range attacks {
		buf = append(buf[:0], "att("...)
		buf = strconv.AppendInt(buf, int64(a[0]+1), 10)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(a[1]+1), 10)
		buf = append(buf, ").\n"...)
		b.Write(buf)
	}
	if arg >= 0 {
		fmt.Fprintf(&b, "query(%d).\n", arg+1)
	}
	return b.Bytes()
}

// parseModel parses a model line of clingo -V0, "in(3) in(7)", into the 0-based
// extension {2, 6}.
func parseModel(line string) (semantics.Extension, error) {
	e := semantics.Extension{}
	for _, atom := range strings.Fields(line) {
		s, ok := strings.CutPrefix(atom, "in(")
		if ok {
			s, ok = strings.CutSuffix(s, ")")
		}
		v, err := strconv.Atoi(s)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("clingo printed %q, not a model of in/1 atoms", line)
		}
		e = append(e, v-1)
	}
	slices.Sort(e)
	return e, nil
}
