package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/graphviz/remote"
)

// serverIdle is how long a Graphviz server waits for a render before it
// ends.
const serverIdle = 5 * time.Minute

// graphvizDialer is how argmap render reaches Graphviz: through the
// server of this argmap binary, as ARGMAP_RENDER_SERVER and CI say (see
// remote.ModeFromEnv), with the compiled code in the user's cache; notes
// go to stderr. It is where render reads the environment, once.
func graphvizDialer(stderr io.Writer) *remote.Dialer {
	d := &remote.Dialer{
		Mode:  remote.ModeFromEnv(os.Getenv),
		Dir:   graphvizCacheDir(),
		Notes: stderr,
	}
	if exe, err := os.Executable(); err == nil {
		d.Exe = exe
		d.Spawn = func(socket string) *exec.Cmd {
			return exec.Command(exe, "graphviz-server", "--socket", socket, "--idle", serverIdle.String())
		}
	}
	return d
}

// graphvizServerCommand is the Graphviz server that argmap render starts;
// it is not for users, so help does not list it.
func graphvizServerCommand() *cli.Command {
	return &cli.Command{
		Name:   "graphviz-server",
		Hidden: true,
		Usage:  "keep Graphviz ready for argmap render (started by render itself)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "socket", Required: true, Usage: "listen at `PATH`"},
			&cli.DurationFlag{Name: "idle", Value: serverIdle, Usage: "end after this long without a render"},
			&cli.IntFlag{Name: "renders", Value: remote.DefaultRenders, Usage: "end after `N` renders (0: no limit; for measuring its memory)"},
		},
		Action: func(c *cli.Context) error {
			socket, dir := c.String("socket"), graphvizCacheDir()
			if filepath.Dir(socket) != dir {
				return usageError("the socket must be in %s", dir)
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// A render runs in WebAssembly code, which the Go scheduler
			// cannot preempt: with one processor the heartbeats that tell
			// clients the render goes on (and the watch for clients that
			// have gone) would wait for its end.
			runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0)))
			limits := remote.Limits{Idle: c.Duration("idle"), Renders: c.Int("renders")}
			if err := remote.ListenAndServe(ctx, socket, graphviz.Options{CacheDir: dir}, limits); err != nil {
				return &exitError{exitProblems, err}
			}
			return nil
		},
	}
}
