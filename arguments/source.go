package arguments

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Source is the text of one file, with what it takes to turn byte offsets
// into line and column positions.
type Source struct {
	Name string // the file's name as argmap shows it
	Data []byte
	// Hidden is set for a file that is not a map (binary, or reached by an
	// include and not an argmap file): Line then returns nil, so that no
	// line of it is ever shown.
	Hidden bool

	lineStarts []int // offset of the first byte of every line; built on first use
}

// NewSource returns the source of a file called name.
func NewSource(name string, data []byte) *Source {
	return &Source{Name: name, Data: data}
}

func (s *Source) lines() []int {
	if s.lineStarts == nil {
		starts := make([]int, 1, 1+bytes.Count(s.Data, []byte{'\n'}))
		for i, b := range s.Data {
			if b == '\n' {
				starts = append(starts, i+1)
			}
		}
		s.lineStarts = starts
	}
	return s.lineStarts
}

// Pos returns the position of a byte offset. Offsets past the end are
// clamped to the end of the file.
func (s *Source) Pos(offset int) Pos {
	offset = max(0, min(offset, len(s.Data)))
	starts := s.lines()
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > offset }) - 1
	start := starts[line]
	if line == 0 && bytes.HasPrefix(s.Data, utf8BOM) && offset >= len(utf8BOM) {
		start = len(utf8BOM) // the byte-order mark is not a column
	}
	return Pos{Offset: offset, Line: line + 1, Column: 1 + utf8.RuneCount(s.Data[start:offset])}
}

// Range returns the range of bytes [start, end) of the file.
func (s *Source) Range(start, end int) Range {
	return Range{Filename: s.Name, Start: s.Pos(start), End: s.Pos(max(start, end))}
}

// Line returns the text of line n (counting from 1) without its line
// ending, or nil if there is no such line or the file is Hidden.
func (s *Source) Line(n int) []byte {
	if s.Hidden {
		return nil
	}
	starts := s.lines()
	if n < 1 || n > len(starts) {
		return nil
	}
	end := len(s.Data)
	if n < len(starts) {
		end = starts[n]
	}
	line := s.Data[starts[n-1]:end]
	if line == nil {
		return []byte{} // line 1 of a file without data: it exists, and is empty
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	return bytes.TrimSuffix(line, []byte{'\r'})
}

// FileRange is the range that stands for a file as a whole.
func FileRange(name string) Range { return Range{Filename: name} }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
