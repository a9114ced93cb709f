// Command compare runs `argmap solve` and clingo (through bench/iccma/driver, with the
// ASP encodings of bench/iccma/asp) on every i23 file of a directory and every task,
// side by side with a time limit each, checks
// that their answers agree, and prints a table per instance family: the median wall
// time of each engine, how many instances each solved within the limit, and the ratio
// of the medians.
//
//	compare -dir INSTANCES -argmap ARGMAP -driver DRIVER -asp bench/iccma/asp -tasks EE-ST,DS-PR
//
// Without -tasks, it runs every task argmap solve accepts (iccma.Tasks).
//
// With -tabulate, it runs nothing: it reads the listings of earlier runs made with -v
// (the files named as arguments) and prints their table. A task's runs are taken from
// the last listing that has the task, never mixed between listings, so that a run of
// some tasks again, after a change that concerns only them, replaces theirs:
//
//	compare -tabulate -timeout 30s all.txt again.txt
//
// The family of FILE.i23 is the part of its name before "-n" (random-n400-d7-s1.i23 is
// "random"). A query argument for DC and DS is read from FILE.i23.arg.
//
// Times are CPU times (user and system, of the process and the children it waited for:
// clingo's are in the driver's), as ICCMA measures them, so that other work on the
// machine slows a run down but does not make it look longer. The limit is a CPU-time
// limit too (ulimit -t, where there is one), with a wall-clock limit of ten times as
// much besides, for a run that waits. A run counts as solved if it exits with status 0
// within the limits. The median counts unsolved runs as taking the limit, so it is
// comparable between engines solving different numbers. The table also gives the most
// memory a run of each engine took (maximum resident set size). Answers are compared where both solved: the YES/NO of DC and DS,
// whether SE found an extension, and the set of extensions of EE; certificates are not
// compared, as several can be right. A disagreement is printed, and makes the exit
// status 1.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/argmap/argmap/iccma"
)

var engines = []string{"argmap", "clingo"}

type result struct {
	cpu, wall time.Duration
	rss       int64 // maximum resident set size, bytes
	solved    bool
	out       string
}

func main() {
	dir := flag.String("dir", "", "directory of .i23 files")
	argmap := flag.String("argmap", "", "the argmap binary")
	driver := flag.String("driver", "", "the driver binary, which runs clingo")
	asp := flag.String("asp", "bench/iccma/asp", "directory of the ASP encodings")
	tasks := flag.String("tasks", allTasks(), "comma-separated tasks")
	limit := flag.Duration("timeout", 30*time.Second, "CPU-time limit per run")
	verbose := flag.Bool("v", false, "print every run")
	tabulate := flag.Bool("tabulate", false, "print the table of the listings named as arguments (made with -v), running nothing")
	flag.Parse()
	if *tabulate {
		tab, err := readListings(flag.Args())
		if err != nil {
			fmt.Fprintln(os.Stderr, "compare:", err)
			os.Exit(1)
		}
		tab.report(*limit)
		return
	}
	if *dir == "" || *argmap == "" || *driver == "" {
		fmt.Fprintln(os.Stderr, "usage: compare -dir DIR -argmap ARGMAP -driver DRIVER [-asp DIR] [-tasks T,...] [-timeout 30s]")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(*dir, "*.i23"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "compare: no .i23 files in %s\n", *dir)
		os.Exit(1)
	}
	sort.Strings(files)

	tab := newTable()
	for _, task := range strings.Split(*tasks, ",") {
		for _, file := range files {
			var rs []result
			for _, e := range engines {
				args := []string{*driver, "-engine", "clingo", "-asp", *asp, "-p", task, "-f", file, "-a", "@"}
				if e == "argmap" {
					args = []string{*argmap, "solve", "-p", task, "-f", file}
					if needsArgument(task) {
						q, err := os.ReadFile(file + ".arg")
						if err != nil {
							fmt.Fprintln(os.Stderr, "compare:", err)
							os.Exit(1)
						}
						args = append(args, "-a", strings.TrimSpace(string(q)))
					}
				}
				r := runOne(args, *limit)
				tab.add(task, file, e, r)
				rs = append(rs, r)
				if *verbose {
					fmt.Printf("%-8s %-28s %-7s cpu %8.3fs wall %8.3fs %6.1f MB solved=%-5v %s\n", task, filepath.Base(file), e,
						r.cpu.Seconds(), r.wall.Seconds(), float64(r.rss)/(1<<20), r.solved, clipLine(firstLine(r.out)))
				}
			}
			if rs[0].solved && rs[1].solved && !agree(task, rs[0].out, rs[1].out) {
				tab.disagreements++
				fmt.Printf("DISAGREEMENT %s %s:\nargmap: %q\nclingo: %q\n", task, file, clip(rs[0].out), clip(rs[1].out))
			}
		}
	}

	tab.report(*limit)
}

