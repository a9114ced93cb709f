// Package graphviz lays out and renders DOT graphs with Graphviz, compiled
// to WebAssembly and run in the process by wazero: no Graphviz installation
// is needed.
//
// The WebAssembly module is the one of github.com/goccy/go-graphviz at the
// version go.mod requires (v0.2.10: Graphviz 12.1.2 with its dot and neato
// layouts and its core renderers: svg, json, dot, xdot and others), embedded
// unchanged: TestWasmIsGoGraphviz fails when graphviz.wasm differs from the
// module's, and after an upgrade of go-graphviz `go generate
// ./renderers/graphviz` copies the new one. The package calls the module
// through go-graphviz's bridge functions, whose names and arguments are not
// a stable API: a test in internal/upstream draws with go-graphviz's own Go
// API and compares. This package loads the module itself instead of through
// go-graphviz's Go API, because that API compiles the module in a package
// init — every program that links go-graphviz pays for the compilation at
// start-up (0.5 s cold, 20 ms from its cache), whether it draws anything or
// not — and keeps its compilation cache in a fixed directory of the shared
// temporary directory, where another user could plant compiled code. Here
// nothing happens until New is called, and the cache is the directory the
// caller names.
//
// Other limits of go-graphviz v0.2.10 this package avoids: its calls into
// the module drop errors (a failed call returns a zero pointer and no
// error, and the caller reads garbage); a render in a format the module
// lacks, such as pdf, fails and leaves a broken job behind that fails every
// later render; and its one module is global to the process. Here every
// failure is an error, formats are checked first, and an Engine owns one
// instance of the module. Graphviz is not reentrant, so an Engine serialises
// its calls; separate Engines are independent. A render stops soon after
// its context ends, even in the middle of a layout (see interrupt.go for
// how, at little cost).
package graphviz

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// wasmModule is internal/wasm/graphviz.wasm of github.com/goccy/go-graphviz,
// copied by internal/wasmgen; see NOTICE. It is instrumented when it is
// loaded (see interrupt.go), not on disk, so that it stays byte for byte
// go-graphviz's.
//
//go:generate go run ./internal/wasmgen
//go:embed graphviz.wasm
var wasmModule []byte

// Options configure an Engine.
type Options struct {
	// CacheDir is a directory where compiled code is kept between runs, so
	// that only the first run compiles the WebAssembly module. It is created
	// (mode 0700, with the missing directories above it) if it does not
	// exist. Since the code in it is run, it is used only if no one but the
	// effective user can change it: it and everything in it must belong to
	// the effective user, be writable by no one else and not be symbolic
	// links, and each directory above it (links resolved) must belong to
	// the effective user or root and be writable by no one else unless
	// sticky. Otherwise it is not used (see Engine.CacheError). Empty means
	// no cache.
	CacheDir string
}

// Engine runs Graphviz. Its methods are safe for concurrent use: they are
// serialised.
type Engine struct {
	mu      sync.Mutex
	runtime wazero.Runtime
	cache   wazero.CompilationCache // or nil
	// cacheErr is why Options.CacheDir is not used, or nil.
	cacheErr error
	// compiled is Graphviz, instrumented to be interruptible (see
	// instrument); mod is its instance, nil after a render was stopped
	// half-way: the next Render makes a new one.
	compiled wazero.CompiledModule
	mod      api.Module
	stderr   *bytes.Buffer // Graphviz's messages, written to its standard error
	gvc      uint32        // the GVC_t context
	funcs    map[string]api.Function
	closed   bool
	// broken is set after a call into the module failed: Graphviz may have
	// stopped half-way through changing its state, so the engine is not
	// used again.
	broken error
}

