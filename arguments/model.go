// Package arguments reads argmap's file format: TOML files that describe a
// debate as arguments and the relations between them. It parses files,
// follows their includes into maps, keeps the exact position of everything
// it reads, and validates maps, reporting every problem as a Diagnostic.
//
// The format is documented in docs/format.md. This package does not draw
// and does not evaluate; it hands a map over as a graph.Graph.
package arguments

import (
	"github.com/argmap/argmap/graph"
)

// FormatVersion is the version of the file format this package reads.
const FormatVersion = 1

// File is one parsed file of a map.
type File struct {
	Name        string // the name argmap shows for the file, such as "examples/debate.toml"
	Source      *Source
	Title       string
	Description string
	Includes    []Include
	Arguments   []*Argument // in the order of the file
	Relations   []*Relation // in the order of the file, both forms of relation

	// Broken is set when the file could not be read or parsed, or its
	// arguments table is not a table: a map that contains it is incomplete,
	// so checks that need the whole map (such as references to unknown
	// arguments) are not run on it.
	Broken bool
}

// Include is one entry of a file's include list.
type Include struct {
	Path  string // as written, relative to the including file
	Range Range  // the string in the include array
}

// Argument is one argument of a map.
type Argument struct {
	ID      string
	Claim   string
	Kind    string // one of Kinds, or another string (a warning), or ""
	Party   string
	Sources []Citation
	// Weight is the base strength for gradual semantics, in [0, 1]; it is
	// DefaultWeight when the file gives none.
	Weight float64

	File  *File
	Range Range // the argument's table header, or its key
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
	Type     graph.Relation
	From, To string
	Note     string

	File      *File
	FromRange Range // where From is named: the argument's header for list relations
	ToRange   Range // where To is named
	// Entry is set for relations written as [[relations]] entries.
	Entry bool
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
// exist. Relations given twice give two edges.
func (m *Map) Graph() *graph.Graph {
	g := graph.New()
	for _, a := range m.Arguments {
		g.AddNode(a.ID)
	}
	for _, r := range m.Relations {
		from, ok1 := g.Node(r.From)
		to, ok2 := g.Node(r.To)
		if ok1 && ok2 {
			g.AddEdge(from, to, r.Type)
		}
	}
	return g
}
