package remote

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/renderers/graphviz"
)

func TestModeFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Mode
	}{
		{map[string]string{}, On},
		{map[string]string{"CI": "true"}, Off},
		{map[string]string{"CI": "1", EnvMode: "on"}, On},
		{map[string]string{EnvMode: "off"}, Off},
		{map[string]string{EnvMode: "0"}, Off},
		{map[string]string{EnvMode: "false"}, Off},
		{map[string]string{EnvMode: "require", "CI": "true"}, Require},
		{map[string]string{EnvMode: "require"}, Require},
		{map[string]string{EnvMode: "1"}, On},
		{map[string]string{EnvMode: "yes", "CI": "true"}, On},
	} {
		if got := ModeFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
}

// fakeLocal is an engine of the process that answers "local: DOT".
type fakeLocal struct{ closed bool }

func (f *fakeLocal) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	return [][]byte{append([]byte("local: "), dot...)}, nil
}
func (f *fakeLocal) Err() error                      { return nil }
func (f *fakeLocal) Close(ctx context.Context) error { f.closed = true; return nil }

// fakeServer is a server's engine that answers "server: DOT".
type fakeServer struct{}

func (fakeServer) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	return [][]byte{append([]byte("server: "), dot...)}, nil
}
func (fakeServer) Err() error { return nil }

// dialerRun is a Dialer for a test, with the engines it started and the
// servers it spawned.
type dialerRun struct {
	Dialer
	locals  []*fakeLocal
	spawned []string
}

// newDialer returns a Dialer in mode whose socket goes in dir, which
// starts fake engines in the process (creating dir, as graphviz.New does)
// and records the servers it would spawn.
func newDialer(mode Mode, dir string) *dialerRun {
	r := &dialerRun{}
	r.Dialer = Dialer{
		Mode: mode,
		Dir:  dir,
		Exe:  os.Args[0],
		NewLocal: func(ctx context.Context) (Local, error) {
			if dir != "" {
				os.MkdirAll(dir, 0o700)
			}
			l := &fakeLocal{}
			r.locals = append(r.locals, l)
			return l, nil
		},
		Spawn: func(socket string) *exec.Cmd {
			r.spawned = append(r.spawned, socket)
			return nil
		},
	}
	return r
}

// render renders "g" with a fresh engine of d, started first if start, and
// closes the engine.
func (r *dialerRun) render(t *testing.T, start bool) (string, error) {
	t.Helper()
	ctx := context.Background()
	e := r.Engine()
	if start {
		e.Start(ctx)
	}
	outs, err := e.Render(ctx, []byte("g"), "svg")
	e.Close(ctx)
	if err != nil {
		return "", err
	}
	return string(outs[0]), nil
}

// TestDialerFallback renders without a server: in the process, and then a
// server is spawned at the socket, once the engine of the process has
// created the socket's directory; whether the socket file is missing, or
// left by a server that died.
func TestDialerFallback(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(dir string)
	}{
		{"no directory", func(dir string) { os.Remove(dir) }},
		{"no socket", func(dir string) {}},
		{"stale socket", func(dir string) {
			os.WriteFile(Socket(dir, os.Args[0]), nil, 0o600) // no one listens
		}},
	} {
		for _, start := range []bool{false, true} {
			dir := shortTempDir(t)
			c.setup(dir)
			d := newDialer(On, dir)
			got, err := d.render(t, start)
			if err != nil || got != "local: g" {
				t.Errorf("%s, started %v: %q, %v; want a render in the process", c.name, start, got, err)
			}
			if want := []string{Socket(dir, os.Args[0])}; want[0] == "" || !slices.Equal(d.spawned, want) {
				t.Errorf("%s, started %v: spawned %q, want %q", c.name, start, d.spawned, want)
			}
			if len(d.locals) != 1 || !d.locals[0].closed {
				t.Errorf("%s, started %v: %d engines in the process, want 1, closed", c.name, start, len(d.locals))
			}
		}
	}
}

// TestDialerServer renders through a running server: no engine in the
// process, no server spawned.
func TestDialerServer(t *testing.T) {
	dir := shortTempDir(t)
	serveAt(t, Socket(dir, os.Args[0]), fakeServer{})
	for _, mode := range []Mode{On, Require} {
		for _, start := range []bool{false, true} {
			d := newDialer(mode, dir)
			got, err := d.render(t, start)
			if err != nil || got != "server: g" {
				t.Errorf("%v, started %v: %q, %v; want a render by the server", mode, start, got, err)
			}
			if len(d.locals) != 0 || len(d.spawned) != 0 {
				t.Errorf("%v, started %v: %d engines in the process, spawned %q; want none", mode, start, len(d.locals), d.spawned)
			}
		}
	}
}

