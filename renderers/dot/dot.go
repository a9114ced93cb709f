// Package dot writes an argument map as a Graphviz DOT graph, styled for
// reading: each argument a box with its kind, party (after the party's
// mark, in a map of several parties), claim, id and sources;
// each relation an arrow (support and attack differ in colour, lightness,
// arrowhead and width in every theme, and in line style in the print
// theme); the map's title and a legend of every mark used above; and
// below, the notes of arguments and relations, numbered in the figure, and
// the sources cited, with their dates, addresses (links) and quotes (see
// Options.Notes and Options.Sources).
//
// The output is a deterministic function of the map and the options: the
// same map gives the same bytes, so the DOT (and what Graphviz draws from it)
// can be committed and compared. Claims are wrapped, and boxes sized, with
// the metrics of the typeface of package fonts, in which every renderer sets
// the text; Graphviz only places the boxes and routes the arrows. The DOT is
// plain Graphviz: the dot command draws it too.
//
// This package does not run Graphviz (see package graphviz) and imports no
// graphics library.
package dot

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/renderers/fonts"
	"github.com/argmap/argmap/semantics"
)

// Labelling gives arguments a label of package semantics (in, out or
// undec: accepted, rejected or neither), to be drawn on the map.
type Labelling struct {
	// Semantics names what the labels come from, for the legend, such as
	// "grounded semantics".
	Semantics string
	// Labels is the label of each argument, by id. Arguments without one,
	// or with a value that is not a label, are drawn without a label.
	Labels map[string]semantics.Label
	// Withdrawn lists the ids of arguments withdrawn from the map before
	// it was labelled: they are drawn faded, with a dashed border and the
	// badge WITHDRAWN, and so are the relations to and from them, which
	// took no part in the labelling; the legend says so.
	Withdrawn []string
}

// Options change what Write draws. The zero value draws the map with the
// defaults: arrows pointing right to left, no groups, the light theme, the
// map's title and a legend.
type Options struct {
	// Direction is the way arrows point in the dot layout, as Graphviz's
	// rankdir: "RL" (the default: conclusions on the left, their reasons to
	// their right), "LR", "TB" or "BT" (conclusions on top).
	Direction string
	// GroupBy draws a frame around the arguments of each party, kind,
	// file or tag: "party", "kind", "file", "tag", "tag:FAMILY", or "" for
	// none. Arguments without a party (or kind, or tag) are not framed.
	// Under "party", a coalition has a frame of its own, titled with its
	// parties, and the boxes in a frame do not repeat its party. Under
	// "tag", an argument is framed by its first tag; under "tag:FAMILY", by
	// its first tag of that family (the text before a tag's first colon,
	// compared without regard to case), and arguments without one are not
	// framed. Frames cannot overlap: see SeveralGroups.
	GroupBy string
	// Theme is "light" (the default), "dark", or "print" (black on white,
	// with no meaning carried by colour alone).
	Theme string
	// NoLegend leaves the legend out.
	NoLegend bool
	// NoPartyMarks leaves out the parties' marks, and their entries in
	// the legend. A map of fewer than two parties has none in any case.
	NoPartyMarks bool
	// Title, if not nil, replaces the map's title; "" draws no title.
	Title *string
	// Labelling, if not nil, draws each labelled argument's status (a
	// border and a badge) and explains the statuses in the legend.
	Labelling *Labelling
	// Places, if not nil, puts the arguments' boxes at these places (see
	// Tangled and Grid) with straight arrows between them, instead of
	// laying the map out. Arguments without a place are left for Graphviz
	// to place.
	Places map[string]Place

	// Show lists what each argument's box shows, by the names of Fields;
	// nil shows every field (the default look). A box that does not show
	// the claim shows the argument's number and its title (or its id), and
	// a key below the figure lists the claims by number, with what the
	// boxes leave out (see CompactShow).
	Show []string
	// ClaimWidth and TitleWidth are the measures of claims and of titles
	// in boxes without their claim, in points; zero means the defaults
	// (190 and 110).
	ClaimWidth, TitleWidth float64
	// NodeSep and RankSep are the space between neighbouring boxes of a
	// rank and between ranks, in points; zero means the defaults (18, 36).
	NodeSep, RankSep float64
	// Width, if positive, is the width of the figure in points: the
	// title and the legend wrap to it, and the blocks below the figure
	// (KEY, NOTES, SOURCES) are set in it, less the margins of the cluster
	// FigureCluster, or in their narrowest measure (300 points of 8-point
	// text) if it is narrower. A first layout with Width 1 measures the
	// figure without widening it (the width of FigureCluster, as Graphviz
	// laid it out), and a second one sets the blocks to it (see
	// HasBlocks). Zero draws the legend's first row in one and sets the
	// blocks to an estimate of the figure's width.
	Width float64
	// SmallText, if more than 8, is the size in points of the texts that
	// are smaller than a box's claim and that the layout of the boxes does
	// not depend on: the legend, the labels of groups and of question
	// arrows, and the key of claims. A figure to be scaled down sets them
	// larger, so that they are not the smallest text on the page.
	SmallText float64
	// UndercutsBeside draws each undercut's arrow from beside the
	// inference it aims at, in the same rank, instead of from the rank
	// behind it: the map is a rank shallower for each undercut on its
	// longest chain of reasons, and narrower across the ranks.
	UndercutsBeside bool
	// Notes is how the notes of arguments and relations are drawn (see
	// NoteModes): "footnotes" (the default) puts a number on each arrow
	// and in each box that has a note, and the numbered notes in a block
	// NOTES below the figure; "labels" draws each relation's note as its
	// arrow's label and each argument's note under its claim; "none"
	// leaves them to the SVG's tooltips.
	Notes string
	// Sources is whether the sources are listed below the figure (see
	// SourceModes): "list" (the default) draws a block SOURCES, each
	// source cited once, numbered in the order first cited, with its
	// name, date, address (a link in SVG and PDF) and quotes, and boxes
	// cite their sources by number, "[1, 3]"; "none" names the sources in
	// the boxes.
	Sources string
	// Fonts measure the text, to wrap claims and size boxes: the set the
	// renderers draw with, fallback faces included. Nil means DejaVu Sans
	// alone (fonts.Load).
	Fonts *fonts.Set
}

