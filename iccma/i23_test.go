package iccma

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/argmap/argmap/diagnostic"
)

func TestReadI23(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		n       int
		attacks [][2]int
	}{
		{"minimal", "p af 0\n", 0, nil},
		{"no final newline", "p af 2\n1 2", 2, [][2]int{{0, 1}}},
		{"example", "p af 3\n1 2\n2 3\n", 3, [][2]int{{0, 1}, {1, 2}}},
		{"comments and blanks", "# made by hand\n\np af 3\n# attacks\n1 2\n\n   \n2 3\n#end", 3, [][2]int{{0, 1}, {1, 2}}},
		{"CRLF", "p af 2\r\n1 2\r\n2 1\r\n", 2, [][2]int{{0, 1}, {1, 0}}},
		{"tabs and spaces", "  p\taf \t 2 \n\t2   1\t\n", 2, [][2]int{{1, 0}}},
		{"self-attack and repetition", "p af 1\n1 1\n1 1\n", 1, [][2]int{{0, 0}, {0, 0}}},
		{"leading zeros", "p af 010\n010 01\n", 10, [][2]int{{9, 0}}},
		{"many leading zeros", "p af 0000000000000000000000000000003\n3 00000000000000000000000000000000001\n", 3, [][2]int{{2, 0}}},
		{"isolated arguments up to the limit", "p af 65547\n", 65547, nil}, // 11 bytes: FreeArguments + 11 allowed
		{"indented comment", "p af 1\n   # comment\n", 1, nil},
		{"isolated arguments", "p af 5\n5 1\n", 5, [][2]int{{4, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, attacks, err := ReadI23(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadI23: %v", err)
			}
			if n != tt.n || !slices.Equal(attacks, tt.attacks) {
				t.Errorf("ReadI23 = %d, %v; want %d, %v", n, attacks, tt.n, tt.attacks)
			}
			// One byte at a time must read the same.
			n2, attacks2, err := ReadI23(iotest.OneByteReader(strings.NewReader(tt.in)))
			if err != nil || n2 != n || !slices.Equal(attacks2, attacks) {
				t.Errorf("ReadI23 one byte at a time = %d, %v, %v", n2, attacks2, err)
			}
		})
	}
}

