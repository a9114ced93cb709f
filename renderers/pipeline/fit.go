package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/dot"
	"github.com/argmap/argmap/renderers/drawing"
	"github.com/argmap/argmap/renderers/page"
)

// Fitted is how Render fitted a drawing to its page (Options.Page), or
// laid out a figure with a key of claims.
type Fitted struct {
	// Drawing are the options the figure was drawn with: Options.Drawing,
	// or what the search changed of them (Show, Direction, the measures,
	// the spacing; Width is always set).
	Drawing dot.Options
	// Compact is set when the boxes were switched to dot.CompactShow, the
	// claims in a key below, because the full claims did not fit.
	Compact bool
	// Scale is the figure's scale on the page; Smallest the size of its
	// smallest text there, in points.
	Scale, Smallest float64
	// Pages is the number of pages of PDF output; for SVG and PNG, which
	// have no pages, the number of pages their height would fill.
	// FigurePages is the number of pages the figure alone would fill,
	// without the blocks below it (the key).
	Pages, FigurePages int
	// Layouts is the number of layouts the search made.
	Layouts int
	// Full is the size on the page of the smallest text of the best
	// layout tried with the boxes as asked, when Compact is set.
	Full float64
}

// TooSmallError is the error of a figure that cannot be fitted to its page
// with every text at least the page's smallest size.
type TooSmallError struct {
	Spec page.Spec
	// Reached is the size of the smallest text of the best layout tried,
	// on the page, in points; Best the options of that layout.
	Reached float64
	Best    dot.Options
	// Compact is whether compact boxes (titles, claims in a key) were
	// among the layouts tried.
	Compact bool
}

func (e *TooSmallError) Error() string {
	return fmt.Sprintf("the figure does not fit %s with text of at least %s pt: its smallest text would be %s pt",
		e.Spec.Describe(), num(e.Spec.MinText), num(e.Reached))
}

func num(f float64) string { return fmt.Sprintf("%.1f", math.Floor(f*10+1e-6)/10) }

// candidate is a layout to try.
type candidate struct {
	opts    dot.Options
	compact bool
	// unlikely is set on the compact boxes of the measure and spacing
	// asked for, which are skipped when compactGain times the size the
	// full claims reached is well short (under 90%) of the smallest size.
	unlikely bool
}

// compactGain is about how much larger compact boxes make the smallest
// text, over the full claims at the same measure and spacing: boxes 0.6
// times as wide, and their smallest text 10 points instead of 8 (measured
// on the examples: 1.9 to 2.1).
const compactGain = 2.0

// Spacing of the tighter layouts, in points: boxes of a rank apart, and
// ranks apart.
const (
	tightNode, tightRank     = 8.0, 20.0
	tighterNode, tighterRank = 6.0, 14.0
)

// otherDirection is the direction tried when the map does not fit in the
// one asked for: across for along, conclusions first for conclusions
// first.
var otherDirection = map[string]string{"RL": "BT", "LR": "TB", "TB": "LR", "BT": "RL"}

// hopeless is how far below the smallest size a layout's text may be for
// the next layout of the same boxes to be worth trying: a narrower measure,
// tighter spacing or the other direction make a figure at most about 1.7
// times narrower.
const hopeless = 0.58

// candidates are the layouts to try, in order: the options as asked, then
// tighter spacing and a narrower measure (and undercuts beside their
// inferences), then the other direction; and,
// when the boxes show their claims and may change (keepShow false), the
// same with compact boxes, whose titles may be narrower still. The first
// that fits is drawn, so a change is made only when what comes before it
// does not fit.
func candidates(m *arguments.Map, asked dot.Options, width float64, keepShow, tangled bool) []candidate {
	asked.Width = width
	dir := asked.Direction
	if dir == "" {
		dir = dot.Directions()[0]
	}
	variants := func(base dot.Options, compact bool) []candidate {
		narrow := func(o dot.Options, measure, node, rank float64) dot.Options {
			o.NodeSep, o.RankSep = node, rank
			if keyed(o) {
				o.TitleWidth = measure
			} else {
				o.ClaimWidth = measure * 150 / 80
			}
			return o
		}
		turned := base
		turned.Direction = otherDirection[dir]
		out := []candidate{
			{opts: base, compact: compact},
			{opts: narrow(base, 80, tightNode, tightRank), compact: compact},
		}
		if keyed(base) {
			tighter := narrow(base, 60, tighterNode, tighterRank)
			out = append(out, candidate{opts: tighter, compact: compact})
			if len(m.Undercuts) > 0 && !base.UndercutsBeside {
				tighter.UndercutsBeside = true
				out = append(out, candidate{opts: tighter, compact: compact})
			}
		}
		if tangled {
			// Laid out by forces, a tangled map has no direction.
			return out
		}
		out = append(out, candidate{opts: narrow(turned, 80, tightNode, tightRank), compact: compact})
		if keyed(base) {
			out = append(out, candidate{opts: narrow(turned, 60, tighterNode, tighterRank), compact: compact})
		}
		return out
	}
	out := variants(asked, false)
	if !keyed(asked) && !keepShow {
		c := asked
		c.Show = dot.CompactShow()
		compact := variants(c, true)
		compact[0].unlikely = true
		out = append(out, compact...)
	}
	return out
}

