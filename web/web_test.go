package web

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
)

// fakeEngine stands for Graphviz: it answers an SVG with one group per
// node of the DOT it is given, which is all the server passes on.
type fakeEngine struct{ calls atomic.Int32 }

var dotNode = regexp.MustCompile(`(?m)^\s*"([A-Za-z0-9_-]+)" \[id=`)

func (e *fakeEngine) Render(ctx context.Context, src []byte, formats ...string) ([][]byte, error) {
	e.calls.Add(1)
	var outs [][]byte
	for _, f := range formats {
		switch f {
		case "svg":
			var b bytes.Buffer
			b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg">`)
			for _, m := range dotNode.FindAllSubmatch(src, -1) {
				fmt.Fprintf(&b, `<g id="%s" class="node argument"><title>%s</title></g>`, m[1], m[1])
			}
			b.WriteString(`</svg>`)
			outs = append(outs, b.Bytes())
		case "dot":
			// The layout the SVG's crowded arrow ends are read from:
			// nothing is placed, so nothing is moved.
			outs = append(outs, []byte("digraph argmap {\n}\n"))
		default:
			return nil, fmt.Errorf("fake engine: no %s", f)
		}
	}
	return outs, nil
}

const (
	rootTOML = `version = 1
title = "Test map"
include = ["part.toml"]

[arguments.a]
claim = "A holds."

[arguments.b]
claim = "B holds."

[[relations]]
from = "b"
to = "a"
type = "attack"
`
	partTOML = `version = 1

[arguments.c]
claim = "C holds."

[[relations]]
from = "c"
to = "b"
type = "attack"
`
	// secret is in a file beside the map that the map does not include:
	// no route may serve it.
	secret = "SECRET-NOT-SERVED-7f3a"
)

// newMap writes a map of two files and a file it does not include into a
// temporary directory, and returns the root file's path.
func newMap(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "root.toml"), rootTOML)
	write(t, filepath.Join(dir, "part.toml"), partTOML)
	write(t, filepath.Join(dir, "other.txt"), secret)
	return filepath.Join(dir, "root.toml")
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// save rewrites a file so that its fingerprint changes even within the
// file system's time resolution: the size changes, or the time is set.
func save(t *testing.T, name, text string, n int) {
	t.Helper()
	write(t, name, text)
	when := time.Unix(1_700_000_000+int64(n), 0)
	if err := os.Chtimes(name, when, when); err != nil {
		t.Fatal(err)
	}
}

func newServer(t *testing.T, path string, hosts ...string) (*Server, *fakeEngine) {
	t.Helper()
	e := &fakeEngine{}
	s, err := New(Options{Path: path, Engine: e, WASM: []byte("\x00asm-fake"), WasmExec: []byte("// wasm_exec"), Hosts: hosts})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, e
}

// serve serves s on a loopback port until the test ends, closing s first
// so that its event streams end.
func serve(t *testing.T, s *Server) *httptest.Server {
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return ts
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
	return w
}

func TestRoutes(t *testing.T) {
	s, _ := newServer(t, newMap(t))
	tests := []struct {
		target, ctype string
		status        int
		want          []string
	}{
		{"/", "text/html; charset=utf-8", 200, []string{`<select id="semantics"`, `<option value="semi-stable">`, `<option value="df-quad">`, `<select id="support"`, `<option value="necessary">`, `<select id="theme"`, `<button id="reset"`, `<span id="changed"`, `<aside id="explain"`, `<pre id="diagnostics"`, "<title>Test map</title>"}},
		{"/api/files", "application/json", 200, []string{`"root":"root.toml"`, `"part.toml":"version = 1`}},
		{"/api/svg", "image/svg+xml", 200, []string{`<g id="a" class="node argument">`, `<g id="c"`}},
		{"/api/svg?theme=dark", "image/svg+xml", 200, []string{`<g id="b"`}},
		{"/api/svg?theme=neon", "text/plain; charset=utf-8", 400, []string{"unknown theme", "light, dark, print"}},
		{"/api/check", "text/plain; charset=utf-8", 200, nil},
		{"/assets/argmap.wasm", "application/wasm", 200, []string{"\x00asm-fake"}},
		{"/assets/wasm_exec.js", "text/javascript; charset=utf-8", 200, []string{"// wasm_exec"}},
		{"/index.html", "text/plain; charset=utf-8", 404, nil},
		{"/map/1/", "text/plain; charset=utf-8", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := get(t, s, tt.target)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); ct != tt.ctype {
				t.Errorf("Content-Type %q, want %q", ct, tt.ctype)
			}
			for _, s := range tt.want {
				if !strings.Contains(w.Body.String(), s) {
					t.Errorf("body lacks %q:\n%.500s", s, w.Body)
				}
			}
		})
	}
	var f filesJSON
	if err := json.Unmarshal(get(t, s, "/api/files").Body.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Files) != 2 || f.Files["root.toml"] != rootTOML || f.Files["part.toml"] != partTOML {
		t.Errorf("/api/files = %v, want root.toml and part.toml as written", f.Files)
	}
}