// New compiles (or loads from the cache) and instantiates Graphviz. This is
// the expensive step: about half a second without a cache, a few tens of
// milliseconds with one. A cache directory that is not safe (see
// Options.CacheDir) is not used, and New goes on without it: CacheError
// says why.
func New(ctx context.Context, opts Options) (*Engine, error) {
	cfg := wazero.NewRuntimeConfig()
	var cache wazero.CompilationCache
	var cacheErr error
	if opts.CacheDir != "" {
		cache, cacheErr = openCache(opts.CacheDir)
		if cache != nil {
			cfg = cfg.WithCompilationCache(cache)
		}
	}
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	e := &Engine{runtime: rt, cache: cache, cacheErr: cacheErr, stderr: new(bytes.Buffer)}
	if err := e.load(ctx); err != nil {
		e.closeRuntime(ctx)
		return nil, fmt.Errorf("graphviz: starting Graphviz: %w", err)
	}
	if err := e.instantiate(ctx); err != nil {
		e.closeRuntime(ctx)
		return nil, fmt.Errorf("graphviz: starting Graphviz: %w", err)
	}
	return e, nil
}

// openCache opens the compilation cache in dir if dir may be trusted with
// code (see trustCache), and otherwise says why not.
func openCache(dir string) (wazero.CompilationCache, error) {
	if !diskCacheAllowed {
		return nil, fmt.Errorf("graphviz: compiled code is not kept on disk on %s", runtime.GOOS)
	}
	real, err := trustCache(dir)
	if err != nil {
		return nil, fmt.Errorf("graphviz: not using the cache %s: %w", dir, err)
	}
	// wazero makes its version directory in real (private, since real is)
	// and reads nothing until the module is compiled: its contents are
	// checked in between.
	cache, err := wazero.NewCompilationCacheWithDir(real)
	if err == nil {
		err = checkContents(real)
	}
	if err != nil {
		if cache != nil {
			cache.Close(context.Background())
		}
		return nil, fmt.Errorf("graphviz: not using the cache %s: %w", dir, err)
	}
	return cache, nil
}

// CacheError says why the compilation cache of Options.CacheDir is not
// used (it is not a safe place for compiled code, say), or is nil if it is
// used or none was asked for. Without the cache every New compiles
// Graphviz, which takes about half a second.
func (e *Engine) CacheError() error { return e.cacheErr }

// load compiles Graphviz (or takes it from the cache) and sets up the host
// modules it imports: what stays when an instance is replaced.
func (e *Engine) load(ctx context.Context) error {
	imports, err := functionImports(wasmModule)
	if err != nil {
		return fmt.Errorf("reading the module's imports: %w", err)
	}
	poll := -1
	for i, f := range imports {
		if f.module == "env" && f.name == pollImport && string(f.params) == string([]api.ValueType{api.ValueTypeI32}) && len(f.results) == 0 {
			poll = i
		}
	}
	if poll < 0 {
		return fmt.Errorf("the module has no import env.%s(i32)", pollImport)
	}
	wasm, err := instrument(wasmModule, uint32(poll))
	if err != nil {
		return fmt.Errorf("instrumenting the module: %w", err)
	}
	// Without a cache, compile on every core: it halves the first run.
	e.compiled, err = e.runtime.CompileModule(experimental.WithCompilationWorkers(ctx, runtime.GOMAXPROCS(0)), wasm)
	if err != nil {
		return fmt.Errorf("compiling: %w", err)
	}
	// The module imports callbacks into go-graphviz's Go plugins (custom
	// renderers, text layout, image loading). This package installs no Go
	// plugin, so Graphviz never calls them; they fail loudly if it does.
	// One of them is poll instead.
	env := e.runtime.NewHostModuleBuilder("env")
	for _, f := range imports {
		if f.module != "env" {
			continue
		}
		name := f.name
		fn := api.GoModuleFunc(func(context.Context, api.Module, []uint64) {
			panic(fmt.Sprintf("graphviz: unexpected call of the Go plugin callback %s", name))
		})
		if name == pollImport {
			fn = pollFunc
		}
		env.NewFunctionBuilder().WithGoModuleFunction(fn, f.params, f.results).Export(name)
	}
	if _, err := env.Instantiate(ctx); err != nil {
		return fmt.Errorf("host functions: %w", err)
	}
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, e.runtime); err != nil {
		return fmt.Errorf("WASI: %w", err)
	}
	return nil
}

