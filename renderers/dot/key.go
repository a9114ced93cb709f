package dot

import (
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
)

// The key of claims of a figure whose boxes leave them out (see
// Options.Show): the first of the blocks below the figure (see notes.go),
// before NOTES and SOURCES.

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

// labelWidth is the width the title and legend wrap to: Options.Width
// less the space Graphviz leaves either side of the graph's label, but no
// narrower than the blocks below the figure go.
func (w *writer) labelWidth() float64 {
	return maxf(w.opts.Width-2*clusterLabelPad, w.minBlocks())
}

// clusterLabelPad is the space Graphviz leaves either side of a graph's or
// a cluster's label, in points (measured: Graphviz 12.1).
const clusterLabelPad = 8

// key is the key of claims of a figure whose boxes leave them out: for
// each argument its number, its title in bold, its claim (with its
// footnote's mark, or with --notes labels its note), and what else the
// boxes leave out (kind, party, id, sources, open questions).
func (w *writer) key() block {
	t, show := w.theme, w.show
	size := w.small()
	ink := style{size: size, color: t.ink}
	detail := style{size: size, color: t.detail}
	b := block{heading: "KEY"}
	for _, a := range w.m.Arguments {
		var runs []run
		title := clean(a.Title)
		if title != "" {
			runs = append(runs, run{text: title + ".", style: style{size: size, bold: true, color: t.ink}})
		}
		runs = append(runs, w.claimRuns(a, ink, style{size: size, bold: true, color: t.detail})...)
		paras := []para{{runs: runs}}
		if note := w.labelNote(a); note != "" {
			paras = append(paras, para{runs: []run{{text: note, style: detail}}})
		}
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
		if src := w.citation(a); !show["source"] && src != "" {
			more = append(more, src)
		}
		if n := openQuestions(w.m, a); !show["questions"] && n > 0 {
			more = append(more, "?"+strconv.Itoa(n)+nbsp+"open")
		}
		if len(more) > 0 {
			last := &paras[len(paras)-1]
			last.runs = append(last.runs, run{text: " —" + nbsp + strings.Join(more, " · "), style: detail})
		}
		b.entries = append(b.entries, blockEntry{mark: strconv.Itoa(w.number[a.ID]), paras: paras})
	}
	return b
}