// TestNoFileReachable asks for the files beside the map and elsewhere on
// the disk by every spelling of a path: only the fixed routes answer.
func TestNoFileReachable(t *testing.T) {
	root := newMap(t)
	s, _ := newServer(t, root)
	dir := filepath.ToSlash(filepath.Dir(root))
	targets := []string{
		"/other.txt", "/root.toml", "/part.toml", "/../other.txt", "/..%2fother.txt", "/%2e%2e/other.txt",
		"/%2e%2e%2fother.txt", "/assets/../other.txt", "/assets/..%2f..%2fother.txt", "/assets/%2e%2e/%2e%2e/etc/passwd",
		"/assets/..\\other.txt", "/assets\\..\\other.txt", "/..\\..\\etc\\passwd", "//other.txt", "//etc/passwd",
		"/assets//argmap.wasm/../../other.txt", "/api/files/../../other.txt", "/api/files%2f..%2f..%2fother.txt",
		"/api/svg/..%2f..%2fother.txt", "/" + dir + "/other.txt", "/%2f" + strings.TrimPrefix(dir, "/") + "/other.txt",
		"/etc/passwd", "/%252e%252e/other.txt", "/.%2e/other.txt", "/api/%2e%2e/other.txt", "/assets/argmap.wasm%00/../other.txt",
		"/map/1/../../other.txt", "/assets/./argmap.wasm", "/./api/files", "/api//files",
	}
	for _, target := range targets {
		w := get(t, s, target)
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", target, w.Code)
		}
		if strings.Contains(w.Body.String(), secret) || strings.Contains(w.Body.String(), "root:") {
			t.Errorf("GET %s served a file: %.200s", target, w.Body)
		}
	}
	// The same over a real connection, where no client cleans the path.
	ts := serve(t, s)
	for _, target := range targets {
		status, body := rawGet(t, ts.Listener.Addr().String(), target)
		if status == 200 || strings.Contains(body, secret) {
			t.Errorf("raw GET %s: status %d, %.200s", target, status, body)
		}
	}
}

// rawGet sends a request line exactly as written.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, "" // the server refused the request line: nothing served
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestMethodsBodiesHosts(t *testing.T) {
	s, _ := newServer(t, newMap(t), "127.0.0.1:8080")
	do := func(method, host, body string) int {
		r := httptest.NewRequest(method, "/api/files", strings.NewReader(body))
		if body == "" {
			r = httptest.NewRequest(method, "/api/files", nil)
		}
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w.Code
	}
	tests := []struct {
		method, host, body string
		want               int
	}{
		{"GET", "127.0.0.1:8080", "", 200},
		{"HEAD", "127.0.0.1:8080", "", 200},
		{"GET", "evil.example:8080", "", http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1:8081", "", http.StatusMisdirectedRequest},
		{"POST", "127.0.0.1:8080", "x=1", http.StatusMethodNotAllowed},
		{"PUT", "127.0.0.1:8080", "", http.StatusMethodNotAllowed},
		{"GET", "127.0.0.1:8080", strings.Repeat("x", 1<<20), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		if got := do(tt.method, tt.host, tt.body); got != tt.want {
			t.Errorf("%s Host %s body %d bytes: status %d, want %d", tt.method, tt.host, len(tt.body), got, tt.want)
		}
	}
}

// events reads a server's event stream, one event name at a time.
type events struct {
	resp *http.Response
	r    *bufio.Reader
}

func subscribe(t *testing.T, url string) *events {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("events: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	t.Cleanup(func() { resp.Body.Close() })
	return &events{resp, bufio.NewReader(resp.Body)}
}

// next returns the name of the next event.
func (e *events) next(t *testing.T) string {
	t.Helper()
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			t.Fatalf("events: %v", err)
		}
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "event: "); ok {
			return name
		}
	}
}