// small is the size of the legend, of the labels of groups and arrows,
// and of the key: Options.SmallText, or the legend's.
func (w *writer) small() float64 { return max(legendSize, w.opts.SmallText) }

// Directions are the values of Options.Direction, the default first.
func Directions() []string { return []string{"RL", "LR", "TB", "BT"} }

// Groupings are the values of Options.GroupBy, besides "" and
// "tag:FAMILY" (see ValidGrouping).
func Groupings() []string { return []string{"party", "kind", "file", "tag"} }

// Typography and sizes, in points. Graphviz reads font sizes in HTML-like
// labels as whole points.
const (
	claimSize   = 10.0
	detailSize  = 8.0 // kind, party, id, sources
	titleSize   = 14.0
	legendSize  = 8.0
	groupSize   = 9.0
	claimWidth  = 190.0 // the measure of a claim: 30 to 40 characters
	detailWidth = claimWidth
	// padX and padY are the space between a box's edge and its text; the
	// box's margin in DOT.
	padX, padY = 9.0, 6.0
	// gap is the space between the header, claim and footer of a box.
	gap = 4.0
)

// lrm and rlm are the left-to-right and right-to-left marks: invisible
// letters that set the direction of the text they start.
const (
	lrm = "\u200e"
	rlm = "\u200f"
)

// ltr starts s with a left-to-right mark if it has right-to-left letters:
// a party or source in Arabic, after the separator "·", is a part of a
// left-to-right line, which the renderers set run by run.
func ltr(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x590 && fonts.RTL(string(r)) }) {
		return lrm + s
	}
	return s
}

// nbsp is a no-break space: it glues the separator "·" to the word after
// it, and spaces a legend entry from its swatch.
const nbsp = "\u00a0"

// Write writes the map as a DOT graph to buf. It draws every argument and
// every relation between arguments of the map, once each (a relation given
// twice is drawn once); it is meant for maps without errors, but draws what
// it can of any map. It fails only for invalid options.
//
// SVG ids: each argument's box has its id; each relation's arrow has the id
// FROM.supports.TO or FROM.attacks.TO (argument ids cannot contain dots, so
// these never collide); the graph, the legend and the groups have ids
// beginning with "argmap.".
func Write(buf *bytes.Buffer, m *arguments.Map, opts Options) error {
	t := newTheme(opts.Theme)
	if t == nil {
		return fmt.Errorf("dot: unknown theme %q: use one of %s", opts.Theme, strings.Join(Themes(), ", "))
	}
	if opts.Direction == "" {
		opts.Direction = Directions()[0]
	}
	if !slices.Contains(Directions(), opts.Direction) {
		return fmt.Errorf("dot: unknown direction %q: use one of %s", opts.Direction, strings.Join(Directions(), ", "))
	}
	if !ValidGrouping(opts.GroupBy) {
		return fmt.Errorf("dot: unknown grouping %q: use one of %s, or tag:FAMILY", opts.GroupBy, strings.Join(Groupings(), ", "))
	}
	if opts.Notes == "" {
		opts.Notes = NoteModes()[0]
	}
	if !slices.Contains(NoteModes(), opts.Notes) {
		return fmt.Errorf("dot: unknown notes mode %q: use one of %s", opts.Notes, strings.Join(NoteModes(), ", "))
	}
	if opts.Sources == "" {
		opts.Sources = SourceModes()[0]
	}
	if !slices.Contains(SourceModes(), opts.Sources) {
		return fmt.Errorf("dot: unknown sources mode %q: use one of %s", opts.Sources, strings.Join(SourceModes(), ", "))
	}
	show, err := newShows(opts.Show)
	if err != nil {
		return err
	}
	fs := opts.Fonts
	if fs == nil {
		if fs, err = fonts.Load(); err != nil {
			return fmt.Errorf("dot: %w", err)
		}
	}
	w := &writer{buf: buf, m: m, opts: opts, theme: t, meas: measurer{fs}, withdrawn: map[string]bool{}, parties: partiesOf(m),
		show: show, number: numbers(m)}
	// Marks are drawn in the boxes (and frames, and legend) only when the
	// boxes show their party.
	w.marked = !opts.NoPartyMarks && len(w.parties.names) > 1 && show["party"]
	w.rels = w.relations()
	w.layout = layoutDot
	switch {
	case opts.Places != nil:
		w.layout = layoutNop
	case dotCost(w.ids(), w.rels) > maxDotCost:
		w.layout = layoutSFDP
	}
	if opts.Notes == "footnotes" {
		w.notes = collectNotes(m, w.rels)
	}
	if opts.Sources == "list" {
		w.sources = collectSources(m)
	}
	if opts.Labelling != nil {
		for _, id := range opts.Labelling.Withdrawn {
			if m.Argument(id) != nil {
				w.withdrawn[id] = true
			}
		}
	}
	w.write()
	return nil
}