func TestReadI23Errors(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the whole message
	}{
		{"empty", "", "1: error[i23-syntax]: missing header \"p af N\""},
		{"only comments", "# nothing\n\n", "1: error[i23-syntax]: missing header \"p af N\""},
		{"attack before header", "# c\n1 2\np af 2\n", "2:1: error[i23-syntax]: \"1\" before the header \"p af N\""},
		{"wrong format", "p cnf 3 2\n", "1:3: error[i23-syntax]: the header must be \"p af N\""},
		{"p alone", "p\n", "1:2: error[i23-syntax]: the header must be \"p af N\""},
		{"no count", "p af\n", "1:5: error[i23-syntax]: the header \"p af N\" lacks the number of arguments N"},
		{"count not a number", "p af three\n", "1:6: error[i23-syntax]: the number of arguments \"three\" is not a non-negative integer"},
		{"negative count", "p af -3\n", "1:6: error[i23-syntax]: the number of arguments \"-3\" is not a non-negative integer"},
		{"huge count", "p af 99999999999\n", "1:6: error[i23-syntax]: 99999999999 arguments are more than the 2147483647 supported"},
		{"overflowing count", "p af 99999999999999999999999\n", "1:6: error[i23-syntax]: 99999999999999999999999 arguments are more than the 2147483647 supported"},
		{"count with many digits", "p af " + strings.Repeat("9", 100) + "\n", "1:6: error[i23-syntax]: " + strings.Repeat("9", 40) + "... (100 digits) arguments are more than the 2147483647 supported"},
		{"header declares more than the file holds", "p af 2147483647\n", "1:6: error[i23-syntax]: the header declares 2147483647 arguments, more than a file of 16 bytes may: at most 65552 (65536, plus one per byte of the file), so that the memory a framework takes stays proportional to its file"},
		{"header limit after attacks", "# c\n p af  100000000\n1 2\n", "2:8: error[i23-syntax]: the header declares 100000000 arguments, more than a file of 25 bytes may: at most 65561 (65536, plus one per byte of the file), so that the memory a framework takes stays proportional to its file"},
		{"one argument past the limit", "p af 65548\n", "1:6: error[i23-syntax]: the header declares 65548 arguments, more than a file of 11 bytes may: at most 65547 (65536, plus one per byte of the file), so that the memory a framework takes stays proportional to its file"},
		{"argument with many digits", "p af 3\n1 " + strings.Repeat("0", 50) + "4\n", "2:3: error[i23-syntax]: argument " + strings.Repeat("0", 40) + "... (51 digits) out of range: the header declares arguments 1..3"},
		{"long argument", "p af 3\n1 " + strings.Repeat("x", 1000) + "\n", "2:3: error[i23-syntax]: argument \"" + strings.Repeat("x", 40) + "\"... (1000 bytes) is not a positive integer"},
		{"control characters", "p af 3\n1 \x1b[2J\a\n", "2:3: error[i23-syntax]: argument \"\\x1b[2J\\a\" is not a positive integer"},
		{"extra after header", "p af 3 4\n", "1:8: error[i23-syntax]: unexpected \"4\" after the header \"p af N\""},
		{"second header", "p af 3\n1 2\np af 3\n", "3:1: error[i23-syntax]: a second header; the header \"p af N\" must appear once"},
		{"one number", "p af 3\n1\n", "2:2: error[i23-syntax]: an attack line is two arguments, \"a b\"; the second is missing"},
		{"three numbers", "p af 3\n1 2 3\n", "2:5: error[i23-syntax]: unexpected \"3\": an attack line is two arguments, \"a b\""},
		{"trailing comment", "p af 3\n1 2 # c\n", "2:5: error[i23-syntax]: unexpected \"#\": an attack line is two arguments, \"a b\""},
		{"zero", "p af 3\n0 2\n", "2:1: error[i23-syntax]: argument 0 out of range: the header declares arguments 1..3"},
		{"too big", "p af 3\n\n1  4\n", "3:4: error[i23-syntax]: argument 4 out of range: the header declares arguments 1..3"},
		{"no arguments", "p af 0\n1 1\n", "2:1: error[i23-syntax]: argument 1 out of range: the header declares no arguments"},
		{"letters", "p af 3\n1 b\n", "2:3: error[i23-syntax]: argument \"b\" is not a positive integer"},
		{"sign", "p af 3\n+1 2\n", "2:1: error[i23-syntax]: argument \"+1\" is not a positive integer"},
		{"apx syntax", "p af 3\natt(1,2).\n", "2:1: error[i23-syntax]: argument \"att(1,2).\" is not a positive integer"},
		{"column after tabs", "p af 3\n\t\t1 x\n", "2:5: error[i23-syntax]: argument \"x\" is not a positive integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, attacks, err := ReadI23(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("ReadI23 = %d, %v, nil; want error %q", n, attacks, tt.want)
			}
			var d diagnostic.Diagnostic
			if !errors.As(err, &d) || d.Code != "i23-syntax" || d.Severity != diagnostic.Error {
				t.Errorf("error %v is a %T, want a diagnostic.Diagnostic of code i23-syntax", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), tt.want)
			}
		})
	}
}

func TestArgumentLimit(t *testing.T) {
	for _, tt := range []struct {
		size int64
		want int
	}{
		{-1, FreeArguments},
		{0, FreeArguments},
		{20, FreeArguments + 20},
		{MaxArguments - FreeArguments, MaxArguments},
		{MaxArguments, MaxArguments},
		{1 << 62, MaxArguments},
	} {
		if got := ArgumentLimit(tt.size); got != tt.want {
			t.Errorf("ArgumentLimit(%d) = %d, want %d", tt.size, got, tt.want)
		}
	}
}

