package arguments

import (
	"fmt"

	"github.com/pelletier/go-toml/v2/unstable"
)

// BurntSushi/toml decodes the values and is the authority on what valid TOML
// is, but its MetaData keeps key positions private and has none for array
// elements. A diagnostic about the third id in `attacks = [...]` needs that
// element's column, so argmap indexes the source a second time with the
// syntax tree of go-toml's unstable parser, which records the byte range of
// every key and scalar. The ranges of arrays and inline tables, which that
// parser does not record, are completed by scanning only the filler (blanks,
// commas, comments) between the ranges it does record.

// span is the byte range [start, end) of a piece of source.
type span struct{ start, end int }

func (s span) isZero() bool { return s == span{} }

// node is where one TOML key or value stands in the source, and where what
// it contains stands.
type node struct {
	key   span    // the key naming this entry: the last part of a dotted key
	head  span    // the table header, `[a.b]` or `[[a]]`, that opened it
	val   span    // the value of a key/value pair, or an array element
	kids  []kid   // the keys of a table, in the order they first appear
	elems []*node // the elements of an array, or the tables of an array of tables

	byName map[string]*node // an index of kids, for tables with many keys
}

type kid struct {
	name string
	node *node
}

// at is the span to report a problem with the entry as a whole: its table
// header if it has one, else its key, else its value.
func (n *node) at() span {
	switch {
	case !n.head.isZero():
		return n.head
	case !n.key.isZero():
		return n.key
	}
	return n.val
}

// lookup returns the child entry called name, or nil.
func (n *node) lookup(name string) *node {
	if n == nil {
		return nil
	}
	if n.byName != nil {
		return n.byName[name]
	}
	for _, k := range n.kids {
		if k.name == name {
			return k.node
		}
	}
	return nil
}

// child returns the child entry called name, creating it if needed.
func (n *node) child(name string) *node {
	if c := n.lookup(name); c != nil {
		return c
	}
	c := &node{}
	const mapAbove = 8 // a linear search is faster for the few keys of most tables
	if n.kids == nil {
		// Most tables are arguments, with a handful of keys: one allocation
		// instead of a slice that grows 1, 2, 4, 8.
		n.kids = make([]kid, 0, mapAbove)
	}
	n.kids = append(n.kids, kid{name, c})
	switch {
	case n.byName != nil:
		n.byName[name] = c
	case len(n.kids) > mapAbove:
		n.byName = make(map[string]*node, 2*len(n.kids))
		for _, k := range n.kids {
			n.byName[k.name] = k.node
		}
	}
	return c
}

// descend is child for the keys of table headers: it records where the key
// first appears, so that a table that only a header such as [a.b] defines
// has a position, and it steps into the last table of an array of tables,
// as TOML specifies.
func (ix *indexer) descend(n *node, k keySpan) *node {
	c := ix.headerKey(n, k)
	if len(c.elems) > 0 {
		return c.elems[len(c.elems)-1]
	}
	return c
}

// headerKey returns the child of n named by a key of a table header.
func (ix *indexer) headerKey(n *node, k keySpan) *node {
	c := n.child(k.name)
	if c.key.isZero() {
		c.key = k.span
	}
	if ix.dup == nil && !c.val.isZero() {
		// A key/value pair gave it its value: no header can add to it,
		// not even to an inline table or an array of them.
		ix.dup = &duplicateKeyError{k.name, c.key, k.span}
	}
	return c
}

// elem returns element i of an array, or nil.
func (n *node) elem(i int) *node {
	if n == nil || i < 0 || i >= len(n.elems) {
		return nil
	}
	return n.elems[i]
}

// indexer builds the node tree of one document.
type indexer struct {
	data []byte
	base int // offset of data within the file (after a byte-order mark)
	dup  *duplicateKeyError
}

// duplicateKeyError is a key that a document defines twice. BurntSushi/toml
// rejects that, except around dotted keys and tables: it accepts `a.b = 1`
// followed by `a = 2` and drops the second value
// (github.com/BurntSushi/toml/issues/451), and it accepts `a = [1]` or
// `a = {}` followed by `a.b = 1` or by a header [a.b], and drops the first.
type duplicateKeyError struct {
	name         string
	first, again span
}

func (e *duplicateKeyError) Error() string { return fmt.Sprintf("key %q is defined twice", e.name) }

