package diagnostic

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestSourcePos(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		offset int
		want   Pos
	}{
		{"empty file", "", 0, Pos{0, 1, 1}},
		{"start", "ab\ncd", 0, Pos{0, 1, 1}},
		{"end of line 1", "ab\ncd", 2, Pos{2, 1, 3}},
		{"start of line 2", "ab\ncd", 3, Pos{3, 2, 1}},
		{"end of file", "ab\ncd", 5, Pos{5, 2, 3}},
		{"past the end", "ab\ncd", 99, Pos{5, 2, 3}},
		{"negative", "ab\ncd", -4, Pos{0, 1, 1}},
		{"after a final newline", "ab\n", 3, Pos{3, 2, 1}},
		{"empty lines", "\n\n\nx", 3, Pos{3, 4, 1}},
		// Columns count code points: é is 2 bytes, “ 3 and 🙂 4.
		{"after é", "é=1", 2, Pos{2, 1, 2}},
		{"after “🙂", "“🙂x", 7, Pos{7, 1, 3}},
		{"multi-byte on line 2", "a\nCalderón = 1", 11, Pos{11, 2, 9}}, // after the 8 letters of Calderón
		{"tab is one column", "\tx", 1, Pos{1, 1, 2}},
		// The byte-order mark is not a column.
		{"BOM, offset after it", "\uFEFFab", 3, Pos{3, 1, 1}},
		{"BOM, in line 1", "\uFEFFab", 4, Pos{4, 1, 2}},
		{"BOM, line 2", "\uFEFFa\nb", 5, Pos{5, 2, 1}},
		{"BOM only", "\uFEFF", 3, Pos{3, 1, 1}},
		// \r is the end of the line it ends; the next line starts after \n.
		{"CRLF, at CR", "ab\r\ncd", 2, Pos{2, 1, 3}},
		{"CRLF, line 2", "ab\r\ncd", 4, Pos{4, 2, 1}},
		{"CRLF, in line 2", "ab\r\ncd", 5, Pos{5, 2, 2}},
		{"lone CR is not a line break", "a\rb", 2, Pos{2, 1, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSource("f.toml", []byte(tt.data))
			if got := s.Pos(tt.offset); got != tt.want {
				t.Errorf("Pos(%d) = %+v, want %+v", tt.offset, got, tt.want)
			}
		})
	}
}

func TestSourceRange(t *testing.T) {
	s := NewSource("f.toml", []byte("ab\ncd"))
	tests := []struct {
		start, end int
		want       Range
	}{
		{0, 2, Range{"f.toml", Pos{0, 1, 1}, Pos{2, 1, 3}}},
		{1, 4, Range{"f.toml", Pos{1, 1, 2}, Pos{4, 2, 2}}},
		{4, 1, Range{"f.toml", Pos{4, 2, 2}, Pos{4, 2, 2}}}, // an end before the start is the start
		{3, 50, Range{"f.toml", Pos{3, 2, 1}, Pos{5, 2, 3}}},
	}
	for _, tt := range tests {
		if got := s.Range(tt.start, tt.end); got != tt.want {
			t.Errorf("Range(%d, %d) = %+v, want %+v", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestSourceLine(t *testing.T) {
	tests := []struct {
		name string
		data string
		n    int
		want string
		ok   bool
	}{
		{"first", "ab\ncd", 1, "ab", true},
		{"last, no newline", "ab\ncd", 2, "cd", true},
		{"past the end", "ab\ncd", 3, "", false},
		{"zero", "ab\ncd", 0, "", false},
		{"negative", "ab\ncd", -1, "", false},
		{"after a final newline", "ab\n", 2, "", true},
		{"CRLF", "ab\r\ncd\r\n", 1, "ab", true},
		{"CRLF, last", "ab\r\ncd\r\n", 2, "cd", true},
		{"lone CR kept", "a\rb\n", 1, "a\rb", true},
		{"BOM kept", "\uFEFFab", 1, "\uFEFFab", true},
		{"empty file", "", 1, "", true},
		{"empty file, line 2", "", 2, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewSource("f.toml", []byte(tt.data)).Line(tt.n)
			if (got != nil) != tt.ok || string(got) != tt.want {
				t.Errorf("Line(%d) = %q (nil: %v), want %q (nil: %v)", tt.n, got, got == nil, tt.want, !tt.ok)
			}
		})
	}
	// A file without data (one that could not be read) has one, empty, line.
	if got := NewSource("f.toml", nil).Line(1); got == nil || len(got) != 0 {
		t.Errorf("Line(1) of a file without data = %q (nil: %v), want an empty line", got, got == nil)
	}
}

// TestSourcePosLineAgree checks that Pos and Line agree on every offset of
// a file with every kind of line ending and multi-byte characters.
func TestSourcePosLineAgree(t *testing.T) {
	data := "\uFEFFa = \"é\"\r\n\n[b]\t# “x”\nc = '🙂'\r\nend"
	s := NewSource("f.toml", []byte(data))
	for off := 0; off <= len(data); off++ {
		p := s.Pos(off)
		line := s.Line(p.Line)
		if line == nil {
			t.Fatalf("Pos(%d) = %+v, but there is no line %d", off, p, p.Line)
		}
		if p.Column < 1 || p.Column > len([]rune(string(line)))+2 {
			t.Errorf("Pos(%d) = %+v: column outside line %q", off, p, line)
		}
	}
}

func TestRangeString(t *testing.T) {
	tests := []struct {
		r    Range
		want string
	}{
		{Range{Filename: "a.toml", Start: Pos{Offset: 5, Line: 2, Column: 3}}, "a.toml:2:3"},
		{FileRange("a.toml"), "a.toml"},
		// As go/token.Position: a line without a column (an i23 file's
		// missing header), and a place in a text that has no name yet.
		{Range{Filename: "af.i23", Start: Pos{Line: 1}}, "af.i23:1"},
		{Range{Start: Pos{Line: 4, Column: 3}}, "4:3"},
		{Range{Start: Pos{Line: 4}}, "4"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.r, got, tt.want)
		}
	}
	if (Pos{}).IsValid() || !(Pos{Line: 1, Column: 1}).IsValid() {
		t.Error("IsValid is wrong for the zero Pos or for 1:1")
	}
}

// longLine returns a file of one line of n include paths, with non-ASCII
// text in each if wide, and the offset of every path.
func longLine(n int, wide bool) ([]byte, []int) {
	var b bytes.Buffer
	b.WriteString("include = [")
	offsets := make([]int, 0, n)
	for i := range n {
		offsets = append(offsets, b.Len())
		if wide {
			fmt.Fprintf(&b, "\"Calderón-%d.toml\", ", i)
		} else {
			fmt.Fprintf(&b, "\"part-%d.toml\", ", i)
		}
	}
	b.WriteString("]\n")
	return b.Bytes(), offsets
}

// BenchmarkPosLongLine measures the positions of every include of a file
// of one line, as the parser takes them: n positions on a line of about
// 20n bytes. Counting each column from the line's start made this
// quadratic.
func BenchmarkPosLongLine(b *testing.B) {
	for _, wide := range []bool{false, true} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			data, offsets := longLine(n, wide)
			name := fmt.Sprintf("ascii/n=%d", n)
			if wide {
				name = fmt.Sprintf("utf8/n=%d", n)
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					s := NewSource("f.toml", data)
					for _, off := range offsets {
						s.Pos(off)
					}
				}
			})
		}
	}
}