// TestLive saves a file of the map, breaks the map and fixes it: the
// event stream tells each change, the sources follow, the drawing gives
// way to check's diagnostics and comes back.
func TestLive(t *testing.T) {
	root := newMap(t)
	part := filepath.Join(filepath.Dir(root), "part.toml")
	s, _ := newServer(t, root)
	ts := serve(t, s)
	ev := subscribe(t, ts.URL+"/api/events")
	if got := ev.next(t); got != "hello" {
		t.Fatalf("first event %q, want hello", got)
	}
	s.Poll() // nothing changed: no event (the next one read is the save's)

	edited := strings.Replace(partTOML, "C holds.", "C holds, as saved.", 1)
	save(t, part, edited, 1)
	s.Poll()
	if got := ev.next(t); got != "change" {
		t.Fatalf("after saving an included file: event %q, want change", got)
	}
	if body := get(t, s, "/api/files").Body.String(); !strings.Contains(body, "as saved") {
		t.Errorf("/api/files after the save lacks the new text: %s", body)
	}

	broken := strings.Replace(partTOML, `to = "b"`, `to = "nowhere"`, 1)
	save(t, part, broken, 2)
	s.Poll()
	if got := ev.next(t); got != "change" {
		t.Fatalf("after breaking the map: event %q, want change", got)
	}
	w := get(t, s, "/api/svg")
	if w.Code != http.StatusConflict || w.Header().Get("X-Argmap-Broken") != "true" {
		t.Fatalf("/api/svg of a broken map: %d %v", w.Code, w.Header())
	}
	// As argmap check prints it: FILE:LINE:COL, code, message, help.
	if !regexp.MustCompile(`part\.toml:8:\d+: error\[[a-z-]+\]: .*nowhere`).MatchString(w.Body.String()) {
		t.Errorf("diagnostics lack FILE:LINE:COL, code and message:\n%s", w.Body)
	}
	if c := get(t, s, "/api/check"); c.Header().Get("X-Argmap-Broken") != "true" || c.Body.String() != w.Body.String() {
		t.Errorf("/api/check = %q (broken %q), want the same diagnostics", c.Body, c.Header().Get("X-Argmap-Broken"))
	}

	save(t, part, partTOML, 3)
	s.Poll()
	if got := ev.next(t); got != "change" {
		t.Fatalf("after fixing the map: event %q, want change", got)
	}
	if w := get(t, s, "/api/svg"); w.Code != 200 || !strings.Contains(w.Body.String(), `<g id="c"`) {
		t.Errorf("/api/svg after the fix: %d %.200s", w.Code, w.Body)
	}
	if c := get(t, s, "/api/check"); c.Header().Get("X-Argmap-Broken") != "" {
		t.Errorf("/api/check still broken after the fix: %s", c.Body)
	}
}

// TestSVGDrawnOncePerVersion: pages that ask for the same drawing share it.
func TestSVGDrawnOncePerVersion(t *testing.T) {
	s, e := newServer(t, newMap(t))
	for range 5 {
		get(t, s, "/api/svg?theme=light")
	}
	get(t, s, "/api/svg?theme=print")
	if n := e.calls.Load(); n != 2 {
		t.Errorf("Graphviz asked %d times for 5 light and 1 print drawing of one version, want 2", n)
	}
}