type writer struct {
	buf       *bytes.Buffer
	m         *arguments.Map
	opts      Options
	theme     *theme
	meas      measurer
	withdrawn map[string]bool // Labelling.Withdrawn, of arguments of the map
	parties   *parties
	marked    bool // the parties have marks
	// partyFrames is set when the arguments are framed by party: their
	// boxes leave their party to the frame's title.
	partyFrames bool
	show        shows
	number      map[string]int // each argument's number in the key, from 1
	rels        []*relation    // the relations to draw
	layout      string         // layoutDot, layoutSFDP or layoutNop
	notes       *noteSet       // the footnotes, with Options.Notes "footnotes"
	sources     *sourceList    // the sources, with Options.Sources "list"
	inFigure    bool           // the boxes are written in the figure's cluster
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(w.buf, format, args...) }

func (w *writer) write() {
	m, t := w.m, w.theme
	rels, layout := w.rels, w.layout
	if title := w.title(); title != "" {
		w.printf("// %s\n", title)
	}
	w.printf("// Drawn by argmap for Graphviz.\n")
	w.printf("digraph argmap {\n")
	w.printf("\tgraph [id=\"argmap.map\" class=\"argmap theme-%s\" layout=%s outputorder=edgesfirst pad=0.2\n", t.name, layout)
	switch layout {
	case layoutDot:
		// Ranks are columns (or rows) of boxes as wide as a claim; with
		// arrows pointing right to left, a map is about as tall as wide.
		nodesep, ranksep := w.spacing()
		w.printf("\t\trankdir=%s nodesep=%s ranksep=%s\n", w.opts.Direction, nodesep, ranksep)
	case layoutSFDP:
		// Too tangled for ranks: this pass only places the arguments, by
		// forces, letting boxes overlap (Graphviz's overlap removal is
		// slow without a triangulation library); see Tangled and Grid.
		w.printf("\t\toverlap=true splines=false\n")
	case layoutNop:
		// The boxes are where Grid put them; the arrows are straight.
		w.printf("\t\tsplines=false\n")
	}
	// The blocks below the figure: in the dot layout, the label of a
	// cluster around the whole figure, placed at its bottom; in the nop
	// layout, which has no clusters, a box placed under the grid. The
	// first pass of a tangled map only places the arguments.
	blocks := w.blocks()
	if layout == layoutSFDP {
		blocks = nil
	}
	top, bottom := w.graphLabel(), ""
	if len(blocks) > 0 && layout == layoutDot {
		bottom, _ = w.blocksLabel(blocks, w.figureWidth())
	}
	// dot routes arrows that join boxes of one rank around the rank, on
	// the side of the rank ahead, and may route them across a cluster's
	// label there, but never across the graph's: with arrows pointing up,
	// the side ahead is the bottom, where the blocks go, so the blocks are
	// the graph's label and the title and legend the cluster's.
	swap := bottom != "" && w.opts.Direction == "BT"
	loc, graphLabel := "t", top
	if swap {
		loc, graphLabel = "b", bottom
	}
	w.printf("\t\tfontname=%s fontsize=%s fontcolor=%q bgcolor=%q labelloc=%s labeljust=l\n",
		quote(fonts.Name), num(legendSize), t.title, t.background, loc)
	if graphLabel != "" {
		w.printf("\t\tlabel=<%s>", graphLabel)
	}
	w.printf("]\n")
	w.printf("\tnode [shape=box style=\"rounded,filled\" penwidth=1 fontname=%s fontsize=%s fontcolor=%q margin=\"%s,%s\"]\n",
		quote(fonts.Name), num(claimSize), t.ink, inches(padX), inches(padY))
	w.printf("\tedge [penwidth=1.3 arrowsize=0.8]\n")
	if bottom != "" {
		// Graphviz mirrors a cluster's labeljust when arrows point right
		// to left, and its labelloc when they point up.
		just, loc, label := "l", "b", bottom
		switch {
		case w.opts.Direction == "RL":
			just = "r"
		case swap && top != "":
			label = top // at the top
		case swap:
			label = ""
		}
		w.inFigure = true
		w.printf("\tsubgraph %s {\n", FigureCluster)
		w.printf("\t\tgraph [id=\"argmap.figure\" class=\"figure\" peripheries=0 margin=%s labelloc=%s labeljust=%s",
			num(figureMargin), loc, just)
		if label != "" {
			w.printf("\n\t\t\tlabel=<%s>", label)
		}
		w.printf("]\n")
	}
	// Groups are drawn by dot only: the other layouts ignore clusters.
	groups, ungrouped := w.groups()
	if layout != layoutDot {
		groups, ungrouped = nil, m.Arguments
	}
	w.partyFrames = len(groups) > 0 && w.opts.GroupBy == "party"
	for i, g := range groups {
		w.group(i+1, g)
	}
	for _, a := range ungrouped {
		w.node("\t", a)
	}
	undercuts := undercutsOf(m)
	for _, r := range rels {
		us := undercutsOn(r, undercuts, rels)
		switch {
		case len(r.members) > 1:
			w.linked(r, us)
		case len(us) > 0:
			w.inference(r, us)
		default:
			w.edge(r)
		}
	}
	w.questionEdges()
	if len(blocks) > 0 && layout == layoutDot {
		w.printf("\t}\n")
	}
	if len(blocks) > 0 && layout == layoutNop {
		w.blocksNode(blocks)
	}
	w.printf("}\n")
}

// title is the title to draw, cleaned.
func (w *writer) title() string {
	if w.opts.Title != nil {
		return clean(*w.opts.Title)
	}
	return clean(w.m.Title)
}

// ids returns the ids of the map's arguments, in order.
func (w *writer) ids() []string {
	ids := make([]string, len(w.m.Arguments))
	for i, a := range w.m.Arguments {
		ids[i] = a.ID
	}
	return ids
}

