// Package arguments reads argmap's file format: TOML files that describe a
// debate as arguments and the relations between them. It parses files,
// follows their includes into maps, keeps the exact position of everything
// it reads, and validates maps, reporting every problem as a Diagnostic.
//
// The format is documented in docs/format.md. This package does not draw
// and does not evaluate; it hands a map over as a graph.Graph.
package arguments

import (
	"sync"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/internal/suggest"
)

// FormatVersion is the version of the file format this package reads.
const FormatVersion = 1

// File is one parsed file of a map.
type File struct {
	Name        string // the name argmap shows for the file, such as "examples/debate.toml"
	Source      *diagnostic.Source
	Title       string
	Description string
	Includes    []Include
	Arguments   []*Argument // in the order of the file
	Relations   []*Relation // in the order of the file, both forms of relation
	Undercuts   []*Undercut
	// Schemes are the argument schemes the file defines; QuestionRelations
	// its entries that raise or answer critical questions (schemes.go).
	Schemes           []*Scheme
	QuestionRelations []*QuestionRelation
	// Expectations are the outcomes the file expects, one per semantics.
	Expectations []*Expectation
	// Thresholds are the keys of the file's [standards] table.
	Thresholds  []*Threshold
	Preferences []*Preference // the [[preferences]] entries, in order
	Priorities  *Priorities   // the [priorities] table, or nil

	// Broken is set when the file could not be read or parsed, or its
	// arguments table is not a table: a map that contains it is incomplete,
	// so checks that need the whole map (such as references to unknown
	// arguments) are not run on it.
	Broken bool
}

// Include is one entry of a file's include list.
type Include struct {
	Path  string           // as written, relative to the including file
	Range diagnostic.Range // the string in the include array
}

// Argument is one argument of a map.
type Argument struct {
	ID      string
	Claim   string
	Kind    string // one of Kinds, or another string (a warning), or ""
	Party   string // who puts it forward, as written; a coalition's members joined by " + "
	Sources []Citation
	// Parties are the party, or the members of a coalition (party = ["A",
	// "B"]), in the order written, each once and none blank; nil when the
	// argument has no party.
	Parties []string
	// Tags are the argument's tags (tags = [...]), in the order written,
	// each once and none blank: labels of the author's own, such as
	// "legal basis: self-defence", that a drawing can group by.
	Tags []string

	// Title is a short name for the argument, a few words, as Argdown's
	// bold titles; "" if the file gives none. Drawings show it above the
	// claim, or instead of it in a compact figure.
	Title      string
	TitleRange diagnostic.Range

	// Weight is the base strength for gradual semantics, in [0, 1]; it is
	// DefaultWeight when the file gives none.
	Weight float64
	// Proof is the argument's proof standard and burden of proof.
	Proof Proof
	// Rank and Date place the argument, a norm, for the priorities a map
	// derives (see Priorities): the higher rank prevails under lex
	// superior, the later date ("YYYY-MM-DD") under lex posterior.
	// Ranked is set when the file gives a rank.
	Rank   int64
	Ranked bool
	Date   string
	// Scheme is the name of the argument's scheme, or "" (schemes.go).
	Scheme      string
	SchemeRange diagnostic.Range
	// Note is a remark on the argument, for the reader of its drawing
	// (argmap render draws it under the claim, or as a footnote);
	// NoteRange is where it is written.
	Note      string
	NoteRange diagnostic.Range

	File  *File
	Range diagnostic.Range // the argument's table header, or its key
}

// DefaultWeight is the weight of an argument whose file gives none.
const DefaultWeight = 0.5

// Citation is one source of an argument.
type Citation struct {
	Name  string
	URL   string
	Date  string
	Quote string
}

// Relation is a support or attack from one argument to another, written
// either in the argument's supports/attacks list or as a [[relations]] entry.
type Relation struct {
	Type graph.Relation
	// From is the source's id; for a linked reason, from = ["r1", "r2"], it
	// is LinkedName(Members), "r1+r2", and Members are the ids as written.
	From, To string
	Members  []string
	Note     string

	File      *File
	FromRange diagnostic.Range // where From is named: the argument's header for list relations
	ToRange   diagnostic.Range // where To is named
	// Entry is set for relations written as [[relations]] entries.
	Entry bool
	// MemberRanges are where each of Members is named.
	MemberRanges []diagnostic.Range
}

// Undercut is an argument aimed at the inference of a relation, a support
// (also a linked reason) or an attack: it
// disputes neither claim, only that the one supports the other ("designation
// makes cartels lawful targets — unless trafficking is not an armed
// attack"). It is written as a [[relations]] entry of type "undercut" whose
// `to` names the support: to = { from = "designation", to = "strike" }.
type Undercut struct {
	From    string
	Support Inference // the relation undercut: a support, a linked reason or an attack
	Note    string

	File         *File
	FromRange    diagnostic.Range
	SupportRange diagnostic.Range // the `to` table
}

// Inference names a relation between From and To: a support, or an attack,
// that the map has. From is LinkedName of the members of a linked reason.
type Inference struct{ From, To string }

// Name is the name of the inference as a node of the map's graph and of
// its drawing: "from->to", which no allowed argument id can be. It is a
// name to show, not a way to tell an inference from an argument: the
// graph's nodes have a kind for that.
func (i Inference) Name() string { return i.From + "->" + i.To }

// Expectation is an [expect.SEMANTICS] table: the labels the author expects
// some arguments to have under a semantics, checked by argmap check.
type Expectation struct {
	Semantics    string // as written: "grounded", "preferred", ...
	Support      string // the support mode as written, or "" for the default
	Labels       []ExpectedLabel
	File         *File
	Range        diagnostic.Range // the table's header
	SupportRange diagnostic.Range
}

