// Package iccma reads and writes the formats of the International Competition on
// Computational Models of Argumentation (ICCMA 2023): the i23 file format of abstract
// argumentation frameworks, the names of reasoning tasks such as "DC-PR", and the exact
// output a competition solver prints. [Run] solves a task with package semantics and
// prints that output.
package iccma

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/argmap/argmap/diagnostic"
	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// MaxArguments is the largest number of arguments ReadI23 accepts in any file; see
// [ArgumentLimit] for the limit that depends on the file's size.
const MaxArguments = math.MaxInt32

// FreeArguments is how many arguments the header of an i23 file may declare whatever
// the file's size; see [ArgumentLimit].
const FreeArguments = 1 << 16

// ArgumentLimit returns the most arguments the header "p af N" of an i23 file of size
// bytes may declare: [FreeArguments] plus one per byte of the file, and at most
// [MaxArguments].
//
// The header's N is a claim, and a framework costs memory and time for every argument
// (some 150 bytes each to build and to solve under grounded semantics), whether or not
// an attack names it.
// Without a limit a 20-byte file "p af 2147483647" would ask for hundreds of gigabytes.
// With it, the cost of a file stays proportional to its size, while any file in which
// most arguments take part in an attack (each attack line names two in four bytes or
// more) is within the limit.
func ArgumentLimit(size int64) int {
	if size < 0 {
		size = 0
	}
	if size > MaxArguments-FreeArguments {
		return MaxArguments
	}
	return FreeArguments + int(size)
}

// rules are the diagnostics of the i23 format: a file that is not valid i23 is an
// error of code "i23-syntax".
var rules = diagnostic.NewRules([]diagnostic.Rule{
	{Code: "i23-syntax", Severity: diagnostic.Error, Summary: "The file is not a valid i23 file (an ICCMA 2023 argumentation framework)."},
})

// syntaxError returns the diagnostic of a syntax error at pos.
func syntaxError(pos diagnostic.Pos, format string, args ...any) diagnostic.Diagnostic {
	return rules.New("i23-syntax", diagnostic.Range{Start: pos, End: pos}, "", format, args...)
}

