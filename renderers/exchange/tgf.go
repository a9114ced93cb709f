package exchange

import (
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// WriteTGF writes the map m in the Trivial Graph Format, which yEd and
// many graph tools read: a line "ID LABEL" per node, a line "#", then a line
// "FROM TO LABEL" per edge. An argument's node is its id, labelled with its
// claim (line breaks become spaces); an edge's label is its type: "support"
// or "attack". A linked reason and an undercut relation get a node of their
// own, "_r" and a number, labelled "support" or "attack": each member (or the
// source) has a "premise" edge to it, it has a "support" or "attack" edge to
// the conclusion, and each undercutter an "undercut" edge to it, as AIF
// draws them. Kinds, parties, sources and notes have no place in TGF.
func WriteTGF(w io.Writer, m *arguments.Map) error {
	v := newView(m)
	ew := &errWriter{w: w}
	for _, a := range v.args {
		ew.printf("%s %s\n", a.ID, strings.Join(strings.Fields(a.Claim), " "))
	}
	inference := make([]string, len(v.relations))
	for i, r := range v.relations {
		if r.Linked() || len(r.undercuts) > 0 {
			inference[i] = "_r" + strconv.Itoa(i+1)
			ew.printf("%s %s\n", inference[i], typeName(r.Type))
		}
	}
	ew.write("#\n")
	for i, r := range v.relations {
		if inference[i] == "" {
			ew.printf("%s %s %s\n", r.From, r.To, typeName(r.Type))
			continue
		}
		for _, s := range r.Sources() {
			ew.printf("%s %s premise\n", s, inference[i])
		}
		ew.printf("%s %s %s\n", inference[i], r.To, typeName(r.Type))
	}
	for _, u := range v.undercuts {
		ew.printf("%s %s undercut\n", u.From, inference[u.Target])
	}
	return ew.err
}

func typeName(t graph.Relation) string {
	if t == graph.Attack {
		return "attack"
	}
	return "support"
}
