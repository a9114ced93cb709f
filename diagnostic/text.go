package diagnostic

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/termtext"
)

// writeText writes each diagnostic as a compiler does:
//
//	debate.toml:12:14: error[unknown-argument]: no argument "strik" in this map
//	   12 | supports = ["strik"]
//	      |             ^^^^^^^
//	   = help: Did you mean "strike"?
//
// followed by one summary line. Everything that comes from the files (names,
// ids, the quoted line) is escaped by termtext: a map must not be able to
// write to the terminal, draw a fake message or reorder what it shows.
func writeText(w io.Writer, in Report) error {
	ew := &errWriter{w: w}
	for _, d := range in.Diagnostics {
		ew.printf("%s: %s[%s]: %s\n", termtext.Escape(d.Range.String()), d.Severity, termtext.Escape(d.Code), termtext.Escape(d.Summary))
		quote(ew, in.Source, d.Range)
		if d.Detail != "" {
			ew.printf("   = help: %s\n", termtext.Escape(d.Detail))
		}
		for _, r := range d.Related {
			ew.printf("   = note: %s: %s\n", termtext.Escape(r.Range.String()), termtext.Escape(r.Message))
		}
	}
	errs, warns := in.Diagnostics.Count(Error), in.Diagnostics.Count(Warning)
	ew.printf("%s, %s in %s (%s, %s)\n",
		plural(errs, "error"), plural(warns, "warning"), plural(in.Totals.Files, "file"),
		plural(in.Totals.Maps, "map"), plural(in.Totals.Arguments, "argument"))
	return ew.err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// quote writes the source line of r with a caret line under the range.
// Tabs are expanded and unsafe characters escaped (termtext.Rune), and the
// caret is measured on the line as shown. Only the start of the line that
// can be shown is read: a file may have one line of megabytes, and a
// diagnostic for each of thousands of places in it.
func quote(ew *errWriter, source func(string) *Source, r Range) {
	const maxWidth = 160 // a minified line would drown the message
	startCol := r.Start.Column - 1
	if source == nil || !r.Start.IsValid() || startCol >= maxWidth {
		return // nothing to quote, or the caret would be past what is shown
	}
	src := source(r.Filename)
	if src == nil {
		return
	}
	line := src.Line(r.Start.Line)
	if line == nil {
		return
	}
	if r.Start.Line == 1 {
		line = bytes.TrimPrefix(line, utf8BOM) // columns do not count it
	}
	// cells[i] is how the line's i-th character (column i+1) is shown;
	// maxWidth+1 of them tell whether the line has to be cut.
	cells := make([]string, 0, min(len(line), maxWidth+1))
	for len(line) > 0 && len(cells) <= maxWidth {
		c, size := utf8.DecodeRune(line)
		switch {
		case c == utf8.RuneError && size == 1:
			return // not text: the diagnostic says so, the bytes would not help
		case c == '\t':
			cells = append(cells, "    ")
		default:
			cells = append(cells, termtext.Rune(c))
		}
		line = line[size:]
	}
	// shown is how many terminal columns characters [from, to) take; a
	// column past what was read (the line break) takes one.
	shown := func(from, to int) int {
		n := max(0, to-max(from, len(cells)))
		for _, c := range cells[min(from, len(cells)):min(to, len(cells))] {
			n += utf8.RuneCountInString(c)
		}
		return n
	}
	endCol := startCol + 1
	if r.End.Line == r.Start.Line && r.End.Column > r.Start.Column {
		endCol = r.End.Column - 1
	} else if r.End.Line > r.Start.Line {
		endCol = max(endCol, len(cells))
	}
	caretAt, width := shown(0, startCol), max(1, shown(startCol, endCol))
	var text strings.Builder
	n := 0
	for _, c := range cells {
		w := utf8.RuneCountInString(c)
		if n+w > maxWidth {
			// Cut the line, keeping some of it to the right of the caret.
			if caretAt > maxWidth-20 {
				return
			}
			text.WriteString("…")
			width = min(width, maxWidth-caretAt)
			break
		}
		text.WriteString(c)
		n += w
	}
	num := fmt.Sprint(r.Start.Line)
	pad := strings.Repeat(" ", len(num))
	ew.printf("   %s | %s\n", num, text.String())
	ew.printf("   %s | %s%s\n", pad, strings.Repeat(" ", caretAt), strings.Repeat("^", width))
}