// ExpectedLabel is one argument's expected label: "in", "out" or "undec".
type ExpectedLabel struct {
	ID    string
	Label string
	Range diagnostic.Range // the id in its list
}

// Kind describes one of the known argument kinds.
type Kind struct {
	Name        string
	Description string
}

var kinds = []Kind{
	{"claim", "a conclusion put forward for acceptance"},
	{"premise", "a reason offered for another argument"},
	{"evidence", "a reported fact, figure or observation"},
	{"testimony", "what a named person said (an official, an expert, a witness)"},
	{"precedent", "a past case or policy cited as authority or as a lesson"},
	{"law", "a legal norm: a treaty, a statute, a constitution, customary law"},
	{"policy", "a proposed course of action"},
	{"value", "a value or interest appealed to (sovereignty, security)"},
}

// Kinds returns the known argument kinds, in documentation order.
func Kinds() []Kind { return append([]Kind(nil), kinds...) }

// Map is a whole argument map: a root file and the files it includes.
type Map struct {
	Root        *File
	Files       []*File // the root first, then included files in the order they are first included
	Title       string
	Description string
	Arguments   []*Argument // all arguments, file by file, in order; an id defined twice appears once
	Relations   []*Relation // all relations, file by file, in order
	Undercuts   []*Undercut
	// Schemes are the schemes the map's files define, each once;
	// QuestionRelations the entries that raise or answer critical questions.
	Schemes           []*Scheme
	QuestionRelations []*QuestionRelation
	// Expectations are the outcomes the map's files expect.
	Expectations []*Expectation
	// Thresholds are the map's thresholds of the proof standards: for each,
	// the first file's that gives it, else its default.
	Thresholds  Thresholds
	Preferences []*Preference // every file's [[preferences]] entries, file by file
	Priorities  *Priorities   // the map's [priorities] table, or nil

	order      *order         // the preference order, built on first use
	orderOnce  sync.Once      // a map may be evaluated by several goroutines
	byID       map[string]int // index in Arguments
	incomplete bool           // an included file could not be read
}

// Argument returns the argument with the given id, or nil.
func (m *Map) Argument(id string) *Argument {
	if i, ok := m.byID[id]; ok {
		return m.Arguments[i]
	}
	return nil
}

// ClosestID returns the id of the map's argument closest to id, a likely
// typo of it, or "" when none is close enough: for the did-you-mean of a
// command that is given an id.
func (m *Map) ClosestID(id string) string {
	ids := make([]string, len(m.Arguments))
	for i, a := range m.Arguments {
		ids[i] = a.ID
	}
	return suggest.Closest(id, ids)
}

// Complete reports whether every file of the map could be read and parsed.
func (m *Map) Complete() bool {
	if m.incomplete {
		return false
	}
	for _, f := range m.Files {
		if f.Broken {
			return false
		}
	}
	return true
}

// Graph returns the map as a graph: one node per argument, named by its id,
// in the order of m.Arguments, and one edge per relation whose ends both
// exist (relations given twice give two edges).
//
// An undercut support gets a node of its own, after the arguments: the
// inference, of kind graph.Inference, named by Inference.Name ("from->to"),
// whose premise and conclusion g.Inference gives. The support from->to
// becomes a premise edge from the supporting argument to the inference
// (graph.Premise: the inference cannot stand without it) and a support from
// the inference to the supported argument, and each undercut is an attack
// on the inference — as AIF draws an inference (RA) node. The semantics
// evaluate the inference like any argument; it is not an argument of the
// map, and reports leave it out. Callers tell the two apart by g.Kind, not
// by a node's name or its number: in a map with errors an argument may
// have an inference's name.
//
// A linked reason, from = ["r1", "r2"], is an inference too (g.Premises
// gives its premises), with a premise edge from each member and a support
// to its conclusion: it stands only when every member does. An undercut
// attack a→b is an inference with a premise edge from a and an attack on b,
// which its undercuts attack: the reduction of an attack on an attack to
// Dung's frameworks (Baroni et al. 2011, AFRA).
//
// A critical question raised against an argument with a scheme gets a node
// of kind graph.Question, after the inferences, that attacks the argument
// (see addQuestions in schemes.go).
func (m *Map) Graph() *graph.Graph {
	g := graph.New()
	for _, a := range m.Arguments {
		g.AddNode(a.ID)
	}
	infs := m.graphReasons(g)
	for _, r := range m.Relations {
		to, ok := g.Node(r.To)
		if !ok {
			continue
		}
		if inf, ok := infs[relationOf{Inference{r.From, r.To}, r.Type}]; ok {
			for _, id := range (Inference{r.From, r.To}).Premises() {
				from, _ := g.Node(id)
				g.AddEdge(from, inf, graph.Premise)
			}
			g.AddEdge(inf, to, r.Type)
			continue
		}
		if from, ok := g.Node(r.From); ok && !r.Linked() {
			g.AddEdge(from, to, r.Type)
		}
	}
	for _, u := range m.Undercuts {
		from, ok := g.Node(u.From)
		if !ok {
			continue
		}
		inf, undercuts := infs[relationOf{u.Support, graph.Support}]
		if !undercuts {
			inf, undercuts = infs[relationOf{u.Support, graph.Attack}]
		}
		if undercuts {
			g.AddEdge(from, inf, graph.Attack)
		}
	}
	m.addQuestions(g)
	return g
}
