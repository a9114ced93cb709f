package exchange

import (
	"io"
	"strconv"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/graph"
)

// AIF is a map in the JSON form of the Argument Interchange Format that
// AIFdb serves and OVA loads and saves: nodes, edges, locutions and
// participants.
type AIF struct {
	Nodes        []AIFNode        `json:"nodes"`
	Edges        []AIFEdge        `json:"edges"`
	Locutions    []AIFLocution    `json:"locutions"`
	Participants []AIFParticipant `json:"participants"`
}

// AIFNode is a node: an I-node (a claim), an RA-node (an inference), a
// CA-node (a conflict), an L-node (a locution: who said it) or a YA-node (the
// illocution that anchors a claim in its locution).
type AIFNode struct {
	NodeID string `json:"nodeID"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	// Timestamp is always "": a map has no time at which a node was
	// drawn, and the same map must give the same bytes.
	Timestamp string `json:"timestamp"`
	Scheme    string `json:"scheme,omitempty"`
}

// AIFEdge is an edge from one node to another.
type AIFEdge struct {
	EdgeID     string  `json:"edgeID"`
	FromID     string  `json:"fromID"`
	ToID       string  `json:"toID"`
	FormEdgeID *string `json:"formEdgeID"` // always null, as AIFdb writes it
}

// AIFLocution ties an L-node to the participant who said it.
type AIFLocution struct {
	NodeID    string  `json:"nodeID"`
	PersonID  string  `json:"personID"`
	Timestamp string  `json:"timestamp"` // always ""
	Start     *string `json:"start"`     // always null
	End       *string `json:"end"`       // always null
	Source    *string `json:"source"`    // always null
}

// AIFParticipant is a speaker, a party of the map.
type AIFParticipant struct {
	ParticipantID string `json:"participantID"`
	Firstname     string `json:"firstname"`
	Surname       string `json:"surname"`
}

// The texts of AIF's default schemes, as OVA names its nodes.
const (
	aifInference = "Default Inference"
	aifConflict  = "Default Conflict"
	aifAsserting = "Asserting"
)

// NewAIF returns the map m in AIF: an I-node for each argument, with its
// claim; an RA-node for each support, with an edge from each premise (one
// for a single support, one per member for a linked reason) and an edge to
// the conclusion; a CA-node for each attack, from the attacker to the
// target; an undercut is a CA-node from the undercutter to the RA-node (or
// the CA-node) of the relation it undercuts. An argument with a party is
// said by a participant of that name: an L-node "PARTY : CLAIM" with a
// locution, anchored to the I-node by a YA-node "Asserting", as AIFdb's
// dialogical maps are; each party of a coalition says it so. Node and edge ids are numbers, as AIFdb gives them,
// in the map's order; every node and locution has the keys AIFdb's have, a
// timestamp "" among them. Relations given twice are written once; critical
// questions, preferences, weights, kinds and sources have no place in AIF
// and are left out.
func NewAIF(m *arguments.Map) *AIF {
	v := newView(m)
	doc := &AIF{Nodes: []AIFNode{}, Edges: []AIFEdge{}, Locutions: []AIFLocution{}, Participants: []AIFParticipant{}}
	next := 0
	newID := func() string { next++; return strconv.Itoa(next) }
	edges := 0
	edge := func(from, to string) {
		edges++
		doc.Edges = append(doc.Edges, AIFEdge{EdgeID: strconv.Itoa(edges), FromID: from, ToID: to})
	}
	inode := map[string]string{}
	for _, a := range v.args {
		id := newID()
		inode[a.ID] = id
		doc.Nodes = append(doc.Nodes, AIFNode{NodeID: id, Text: a.Claim, Type: "I"})
	}
	snode := make([]string, len(v.relations))
	for i, r := range v.relations {
		id := newID()
		snode[i] = id
		if r.Type == graph.Support {
			doc.Nodes = append(doc.Nodes, AIFNode{NodeID: id, Text: aifInference, Type: "RA", Scheme: aifInference})
		} else {
			doc.Nodes = append(doc.Nodes, AIFNode{NodeID: id, Text: aifConflict, Type: "CA", Scheme: aifConflict})
		}
		for _, s := range r.Sources() {
			edge(inode[s], id)
		}
		edge(id, inode[r.To])
	}
	for _, u := range v.undercuts {
		id := newID()
		doc.Nodes = append(doc.Nodes, AIFNode{NodeID: id, Text: aifConflict, Type: "CA", Scheme: aifConflict})
		edge(inode[u.From], id)
		edge(id, snode[u.Target])
	}
	people := map[string]string{}
	for _, a := range v.args {
		for _, party := range partiesOf(a) {
			person, ok := people[party]
			if !ok {
				person = strconv.Itoa(len(people) + 1)
				people[party] = person
				doc.Participants = append(doc.Participants, AIFParticipant{ParticipantID: person, Firstname: party})
			}
			l, ya := newID(), newID()
			doc.Nodes = append(doc.Nodes,
				AIFNode{NodeID: l, Text: party + " : " + a.Claim, Type: "L"},
				AIFNode{NodeID: ya, Text: aifAsserting, Type: "YA", Scheme: aifAsserting})
			doc.Locutions = append(doc.Locutions, AIFLocution{NodeID: l, PersonID: person})
			edge(l, ya)
			edge(ya, inode[a.ID])
		}
	}
	return doc
}

// WriteAIF writes the map m in AIF (see NewAIF), indented by two spaces.
func WriteAIF(w io.Writer, m *arguments.Map) error {
	return writeIndented(w, NewAIF(m))
}

// partiesOf is the party of a, or the parties of its coalition.
func partiesOf(a *arguments.Argument) []string {
	if len(a.Parties) > 0 {
		return a.Parties
	}
	if a.Party != "" {
		return []string{a.Party}
	}
	return nil
}