// TestReadFrameworkHeaderIsAClaim checks that the framework of a file is as big as its
// contents warrant, not as its header says: a header declaring more arguments than
// ArgumentLimit allows is an error before anything is allocated for them. (Before the
// limit, "p af 2147483647" made solve die "out of memory"; this test asks for just
// past the limit, so that code without it allocates some 5 to 70 MB and fails, no more.)
func TestReadFrameworkHeaderIsAClaim(t *testing.T) {
	for _, in := range []string{
		"p af 65550\n",
		"p af 1048600\n1 2\n",
	} {
		f, err := ReadFramework(strings.NewReader(in))
		var d diagnostic.Diagnostic
		if !errors.As(err, &d) || d.Range.Start.Line != 1 || d.Range.Start.Column != 6 || !strings.Contains(d.Summary, "more than a file of") {
			n := -1
			if f != nil {
				n = f.Len()
			}
			t.Errorf("ReadFramework(%q) = %d arguments, %v; want a syntax error at 1:6", in, n, err)
		}
	}
	// Within the limit, the isolated arguments are there.
	f, err := ReadFramework(strings.NewReader("p af 1000\n1 2\n"))
	if err != nil || f.Len() != 1000 || f.NumAttacks() != 1 {
		t.Errorf("ReadFramework of 1000 arguments: %v, %v", f, err)
	}
}

func TestReadI23LongLine(t *testing.T) {
	in := "p af 1\n" + strings.Repeat(" ", 2*maxLine) + "1 1\n"
	_, _, err := ReadI23(strings.NewReader(in))
	var d diagnostic.Diagnostic
	if !errors.As(err, &d) || d.Range.Start.Line != 2 || !strings.Contains(err.Error(), "line longer than") {
		t.Errorf("ReadI23 of a %d-byte line: err = %v, want a syntax error on line 2", 2*maxLine, err)
	}
}

