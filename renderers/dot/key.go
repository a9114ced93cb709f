package dot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
)

// The blocks drawn below the figure, such as the key of claims of a
// compact figure: each a heading in bold and numbered entries, in the
// legend's size, set in columns across the figure's width, row by row (so
// that a page break between rows keeps the order). They are the bottom
// label of a frameless cluster around the whole map, which Graphviz lays
// out as it would lay out the map alone.

// Sizes of the blocks below the figure, in points.
const (
	blockGap     = 12.0  // between the figure and the first block, and between blocks
	minColumn    = 250.0 // the narrowest column of entries
	maxColumns   = 4
	columnGap    = 14  // between columns
	numberGap    = 4   // between an entry's number and its text
	entryGap     = 2.0 // between rows of entries
	defaultBelow = 480.0
)

// numbers gives each argument its number in the key: its place in the
// map, from 1. The order of the files is the order the author wrote the
// debate in, and it does not depend on the layout.
func numbers(m *arguments.Map) map[string]int {
	n := make(map[string]int, len(m.Arguments))
	for i, a := range m.Arguments {
		if _, ok := n[a.ID]; !ok {
			n[a.ID] = i + 1
		}
	}
	return n
}

// blockEntry is a numbered entry of a block.
type blockEntry struct {
	label string // its number, "12"
	runs  []run
}

// block is a heading and its entries.
type block struct {
	heading string
	entries []blockEntry
}

// belowWidth is the width of the blocks below the figure: the figure's
// less the space Graphviz leaves either side of a cluster's label, so
// that the drawing is Options.Width wide when they are its widest part.
func (w *writer) belowWidth() float64 {
	if w.opts.Width > 0 {
		return max(w.opts.Width-2*clusterLabelPad, minColumn)
	}
	return defaultBelow
}

// labelWidth is the width the title and legend wrap to: Options.Width
// less the space Graphviz leaves either side of the graph's label.
func (w *writer) labelWidth() float64 { return w.opts.Width - 2*clusterLabelPad }

// clusterLabelPad is the space Graphviz leaves either side of a graph's or
// a cluster's label, in points (measured: Graphviz 12.1).
const clusterLabelPad = 8

// blocks are the blocks to draw below the figure, in order.
func (w *writer) blocks() []block {
	var bs []block
	if w.show.keyed() {
		bs = append(bs, w.key())
	}
	return bs
}

// key is the key of claims of a figure whose boxes leave them out: for
// each argument its number, its title in bold, its claim, and what else
// the boxes leave out (kind, party, id, sources, open questions), in the
// legend's colour.
func (w *writer) key() block {
	t, show := w.theme, w.show
	blockSize := w.small()
	ink := style{size: blockSize, color: t.ink}
	detail := style{size: blockSize, color: t.detail}
	b := block{heading: "Claims"}
	for _, a := range w.m.Arguments {
		var runs []run
		title := clean(a.Title)
		if title != "" {
			runs = append(runs, run{text: title + ".", style: style{size: blockSize, bold: true, color: t.ink}})
		}
		runs = append(runs, run{text: clean(a.Claim), style: ink})
		var more []string
		if k := clean(a.Kind); !show["kind"] && k != "" {
			more = append(more, k)
		}
		if p := clean(a.Party); !show["party"] && p != "" {
			more = append(more, p)
		}
		if !show["id"] && title != "" && show["title"] {
			more = append(more, a.ID)
		}
		if src := sourceNames(a.Sources); !show["source"] && src != "" {
			more = append(more, src)
		}
		if n := openQuestions(w.m, a); !show["questions"] && n > 0 {
			more = append(more, "?"+strconv.Itoa(n)+nbsp+"open")
		}
		if len(more) > 0 {
			runs = append(runs, run{text: "—" + nbsp + strings.Join(more, " · "), style: detail})
		}
		b.entries = append(b.entries, blockEntry{label: strconv.Itoa(w.number[a.ID]), runs: runs})
	}
	return b
}

// below is the HTML-like label of the blocks below the figure, with its
// width and height in points, or "" if there are none.
func (w *writer) below() (string, float64, float64) {
	bs := w.blocks()
	if len(bs) == 0 {
		return "", 0, 0
	}
	width := ceil(w.belowWidth())
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	height := 0.0
	for _, bl := range bs {
		table, h := w.blockTable(bl, width)
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" VALIGN="BOTTOM" WIDTH="%d" HEIGHT="%d">%s</TD></TR>`, width, ceil(h+blockGap), table)
		height += float64(ceil(h + blockGap))
	}
	b.WriteString(`</TABLE>`)
	return b.String(), float64(width), height
}

