// Package web serves argument maps to a browser: the page of argmap serve,
// which draws a map as argmap render does and labels it in the browser
// with argmap's own semantics compiled to WebAssembly, and the same page
// as one self-contained file (argmap render --format html).
//
// The server answers a fixed table of routes and never maps a request's
// path to a file: only the map's own files, its drawing and the page's
// assets can be had from it.
package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/pipeline"
)

// DefaultPoll is how often a Server looks at the files of its maps for a
// change: often enough that a saved file shows within a second.
const DefaultPoll = 200 * time.Millisecond

// Options configure a Server.
type Options struct {
	// Path is a map's root file, or a directory whose maps are listed.
	Path string
	// Engine lays the maps out (Graphviz).
	Engine pipeline.Engine
	// WASM and WasmExec are the page's evaluator, argmap compiled to
	// WebAssembly, and Go's wasm_exec.js that runs it (package assets).
	WASM, WasmExec []byte
	// Hosts, if not empty, are the only Host headers answered (such as
	// 127.0.0.1:8080 and localhost:8080): a page of another site that a
	// DNS name rebound to 127.0.0.1 cannot read the map.
	Hosts []string
	// Poll is how often the files are looked at; zero means DefaultPoll.
	Poll time.Duration
	// Version is argmap's version, for the diagnostics.
	Version string
	// RenderTimeout bounds one drawing; zero means a minute.
	RenderTimeout time.Duration
}

// Server serves the page of one map, or of each map of a directory. Its
// methods are safe for concurrent use.
type Server struct {
	opts  Options
	index bool // Path is a directory: / lists the maps

	mapsMu sync.Mutex
	// maps only grows: a map's number in /map/N/ is the order in which the
	// server first found it, so that an address stays the same map when
	// maps are added to the directory later.
	maps []*mapState
	done chan struct{}
	once sync.Once
}

// mapState is one map as the server last read it.
type mapState struct {
	root   string // the root file, as given or found
	opts   *Options
	mu     sync.Mutex
	snap   *snapshot
	subs   map[chan struct{}]bool
	svgMu  sync.Mutex // one drawing at a time: Graphviz is the costly part
	svgFor map[string]svgResult
}

type svgResult struct {
	version int
	data    []byte
	err     error
}

// snapshot is what one reading of a map found.
type snapshot struct {
	version int
	prints  string            // the files' names, sizes and times, to see a change
	paths   []string          // the files read, for watching
	files   map[string]string // name relative to the root's directory: text
	rootRel string
	title   string
	diags   string // check's text output, "" when there is nothing to say
	broken  bool   // the map has errors: no drawing
	m       *arguments.Map
}

// New returns a server for opts.Path, having read its maps once.
func New(opts Options) (*Server, error) {
	if opts.Poll <= 0 {
		opts.Poll = DefaultPoll
	}
	if opts.RenderTimeout <= 0 {
		opts.RenderTimeout = time.Minute
	}
	s := &Server{opts: opts, done: make(chan struct{})}
	info, err := os.Stat(opts.Path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		s.addMaps([]string{opts.Path})
		return s, nil
	}
	s.index = true
	if s.rescan() == 0 {
		return nil, fmt.Errorf("%s: no argument map found below it: name a map's root file, or a directory that holds maps", opts.Path)
	}
	return s, nil
}

// rescan looks for the maps of the directory served, adds those not yet
// listed, and returns how many it found.
func (s *Server) rescan() int {
	loader := &arguments.Loader{}
	res := loader.Check(context.Background(), []string{s.opts.Path}, nil)
	var roots []string
	for _, mc := range res.Maps {
		if mc.Map != nil && mc.Map.Root != nil {
			roots = append(roots, mc.Map.Root.Name)
		}
	}
	s.addMaps(roots)
	return len(roots)
}

// addMaps adds the maps of the given root files that are not yet served.
func (s *Server) addMaps(roots []string) {
	s.mapsMu.Lock()
	known := map[string]bool{}
	for _, ms := range s.maps {
		known[ms.root] = true
	}
	s.mapsMu.Unlock()
	var added []*mapState
	for _, r := range roots {
		if known[r] {
			continue
		}
		known[r] = true
		ms := &mapState{root: r, opts: &s.opts, subs: map[chan struct{}]bool{}, svgFor: map[string]svgResult{}}
		ms.snap = ms.read(0, nil, "")
		added = append(added, ms)
	}
	s.mapsMu.Lock()
	defer s.mapsMu.Unlock()
	for _, ms := range added {
		if !slices.ContainsFunc(s.maps, func(o *mapState) bool { return o.root == ms.root }) {
			s.maps = append(s.maps, ms)
		}
	}
}

// mapList returns the maps served, in the order of their numbers.
func (s *Server) mapList() []*mapState {
	s.mapsMu.Lock()
	defer s.mapsMu.Unlock()
	return slices.Clip(s.maps)
}

// Close ends the server's event streams, so that an http.Server's
// Shutdown does not wait for them.
func (s *Server) Close() { s.once.Do(func() { close(s.done) }) }