// buildIndex returns the node tree of a TOML document. On a syntax error it
// returns the tree of what came before the error and the error; callers only
// index documents that BurntSushi/toml accepted. If the document gives a key
// a value that it already defined, it returns the whole tree and a
// *duplicateKeyError.
func buildIndex(data []byte, base int) (*node, error) {
	ix := &indexer{data: data, base: base}
	var p unstable.Parser
	p.Reset(data)
	root := &node{}
	table := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			keys := ix.keySpans(e)
			n := root
			for _, k := range keys {
				n = ix.descend(n, k)
			}
			last := keys[len(keys)-1]
			n.head = ix.header(keys[0].start, last.end)
			table = n
		case unstable.ArrayTable:
			keys := ix.keySpans(e)
			n := root
			for _, k := range keys[:len(keys)-1] {
				n = ix.descend(n, k)
			}
			last := keys[len(keys)-1]
			array := ix.headerKey(n, last)
			entry := &node{key: last.span, head: ix.header(keys[0].start, last.end)}
			array.elems = append(array.elems, entry)
			table = entry
		case unstable.KeyValue:
			ix.keyValue(table, e)
		}
	}
	if err := p.Error(); err != nil {
		return root, err
	}
	if ix.dup != nil {
		return root, ix.dup
	}
	return root, nil
}

type keySpan struct {
	name string
	span
}

func (ix *indexer) keySpans(e *unstable.Node) []keySpan {
	var keys []keySpan
	it := e.Key()
	for it.Next() {
		k := it.Node()
		keys = append(keys, keySpan{string(k.Data), ix.raw(k)})
	}
	return keys
}

func (ix *indexer) raw(n *unstable.Node) span {
	return span{ix.base + int(n.Raw.Offset), ix.base + int(n.Raw.Offset+n.Raw.Length)}
}

// header widens the span of a header's keys to its brackets.
func (ix *indexer) header(start, end int) span {
	s, e := start-ix.base, end-ix.base
	for s > 0 && isBlank(ix.data[s-1]) {
		s--
	}
	for s > 0 && ix.data[s-1] == '[' {
		s--
	}
	for e < len(ix.data) && isBlank(ix.data[e]) {
		e++
	}
	for e < len(ix.data) && ix.data[e] == ']' {
		e++
	}
	return span{ix.base + s, ix.base + e}
}

// keyValue records a key/value pair of table, then its value.
func (ix *indexer) keyValue(table *node, e *unstable.Node) {
	keys := ix.keySpans(e)
	n := table
	for _, k := range keys[:len(keys)-1] {
		n = n.child(k.name)
		if n.key.isZero() {
			n.key = k.span
		}
		if ix.dup == nil && !n.val.isZero() {
			// A dotted key cannot add to a key that has a value, not even
			// to an inline table.
			ix.dup = &duplicateKeyError{k.name, n.key, k.span}
		}
	}
	last := keys[len(keys)-1]
	leaf := n.child(last.name)
	if ix.dup == nil && (!leaf.val.isZero() || !leaf.head.isZero() || len(leaf.kids) > 0 || len(leaf.elems) > 0) {
		// Whatever defined the key before, a key/value pair cannot define
		// it again.
		ix.dup = &duplicateKeyError{last.name, leaf.key, last.span}
	}
	leaf.key = last.span
	// Between the key and its value there are only blanks and '='.
	start := last.end - ix.base
	for start < len(ix.data) && (isBlank(ix.data[start]) || ix.data[start] == '=') {
		start++
	}
	end := ix.value(leaf, e.Value(), start)
	leaf.val = span{ix.base + start, ix.base + end}
}

// value records the elements of an array or the keys of an inline table
// that starts at offset start (relative to data), and returns the offset
// just past the value's end.
func (ix *indexer) value(n *node, v *unstable.Node, start int) int {
	switch v.Kind {
	case unstable.Array:
		pos := start + 1
		for c := v.Child(); c != nil; c = c.Next() {
			if c.Kind == unstable.Comment {
				continue
			}
			elemStart := ix.skipFiller(pos)
			el := &node{}
			pos = ix.value(el, c, elemStart)
			el.val = span{ix.base + elemStart, ix.base + pos}
			n.elems = append(n.elems, el)
		}
		return ix.skipFiller(pos) + 1 // past ']'
	case unstable.InlineTable:
		pos := start + 1
		for c := v.Child(); c != nil; c = c.Next() {
			if c.Kind != unstable.KeyValue {
				continue
			}
			ix.keyValue(n, c)
			pos = int(c.Raw.Offset + c.Raw.Length)
		}
		return ix.skipFiller(pos) + 1 // past '}'
	}
	return int(v.Raw.Offset + v.Raw.Length)
}

// skipFiller returns the offset of the first byte at or after i that is not
// a blank, a line ending, a comma or part of a comment.
func (ix *indexer) skipFiller(i int) int {
	for i < len(ix.data) {
		switch c := ix.data[i]; {
		case isBlank(c), c == '\n', c == '\r', c == ',':
			i++
		case c == '#':
			for i < len(ix.data) && ix.data[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