// blockTable sets a block width points wide: the heading, then the
// entries in as many columns as fit, row by row. It returns the table and
// its height.
func (w *writer) blockTable(bl block, width int) (string, float64) {
	t := w.theme
	blockSize := w.small()
	// Columns as wide for larger text as for 8-point text: about 60
	// characters.
	narrowest := minColumn * blockSize / 8
	cols := max(1, min(maxColumns, int((float64(width)+columnGap)/(narrowest+columnGap)), len(bl.entries)))
	number := style{size: blockSize, bold: true, color: t.ink}
	labelWidth := 0
	for _, e := range bl.entries {
		labelWidth = max(labelWidth, w.meas.cellWidth(e.label, number, 0))
	}
	colWidth := (width - (cols-1)*columnGap) / cols
	textWidth := colWidth - labelWidth - numberGap
	// The last column takes what the division leaves.
	lastText := textWidth + width - (cols*colWidth + (cols-1)*columnGap)

	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	headStyle := style{size: blockSize, bold: true, color: t.title}
	headHeight := ceil(1.2*blockSize + entryGap*2)
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" VALIGN="TOP" COLSPAN="%d" WIDTH="%d" HEIGHT="%d">`, 4*cols-1, width, headHeight)
	writeRuns(&b, line{{text: bl.heading, style: headStyle}})
	b.WriteString(`</TD></TR>`)
	height := float64(headHeight)
	// Every cell has content: Graphviz 12 fails on an assertion when a
	// table has an empty cell (see legend).
	space := func(width, height int) {
		fmt.Fprintf(&b, `<TD WIDTH="%d" HEIGHT="%d"><FONT POINT-SIZE="%s"> </FONT></TD>`, width, height, num(blockSize))
	}
	for start := 0; start < len(bl.entries); start += cols {
		row := bl.entries[start:min(start+cols, len(bl.entries))]
		lines := make([][]line, len(row))
		n := 0
		for i, e := range row {
			tw := textWidth
			if i == cols-1 {
				tw = lastText
			}
			lines[i], _ = w.meas.wrap(e.runs, float64(tw))
			n = max(n, len(lines[i]))
		}
		h := ceil(float64(n)*1.2*blockSize + entryGap)
		b.WriteString(`<TR>`)
		for i := range row {
			if i > 0 {
				space(columnGap, h)
			}
			tw := textWidth
			if i == cols-1 {
				tw = lastText
			}
			fmt.Fprintf(&b, `<TD ALIGN="RIGHT" VALIGN="TOP" WIDTH="%d" HEIGHT="%d">`, labelWidth, h)
			writeRuns(&b, line{{text: row[i].label, style: number}})
			b.WriteString(`</TD>`)
			space(numberGap, h)
			fmt.Fprintf(&b, `<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" WIDTH="%d" HEIGHT="%d">`, tw, h)
			writeLines(&b, lines[i])
			b.WriteString(`</TD>`)
		}
		b.WriteString(`</TR>`)
		height += float64(h)
	}
	b.WriteString(`</TABLE>`)
	return b.String(), height
}

// belowCluster opens the frameless cluster whose bottom label is the blocks
// below the figure; the caller writes the map into it and closes it.
func (w *writer) belowCluster(label string) {
	// Graphviz mirrors a cluster's labeljust when arrows point right to
	// left.
	just := "l"
	if w.opts.Direction == "RL" {
		just = "r"
	}
	w.printf("\tsubgraph cluster_below {\n")
	w.printf("\t\tgraph [id=\"argmap.below\" class=\"below\" peripheries=0 bgcolor=%q labelloc=b labeljust=%s margin=0\n\t\t\tlabel=<%s>]\n",
		"transparent", just, label)
}

// belowNode writes the blocks below the figure as a box of their own,
// below the boxes that Options.Places put on a grid.
func (w *writer) belowNode(label string, width, height float64) {
	left, bottom := 0.0, 0.0
	first := true
	for _, p := range w.opts.Places {
		if first || p.X-p.Width/2 < left {
			left = p.X - p.Width/2
		}
		if first || p.Y-p.Height/2 < bottom {
			bottom = p.Y - p.Height/2
		}
		first = false
	}
	w.printf("\t\"argmap.below\" [id=\"argmap.below\" class=\"below\" shape=plaintext margin=0 width=%s height=%s pos=\"%s,%s!\"\n\t\tlabel=<%s>]\n",
		inches(width), inches(height), num(left+width/2), num(bottom-gridGap-height/2), label)
}
