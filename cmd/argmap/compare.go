package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/evaluate"
	"github.com/argmap/argmap/internal/termtext"
	"github.com/argmap/argmap/semantics"
)

// compareFlag is eval's --compare.
func compareFlag() cli.Flag {
	return &cli.BoolFlag{Name: "compare", Usage: "compare semantics side by side, an argument a row and a semantics a column " +
		"(--semantics then takes a list, `NAME,...`; the default is every labelling semantics); " +
		"with --without, each cell gives the label before and after"}
}

// comparison is what eval --compare found: each method's result, and with
// --without the results of the whole map too.
type comparison struct {
	m       *arguments.Map
	opt     evaluate.Options // Support and Without; Method unused
	methods []evaluate.Method
	after   []*evaluate.Result // with opt.Without withdrawn
	before  []*evaluate.Result // the whole map, when opt.Without is not empty
}

// compareMethods reads the semantics of eval --compare: the list
// --semantics gives, or every Dung semantics.
func compareMethods(c *cli.Context) ([]evaluate.Method, error) {
	var names []string
	if c.IsSet("semantics") {
		names = strings.Split(c.String("semantics"), ",")
	} else {
		for _, s := range semantics.All() {
			names = append(names, s.String())
		}
	}
	var methods []evaluate.Method
	seen := map[string]bool{}
	for _, name := range names {
		m, err := evaluate.ParseMethod(strings.TrimSpace(name))
		if err != nil {
			return nil, usageError("--semantics: %v", err)
		}
		if !seen[m.String()] {
			seen[m.String()] = true
			methods = append(methods, m)
		}
	}
	return methods, nil
}

// runCompare is argmap eval --compare.
func runCompare(c *cli.Context, m *arguments.Map) (*comparison, error) {
	methods, err := compareMethods(c)
	if err != nil {
		return nil, err
	}
	// The flags but --semantics, which is a list here.
	opt, err := evaluationOptionsFor(c, m, methods[0])
	if err != nil {
		return nil, err
	}
	cmp := &comparison{m: m, opt: opt, methods: methods}
	for _, method := range methods {
		o := opt
		o.Method = method
		r, err := evaluate.Evaluate(c.Context, m, o)
		if err != nil {
			return nil, err
		}
		cmp.after = append(cmp.after, r)
		if len(opt.Without) > 0 {
			o.Without = nil
			r, err := evaluate.Evaluate(c.Context, m, o)
			if err != nil {
				return nil, err
			}
			cmp.before = append(cmp.before, r)
		}
	}
	return cmp, nil
}

// cell is what one argument gets under one semantics: its label, or its
// score to three places under a gradual semantics, or "withdrawn".
func cell(r *evaluate.Result, id string) string {
	st, ok := r.Status(id)
	switch {
	case !ok:
		return "withdrawn"
	case r.Options.Method.Gradual != 0:
		return strconv.FormatFloat(st.Score, 'f', 3, 64)
	}
	return st.Label.String()
}

// row is one argument of the comparison.
type row struct {
	id     string
	after  []string // a cell per method
	before []string // a cell per method, with --without
	// differs: the semantics disagree on the argument, or (with
	// --without) its label changes under some semantics.
	differs bool
}

func (cmp *comparison) rows() []row {
	var rows []row
	for _, a := range cmp.m.Arguments {
		r := row{id: a.ID}
		for i, res := range cmp.after {
			r.after = append(r.after, cell(res, a.ID))
			if cmp.before != nil {
				r.before = append(r.before, cell(cmp.before[i], a.ID))
			}
		}
		if cmp.before != nil {
			for i := range r.after {
				if r.after[i] != r.before[i] && r.after[i] != "withdrawn" {
					r.differs = true
				}
			}
		} else {
			for _, c := range r.after[1:] {
				if c != r.after[0] {
					r.differs = true
				}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func writeCompareText(w io.Writer, cmp *comparison) error {
	ew := &lineWriter{w: w}
	title := cmp.m.Title
	if title == "" {
		title = cmp.m.Root.Name
	}
	ew.printf("%s\n", termtext.Escape(title))
	opt := cmp.opt
	ew.printf("semantics compared, %s", supportReading(opt))
	if len(opt.Without) > 0 {
		ew.printf(", without %s (before → after)", strings.Join(opt.Without, ", "))
	}
	ew.printf("\n\n")
	rows := cmp.rows()
	cells := make([][]string, len(rows))
	widths := make([]int, len(cmp.methods))
	idWidth := len("argument")
	for i, m := range cmp.methods {
		widths[i] = len(m.String())
	}
	for r, row := range rows {
		idWidth = max(idWidth, len(row.id))
		for i, after := range row.after {
			text := after
			if row.before != nil && row.before[i] != after && after != "withdrawn" {
				text = row.before[i] + " → " + after
			}
			cells[r] = append(cells[r], text)
			widths[i] = max(widths[i], utf8.RuneCountInString(text))
		}
	}
	header := fmt.Sprintf("  %-*s", idWidth, "argument")
	for i, m := range cmp.methods {
		header += fmt.Sprintf("  %-*s", widths[i], m.String())
	}
	ew.printf("%s\n", strings.TrimRight(header, " "))
	differ := 0
	for r, row := range rows {
		mark := " "
		if row.differs {
			mark = "*"
			differ++
		}
		line := fmt.Sprintf("%s %-*s", mark, idWidth, row.id)
		for i, text := range cells[r] {
			line += "  " + text + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(text))
		}
		ew.printf("%s\n", strings.TrimRight(line, " "))
	}
	ew.printf("\n")
	switch {
	case len(opt.Without) > 0:
		ew.printf("* %s under some semantics when %s %s withdrawn.\n", changeCount(differ), strings.Join(opt.Without, ", "),
			map[bool]string{true: "is", false: "are"}[len(opt.Without) == 1])
	case len(cmp.methods) == 1:
	default:
		ew.printf("* the semantics disagree on %s.\n", argumentCount(differ))
	}
	return ew.err
}

func argumentCount(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return strconv.Itoa(n) + " arguments"
}

func changeCount(n int) string {
	if n == 1 {
		return "1 argument changes"
	}
	return strconv.Itoa(n) + " arguments change"
}

// compareJSON is the JSON output of argmap eval --compare, documented in
// the README.
type compareJSON struct {
	Map       string           `json:"map"`
	Support   string           `json:"support"`
	Without   []string         `json:"without"`
	Semantics []string         `json:"semantics"`
	Arguments []compareArgJSON `json:"arguments"`
}

type compareArgJSON struct {
	ID string `json:"id"`
	// Labels: the cell of each semantics (a label, a score, "withdrawn").
	Labels map[string]string `json:"labels"`
	// Before: with --without, the cells of the whole map.
	Before  map[string]string `json:"before,omitempty"`
	Differs bool              `json:"differs"`
}

func writeCompareJSON(w io.Writer, cmp *comparison) error {
	out := compareJSON{Map: cmp.m.Root.Name, Support: cmp.opt.Support.String(), Without: append([]string{}, cmp.opt.Without...)}
	for _, m := range cmp.methods {
		out.Semantics = append(out.Semantics, m.String())
	}
	for _, r := range cmp.rows() {
		a := compareArgJSON{ID: r.id, Labels: map[string]string{}, Differs: r.differs}
		for i, name := range out.Semantics {
			a.Labels[name] = r.after[i]
			if r.before != nil {
				if a.Before == nil {
					a.Before = map[string]string{}
				}
				a.Before[name] = r.before[i]
			}
		}
		out.Arguments = append(out.Arguments, a)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
