package fonts

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// cjkScripts are the scripts of Chinese, Japanese and Korean.
var cjkScripts = []string{"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "CJK punctuation"}

// scriptOf names the script of r, as package unicode names it; "Common"
// for punctuation and symbols of no script.
func scriptOf(r rune) string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if name != "Common" && name != "Inherited" && unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	switch {
	case !unicode.In(r, unicode.Common, unicode.Inherited):
		return "unassigned"
	case (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef):
		return "CJK punctuation"
	}
	return "Common"
}

// MissingWarning is the warning for characters that no face has (see
// Set.Missing): which they are, by script, and what to install. It is ""
// for none.
func MissingWarning(missing []rune) string {
	if len(missing) == 0 {
		return ""
	}
	byScript := map[string][]rune{}
	var scripts []string
	for _, r := range missing {
		sc := scriptOf(r)
		if byScript[sc] == nil {
			scripts = append(scripts, sc)
		}
		byScript[sc] = append(byScript[sc], r)
	}
	slices.Sort(scripts)
	var parts []string
	cjk, other := false, false
	for _, sc := range scripts {
		rs := byScript[sc]
		const shown = 8
		sample := string(rs[:min(len(rs), shown)])
		if len(rs) > shown {
			sample += "…"
		}
		codes := fmt.Sprintf("U+%04X", rs[0])
		if len(rs) > 1 {
			codes += fmt.Sprintf("–U+%04X", rs[len(rs)-1])
		}
		parts = append(parts, fmt.Sprintf("%s %s (%d, %s)", sc, sample, len(rs), codes))
		switch {
		case slices.Contains(cjkScripts, sc):
			cjk = true
		case sc != "unassigned":
			other = true
		}
	}
	install := []string{}
	if cjk {
		install = append(install, "fonts-noto-cjk (or the smaller fonts-droid-fallback) for Chinese, Japanese and Korean")
	}
	if other {
		install = append(install, "fonts-noto-core for other scripts")
	}
	n := len(missing)
	s := "s"
	if n == 1 {
		s = ""
	}
	hint := "name a font file that has them with --font FILE or ARGMAP_FONTS"
	if len(install) > 0 {
		hint = fmt.Sprintf("install a font that has them (on Debian and Ubuntu: %s), or name a font file with --font FILE or ARGMAP_FONTS", strings.Join(install, ", "))
	}
	return fmt.Sprintf("no font has a glyph for %d character%s, drawn as empty boxes: %s; %s", n, s, strings.Join(parts, "; "), hint)
}
