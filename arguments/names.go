package arguments

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/argmap/argmap/internal/suggest"
)

// MaxIDLength is the longest argument id allowed.
const MaxIDLength = 64

const idRule = "An id is 1 to 64 ASCII letters, digits, '_' and '-', starting with a letter or digit."

// ValidID reports whether id is an allowed argument id: 1 to 64 ASCII
// letters, digits, '_' and '-', starting with a letter or a digit. Such an
// id is a bare TOML key and can be used unchanged as an SVG id, a Graphviz
// node name and a command-line value.
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLength {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// suggestID proposes an allowed id close to a disallowed one, as the end of
// a diagnostic's detail, or returns "".
func suggestID(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'):
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '.':
			b.WriteByte('-')
		default:
			if a, ok := asciiFold[r]; ok {
				b.WriteString(a)
			}
		}
	}
	s := strings.TrimLeft(b.String(), "-_")
	if len(s) > MaxIDLength {
		s = s[:MaxIDLength]
	}
	if !ValidID(s) || s == id {
		return ""
	}
	return fmt.Sprintf(" Try %q.", s)
}

// asciiFold spells the accented letters of the languages argmap's users
// write most often in ASCII, for id suggestions.
var asciiFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'Á': "A", 'À': "A", 'Â': "A", 'Ä': "A", 'Ã': "A",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'É': "E", 'È': "E", 'Ê': "E",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'Í': "I",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'Ó': "O", 'Ö': "O",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'Ú': "U", 'Ü': "U",
	'ñ': "n", 'Ñ': "N", 'ç': "c", 'Ç': "C", 'ß': "ss",
}

// didYouMean returns a "Did you mean ...?" hint naming the candidate
// closest to word, or "" when none is close enough to be a likely typo.
// Candidates earlier in the list win ties.
func didYouMean(word string, candidates []string) string {
	if best := suggest.Closest(word, candidates); best != "" {
		return fmt.Sprintf("Did you mean %q?", best)
	}
	return ""
}
