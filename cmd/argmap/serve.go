package main

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/internal/outfile"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/graphviz"
	"github.com/argmap/argmap/renderers/pipeline"
	"github.com/argmap/argmap/web"
	"github.com/argmap/argmap/web/assets"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "show a map in the browser, live and interactive",
		ArgsUsage: "PATH",
		Description: `Serves the map whose root file is PATH as a web page, and prints its
address (http://127.0.0.1:PORT/) on standard output. With a directory, the
page lists the maps below it.

The page draws the map as argmap render does and labels each argument under
the semantics and support mode chosen in its toolbar: clicking an argument
withdraws it (clicking again restores it), the arguments whose label changed
are highlighted, and a side panel explains the label of the argument pointed
at. The labels are computed in the browser by argmap's own packages,
compiled to WebAssembly: they are those of argmap eval with the same
--semantics, --support and --without. The page's address holds its state,
to bookmark or share.

When a file of the map (included files too) is saved, the page follows
within a second, keeping its state; when the map has errors, the page shows
them as argmap check prints them, until the file is fixed.

The server binds 127.0.0.1 on a free port unless --addr says otherwise; an
address other than loopback makes the map visible to the network, and
argmap says so. --open opens the page in the default browser. Ctrl-C stops
the server.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:0", Usage: "listen on `HOST:PORT` (port 0: a free one)"},
			&cli.BoolFlag{Name: "open", Usage: "open the page in the default browser"},
		},
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	paths := c.Args().Slice()
	switch {
	case len(paths) == 0:
		return usageError("serve needs a map's root file or a directory of maps: argmap serve [--addr HOST:PORT] PATH")
	case len(paths) > 1:
		return usageError("serve shows one map or one directory; got %d paths", len(paths))
	}
	addr := c.String("addr")
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usageError("bad --addr %q: use HOST:PORT, such as 127.0.0.1:8080 (port 0 for a free one)", addr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return usageError("bad --addr %q: the port must be a number from 0 to 65535", addr)
	}
	ctx, stop := interruptible(cmp.Or(c.Context, context.Background()))
	defer stop()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return &exitError{exitProblems, fmt.Errorf("serve: %w: choose another with --addr HOST:PORT", err)}
	}
	defer ln.Close()
	tcp := ln.Addr().(*net.TCPAddr)
	var hosts []string
	if tcp.IP.IsLoopback() {
		// Only the names of this address are answered: a page of another
		// site that rebinds its name to 127.0.0.1 cannot read the map.
		p := strconv.Itoa(tcp.Port)
		hosts = []string{net.JoinHostPort(host, p), "127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p}
	} else {
		fmt.Fprintf(c.App.ErrWriter, "argmap: warning: serving on %s, not loopback: the map becomes visible to the network\n", ln.Addr())
	}
	engine := &serveEngine{dir: graphvizCacheDir()}
	defer engine.Close()
	srv, err := web.New(web.Options{
		Path:     paths[0],
		Engine:   engine,
		WASM:     assets.WASM,
		WasmExec: assets.WasmExec,
		Hosts:    hosts,
		Version:  c.App.Version,
	})
	if err != nil {
		return &exitError{exitProblems, fmt.Errorf("serve: %w", err)}
	}
	url := "http://" + net.JoinHostPort(displayHost(host, tcp), strconv.Itoa(tcp.Port)) + "/"
	fmt.Fprintln(c.App.Writer, url)

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		// No WriteTimeout: it would cut the event streams; each of their
		// writes has a deadline of its own, and the other answers are
		// small.
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 16 << 10,
		BaseContext:    func(net.Listener) context.Context { return ctx },
	}
	go srv.Watch(ctx)
	if c.Bool("open") {
		openBrowser(c, url)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return &exitError{exitProblems, fmt.Errorf("serve: %w", err)}
	case <-ctx.Done():
	}
	srv.Close() // ends the event streams, which Shutdown would wait for
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		hs.Close()
	}
	return nil
}

// displayHost is the host of the printed address: the one asked for, or
// 127.0.0.1 for an unspecified one.
func displayHost(host string, tcp *net.TCPAddr) string {
	if host == "" || tcp.IP.IsUnspecified() {
		return "127.0.0.1"
	}
	return host
}

// openBrowser opens url with the desktop's opener, if there is one.
func openBrowser(c *cli.Context, url string) {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name = "explorer"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: --open: no %s to open the browser with: open %s yourself\n", name, url)
		return
	}
	cmd := exec.Command(path, url)
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: --open: %v: open %s yourself\n", err, url)
		return
	}
	go cmd.Wait() // reap it
}

// serveEngine is Graphviz for a long-running server: one engine in the
// process, started on first use, and started anew if a drawing left it
// broken.
type serveEngine struct {
	dir string
	mu  sync.Mutex
	e   *graphviz.Engine
}

func (s *serveEngine) Render(ctx context.Context, dot []byte, formats ...string) ([][]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.e != nil && s.e.Err() != nil {
		s.e.Close(context.WithoutCancel(ctx))
		s.e = nil
	}
	if s.e == nil {
		e, err := graphviz.New(context.WithoutCancel(ctx), graphviz.Options{CacheDir: s.dir})
		if err != nil {
			return nil, err
		}
		s.e = e
	}
	return s.e.Render(ctx, dot, formats...)
}

// Close ends the engine.
func (s *serveEngine) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.e != nil {
		s.e.Close(context.Background())
		s.e = nil
	}
}

// writeHTML writes the page of argmap serve for m as one self-contained
// file (render --format html), to f or, if nil, standard output.
func writeHTML(ctx context.Context, c *cli.Context, gv pipeline.Engine, m *arguments.Map, opts dot.Options, f *outfile.File, timeout time.Duration, file string) error {
	data, err := web.Offline(ctx, gv, m, opts, assets.WASM, assets.WasmExec)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return renderError(ctx, err, timeout, file)
	}
	if f == nil {
		if _, err := c.App.Writer.Write(data); err != nil {
			return &exitError{exitProblems, fmt.Errorf("writing the page: %w", err)}
		}
		return nil
	}
	if _, err = f.Write(data); err == nil {
		err = f.Commit()
	}
	if err != nil {
		return renderError(ctx, err, timeout, file)
	}
	return nil
}