// TestFiftyClients: fifty pages follow one map; a save reaches each.
func TestFiftyClients(t *testing.T) {
	root := newMap(t)
	s, _ := newServer(t, root)
	ts := serve(t, s)
	const n = 50
	streams := make([]*events, n)
	for i := range streams {
		streams[i] = subscribe(t, ts.URL+"/api/events")
		if got := streams[i].next(t); got != "hello" {
			t.Fatalf("client %d: first event %q", i, got)
		}
	}
	if got := s.Subscribers(); got != n {
		t.Fatalf("%d subscribers, want %d", got, n)
	}
	save(t, root, strings.Replace(rootTOML, "A holds.", "A holds still.", 1), 1)
	s.Poll()
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for i, ev := range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			line := ""
			for !strings.HasPrefix(line, "event: ") {
				l, err := ev.r.ReadString('\n')
				if err != nil {
					errs <- fmt.Sprintf("client %d: %v", i, err)
					return
				}
				line = strings.TrimSpace(l)
			}
			if line != "event: change" {
				errs <- fmt.Sprintf("client %d: %s", i, line)
			}
		}()
	}
	// Meanwhile the other routes answer.
	for range n {
		if w := get(t, s, "/api/files"); w.Code != 200 {
			t.Errorf("/api/files: %d", w.Code)
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestCloseEndsStreams: Close ends the event streams, so that Shutdown
// does not wait for them.
func TestCloseEndsStreams(t *testing.T) {
	s, _ := newServer(t, newMap(t))
	ts := serve(t, s)
	ev := subscribe(t, ts.URL+"/api/events")
	ev.next(t)
	s.Close()
	if _, err := io.ReadAll(ev.r); err != nil {
		t.Fatalf("reading the stream to its end: %v", err)
	}
}

func TestIndex(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"one", "two"} {
		sub := filepath.Join(dir, name)
		os.Mkdir(sub, 0o755)
		write(t, filepath.Join(sub, "root.toml"), strings.Replace(rootTOML, "Test map", "Map "+name, 1))
		write(t, filepath.Join(sub, "part.toml"), partTOML)
	}
	s, _ := newServer(t, dir)
	idx := get(t, s, "/").Body.String()
	for _, want := range []string{`<a href="/map/1/">Map one</a>`, `<a href="/map/2/">Map two</a>`} {
		if !strings.Contains(idx, want) {
			t.Errorf("index lacks %s:\n%s", want, idx)
		}
	}
	if strings.Count(idx, "<li>") != 2 {
		t.Errorf("index lists %d maps, want 2 (part.toml is part of each):\n%s", strings.Count(idx, "<li>"), idx)
	}
	for target, want := range map[string]int{
		"/map/1/": 200, "/map/2/api/files": 200, "/map/2/api/svg?theme=print": 200, "/map/1/api/check": 200,
		"/map/3/": 404, "/map/0/": 404, "/map/01/": 404, "/map/1": 404, "/map/-1/": 404, "/map/1/../2/": 404, "/api/files": 404,
		"/assets/argmap.wasm": 200,
	} {
		if w := get(t, s, target); w.Code != want {
			t.Errorf("GET %s: %d, want %d", target, w.Code, want)
		}
	}
	if body := get(t, s, "/map/2/api/files").Body.String(); !strings.Contains(body, "Map two") {
		t.Errorf("/map/2/api/files is not map two's: %.200s", body)
	}
}

// TestIndexFindsNewMaps adds a map to the directory served: the index lists
// it when next loaded, after the maps it already listed, whose numbers stay.
func TestIndexFindsNewMaps(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.toml"), strings.Replace(rootTOML, "Test map", "Map b", 1))
	write(t, filepath.Join(dir, "part.toml"), partTOML)
	s, _ := newServer(t, dir)
	if got := get(t, s, "/map/2/"); got.Code != 404 {
		t.Fatalf("GET /map/2/ before a second map exists: %d, want 404", got.Code)
	}
	write(t, filepath.Join(dir, "a.toml"), strings.Replace(rootTOML, "Test map", "Map a", 1))
	idx := get(t, s, "/").Body.String()
	for _, want := range []string{`<a href="/map/1/">Map b</a>`, `<a href="/map/2/">Map a</a>`} {
		if !strings.Contains(idx, want) {
			t.Errorf("index lacks %s:\n%s", want, idx)
		}
	}
	if body := get(t, s, "/map/2/api/files").Body.String(); !strings.Contains(body, "Map a") {
		t.Errorf("/map/2/api/files is not the new map's: %.200s", body)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Options{Path: filepath.Join(t.TempDir(), "missing.toml")}); err == nil {
		t.Error("New of a missing file: no error")
	}
	empty := t.TempDir()
	if _, err := New(Options{Path: empty}); err == nil || !strings.Contains(err.Error(), "no argument map") {
		t.Errorf("New of a directory without maps: %v", err)
	}
}

// TestOffline: the self-contained page holds the sources, the drawing in
// every theme and the evaluator, and asks for nothing.
func TestOffline(t *testing.T) {
	root := newMap(t)
	m, diags := (&arguments.Loader{}).Load(root)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	wasm := bytes.Repeat([]byte("\x00asm fake module "), 1000)
	page, err := Offline(context.Background(), &fakeEngine{}, m, dot.Options{}, wasm, []byte("// wasm_exec"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	data := regexp.MustCompile(`<script type="application/json" id="argmap-data">(.*?)</script>`).FindStringSubmatch(html)
	if data == nil {
		t.Fatal("no argmap-data in the page")
	}
	var in Inline
	if err := json.Unmarshal([]byte(data[1]), &in); err != nil {
		t.Fatal(err)
	}
	if in.Root != "root.toml" || in.Files["part.toml"] != partTOML || len(in.Files) != 2 {
		t.Errorf("inline files: root %q, %d files", in.Root, len(in.Files))
	}
	for _, theme := range dot.Themes() {
		if !strings.Contains(in.SVG[theme], `<g id="a"`) {
			t.Errorf("no %s drawing", theme)
		}
	}
	gz, _ := base64.StdEncoding.DecodeString(in.WasmGzip)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(zr); !bytes.Equal(got, wasm) {
		t.Error("the inline wasm does not decompress to the module")
	}
	// Nothing to fetch: no script, style or image by address, and a policy
	// that refuses any request that is not to a blob: of the page.
	for _, bad := range []string{"<script src", "<link", `src="http`, `href="http`, "fetch(\"http"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page has %q", bad)
		}
	}
	if !strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Error("no content security policy that forbids requests")
	}
	if strings.Contains(html, secret) {
		t.Error("the page holds a file that is not the map's")
	}
}
