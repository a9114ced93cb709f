package exchange

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// graphmlKeys are the data keys of the GraphML export: id, for, name and
// type of each <key>.
var graphmlKeys = [][4]string{
	{"label", "node", "label", "string"},
	{"kind", "node", "kind", "string"},
	{"party", "node", "party", "string"},
	{"tags", "node", "tags", "string"},
	{"source", "node", "source", "string"},
	{"weight", "node", "weight", "double"},
	{"node_type", "node", "type", "string"},
	{"edge_type", "edge", "type", "string"},
	{"note", "edge", "note", "string"},
}

// WriteGraphML writes the map m as GraphML (http://graphml.graphdrawing.org),
// which yEd, Gephi, Cytoscape and graph libraries read. Every value is a
// data key declared by a <key>: a node's "label" (the claim, which Gephi
// shows as the label and yEd maps with its properties mapper), "kind",
// "party" (a coalition's parties joined by " + "), "tags" (joined by "; "),
// "source" (the names of its sources, joined by "; "), "weight"
// and "type" ("argument", or "inference" for the node of a linked reason or
// of an undercut relation); an edge's "type" ("support", "attack",
// "premise" from a member of a linked reason or the source of an undercut
// relation to its inference, "undercut" from an undercutter to it) and
// "note". An argument's node id is its id; an inference's is "_r" and a
// number, which no argument id can be.
func WriteGraphML(w io.Writer, m *arguments.Map) error {
	v := newView(m)
	ew := &errWriter{w: w}
	ew.write(xml.Header)
	ew.write(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		ew.printf(`  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k[0], k[1], k[2], k[3])
	}
	ew.printf(`  <graph id="%s" edgedefault="directed">`+"\n", xmlText(m.Root.Name))
	if t := v.title(); t != "" {
		ew.printf("    <desc>%s</desc>\n", xmlText(t))
	}
	data := func(indent, key, value string) {
		if value != "" {
			ew.printf(`%s<data key="%s">%s</data>`+"\n", indent, key, xmlText(value))
		}
	}
	for _, a := range v.args {
		ew.printf(`    <node id="%s">`+"\n", a.ID)
		data("      ", "label", a.Claim)
		data("      ", "kind", a.Kind)
		data("      ", "party", a.Party)
		data("      ", "tags", strings.Join(a.Tags, "; "))
		var names []string
		for _, s := range a.Sources {
			names = append(names, s.Name)
		}
		data("      ", "source", strings.Join(names, "; "))
		data("      ", "weight", strconv.FormatFloat(a.Weight, 'g', -1, 64))
		data("      ", "node_type", "argument")
		ew.write("    </node>\n")
	}
	edges := 0
	edge := func(from, to, typ, note string) {
		edges++
		ew.printf(`    <edge id="e%d" source="%s" target="%s">`+"\n", edges, from, to)
		data("      ", "edge_type", typ)
		data("      ", "note", note)
		ew.write("    </edge>\n")
	}
	inference := make([]string, len(v.relations))
	for i, r := range v.relations {
		if r.Linked() || len(r.undercuts) > 0 {
			inference[i] = "_r" + strconv.Itoa(i+1)
			ew.printf(`    <node id="%s">`+"\n", inference[i])
			data("      ", "label", argdownTitle(r))
			data("      ", "node_type", "inference")
			ew.write("    </node>\n")
		}
	}
	for i, r := range v.relations {
		typ := "support"
		if r.Type == graph.Attack {
			typ = "attack"
		}
		if inference[i] == "" {
			edge(r.From, r.To, typ, r.Note)
			continue
		}
		for _, s := range r.Sources() {
			edge(s, inference[i], "premise", "")
		}
		edge(inference[i], r.To, typ, r.Note)
	}
	for _, u := range v.undercuts {
		edge(u.From, inference[u.Target], "undercut", u.Note)
	}
	ew.write("  </graph>\n</graphml>\n")
	return ew.err
}

// xmlText escapes s for XML text and attribute values. Characters that XML
// 1.0 does not allow (most control characters) become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
