package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/argmap/argmap/renderers/graphviz"
)

// EnvMode is the environment variable that chooses the [Mode] of
// argmap's renders; see [ModeFromEnv].
const EnvMode = "ARGMAP_RENDER_SERVER"

// Mode says whether a process renders through a server.
type Mode int

const (
	// Off renders in the process, and starts no server.
	Off Mode = iota
	// On renders through the server if one answers, else in the process,
	// and then starts a server for the renders to come.
	On
	// Require renders through the server or fails, and never in the
	// process: for tests of the server.
	Require
)

// String is the mode's name, as [EnvMode] spells it.
func (m Mode) String() string {
	switch m {
	case Off:
		return "off"
	case On:
		return "on"
	case Require:
		return "require"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ModeFromEnv is the mode that the environment, as getenv reads it (say
// os.Getenv), chooses: [EnvMode] "off", "0" or "false" is [Off], "require"
// is [Require], and any other value [On]. Unset, it is On, except under
// continuous integration (CI set), where a process left behind after a job
// is more of a nuisance than a saving.
func ModeFromEnv(getenv func(string) string) Mode {
	switch getenv(EnvMode) {
	case "off", "0", "false":
		return Off
	case "require":
		return Require
	case "":
		if getenv("CI") != "" {
			return Off
		}
	}
	return On
}

// RequireStartTimeout is how long a render with [Require] waits for the
// server to start it: longer than [StartTimeout], since there is no
// rendering in the process to fall back on, and a busy machine (tests run
// in parallel) can delay the server.
const RequireStartTimeout = 3 * time.Second

// Local is an engine of the process, which [Dialer] starts when no server
// renders; *graphviz.Engine is one.
type Local interface {
	Engine
	Close(ctx context.Context) error
}

var _ Local = (*graphviz.Engine)(nil)

// A Dialer says how a short-lived process renders: through the server of
// its program, in the process, and how it starts a server. Its fields are
// all its configuration (it reads no environment); the zero Dialer renders
// in the process with no compilation cache, as Off.
type Dialer struct {
	// Mode says whether to use a server.
	Mode Mode
	// Dir is the directory of the server's socket: Graphviz's cache
	// directory, which the engine of the process creates. "" for no
	// server, and no cache.
	Dir string
	// Exe is the program whose server is asked (its build names the
	// socket: see [Socket]). "" for no server.
	Exe string
	// Client has the timeouts of renders through the server. A zero
	// StartTimeout is [StartTimeout], or with [Require]
	// [RequireStartTimeout].
	Client Client
	// Spawn returns the command that starts a server at socket, after the
	// engine of the process has started (the compiled code is then in the
	// cache: a server starts quickly). The Dialer starts it in a session
	// of its own, with no standard streams, in directory "/", and does not
	// wait for it; nil, or a nil command, starts none. Only [On] spawns.
	Spawn func(socket string) *exec.Cmd
	// Notes, if not nil, gets one line when the engine of the process
	// keeps no compiled code between runs, saying why (standard error).
	Notes io.Writer
	// NewLocal starts an engine in the process; nil means graphviz.New
	// with Dir as the cache.
	NewLocal func(ctx context.Context) (Local, error)
}

// Socket is the socket of the server that d asks, or "" if there can be
// none: d is Off, has no Dir or Exe, or [Socket] finds none. It can
// change once the engine of the process has created Dir.
func (d *Dialer) Socket() string {
	if d.Mode == Off || d.Dir == "" || d.Exe == "" {
		return ""
	}
	return Socket(d.Dir, d.Exe)
}

// Engine returns Graphviz for one run of the program, as d says.
func (d *Dialer) Engine() *AutoEngine {
	return &AutoEngine{d: *d}
}

// AutoEngine is Graphviz for one run of a short-lived program. It asks
// the program's server, if one is running; otherwise it starts Graphviz in
// the process, in the background ([AutoEngine.Start]) or on first use, and
// then starts a server for the renders to come. With [Require] it renders
// with the server or fails. Its methods are for one goroutine.
type AutoEngine struct {
	d      Dialer
	looked bool          // socket is set
	socket string        // the server's socket; "" for no server
	done   chan struct{} // closed when the engine of the process is started
	local  Local
	err    error
}

// look finds the server's socket, once.
func (a *AutoEngine) look() {
	if !a.looked {
		a.looked = true
		a.socket = a.d.Socket()
	}
}

// Start makes Graphviz ready in the background: if a server is there,
// nothing needs to be done; otherwise the engine of the process starts.
func (a *AutoEngine) Start(ctx context.Context) {
	if a.done != nil {
		return
	}
	a.look()
	if a.d.Mode == Require {
		return // never in the process
	}
	if a.socket != "" && exists(a.socket) {
		return
	}
	a.startLocal(ctx)
}

func (a *AutoEngine) startLocal(ctx context.Context) {
	if a.done != nil {
		return
	}
	a.done = make(chan struct{})
	go func() {
		defer close(a.done)
		newLocal := a.d.NewLocal
		if newLocal == nil {
			newLocal = func(ctx context.Context) (Local, error) {
				gv, err := graphviz.New(ctx, graphviz.Options{CacheDir: a.d.Dir})
				if err != nil {
					return nil, err // not a typed nil in an interface
				}
				return gv, nil
			}
		}
		a.local, a.err = newLocal(ctx)
		if a.err != nil {
			return
		}
		noteUncached(a.d.Notes, a.local)
		// New created the directory the socket goes in: look again.
		if a.d.Mode == On && a.d.Spawn != nil {
			if socket := a.d.Socket(); socket != "" {
				spawn(a.d.Spawn(socket))
			}
		}
	}()
}

// Render renders with the server if there is one, else in the process.
func (a *AutoEngine) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	a.look()
	if a.d.Mode == Require {
		if a.socket == "" {
			return nil, errors.New(EnvMode + "=require, but there can be no Graphviz server here: " +
				"its directory (argmap's cache directory) is missing, or others may enter it or a directory above it, " +
				"or the system has no Unix sockets; unset " + EnvMode + " to render in this process")
		}
		// No fallback: wait longer for a busy server.
		c := a.d.Client
		if c.StartTimeout == 0 {
			c.StartTimeout = RequireStartTimeout
		}
		outs, err := c.Render(ctx, a.socket, dot, formats...)
		if errors.Is(err, ErrUnavailable) {
			return nil, fmt.Errorf("%w ("+EnvMode+"=require renders only with a running server; unset it to render in this process)", err)
		}
		return outs, err
	}
	if a.done == nil && a.socket != "" {
		outs, err := a.d.Client.Render(ctx, a.socket, dot, formats...)
		if !errors.Is(err, ErrUnavailable) {
			return outs, err
		}
		// The server has gone (it ended, idle, as the socket was looked
		// at, say), or it is busy or stopped: render here, and start
		// another server (which ends at once if one still runs).
	}
	a.startLocal(ctx)
	<-a.done
	if a.err != nil {
		return nil, a.err
	}
	return a.local.Render(ctx, dot, formats...)
}

// Close waits for the engine of the process if it was started (so that a
// compilation under way is not cut off half-way through writing the cache)
// and closes it.
func (a *AutoEngine) Close(ctx context.Context) {
	if a.done == nil {
		return
	}
	<-a.done
	if a.local != nil {
		a.local.Close(ctx)
	}
}

// noteUncached tells, on w, why e keeps no compiled code between runs,
// once, when e is started: every render then compiles Graphviz, which is
// slower, and the user can act on the reason (a cache directory of another
// user's, or one others may write to). It says nothing when the cache is
// used, or e does not tell ([graphviz.Engine.CacheError] does).
func noteUncached(w io.Writer, e Local) {
	c, ok := e.(interface{ CacheError() error })
	if w == nil || !ok {
		return
	}
	if err := c.CacheError(); err != nil {
		fmt.Fprintf(w, "argmap: note: %v; Graphviz is compiled anew for each drawing, which is slower\n", err)
	}
}

// spawn starts cmd in the background, on its own, with nothing of this
// process's: no standard streams, its own session. Failure is silent:
// without a server, renders only take longer.
func spawn(cmd *exec.Cmd) {
	if cmd == nil {
		return
	}
	cmd.Dir = "/"
	detach(cmd)
	if cmd.Start() == nil {
		cmd.Process.Release()
	}
}

// ListenAndServe is a server's life: it starts Graphviz with opts, listens
// at socket (see [Listen]) and serves (see [Serve]) until ctx is done or a
// limit is reached. It returns nil at once if another server holds socket.
// A render runs in WebAssembly code, which the Go scheduler cannot
// preempt: the caller should let Go use two processors at least
// (runtime.GOMAXPROCS), or the heartbeats that tell clients the render
// goes on (and the watch for clients that have gone) wait for its end.
func ListenAndServe(ctx context.Context, socket string, opts graphviz.Options, limits Limits) error {
	// Graphviz first, the socket then: a client that finds the socket
	// gives up on a server that does not start its render within
	// StartTimeout, and starting Graphviz can take longer on a busy
	// machine.
	gv, err := graphviz.New(ctx, opts)
	if err != nil {
		return err
	}
	defer gv.Close(context.Background())
	ln, err := Listen(socket)
	if errors.Is(err, ErrRunning) {
		return nil
	}
	if err != nil {
		return err
	}
	return Serve(ctx, ln, gv, limits)
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
