// Command argmap checks and draws maps of legal and political arguments
// described in TOML files.
//
// Exit status: 0 when all is well, 1 when problems were found (errors, or
// warnings with --strict), 2 on a usage error (an unknown command or flag, a
// missing path, a bad flag value), 128 plus the signal's number when argmap
// render is interrupted (130 for SIGINT, 143 for SIGTERM), as a shell reports
// a command killed by the signal.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/internal/suggest"
)

// Exit statuses, documented in the README.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

func main() {
	// argmap is a short-lived process whose heap is mostly the map it reads,
	// alive until exit: collecting four times less often than Go's default
	// saves about a fifth of the CPU time of a large check (see bench/), for
	// a larger peak heap. A GOGC set by the user wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// exitError ends a command with an exit status, after the command has said
// whatever it had to say.
type exitError struct {
	code int
	err  error // printed to standard error when not nil
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

// interrupted is the cause of a context that interruptible cancelled.
type interrupted struct{ sig os.Signal }

func (i *interrupted) Error() string {
	name := i.sig.String()
	switch i.sig {
	case os.Interrupt:
		name = "SIGINT"
	case syscall.SIGTERM:
		name = "SIGTERM"
	}
	return "interrupted (" + name + ")"
}

// exitCode is 128 plus the signal's number, as a shell reports a command
// that the signal ended.
func (i *interrupted) exitCode() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}

// interruptible returns a context cancelled, with an *interrupted cause,
// when SIGINT or SIGTERM arrives, so that a command can clean up (remove a
// temporary file) before it exits. Only the first signal is caught: a
// second ends argmap at once, as signals do by default. stop releases the
// signals.
func interruptible(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			signal.Stop(ch)
			cancel(&interrupted{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(context.Canceled)
	}
}

func usageError(format string, args ...any) error {
	return &exitError{exitUsage, fmt.Errorf(format, args...)}
}

// run runs argmap with the given arguments (args[0] is the program name)
// and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	args, err := interspersed(app, args)
	if err == nil {
		err = app.Run(args)
	}
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(stderr, "argmap: %v\n", ee.err)
		}
		if ee.code == exitUsage {
			fmt.Fprintln(stderr, "Run 'argmap help' for usage.")
		}
		return ee.code
	default:
		fmt.Fprintf(stderr, "argmap: %v\n", err)
		return exitProblems
	}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "argmap",
		Usage:     "check and draw maps of legal and political arguments",
		Version:   version(),
		Writer:    stdout,
		ErrWriter: stderr,
		Commands:  []*cli.Command{checkCommand(), renderCommand(), exportCommand(), importCommand(), evalCommand(), explainCommand(), gradeCommand(), questionsCommand(), solveCommand(), serveCommand(), graphvizServerCommand()},
		// argmap decides its exit status itself, in run.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return &exitError{exitUsage, explainFlagError(c, err)}
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}

// version is argmap's module version, as the Go toolchain recorded it.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// interspersed moves a command's flags before its positional arguments.
// urfave/cli v2 stops parsing flags at the first positional argument, so
// `argmap check a.toml --strict` would otherwise take --strict for a path
// and silently not be strict. After the command's name, every argument that
// starts with '-' is a flag (with its value, for flags that take one), until
// "--", after which everything is a path. An unknown command is a usage
// error.
func interspersed(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		i++ // global flags such as --help and --version take no value
	}
	if i == len(args) {
		return args, nil
	}
	if args[i] == "help" || args[i] == "h" {
		if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && app.Command(args[i+1]) == nil {
			return nil, unknownCommand(app, args[i+1])
		}
		return args, nil
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return nil, unknownCommand(app, args[i])
	}
	var flags, paths []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			paths = append(paths, rest[j+1:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) && j+1 < len(rest) {
				flags = append(flags, rest[j+1])
				j++
			}
		default:
			paths = append(paths, a)
		}
	}
	out := slices.Concat(args[:i+1], flags)
	if len(paths) > 0 {
		out = append(append(out, "--"), paths...)
	}
	return out, nil
}

// unknownCommand is the usage error for a command argmap does not have,
// with the closest command's name when one is close: "unknown command
// "chek" (did you mean check?)", as for flags.
func unknownCommand(app *cli.App, name string) error {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Names()...)
		}
	}
	if best := suggest.Closest(name, names); best != "" {
		return usageError("unknown command %q (did you mean %s?)", name, best)
	}
	return usageError("unknown command %q", name)
}

// takesValue reports whether the command's flag called name takes a value.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		if v, ok := f.(cli.DocGenerationFlag); ok {
			return v.TakesValue()
		}
	}
	return false
}

// explainFlagError rewrites the flag package's "flag provided but not
// defined: -strcit" as "unknown flag --strcit (did you mean --strict?)".
func explainFlagError(c *cli.Context, err error) error {
	const prefix = "flag provided but not defined: -"
	name, ok := strings.CutPrefix(err.Error(), prefix)
	if !ok {
		return err
	}
	flags := c.App.Flags
	if c.Command != nil && c.Command.Name != "" {
		flags = c.Command.Flags
	}
	var names []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) > 1 {
				names = append(names, n)
			}
		}
	}
	if best := suggest.Closest(name, names); best != "" {
		return fmt.Errorf("unknown flag --%s (did you mean --%s?)", name, best)
	}
	return fmt.Errorf("unknown flag --%s", name)
}