// pollFunc is poll (see interrupt.go): it stops the call under way if its
// context has ended, and lets other goroutines run.
func pollFunc(ctx context.Context, _ api.Module, _ []uint64) {
	if err := ctx.Err(); err != nil {
		panic(fmt.Errorf("%w: %w", errStopped, err))
	}
	runtime.Gosched()
}

// instantiate makes an instance of Graphviz and its context.
func (e *Engine) instantiate(ctx context.Context) error {
	// No file system and no environment; wazero's defaults give the module a
	// fixed clock and a fixed random source, so output is reproducible.
	// Graphviz's messages go to a buffer, reported with errors.
	mod, err := e.runtime.InstantiateModule(ctx, e.compiled, wazero.NewModuleConfig().
		WithName("graphviz").
		WithStdout(e.stderr).
		WithStderr(e.stderr))
	if err != nil {
		return fmt.Errorf("instantiating: %w", err)
	}
	e.mod = mod
	e.funcs = make(map[string]api.Function)
	c := e.caller(ctx)
	// Every message is printed (to the buffer): Graphviz's other way of
	// keeping the last error needs a temporary file.
	c.call("wasm_bridge_setError", 0 /* AGWARN */, c.scratch())
	// A context with the built-in plugins: the dot and neato layouts and the
	// core renderers.
	defaults := c.ret("wasm_bridge_SymList_default")
	n, data := c.u32(defaults), c.u32(defaults+4)
	plugins := c.malloc(8 * (n + 1)) // the list, and its terminator
	for i := range n {
		c.putU32(plugins+8*i, c.u32(data+8*i))
	}
	c.putU32(plugins+8*n, c.ret("wasm_bridge_SymList_zero"))
	slice := c.malloc(8)
	c.putU32(slice, n+1)
	c.putU32(slice+4, plugins)
	e.gvc = c.ret("wasm_bridge_getContextWithPlugins", uint64(slice), 1)
	if c.err == nil && e.gvc == 0 {
		c.err = errors.New("no Graphviz context")
	}
	if c.err != nil {
		e.discard()
	}
	return c.err
}

// discard drops the instance of Graphviz, after a render was stopped
// half-way through: what Graphviz was doing is left undone, and its state
// may be inconsistent.
func (e *Engine) discard() {
	if e.mod != nil {
		e.mod.Close(context.Background())
	}
	e.mod, e.gvc, e.funcs = nil, 0, nil
}

// Formats returns the output formats Render accepts: Graphviz's names (its
// -T option) for the core renderers argmap uses. Each call returns a new
// slice, so a caller that changes it cannot make Render accept a format
// the module lacks.
func Formats() []string { return []string{"svg", "json", "dot", "xdot", "plain"} }

