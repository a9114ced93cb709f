package main

import (
	"context"
	"errors"
	"fmt"
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

// requireStartTimeout is how long a render with ARGMAP_RENDER_SERVER=require
// waits for the server to start it: longer than remote.StartTimeout, since
// there is no rendering in this process to fall back on, and a busy machine
// (tests run in parallel) can delay the server.
const requireStartTimeout = 3 * time.Second

// lazyEngine is Graphviz for one run of argmap render. It asks the
// Graphviz server of this argmap binary, if one is running (see package
// remote); otherwise it starts Graphviz in this process, in the background
// or on first use, and then starts a server for the renders to come. With
// ARGMAP_RENDER_SERVER=require it renders with the server or fails.
type lazyEngine struct {
	looked bool          // socket is set
	socket string        // the server's socket; "" for no server
	done   chan struct{} // closed when the engine of this process is started
	gv     *graphviz.Engine
	err    error
}

// look finds the server's socket, once.
func (l *lazyEngine) look() {
	if !l.looked {
		l.looked = true
		l.socket = serverSocket()
	}
}

// start makes Graphviz ready in the background: if a server is there,
// nothing needs to be done; otherwise this process's own engine starts.
func (l *lazyEngine) start(ctx context.Context) {
	if l.done != nil {
		return
	}
	l.look()
	if serverMode() == "require" {
		return // never in this process
	}
	if l.socket != "" {
		if _, err := os.Stat(l.socket); err == nil {
			return
		}
	}
	l.startLocal(ctx)
}

func (l *lazyEngine) startLocal(ctx context.Context) {
	if l.done != nil {
		return
	}
	l.done = make(chan struct{})
	go func() {
		defer close(l.done)
		l.gv, l.err = graphviz.New(ctx, graphviz.Options{CacheDir: graphvizCacheDir()})
		noteUncached(os.Stderr, l.gv)
		if l.err == nil {
			// The compiled code is in the cache now (New created the
			// directory the socket goes in): a server starts quickly.
			spawnServer(serverSocket()) // "" when the server is off
		}
	}()
}

// Render renders with the server if there is one, else in this process.
func (l *lazyEngine) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	l.look()
	if serverMode() == "require" {
		if l.socket == "" {
			return nil, errors.New("ARGMAP_RENDER_SERVER=require, but there can be no Graphviz server here: " +
				"its directory (argmap's cache directory) is missing, or others may enter it or a directory above it, " +
				"or the system has no Unix sockets; unset ARGMAP_RENDER_SERVER to render in this process")
		}
		// No fallback: wait longer for a busy server.
		outs, err := remote.Client{StartTimeout: requireStartTimeout}.Render(ctx, l.socket, dot, formats...)
		if errors.Is(err, remote.ErrUnavailable) {
			return nil, fmt.Errorf("%w (ARGMAP_RENDER_SERVER=require renders only with a running server; unset it to render in this process)", err)
		}
		return outs, err
	}
	if l.done == nil && l.socket != "" {
		outs, err := remote.Render(ctx, l.socket, dot, formats...)
		if !errors.Is(err, remote.ErrUnavailable) {
			return outs, err
		}
		// The server has gone (it ended, idle, as the socket was looked
		// at, say), or it is busy or stopped: render here, and start
		// another server (which ends at once if one still runs).
	}
	l.startLocal(ctx)
	<-l.done
	if l.err != nil {
		return nil, l.err
	}
	return l.gv.Render(ctx, dot, formats...)
}

// close waits for Graphviz if it was started (so that a compilation under
// way is not cut off half-way through writing the cache) and closes it.
func (l *lazyEngine) close(ctx context.Context) {
	if l.done == nil {
		return
	}
	<-l.done
	if l.gv != nil {
		l.gv.Close(ctx)
	}
}

// serverMode is ARGMAP_RENDER_SERVER: "off" (no server), "on", or
// "require" (the server or an error: for tests). Unset, it is "on", except
// under continuous integration (CI set), where a process left behind after
// a job is more of a nuisance than a saving.
func serverMode() string {
	switch v := os.Getenv("ARGMAP_RENDER_SERVER"); v {
	case "off", "0", "false":
		return "off"
	case "require":
		return v
	case "":
		if os.Getenv("CI") != "" {
			return "off"
		}
	}
	return "on"
}

// serverSocket is the socket of this binary's Graphviz server, or "" if it
// has none.
func serverSocket() string {
	if serverMode() == "off" {
		return ""
	}
	dir := graphvizCacheDir()
	exe, err := os.Executable()
	if dir == "" || err != nil {
		return ""
	}
	return remote.Socket(dir, exe)
}

// spawnServer starts argmap graphviz-server in the background, on its own,
// with nothing of this process's: no standard streams, its own session.
// Failure is silent: without a server, renders only take longer.
func spawnServer(socket string) {
	exe, err := os.Executable()
	if socket == "" || err != nil {
		return
	}
	cmd := exec.Command(exe, "graphviz-server", "--socket", socket, "--idle", serverIdle.String())
	cmd.Dir = "/"
	detach(cmd)
	if cmd.Start() == nil {
		cmd.Process.Release()
	}
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
			socket := c.String("socket")
			if filepath.Dir(socket) != graphvizCacheDir() {
				return usageError("the socket must be in %s", graphvizCacheDir())
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// A render runs in WebAssembly code, which the Go scheduler
			// cannot preempt: with one processor the heartbeats that tell
			// clients the render goes on (and the watch for clients that
			// have gone) would wait for its end.
			runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0)))
			// Graphviz first, the socket then: a client that finds the
			// socket gives up on a server that does not start its render
			// within remote.StartTimeout, and starting Graphviz can take
			// longer on a busy machine.
			gv, err := graphviz.New(ctx, graphviz.Options{CacheDir: graphvizCacheDir()})
			if err != nil {
				return &exitError{exitProblems, err}
			}
			defer gv.Close(context.Background())
			ln, err := remote.Listen(socket)
			if errors.Is(err, remote.ErrRunning) {
				return nil
			}
			if err != nil {
				return &exitError{exitProblems, err}
			}
			if err := remote.Serve(ctx, ln, gv, remote.Limits{Idle: c.Duration("idle"), Renders: c.Int("renders")}); err != nil {
				return &exitError{exitProblems, err}
			}
			return nil
		},
	}
}
