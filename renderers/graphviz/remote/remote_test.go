package remote

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/argmap/argmap/renderers/graphviz"
)

const sample = `digraph { a [label="Calderón & <Sarukhán>"]; a -> b; b -> c; c -> a }`

// engine starts Graphviz for a test.
func engine(t *testing.T) *graphviz.Engine {
	t.Helper()
	ctx := context.Background()
	e, err := graphviz.New(ctx, graphviz.Options{CacheDir: cacheDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close(ctx) })
	return e
}

// cacheDir is one compilation cache for all the tests of the package, so
// that only the first compiles the module.
var cacheDir = func() func(t *testing.T) string {
	var once sync.Once
	var dir string
	return func(t *testing.T) string {
		once.Do(func() {
			d, err := os.MkdirTemp("", "remote-test-cache")
			if err != nil {
				t.Fatal(err)
			}
			dir = d
		})
		return dir
	}
}()

func TestMain(m *testing.M) {
	code := m.Run()
	if d := cacheDir(nil); d != "" {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// server starts a server on a socket of its own and returns the socket, and
// a channel closed when the server ends, after which err is what it returned.
func server(t *testing.T, e *graphviz.Engine, limits Limits) (socket string, done <-chan struct{}, serveErr *error) {
	t.Helper()
	socket = filepath.Join(shortTempDir(t), "s.sock")
	ln, err := Listen(socket)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan struct{})
	serveErr = new(error)
	go func() {
		*serveErr = Serve(ctx, ln, e, limits)
		close(ch)
	}()
	t.Cleanup(func() {
		cancel()
		<-ch
	})
	return socket, ch, serveErr
}

// shortTempDir is a temporary directory with a path short enough for a
// socket in it (t.TempDir's can exceed the 104 bytes macOS allows).
func shortTempDir(t *testing.T) string {
	d, err := os.MkdirTemp("", "gv")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func TestRenderLikeEngine(t *testing.T) {
	ctx := context.Background()
	e := engine(t)
	want, err := e.Render(ctx, []byte(sample), "svg", "json")
	if err != nil {
		t.Fatal(err)
	}
	socket, _, _ := server(t, e, Limits{Idle: time.Minute})
	// Another graph drawn first leaves no trace in the next drawing.
	if _, err := Render(ctx, socket, []byte("digraph { x -> y -> z; y -> w }"), "svg"); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := Render(ctx, socket, []byte(sample), "svg", "json")
			if err != nil {
				t.Error(err)
				return
			}
			if len(got) != 2 || !bytes.Equal(got[0], want[0]) || !bytes.Equal(got[1], want[1]) {
				t.Errorf("the server's outputs differ from the engine's")
			}
		}()
	}
	wg.Wait()
}

func TestRenderError(t *testing.T) {
	ctx := context.Background()
	socket, _, _ := server(t, engine(t), Limits{Idle: time.Minute})
	_, err := Render(ctx, socket, []byte("digraph {"), "svg")
	if err == nil || errors.Is(err, ErrUnavailable) {
		t.Fatalf("invalid DOT: got %v, want the server's error", err)
	}
	_, err = Render(ctx, socket, []byte("digraph {}"), "pdf")
	if err == nil || errors.Is(err, ErrUnavailable) {
		t.Fatalf("unknown format: got %v, want the server's error", err)
	}
	// The server is still there.
	if _, err := Render(ctx, socket, []byte(sample), "svg"); err != nil {
		t.Fatal(err)
	}
}

func TestNoServer(t *testing.T) {
	_, err := Render(context.Background(), filepath.Join(shortTempDir(t), "none.sock"), []byte(sample), "svg")
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("got %v, want ErrUnavailable", err)
	}
}

func TestOneServerPerSocket(t *testing.T) {
	socket, _, _ := server(t, engine(t), Limits{Idle: time.Minute})
	if _, err := Listen(socket); !errors.Is(err, ErrRunning) {
		t.Fatalf("second Listen: got %v, want ErrRunning", err)
	}
	pid, err := os.ReadFile(socket + ".lock")
	if err != nil || string(pid) != strconv.Itoa(os.Getpid())+"\n" {
		t.Fatalf("lock file holds %q, %v; want this process's id", pid, err)
	}
}

