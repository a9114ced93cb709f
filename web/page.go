package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/pipeline"
	"github.com/argmap/argmap/semantics/bipolar"
)

//go:embed page/page.html page/page.css page/page.js
var pageFiles embed.FS

// pageCSP is the served page's content security policy: nothing but this
// server, and the blob: URLs the page makes for the evaluator's worker.
const pageCSP = "default-src 'none'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:; worker-src blob:; " +
	"connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// offlineCSP is the self-contained page's: no request at all can leave it,
// not even to a file beside it.
const offlineCSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; worker-src blob:; " +
	"connect-src blob:; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

// PageData is what a page shows besides its fixed code.
type PageData struct {
	// Title is the map's title.
	Title string
	// Inline, for a self-contained page, holds the map and the evaluator;
	// nil for the served page, which asks the server for them.
	Inline *Inline
}

// Inline is the content of a self-contained page.
type Inline struct {
	Root  string            `json:"root"`
	Files map[string]string `json:"files"`
	// SVG is the drawing in each theme.
	SVG map[string]string `json:"svg"`
	// WasmGzip is argmap.wasm, gzipped and base64-encoded: the page
	// decompresses it with DecompressionStream.
	WasmGzip string `json:"wasmGzip"`
	// WasmExec is wasm_exec.js, base64-encoded.
	WasmExec string `json:"wasmExec"`
}

// Page returns the HTML of the page.
func Page(d PageData) ([]byte, error) {
	read := func(name string) string {
		b, err := pageFiles.ReadFile("page/" + name)
		if err != nil {
			panic(err) // embedded: cannot fail
		}
		return string(b)
	}
	title := d.Title
	if title == "" {
		title = "argmap"
	}
	csp, data := "", ""
	if d.Inline != nil {
		csp = `<meta http-equiv="Content-Security-Policy" content="` + offlineCSP + `">`
		// json.Marshal escapes <, > and &: the data cannot end the script.
		b, err := json.Marshal(d.Inline)
		if err != nil {
			return nil, err
		}
		data = `<script type="application/json" id="argmap-data">` + string(b) + `</script>`
	}
	js := read("page.js")
	if strings.Contains(strings.ToLower(js), "</script") {
		return nil, fmt.Errorf("page.js contains </script")
	}
	r := strings.NewReplacer(
		"<!--SEMANTICS-->", semanticsOptions(),
		"<!--SUPPORT-->", supportOptions(),
		"<!--CSP-->", csp,
		"<!--TITLE-->", html.EscapeString(title),
		"<!--CSS-->", read("page.css"),
		"<!--DATA-->", data,
		"<!--JS-->", js,
	)
	return []byte(r.Replace(read("page.html"))), nil
}

// Offline returns the self-contained page of m: its sources, its drawing
// in every theme, and the evaluator, inline.
func Offline(ctx context.Context, engine pipeline.Engine, m *arguments.Map, drawing dot.Options, wasm, wasmExec []byte) ([]byte, error) {
	in := &Inline{Files: map[string]string{}, SVG: map[string]string{}}
	dir := filepath.Dir(m.Root.Name)
	for _, f := range m.Files {
		if f.Source == nil || f.Source.Hidden || f.Source.Data == nil {
			continue
		}
		in.Files[relName(dir, f.Name)] = string(f.Source.Data)
	}
	in.Root = relName(dir, m.Root.Name)
	for _, theme := range dot.Themes() {
		d := drawing
		d.Theme = theme
		d.Labelling = nil
		res, err := pipeline.Render(ctx, engine, m, pipeline.Options{Format: "svg", Drawing: d})
		if err != nil {
			return nil, fmt.Errorf("drawing the map (%s theme): %w", theme, err)
		}
		in.SVG[theme] = string(res.Data)
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(wasm)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	in.WasmGzip = base64.StdEncoding.EncodeToString(gz.Bytes())
	in.WasmExec = base64.StdEncoding.EncodeToString(wasmExec)
	title := m.Title
	if drawing.Title != nil {
		title = *drawing.Title
	}
	return Page(PageData{Title: title, Inline: in})
}

// relName is name relative to dir, slash-separated, as the evaluator
// names the map's files.
func relName(dir, name string) string {
	rel, err := filepath.Rel(dir, name)
	if err != nil {
		rel = name
	}
	return filepath.ToSlash(rel)
}

// semanticsOptions are the options of the semantics control: every name
// --semantics takes, so that the page cannot offer fewer than eval.
func semanticsOptions() string {
	var b strings.Builder
	for i, name := range evaluate.MethodNames() {
		if i > 0 {
			b.WriteByte('\n')
		}
		label := name
		switch m, _ := evaluate.ParseMethod(name); {
		case m.Gradual != 0:
			label += " (scores)"
		case m.Carneades:
			label += " (proof standards)"
		}
		fmt.Fprintf(&b, `      <option value="%s">%s</option>`, html.EscapeString(name), html.EscapeString(label))
	}
	return b.String()
}

// supportOptions are the options of the support control: the names
// --support takes.
func supportOptions() string {
	var b strings.Builder
	for i, name := range bipolar.Names() {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, `      <option value="%s">%s</option>`, html.EscapeString(name), html.EscapeString(name))
	}
	return b.String()
}