// Watch looks at the files of the maps every Options.Poll until ctx is
// done, and reads a map again when one of its files changed, telling the
// pages that show it.
func (s *Server) Watch(ctx context.Context) {
	t := time.NewTicker(s.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.done:
			return
		case <-t.C:
			for _, ms := range s.mapList() {
				ms.poll()
			}
		}
	}
}

// Poll looks at the files of every map once, as Watch does on each tick.
func (s *Server) Poll() {
	for _, ms := range s.mapList() {
		ms.poll()
	}
}

// poll reads the map again if its files changed and tells the pages.
func (ms *mapState) poll() {
	ms.mu.Lock()
	old := ms.snap
	ms.mu.Unlock()
	prints := fingerprint(old.paths)
	if prints == old.prints {
		return
	}
	snap := ms.read(old.version+1, old.paths, prints)
	ms.mu.Lock()
	ms.snap = snap
	for ch := range ms.subs {
		select {
		case ch <- struct{}{}:
		default: // a change is already pending for this page
		}
	}
	ms.mu.Unlock()
}

// fingerprint is the names, sizes and modification times of paths.
func fingerprint(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		b.WriteString(p)
		if info, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, " %d %d %v\n", info.Size(), info.ModTime().UnixNano(), info.Mode())
		} else {
			b.WriteString(" missing\n")
		}
	}
	return b.String()
}

// read loads and checks the map as argmap check does. prints is the
// fingerprint of paths taken before the reading, if any: a file saved
// while the map is read then differs from it at the next poll, and is
// read again rather than missed.
func (ms *mapState) read(version int, prevPaths []string, prints string) *snapshot {
	loader := &arguments.Loader{}
	mc := loader.CheckMap(context.Background(), ms.root, evaluate.CheckMap)
	snap := &snapshot{version: version, m: mc.Map, files: map[string]string{}}
	dir := filepath.Dir(ms.root)
	paths := []string{ms.root}
	if m := mc.Map; m != nil {
		snap.title = m.Title
		for _, f := range m.Files {
			if !slices.Contains(paths, f.Name) {
				paths = append(paths, f.Name)
			}
			if f.Source == nil || f.Source.Hidden || f.Source.Data == nil {
				continue
			}
			snap.files[relName(dir, f.Name)] = string(f.Source.Data)
		}
	}
	snap.rootRel = relName(dir, ms.root)
	snap.paths = paths
	if prints != "" && slices.Equal(paths, prevPaths) {
		snap.prints = prints
	} else {
		snap.prints = fingerprint(paths)
	}
	if len(mc.Diagnostics) > 0 {
		var b bytes.Buffer
		nfiles, nargs := 0, 0
		if mc.Map != nil {
			nfiles, nargs = len(mc.Map.Files), len(mc.Map.Arguments)
		}
		_ = diagnostic.Write(&b, "text", diagnostic.Report{
			Diagnostics: mc.Diagnostics,
			Totals:      diagnostic.Totals{Files: nfiles, Maps: 1, Arguments: nargs},
			Source:      loader.Source,
			Rules:       arguments.Rules(),
			Version:     ms.opts.Version,
		})
		snap.diags = b.String()
	}
	snap.broken = mc.Diagnostics.HasErrors() || mc.Map == nil
	return snap
}

func (ms *mapState) current() *snapshot {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.snap
}

// svg draws the map of snap in theme, once per version and theme.
func (ms *mapState) svg(ctx context.Context, snap *snapshot, theme string) ([]byte, error) {
	if snap.broken {
		return nil, errBroken
	}
	ms.svgMu.Lock()
	defer ms.svgMu.Unlock()
	if r, ok := ms.svgFor[theme]; ok && r.version == snap.version {
		return r.data, r.err
	}
	// One drawing serves every page: a page that goes away does not stop it.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ms.opts.RenderTimeout)
	defer cancel()
	res, err := pipeline.Render(ctx, ms.opts.Engine, snap.m, pipeline.Options{Format: "svg", Drawing: dot.Options{Theme: theme}})
	if ctx.Err() != nil && err != nil {
		return nil, err // not cached: a page that asks again may be luckier
	}
	ms.svgFor[theme] = svgResult{snap.version, res.Data, err}
	return res.Data, err
}

var errBroken = errors.New("the map has errors")

// ServeHTTP answers the fixed routes of the server.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(s.opts.Hosts) > 0 && !slices.Contains(s.opts.Hosts, r.Host) {
		http.Error(w, "unknown host "+strconv.Quote(r.Host)+": open the address argmap serve printed", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD are served", http.StatusMethodNotAllowed)
		return
	}
	// No route reads a body: refuse one rather than let it be sent.
	if r.ContentLength > 0 {
		http.Error(w, "a request body is not accepted", http.StatusRequestEntityTooLarge)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 0)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	// The path is matched as sent, escapes and all, against fixed names:
	// no encoding of ".." or "/" can reach anything but these routes.
	p := r.URL.EscapedPath()
	switch p {
	case "/assets/argmap.wasm":
		serveBytes(w, r, "application/wasm", s.opts.WASM)
		return
	case "/assets/wasm_exec.js":
		serveBytes(w, r, "text/javascript; charset=utf-8", s.opts.WasmExec)
		return
	}
	if s.index {
		if p == "/" {
			s.serveIndex(w, r)
			return
		}
		rest, ok := strings.CutPrefix(p, "/map/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		n, sub, ok := strings.Cut(rest, "/")
		i, err := strconv.Atoi(n)
		maps := s.mapList()
		if !ok || err != nil || n != strconv.Itoa(i) || i < 1 || i > len(maps) {
			http.NotFound(w, r)
			return
		}
		s.serveMap(w, r, maps[i-1], "/"+sub)
		return
	}
	s.serveMap(w, r, s.mapList()[0], p)
}

