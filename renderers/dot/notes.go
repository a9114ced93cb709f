package dot

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/renderers/fonts"
)

// This file draws what lives only in tooltips otherwise, so that it
// survives print: the notes of arguments and relations (numbered
// footnotes, or labels in the figure) and the list of the sources cited.
//
// Blocks below the figure — KEY (the claims of a compact figure, see
// key.go), NOTES, SOURCES — are made by one builder, blocksLabel, so that
// they look alike: a heading in bold, then numbered entries, in the
// legend's size (Options.SmallText, when the figure is to be scaled down)
// and colours, set in as many columns as the figure's width holds. They
// are the bottom label of a frameless cluster around the figure
// (FigureCluster), or in BT the graph's label; in the nop layout a box
// under the grid.

// NoteModes are the values of Options.Notes, the default first.
func NoteModes() []string { return []string{"footnotes", "labels", "none"} }

// SourceModes are the values of Options.Sources, the default first.
func SourceModes() []string { return []string{"list", "none"} }

// Sizes of the blocks and of notes drawn as labels, in points, for text
// of 8 points (the blocks' measures grow with their text).
const (
	// minBlocksWidth is the narrowest the blocks are set in, and
	// columnWidth the measure a column aims at: about 70 characters.
	minBlocksWidth = 300.0
	columnWidth    = 300.0
	columnGap      = 18.0
	// markGap is the space between an entry's mark and its text,
	// entryGap the space below an entry, blockGap the space above a
	// block's heading.
	markGap  = 5.0
	entryGap = 3.0
	blockGap = 8.0
	// noteWidth is the measure of a relation's note drawn as its label.
	noteWidth = 130.0
)

// noteSet numbers the notes drawn as footnotes: each distinct note once,
// the arguments' notes first, in the map's order, then the relations', in
// the order their arrows are drawn.
type noteSet struct {
	texts  []string       // the text of note i+1
	number map[string]int // by text
	args   map[string]int // an argument's note, by its id
	arrows map[string]int // an arrow's note, by its SVG id
}

func (n *noteSet) add(marks map[string]int, key, text string) {
	if text == "" {
		return
	}
	num, ok := n.number[text]
	if !ok {
		n.texts = append(n.texts, text)
		num = len(n.texts)
		n.number[text] = num
	}
	marks[key] = num
}

// collectNotes numbers the notes of the map: those of its arguments, then
// those of the arrows in rels, of their undercuts and of the critical
// questions raised and answered.
func collectNotes(m *arguments.Map, rels []*relation) *noteSet {
	n := &noteSet{number: map[string]int{}, args: map[string]int{}, arrows: map[string]int{}}
	for _, a := range m.Arguments {
		n.add(n.args, a.ID, clean(a.Note))
	}
	undercuts := undercutsOf(m)
	for _, r := range rels {
		n.add(n.arrows, r.id(), strings.Join(r.notes, " "))
		for _, ua := range undercutArrowsOf(undercutsOn(r, undercuts, rels)) {
			n.add(n.arrows, undercutID(ua.first), strings.Join(ua.notes, " "))
		}
	}
	for _, e := range questionEdgesOf(m) {
		n.add(n.arrows, e.id, strings.Join(e.notes, " "))
	}
	return n
}

// source is one source cited by the map: a name, a date and an address,
// and every quote of it.
type source struct {
	name, date, url string
	quotes          []*quotation
	cited           []string // the ids of the arguments that cite it
}

// quotation is a quote of a source, and who quotes it.
type quotation struct {
	text string
	ids  []string
}

// sourceList numbers the sources the map's arguments cite, each once, in
// the order they are first cited. Citations with the same name are of one
// source, whatever they quote, unless they give different dates or
// addresses: one that gives none is of the first source of its name
// whose date and address it does not contradict, and completes it.
type sourceList struct {
	sources []*source
	cites   map[string][]int // by argument id: the numbers of its sources, in its order
}

