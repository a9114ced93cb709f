package arguments

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/suggest"
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
		if got := suggest.Closest(tt.word, tt.candidates); got != tt.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tt.word, tt.candidates, got, tt.want)
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
