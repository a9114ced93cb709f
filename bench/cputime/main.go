// Command cputime measures the CPU time and wall time of commands.
//
// Usage:
//
//	cputime [-n N] [-warmup W] [-maxexit S] [-label L] -- CMD [ARG...] [::: [-label L] -- CMD [ARG...]]...
//
// cputime runs each command W times unmeasured (default 1), to warm the file
// cache, and then N times measured (default 10). It prints one line per
// command with the median and minimum of the CPU time (user plus system time
// of the process, and of any children it waited for) and of the wall time:
//
//	label=floor cpu_median=0.1310s cpu_min=0.1270s wall_median=0.1400s wall_min=0.1350s runs=10 exit=0
//
// Several commands are separated by a ":::" argument; each may be preceded by
// -label and its name, and by "--", which is needed when the command itself
// begins with "-". The label defaults to the base name of the command. The
// runs are interleaved, A B A B ..., so that changes in the load of the machine
// affect all the commands alike. After the lines of the commands, cputime
// prints for every command after the first the ratio of its median CPU time
// to that of the first, with the ratios of the minimum CPU time and of the
// median wall time:
//
//	ratio argmap/floor = 1.23 (cpu median; cpu_min=1.21 wall_median=1.10)
//
// For example:
//
//	cputime -n 10 -label floor -- tomlfloor big.toml ::: -label argmap -- argmap check big.toml
//
// The commands' standard input is empty and their standard output is
// discarded. An exit status up to S (default 1, since "argmap check" exits
// with 1 when it finds problems) is accepted and reported in the exit field,
// as a comma-separated list of the statuses seen. A higher status, or death
// by a signal, stops cputime, which then prints the end of the command's
// standard error and exits with status 1.
//
// Run built binaries rather than "go run", whose compilation would be
// measured too.
package main

import (
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
	"time"
)

// separator separates the commands on the command line.
const separator = ":::"

// A command is one of the commands being measured.
type command struct {
	label string
	path  string   // the executable, as found by exec.LookPath
	args  []string // the command line, args[0] as given
	cpu   []time.Duration
	wall  []time.Duration
	exits map[int]int // exit status -> number of runs
	// stderr holds the standard error of the latest run.
	stderr *os.File
}

func main() {
	fs := flag.NewFlagSet("cputime", flag.ExitOnError)
	n := fs.Int("n", 10, "number of measured `runs` of each command")
	warmup := fs.Int("warmup", 1, "number of unmeasured `runs` of each command before the measured ones")
	maxExit := fs.Int("maxexit", 1, "highest accepted exit `status`")
	label := fs.String("label", "", "`name` of the first command in the output")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: cputime [-n N] [-warmup W] [-maxexit S] [-label L] -- CMD [ARG...] [::: [-label L] -- CMD [ARG...]]...")
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:])
	if *n < 1 || *warmup < 0 || *maxExit < 0 {
		fmt.Fprintln(os.Stderr, "cputime: -n must be at least 1, -warmup and -maxexit at least 0")
		os.Exit(2)
	}
	cmds, err := parseCommands(*label, fs.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "cputime: %v\n", err)
		fs.Usage()
		os.Exit(2)
	}
	if err := measure(cmds, *n, *warmup, *maxExit); err != nil {
		fmt.Fprintf(os.Stderr, "cputime: %v\n", err)
		os.Exit(1)
	}
	report(os.Stdout, cmds)
}