// allTasks returns every task argmap solve accepts, comma-separated.
func allTasks() string {
	var names []string
	for _, t := range iccma.Tasks() {
		names = append(names, t.String())
	}
	return strings.Join(names, ",")
}

func row(fam, task string, a, c []result, limit time.Duration) {
	ma, mc := median(a, limit), median(c, limit)
	ratio := "-"
	if mc > 0 {
		ratio = fmt.Sprintf("%.2f", ma.Seconds()/mc.Seconds())
	}
	fmt.Printf("| %-10s | %-6s | %5d | %13.3fs | %13s | %9.0f | %13.3fs | %13s | %9.0f | %6s |\n",
		fam, task, len(a), ma.Seconds(), fmt.Sprintf("%d/%d", solved(a), len(a)), maxRSS(a),
		mc.Seconds(), fmt.Sprintf("%d/%d", solved(c), len(c)), maxRSS(c), ratio)
}

// maxRSS returns the most memory a run took, in MB.
func maxRSS(rs []result) float64 {
	var m int64
	for _, r := range rs {
		m = max(m, r.rss)
	}
	return float64(m) / (1 << 20)
}

func dashes(n int) string { return strings.Repeat("-", n) }

// family returns the part of the file's name before "-n".
func family(file string) string {
	base := filepath.Base(file)
	if i := strings.Index(base, "-n"); i > 0 {
		return base[:i]
	}
	return strings.TrimSuffix(base, ".i23")
}

// needsArgument reports whether task (DC-σ or DS-σ) is about a query argument.
func needsArgument(task string) bool {
	return strings.HasPrefix(task, "DC-") || strings.HasPrefix(task, "DS-")
}

// wallFactor is how many times the CPU-time limit a run may take on the clock: enough
// for a machine busy with other work.
const wallFactor = 10

// runOne runs a command once in its own process group, so that clingo, the driver's
// child, is killed with it at the wall-clock limit, and with a CPU-time limit, which
// clingo inherits.
func runOne(args []string, limit time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), wallFactor*limit)
	defer cancel()
	args = cpuLimited(args, limit)
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	killGroup(cmd)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(start)}
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
		r.rss = maxRSSOf(ps)
	}
	if err != nil {
		if ctx.Err() == nil && r.cpu < limit && !cpuLimitHit(cmd.ProcessState) {
			fmt.Fprintf(os.Stderr, "compare: %s: %v: %s\n", strings.Join(args, " "), err, clip(errOut.String()))
		}
		return r
	}
	if r.cpu > limit {
		return r // over the limit, though ulimit did not stop it
	}
	r.solved, r.out = true, out.String()
	return r
}

// agree compares the answers of the two engines; see the package comment.
func agree(task, a, b string) bool {
	switch task[:2] {
	case "DC", "DS":
		return firstLine(a) == firstLine(b)
	case "SE":
		return (firstLine(a) == "NO") == (firstLine(b) == "NO")
	}
	la, lb := strings.Split(strings.TrimSpace(a), "\n"), strings.Split(strings.TrimSpace(b), "\n")
	slices.Sort(la)
	slices.Sort(lb)
	return slices.Equal(la, lb)
}

// clipLine shortens a line for the verbose listing.
func clipLine(s string) string {
	if len(s) > 48 {
		return s[:45] + "..."
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

func solved(rs []result) int {
	n := 0
	for _, r := range rs {
		if r.solved {
			n++
		}
	}
	return n
}

// median returns the median wall time, unsolved runs counting as limit.
func median(rs []result, limit time.Duration) time.Duration {
	if len(rs) == 0 {
		return 0
	}
	ts := make([]time.Duration, len(rs))
	for i, r := range rs {
		ts[i] = r.cpu
		if !r.solved {
			ts[i] = limit
		}
	}
	slices.Sort(ts)
	if len(ts)%2 == 1 {
		return ts[len(ts)/2]
	}
	return (ts[len(ts)/2-1] + ts[len(ts)/2]) / 2
}