// groupOf is the key of an argument's group under Options.GroupBy, and
// its name as drawn; "" when it has none. Under "party", the key is the
// argument's parties in the order of the map's, so that a coalition is one
// however it is written; under "tag", it is the tag folded, so that tags
// that differ in case and spacing only are one.
func (w *writer) groupOf(a *arguments.Argument) (key, name string) {
	switch w.opts.GroupBy {
	case "party":
		names := w.parties.of(a)
		slices.SortFunc(names, func(x, y string) int { return w.parties.index[fold(x)] - w.parties.index[fold(y)] })
		key = strings.Join(names, "\x00")
		return key, key
	case "kind":
		return clean(a.Kind), clean(a.Kind)
	case "file":
		return w.fileName(a.File), w.fileName(a.File)
	}
	if tags := tagsOf(a, w.opts.GroupBy); len(tags) > 0 {
		return fold(tags[0]), tags[0]
	}
	return "", ""
}

// fileName names a file of the map relative to the root file's directory,
// so that the name does not depend on where argmap was run from.
func (w *writer) fileName(f *arguments.File) string {
	if f == nil {
		return ""
	}
	name := slashes(f.Name)
	if w.m.Root != nil {
		dir := path.Dir(slashes(w.m.Root.Name))
		if rel, ok := strings.CutPrefix(name, dir+"/"); ok && dir != "." {
			return clean(rel)
		}
	}
	return clean(name)
}

func slashes(s string) string { return strings.ReplaceAll(s, "\\", "/") }

// group is the arguments of one group, in map order.
type group struct {
	arguments []*arguments.Argument
	// title is the group's name as drawn, in the style of group titles;
	// border the colour of its frame.
	title  []run
	border string
}

// groups returns the groups in the order of their first argument, and the
// arguments in no group.
func (w *writer) groups() ([]*group, []*arguments.Argument) {
	if w.opts.GroupBy == "" {
		return nil, w.m.Arguments
	}
	var groups []*group
	byName := map[string]*group{}
	var ungrouped []*arguments.Argument
	for _, a := range w.m.Arguments {
		key, name := w.groupOf(a)
		if key == "" {
			ungrouped = append(ungrouped, a)
			continue
		}
		g := byName[key]
		if g == nil {
			g = w.newGroup(name, a)
			byName[key] = g
			groups = append(groups, g)
		}
		g.arguments = append(g.arguments, a)
	}
	return groups, ungrouped
}

// newGroup is the group called name, whose first argument is a. A party's
// group is titled with the party's mark and name, and framed in the
// mark's colour; a coalition's with its parties, in the order the first
// argument names them.
func (w *writer) newGroup(name string, a *arguments.Argument) *group {
	t := w.theme
	st := style{size: max(groupSize, w.small()), bold: true, color: t.group.label}
	g := &group{title: []run{{text: name, style: st}}, border: t.group.border}
	if w.opts.GroupBy == "party" {
		names := w.parties.of(a)
		g.title = w.partyRuns(names, st)
		if w.marked && len(names) == 1 {
			g.border = w.mark(names[0]).color
		}
	}
	return g
}

// group writes a group as a Graphviz cluster: a framed box with the group's
// name, around its arguments.
func (w *writer) group(n int, g *group) {
	t := w.theme
	lines, width := w.meas.wrap(g.title, 2*claimWidth)
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	for _, l := range lines {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" VALIGN="TOP" WIDTH="%d" HEIGHT="%d">`, ceil(width), ceil(lineHeight([]line{l})))
		writeRuns(&b, l)
		b.WriteString(`</TD></TR>`)
	}
	b.WriteString(`</TABLE>`)
	w.printf("\tsubgraph cluster_%d {\n", n)
	// Graphviz mirrors a cluster's labeljust when arrows point right to
	// left.
	just := "l"
	if w.opts.Direction == "RL" {
		just = "r"
	}
	// Inside the figure's cluster, a group would inherit its attributes:
	// its border and its label's place are set again.
	inherited := ""
	if w.inFigure {
		inherited = " peripheries=1 labelloc=t"
	}
	w.printf("\t\tgraph [id=\"argmap.group.%d\" class=\"group\" style=\"rounded,filled\" color=%q fillcolor=%q penwidth=1 labeljust=%s margin=10%s\n\t\t\tlabel=<%s>]\n",
		n, g.border, t.group.fill, just, inherited, b.String())
	for _, a := range g.arguments {
		w.node("\t\t", a)
	}
	// The dots of the inferences and linked reasons between arguments of
	// the group are in it too: Graphviz puts a node of no group outside
	// every frame, and the arrows left the frame to reach it, and came
	// back. (They are declared here, and drawn where their arrows are.)
	for _, inf := range w.dotsIn(g) {
		w.printf("\t\t%s\n", quote(inf))
	}
	w.printf("\t}\n")
}

// dotsIn returns the names of the dots (of inferences with undercuts, and
// of linked reasons) on relations between arguments of group g: the dot
// is on the relation's line, wherever its undercuts come from. (A dot with
// its premises' group but not its conclusion's is better left out of both:
// Graphviz then routes the arrows into the group across it.)
func (w *writer) dotsIn(g *group) []string {
	in := map[string]bool{}
	for _, a := range g.arguments {
		in[a.ID] = true
	}
	var out []string
	rels := w.relations()
	undercuts := undercutsOf(w.m)
	for _, r := range rels {
		us := undercutsOn(r, undercuts, rels)
		if len(r.members) <= 1 && len(us) == 0 {
			continue
		}
		ends := append([]string{r.to}, r.premises()...)
		if !slices.ContainsFunc(ends, func(id string) bool { return !in[id] }) {
			out = append(out, arguments.Inference{From: r.from, To: r.to}.Name())
		}
	}
	return out
}