// showOf is what the boxes show under opts.
func showOf(opts dot.Options) []string {
	if opts.Show == nil {
		var all []string
		for _, f := range dot.Fields() {
			all = append(all, f.Name)
		}
		return all
	}
	return opts.Show
}

// keyed reports whether the boxes leave the claims out, for a key below.
func keyed(opts dot.Options) bool { return !slices.Contains(showOf(opts), "claim") }

// laidOut is a candidate laid out.
type laidOut struct {
	candidate
	src     []byte           // the DOT
	outs    [][]byte         // Graphviz's output, json first
	drawing *drawing.Drawing // the json, read
	scale   float64          // on the page
	// boxes is the size of the smallest text in the boxes, small of the
	// other texts (which Options.SmallText sets), in the drawing's points.
	boxes, small float64
}

// smallest is the size of the smallest text on the page.
func (l *laidOut) smallest() float64 { return min(l.boxes, l.small) * l.scale }

// reach is what the layout reaches towards minText: the size on the page
// of the smallest text of its boxes, if that is too small (the other texts
// can be set larger), else of its smallest text.
func (l *laidOut) reach(minText float64) float64 {
	if b := l.boxes * l.scale; b < minText {
		return b
	}
	return l.smallest()
}

// lay writes a candidate's DOT (through the tangled first pass if
// needed), lays it out in json and the other formats, and measures it on
// the page (spec nil: at scale 1).
func lay(ctx context.Context, engine Engine, m *arguments.Map, c candidate, tangled bool, spec *page.Spec, formats ...string) (*laidOut, error) {
	src, err := source(ctx, engine, m, c.opts, tangled)
	if err != nil {
		return nil, err
	}
	outs, err := engine.Render(ctx, src, append([]string{"json"}, formats...)...)
	if err != nil {
		return nil, err
	}
	d, err := drawing.Parse(outs[0])
	if err != nil {
		return nil, err
	}
	l := &laidOut{candidate: c, src: src, outs: outs, drawing: d, scale: 1}
	if spec != nil {
		l.scale = spec.ScaleOf(d)
	}
	l.boxes, l.small = textSizes(d)
	return l, nil
}

// textSizes are the sizes of the smallest text in the boxes and of the
// smallest other text (+Inf for none), in the drawing's points.
func textSizes(d *drawing.Drawing) (boxes, other float64) {
	boxes, other = math.Inf(1), math.Inf(1)
	for _, sh := range d.Shapes {
		if sh.Kind != drawing.Text || strings.TrimSpace(sh.Text) == "" || sh.Fill.A == 0 {
			continue
		}
		if sh.Part == drawing.NodePart && sh.Object != page.BlocksID {
			boxes = min(boxes, sh.Size)
		} else {
			other = min(other, sh.Size)
		}
	}
	return boxes, other
}

// fitter searches the layouts of a map for one that fits a page.
type fitter struct {
	ctx     context.Context
	engine  Engine
	m       *arguments.Map
	tangled bool
	spec    *page.Spec
	formats []string
	layouts int
}

func (f *fitter) lay(c candidate) (*laidOut, error) {
	f.layouts++
	return lay(f.ctx, f.engine, f.m, c, f.tangled, f.spec, f.formats...)
}

// try lays a candidate out and, if its boxes' text is large enough on the
// page, sets the figure's width (which the legend and the key fill) to the
// page's width at the figure's scale, and the other texts (legend, key,
// labels) large enough to print at the smallest size: a few rounds, since
// a larger or narrower key makes the figure taller, which a page may have
// to scale down further. It returns the last layout that fits, if one
// does, and whether one does.
func (f *fitter) try(c candidate) (*laidOut, bool, error) {
	minText := f.spec.MinText - 1e-6
	tw, _ := f.spec.Text()
	l, err := f.lay(c)
	if err != nil {
		return nil, false, err
	}
	var fits *laidOut
	for round := 0; ; round++ {
		if l.boxes*l.scale < minText {
			break
		}
		if l.smallest() >= minText {
			fits = l
		}
		next := c
		next.opts.Width = math.Floor(tw / l.scale)
		next.opts.SmallText = 0
		if l.small*l.scale < minText || c.opts.SmallText > 0 {
			next.opts.SmallText = max(8, math.Ceil(f.spec.MinText/l.scale-1e-9))
		}
		// A width within 2% of the last is close enough: the key's rows
		// hardly change.
		same := math.Abs(next.opts.Width-c.opts.Width) <= 0.02*c.opts.Width && next.opts.SmallText == c.opts.SmallText
		if round == 3 || same && fits != nil {
			break
		}
		c = next
		if l, err = f.lay(c); err != nil {
			return nil, false, err
		}
	}
	if fits == nil {
		return l, false, nil
	}
	return fits, true, nil
}

