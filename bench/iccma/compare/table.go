package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/argmap/argmap/iccma"
)

// key is a row of the table: a family of frameworks and a task.
type key struct{ family, task string }

// table holds the runs of both engines, by row, in the order the rows first appeared.
type table struct {
	keys          []key
	runs          map[key]map[string][]result
	disagreements int
}

func newTable() *table { return &table{runs: map[key]map[string][]result{}} }

// add records engine's run of task on file.
func (t *table) add(task, file, engine string, r result) {
	k := key{family(file), task}
	if t.runs[k] == nil {
		t.runs[k] = map[string][]result{}
		t.keys = append(t.keys, k)
	}
	t.runs[k][engine] = append(t.runs[k][engine], r)
}

// report prints the table, the comparison run by run, and whether the engines agreed.
func (t *table) report(limit time.Duration) {
	fmt.Printf("\nCPU-time limit %v per run; median CPU time, unsolved runs counted as the limit;\n", limit)
	fmt.Printf("ratio = argmap median / clingo median (below 1: argmap faster); MB: the most memory a run took.\n\n")
	fmt.Printf("| %-10s | %-6s | %5s | %14s | %13s | %9s | %14s | %13s | %9s | %6s |\n",
		"family", "task", "inst.", "argmap median", "argmap solved", "argmap MB", "clingo median", "clingo solved", "clingo MB", "ratio")
	fmt.Printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", dashes(12), dashes(8), dashes(7), dashes(16), dashes(15), dashes(11), dashes(16), dashes(15), dashes(11), dashes(8))
	totals := map[string][]result{}
	for _, k := range t.keys {
		a, c := t.runs[k]["argmap"], t.runs[k]["clingo"]
		totals["argmap"] = append(totals["argmap"], a...)
		totals["clingo"] = append(totals["clingo"], c...)
		row(k.family, k.task, a, c, limit)
	}
	row("all", "all", totals["argmap"], totals["clingo"], limit)
	both, faster := 0, 0
	logSum := 0.0
	for i, a := range totals["argmap"] {
		if i >= len(totals["clingo"]) {
			break
		}
		if c := totals["clingo"][i]; a.solved && c.solved {
			both++
			if a.cpu < c.cpu {
				faster++
			}
			logSum += math.Log(max(a.cpu.Seconds(), 1e-3) / max(c.cpu.Seconds(), 1e-3))
		}
	}
	if both > 0 {
		fmt.Printf("\nOf the %d runs both solved, argmap was faster in %d; its time was %.2f times clingo's in geometric mean.\n",
			both, faster, math.Exp(logSum/float64(both)))
	}
	if t.disagreements > 0 {
		fmt.Printf("\n%d DISAGREEMENTS between the engines\n", t.disagreements)
		os.Exit(1)
	}
	fmt.Printf("\nThe engines agreed on every instance both solved.\n")
}

// listed is one run as a -v listing prints it.
type listed struct {
	task, file, engine string
	r                  result
}

// readListings reads the listings of runs made with -v, in order; the runs of a task
// come from the last listing that has it. A DISAGREEMENT line counts for its task.
func readListings(paths []string) (*table, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("-tabulate: name the listings to read")
	}
	byTask := map[string][]listed{}
	disagree := map[string]int{}
	var order []string
	for _, path := range paths {
		runs, dis, err := readListing(path)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, l := range runs {
			if !seen[l.task] {
				seen[l.task] = true
				if _, ok := byTask[l.task]; !ok {
					order = append(order, l.task)
				}
				byTask[l.task] = nil
				disagree[l.task] = 0
			}
			byTask[l.task] = append(byTask[l.task], l)
		}
		for task, n := range dis {
			disagree[task] += n
		}
	}
	// The rows follow argmap solve's order of tasks, whatever order the listings ran them in.
	rank := map[string]int{}
	for i, task := range iccma.Tasks() {
		rank[task.String()] = i
	}
	slices.SortStableFunc(order, func(a, b string) int { return rank[a] - rank[b] })
	t := newTable()
	for _, task := range order {
		for _, l := range byTask[task] {
			t.add(l.task, l.file, l.engine, l.r)
		}
		t.disagreements += disagree[task]
	}
	return t, nil
}

// readListing reads one listing: its runs, and its disagreements by task.
func readListing(path string) ([]listed, map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var runs []listed
	dis := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "DISAGREEMENT "); ok {
			task, _, _ := strings.Cut(rest, " ")
			dis[task]++
			continue
		}
		l, ok, err := parseRun(line)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if ok {
			runs = append(runs, l)
		}
	}
	return runs, dis, sc.Err()
}

// parseRun parses a line of a -v listing,
//
//	DC-GR    dense-n200-d5-s1.i23         argmap  cpu    0.008s wall    0.008s   11.2 MB solved=true  NO
//
// and reports false for a line that is not one.
func parseRun(line string) (listed, bool, error) {
	fs := strings.Fields(line)
	if len(fs) < 9 || fs[3] != "cpu" || fs[5] != "wall" || fs[8] != "MB" || !strings.HasSuffix(fs[1], ".i23") {
		return listed{}, false, nil
	}
	if fs[2] != "argmap" && fs[2] != "clingo" {
		return listed{}, false, fmt.Errorf("unknown engine %q", fs[2])
	}
	cpu, err1 := time.ParseDuration(fs[4])
	wall, err2 := time.ParseDuration(fs[6])
	mb, err3 := strconv.ParseFloat(fs[7], 64)
	solved, ok := strings.CutPrefix(safe(fs, 9), "solved=")
	if err1 != nil || err2 != nil || err3 != nil || !ok || (solved != "true" && solved != "false") {
		return listed{}, false, fmt.Errorf("not a run: %q", line)
	}
	return listed{task: fs[0], file: filepath.Base(fs[1]), engine: fs[2],
		r: result{cpu: cpu, wall: wall, rss: int64(mb * (1 << 20)), solved: solved == "true"}}, true, nil
}

func safe(fs []string, i int) string {
	if i < len(fs) {
		return fs[i]
	}
	return ""
}