// Render lays out the DOT graph and renders it in each of formats (see
// Formats). The layout engine is the graph's layout attribute, or dot. It
// returns one output per format.
//
// A failure inside Graphviz (an assertion, say) leaves the engine unusable:
// later calls return an error, and a new Engine is needed.
//
// When ctx ends during the render, Render stops it within milliseconds
// (see interrupt.go) and returns an error that wraps ctx.Err(), so that
// errors.Is(err, context.DeadlineExceeded) tells a timeout. The engine
// stays usable: the instance of Graphviz that was stopped is dropped, and
// the next Render makes a new one (about half a millisecond).
func (e *Engine) Render(ctx context.Context, dot []byte, formats ...string) (out [][]byte, err error) {
	for _, f := range formats {
		if !slices.Contains(Formats(), f) {
			// Graphviz keeps a failed job with a dangling format name, and
			// fails every later render: refuse unknown formats up front.
			return nil, fmt.Errorf("graphviz: unsupported format %q: use one of %s", f, strings.Join(Formats(), ", "))
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	if e.closed {
		return nil, errors.New("graphviz: engine is closed")
	}
	if e.broken != nil {
		return nil, fmt.Errorf("graphviz: engine unusable after an earlier failure: %w", e.broken)
	}
	if bytes.IndexByte(dot, 0) >= 0 {
		return nil, errors.New("graphviz: DOT text contains a NUL byte")
	}
	if e.mod == nil {
		// The last render was stopped: start again.
		if err := e.instantiate(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("graphviz: render stopped: %w", ctx.Err())
			}
			e.broken = err
			return nil, fmt.Errorf("graphviz: restarting Graphviz: %w", err)
		}
	}
	e.stderr.Reset()
	c := e.caller(ctx)
	var allocs []uint32
	defer func() {
		for _, p := range allocs {
			c.free(p)
		}
		if c.err != nil && ctx.Err() != nil {
			// Stopped (or failed as ctx ended): the instance is dropped,
			// whatever state it is in, and the engine goes on.
			e.discard()
			out, err = nil, fmt.Errorf("graphviz: render stopped: %w", ctx.Err())
			return
		}
		if err == nil {
			err = c.err
		}
		if c.err != nil {
			e.broken = c.err
		}
		if err != nil {
			err = fmt.Errorf("graphviz: %w%s", err, e.messages())
		}
	}()
	str := func(s []byte) uint64 {
		p := c.cstring(s)
		allocs = append(allocs, p)
		return uint64(p)
	}

	// Layouts that draw random numbers before seeding them (sfdp's
	// coarsening calls rand() before it calls srand) would depend on the
	// renders before this one: start every render from libc's initial
	// state, as a fresh engine does, so that a server's drawings do not
	// depend on its history.
	c.call("srand", 1)
	g := c.ret("wasm_bridge_memRead", str(dot))
	if c.err != nil {
		return nil, c.err
	}
	if g == 0 {
		return nil, errors.New("the DOT text is not valid")
	}
	defer c.ret("wasm_bridge_Graph_close", uint64(g))
	if rc := c.ret("wasm_bridge_Context_layout", uint64(e.gvc), uint64(g), str([]byte("dot"))); c.err != nil {
		return nil, fmt.Errorf("layout: %w", c.err)
	} else if rc != 0 {
		e.broken = errors.New("layout failed")
		return nil, e.broken
	}
	defer c.ret("wasm_bridge_Context_freeLayout", uint64(e.gvc), uint64(g))
	for _, format := range formats {
		data, lenp := c.malloc(4), c.malloc(4)
		allocs = append(allocs, data, lenp)
		c.putU32(data, 0)
		rc := c.ret("wasm_bridge_Context_renderData", uint64(e.gvc), uint64(g), str([]byte(format)), uint64(data), uint64(lenp))
		if c.err != nil {
			return nil, fmt.Errorf("rendering %s: %w", format, c.err)
		}
		// The bridge replaces the data pointer by a pointer to a
		// {data, length} pair.
		pair := c.u32(data)
		var b []byte
		if pair != 0 {
			p, n := c.u32(pair), c.u32(pair+4)
			b = c.read(p, n)
			if p != 0 {
				c.call("gvFreeRenderData", uint64(p))
			}
			c.free(pair)
		}
		if c.err != nil {
			return nil, fmt.Errorf("rendering %s failed: %w", format, c.err)
		}
		if rc != 0 {
			e.broken = fmt.Errorf("rendering %s failed", format)
			return nil, e.broken
		}
		out = append(out, b)
	}
	return out, nil
}

// Err returns nil while the engine can render, and otherwise why it cannot:
// it is closed, or an earlier call failed inside Graphviz.
func (e *Engine) Err() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return errors.New("graphviz: engine is closed")
	}
	if e.broken != nil {
		return fmt.Errorf("graphviz: engine unusable after an earlier failure: %w", e.broken)
	}
	return nil
}