// ReadI23 reads an argumentation framework in the ICCMA 2023 i23 format:
//
//	# a comment
//	p af 3
//	1 2
//	2 3
//
// The header "p af N" declares the arguments 1..N and must come before the attacks.
// Each further line "a b" says that argument a attacks argument b. Lines whose first
// non-blank character is '#' are comments; blank lines are ignored; tokens are separated
// by spaces or tabs, and lines may end in "\r\n". An attack may be given more than once.
//
// ReadI23 returns the number of arguments and the attacks, converted to 0-based
// arguments (so "1 2" becomes [0 1]). An error in the file is a [diagnostic.Diagnostic]
// of code "i23-syntax" at its line and column (column 0 when the problem is the file as
// a whole, such as a missing header), with no file name: the caller, which knows the
// name, sets Range.Filename. An error reading r is returned as is. A header declaring more
// arguments than [ArgumentLimit] allows for the size of the file is an error, found
// at the end of the file.
//
// ReadI23 allocates for what the file contains, never for what its header declares:
// its memory is proportional to the number of attack lines, and no line it keeps is
// longer than 1 MiB.
func ReadI23(r io.Reader) (n int, attacks [][2]int, err error) {
	cr := &countingReader{r: r}
	br := bufio.NewReaderSize(cr, 64*1024)
	header := false
	var headerPos diagnostic.Pos
	var line []byte
	var toks [4]token
	offset := 0 // of the next line
	for lineNo := 1; ; lineNo++ {
		lineStart := offset
		var size int
		line, size, err = readLine(br, line[:0])
		offset += size
		// at returns the position of the byte column col (1-based) of the line; the
		// position's column counts characters, as diagnostic.Pos does.
		at := func(col int) diagnostic.Pos {
			return diagnostic.Pos{Offset: lineStart + col - 1, Line: lineNo, Column: 1 + utf8.RuneCount(line[:col-1])}
		}
		if err == errLineTooLong {
			return 0, nil, syntaxError(at(maxLine+1), "line longer than %d bytes", maxLine)
		}
		if err == io.EOF && len(line) == 0 {
			break
		}
		if err != nil && err != io.EOF {
			return 0, nil, err
		}
		toks := fields(line, &toks)
		if len(toks) == 0 || line[toks[0].start] == '#' {
			continue
		}
		syntax := func(col int, format string, args ...any) error {
			return syntaxError(at(col), format, args...)
		}
		if string(toks[0].text(line)) == "p" {
			if header {
				return 0, nil, syntax(toks[0].start+1, "a second header; the header \"p af N\" must appear once")
			}
			if len(toks) < 2 || string(toks[1].text(line)) != "af" {
				col := toks[0].end + 1
				if len(toks) >= 2 {
					col = toks[1].start + 1
				}
				return 0, nil, syntax(col, "the header must be \"p af N\"")
			}
			if len(toks) < 3 {
				return 0, nil, syntax(toks[1].end+1, "the header \"p af N\" lacks the number of arguments N")
			}
			if len(toks) > 3 {
				return 0, nil, syntax(toks[3].start+1, "unexpected %s after the header \"p af N\"", toks[3].show(line))
			}
			v, ok := parseUint(toks[2].text(line))
			if !ok {
				return 0, nil, syntax(toks[2].start+1, "the number of arguments %s is not a non-negative integer", toks[2].show(line))
			}
			if v > MaxArguments {
				return 0, nil, syntax(toks[2].start+1, "%s arguments are more than the %d supported", toks[2].number(line), MaxArguments)
			}
			n, header = int(v), true
			headerPos = at(toks[2].start + 1)
			continue
		}
		if !header {
			return 0, nil, syntax(toks[0].start+1, "%s before the header \"p af N\"", toks[0].show(line))
		}
		var att [2]int
		for i, t := range toks[:min(2, len(toks))] {
			v, ok := parseUint(t.text(line))
			if !ok {
				return 0, nil, syntax(t.start+1, "argument %s is not a positive integer", t.show(line))
			}
			if v < 1 || v > uint64(n) {
				if n == 0 {
					return 0, nil, syntax(t.start+1, "argument %s out of range: the header declares no arguments", t.number(line))
				}
				return 0, nil, syntax(t.start+1, "argument %s out of range: the header declares arguments 1..%d", t.number(line), n)
			}
			att[i] = int(v) - 1
		}
		if len(toks) > 2 {
			return 0, nil, syntax(toks[2].start+1, "unexpected %s: an attack line is two arguments, \"a b\"", toks[2].show(line))
		}
		if len(toks) < 2 {
			return 0, nil, syntax(toks[0].end+1, "an attack line is two arguments, \"a b\"; the second is missing")
		}
		attacks = append(attacks, att)
	}
	if !header {
		return 0, nil, syntaxError(diagnostic.Pos{Line: 1}, "missing header \"p af N\"")
	}
	if limit := ArgumentLimit(cr.n); n > limit {
		return 0, nil, syntaxError(headerPos,
			"the header declares %d arguments, more than a file of %d bytes may: at most %d (%d, plus one per byte of the file), so that the memory a framework takes stays proportional to its file",
			n, cr.n, limit, FreeArguments)
	}
	return n, attacks, nil
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// maxLine is the longest line ReadI23 reads, in bytes: a valid line is far shorter, and
// the limit keeps a garbage file without newlines from filling the memory.
const maxLine = 1 << 20

var errLineTooLong = errors.New("line too long")

// readLine appends the next line of br, without its "\n" or "\r\n", to buf, and
// returns it with the number of bytes it read. It returns io.EOF with the last line if
// that has no newline, and with nothing at the end.
func readLine(br *bufio.Reader, buf []byte) ([]byte, int, error) {
	start := len(buf)
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		size := len(buf) - start
		if len(buf) > maxLine+2 {
			return buf, size, errLineTooLong
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if n := len(buf); n > 0 && buf[n-1] == '\n' {
			buf = buf[:n-1]
			if n > 1 && buf[n-2] == '\r' {
				buf = buf[:n-2]
			}
		}
		return buf, size, err
	}
}

type token struct{ start, end int } // byte offsets in the line

func (t token) text(line []byte) []byte { return line[t.start:t.end] }

// maxShown is the most bytes of a token an error message quotes.
const maxShown = 40

// show returns the token for an error message: quoted with Go's escapes, so that no
// control character reaches a terminal, and cut to maxShown bytes, so that a token as
// long as a line does not make a message of a megabyte.
func (t token) show(line []byte) string {
	b := t.text(line)
	if len(b) <= maxShown {
		return strconv.Quote(string(b))
	}
	return strconv.Quote(string(b[:maxShown])) + fmt.Sprintf("... (%d bytes)", len(b))
}

// number returns a token of digits for an error message, cut as show cuts.
func (t token) number(line []byte) string {
	b := t.text(line)
	if len(b) <= maxShown {
		return string(b)
	}
	return string(b[:maxShown]) + fmt.Sprintf("... (%d digits)", len(b))
}

// fields splits line at spaces and tabs into buf, and returns the tokens found. It
// stops after four tokens, which is more than any valid line has.
func fields(line []byte, buf *[4]token) []token {
	toks := buf[:0]
	i := 0
	for i < len(line) && len(toks) < 4 {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) {
			break
		}
		start := i
		for i < len(line) && line[i] != ' ' && line[i] != '\t' {
			i++
		}
		toks = append(toks, token{start, i})
	}
	return toks
}