func TestIdleServerEnds(t *testing.T) {
	e := engine(t)
	socket, done, serveErr := server(t, e, Limits{Idle: 300 * time.Millisecond})
	if _, err := Render(context.Background(), socket, []byte(sample), "svg"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
		if *serveErr != nil {
			t.Fatal(*serveErr)
		}
	case <-time.After(time.Minute):
		t.Fatal("an idle server did not end")
	}
	if _, err := os.Stat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket is still there: %v", err)
	}
	// A new server can take the socket.
	ln, err := Listen(socket)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

func TestRenderLimit(t *testing.T) {
	ctx := context.Background()
	socket, done, serveErr := server(t, engine(t), Limits{Idle: time.Minute, Renders: 3})
	for i := range 3 {
		if _, err := Render(ctx, socket, []byte(sample), "svg"); err != nil {
			t.Fatalf("render %d: %v", i+1, err)
		}
	}
	select {
	case <-done:
		if *serveErr != nil {
			t.Fatal(*serveErr)
		}
	case <-time.After(time.Minute):
		t.Fatal("the server did not end after its last render")
	}
	if _, err := Render(ctx, socket, []byte(sample), "svg"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("a fourth render: %v, want ErrUnavailable", err)
	}
}

func TestGarbageRequests(t *testing.T) {
	ctx := context.Background()
	socket, _, _ := server(t, engine(t), Limits{Idle: time.Minute})
	for _, junk := range []string{"", "hello", magic, magic + "\xff\xff\xff\xff", magic + "\x01\x00\x00\x00\xff\xff\xff\x7f"} {
		conn, err := net.Dial("unix", socket)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(junk))
		conn.(*net.UnixConn).CloseWrite()
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		b := make([]byte, 10)
		if n, _ := conn.Read(b); n != 0 {
			t.Errorf("request %q: got an answer %q", junk, b[:n])
		}
		conn.Close()
	}
	if _, err := Render(ctx, socket, []byte(sample), "svg"); err != nil {
		t.Fatalf("after garbage: %v", err)
	}
}

func TestGarbageAnswers(t *testing.T) {
	for _, answer := range []string{"", "\x00", "\x00\xff\x00\x00\x00", "\x00\x01\x00\x00\x00\xff\xff\xff\xff", "\x07"} {
		socket := filepath.Join(shortTempDir(t), "fake.sock")
		ln, err := net.Listen("unix", socket)
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			readRequest(bufio.NewReader(conn))
			conn.Write([]byte(answer))
			conn.Close()
		}()
		_, err = Render(context.Background(), socket, []byte(sample), "svg")
		ln.Close()
		if !errors.Is(err, ErrUnavailable) {
			t.Errorf("answer %q: got %v, want ErrUnavailable", answer, err)
		}
	}
}

func TestSocketName(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := shortTempDir(t)
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	a, b := Socket(dir, exe), Socket(dir, exe)
	if a == "" || a != b || filepath.Dir(a) != dir {
		t.Errorf("Socket = %q then %q", a, b)
	}
	long := filepath.Join(dir, string(bytes.Repeat([]byte("d"), 100)))
	if err := os.Mkdir(long, 0o700); err != nil {
		t.Fatal(err)
	}
	if s := Socket(long, exe); s != "" {
		t.Errorf("Socket = %q, too long for sun_path", s)
	}
	if s := Socket(dir, "/no/such/program"); s != "" {
		t.Errorf("Socket = %q for a missing program", s)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if s := Socket(dir, exe); s != "" {
		t.Errorf("Socket = %q in a directory others may enter", s)
	}
	if s := Socket(filepath.Join(dir, "missing"), exe); s != "" {
		t.Errorf("Socket = %q in a missing directory", s)
	}
}

// FuzzRequest feeds arbitrary bytes to the server's reader of requests: it
// must return, without panicking or allocating beyond what it reads, and a
// request it accepts must read back the same when written again.
func FuzzRequest(f *testing.F) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeRequest(w, []string{"svg", "json"}, []byte(sample))
	w.Flush()
	f.Add(b.Bytes())
	f.Add([]byte(magic))
	f.Add([]byte(magic + "\x01\x00\x00\x00\xff\xff\xff\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		formats, dot, err := readRequest(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return
		}
		var again bytes.Buffer
		w := bufio.NewWriter(&again)
		writeRequest(w, formats, dot)
		w.Flush()
		f2, d2, err := readRequest(bufio.NewReader(&again))
		if err != nil || !slices.Equal(f2, formats) || !bytes.Equal(d2, dot) {
			t.Fatalf("round trip: %q %q %v", f2, d2, err)
		}
	})
}

