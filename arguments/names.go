package arguments

import (
	"fmt"
	"strings"
	"unicode"
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
	if best := closest(word, candidates); best != "" {
		return fmt.Sprintf("Did you mean %q?", best)
	}
	return ""
}

// closest returns the candidate closest to word by edit distance, if it is
// within a third of the word's length (at most 3), or "". Words of one or
// two letters only match a candidate that differs in case: any other
// suggestion for them would be a guess.
func closest(word string, candidates []string) string {
	limit := min(3, len(word)/3)
	if len(word) >= 3 {
		limit = max(1, limit)
	}
	best, bestDist := "", limit+1
	lower := strings.ToLower(word)
	for _, c := range candidates {
		if strings.ToLower(c) == lower && c != word {
			return c
		}
		if abs(len(c)-len(word)) >= bestDist {
			continue
		}
		if d := editDistance(word, c, bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// bytes), or any value >= limit once it is known to be at least limit.
func editDistance(a, b string, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