func collectSources(m *arguments.Map) *sourceList {
	l := &sourceList{cites: map[string][]int{}}
	byName := map[string][]int{} // indexes in l.sources
	agree := func(a, b string) bool { return a == "" || b == "" || a == b }
	for _, a := range m.Arguments {
		for _, c := range a.Sources {
			name, date, url := clean(c.Name), clean(c.Date), clean(c.URL)
			if name == "" {
				continue
			}
			i := -1
			for _, j := range byName[name] {
				if s := l.sources[j]; agree(s.date, date) && agree(s.url, url) {
					i = j
					break
				}
			}
			if i < 0 {
				i = len(l.sources)
				byName[name] = append(byName[name], i)
				l.sources = append(l.sources, &source{name: name})
			}
			s := l.sources[i]
			s.date, s.url = cmp.Or(s.date, date), cmp.Or(s.url, url)
			if !slices.Contains(s.cited, a.ID) {
				s.cited = append(s.cited, a.ID)
			}
			if !slices.Contains(l.cites[a.ID], i+1) {
				l.cites[a.ID] = append(l.cites[a.ID], i+1)
			}
			if q := clean(c.Quote); q != "" {
				j := slices.IndexFunc(s.quotes, func(o *quotation) bool { return o.text == q })
				if j < 0 {
					j = len(s.quotes)
					s.quotes = append(s.quotes, &quotation{text: q})
				}
				if !slices.Contains(s.quotes[j].ids, a.ID) {
					s.quotes[j].ids = append(s.quotes[j].ids, a.ID)
				}
			}
		}
	}
	return l
}

// citation is what an argument's footer says of its sources with the list
// drawn: their numbers, "[1, 3]".
func (l *sourceList) citation(id string) string {
	nums := l.cites[id]
	if len(nums) == 0 {
		return ""
	}
	parts := make([]string, len(nums))
	for i, n := range nums {
		parts[i] = strconv.Itoa(n)
	}
	// No-break spaces: a citation is not broken across lines.
	return "[" + strings.Join(parts, ","+nbsp) + "]"
}

// block is a numbered list drawn below the figure: a heading, then its
// entries.
type block struct {
	heading string
	entries []blockEntry
}

// blockEntry is one entry of a block: its mark ("3", "[3]") and its
// paragraphs, each set on lines of its own.
type blockEntry struct {
	mark  string
	paras []para
	// id names the entry's links in the SVG: a link's lines are the
	// anchors "a_ID.1", "a_ID.2", ... (Graphviz numbers anchors without
	// an id from a counter it never resets, so that a server's drawings
	// would depend on its history).
	id string
}

// para is a paragraph of an entry: runs of text, and, for a link, the
// address each of its lines leads to.
type para struct {
	runs []run
	href string
}

// blocks are the blocks the drawing has below the figure, in order: KEY,
// for boxes that leave their claims out, NOTES, for footnotes, and
// SOURCES.
func (w *writer) blocks() []block {
	t := w.theme
	text := style{size: w.small(), color: t.detail}
	var bs []block
	if w.show.keyed() {
		bs = append(bs, w.key())
	}
	if w.notes != nil && len(w.notes.texts) > 0 {
		b := block{heading: "NOTES"}
		for i, s := range w.notes.texts {
			b.entries = append(b.entries, blockEntry{mark: strconv.Itoa(i + 1), paras: []para{{runs: []run{{text: s, style: text}}}}})
		}
		bs = append(bs, b)
	}
	if w.sources != nil && len(w.sources.sources) > 0 {
		b := block{heading: "SOURCES"}
		for i, s := range w.sources.sources {
			head := s.name
			if s.date != "" {
				head += ", " + s.date
			}
			e := blockEntry{mark: "[" + strconv.Itoa(i+1) + "]", paras: []para{{runs: []run{{text: head, style: text}}}},
				id: "argmap.source." + strconv.Itoa(i+1)}
			if s.url != "" {
				// An address that is not a link is not drawn as one.
				p := para{runs: []run{{text: s.url, style: text}}}
				if linkable(s.url) {
					p.runs[0].color, p.href = t.link, s.url
				}
				e.paras = append(e.paras, p)
			}
			for _, q := range s.quotes {
				runs := []run{{text: "“" + q.text + "”", style: text}}
				// Who quotes it, when the source is cited by more than one.
				if len(s.cited) > 1 {
					runs[0].text += " "
					runs[0].text += "(" + strings.Join(q.ids, ", ") + ")"
				}
				e.paras = append(e.paras, para{runs: runs})
			}
			b.entries = append(b.entries, e)
		}
		bs = append(bs, b)
	}
	return bs
}

