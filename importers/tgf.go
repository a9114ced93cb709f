package importers

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/argmap/argmap/diagnostic"
)

// ReadTGF reads a graph in the Trivial Graph Format: a line "ID LABEL" for
// each node, a line "#", then a line "FROM TO LABEL" for each edge. Each
// node is an argument whose claim is its label (its id when it has none)
// and whose id is its TGF id, when that is an argmap id, else one derived
// from the label. An edge's label is its type: "support", "attack",
// "premise" or "undercut", or none, which is an attack, as in the abstract
// frameworks that argumentation tools write in TGF; another label is read as
// an attack, with a warning. A node that "premise" edges go into is the
// inference of a relation, as argmap export writes them: its premises
// support (or attack) what its own edge leads to, a linked reason when they
// are several, and the sources of its "undercut" edges undercut it.
func ReadTGF(name string, data []byte) (*Map, diagnostic.Diagnostics) {
	p := newProblems(name, data)
	data = blankBOM(data)
	b := newBuilder(p)
	type node struct{ id, label string }
	type edge struct {
		from, to, label string
		start, end      int
		toStart         int
	}
	var nodes []node
	index := map[string]int{}
	var edges []edge
	inEdges := false
	off := 0
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		start := off
		off += len(line)
		text := strings.TrimRight(string(line), "\r\n")
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			continue
		}
		lead := len(text) - len(strings.TrimLeft(text, " \t"))
		if trimmed == "#" {
			if inEdges {
				p.at("tgf-syntax", start+lead, start+lead+1, "A TGF file has one line \"#\", between its nodes and its edges.", "a second \"#\" line")
				return b.done()
			}
			inEdges = true
			continue
		}
		first, rest := cutToken(text)
		if !inEdges {
			if _, dup := index[first]; dup {
				p.at("tgf-syntax", start+lead, start+lead+len(first), "Each node's id is its own.", "a second node %s", strconv.Quote(first))
				return b.done()
			}
			index[first] = len(nodes)
			nodes = append(nodes, node{first, rest})
			continue
		}
		second, label := cutToken(rest)
		secondAt := start + strings.Index(text[lead+len(first):], second) + lead + len(first)
		if second == "" {
			p.at("tgf-syntax", start+lead+len(first), start+lead+len(first), "An edge line is \"FROM TO LABEL\".", "the edge from %s has no target", strconv.Quote(first))
			return b.done()
		}
		edges = append(edges, edge{first, second, label, start + lead, start + len(text), secondAt})
	}
	// Check the edges, and find the inference nodes.
	kinds := map[string]string{"support": "support", "attack": "attack", "premise": "premise", "undercut": "undercut", "": "attack"}
	inference := map[string]bool{}
	for i, e := range edges {
		for j, end := range []string{e.from, e.to} {
			if _, ok := index[end]; !ok {
				at := e.start
				if j == 1 {
					at = e.toStart
				}
				p.at("tgf-syntax", at, at+len(end), "Each edge joins two nodes of the lines before \"#\".", "no node %s", strconv.Quote(end))
				return b.done()
			}
		}
		k, ok := kinds[strings.ToLower(e.label)]
		if !ok {
			p.at("import-dropped", e.start, e.end, "The labels argmap reads are support, attack, premise and undercut.", "the edge label %s is read as an attack", strconv.Quote(e.label))
			k = "attack"
		}
		edges[i].label = k
		if k == "premise" {
			inference[e.to] = true
		}
	}
	var names, texts []string
	var argNodes []int
	for i, n := range nodes {
		if !inference[n.id] {
			names, texts = append(names, n.id), append(texts, n.label)
			argNodes = append(argNodes, i)
		}
	}
	ids := IDs(names, texts, "argument")
	idOf := map[string]string{}
	for k, i := range argNodes {
		idOf[nodes[i].id] = ids[k]
		b.argument(&Argument{ID: ids[k], Claim: nodes[i].label})
	}
	premises := map[string][]string{}
	for _, e := range edges {
		if e.label == "premise" {
			if from, ok := idOf[e.from]; ok {
				premises[e.to] = append(premises[e.to], from)
			}
		}
	}
	relsOf := map[string][]*Relation{}
	for _, e := range edges {
		if e.label != "support" && e.label != "attack" {
			continue
		}
		to, ok := idOf[e.to]
		if !ok {
			p.at("import-dropped", e.start, e.end, "", "the %s of an inference node left out", e.label)
			continue
		}
		if !inference[e.from] {
			b.relation(e.label, []string{idOf[e.from]}, to, "", e.start, e.end)
			continue
		}
		from := premises[e.from]
		if e.label == "attack" && len(from) > 1 {
			p.at("import-dropped", e.start, e.end, "", "an attack from %d premises together: written as an attack from each", len(from))
			for _, f := range from {
				if r := b.relation("attack", []string{f}, to, "", e.start, e.end); r != nil {
					relsOf[e.from] = append(relsOf[e.from], r)
				}
			}
			continue
		}
		if r := b.relation(e.label, from, to, "", e.start, e.end); r != nil {
			relsOf[e.from] = append(relsOf[e.from], r)
		}
	}
	for _, e := range edges {
		if e.label != "undercut" {
			continue
		}
		from, ok := idOf[e.from]
		if !ok || len(relsOf[e.to]) == 0 {
			p.at("import-dropped", e.start, e.end, "An undercut goes from an argument to an inference node (one that premise edges go into).", "the undercut of %s left out", strconv.Quote(e.to))
			continue
		}
		for _, r := range relsOf[e.to] {
			b.undercut(from, r, "")
		}
	}
	return b.done()
}
