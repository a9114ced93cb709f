package dot

import (
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// theme is a set of colours and line styles.
type theme struct {
	name       string
	background string
	ink        string // claims
	detail     string // party, id, sources, legend
	title      string
	link       string               // a source's address
	kinds      map[string]kindStyle // by kind name
	other      kindStyle            // no kind, or an unknown kind
	// kindLegend is whether the legend lists the kinds: not when every kind
	// looks the same.
	kindLegend bool
	relations  map[graph.Relation]relationStyle
	statuses   map[semantics.Label]statusStyle
	withdrawn  withdrawnStyle
	group      groupStyle
	// parties are the colours of the parties' marks, in the order they
	// are given out (see marks); one colour when they differ by shape
	// alone.
	parties []string
}

// kindStyle is how arguments of a kind are drawn.
type kindStyle struct {
	accent string // the kind's name and the box's border
	fill   string // the box
}

// relationStyle is how the arrows of a relation are drawn.
type relationStyle struct {
	verb      string // "supports"
	class     string // the SVG class, "support"
	color     string
	style     string // Graphviz's line style: "solid" or "dashed"
	arrowhead string
	sample    string // the arrow drawn in the legend, with characters of DejaVu Sans
}

// undercut is how an undercut's arrow onto an inference is drawn: the
// colour of attacks, dotted (attacks may be dashed), with a bar.
func (t *theme) undercut() relationStyle {
	a := t.relations[graph.Attack]
	return relationStyle{"undercuts", "undercut", a.color, "dotted", "tee", "┈┈┤"}
}

// statusStyle is how an argument with a status is drawn.
type statusStyle struct {
	name  string // "accepted"
	color string // border and badge
	style string // border style: "solid", "dashed" or "dotted"
	// sample, if not "", is the border drawn in the legend with characters
	// of DejaVu Sans, instead of a box; it must be set when style is not
	// solid (see writer.legend for why).
	sample string
}

// withdrawnStyle is how an argument withdrawn before labelling (see
// Labelling.Withdrawn) is drawn, with the relations to and from it: faded,
// with a dashed border and a badge, and arrows of another line style.
type withdrawnStyle struct {
	name   string // "withdrawn", the badge and the legend's entry
	color  string // border, badge, details and arrows
	text   string // the claim
	style  string // the arrows' line style
	sample string // the legend's sample of an arrow, with characters of DejaVu Sans
}

// groupStyle is how a group (a Graphviz cluster) is drawn.
type groupStyle struct {
	border, fill, label string
}

// Themes are the names of the themes, the default first.
func Themes() []string { return []string{"light", "dark", "print"} }

// newTheme returns the theme called name ("" for the default), or nil.
func newTheme(name string) *theme {
	relations := func(support, attack, attackStyle, attackSample string) map[graph.Relation]relationStyle {
		return map[graph.Relation]relationStyle{
			graph.Support: {"supports", "support", support, "solid", "normal", "──►"},
			graph.Attack:  {"attacks", "attack", attack, attackStyle, "tee", attackSample},
		}
	}
	switch name {
	case "", "light":
		// Distinct hues for the kinds, none of them the green and red of
		// the relations; pale fills under dark text.
		return &theme{
			name: "light", background: "#ffffff", ink: "#1a1a1a", detail: "#5f6368", title: "#202124", link: "#1a5fb4",
			kinds: map[string]kindStyle{
				"claim":     {"#1f5fa8", "#eaf1fb"},
				"premise":   {"#00796b", "#e6f4f2"},
				"evidence":  {"#8d6e00", "#fbf5e1"},
				"testimony": {"#b35900", "#fdefe2"},
				"precedent": {"#5d4b8a", "#f0edf7"},
				"law":       {"#283593", "#e9ebf7"},
				"policy":    {"#8e2470", "#f9eaf4"},
				"value":     {"#00838f", "#e4f5f7"},
			},
			other:      kindStyle{"#5f6368", "#f3f4f5"},
			kindLegend: true,
			// Support and attack differ in colour and in arrowhead: the
			// map reads in greyscale and for colour-blind readers.
			relations: relations("#2e7d32", "#c62828", "solid", "──┤"),
			statuses: map[semantics.Label]statusStyle{
				semantics.In:    {"accepted", "#1b7f3b", "solid", ""},
				semantics.Out:   {"rejected", "#b42318", "solid", ""},
				semantics.Undec: {"undecided", "#b26b00", "solid", ""},
			},
			withdrawn: withdrawnStyle{"withdrawn", "#9aa0a6", "#80868b", "dashed", "╌╌╌"},
			group:     groupStyle{border: "#b0b4ba", fill: "#fafafa", label: "#3c4043"},
			// Okabe and Ito's colours, told apart by colour-blind readers,
			// with black for their yellow, too pale on white.
			parties: []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"},
		}
	case "dark":
		return &theme{
			name: "dark", background: "#1f2125", ink: "#e8eaed", detail: "#a8adb4", title: "#f1f3f4", link: "#8ab4f8",
			kinds: map[string]kindStyle{
				"claim":     {"#8ab4f8", "#1f2a3a"},
				"premise":   {"#4db6ac", "#1a2e2c"},
				"evidence":  {"#d4b44a", "#2e2a1a"},
				"testimony": {"#f0a35e", "#33261a"},
				"precedent": {"#b39ddb", "#2a2536"},
				"law":       {"#9fa8da", "#232639"},
				"policy":    {"#f48fb1", "#35222c"},
				"value":     {"#4dd0e1", "#1a2f33"},
			},
			other:      kindStyle{"#a8adb4", "#2a2c30"},
			kindLegend: true,
			relations:  relations("#66bb6a", "#ef6a6a", "solid", "──┤"),
			statuses: map[semantics.Label]statusStyle{
				semantics.In:    {"accepted", "#81c995", "solid", ""},
				semantics.Out:   {"rejected", "#f28b82", "solid", ""},
				semantics.Undec: {"undecided", "#fdd663", "solid", ""},
			},
			withdrawn: withdrawnStyle{"withdrawn", "#6f747b", "#8a8f96", "dashed", "╌╌╌"},
			group:     groupStyle{border: "#5f6368", fill: "#26282c", label: "#dadce0"},
			// Okabe and Ito's, in the light theme's order, with their
			// yellow for black.
			parties: []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442"},
		}
	case "print":
		// Black on white, for printers and photocopiers: the kinds are
		// told by their names, the relations by line style and arrowhead,
		// the statuses by border style and badge.
		plain := kindStyle{"#000000", "#ffffff"}
		return &theme{
			name: "print", background: "#ffffff", ink: "#000000", detail: "#404040", title: "#000000", link: "#000000",
			kinds: map[string]kindStyle{
				"claim": plain, "premise": plain, "evidence": plain, "testimony": plain,
				"precedent": plain, "law": plain, "policy": plain, "value": plain,
			},
			other:     plain,
			relations: relations("#000000", "#000000", "dashed", "╌╌┤"),
			// The statuses' legend shows their borders as lines, as the
			// relations' legend does.
			statuses: map[semantics.Label]statusStyle{
				semantics.In:    {"accepted", "#000000", "solid", "━━"},
				semantics.Out:   {"rejected", "#000000", "dashed", "╍╍"},
				semantics.Undec: {"undecided", "#000000", "dotted", "┉┉"},
			},
			// Grey, and dotted: attacks are dashed here.
			withdrawn: withdrawnStyle{"withdrawn", "#808080", "#606060", "dotted", "┈┈┈"},
			group:     groupStyle{border: "#000000", fill: "#ffffff", label: "#000000"},
			// The marks differ by shape.
			parties: []string{"#000000"},
		}
	}
	return nil
}

// kind returns the style of a kind, and whether the kind is known.
func (t *theme) kind(k string) (kindStyle, bool) {
	if s, ok := t.kinds[k]; ok {
		return s, true
	}
	return t.other, false
}