// linkable reports whether a source's address is drawn as a link: a web
// address. Others (javascript:, data:, file names) are drawn as text only,
// so that a map cannot make its drawing run a script when clicked.
func linkable(u string) bool {
	l := strings.ToLower(u)
	return (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && len(u) > len("https://") &&
		!strings.ContainsAny(u, " \t\n\"<>\\`")
}

// setEntry is an entry set in a column: its lines, and its height.
type setEntry struct {
	mark   string
	id     string
	lines  []line
	hrefs  []string // of each line, or ""
	height int
}

// rowHeight is the height of a line of the blocks' text, and of a note
// drawn as an arrow's label.
func (w *writer) rowHeight() int { return ceil(1.2 * w.small()) }

// blockScale is how much wider the blocks' measures are than for 8-point
// text.
func (w *writer) blockScale() float64 { return w.small() / detailSize }

// minBlocks is the narrowest the blocks are set in, in points.
func (w *writer) minBlocks() float64 { return minBlocksWidth * w.blockScale() }

// blocksLabel sets blocks in width points, as an HTML-like label: a table
// of blocks, each a heading and its entries in columns. It returns the
// label and its height, in points.
func (w *writer) blocksLabel(bs []block, width float64) (string, int) {
	width = maxf(width, w.minBlocks())
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	height := 0
	for _, bl := range bs {
		b.WriteString(`<TR><TD ALIGN="LEFT" VALIGN="TOP">`)
		height += w.block(&b, bl, width)
		b.WriteString(`</TD></TR>`)
	}
	b.WriteString(`</TABLE>`)
	return b.String(), height
}

// block writes one block, set in width points, and returns its height.
func (w *writer) block(b *strings.Builder, bl block, width float64) int {
	t := w.theme
	// Marks are regular, like the text: Graphviz sets the baseline of a
	// line with bold text lower than that of a line without, and the mark
	// and the first line of its entry are side by side.
	size := w.small()
	rowHeight := w.rowHeight()
	markStyle := style{size: size, color: t.detail}
	headStyle := style{size: size, bold: true, color: t.detail}
	markWidth := 0
	for _, e := range bl.entries {
		markWidth = max(markWidth, w.meas.cellWidth(e.mark, markStyle, 0))
	}
	markWidth += markGap
	// As many columns as hold a measure of columnWidth.
	n := max(1, int((width+columnGap)/(columnWidth*w.blockScale()+columnGap)))
	colWidth := int((width - float64(n-1)*columnGap) / float64(n))
	textWidth := colWidth - markWidth
	set := make([]setEntry, len(bl.entries))
	for i, e := range bl.entries {
		s := setEntry{mark: e.mark, id: e.id}
		for _, p := range e.paras {
			lines, _ := w.meas.wrap(p.runs, float64(textWidth))
			for _, l := range lines {
				s.lines = append(s.lines, l)
				s.hrefs = append(s.hrefs, p.href)
			}
		}
		s.height = len(s.lines)*rowHeight + ceil(entryGap)
		set[i] = s
	}

	// One table for the block, a row for each line across the columns, so
	// that a column is as wide in every row (Graphviz stretches a table
	// smaller than its cell, spreading the difference over its columns):
	// every row has n columns (empty ones too), made up by cells of a tiny
	// space.
	filler := func(width, height int) {
		fmt.Fprintf(b, `<TD WIDTH="%d" HEIGHT="%d"><FONT POINT-SIZE="1">%s</FONT></TD>`, width, height, nbsp)
	}
	headHeight := ceil(blockGap) + rowHeight + 2
	fmt.Fprintf(b, `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD ALIGN="LEFT" VALIGN="BOTTOM" COLSPAN="%d" HEIGHT="%d">`, 3*n-1, headHeight)
	writeRuns(b, line{{text: bl.heading, style: headStyle}})
	b.WriteString(`</TD></TR>`)
	height := headHeight
	// The entries go row by row, in order across the columns: a page
	// break between two lines (see package page) keeps the order.
	for start := 0; start < len(set); start += n {
		row := set[start:min(start+n, len(set))]
		lines := 0
		for _, e := range row {
			lines = max(lines, len(e.lines))
		}
		links := make([]int, len(row))
		for k := range lines {
			b.WriteString(`<TR>`)
			for i := range n {
				if i > 0 {
					filler(ceil(columnGap), rowHeight)
				}
				if i >= len(row) || k >= len(row[i].lines) {
					filler(markWidth, rowHeight)
					filler(textWidth, rowHeight)
					continue
				}
				e := row[i]
				mark := nbsp
				if k == 0 {
					mark = e.mark
				}
				fmt.Fprintf(b, `<TD ALIGN="LEFT" VALIGN="TOP" WIDTH="%d" HEIGHT="%d">`, markWidth, rowHeight)
				writeRuns(b, line{{text: mark, style: markStyle}})
				fmt.Fprintf(b, `</TD><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="%d" HEIGHT="%d"`, textWidth, rowHeight)
				if href := e.hrefs[k]; href != "" {
					links[i]++
					fmt.Fprintf(b, ` HREF="%s" TITLE="%s" TARGET="_blank" ID="%s.%d"`, html(href), html(href), html(e.id), links[i])
				}
				b.WriteString(`>`)
				writeRuns(b, e.lines[k])
				b.WriteString(`</TD>`)
			}
			b.WriteString(`</TR>`)
		}
		// The space below the row.
		fmt.Fprintf(b, `<TR><TD COLSPAN="%d" HEIGHT="%d"><FONT POINT-SIZE="1">%s</FONT></TD></TR>`, 3*n-1, ceil(entryGap), nbsp)
		height += lines*rowHeight + ceil(entryGap)
	}
	b.WriteString(`</TABLE>`)
	return height
}

// noteMark is the footnote mark of an argument or an arrow: its note's
// number, or "".
func noteMark(marks map[string]int, key string) string {
	if n, ok := marks[key]; ok {
		return strconv.Itoa(n)
	}
	return ""
}

// arrowNote is the attribute that draws an arrow's note: its footnote
// mark as an external label (which does not move the layout), or, with
// Options.Notes "labels", its note as the arrow's label. color is the
// arrow's. It is "" for an arrow without a note.
func (w *writer) arrowNote(id, text, color string) string {
	if w.layout == layoutSFDP {
		return "" // the first pass of a tangled map only places the boxes
	}
	switch w.opts.Notes {
	case "footnotes":
		mark := noteMark(w.notes.arrows, id)
		if mark == "" {
			return ""
		}
		var b strings.Builder
		writeRuns(&b, line{{text: mark, style: style{size: w.small(), bold: true, color: color}}})
		return labelFont + " xlabel=<" + b.String() + ">"
	case "labels":
		if text == "" {
			return ""
		}
		lines, width := w.meas.wrap([]run{{text: text, style: style{size: w.small(), color: w.theme.detail}}}, noteWidth*w.blockScale())
		var b strings.Builder
		b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">`)
		for _, l := range lines {
			fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" WIDTH="%d" HEIGHT="%d">`, ceil(width), w.rowHeight())
			writeRuns(&b, l)
			b.WriteString(`</TD></TR>`)
		}
		b.WriteString(`</TABLE>`)
		// The dot layout makes room for a label; the others do not, and
		// an external label at least avoids the boxes.
		attr := "label"
		if w.layout != layoutDot {
			attr = "xlabel"
		}
		return labelFont + " " + attr + "=<" + b.String() + ">"
	}
	return ""
}

// labelFont is the typeface of an arrow's label: Graphviz measures the
// label in it, and SVG viewers set it in it.
var labelFont = " fontname=" + quote(fonts.Name)

// FigureCluster is the name of the cluster around the figure of the dot
// layout, whose label is the blocks below the figure: its width is the
// figure's, for Options.Width.
const FigureCluster = "cluster_figure"

// figureMargin is the margin of the figure's cluster, in points: none, so
// that the cluster adds no width to the figure a page scales down (Graphviz
// leaves clusterLabelPad either side of its label all the same).
const figureMargin = 0.0

// HasBlocks reports whether Write, with opts, draws blocks below the
// figure of m (KEY, NOTES, SOURCES): their width is then Options.Width,
// which a first layout measures. It is false when opts are invalid.
func HasBlocks(m *arguments.Map, opts Options) bool {
	t := newTheme(opts.Theme)
	show, err := newShows(opts.Show)
	if t == nil || err != nil {
		return false
	}
	w := &writer{m: m, opts: opts, theme: t, show: show, number: numbers(m)}
	if opts.Notes == "" || opts.Notes == "footnotes" {
		w.notes = collectNotes(m, w.relations())
	}
	if opts.Sources == "" || opts.Sources == "list" {
		w.sources = collectSources(m)
	}
	return len(w.blocks()) > 0
}

// figureWidth is the width to set the blocks below the figure in:
// Options.Width without the figure cluster's margins, or an estimate.
func (w *writer) figureWidth() float64 {
	if fw := w.opts.Width; fw > 0 {
		return fw - 2*(figureMargin+clusterLabelPad)
	}
	return w.estimateWidth()
}

// estimateWidth estimates the width of the figure the dot layout draws,
// from its ranks (see dotRanks): arrows across give a rank per column,
// each as wide as a box; arrows up or down give the widest rank's boxes
// side by side. Graphviz's ranking is tighter, so this errs wide.
func (w *writer) estimateWidth() float64 {
	ranks, _ := dotRanks(w.ids(), w.rels)
	box := w.boxWidth() + 2*padX
	count := map[int]int{}
	last, widest := 0, 0
	for _, r := range ranks {
		count[r]++
		last = max(last, r)
		widest = max(widest, count[r])
	}
	if w.opts.Direction == "TB" || w.opts.Direction == "BT" {
		return float64(widest)*box + float64(widest-1)*18
	}
	return float64(last+1)*box + float64(last)*36
}

// blocksNode writes the blocks of the nop layout: a box without a border,
// under the grid's boxes, as wide as the grid.
func (w *writer) blocksNode(bs []block) {
	left, right, bottom := math.Inf(1), math.Inf(-1), math.Inf(1)
	for _, p := range w.opts.Places {
		left = min(left, p.X-p.Width/2)
		right = max(right, p.X+p.Width/2)
		bottom = min(bottom, p.Y-p.Height/2)
	}
	if math.IsInf(left, 0) {
		left, right, bottom = 0, 0, 0
	}
	width := right - left
	if w.opts.Width > 0 {
		width = w.opts.Width
	}
	label, height := w.blocksLabel(bs, width)
	width = maxf(width, w.minBlocks())
	w.printf("\t\"argmap.blocks\" [id=\"argmap.blocks\" class=\"blocks\" shape=plain style=solid pos=\"%s,%s!\"\n\t\tlabel=<%s>]\n",
		num(left+width/2), num(bottom-gridGap-float64(height)/2), label)
}