// fit searches the candidates for the first layout that fits the page,
// with every text at least spec.MinText, and returns it laid out for the
// format.
func fit(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool, formats []string) (*laidOut, *Fitted, error) {
	spec := opts.Page
	tw, _ := spec.Text()
	f := &fitter{ctx: ctx, engine: engine, m: m, tangled: tangled, spec: spec, formats: formats}
	var best, chosen *laidOut
	full := 0.0
	compactTried := false
	reached := map[bool]float64{} // the best size yet, with and without compact boxes
	for _, c := range candidates(m, opts.Drawing, math.Floor(tw), opts.KeepShow, tangled) {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if r, ok := reached[c.compact]; ok && r < spec.MinText*hopeless {
			continue
		}
		if c.unlikely && full*compactGain < spec.MinText*0.9 {
			continue
		}
		l, ok, err := f.try(c)
		if err != nil {
			return nil, nil, err
		}
		compactTried = compactTried || c.compact
		r := l.reach(spec.MinText)
		reached[c.compact] = max(reached[c.compact], r)
		if !c.compact {
			full = max(full, r)
		}
		if best == nil || r > best.reach(spec.MinText)+1e-9 {
			best = l
		}
		if ok {
			chosen = l
			break
		}
	}
	if chosen == nil {
		return nil, nil, &TooSmallError{Spec: *spec, Reached: best.reach(spec.MinText), Best: best.opts, Compact: compactTried || keyed(opts.Drawing)}
	}
	res := &Fitted{Drawing: chosen.opts, Compact: chosen.compact, Scale: chosen.scale, Smallest: chosen.smallest(), Layouts: f.layouts}
	if chosen.compact {
		res.Full = full
	}
	_, th := spec.Text()
	_, top, _, bottom := page.Content(chosen.drawing)
	pages := func(h float64) int { return max(1, int(math.Ceil(h*chosen.scale/th-1e-6))) }
	res.Pages, res.FigurePages = pages(bottom-top), pages(bottom-top)
	if below, ok := page.Below(chosen.drawing); ok {
		res.FigurePages = pages(below - top)
	}
	if opts.Format == "pdf" {
		res.Pages = spec.Place(chosen.drawing).Pages()
	}
	return chosen, res, nil
}

// keyedLayout lays out a figure with a key of claims but no page: the key
// and the other blocks below the figure, and the legend, set to the
// figure's width, which a first layout measures (but for a tangled map,
// whose blocks are as wide as its grid).
func keyedLayout(ctx context.Context, engine Engine, m *arguments.Map, opts Options, tangled bool, formats []string) (*laidOut, *Fitted, error) {
	c := candidate{opts: opts.Drawing}
	layouts := 1
	if !tangled && c.opts.Width == 0 {
		width, err := figureWidth(ctx, engine, m, c.opts)
		if err != nil {
			return nil, nil, err
		}
		c.opts.Width = width
		layouts++
	}
	l, err := lay(ctx, engine, m, c, tangled, nil, formats...)
	if err != nil {
		return nil, nil, err
	}
	return l, &Fitted{Drawing: c.opts, Scale: 1, Smallest: l.smallest(), Pages: 1, Layouts: layouts}, nil
}

// source is the DOT of the map drawn with d: for a tangled map, after a
// first pass that places the arguments (by forces, then on a grid in that
// order).
func source(ctx context.Context, engine Engine, m *arguments.Map, d dot.Options, tangled bool) ([]byte, error) {
	var src bytes.Buffer
	if err := dot.Write(&src, m, d); err != nil {
		return nil, err
	}
	if !tangled {
		return src.Bytes(), nil
	}
	outs, err := engine.Render(ctx, src.Bytes(), "json")
	if err != nil {
		return nil, fmt.Errorf("placing the arguments: %w", err)
	}
	boxes, err := drawing.Boxes(outs[0])
	if err != nil {
		return nil, err
	}
	places := make(map[string]dot.Place, len(boxes))
	for id, b := range boxes {
		places[id] = dot.Place(b)
	}
	d.Places = dot.Grid(places)
	src.Reset()
	if err := dot.Write(&src, m, d); err != nil {
		return nil, err
	}
	return src.Bytes(), nil
}