// naivePos is Pos as it was: the column counted from the line's start.
func naivePos(data []byte, offset int) Pos {
	offset = max(0, min(offset, len(data)))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	if line == 1 && bytes.HasPrefix(data, utf8BOM) && offset >= len(utf8BOM) {
		start = len(utf8BOM)
	}
	return Pos{Offset: offset, Line: line, Column: 1 + utf8.RuneCount(data[start:offset])}
}

// TestSourcePosNaive checks Pos against the plain count on random text:
// long lines (so that the checkpoints serve), multi-byte characters, bytes
// that are not UTF-8 and characters cut off by a block's start, at every
// offset.
func TestSourcePosNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", " ", "\n", "\r\n", "é", "“", "🙂", "\uFEFF", "\xff", "\x80", "\xe2\x80", "\xf0\x9f", "\xc3"}
	for trial := range 120 {
		var b bytes.Buffer
		if trial%4 == 0 {
			b.Write(utf8BOM)
		}
		n := rng.IntN(3 * runeBlock * 4)
		for b.Len() < n {
			p := pieces[rng.IntN(len(pieces))]
			if p == "\n" || p == "\r\n" {
				if rng.IntN(100) > 2 { // most lines are longer than a block
					continue
				}
			}
			b.WriteString(p)
		}
		data := b.Bytes()
		s := NewSource("f.toml", data)
		for off := -1; off <= len(data)+1; off++ {
			if got, want := s.Pos(off), naivePos(data, off); got != want {
				t.Fatalf("trial %d, %q: Pos(%d) = %+v, want %+v", trial, data, off, got, want)
			}
		}
	}
}

// TestSourcePosLongLine checks the columns of a line far longer than a
// block, in ASCII and not.
func TestSourcePosLongLine(t *testing.T) {
	for _, wide := range []bool{false, true} {
		data, offsets := longLine(2000, wide)
		s := NewSource("f.toml", data)
		for _, off := range offsets {
			if got, want := s.Pos(off), naivePos(data, off); got != want {
				t.Fatalf("wide %v: Pos(%d) = %+v, want %+v", wide, off, got, want)
			}
		}
	}
}

// TestSourceConcurrent uses one Source from several goroutines, as the
// server does with the files of a map; go test -race finds a lazily built
// index that is not guarded.
func TestSourceConcurrent(t *testing.T) {
	data, offsets := longLine(500, true)
	data = append(data, "second = 1\n"...)
	s := NewSource("f.toml", data)
	want := naivePos(data, offsets[len(offsets)-1])
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := s.Pos(offsets[len(offsets)-1]); got != want {
				t.Errorf("Pos = %+v, want %+v", got, want)
			}
			if s.Line(2) == nil {
				t.Error("no line 2")
			}
		}()
	}
	wg.Wait()
}