// FuzzResponse does the same for the client's reader of answers.
func FuzzResponse(f *testing.F) {
	f.Add([]byte("\x00\x01\x00\x00\x00\x03\x00\x00\x00svg"))
	f.Add([]byte("\x01\x05\x00\x00\x00oops!"))
	f.Fuzz(func(t *testing.T, data []byte) {
		outs, err := readResponse(bufio.NewReader(bytes.NewReader(data)))
		if err == nil && len(outs) > 64 {
			t.Fatalf("%d outputs accepted", len(outs))
		}
	})
}

// A server that ends leaves neither its socket nor its lock file, and
// removes those that servers killed, or of other builds, left behind; the
// lock of a server that runs stays.
func TestLockFiles(t *testing.T) {
	dir := shortTempDir(t)
	stale := filepath.Join(dir, "server-0000000000000001.sock")
	orphan := filepath.Join(dir, "server-0000000000000002.sock.lock")
	for _, f := range []string{stale, stale + ".lock", orphan} {
		if err := os.WriteFile(f, []byte("12345\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	running := filepath.Join(dir, "server-0000000000000003.sock")
	other, err := Listen(running)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	socket := filepath.Join(dir, "server-0000000000000004.sock")
	ln, err := Listen(socket)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{stale, stale + ".lock", orphan} {
		if _, err := os.Lstat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale %s is still there: %v", filepath.Base(f), err)
		}
	}
	for _, f := range []string{running, running + ".lock", socket, socket + ".lock"} {
		if _, err := os.Lstat(f); err != nil {
			t.Errorf("a running server's %s: %v", filepath.Base(f), err)
		}
	}
	ln.Close()
	ln.Close() // Serve closes more than once
	for _, f := range []string{socket, socket + ".lock"} {
		if _, err := os.Lstat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("after the server ended, %s is still there: %v", filepath.Base(f), err)
		}
	}
	// The socket can be taken again.
	ln, err = Listen(socket)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// TestPrivate checks the directory the socket goes in: the effective
// user's, entered by no one else, under directories no one else can
// change.
func TestPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix sockets")
	}
	root := shortTempDir(t) // in the shared temporary directory: sticky
	mk := func(path string, mode os.FileMode) string {
		t.Helper()
		p := filepath.Join(root, path)
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mk("a", 0o755)
	ok := mk("a/ok", 0o700)
	open := mk("a/open", 0o750)
	mk("shared", 0o777)
	underShared := mk("shared/dir", 0o700)
	mk("sticky", os.ModeSticky|0o777)
	underSticky := mk("sticky/dir", 0o700)
	link := filepath.Join(root, "shared", "link")
	if err := os.Symlink(ok, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir  string
		want bool
	}{
		{ok, true},
		{open, false},
		{underShared, false}, // whoever may write shared may replace dir
		{underSticky, true},
		{link, false}, // the link can be replaced
		{filepath.Join(root, "missing"), false},
	}
	if os.Geteuid() == 0 {
		// Another user's directory, and one under another user's.
		mk("b", 0o755)
		theirs := mk("b/theirs", 0o700)
		mk("c", 0o755)
		underTheirs := mk("c/dir", 0o700)
		for _, p := range []string{theirs, filepath.Dir(underTheirs)} {
			if err := os.Chown(p, 65534, 65534); err != nil {
				t.Fatal(err)
			}
		}
		tests = append(tests, struct {
			dir  string
			want bool
		}{theirs, false}, struct {
			dir  string
			want bool
		}{underTheirs, false})
	}
	for _, tt := range tests {
		if got := private(tt.dir); got != tt.want {
			t.Errorf("private(%s) = %v, want %v", strings.TrimPrefix(tt.dir, root), got, tt.want)
		}
	}
}
