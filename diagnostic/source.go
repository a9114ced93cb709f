package diagnostic

import (
	"bytes"
	"sort"
	"sync"
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

	// What Pos needs is built on first use, once: a Source may be shared
	// by goroutines (the server checks maps concurrently).
	linesOnce  sync.Once
	lineStarts []int // offset of the first byte of every line
	runesOnce  sync.Once
	runes      runeIndex
}

// NewSource returns the source of a file called name.
func NewSource(name string, data []byte) *Source {
	return &Source{Name: name, Data: data}
}

func (s *Source) lines() []int {
	s.linesOnce.Do(func() {
		starts := make([]int, 1, 1+bytes.Count(s.Data, []byte{'\n'}))
		for i, b := range s.Data {
			if b == '\n' {
				starts = append(starts, i+1)
			}
		}
		s.lineStarts = starts
	})
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
	return Pos{Offset: offset, Line: line + 1, Column: 1 + s.runesBetween(start, offset)}
}

// runesBetween returns utf8.RuneCount(s.Data[start:offset]) for a start that
// is the start of a line or the end of the byte-order mark. Counting from
// the line's start for every position made a long line quadratic (100,000
// includes on one line took minutes): far from the line's start, the count
// is taken from the checkpoints of a runeIndex instead.
func (s *Source) runesBetween(start, offset int) int {
	if offset-start <= runeBlock {
		return runeCount(s.Data[start:offset])
	}
	s.runesOnce.Do(func() { s.runes = newRuneIndex(s.Data) })
	return s.runes.count(s.Data, offset) - s.runes.count(s.Data, start)
}

// runeBlock is the distance in bytes between the checkpoints of a
// runeIndex: what a position costs at most, beside a binary search.
const runeBlock = 256

// runeIndex knows utf8.RuneCount(data[:x]) for every x, at the cost of
// counting at most runeBlock+3 bytes. Decoding UTF-8 from the start of the
// data and from any character boundary, such as the start of a line, cuts
// the bytes into the same characters, so the count from a boundary start
// to x is count(x) - count(start).
type runeIndex struct {
	ascii bool         // the data is ASCII: every byte is a character
	marks []checkpoint // marks[i] is the first boundary at or after byte i*runeBlock
}

type checkpoint struct {
	offset int // a character boundary
	runes  int // characters before it
}

func newRuneIndex(data []byte) runeIndex {
	if isASCII(data) {
		return runeIndex{ascii: true}
	}
	marks := make([]checkpoint, 0, 1+len(data)/runeBlock)
	n := 0
	for i := 0; i < len(data); {
		if i >= len(marks)*runeBlock {
			marks = append(marks, checkpoint{i, n})
		}
		_, size := utf8.DecodeRune(data[i:])
		i += size
		n++
	}
	return runeIndex{marks: marks}
}

// count returns utf8.RuneCount(data[:x]).
func (ix *runeIndex) count(data []byte, x int) int {
	if ix.ascii || x == 0 {
		return x
	}
	i := min(x/runeBlock, len(ix.marks)-1)
	if ix.marks[i].offset > x {
		i-- // x is inside the character that crosses the block's start
	}
	m := ix.marks[i]
	// A character cut by x counts as RuneCount counts its bytes.
	return m.runes + runeCount(data[m.offset:x])
}

// runeCount is utf8.RuneCount, which copies the text it counts (Go 1.26)
// once it meets a character that is not ASCII.
func runeCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(p[i:])
		i += size
	}
	return n
}

func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