// node writes an argument's box.
func (w *writer) node(indent string, a *arguments.Argument) {
	t := w.theme
	ks, known := t.kind(a.Kind)
	class := "argument"
	if known {
		class += " kind-" + a.Kind
	}
	border, penwidth, style, fill := ks.accent, "1", "rounded,filled", ks.fill
	var status semantics.Label
	withdrawn := w.withdrawn[a.ID]
	if withdrawn {
		// A withdrawn argument has no label: it took no part.
		border, style, fill = t.withdrawn.color, style+",dashed", t.background
		class += " withdrawn"
	} else if l := w.opts.Labelling; l != nil {
		if s, ok := l.Labels[a.ID]; ok {
			if st, ok := t.statuses[s]; ok {
				status = s
				border, penwidth = st.color, "2.5"
				if st.style != "solid" {
					style += "," + st.style
				}
				class += " status-" + s.String()
			}
		}
	}
	label, width := w.argumentLabel(a, ks, status, withdrawn)
	// The box's width, from the widest line as the renderers set it: the
	// label's own WIDTH is a minimum, so Graphviz may make the box wider
	// (it counts non-ASCII characters generously) but never narrower.
	pos := ""
	if p, ok := w.opts.Places[a.ID]; ok {
		pos = fmt.Sprintf(" pos=\"%s,%s!\"", num(p.X), num(p.Y))
	}
	w.printf("%s%s [id=%s class=%q style=%q color=%q fillcolor=%q penwidth=%s width=%s%s\n%s\tlabel=<%s>]\n",
		indent, quote(a.ID), quote(a.ID), class, style, border, fill, penwidth, inches(width+2*padX), pos, indent, label)
}

// lineHeight is the height Graphviz gives a line of the label: 1.2 times
// the size of its largest font.
func lineHeight(lines []line) float64 {
	size := 0.0
	for _, l := range lines {
		for _, r := range l {
			size = maxf(size, r.size)
		}
	}
	return 1.2 * size
}

// writeLines writes lines as HTML-like label text, each ended by a
// left-aligned break.
func writeLines(b *strings.Builder, lines []line) {
	for i, l := range lines {
		if i > 0 {
			b.WriteString(`<BR ALIGN="LEFT"/>`)
		}
		writeRuns(b, l)
	}
	if len(lines) > 0 {
		b.WriteString(`<BR ALIGN="LEFT"/>`)
	}
}

// writeRuns writes one line of a label.
func writeRuns(b *strings.Builder, l line) {
	for _, r := range l {
		fmt.Fprintf(b, `<FONT POINT-SIZE="%s" COLOR="%s">`, num(r.size), r.color)
		if r.bold {
			b.WriteString(`<B>`)
		}
		b.WriteString(html(r.text))
		if r.bold {
			b.WriteString(`</B>`)
		}
		b.WriteString(`</FONT>`)
	}
}

