// Package termtext makes untrusted text safe to show on a terminal.
//
// The strings argmap prints come from the files it reads: claims, ids,
// file names, the source line under a diagnostic. Printed raw, an escape
// sequence in them can move the cursor, erase the real message and draw
// another ("0 errors"), set the window title or, on some terminals, write
// to the clipboard; a bidirectional override (U+202E) can make text read
// differently from what it is ("Trojan Source", CVE-2021-42574); and an
// invisible character can make two different strings look the same.
// Escape writes each such character as a visible escape instead, in Go's
// notation: \x1b, \u202e, \xff for a byte that is not UTF-8.
package termtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unsafe reports whether r must be escaped before it is shown: a control
// character (C0, DEL, C1; tab, CR and LF included, since they break a
// line's layout), a line or paragraph separator, or an invisible
// formatting character (Unicode category Cf: bidirectional controls,
// zero-width spaces, soft hyphen, tag characters, ...). The two joiners
// U+200C and U+200D are kept: Persian, the Indic scripts and emoji
// sequences need them, and they cannot reorder text.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r < 0x80:
		return false // the printable ASCII of nearly every string: the fast case
	case r == '\u200c' || r == '\u200d':
		return false
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp)
}

// Escape returns s with every unsafe character (see Unsafe) and every byte
// that is not UTF-8 written as an escape: \t, \n and \r by name, other
// characters below U+0080 as \xHH, others as \uHHHH or \UHHHHHHHH, and
// invalid bytes as \xHH. A string with nothing to escape is returned as is.
// A backslash is not escaped: the output is for people, who see the escape
// either way, not for a parser.
func Escape(s string) string {
	i := unsafeIndex(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			b.WriteString(Rune(r))
		}
		i += size
	}
	return b.String()
}

// Rune returns how r is shown: r itself, or its escape if it is unsafe. A
// caret line under escaped text counts one column for each character of
// Rune's result.
func Rune(r rune) string {
	if !Unsafe(r) {
		return string(r)
	}
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	switch {
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// unsafeIndex returns the offset of the first unsafe character or invalid
// byte of s, or -1.
func unsafeIndex(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Unsafe(r) {
			return i
		}
		i += size
	}
	return -1
}