// parseCommands parses the commands after the flags: the first one, labelled
// firstLabel, and the ones after each separator, with their own -label flags.
func parseCommands(firstLabel string, args []string) ([]*command, error) {
	var cmds []*command
	for i, seg := range split(args) {
		label := firstLabel
		if i > 0 {
			fs := flag.NewFlagSet("cputime", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.StringVar(&label, "label", "", "")
			if err := fs.Parse(seg); err != nil {
				return nil, fmt.Errorf("command %d: %v", i+1, err)
			}
			seg = fs.Args()
		}
		if len(seg) == 0 {
			return nil, fmt.Errorf("command %d is empty", i+1)
		}
		path, err := exec.LookPath(seg[0])
		if err != nil {
			return nil, fmt.Errorf("command %d: %w", i+1, err)
		}
		if label == "" {
			label = filepath.Base(seg[0])
		}
		if strings.ContainsAny(label, " \t\n=/") {
			return nil, fmt.Errorf("command %d: label %q contains a space, '=' or '/'", i+1, label)
		}
		cmds = append(cmds, &command{label: label, path: path, args: seg, exits: make(map[int]int)})
	}
	// Make the labels unique: floor, floor#2, ...
	count := make(map[string]int)
	for _, c := range cmds {
		count[c.label]++
		if k := count[c.label]; k > 1 {
			c.label += "#" + strconv.Itoa(k)
		}
	}
	return cmds, nil
}

// split splits args at each separator.
func split(args []string) [][]string {
	var segs [][]string
	for {
		i := slices.Index(args, separator)
		if i < 0 {
			return append(segs, args)
		}
		segs = append(segs, args[:i])
		args = args[i+1:]
	}
}

// measure runs the commands, interleaved, warmup times and then n times,
// recording the measured runs.
func measure(cmds []*command, n, warmup, maxExit int) error {
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		return err
	}
	defer devNull.Close()
	stdout, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer stdout.Close()
	for _, c := range cmds {
		c.stderr, err = os.CreateTemp("", "cputime-stderr-")
		if err != nil {
			return err
		}
		defer os.Remove(c.stderr.Name())
		defer c.stderr.Close()
	}

	for run := -warmup; run < n; run++ {
		for _, c := range cmds {
			cpu, wall, status, err := c.run(devNull, stdout)
			if err != nil {
				return fmt.Errorf("%s: %w", c.label, err)
			}
			if status < 0 || status > maxExit {
				what := "killed by a signal"
				if status >= 0 {
					what = fmt.Sprintf("exit status %d", status)
				}
				msg := fmt.Sprintf("%s: %s: %s", c.label, strings.Join(c.args, " "), what)
				if t := c.tail(2048); t != "" {
					msg += "; its standard error ends with:\n" + strings.TrimSuffix(t, "\n")
				}
				return errors.New(msg)
			}
			if run >= 0 {
				c.cpu = append(c.cpu, cpu)
				c.wall = append(c.wall, wall)
				c.exits[status]++
			}
		}
	}
	return nil
}

// run runs c once and returns its CPU time, its wall time and its exit
// status, -1 if it was killed by a signal. The error is for a command that
// could not be run at all.
func (c *command) run(stdin, stdout *os.File) (cpu, wall time.Duration, status int, err error) {
	if err := c.stderr.Truncate(0); err != nil {
		return 0, 0, 0, err
	}
	if _, err := c.stderr.Seek(0, io.SeekStart); err != nil {
		return 0, 0, 0, err
	}
	cmd := &exec.Cmd{Path: c.path, Args: c.args, Stdin: stdin, Stdout: stdout, Stderr: c.stderr}
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return 0, 0, 0, err
	}
	st := cmd.ProcessState
	return st.UserTime() + st.SystemTime(), wall, st.ExitCode(), nil
}

// tail returns the end, at most limit bytes, of the standard error of c's
// latest run.
func (c *command) tail(limit int64) string {
	size, err := c.stderr.Seek(0, io.SeekEnd)
	if err != nil || size == 0 {
		return ""
	}
	off := max(0, size-limit)
	buf := make([]byte, size-off)
	if _, err := c.stderr.ReadAt(buf, off); err != nil && err != io.EOF {
		return ""
	}
	if off > 0 {
		buf = append([]byte("..."), buf...)
	}
	return string(buf)
}

// report prints the figures of every command and the ratios to the first.
func report(w io.Writer, cmds []*command) {
	for _, c := range cmds {
		fmt.Fprintf(w, "label=%s cpu_median=%s cpu_min=%s wall_median=%s wall_min=%s runs=%d exit=%s\n",
			c.label, secs(median(c.cpu)), secs(slices.Min(c.cpu)),
			secs(median(c.wall)), secs(slices.Min(c.wall)), len(c.cpu), exits(c.exits))
	}
	base := cmds[0]
	for _, c := range cmds[1:] {
		fmt.Fprintf(w, "ratio %s/%s = %s (cpu median; cpu_min=%s wall_median=%s)\n", c.label, base.label,
			ratio(median(c.cpu), median(base.cpu)),
			ratio(slices.Min(c.cpu), slices.Min(base.cpu)),
			ratio(median(c.wall), median(base.wall)))
	}
}

// median returns the median of ds, the mean of the two middle values if
// there is an even number of them.
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func secs(d time.Duration) string { return fmt.Sprintf("%.4fs", d.Seconds()) }

func ratio(a, b time.Duration) string {
	if b == 0 {
		return "inf"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// exits formats the exit statuses seen, such as "0" or "0,1".
func exits(m map[int]int) string {
	var codes []int
	for code := range m {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	s := make([]string, len(codes))
	for i, code := range codes {
		s[i] = strconv.Itoa(code)
	}
	return strings.Join(s, ",")
}