func TestReadI23ReadError(t *testing.T) {
	boom := errors.New("boom")
	_, _, err := ReadI23(io.MultiReader(strings.NewReader("p af 2\n1 2\n"), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the reader's error", err)
	}
}

func TestWriteI23RoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 200 {
		n := rng.IntN(50)
		var attacks [][2]int
		if n > 0 {
			for range rng.IntN(200) {
				attacks = append(attacks, [2]int{rng.IntN(n), rng.IntN(n)})
			}
		}
		var buf bytes.Buffer
		if err := WriteI23(&buf, n, attacks); err != nil {
			t.Fatal(err)
		}
		n2, attacks2, err := ReadI23(&buf)
		if err != nil || n2 != n || !slices.Equal(attacks2, attacks) {
			t.Fatalf("#%d: round trip of %d, %v gave %d, %v, %v", i, n, attacks, n2, attacks2, err)
		}
	}
	var buf bytes.Buffer
	if err := WriteI23(&buf, 2, [][2]int{{0, 1}}); err != nil || buf.String() != "p af 2\n1 2\n" {
		t.Errorf("WriteI23 = %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := WriteI23(&buf, 2, [][2]int{{0, 2}}); err == nil || buf.Len() != 0 {
		t.Errorf("WriteI23 with an attack out of range: %q, %v; want an error and nothing written", buf.String(), err)
	}
}

func TestAdjacency(t *testing.T) {
	adj, err := Adjacency(4, [][2]int{{2, 0}, {0, 1}, {2, 3}, {0, 1}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{1, 1}, nil, {0, 3}, nil}
	if len(adj) != 4 {
		t.Fatalf("Len = %d", len(adj))
	}
	for a := range want {
		if !slices.Equal(adj[a], want[a]) {
			t.Errorf("adj[%d] = %v, want %v", a, adj[a], want[a])
		}
	}
	if _, err := Adjacency(2, [][2]int{{1, -1}}); err == nil {
		t.Error("Adjacency with argument -1: no error")
	}
}

func TestReadFramework(t *testing.T) {
	f, err := ReadFramework(strings.NewReader("p af 3\n1 2\n1 2\n3 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Len() != 3 || f.NumAttacks() != 2 || !f.AttacksOn(0, 1) || !f.SelfAttacking(2) {
		t.Errorf("framework: %d arguments, %d attacks", f.Len(), f.NumAttacks())
	}
	if _, err := ReadFramework(strings.NewReader("p af 1\n1 2\n")); err == nil {
		t.Error("ReadFramework of a bad file: no error")
	}
}

// FuzzReadI23 checks that ReadI23 never panics, and that what it accepts is consistent:
// attacks within range, and the same after writing and reading again. The seed corpus
// is in testdata/fuzz/FuzzReadI23.
func FuzzReadI23(f *testing.F) {
	for _, s := range []string{"p af 3\n1 2\n2 3\n", "", "p af 0\n", "# c\np af 2\r\n2 1", "p af 1\n1 1 1\n",
		"p af 2147483647\n", "p af 65600\n1 1\n", "p af 0003\n1 0000000000000000000000000002\n", "p af 3\n1 99999999999999999999999\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, attacks, err := ReadI23(bytes.NewReader(data))
		if err != nil {
			var d diagnostic.Diagnostic
			if !errors.As(err, &d) || d.Range.Start.Line < 1 || d.Range.Start.Column < 0 || d.Range.Start.Offset > len(data) {
				t.Fatalf("error %v (%T) is not a syntax error with a position", err, err)
			}
			return
		}
		if n < 0 || n > ArgumentLimit(int64(len(data))) {
			t.Fatalf("n = %d, more than the %d a file of %d bytes may declare", n, ArgumentLimit(int64(len(data))), len(data))
		}
		for _, a := range attacks {
			if a[0] < 0 || a[0] >= n || a[1] < 0 || a[1] >= n {
				t.Fatalf("attack %v out of range for %d arguments", a, n)
			}
		}
		var buf bytes.Buffer
		if err := WriteI23(&buf, n, attacks); err != nil {
			t.Fatal(err)
		}
		if n > ArgumentLimit(int64(buf.Len())) {
			// The input was padded (comments, zeros) beyond what WriteI23 writes, so
			// its header is past the limit for the shorter file.
			return
		}
		n2, attacks2, err := ReadI23(&buf)
		if err != nil || n2 != n || !slices.Equal(attacks, attacks2) {
			t.Fatalf("round trip: %d, %v, %v; want %d, %v", n2, attacks2, err, n, attacks)
		}
	})
}

// TestReadI23ErrorPos checks the position of a syntax error as diagnostic.Pos has it:
// the byte offset in the file, and a column that counts characters, not bytes.
func TestReadI23ErrorPos(t *testing.T) {
	tests := []struct {
		name, in string
		want     diagnostic.Pos
	}{
		{"missing header: the file as a whole", "", diagnostic.Pos{Line: 1}},
		{"second line", "p af 3\n1 x\n", diagnostic.Pos{Offset: 9, Line: 2, Column: 3}},
		{"after CRLF", "p af 3\r\n\r\n1 x\r\n", diagnostic.Pos{Offset: 12, Line: 3, Column: 3}},
		// Only a line too long can have characters of several bytes before the
		// place of its error: every token before it must be valid.
		{"line too long, of characters of two bytes", "p af 1\n" + strings.Repeat("é", maxLine), diagnostic.Pos{Offset: 7 + maxLine, Line: 2, Column: 1 + maxLine/2}},
		{"header limit", "# c\n p af  100000000\n1 2\n", diagnostic.Pos{Offset: 11, Line: 2, Column: 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadI23(iotest.OneByteReader(strings.NewReader(tt.in)))
			var d diagnostic.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("err = %v, want a diagnostic", err)
			}
			if d.Range.Start != tt.want || d.Range.End != tt.want || d.Range.Filename != "" {
				t.Errorf("range %+v, want %+v with no file name", d.Range, tt.want)
			}
		})
	}
}
