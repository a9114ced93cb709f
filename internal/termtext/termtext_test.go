package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain ASCII, 100% fine", "plain ASCII, 100% fine"},
		{"Calderón “quoted” 🙂 中文", "Calderón “quoted” 🙂 中文"},
		// A fake success line drawn over the real error: ESC [2K, ESC [1G.
		{"x\x1b[2K\x1b[1G0 errors", `x\x1b[2K\x1b[1G0 errors`},
		{"bell\a", `bell\x07`},
		{"tab\tnew\nline\rCR", `tab\tnew\nline\rCR`},
		{"del\x7f", `del\x7f`},
		{"nul\x00", `nul\x00`},
		// C1 controls: U+009B is CSI on terminals that read 8-bit controls.
		{"csi\u009b31m", `csi\u009b31m`},
		{"nel\u0085", `nel\u0085`},
		// Bidi controls (Trojan Source) and invisible characters.
		{"abc\u202edcba", `abc\u202edcba`},
		{"\u2066isolate\u2069", `\u2066isolate\u2069`},
		{"lrm\u200e rlm\u200f alm\u061c", `lrm\u200e rlm\u200f alm\u061c`},
		{"zero\u200bwidth", `zero\u200bwidth`},
		{"bom\ufeff", `bom\ufeff`},
		{"soft\u00adhyphen", `soft\u00adhyphen`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"tag\U000E0041", `tag\U000e0041`},
		// Joiners are part of scripts and emoji, and stay.
		{"می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"},
		// Bytes that are not UTF-8, among them 0x9b, a raw 8-bit CSI.
		{"caf\xe9 \x9b31m", `caf\xe9 \x9b31m`},
		{"real \ufffd stays", "real \ufffd stays"},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEscapeIsSafe checks every code point: what Escape returns has no
// unsafe character left, and is valid UTF-8.
func TestEscapeIsSafe(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		got := Escape("a" + string(r) + "b")
		if !utf8.ValidString(got) {
			t.Fatalf("Escape(%U) = %q: not UTF-8", r, got)
		}
		for _, c := range got {
			if Unsafe(c) {
				t.Fatalf("Escape(%U) = %q: %U left in it", r, got, c)
			}
		}
		if Unsafe(r) != (got != "a"+string(r)+"b") {
			t.Fatalf("Escape(%U) = %q, but Unsafe = %v", r, got, Unsafe(r))
		}
	}
	for b := 0x80; b <= 0xff; b++ {
		if got := Escape(string([]byte{byte(b)})); !strings.HasPrefix(got, `\x`) {
			t.Errorf("Escape(byte %#x) = %q", b, got)
		}
	}
}

func TestEscapeNoCopy(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Escape("an ordinary claim, with é") }); n != 0 {
		t.Errorf("Escape of a safe string allocates %v times", n)
	}
}
