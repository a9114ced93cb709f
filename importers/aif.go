package importers

import (
	"strings"

	"github.com/argmap/argmap/diagnostic"
)

// aifNode is a node of an AIF file.
type aifNode struct {
	id, text, typ string
	v             *jvalue
	in, out       []int // the nodes of the edges into and out of it
}

// ReadAIF reads an argument graph in the JSON form of the Argument
// Interchange Format that AIFdb serves and OVA writes: an object with
// "nodes" (each with "nodeID", "text" and "type") and "edges" (each with
// "fromID" and "toID"), and optionally "locutions" and "participants"; or
// OVA's object whose "AIF" (or "aif") member is that. Ids may be strings or
// numbers.
//
// Each I-node is an argument, whose claim is its text and whose id is
// derived from it. An RA-node is a support from the I-nodes with an edge
// into it to each I-node it has an edge to: a linked reason when it has
// several premises. A CA-node is an attack from each I-node with an edge
// into it on each I-node it has an edge to; a CA-node aimed at an RA-node
// (or at another CA-node) is an undercut of that support (or attack). The
// party of an argument is the participant who said it: the speaker of the
// L-node anchored to it by a YA-node (through "locutions" and
// "participants"), or the "Speaker : " that starts the L-node's text; an
// argument that several speakers assert is theirs, a coalition's.
// Other nodes — transitions (TA), rephrases (MA), preferences (PA) — have no
// place in an argmap map and are left out.
//
// An input that is not such a graph is reported at the JSON path of the
// offending value (such as $.nodes[3].type), with its line and column.
func ReadAIF(name string, data []byte) (*Map, diagnostic.Diagnostics) {
	p := newProblems(name, data)
	data = blankBOM(data)
	b := newBuilder(p)
	root, off, err := parseJSON(data)
	if err != nil {
		p.at("aif-syntax", off, off, "", "%v", err)
		return b.done()
	}
	invalid := func(v *jvalue, detail, format string, args ...any) {
		p.at("aif-invalid", v.start, v.start, detail, v.path+": "+format, args...)
	}
	if root.kind != 'o' {
		invalid(root, "An AIF file is an object with \"nodes\" and \"edges\".", "the file holds %s, not an object", root.describe())
		return b.done()
	}
	graph := root
	for _, key := range []string{"AIF", "aif"} {
		if g := root.field(key); g != nil && g.kind == 'o' {
			graph = g
			break
		}
	}
	nodesV, edgesV := graph.field("nodes"), graph.field("edges")
	if nodesV == nil || nodesV.kind != 'a' {
		if nodesV == nil {
			invalid(graph, "An AIF file lists its nodes in \"nodes\": [{\"nodeID\": \"1\", \"text\": \"...\", \"type\": \"I\"}, ...].", "no \"nodes\" array")
		} else {
			invalid(nodesV, "", "\"nodes\" is %s, not an array", nodesV.describe())
		}
		return b.done()
	}
	if edgesV != nil && edgesV.kind != 'a' {
		invalid(edgesV, "", "\"edges\" is %s, not an array", edgesV.describe())
		return b.done()
	}
	var nodes []*aifNode
	index := map[string]int{}
	for _, nv := range nodesV.elems {
		if nv.kind != 'o' {
			invalid(nv, "", "a node is %s, not an object", nv.describe())
			continue
		}
		idv := nv.field("nodeID")
		if idv == nil {
			invalid(nv, "Each node has a \"nodeID\", a string or a number.", "the node has no \"nodeID\"")
			continue
		}
		id, ok := idv.idString()
		if !ok {
			invalid(idv, "", "\"nodeID\" is %s, not a string or a number", idv.describe())
			continue
		}
		if _, dup := index[id]; dup {
			invalid(idv, "Each node's \"nodeID\" is its own.", "a second node with \"nodeID\" %q", id)
			continue
		}
		n := &aifNode{id: id, v: nv}
		if tv := nv.field("type"); tv == nil || tv.kind != 's' {
			if tv == nil {
				invalid(nv, "Each node has a \"type\": \"I\", \"RA\", \"CA\", \"L\", ...", "the node %q has no \"type\"", id)
			} else {
				invalid(tv, "", "\"type\" is %s, not a string", tv.describe())
			}
			continue
		} else {
			n.typ = strings.ToUpper(strings.TrimSpace(tv.str))
		}
		if tv := nv.field("text"); tv != nil {
			if tv.kind != 's' && tv.kind != 'z' {
				invalid(tv, "", "\"text\" is %s, not a string", tv.describe())
				continue
			}
			n.text = tv.str
		}
		index[id] = len(nodes)
		nodes = append(nodes, n)
	}
	if edgesV != nil {
		for _, ev := range edgesV.elems {
			if ev.kind != 'o' {
				invalid(ev, "", "an edge is %s, not an object", ev.describe())
				continue
			}
			ends := [2]int{-1, -1}
			for i, key := range []string{"fromID", "toID"} {
				v := ev.field(key)
				if v == nil {
					invalid(ev, "Each edge has a \"fromID\" and a \"toID\", the ids of two nodes.", "the edge has no %q", key)
					break
				}
				id, ok := v.idString()
				if !ok {
					invalid(v, "", "%q is %s, not a string or a number", key, v.describe())
					break
				}
				n, ok := index[id]
				if !ok {
					invalid(v, "An edge joins two nodes of \"nodes\".", "no node has the id %q", id)
					break
				}
				ends[i] = n
			}
			if ends[0] >= 0 && ends[1] >= 0 {
				nodes[ends[0]].out = append(nodes[ends[0]].out, ends[1])
				nodes[ends[1]].in = append(nodes[ends[1]].in, ends[0])
			}
		}
	}
	if p.errors() {
		return b.done()
	}
	speakers := aifSpeakers(graph, index, nodes)

	// The I-nodes are the arguments.
	var inames, itexts []string
	var inodes []int
	for i, n := range nodes {
		if n.typ == "I" {
			inames = append(inames, "")
			itexts = append(itexts, n.text)
			inodes = append(inodes, i)
		}
	}
	ids := IDs(inames, itexts, "claim")
	argOf := map[int]string{}
	for k, i := range inodes {
		argOf[i] = ids[k]
		b.argument(&Argument{ID: ids[k], Claim: nodes[i].text, Parties: aifParties(nodes, i, speakers)})
	}

	// Supports and attacks between I-nodes; then the undercuts, which
	// need the relations they undercut.
	relsOf := map[int][]*Relation{}
	dropped := func(n *aifNode, format string, args ...any) {
		p.at("import-dropped", n.v.start, n.v.start, "", n.v.path+": "+format, args...)
	}
	for i, n := range nodes {
		if n.typ != "RA" && n.typ != "CA" {
			continue
		}
		var from []string
		for _, j := range n.in {
			if id, ok := argOf[j]; ok {
				from = append(from, id)
			}
		}
		if len(from) == 0 {
			if !aifTargetsS(nodes, n) {
				dropped(n, "the %s-node %q has no I-node before it: left out", n.typ, n.id)
			}
			continue
		}
		for _, j := range n.out {
			to, ok := argOf[j]
			if !ok {
				continue
			}
			if n.typ == "RA" {
				if r := b.relation("support", from, to, "", n.v.start, n.v.start); r != nil {
					relsOf[i] = append(relsOf[i], r)
				}
				continue
			}
			if len(from) > 1 {
				dropped(n, "the CA-node %q has %d I-nodes before it: written as an attack from each (argmap has no attack by several arguments together)", n.id, len(from))
			}
			for _, f := range from {
				if r := b.relation("attack", []string{f}, to, "", n.v.start, n.v.start); r != nil {
					relsOf[i] = append(relsOf[i], r)
				}
			}
		}
	}
	for _, n := range nodes {
		if n.typ != "CA" {
			continue
		}
		for _, j := range n.out {
			t := nodes[j]
			if t.typ != "RA" && t.typ != "CA" {
				continue
			}
			targets := relsOf[j]
			if len(targets) == 0 {
				dropped(n, "the CA-node %q is aimed at the %s-node %q, which joins no I-nodes: left out", n.id, t.typ, t.id)
				continue
			}
			for _, k := range n.in {
				if from, ok := argOf[k]; ok {
					for _, r := range targets {
						b.undercut(from, r, "")
					}
				}
			}
		}
	}
	for _, n := range nodes {
		switch n.typ {
		case "I", "RA", "CA", "L", "YA", "TA", "MA":
		default:
			dropped(n, "the %s-node %q has no place in an argmap map: left out", n.typ, n.id)
		}
	}
	return b.done()
}

