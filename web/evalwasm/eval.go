//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/semantics/bipolar"
)

// timeout bounds the work of one request: a large enumeration must not
// freeze the page. It is a string so that a test can build the evaluator
// with -ldflags=-X main.timeout=0s and see a timeout for sure.
var timeout = "10s"

// request is what argmapEvaluate is given.
type request struct {
	// Files are the map's files by name, relative to the root file's
	// directory and slash separated: "debate.toml", "parts/x.toml".
	Files map[string]string `json:"files"`
	// Root is the name of the map's root file among Files.
	Root string `json:"root"`
	// Semantics is a name argmap eval --semantics takes; "" is grounded.
	Semantics string `json:"semantics"`
	// Support is a name --support takes; "" is supported-secondary.
	Support string `json:"support"`
	// Without are the ids of the withdrawn arguments.
	Without []string `json:"without"`
	// Explain is the id of the argument to explain, or "".
	Explain string `json:"explain"`
}

// response is what argmapEvaluate returns: labels (or scores), and the
// explanation if asked; or diagnostics if the map has errors; or an error.
//
// Labels and Scores are pointers so that an evaluation with every argument
// withdrawn still answers "labels": {}, and an error answers none.
type response struct {
	Labels      *map[string]string  `json:"labels,omitempty"`
	Scores      *map[string]float64 `json:"scores,omitempty"`
	Explanation string              `json:"explanation,omitempty"`
	Diagnostics string              `json:"diagnostics,omitempty"`
	Error       string              `json:"error,omitempty"`
}

func encode(r *response) []byte {
	data, err := json.Marshal(r)
	if err != nil { // only maps of strings and finite floats: cannot happen
		data, _ = json.Marshal(&response{Error: err.Error()})
	}
	return data
}

// handle answers one request.
func handle(reqJSON string) *response {
	var req request
	dec := json.NewDecoder(strings.NewReader(reqJSON))
	dec.DisallowUnknownFields() // the page and this evaluator ship together: a stray field is a bug
	if err := dec.Decode(&req); err != nil {
		return &response{Error: "bad request: " + err.Error()}
	}
	d, err := time.ParseDuration(timeout)
	if err != nil {
		return &response{Error: fmt.Sprintf("bad timeout %q built in: %v", timeout, err)}
	}
	ctx := newClockContext(d)
	res, err := run(ctx, &req)
	if ctx.Err() != nil {
		return &response{Error: fmt.Sprintf("timed out after %v evaluating %s under %s semantics: withdraw arguments, or choose another semantics or --support ignore",
			d, req.Root, req.Semantics)}
	}
	if err != nil {
		return &response{Error: err.Error()}
	}
	return res
}

// run loads, checks and evaluates the map of req as argmap eval and
// explain do.
func run(ctx context.Context, req *request) (*response, error) {
	fsys := fstest.MapFS{}
	for name, text := range req.Files {
		if !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("bad request: file name %q: use a slash-separated path relative to the root file's directory, without . or .. elements", name)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	if _, ok := req.Files[req.Root]; !ok {
		return nil, fmt.Errorf("bad request: the root file %q is not among the files", req.Root)
	}
	method, err := evaluate.ParseMethod(orDefault(req.Semantics, "grounded"))
	if err != nil {
		return nil, fmt.Errorf("semantics: %v", err)
	}
	mode, err := bipolar.ParseMode(orDefault(req.Support, bipolar.SupportedSecondary.String()))
	if err != nil {
		return nil, fmt.Errorf("support: %v", err)
	}

	loader := &arguments.Loader{FS: fsys}
	mc := loader.CheckMap(ctx, req.Root, evaluate.CheckMap)
	m := mc.Map
	if mc.Diagnostics.HasErrors() {
		var b bytes.Buffer
		err := diagnostic.Write(&b, "text", diagnostic.Report{
			Diagnostics: mc.Diagnostics,
			Totals:      diagnostic.Totals{Files: len(m.Files), Maps: 1, Arguments: len(m.Arguments)},
			Source:      loader.Source,
			Rules:       arguments.Rules(),
		})
		if err != nil {
			return nil, err
		}
		return &response{Diagnostics: b.String()}, nil
	}

	opt := evaluate.Options{Method: method, Support: mode}
	for _, id := range req.Without {
		if m.Argument(id) == nil {
			return nil, fmt.Errorf("without: no argument %q in %s%s", id, req.Root, didYouMean(m, id))
		}
		opt.Without = append(opt.Without, id)
	}
	if id := req.Explain; id != "" {
		switch {
		case m.Argument(id) == nil:
			return nil, fmt.Errorf("explain: no argument %q in %s%s", id, req.Root, didYouMean(m, id))
		case contains(opt.Without, id):
			return nil, fmt.Errorf("explain: %s is withdrawn: there is nothing to explain", id)
		}
	}
	res, err := evaluate.Evaluate(ctx, m, opt)
	if err != nil {
		var le *bipolar.LimitError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("not evaluating %s: %v. Choose the support mode ignore, or withdraw arguments", req.Root, le.Summary())
		}
		return nil, err
	}
	out := &response{}
	if method.Gradual != 0 {
		scores := map[string]float64{}
		for _, st := range res.Arguments {
			scores[st.ID] = round(st.Score)
		}
		out.Scores = &scores
	} else {
		labels := map[string]string{}
		for _, st := range res.Arguments {
			labels[st.ID] = st.Label.String()
		}
		out.Labels = &labels
	}
	if req.Explain != "" {
		text, err := res.Explain(ctx, req.Explain)
		if err != nil {
			return nil, err
		}
		out.Explanation = strings.TrimSuffix(text, "\n")
	}
	return out, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func didYouMean(m *arguments.Map, id string) string {
	if best := m.ClosestID(id); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// round keeps six decimals, as argmap eval --format json does: the page's
// scores are eval's, digit for digit.
func round(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	return v
}
