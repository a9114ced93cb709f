package graphviz

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"

	"github.com/argmap/argmap/renderers/graphviz/internal/wasmsrc"
)

// TestWasmIsGoGraphviz checks that the embedded module is go-graphviz's,
// at the version go.mod requires: upgrading go-graphviz without running
// go generate fails here, and so does a graphviz.wasm changed by hand.
func TestWasmIsGoGraphviz(t *testing.T) {
	o, err := wasmsrc.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(o.Wasm())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wasmModule, want) {
		t.Errorf("graphviz.wasm (SHA-256 %x) is not %s of %s %s, the version go.mod requires (SHA-256 %x): run go generate ./renderers/graphviz",
			sha256.Sum256(wasmModule), wasmsrc.File, wasmsrc.Module, o.Version, sha256.Sum256(want))
	}
}

// engine returns an engine sharing a compilation cache with the other
// tests of the package.
func engine(t *testing.T) *Engine {
	t.Helper()
	e, err := New(context.Background(), Options{CacheDir: sharedCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close(context.Background()) })
	return e
}

var (
	cacheOnce sync.Once
	cacheDir  string
)

// sharedCache is a compilation cache for the package's tests, so that only
// the first engine compiles Graphviz.
func sharedCache(t *testing.T) string {
	cacheOnce.Do(func() {
		dir, err := os.MkdirTemp("", "argmap-graphviz-test")
		if err != nil {
			t.Fatal(err)
		}
		cacheDir = filepath.Join(dir, "cache")
	})
	return cacheDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cacheDir != "" {
		os.RemoveAll(filepath.Dir(cacheDir))
	}
	os.Exit(code)
}

const small = `digraph g { a [label="Caldéron & <x>"]; a -> b [id="a.supports.b"]; }`

func TestRender(t *testing.T) {
	e := engine(t)
	outs, err := e.Render(context.Background(), []byte(small), "svg", "json", "dot")
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 3 {
		t.Fatalf("%d outputs, want 3", len(outs))
	}
	svg := string(outs[0])
	for _, want := range []string{"<svg ", "Caldéron &amp; &lt;x&gt;", `id="a.supports.b"`, "</svg>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	var js struct {
		Objects []struct {
			Name string `json:"name"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(outs[1], &js); err != nil || len(js.Objects) != 2 {
		t.Errorf("json output: %v, %d objects", err, len(js.Objects))
	}
	if !strings.Contains(string(outs[2]), "pos=") {
		t.Errorf("dot output is not laid out: %s", outs[2])
	}
	// The engine is reusable, and deterministic.
	again, err := e.Render(context.Background(), []byte(small), "svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again[0], outs[0]) {
		t.Error("a second render differs")
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name   string
		dot    string
		format string
		want   string // in the error
		broken bool   // the engine is unusable afterwards
	}{
		{"syntax error", "digraph { a -> ", "svg", "not valid", false},
		{"NUL byte", "digraph { a }\x00", "svg", "NUL", false},
		{"unknown format", "digraph { a }", "gif", `unsupported format "gif"`, false},
		{"unknown layout", "digraph { layout=nosuch; a }", "svg", "layout failed", true},
		// Graphviz 12 fails on an assertion for a table with an empty cell
		// next to another: the module traps.
		{"assertion", `digraph { a [label=<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD WIDTH="4"></TD><TD>x</TD></TR></TABLE>>] }`, "svg", "Assertion failed", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engine(t)
			_, err := e.Render(context.Background(), []byte(tt.dot), tt.format)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			_, err = e.Render(context.Background(), []byte(small), "svg")
			if tt.broken && (err == nil || !strings.Contains(err.Error(), "unusable")) {
				t.Errorf("after a trap: %v, want the engine unusable", err)
			}
			if !tt.broken && err != nil {
				t.Errorf("the engine does not recover: %v", err)
			}
		})
	}
}

// TestFormatsNotShared checks that a caller that changes the list Formats
// returns cannot make Render accept a format the module lacks: pdf would
// leave a broken job behind (see the package documentation).
func TestFormatsNotShared(t *testing.T) {
	f := Formats()
	f[0] = "pdf"
	if got := Formats()[0]; got != "svg" {
		t.Errorf("Formats()[0] = %q after a caller changed its copy, want svg", got)
	}
	e := engine(t)
	if _, err := e.Render(context.Background(), []byte(small), "pdf"); err == nil || !strings.Contains(err.Error(), `unsupported format "pdf"`) {
		t.Errorf("Render in pdf: error %v, want unsupported format", err)
	}
}

func TestCancelled(t *testing.T) {
	e := engine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Render(ctx, []byte(small), "svg"); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if _, err := e.Render(context.Background(), []byte(small), "svg"); err != nil {
		t.Errorf("after a cancelled render: %v", err)
	}
}

func TestClose(t *testing.T) {
	e := engine(t)
	if err := e.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(context.Background()); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := e.Render(context.Background(), []byte(small), "svg"); err == nil {
		t.Error("Render after Close succeeded")
	}
}

// TestConcurrent renders from several goroutines: calls are serialised.
func TestConcurrent(t *testing.T) {
	e := engine(t)
	want, err := e.Render(context.Background(), []byte(small), "svg")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := e.Render(context.Background(), []byte(small), "svg")
			if err == nil && !bytes.Equal(got[0], want[0]) {
				err = errMismatch
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

var errMismatch = errors.New("concurrent render differs")

// TestCache checks where compiled code goes: into the directory given,
// private to the user, and nowhere when the directory is writable by
// others. It logs the cold and warm start-up times.
func TestCache(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles Graphviz twice without a cache")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "argmap", "graphviz")
	start := time.Now()
	e, err := New(ctx, Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	cold := time.Since(start)
	e.Close(ctx)
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Errorf("cache directory has mode %v, want 0700", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) == 0 {
		t.Fatal("nothing cached")
	}
	start = time.Now()
	e, err = New(ctx, Options{CacheDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	warm := time.Since(start)
	e.Close(ctx)
	t.Logf("start-up: %v without the cache, %v with it", cold, warm)

	if runtime.GOOS == "windows" {
		return
	}
	shared := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	e, err = New(ctx, Options{CacheDir: shared})
	if err != nil {
		t.Fatal(err)
	}
	e.Close(ctx)
	if entries, _ := os.ReadDir(shared); len(entries) != 0 {
		t.Errorf("a directory writable by others was used as the cache: %v", entries)
	}
}

// TestImports checks the import reader against wazero's.
func TestImports(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	compiled, err := rt.CompileModule(ctx, wasmModule)
	if err != nil {
		t.Fatal(err)
	}
	got, err := functionImports(wasmModule)
	if err != nil {
		t.Fatal(err)
	}
	want := compiled.ImportedFunctions()
	if len(got) != len(want) {
		t.Fatalf("%d imports, want %d", len(got), len(want))
	}
	for i, f := range want {
		module, name, _ := f.Import()
		g := got[i]
		if g.module != module || g.name != name || !bytes.Equal(g.params, f.ParamTypes()) || !bytes.Equal(g.results, f.ResultTypes()) {
			t.Errorf("import %d: got %+v, want %s.%s %v %v", i, g, module, name, f.ParamTypes(), f.ResultTypes())
		}
	}
	for _, bad := range [][]byte{nil, []byte("\x00asm\x02\x00\x00\x00"), wasmModule[:100]} {
		if _, err := functionImports(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
