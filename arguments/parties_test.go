package arguments

import (
	"slices"
	"testing"
)

// TestPartiesAndTags checks what Parse makes of party (a string or a
// coalition) and tags: Party is the party as written, or the members joined
// by " + "; Parties and Tags hold each name once, none blank, in order.
func TestPartiesAndTags(t *testing.T) {
	tests := []struct {
		name      string
		keys      string
		party     string
		parties   []string
		coalition bool
		tags      []string
		codes     []string // the codes of the diagnostics, in order
	}{
		{"none", ``, "", nil, false, nil, nil},
		{"a party", `party = "US administration"`, "US administration", []string{"US administration"}, false, nil, nil},
		{"an empty party is none, as before", `party = ""`, "", nil, false, nil, nil},
		{"a blank party is kept as written but is no party", `party = "  "`, "  ", nil, false, nil, nil},
		{"a coalition", `party = ["United States", "United Kingdom"]`, "United States + United Kingdom", []string{"United States", "United Kingdom"}, true, nil, nil},
		{"a coalition of one", `party = ["Mexico"]`, "Mexico", []string{"Mexico"}, false, nil, nil},
		{"an empty coalition", `party = []`, "", nil, false, nil, []string{"bad-value"}},
		{"a party twice, differently spaced and cased", `party = ["A  B", "C", "a B"]`, "A  B + C", []string{"A  B", "C"}, true, nil, []string{"duplicate-party"}},
		{"blank and wrong members are left out", `party = ["", "A", 7, " "]`, "A", []string{"A"}, false, nil, []string{"bad-value", "wrong-type", "bad-value"}},
		{"a number", `party = 7`, "", nil, false, nil, []string{"wrong-type"}},
		{"tags", `tags = ["legal basis: consent", "issue: sovereignty"]`, "", nil, false, []string{"legal basis: consent", "issue: sovereignty"}, nil},
		{"no tags", `tags = []`, "", nil, false, nil, nil},
		{"a tag twice", `tags = ["x", "y", "X"]`, "", nil, false, []string{"x", "y"}, []string{"duplicate-tag"}},
		{"a string for tags is kept", `tags = "x"`, "", nil, false, []string{"x"}, []string{"wrong-type"}},
		{"blank and wrong tags are left out", `tags = ["", true, "x"]`, "", nil, false, []string{"x"}, []string{"bad-value", "wrong-type"}},
		{"a table for tags", `tags = { x = "y" }`, "", nil, false, nil, []string{"wrong-type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := Parse("f.toml", []byte("[arguments.a]\nclaim = \"A.\"\n"+tt.keys+"\n"))
			var codes []string
			for _, d := range diags {
				codes = append(codes, d.Code)
				if !d.Range.Start.IsValid() || d.Range.Start.Line != 3 {
					t.Errorf("%s: not on line 3", d.Error())
				}
			}
			if !slices.Equal(codes, tt.codes) {
				t.Errorf("diagnostics %v, want %v: %v", codes, tt.codes, diags)
			}
			if len(f.Arguments) != 1 {
				t.Fatalf("%d arguments", len(f.Arguments))
			}
			a := f.Arguments[0]
			if a.Party != tt.party || !slices.Equal(a.Parties, tt.parties) || a.Coalition() != tt.coalition || !slices.Equal(a.Tags, tt.tags) {
				t.Errorf("Party %q, Parties %q, Coalition %v, Tags %q; want %q, %q, %v, %q",
					a.Party, a.Parties, a.Coalition(), a.Tags, tt.party, tt.parties, tt.coalition, tt.tags)
			}
		})
	}
}
