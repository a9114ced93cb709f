package dot

import (
	"fmt"
	"github.com/argmap/argmap/renderers/fonts"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics"
)

// Field is something an argument's box can show (see Options.Show).
type Field struct {
	Name string
	Help string
}

// Fields are what an argument's box can show, in the order a box shows
// them; Options.Show chooses among them by name.
func Fields() []Field {
	return []Field{
		{"status", "the badge of the argument's label under --semantics (ACCEPTED, REJECTED, UNDECIDED) or WITHDRAWN; the border shows the label always"},
		{"kind", "the kind, in capitals, in the kind's colour (the box is in the kind's colours always)"},
		{"party", "who puts the argument forward"},
		{"title", "the argument's title, in bold"},
		{"claim", "the claim"},
		{"id", "the argument's id"},
		{"source", "the names of its sources"},
		{"questions", "the number of its scheme's critical questions left open (?2 open)"},
	}
}

// CompactShow is the Show of a compact figure: each box its number and
// title (or id), the claims in the key below.
func CompactShow() []string { return []string{"title"} }

// shows is a set of fields to show.
type shows map[string]bool

// newShows returns the set of fields of show, nil meaning all, and an
// error for a name that is not a field's.
func newShows(show []string) (shows, error) {
	s := shows{}
	if show == nil {
		for _, f := range Fields() {
			s[f.Name] = true
		}
		return s, nil
	}
	for _, name := range show {
		if !slices.ContainsFunc(Fields(), func(f Field) bool { return f.Name == name }) {
			return nil, fmt.Errorf("dot: unknown field %q to show: use some of %s", name, strings.Join(fieldNames(), ", "))
		}
		s[name] = true
	}
	return s, nil
}

func fieldNames() []string {
	var names []string
	for _, f := range Fields() {
		names = append(names, f.Name)
	}
	return names
}

// keyed reports whether the boxes leave the claims out, for the key below
// the figure: then each box shows its number and its title or id.
func (s shows) keyed() bool { return !s["claim"] }

// Default measures and spacing, in points.
const (
	// titleWidth is the measure of a title in a box without its claim:
	// about 15 characters of bold text, two or three words a line.
	titleWidth = 110.0
	nodeSep    = 18.0 // between the boxes of a rank: Graphviz's nodesep, 0.25 inches
	rankSep    = 36.0 // between ranks: ranksep, 0.5 inches
)

func (w *writer) claimWidth() float64 {
	if w.opts.ClaimWidth > 0 {
		return w.opts.ClaimWidth
	}
	return claimWidth
}

func (w *writer) titleWidth() float64 {
	if w.opts.TitleWidth > 0 {
		return w.opts.TitleWidth
	}
	return titleWidth
}

// boxWidth is the measure of the header and footer of a box: the claim's,
// or in a box without its claim, the title's.
func (w *writer) boxWidth() float64 {
	if w.show.keyed() {
		return w.titleWidth()
	}
	return w.claimWidth()
}

// spacing is the graph's nodesep and ranksep, in inches for DOT.
func (w *writer) spacing() (nodesep, ranksep string) {
	ns, rs := nodeSep, rankSep
	if w.opts.NodeSep > 0 {
		ns = w.opts.NodeSep
	}
	if w.opts.RankSep > 0 {
		rs = w.opts.RankSep
	}
	return inches(ns), inches(rs)
}