// aifTargetsS reports whether the S-node n is aimed only at S-nodes (an
// undercut), which the second pass reads.
func aifTargetsS(nodes []*aifNode, n *aifNode) bool {
	for _, j := range n.out {
		if t := nodes[j].typ; t == "RA" || t == "CA" {
			return true
		}
	}
	return false
}

// aifSpeakers returns the name of the participant who said each L-node,
// from "locutions" and "participants".
func aifSpeakers(graph *jvalue, index map[string]int, nodes []*aifNode) map[int]string {
	people := map[string]string{}
	if ps := graph.field("participants"); ps != nil && ps.kind == 'a' {
		for _, pv := range ps.elems {
			id, ok := pv.field("participantID").idStringOr()
			if !ok {
				continue
			}
			var parts []string
			for _, k := range []string{"firstname", "surname"} {
				if f := pv.field(k); f != nil && f.kind == 's' && strings.TrimSpace(f.str) != "" {
					parts = append(parts, strings.TrimSpace(f.str))
				}
			}
			people[id] = strings.Join(parts, " ")
		}
	}
	said := map[int]string{}
	if ls := graph.field("locutions"); ls != nil && ls.kind == 'a' {
		for _, lv := range ls.elems {
			nid, ok1 := lv.field("nodeID").idStringOr()
			pid, ok2 := lv.field("personID").idStringOr()
			if !ok1 || !ok2 {
				continue
			}
			if n, ok := index[nid]; ok && people[pid] != "" {
				said[n] = people[pid]
			}
		}
	}
	for i, n := range nodes {
		if n.typ != "L" || said[i] != "" {
			continue
		}
		if speaker, _, ok := strings.Cut(n.text, " : "); ok && len(speaker) <= 80 {
			said[i] = strings.TrimSpace(speaker)
		}
	}
	return said
}

// aifParties are the speakers of the I-node i, of the L-nodes that
// YA-nodes anchor to it, in the order of its edges: its party, or the
// parties of a coalition.
func aifParties(nodes []*aifNode, i int, speakers map[int]string) []string {
	var parties []string
	for _, ya := range nodes[i].in {
		if nodes[ya].typ != "YA" {
			continue
		}
		for _, l := range nodes[ya].in {
			if s := speakers[l]; s != "" && nodes[l].typ == "L" {
				parties = append(parties, s)
			}
		}
	}
	return parties
}

// idStringOr is idString of a value that may be missing.
func (v *jvalue) idStringOr() (string, bool) {
	if v == nil {
		return "", false
	}
	return v.idString()
}