// TestDialerOff renders in the process, even with a server running, and
// never spawns one: with ARGMAP_RENDER_SERVER=off, or unset under CI.
func TestDialerOff(t *testing.T) {
	dir := shortTempDir(t)
	serveAt(t, Socket(dir, os.Args[0]), fakeServer{})
	for _, env := range []map[string]string{{EnvMode: "off"}, {"CI": "true"}} {
		for _, start := range []bool{false, true} {
			d := newDialer(ModeFromEnv(func(k string) string { return env[k] }), dir)
			if s := d.Socket(); s != "" {
				t.Errorf("%v: socket %s with the server off", env, s)
			}
			got, err := d.render(t, start)
			if err != nil || got != "local: g" {
				t.Errorf("%v, started %v: %q, %v; want a render in the process", env, start, got, err)
			}
			if len(d.spawned) != 0 {
				t.Errorf("%v, started %v: spawned %q", env, start, d.spawned)
			}
		}
	}
}

// TestDialerRequire fails without a server, and never renders in the
// process nor spawns a server.
func TestDialerRequire(t *testing.T) {
	for _, c := range []struct {
		name, dir, want string
		unavailable     bool
	}{
		{"no socket possible", "", EnvMode + "=require, but there can be no Graphviz server here", false},
		{"no server", shortTempDir(t), EnvMode + "=require renders only with a running server", true},
	} {
		for _, start := range []bool{false, true} {
			d := newDialer(Require, c.dir)
			_, err := d.render(t, start)
			if err == nil || !strings.Contains(err.Error(), c.want) || errors.Is(err, ErrUnavailable) != c.unavailable {
				t.Errorf("%s, started %v: %v, want an error saying %q", c.name, start, err, c.want)
			}
			if len(d.locals) != 0 || len(d.spawned) != 0 {
				t.Errorf("%s, started %v: %d engines in the process, spawned %q; want none", c.name, start, len(d.locals), d.spawned)
			}
		}
	}
}

// TestDialerNoSocket renders in the process, and spawns no server, where
// there can be none: a directory others may enter.
func TestDialerNoSocket(t *testing.T) {
	dir := shortTempDir(t)
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := newDialer(On, dir)
	got, err := d.render(t, true)
	if err != nil || got != "local: g" || len(d.spawned) != 0 {
		t.Errorf("%q, %v, spawned %q; want a render in the process and no server", got, err, d.spawned)
	}
}

// TestNoteUncached checks the note on a cache that is refused: one line,
// naming the directory and why. A cache that is used gets no note.
func TestNoteUncached(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles Graphviz")
	}
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	gv, err := graphviz.New(ctx, graphviz.Options{CacheDir: filepath.Join(shared, "argmap")})
	if err != nil {
		t.Fatal(err)
	}
	defer gv.Close(ctx)
	var buf bytes.Buffer
	noteUncached(&buf, gv)
	if s := buf.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, shared) || !strings.Contains(s, "others may write") {
		t.Errorf("note %q, want one line naming %s and why", s, shared)
	}
	buf.Reset()
	noteUncached(&buf, nil)
	if buf.Len() != 0 {
		t.Errorf("note without an engine: %q", buf.String())
	}
	// The Dialer says it once, on Notes, when it starts the engine.
	buf.Reset()
	d := &Dialer{Mode: Off, Notes: &buf, NewLocal: func(context.Context) (Local, error) { return gv, nil }}
	e := d.Engine()
	e.Start(ctx)
	for range 2 {
		if _, err := e.Render(ctx, []byte("digraph { a -> b }"), "svg"); err != nil {
			t.Fatal(err)
		}
	}
	e.Close(ctx)
	if s := buf.String(); strings.Count(s, "\n") != 1 || !strings.Contains(s, shared) {
		t.Errorf("the Dialer's note %q, want one line naming %s", s, shared)
	}
}

// TestListenAndServe runs a server's life as argmap graphviz-server does:
// it renders as the engine does, a second server at the socket ends at once
// without an error, and the first ends when its context is done.
func TestListenAndServe(t *testing.T) {
	socket := filepath.Join(shortTempDir(t), "s.sock")
	opts := graphviz.Options{CacheDir: cacheDir(t)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- ListenAndServe(ctx, socket, opts, Limits{Idle: time.Minute}) }()
	var got [][]byte
	for range 300 {
		var err error
		if got, err = Render(context.Background(), socket, []byte(sample), "svg"); !errors.Is(err, ErrUnavailable) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	want, err := engine(t).Render(context.Background(), []byte(sample), "svg")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !bytes.Equal(got[0], want[0]) {
		t.Fatalf("the server's drawing differs from the engine's")
	}
	if err := ListenAndServe(context.Background(), socket, opts, Limits{Idle: time.Minute}); err != nil {
		t.Errorf("a second server: %v, want nil", err)
	}
	cancel()
	if err := within(t, served, "the server's end"); err != nil {
		t.Errorf("the server ended with %v", err)
	}
	if _, err := os.Stat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket is left behind: %v", err)
	}
}