// sourceNames is the names of an argument's sources, for its footer.
func sourceNames(cs []arguments.Citation) string {
	var names []string
	for _, c := range cs {
		if n := clean(c.Name); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// relation is one arrow: a relation of the map, drawn once however often it
// is given, with the notes of all its copies.
type relation struct {
	from, to string
	typ      graph.Relation
	notes    []string
	members  []string // of a linked reason, sorted; from is their LinkedName
}

// id is the relation's id in the SVG: FROM.supports.TO or FROM.attacks.TO.
func (r *relation) id() string {
	return r.from + "." + verbs[r.typ] + "." + r.to
}

var verbs = map[graph.Relation]string{graph.Support: "supports", graph.Attack: "attacks"}

// relations returns the relations to draw, in the order of the map.
func (w *writer) relations() []*relation { return relationsOf(w.m) }

func relationsOf(m *arguments.Map) []*relation {
	var out []*relation
	seen := map[[3]string]*relation{}
	for _, r := range m.Relations {
		members := linkedMembers(m, r)
		if members == nil && m.Argument(r.From) == nil || m.Argument(r.To) == nil {
			continue
		}
		if _, ok := verbs[r.Type]; !ok {
			continue
		}
		key := [3]string{r.From, r.Type.String(), r.To}
		rel := seen[key]
		if rel == nil {
			rel = &relation{from: r.From, to: r.To, typ: r.Type, members: members}
			seen[key] = rel
			out = append(out, rel)
		}
		if n := clean(r.Note); n != "" && !slices.Contains(rel.notes, n) {
			rel.notes = append(rel.notes, n)
		}
	}
	return out
}

// edge writes a relation's arrow. Its tooltip is the relation's note, or
// says what the relation is.
func (w *writer) edge(r *relation) {
	rs := w.relationStyle(w.theme.relations[r.typ], r.from, r.to)
	w.printf("\t%s -> %s [id=%s %s%s tooltip=%s]\n",
		quote(r.from), quote(r.to), quote(r.id()), rs.arrow(true), w.relationNote(r, rs.color), quote(relationTooltip(r)))
}

// relationNote is the attribute that draws a relation's notes on its
// arrow (see arrowNote).
func (w *writer) relationNote(r *relation, color string) string {
	return w.arrowNote(r.id(), strings.Join(r.notes, " "), color)
}

// undercutsOf returns the undercuts of the map by the support they aim
// at, for the supports that exist between arguments of the map.
func undercutsOf(m *arguments.Map) map[arguments.Inference][]*arguments.Undercut {
	out := map[arguments.Inference][]*arguments.Undercut{}
	for _, u := range m.Undercuts {
		known := m.Argument(u.From) != nil && m.Argument(u.Support.To) != nil
		for _, id := range u.Support.Premises() {
			known = known && m.Argument(id) != nil
		}
		if known {
			out[u.Support] = append(out[u.Support], u)
		}
	}
	return out
}

// inference writes an undercut support as AIF draws an inference: a small
// node on the support's arrow, which the undercuts' arrows point at.
func (w *writer) inference(r *relation, us []*arguments.Undercut) {
	inf := arguments.Inference{From: r.from, To: r.to}.Name()
	rs := w.relationStyle(w.theme.relations[r.typ], r.from, r.to)
	class := "inference"
	if w.withdrawn[r.from] || w.withdrawn[r.to] {
		class += " withdrawn"
	}
	w.printf("	%s [id=%s class=%q shape=circle label=\"\" width=0.13 height=0.13 fixedsize=true style=filled fillcolor=%q color=%q tooltip=%s]\n",
		quote(inf), quote(inf), class, rs.color, rs.color, quote(inferenceTooltip(r)))
	// The two halves of the support weigh twice as much as other arrows:
	// dot keeps them shorter and straighter, so that the dot stays on the
	// line from the premise to the conclusion.
	w.printf("\t%s -> %s [id=%s %s weight=2 tooltip=%s]\n",
		quote(r.from), quote(inf), quote(r.id()+".premise"), rs.arrow(false), quote(relationTooltip(r)))
	w.printf("\t%s -> %s [id=%s %s weight=2%s tooltip=%s]\n",
		quote(inf), quote(r.to), quote(r.id()), rs.arrow(true), w.relationNote(r, rs.color), quote(relationTooltip(r)))
	w.undercutArrows(r, inf, us)
}

// undercutArrow is the arrow of the undercuts of one relation by one
// argument, drawn once however often the undercut is given.
type undercutArrow struct {
	first *arguments.Undercut // the first given
	notes []string            // the notes of all, cleaned, each once
}

// undercutArrowsOf returns the arrows of the undercuts us of a relation,
// sorted by the undercutting argument.
func undercutArrowsOf(us []*arguments.Undercut) []undercutArrow {
	us = slices.Clone(us)
	slices.SortStableFunc(us, func(a, b *arguments.Undercut) int { return strings.Compare(a.From, b.From) })
	var out []undercutArrow
	for _, u := range us {
		if n := len(out); n == 0 || out[n-1].first.From != u.From {
			out = append(out, undercutArrow{first: u})
		}
		ua := &out[len(out)-1]
		if n := clean(u.Note); n != "" && !slices.Contains(ua.notes, n) {
			ua.notes = append(ua.notes, n)
		}
	}
	return out
}

// undercutArrows writes the arrows of the undercuts us of r onto its node inf.
func (w *writer) undercutArrows(r *relation, inf string, us []*arguments.Undercut) {
	for _, ua := range undercutArrowsOf(us) {
		u := ua.first
		// An undercut is withdrawn with its undercutter, or with the
		// support it aims at.
		st := w.relationStyle(w.theme.undercut(), append([]string{u.From, r.to}, r.premises()...)...)
		minlen := ""
		if w.opts.UndercutsBeside {
			minlen = " minlen=0"
		}
		w.printf("\t%s -> %s [id=%s %s%s%s tooltip=%s]\n",
			quote(u.From), quote(inf), quote(undercutID(u)), st.arrow(true), minlen,
			w.arrowNote(undercutID(u), strings.Join(ua.notes, " "), st.color), quote(undercutTooltip(r, u)))
	}
}

// arrow returns the DOT attributes of an arrow drawn in style rs: its
// class, colour, line style and width, and its arrowhead, or none.
func (rs relationStyle) arrow(head bool) string {
	arrowhead := rs.arrowhead
	if !head {
		arrowhead = "none"
	}
	return fmt.Sprintf("class=%q color=%q style=%s penwidth=%s arrowhead=%s", rs.class, rs.color, rs.style, num(rs.width), arrowhead)
}

// relationStyle is rs, or rs withdrawn if any of the arguments it joins
// is: grey, in the theme's line style for withdrawn relations, with its
// arrowhead, so that the kind of relation still shows.
func (w *writer) relationStyle(rs relationStyle, ids ...string) relationStyle {
	for _, id := range ids {
		if w.withdrawn[id] {
			rs.color, rs.style = w.theme.withdrawn.color, w.theme.withdrawn.style
			rs.class += " withdrawn"
			return rs
		}
	}
	return rs
}

func inferenceTooltip(r *relation) string {
	switch {
	case r.typ == graph.Attack:
		return "the attack of " + r.from + " on " + r.to
	case len(r.members) > 1:
		return "the linked reason " + strings.Join(r.members, " + ") + " for " + r.to
	}
	return "the inference from " + r.from + " to " + r.to
}

// undercutID is an undercut's id in the SVG: FROM.undercuts.A->B.
func undercutID(u *arguments.Undercut) string {
	return u.From + ".undercuts." + u.Support.Name()
}

func undercutTooltip(r *relation, u *arguments.Undercut) string {
	tip := u.From + " undercuts " + inferenceTooltip(r)
	if n := clean(u.Note); n != "" {
		tip += ": " + n
	}
	return tip
}

func relationTooltip(r *relation) string {
	tip := r.from + " " + verbs[r.typ] + " " + r.to
	if len(r.members) > 1 {
		tip = strings.Join(r.members, " + ") + " together support " + r.to
	}
	if len(r.notes) > 0 {
		tip += ": " + strings.Join(r.notes, " ")
	}
	return tip
}

// Tooltips returns the tooltip of every box and arrow of the map's drawing,
// by SVG id: for an argument, its id, kind and party (a coalition's
// parties joined by " + "), its whole claim, its tags, and every source
// with its link, date and quote; for a relation, what it is
// and its notes. Lines are separated by "\n".
func Tooltips(m *arguments.Map) map[string]string {
	tips := map[string]string{}
	for _, a := range m.Arguments {
		var b strings.Builder
		b.WriteString(a.ID)
		if k := clean(a.Kind); k != "" {
			b.WriteString(" (" + k + ")")
		}
		if p := clean(a.Party); p != "" {
			b.WriteString(", " + p)
		}
		b.WriteString(":\n" + clean(a.Claim))
		if n := clean(a.Note); n != "" {
			b.WriteString("\nNote: " + n)
		}
		if tags := tagsOf(a, "tag"); len(tags) > 0 {
			b.WriteString("\nTags: " + strings.Join(tags, "; "))
		}
		for _, c := range a.Sources {
			parts := []string{clean(c.Name)}
			if d := clean(c.Date); d != "" {
				parts = append(parts, d)
			}
			if q := clean(c.Quote); q != "" {
				parts = append(parts, "“"+q+"”")
			}
			if u := clean(c.URL); u != "" {
				parts = append(parts, u)
			}
			b.WriteString("\nSource: " + strings.Join(parts, ", "))
		}
		tips[a.ID] = b.String()
	}
	for _, e := range questionEdgesOf(m) {
		tips[e.id] = e.tip
	}
	undercuts := undercutsOf(m)
	rels := relationsOf(m)
	for _, r := range rels {
		tips[r.id()] = relationTooltip(r)
		us := undercutsOn(r, undercuts, rels)
		if len(r.members) > 1 {
			inf := arguments.Inference{From: r.from, To: r.to}.Name()
			tips[inf] = inferenceTooltip(r)
			for _, id := range r.members {
				tips[r.id()+".premise."+id] = relationTooltip(r)
			}
		} else if len(us) > 0 {
			tips[r.id()+".premise"] = relationTooltip(r)
			tips[arguments.Inference{From: r.from, To: r.to}.Name()] = inferenceTooltip(r)
		}
		for _, u := range us {
			tips[undercutID(u)] = undercutTooltip(r, u)
		}
	}
	return tips
}

// graphLabel is the title of the map and the legend, or "" for neither.
func (w *writer) graphLabel() string {
	title := w.title()
	if title == "" && w.opts.NoLegend {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`)
	titleWidth := 0
	if title != "" {
		st := style{size: titleSize, bold: true, color: w.theme.title}
		measure := 640.0
		if w.opts.Width > 0 {
			measure = min(measure, w.labelWidth())
		}
		lines, _ := w.meas.wrap([]run{{text: title, style: st}}, measure)
		for _, l := range lines {
			titleWidth = max(titleWidth, w.meas.cellWidth(l[0].text, st, 0))
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="%d" HEIGHT="%d">`, titleWidth, ceil(float64(len(lines))*lineHeight(lines)+6))
		writeLines(&b, lines)
		b.WriteString(`</TD></TR>`)
	}
	if !w.opts.NoLegend {
		// Each row of the legend is a table of its own, so that the
		// entries of one do not line up with another's; each is made as
		// wide as the widest, or Graphviz would spread its entries.
		main := w.legend()
		partyWidth := max(main.total, titleWidth, maxLegendWidth)
		var rows []*legendRow
		if w.opts.Width > 0 {
			// A figure of a given width: the legend wraps to it.
			rows = main.wrap(w.labelWidth())
			partyWidth = min(partyWidth, int(w.labelWidth()))
		} else {
			rows = []*legendRow{main}
		}
		rows = append(rows, w.partyLegend(partyWidth)...)
		width := titleWidth
		for _, r := range rows {
			width = max(width, r.total)
		}
		for _, r := range rows {
			b.WriteString(`<TR><TD ALIGN="LEFT">`)
			b.WriteString(r.table(width))
			b.WriteString(`</TD></TR>`)
		}
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// maxLegendWidth is the width up to which the parties' rows of the
// legend may grow, when the title and the legend's first row are
// narrower: the width of a few claims.
const maxLegendWidth = 600

// legendRow is one row of the legend: a one-row table of entries.
type legendRow struct {
	w       *writer
	entries []legendEntry // the entries ended (see end)
	b       strings.Builder
	cur     int // the width of the cells of b
	total   int // the row's width, in points
}

// legendEntry is the cells of one entry of the legend: a mark and its
// words, which a row never breaks.
type legendEntry struct {
	cells string
	width int
}

// end ends the entry being written: a row that wraps breaks before the
// next.
func (r *legendRow) end() {
	if r.cur > 0 || r.b.Len() > 0 {
		r.entries = append(r.entries, legendEntry{r.b.String(), r.cur})
		r.b.Reset()
		r.cur = 0
	}
}

// wrap breaks the row into rows at most max points wide, between its
// entries; max 0 keeps it whole.
func (r *legendRow) wrap(max float64) []*legendRow {
	r.end()
	if max <= 0 || float64(r.total) <= max {
		return []*legendRow{r}
	}
	var rows []*legendRow
	for _, e := range r.entries {
		n := len(rows)
		if n == 0 || float64(rows[n-1].total+e.width) > max {
			rows = append(rows, r.w.newLegendRow())
			n++
		}
		rows[n-1].entries = append(rows[n-1].entries, e)
		rows[n-1].total += e.width
	}
	return rows
}

func (w *writer) newLegendRow() *legendRow { return &legendRow{w: w} }

// text adds a cell holding s, gap points wider than s.
//
// Every cell has content: Graphviz 12 fails on an assertion when a table
// has an empty cell. Gaps are made by cells wider than their left-aligned
// content.
func (r *legendRow) text(s string, st style, gap int) {
	width := r.w.meas.cellWidth(s, st, gap)
	r.total += width
	r.cur += width
	fmt.Fprintf(&r.b, `<TD ALIGN="LEFT" WIDTH="%d"><FONT POINT-SIZE="%s" COLOR="%s">`, width, num(st.size), st.color)
	if st.bold {
		r.b.WriteString(`<B>`)
	}
	r.b.WriteString(html(s))
	if st.bold {
		r.b.WriteString(`</B>`)
	}
	r.b.WriteString(`</FONT></TD>`)
}

// swatch adds a small box with a solid border. Never a dashed or dotted
// one (an HTML-like table's STYLE="dashed"): Graphviz 12 gives that border
// the style list {"dashed"} without the empty string that ends a style's
// arguments, and its xdot writer, which the json output is made of, reads
// the memory after "dashed" as arguments, up to two zero bytes: dozens of
// kilobytes of its string constants, control characters among them, which
// make the json invalid. Borders other than solid are shown in the legend
// with characters (statusStyle's sample).
func (r *legendRow) swatch(fill, border string, penwidth int) {
	r.total += 14 + 2*penwidth
	r.cur += 14 + 2*penwidth
	fmt.Fprintf(&r.b, `<TD><TABLE BORDER="%d" COLOR="%s" BGCOLOR="%s" CELLSPACING="0" CELLPADDING="0"><TR><TD WIDTH="14" HEIGHT="9"> </TD></TR></TABLE></TD>`,
		penwidth, border, fill)
}

// table is the row as a table at least minWidth points wide. Graphviz
// stretches a table to the width of the cell it is in, which would spread
// the entries: a last cell makes up the difference. It holds a no-break
// space, which Graphviz estimates at two spaces: it can only make up a
// difference wider than that.
func (r *legendRow) table(minWidth int) string {
	r.end()
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>`)
	for _, e := range r.entries {
		b.WriteString(e.cells)
	}
	legendSize := r.w.small()
	plain := style{size: legendSize, color: r.w.theme.detail}
	if rest := minWidth - r.total; rest > ceil(r.w.meas.graphvizWidth(nbsp, plain)) {
		fmt.Fprintf(&b, `<TD WIDTH="%d"><FONT POINT-SIZE="%s">%s</FONT></TD>`, rest, num(legendSize), nbsp)
	}
	b.WriteString(`</TR></TABLE>`)
	return b.String()
}

// legend is the legend's first row, explaining every mark used: the
// relations, the kinds in use (unless the theme draws them all alike), and
// the statuses in use.
func (w *writer) legend() *legendRow {
	t := w.theme
	legendSize := w.small()
	row := w.newLegendRow()
	text, swatch, end := row.text, row.swatch, row.end
	plain := style{size: legendSize, color: t.detail}
	// The relations: an arrow drawn with characters that DejaVu Sans has.
	for _, r := range []graph.Relation{graph.Support, graph.Attack} {
		rs := t.relations[r]
		text(rs.sample, style{size: legendSize + 2, color: rs.color}, 3)
		text(rs.verb, plain, 14)
		end()
	}
	if len(undercutsOf(w.m)) > 0 {
		rs := t.undercut()
		text(rs.sample, style{size: legendSize + 2, color: rs.color}, 3)
		text("undercuts (● an inference)", plain, 14)
		end()
	}
	if t.kindLegend {
		used := map[string]bool{}
		other := false
		for _, a := range w.m.Arguments {
			if _, known := t.kind(a.Kind); known {
				used[a.Kind] = true
			} else {
				other = true
			}
		}
		for _, k := range arguments.Kinds() {
			if used[k.Name] {
				ks := t.kinds[k.Name]
				swatch(ks.fill, ks.accent, 1)
				text(nbsp+k.Name, plain, 12)
				end()
			}
		}
		if other {
			swatch(t.other.fill, t.other.accent, 1)
			text(nbsp+"other", plain, 12)
			end()
		}
	}
	if l := w.opts.Labelling; l != nil && (len(l.Labels) > 0 || len(w.withdrawn) > 0) {
		inUse := map[semantics.Label]bool{}
		for _, a := range w.m.Arguments {
			if s, ok := l.Labels[a.ID]; ok {
				inUse[s] = true
			}
		}
		// The semantics' name goes with the first status after it.
		if sem := clean(l.Semantics); sem != "" {
			text(sem+":", style{size: legendSize, bold: true, color: t.detail}, 8)
		}
		for _, s := range []semantics.Label{semantics.In, semantics.Out, semantics.Undec} {
			if inUse[s] {
				st := t.statuses[s]
				if st.sample != "" {
					text(st.sample, style{size: legendSize + 2, color: st.color}, 3)
					text(st.name, plain, 12)
				} else {
					swatch(t.background, st.color, 2)
					text(nbsp+st.name, plain, 12)
				}
				end()
			}
		}
		if len(w.withdrawn) > 0 {
			wst := t.withdrawn
			text(wst.sample, style{size: legendSize + 2, color: wst.color}, 3)
			text(wst.name+" (not labelled)", plain, 12)
		}
	}
	return row
}

// quote returns s as a DOT double-quoted string. Backslashes are doubled:
// Graphviz reads \N, \G, \n and others in some attributes as escapes.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range clean(s) {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// html escapes s for an HTML-like label.
func html(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// inches converts points to inches for DOT, rounding up at the fourth
// decimal, so that a box is never narrower than its text.
func inches(pt float64) string {
	v := math.Ceil(pt/72*1e4-1e-6) / 1e4
	if v == 0 {
		v = 0 // not -0
	}
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// ceil rounds a size up to whole points, as HTML-like labels need.
func ceil(f float64) int { return int(math.Ceil(f - 1e-9)) }

// num formats a size with at most two decimals and no trailing zeros.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
