package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/arguments"
)

// writeText writes each diagnostic as a compiler does:
//
//	debate.toml:12:14: error[unknown-argument]: no argument "strik" in this map
//	   12 | supports = ["strik"]
//	      |             ^^^^^^^
//	   = help: Did you mean "strike"?
//
// followed by one summary line.
func writeText(w io.Writer, in Input) error {
	ew := &errWriter{w: w}
	for _, d := range in.Diagnostics {
		ew.printf("%s: %s[%s]: %s\n", d.Range, d.Severity, d.Code, d.Summary)
		quote(ew, in.Source, d.Range)
		if d.Detail != "" {
			ew.printf("   = help: %s\n", d.Detail)
		}
		for _, r := range d.Related {
			ew.printf("   = note: %s: %s\n", r.Range, r.Message)
		}
	}
	errs, warns := in.Diagnostics.Count(arguments.Error), in.Diagnostics.Count(arguments.Warning)
	ew.printf("%s, %s in %s (%s, %s)\n",
		plural(errs, "error"), plural(warns, "warning"), plural(in.Summary.Files, "file"),
		plural(in.Summary.Maps, "map"), plural(in.Summary.Arguments, "argument"))
	return ew.err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// quote writes the source line of r with a caret line under the range.
func quote(ew *errWriter, source func(string) *arguments.Source, r arguments.Range) {
	if source == nil || !r.Start.IsValid() {
		return
	}
	src := source(r.Filename)
	if src == nil {
		return
	}
	line := src.Line(r.Start.Line)
	if line == nil || !utf8.Valid(line) {
		return
	}
	const maxWidth = 160 // a minified line would drown the message
	text := expandTabs(string(line))
	startCol := r.Start.Column - 1
	width := 1
	if r.End.Line == r.Start.Line && r.End.Column > r.Start.Column {
		width = r.End.Column - r.Start.Column
	} else if r.End.Line > r.Start.Line {
		width = max(1, utf8.RuneCountInString(string(line))-startCol)
	}
	// Re-measure the caret's position on the tab-expanded line.
	prefix := expandTabs(string([]rune(string(line))[:min(startCol, utf8.RuneCount(line))]))
	startCol = utf8.RuneCountInString(prefix)
	if utf8.RuneCountInString(text) > maxWidth {
		if startCol > maxWidth-20 {
			return
		}
		text = string([]rune(text)[:maxWidth]) + "…"
		width = min(width, maxWidth-startCol)
	}
	num := fmt.Sprint(r.Start.Line)
	pad := strings.Repeat(" ", len(num))
	ew.printf("   %s | %s\n", num, text)
	ew.printf("   %s | %s%s\n", pad, strings.Repeat(" ", startCol), strings.Repeat("^", width))
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }
