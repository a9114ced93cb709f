package arguments

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"a", true},
		{"Z", true},
		{"7", true},
		{"strike", true},
		{"lethal_force", true},
		{"us-mexico-2025", true},
		{"a_", true},
		{"a-", true},
		{"CamelCase", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"-lead", false},
		{"_lead", false},
		{"my id", false},
		{"a.b", false},
		{"Calderón", false},
		{"a/b", false},
		{"a\tb", false},
		{"ａ", false}, // a fullwidth letter
		{"a\x00", false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestSuggestID(t *testing.T) {
	tests := []struct {
		id, want string
	}{
		{"my id", ` Try "my-id".`},
		{"a.b", ` Try "a-b".`},
		{"Calderón", ` Try "Calderon".`},
		{"Straße", ` Try "Strasse".`},
		{"-lead", ` Try "lead".`},
		{"__x", ` Try "x".`},
		{strings.Repeat("a", 65), ` Try "` + strings.Repeat("a", 64) + `".`},
		{"a/b", ` Try "ab".`},
		{"", ""},
		{"---", ""},
		{"日本", ""}, // nothing left to suggest
		{"ok", ""}, // already allowed: nothing to suggest
	}
	for _, tt := range tests {
		if got := suggestID(tt.id); got != tt.want {
			t.Errorf("suggestID(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"claim", "kind", "party", "source", "supports", "attacks", "weight"}
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"clam", keys, "claim"},
		{"suports", keys, "supports"},
		{"atacks", keys, "attacks"},
		{"attakcs", keys, "attacks"}, // a transposition is one edit
		{"sources", keys, "source"},
		{"wieght", keys, "weight"},
		{"Claim", keys, "claim"}, // a case difference is always suggested
		{"CLAIM", keys, "claim"}, // however many letters differ
		{"titel", topKeys, "title"},
		{"form", relationKeys, "from"},
		{"nmae", citationKeys, "name"},
		{"evidense", kindNames(), "evidence"},
		{"zzzzzz", keys, ""},
		{"reason", relationKeys, ""},
		{"colour", topKeys, ""},
		// Words of one or two letters get no suggestion, except a case
		// difference: any other would be a guess.
		{"t", []string{"to"}, ""},
		{"tp", []string{"to"}, ""},
		{"ot", []string{"to"}, ""},
		{"TO", []string{"to"}, "to"},
		{"A", []string{"a", "b"}, "a"},
		{"x", []string{"a", "b"}, ""},
		// Three letters allow one edit.
		{"frm", relationKeys, "from"},
		{"abc", []string{"xyz"}, ""},
		// Up to a third of the word's length, at most 3.
		{"suppo", keys, ""},
		{"supportsxyz", keys, "supports"},
		{"supportsxyzw", keys, ""},
		// Ties go to the earlier candidate.
		{"bat", []string{"cat", "hat"}, "cat"},
		{"bat", []string{"hat", "cat"}, "hat"},
		// A closer candidate later in the list wins.
		{"strike", []string{"strikes_", "strikes", "strike_"}, "strikes"},
		{"", keys, ""},
		{"claim", nil, ""},
	}
	for _, tt := range tests {
		if got := closest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("closest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
		}
	}
}

func kindNames() []string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.Name)
	}
	return names
}

func TestDidYouMean(t *testing.T) {
	if got, want := didYouMean("clam", argumentKeys), `Did you mean "claim"?`; got != want {
		t.Errorf("didYouMean(clam) = %q, want %q", got, want)
	}
	if got := didYouMean("zzzzzz", argumentKeys); got != "" {
		t.Errorf("didYouMean(zzzzzz) = %q, want none", got)
	}
}

// osa is the optimal string alignment distance, computed the plain way.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"claim", "claim", 0},
		{"clam", "claim", 1},
		{"ab", "ba", 1},
		{"ca", "abc", 3}, // OSA: no edit of a transposed pair
		{"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b, 100); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestEditDistanceRandom compares editDistance with the plain computation
// on random short strings over a small alphabet, where edits and
// transpositions are frequent: below the limit it must be exact, at or
// above it only known to be at least the limit.
func TestEditDistanceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = "abc"[rng.IntN(3)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, limit := word(), word(), 1+rng.IntN(5)
		want := osa(a, b)
		got := editDistance(a, b, limit)
		if want < limit && got != want || want >= limit && got < limit {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
		if got := editDistance(a, b, 100); got != want {
			t.Fatalf("editDistance(%q, %q, 100) = %d, want %d", a, b, got, want)
		}
		if editDistance(b, a, 100) != want {
			t.Fatalf("editDistance(%q, %q) is not symmetric", a, b)
		}
	}
}
