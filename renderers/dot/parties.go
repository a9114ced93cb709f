package dot

import (
	"slices"
	"strings"

	"github.com/argmap/argmap/arguments"
)

// This file draws who puts each argument forward: each party's mark, a
// shape in a colour, beside its name; the parties in the legend; and the
// groupings by party and by tag.

// markShapes are the shapes of the parties' marks, given out in the order
// the parties first appear in the map: filled shapes, then half-filled
// and hollow ones, the last of them half-filled, which the palettes'
// paler colours (given out at 4, 5 and 11) stand out in. A black circle
// is not one: the legend has it for an inference. Each is a character of
// DejaVu Sans, in the Unicode blocks that most fonts have, and no wider
// than Graphviz estimates it (three spaces), so that Graphviz places the
// name after it where the renderers expect (see run.mark).
var markShapes = []string{"■", "▲", "◆", "▼", "★", "◐", "□", "△", "◇", "☆", "▽", "◧"}

// partyMark is how a party is marked: a shape in a colour. Parties differ
// by shape, and by colour too in the themes that have colours: the twelve
// shapes and seven colours give out 84 marks before one repeats, twelve in
// the print theme. The mark is a little larger than the party's name. A mark is never all that tells a party: its name is
// beside it, in the box, the frame's title or the legend.
type partyMark struct {
	shape, color string
}

// parties are the map's parties, each party of a coalition on its own, in
// the order they first appear, by the name they are first given there.
// Names are compared by fold: "US administration" and "US
// Administration" are one party.
type parties struct {
	names []string
	index map[string]int // by fold(name)
}

func partiesOf(m *arguments.Map) *parties {
	ps := &parties{index: map[string]int{}}
	for _, a := range m.Arguments {
		for _, p := range a.Parties {
			if p = clean(p); p != "" {
				if _, ok := ps.index[fold(p)]; !ok {
					ps.index[fold(p)] = len(ps.names)
					ps.names = append(ps.names, p)
				}
			}
		}
	}
	return ps
}

// of returns an argument's parties as drawn, each once, in the order the
// argument names them.
func (ps *parties) of(a *arguments.Argument) []string {
	var names []string
	for _, p := range a.Parties {
		if i, ok := ps.index[fold(p)]; ok && !slices.Contains(names, ps.names[i]) {
			names = append(names, ps.names[i])
		}
	}
	return names
}

// fold is the form in which party names and tags are compared: cleaned
// (see clean), in lower case.
func fold(s string) string { return strings.ToLower(clean(s)) }

// mark is the mark of a party of the map.
func (w *writer) mark(party string) partyMark {
	i := w.parties.index[fold(party)]
	colors := w.theme.parties
	return partyMark{markShapes[i%len(markShapes)], colors[i%len(colors)]}
}

// partyRuns are the runs that name parties (an argument's, or a group's),
// in style st: each name kept whole where it fits in a line, after its
// mark when the map's parties are marked, the members of a coalition
// joined by a "+" at the end of all but the last, which stays on its line.
func (w *writer) partyRuns(names []string, st style) []run {
	var runs []run
	for i, p := range names {
		name := run{text: p, style: st, keep: true}
		if w.marked {
			mk := w.mark(p)
			runs = append(runs, run{text: mk.shape, style: style{size: st.size + 1, color: mk.color}, mark: true})
			name.glue = true
		}
		runs = append(runs, name)
		if i < len(names)-1 {
			runs = append(runs, run{text: strings.TrimSpace(arguments.CoalitionJoiner), style: st, tie: true})
		}
	}
	return runs
}

