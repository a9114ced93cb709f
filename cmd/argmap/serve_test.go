package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer that serve writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs argmap serve in the process until the returned stop is
// called, and returns the URL it printed.
func startServe(t *testing.T, args ...string) (url string, stderr *syncBuffer, stop func() error) {
	t.Helper()
	var stdout syncBuffer
	stderr = &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- newApp(&stdout, stderr).RunContext(ctx, append([]string{"argmap", "serve"}, args...))
	}()
	for !strings.HasSuffix(stdout.String(), "\n") {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended before printing its URL: %v\n%s", err, stderr)
		case <-time.After(5 * time.Millisecond):
		}
	}
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	return strings.TrimSpace(stdout.String()), stderr, stop
}

func TestServe(t *testing.T) {
	url, stderr, stop := startServe(t, "../../examples/drone-strikes/debate.toml")
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
		t.Fatalf("printed %q, want http://127.0.0.1:PORT/", url)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(page, []byte(`<select id="semantics"`)) || !bytes.Contains(page, []byte("Unilateral US drone strikes")) {
		t.Fatalf("GET %s: %s\n%.300s", url, resp.Status, page)
	}
	for path, want := range map[string]string{"assets/argmap.wasm": "application/wasm", "api/files": "application/json"} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want {
			t.Errorf("GET /%s: %s %s", path, resp.Status, resp.Header.Get("Content-Type"))
		}
	}
	// A page of another site whose name was rebound to 127.0.0.1.
	req, _ := http.NewRequest("GET", url+"api/files", nil)
	req.Host = "attacker.example"
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host attacker.example: %v %v, want 421", resp.Status, err)
	}
	// An open event stream does not keep the server from stopping.
	ev, err := http.Get(url + "api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Body.Close()
	if line, err := bufio.NewReader(ev.Body).ReadString('\n'); err != nil || !strings.HasPrefix(line, "retry:") {
		t.Fatalf("event stream: %q %v", line, err)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve stopped with %v", err)
	}
	if stderr.String() != "" {
		t.Errorf("stderr: %s", stderr)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after it was stopped")
	}
}

func TestServeNotLoopbackWarns(t *testing.T) {
	_, stderr, stop := startServe(t, "--addr", "0.0.0.0:0", "../../examples/drone-strikes/debate.toml")
	stop()
	if !strings.Contains(stderr.String(), "warning: serving on") || !strings.Contains(stderr.String(), "visible to the network") {
		t.Errorf("no warning for a non-loopback address: %q", stderr)
	}
}

// TestServeOpen runs serve --open with an xdg-open of the test's own on the
// PATH: it is handed the URL serve printed. Without one, serve says so and
// goes on serving.
func TestServeOpen(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the opener is xdg-open only on Linux and the BSDs")
	}
	dir := t.TempDir()
	opened := filepath.Join(dir, "opened")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + opened + ".tmp && /bin/mv " + opened + ".tmp " + opened + "\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	url, stderr, stop := startServe(t, "--open", "../../examples/drone-strikes/debate.toml")
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(opened); err == nil {
			got = b
			break
		}
	}
	if string(got) != url {
		t.Errorf("xdg-open was given %q, want the URL %q", got, url)
	}
	stop()
	if stderr.String() != "" {
		t.Errorf("stderr: %s", stderr)
	}

	t.Setenv("PATH", t.TempDir())
	url, stderr, stop = startServe(t, "--open", "../../examples/drone-strikes/debate.toml")
	if resp, err := http.Get(url); err != nil || resp.StatusCode != 200 {
		t.Errorf("with no opener, GET %s: %v %v", url, resp, err)
	}
	stop()
	if want := "--open: no xdg-open to open the browser with: open " + url + " yourself"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q, want it to say %q", stderr, want)
	}
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "serve needs a map's root file"},
		{[]string{"a.toml", "b.toml"}, exitUsage, "serve shows one map"},
		{[]string{"--addr", "nonsense", "a.toml"}, exitUsage, "bad --addr"},
		{[]string{"--addr", "127.0.0.1:99999", "a.toml"}, exitUsage, "port must be a number"},
		{[]string{filepath.Join(t.TempDir(), "missing.toml")}, exitProblems, "missing.toml"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"argmap", "serve"}, tt.args...), &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("serve %v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

func TestRenderHTML(t *testing.T) {
	t.Setenv("ARGMAP_RENDER_SERVER", "off")
	out := filepath.Join(t.TempDir(), "map.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"argmap", "render", "-o", out, "../../examples/drone-strikes/debate.toml"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<select id="semantics"`, `id="argmap-data"`, `"wasmGzip":"`, `\u003csvg`, "Content-Security-Policy"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	stderr.Reset()
	if code := run([]string{"argmap", "render", "--format", "html", "--semantics", "grounded", "../../examples/drone-strikes/debate.toml"}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "does not apply to --format html") {
		t.Errorf("--semantics with html: exit %d, %s", code, stderr.String())
	}
}