func serveBytes(w http.ResponseWriter, r *http.Request, ctype string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

// serveMap answers the routes of one map; p is the path below the map.
func (s *Server) serveMap(w http.ResponseWriter, r *http.Request, ms *mapState, p string) {
	switch p {
	case "/":
		page, err := Page(PageData{Title: ms.current().title})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Security-Policy", pageCSP)
		serveBytes(w, r, "text/html; charset=utf-8", page)
	case "/api/files":
		snap := ms.current()
		data, err := json.Marshal(filesJSON{Root: snap.rootRel, Files: snap.files, Version: snap.version})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		serveBytes(w, r, "application/json", data)
	case "/api/check":
		snap := ms.current()
		if snap.broken {
			w.Header().Set("X-Argmap-Broken", "true")
		}
		serveBytes(w, r, "text/plain; charset=utf-8", []byte(snap.diags))
	case "/api/svg":
		theme := r.URL.Query().Get("theme")
		if theme == "" {
			theme = "light"
		}
		if !slices.Contains(dot.Themes(), theme) {
			http.Error(w, "unknown theme "+strconv.Quote(theme)+": use one of "+strings.Join(dot.Themes(), ", "), http.StatusBadRequest)
			return
		}
		snap := ms.current()
		data, err := ms.svg(r.Context(), snap, theme)
		switch {
		case errors.Is(err, errBroken):
			w.Header().Set("X-Argmap-Broken", "true")
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusConflict)
			io.WriteString(w, snap.diags)
		case err != nil:
			http.Error(w, "drawing the map: "+err.Error(), http.StatusInternalServerError)
		default:
			serveBytes(w, r, "image/svg+xml", data)
		}
	case "/api/events":
		s.serveEvents(w, r, ms)
	default:
		http.NotFound(w, r)
	}
}

// filesJSON is the answer of /api/files: the map's sources, for the
// evaluator in the page.
type filesJSON struct {
	Root    string            `json:"root"`
	Files   map[string]string `json:"files"`
	Version int               `json:"version"`
}

// eventWriteTimeout bounds each write to an event stream: a client that
// stops reading is dropped rather than held.
const eventWriteTimeout = 10 * time.Second

// eventKeepAlive is how often an idle event stream gets a comment, so
// that a dead connection is found.
const eventKeepAlive = 15 * time.Second

// serveEvents streams an event "change" each time the map's files change.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request, ms *mapState) {
	rc := http.NewResponseController(w)
	ch := make(chan struct{}, 1)
	ms.mu.Lock()
	ms.subs[ch] = true
	version := ms.snap.version
	ms.mu.Unlock()
	defer func() {
		ms.mu.Lock()
		delete(ms.subs, ch)
		ms.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	send := func(msg string) bool {
		rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout))
		if _, err := io.WriteString(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send(fmt.Sprintf("retry: 1000\nevent: hello\ndata: %d\n\n", version)) {
		return
	}
	keep := time.NewTicker(eventKeepAlive)
	defer keep.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-keep.C:
			if !send(": keep-alive\n\n") {
				return
			}
		case <-ch:
			v := ms.current().version
			if !send(fmt.Sprintf("event: change\ndata: %d\n\n", v)) {
				return
			}
		}
	}
}

// Subscribers is how many event streams are open, for tests and logs.
func (s *Server) Subscribers() int {
	n := 0
	for _, ms := range s.mapList() {
		ms.mu.Lock()
		n += len(ms.subs)
		ms.mu.Unlock()
	}
	return n
}

// serveIndex lists the maps of the directory served, looking for new ones
// first: a map added to the directory since the server started is listed
// when the index is next loaded.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	s.rescan()
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>argmap: maps</title>
<style>body{font:15px/1.5 "DejaVu Sans",system-ui,sans-serif;margin:2em auto;max-width:50em;color:#202124}
li{margin:.4em 0}code{color:#5f6368}.broken{color:#d93025}</style></head><body>
<h1>Argument maps</h1>
<ul id="maps">
`)
	for i, ms := range s.mapList() {
		snap := ms.current()
		title := snap.title
		if title == "" {
			title = filepath.Base(ms.root)
		}
		fmt.Fprintf(&b, "<li><a href=\"/map/%d/\">%s</a> <code>%s</code>", i+1, html.EscapeString(title), html.EscapeString(filepath.ToSlash(ms.root)))
		if snap.broken {
			b.WriteString(` <span class="broken">(has errors)</span>`)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n</body></html>\n")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	serveBytes(w, r, "text/html; charset=utf-8", []byte(b.String()))
}