// messages is what Graphviz printed, for an error message.
func (e *Engine) messages() string {
	s := strings.TrimSpace(e.stderr.String())
	if s == "" {
		return ""
	}
	const max = 2000
	if len(s) > max {
		s = s[:max] + "..."
	}
	return " (Graphviz says: " + s + ")"
}

// Close releases the engine's memory and the compilation cache.
func (e *Engine) Close(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	if e.mod != nil && e.gvc != 0 {
		c := e.caller(ctx)
		c.ret("wasm_bridge_Context_freeContext", uint64(e.gvc))
	}
	return e.closeRuntime(ctx)
}

func (e *Engine) closeRuntime(ctx context.Context) error {
	err := e.runtime.Close(ctx)
	if e.cache != nil {
		err = errors.Join(err, e.cache.Close(ctx))
	}
	return err
}

func (e *Engine) caller(ctx context.Context) *caller {
	return &caller{ctx: ctx, mod: e.mod, funcs: e.funcs}
}

// caller calls the module's exported functions, remembering the first
// failure, so that a sequence of calls can be checked once.
type caller struct {
	ctx context.Context
	mod api.Module
	// funcs are the functions called so far, by name: looking a function up
	// anew for each call would set up a new call stack each time.
	funcs map[string]api.Function
	err   error
}

func (c *caller) call(name string, args ...uint64) []uint64 {
	if c.err != nil {
		return nil
	}
	f := c.funcs[name]
	if f == nil {
		if f = c.mod.ExportedFunction(name); f == nil {
			c.err = fmt.Errorf("the module has no function %s", name)
			return nil
		}
		c.funcs[name] = f
	}
	res, err := f.Call(c.ctx, args...)
	if err != nil {
		c.err = fmt.Errorf("%s: %w", name, err)
		return nil
	}
	return res
}

// ret calls a bridge function that returns its result through a pointer
// passed as its last argument.
func (c *caller) ret(name string, args ...uint64) uint32 {
	p := c.malloc(4)
	if c.err != nil {
		return 0
	}
	c.putU32(p, 0)
	c.call(name, append(args, uint64(p))...)
	v := c.u32(p)
	c.free(p)
	return v
}

// scratch returns a pointer to 4 bytes for a result nobody reads. They are
// not freed: it is called once per engine.
func (c *caller) scratch() uint64 { return uint64(c.malloc(4)) }

func (c *caller) malloc(n uint32) uint32 {
	res := c.call("malloc", uint64(n))
	if c.err != nil {
		return 0
	}
	if res[0] == 0 {
		c.err = fmt.Errorf("out of memory allocating %d bytes", n)
		return 0
	}
	return uint32(res[0])
}

func (c *caller) free(p uint32) {
	if p != 0 {
		c.call("free", uint64(p))
	}
}

func (c *caller) cstring(s []byte) uint32 {
	p := c.malloc(uint32(len(s) + 1))
	if c.err != nil {
		return 0
	}
	if !c.mod.Memory().Write(p, s) || !c.mod.Memory().WriteByte(p+uint32(len(s)), 0) {
		c.err = fmt.Errorf("writing %d bytes at %#x: out of range", len(s)+1, p)
	}
	return p
}

func (c *caller) u32(p uint32) uint32 {
	if c.err != nil {
		return 0
	}
	v, ok := c.mod.Memory().ReadUint32Le(p)
	if !ok {
		c.err = fmt.Errorf("reading memory at %#x: out of range", p)
	}
	return v
}

func (c *caller) putU32(p, v uint32) {
	if c.err == nil && !c.mod.Memory().WriteUint32Le(p, v) {
		c.err = fmt.Errorf("writing memory at %#x: out of range", p)
	}
}

// read copies n bytes at p out of the module's memory.
func (c *caller) read(p, n uint32) []byte {
	if c.err != nil || n == 0 {
		return nil
	}
	b, ok := c.mod.Memory().Read(p, n)
	if !ok {
		c.err = fmt.Errorf("reading %d bytes at %#x: out of range", n, p)
		return nil
	}
	return bytes.Clone(b)
}