// parseUint parses a decimal integer of digits only (no sign, leading zeros allowed).
// A value above 2^62 is returned as 2^62, more than any argument, so that a long
// number is reported as out of range rather than as not a number, and never wraps.
func parseUint(b []byte) (uint64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	const ceiling = 1 << 62
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if v < ceiling/10 {
			v = 10*v + uint64(c-'0') // below 2^62 + 9
		} else {
			v = ceiling
		}
	}
	v = min(v, ceiling)
	return v, true
}

// WriteI23 writes a framework of n arguments with the given 0-based attacks in the i23
// format, with 1-based arguments. It returns an error, writing nothing, if an attack
// names an argument outside 0..n-1.
func WriteI23(w io.Writer, n int, attacks [][2]int) error {
	if err := checkAttacks(n, attacks); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var buf []byte
	buf = append(buf, "p af "...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, '\n')
	for _, a := range attacks {
		if len(buf) > 32*1024 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		buf = strconv.AppendInt(buf, int64(a[0]+1), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(a[1]+1), 10)
		buf = append(buf, '\n')
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

func checkAttacks(n int, attacks [][2]int) error {
	if n < 0 {
		return fmt.Errorf("iccma: %d arguments", n)
	}
	for i, a := range attacks {
		for _, x := range a {
			if x < 0 || x >= n {
				return fmt.Errorf("iccma: attack #%d (%d, %d): argument %d not in 0..%d", i, a[0], a[1], x, n-1)
			}
		}
	}
	return nil
}

// Adjacency returns the attack graph of n arguments with the given 0-based attacks:
// the successors of a are the arguments a attacks. It returns an error if an attack
// names an argument outside 0..n-1.
func Adjacency(n int, attacks [][2]int) (graph.Adjacency, error) {
	if err := checkAttacks(n, attacks); err != nil {
		return nil, err
	}
	count := make([]int, n+1)
	for _, a := range attacks {
		count[a[0]+1]++
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	succ := make([]int, len(attacks))
	fill := count[:n:n]
	fill = append([]int(nil), fill...)
	for _, a := range attacks {
		succ[fill[a[0]]] = a[1]
		fill[a[0]]++
	}
	adj := make(graph.Adjacency, n)
	for a := range n {
		adj[a] = succ[count[a]:count[a+1]:count[a+1]]
	}
	return adj, nil
}

// ReadFramework reads an i23 file (see [ReadI23]) and returns its framework.
func ReadFramework(r io.Reader) (*semantics.Framework, error) {
	n, attacks, err := ReadI23(r)
	if err != nil {
		return nil, err
	}
	adj, err := Adjacency(n, attacks)
	if err != nil {
		return nil, fmt.Errorf("iccma: internal error: %w", err) // ReadI23 checks the range
	}
	return semantics.NewFramework(adj), nil
}