// partyLegend is the rows of the legend that list the parties with their
// marks, each row at most max points wide, and the rows balanced: as
// narrow as they can be without adding a row. A name wider than half of
// maxLegendWidth is cut short, with an ellipsis: the boxes have it whole.
// It is nil when the parties are not marked.
func (w *writer) partyLegend(max int) []*legendRow {
	if !w.marked {
		return nil
	}
	t := w.theme
	legendSize := w.small()
	plain := style{size: legendSize, color: t.detail}
	head := style{size: legendSize, bold: true, color: t.detail}
	type entry struct {
		mark, name string
		ms         style
		width      int
	}
	var entries []entry
	for _, p := range w.parties.names {
		mk := w.mark(p)
		p = w.meas.truncate(p, plain, maxLegendWidth/2)
		ms := style{size: legendSize + 2, color: mk.color}
		entries = append(entries, entry{mk.shape, p, ms, w.meas.cellWidth(mk.shape, ms, 3) + w.meas.cellWidth(p, plain, 12)})
	}
	headWidth := w.meas.cellWidth("parties:", head, 8)
	// breaks returns where the rows start, for rows at most limit wide.
	breaks := func(limit int) []int {
		starts := []int{0}
		total := headWidth
		for i, e := range entries {
			if total > 0 && total+e.width > limit && i > starts[len(starts)-1] {
				starts = append(starts, i)
				total = 0
			}
			total += e.width
		}
		return starts
	}
	n := len(breaks(max))
	lo, hi := 0, max // rows at most lo wide are more than n, at most hi wide are n
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; len(breaks(mid)) > n {
			lo = mid
		} else {
			hi = mid
		}
	}
	starts := append(breaks(hi), len(entries))
	var rows []*legendRow
	for r := range len(starts) - 1 {
		row := w.newLegendRow()
		if r == 0 {
			row.text("parties:", head, 8)
		}
		for _, e := range entries[starts[r]:starts[r+1]] {
			row.text(e.mark, e.ms, 3)
			row.text(e.name, plain, 12)
		}
		rows = append(rows, row)
	}
	return rows
}

// Tag families: a tag "legal basis: self-defence" is of the family "legal
// basis", the text before its first colon. Options.GroupBy "tag:FAMILY"
// frames the arguments by their first tag of a family.
const tagGrouping = "tag:"

// tagFamily is the family of a tag, or "" for a tag without one.
func tagFamily(tag string) string {
	family, _, ok := strings.Cut(tag, ":")
	if !ok {
		return ""
	}
	return clean(family)
}

// ValidGrouping reports whether g is a value of Options.GroupBy: "", one of
// Groupings, or "tag:FAMILY" with a family that is not blank.
func ValidGrouping(g string) bool {
	if family, ok := strings.CutPrefix(g, tagGrouping); ok {
		return clean(family) != ""
	}
	return g == "" || slices.Contains(Groupings(), g)
}

// TagFamilies returns the families of the map's tags, as drawn, in the
// order they first appear.
func TagFamilies(m *arguments.Map) []string {
	var families []string
	for _, a := range m.Arguments {
		for _, tag := range a.Tags {
			if f := tagFamily(tag); f != "" && !slices.ContainsFunc(families, func(g string) bool { return fold(f) == fold(g) }) {
				families = append(families, f)
			}
		}
	}
	return families
}

// tagsOf are the tags of a that place it in a group under groupBy ("tag"
// or "tag:FAMILY"), cleaned, each once (by fold): all its tags, or those
// of the family.
func tagsOf(a *arguments.Argument, groupBy string) []string {
	family, byFamily := strings.CutPrefix(groupBy, tagGrouping)
	if !byFamily && groupBy != "tag" {
		return nil
	}
	family = fold(family)
	var tags []string
	for _, tag := range a.Tags {
		tag = clean(tag)
		same := func(t string) bool { return fold(t) == fold(tag) }
		if tag != "" && (!byFamily || fold(tagFamily(tag)) == family) && !slices.ContainsFunc(tags, same) {
			tags = append(tags, tag)
		}
	}
	return tags
}

// SeveralGroups returns the ids of the arguments that have more than one
// tag under groupBy, "tag" or "tag:FAMILY" (of the family): frames cannot
// overlap, so each is drawn in the frame of its first.
func SeveralGroups(m *arguments.Map, groupBy string) []string {
	var ids []string
	for _, a := range m.Arguments {
		if len(tagsOf(a, groupBy)) > 1 {
			ids = append(ids, a.ID)
		}
	}
	return ids
}
