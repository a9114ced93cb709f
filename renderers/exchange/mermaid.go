package exchange

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// mermaidKinds are the colours of the argument kinds (stroke, fill), those
// of argmap render's light theme.
var mermaidKinds = [][3]string{
	{"claim", "#1f5fa8", "#eaf1fb"},
	{"premise", "#00796b", "#e6f4f2"},
	{"evidence", "#8d6e00", "#fbf5e1"},
	{"testimony", "#b35900", "#fdefe2"},
	{"precedent", "#5d4b8a", "#f0edf7"},
	{"law", "#283593", "#e9ebf7"},
	{"policy", "#8e2470", "#f9eaf4"},
	{"value", "#00838f", "#e4f5f7"},
}

// The colours of the relations, as argmap render draws them.
const (
	mermaidSupport = "#2e7d32"
	mermaidAttack  = "#c62828"
)

// WriteMermaid writes the map m as a Mermaid flowchart (a "flowchart RL",
// conclusions on the left as argmap render draws them), to paste into a
// Markdown file in a ```mermaid block, which GitHub draws. Each argument is
// a box with its claim, coloured by its kind (classDef); a support is a
// green arrow, an attack a red one ending in a cross, an undercut a dotted
// red one (linkStyle). A linked reason and an undercut relation go through a
// small round node of their own, as AIF's inference nodes, which the
// undercut points at. Node ids are n1, n2, ... in the map's order (Mermaid
// reserves words such as "end", and reads "-" in an id as part of an
// arrow); a comment line gives each node's argmap id. Quotes, '#', '<', '>'
// and '&' of a claim are written as Mermaid's entity codes.
func WriteMermaid(w io.Writer, m *arguments.Map) error {
	v := newView(m)
	ew := &errWriter{w: w}
	if t := v.title(); t != "" {
		ew.printf("---\ntitle: %s\n---\n", jsonString(t))
	}
	ew.write("flowchart RL\n")
	node := map[string]string{}
	byKind := map[string][]string{}
	for i, a := range v.args {
		id := "n" + strconv.Itoa(i+1)
		node[a.ID] = id
		ew.printf("  %%%% %s: %s\n", id, a.ID)
		ew.printf("  %s[\"%s\"]\n", id, mermaidLabel(a.Claim))
		byKind[a.Kind] = append(byKind[a.Kind], id)
	}
	var supports, attacks, undercuts []int
	links := 0
	link := func(from, arrow, to string, list *[]int) {
		ew.printf("  %s %s %s\n", from, arrow, to)
		if list != nil {
			*list = append(*list, links)
		}
		links++
	}
	inference := make([]string, len(v.relations))
	for i, r := range v.relations {
		list, arrow := &supports, "-->"
		if r.Type == graph.Attack {
			list, arrow = &attacks, "--x"
		}
		if !r.Linked() && len(r.undercuts) == 0 {
			link(node[r.From], arrow, node[r.To], list)
			continue
		}
		id := "r" + strconv.Itoa(i+1)
		inference[i] = id
		ew.printf("  %s((\" \"))\n", id)
		for _, s := range r.Sources() {
			link(node[s], "---", id, list)
		}
		link(id, arrow, node[r.To], list)
	}
	for _, u := range v.undercuts {
		link(node[u.From], "-.-x", inference[u.Target], &undercuts)
	}
	for _, k := range mermaidKinds {
		if ids := byKind[k[0]]; len(ids) > 0 {
			ew.printf("  classDef %s stroke:%s,fill:%s,color:#1a1a1a\n", k[0], k[1], k[2])
			ew.printf("  class %s %s\n", strings.Join(ids, ","), k[0])
		}
	}
	var other []string
	for kind, ids := range byKind {
		if !slices.ContainsFunc(mermaidKinds, func(k [3]string) bool { return k[0] == kind }) {
			other = append(other, ids...)
		}
	}
	if len(other) > 0 {
		slices.SortFunc(other, func(a, b string) int { return mermaidNumber(a) - mermaidNumber(b) })
		ew.printf("  classDef other stroke:#5f6368,fill:#f3f4f5,color:#1a1a1a\n")
		ew.printf("  class %s other\n", strings.Join(other, ","))
	}
	style := func(list []int, css string) {
		if len(list) == 0 {
			return
		}
		nums := make([]string, len(list))
		for i, n := range list {
			nums[i] = strconv.Itoa(n)
		}
		ew.printf("  linkStyle %s %s\n", strings.Join(nums, ","), css)
	}
	style(supports, fmt.Sprintf("stroke:%s,stroke-width:2px", mermaidSupport))
	style(attacks, fmt.Sprintf("stroke:%s,stroke-width:2px", mermaidAttack))
	style(undercuts, fmt.Sprintf("stroke:%s,stroke-width:2px,stroke-dasharray:4 3", mermaidAttack))
	return ew.err
}

func mermaidNumber(id string) int {
	n, _ := strconv.Atoi(id[1:])
	return n
}

// mermaidLabel is a claim as the text of a quoted Mermaid label, on one
// line (Mermaid wraps it to the box), with the characters that Mermaid or
// HTML would read written as entity codes.
func mermaidLabel(s string) string {
	return mermaidEntities.Replace(strings.Join(strings.Fields(s), " "))
}

var mermaidEntities = strings.NewReplacer(`"`, "#quot;", "#", "#35;", "<", "#lt;", ">", "#gt;", "&", "#amp;")
