package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/page"
	"github.com/argmap/argmap/renderers/pipeline"
)

// fittedNotes says on standard error what render changed of what was
// asked to fit the figure to its page, and when SVG or PNG output, which
// has no pages, is taller than one. It says nothing when nothing changed.
func fittedNotes(c *cli.Context, file, format string, spec *page.Spec, asked dot.Options, res pipeline.Result) {
	f := res.Fitted
	if f == nil {
		return
	}
	var changes []string
	if f.Compact {
		changes = append(changes, fmt.Sprintf("the full claims would be %s pt, so the boxes show their titles and the claims are in a numbered key below (as --compact)", pt(f.Full)))
	}
	dir := func(d string) string {
		if d == "" {
			return dot.Directions()[0]
		}
		return d
	}
	if got := dir(f.Drawing.Direction); got != dir(asked.Direction) && !res.Tangled {
		changes = append(changes, fmt.Sprintf("--direction %s (%s)", got, directionWords[got]))
	}
	narrower := f.Drawing.ClaimWidth != asked.ClaimWidth || f.Drawing.TitleWidth != asked.TitleWidth
	tighter := f.Drawing.NodeSep != asked.NodeSep || f.Drawing.RankSep != asked.RankSep
	switch {
	case narrower && tighter:
		changes = append(changes, "a narrower measure and tighter spacing")
	case narrower:
		changes = append(changes, "a narrower measure")
	case tighter:
		changes = append(changes, "tighter spacing")
	}
	if f.Drawing.UndercutsBeside && !asked.UndercutsBeside {
		changes = append(changes, "undercuts drawn from beside the inference they aim at")
	}
	if len(changes) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s on %s with text of at least %s pt: %s; its smallest text is %s pt (scale %.2f)\n",
			file, spec.Describe(), pt(spec.MinText), strings.Join(changes, "; "), pt(f.Smallest), math.Floor(f.Scale*100+0.1)/100)
	}
	if format != "pdf" && format != "dot" && f.Pages > 1 {
		what := "-f pdf cuts it into pages"
		if spec.Fit == page.FitWidth && f.FigurePages > 1 {
			what += ", --fit page puts the figure on one"
		}
		fmt.Fprintf(c.App.ErrWriter, "argmap: note: %s is %d pages of %s tall, drawn as one long image: %s has no pages; %s\n",
			file, f.Pages, spec.Describe(), strings.ToUpper(format), what)
	}
}

var directionWords = map[string]string{
	"RL": "conclusions on the left",
	"LR": "conclusions on the right",
	"TB": "conclusions at the bottom",
	"BT": "conclusions on top",
}

// pt writes a size in points with one decimal, rounded down (but for a
// thousandth of a point): a size shown as at least 7 is at least 7.
func pt(v float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", math.Floor(v*10+0.01)/10), ".0")
}

// tooSmall is the error of a figure that does not fit its page with its
// text at least --min-text: a drawing that failed (exit status 1), with
// what to try.
func tooSmall(file string, e *pipeline.TooSmallError, keepShow bool) error {
	var try []string
	if keepShow && !e.Compact {
		try = append(try, "--compact (titles in the boxes, the claims in a key below)")
	}
	if w, h := e.Spec.Page(); w < h {
		try = append(try, "--orientation landscape")
	}
	if e.Spec.Fit == page.FitPage {
		try = append(try, "--fit width (the figure runs on to more pages)")
	}
	try = append(try, "a larger --page", "a smaller --min-text", "drawing one file of the map at a time (argmap render FILE, for a file it includes)")
	return &exitError{exitProblems, fmt.Errorf("%s: the figure does not fit %s with text of at least %s pt: its smallest text would be %s pt. Try %s",
		file, e.Spec.Describe(), pt(e.Spec.MinText), pt(e.Reached), strings.Join(try, ", or "))}
}
