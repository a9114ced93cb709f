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
// clingo, and reads its models as they come. Tasks for clingo:
//
//	SE-ST, EE-ST, DC-ST, DS-ST   stable.lp (with query_in.lp / query_out.lp)
//	SE-CO, EE-CO, DC-CO          complete.lp (with query_in.lp)
//	SE-PR, EE-PR, DC-PR          preferred.lp with --heuristic=Domain --enum-mode=domRec
//	DS-PR                        the same, enumerating preferred extensions until one
//	                             lacks the argument (then clingo is stopped: NO), or
//	                             there are no more (YES)
//
// EE answers are printed in the order of argmap's (lexicographic), so outputs can be
// compared line by line.
package main

import (
	"bufio"
	"bytes"
	"context"
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
	var files, opts []string
	domRec := []string{"--heuristic=Domain", "--enum-mode=domRec"}
	models := "0"
	switch task.Semantics {
	case semantics.Stable:
		files = []string{"stable.lp"}
	case semantics.Complete:
		files = []string{"complete.lp"}
	case semantics.Preferred:
		files = []string{"preferred.lp"}
		opts = domRec
	default:
		return fmt.Errorf("%v: no clingo encoding here", task)
	}
	switch {
	case task.Problem == iccma.SE:
		models = "1"
	case task.Problem == iccma.DC:
		files, models = append(files, "query_in.lp"), "1"
	case task.Problem == iccma.DS && task.Semantics == semantics.Preferred:
		// Enumerate, stop at the first counter-example.
	case task.Problem == iccma.DS && task.Semantics == semantics.Stable:
		files, models = append(files, "query_out.lp"), "1"
	case task.Problem == iccma.DS:
		return fmt.Errorf("%v: no clingo encoding here", task)
	}
	args := []string{"-V0", "-n", models}
	args = append(args, opts...)
	for _, f := range files {
		args = append(args, filepath.Join(aspDir, f))
	}
	args = append(args, "-")
	cmd := exec.CommandContext(ctx, clingo, args...)
	cmd.Stdin = facts(n, attacks, arg)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	var exts []semantics.Extension
	status := ""
	stopped := false
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		line := sc.Text()
		switch line {
		case "SATISFIABLE", "UNSATISFIABLE", "UNKNOWN", "OPTIMUM FOUND":
			status = line
			continue
		}
		e, err := parseModel(line)
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return err
		}
		exts = append(exts, e)
		if task.Problem == iccma.DS && task.Semantics == semantics.Preferred && !e.Contains(arg) {
			stopped = true
			cmd.Process.Kill()
			break
		}
	}
	werr := cmd.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if !stopped {
		if werr != nil {
			// clingo exits with 10 (a model found), 20 (search space exhausted) or
			// 30 (both) when it finished.
			if ee, ok := werr.(*exec.ExitError); !ok || !slices.Contains([]int{10, 20, 30}, ee.ExitCode()) {
				return fmt.Errorf("clingo: %v", werr)
			}
		}
		if status != "SATISFIABLE" && status != "UNSATISFIABLE" {
			return fmt.Errorf("clingo ended with %q", status)
		}
	}

	var buf []byte
	switch task.Problem {
	case iccma.SE:
		if len(exts) == 0 {
			buf = append(buf, "NO\n"...)
		} else {
			buf = iccma.AppendWitness(buf, exts[0])
		}
	case iccma.EE:
		slices.SortFunc(exts, func(a, b semantics.Extension) int { return slices.Compare(a, b) })
		for _, e := range exts {
			buf = iccma.AppendWitness(buf, e)
		}
		if len(exts) == 0 {
			buf = append(buf, "NO\n"...)
		}
	case iccma.DC:
		if len(exts) == 0 {
			buf = append(buf, "NO\n"...)
		} else {
			buf = iccma.AppendWitness(append(buf, "YES\n"...), exts[0])
		}
	case iccma.DS:
		var counter semantics.Extension
		found := false
		for _, e := range exts {
			if !e.Contains(arg) {
				counter, found = e, true
				break
			}
		}
		if found {
			buf = iccma.AppendWitness(append(buf, "NO\n"...), counter)
		} else {
			buf = append(buf, "YES\n"...)
		}
	}
	_, err = w.Write(buf)
	return err
}

// facts returns the framework as ASP facts, with the query argument if any.
func facts(n int, attacks [][2]int, arg int) io.Reader {
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
	return &b
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