// argumentLabel is the HTML-like label of an argument, and the width of its
// widest line: the fields of Options.Show, in the order of Fields. Lines are
// left-aligned: Graphviz places a left-aligned line at the box's left edge
// whatever it estimates its width to be, so the text lands where the
// renderers expect it.
func (w *writer) argumentLabel(a *arguments.Argument, ks kindStyle, status semantics.Label, withdrawn bool) (string, float64) {
	t, show := w.theme, w.show
	kind := a.Kind
	if kind == "" {
		kind = "argument"
	}
	ink, details := t.ink, t.detail
	if withdrawn {
		ink, details, ks.accent = t.withdrawn.text, t.withdrawn.color, t.withdrawn.color
	}
	measure := w.boxWidth()
	detail := style{size: detailSize, color: details}
	sep := func(runs []run) string {
		if len(runs) > 0 {
			return "·" + nbsp
		}
		return ""
	}
	var header []run
	if show["status"] && withdrawn {
		header = append(header, run{text: strings.ToUpper(t.withdrawn.name), style: style{size: detailSize, bold: true, color: t.withdrawn.color}})
	}
	if show["status"] && status != 0 {
		st := t.statuses[status]
		header = append(header, run{text: strings.ToUpper(st.name), style: style{size: detailSize, bold: true, color: st.color}})
	}
	if show["kind"] {
		header = append(header, run{text: strings.ToUpper(clean(kind)), style: style{size: detailSize, bold: true, color: ks.accent}})
	}
	// The party, unless the frame around the box names it: after its
	// mark, or after a dot when the parties are not marked.
	var party []run
	partySep := run{text: "·", style: detail}
	if show["party"] && !w.partyFrames {
		party = w.partyRuns(w.parties.of(a), detail)
	}
	for i := range party {
		if withdrawn && party[i].mark {
			party[i].color = details
		}
	}
	if w.marked || len(header) == 0 {
		partySep = run{}
	}
	headerLines, hw := w.meas.header(header, party, partySep, measure)

	// The name: in a box without its claim, the argument's number and its
	// title, or its id; otherwise the title, if it has one.
	var name []run
	title := clean(a.Title)
	if show.keyed() {
		name = append(name, run{text: strconv.Itoa(w.number[a.ID]), style: style{size: claimSize, bold: true, color: ks.accent}})
		if !show["title"] || title == "" {
			title = a.ID
		}
	} else if !show["title"] {
		title = ""
	}
	if title != "" {
		name = append(name, run{text: title, style: style{size: claimSize, bold: true, color: ink}})
	}
	nameLines, nw := w.meas.wrapName(name, measure)
	var claimLines, noteLines []line
	claimAlign := "LEFT"
	cw, ntw := 0.0, 0.0
	if show["claim"] {
		claimLines, cw = w.meas.wrap(w.claimRuns(a, style{size: claimSize, color: ink}, style{size: detailSize, bold: true, color: details}), measure)
		// A claim in Arabic or Hebrew is set right to left and aligned
		// right: each line, which the renderers and viewers set on its
		// own, starts with a right-to-left mark, so that a line that
		// begins with a number or a Latin word still runs right to left,
		// and the renderers know to set it from the cell's right edge (see
		// fonts.Anchor).
		if fonts.RTL(clean(a.Claim)) {
			claimAlign = "RIGHT"
			for _, l := range claimLines {
				l[0].text = rlm + l[0].text
			}
		}
		// With --notes labels, the argument's note is under its claim.
		if note := w.labelNote(a); note != "" {
			noteLines, ntw = w.meas.wrap([]run{{text: note, style: detail}}, measure)
		}
	}

	var footer []run
	if show["id"] && !(show.keyed() && title == a.ID) {
		footer = append(footer, run{text: a.ID, style: style{size: detailSize, bold: true, color: details}})
	}
	if src := w.citation(a); show["source"] && src != "" {
		footer = append(footer, run{text: ltr(sep(footer) + src), style: detail})
	}
	if n := openQuestions(w.m, a); show["questions"] && n > 0 {
		footer = append(footer, run{text: sep(footer) + "?" + strconv.Itoa(n) + nbsp + "open", style: style{size: detailSize, bold: true, color: ink}})
	}
	footerLines, fw := w.meas.wrap(footer, measure)
	width := maxf(maxf(maxf(hw, nw), maxf(cw, fw)), ntw)

	// One row per line, as tall as Graphviz makes a line of its largest
	// font: Graphviz spaces the lines of a cell that mixes fonts (a bold id
	// and regular sources) by their size alone, too tightly. Sections are
	// apart by a gap; the title sits on its claim.
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	sections := [][]line{headerLines, nameLines, claimLines, noteLines, footerLines}
	last := len(sections) - 1
	for last > 0 && len(sections[last]) == 0 {
		last--
	}
	for i, lines := range sections[:last+1] {
		after := gap
		switch {
		case len(lines) == 0:
			continue
		case i == last:
			after = 0
		case i == 1 && len(claimLines) > 0:
			after = gap / 2
		}
		align := "LEFT"
		if i == 2 {
			align = claimAlign
		}
		for j, l := range lines {
			h := lineHeight([]line{l})
			if j == len(lines)-1 {
				h += after
			}
			fmt.Fprintf(&b, `<TR><TD ALIGN="%s" VALIGN="TOP" WIDTH="%d" HEIGHT="%d">`, align, ceil(width), ceil(h))
			writeRuns(&b, l)
			b.WriteString(`</TD></TR>`)
		}
	}
	b.WriteString(`</TABLE>`)
	return b.String(), width
}

// claimRuns are the runs of an argument's claim in text, followed by its
// footnote's mark in mark, as in running text.
func (w *writer) claimRuns(a *arguments.Argument, text, mark style) []run {
	claim := []run{{text: clean(a.Claim), style: text}}
	if w.notes != nil {
		if n := noteMark(w.notes.args, a.ID); n != "" {
			claim[0].text += " "
			claim = append(claim, run{text: n, style: mark})
		}
	}
	return claim
}

// labelNote is the argument's note drawn with its claim, with
// Options.Notes "labels", or "".
func (w *writer) labelNote(a *arguments.Argument) string {
	if w.opts.Notes != "labels" {
		return ""
	}
	return clean(a.Note)
}

// citation is what an argument's footer says of its sources: their
// numbers in the list SOURCES, "[1, 3]", or without the list their names.
func (w *writer) citation(a *arguments.Argument) string {
	if w.sources != nil {
		return w.sources.citation(a.ID)
	}
	return sourceNames(a.Sources)
}
