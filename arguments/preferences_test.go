package arguments

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// loadMap loads one file of TOML source as a map.
func loadMap(t *testing.T, src string) *Map {
	t.Helper()
	l := &Loader{ReadFile: func(string) ([]byte, error) { return []byte(src), nil }}
	m, _ := l.Load("map.toml")
	return m
}

// TestOrderProperties checks, on random maps of entries, ranks and dates,
// that the preference order is a strict partial order (irreflexive and
// transitive, so asymmetric), that it holds every entry when the entries
// have no cycle, and every derived pair of the first principle when there
// are no entries; and that Why gives a chain that leads from one to the
// other.
func TestOrderProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 3))
	runs := 2000
	if testing.Short() {
		runs = 300
	}
	for run := range runs {
		n := 2 + rng.IntN(6)
		var b strings.Builder
		derive := [][]string{nil, {LexSuperior}, {LexPosterior}, {LexSuperior, LexPosterior}, {LexPosterior, LexSuperior}}[rng.IntN(5)]
		if derive != nil {
			fmt.Fprintf(&b, "[priorities]\nderive = [%q", derive[0])
			for _, d := range derive[1:] {
				fmt.Fprintf(&b, ", %q", d)
			}
			b.WriteString("]\n")
		}
		for i := range n {
			fmt.Fprintf(&b, "[arguments.a%d]\nclaim = \"A%d\"\n", i, i)
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "rank = %d\n", rng.IntN(3))
			}
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "date = 2020-01-0%d\n", 1+rng.IntN(3))
			}
		}
		entries := rng.IntN(n + 1)
		if derive != nil && rng.IntN(2) == 0 {
			entries = 0
		}
		type pair struct{ a, b int }
		var pairs []pair
		for range entries {
			p := pair{rng.IntN(n), rng.IntN(n)}
			pairs = append(pairs, p)
			fmt.Fprintf(&b, "[[preferences]]\nprefer = \"a%d\"\nover = \"a%d\"\n", p.a, p.b)
		}
		m := loadMap(t, b.String())
		id := func(i int) string { return fmt.Sprintf("a%d", i) }
		for x := range n {
			if m.Prevails(id(x), id(x)) {
				t.Fatalf("run %d: a%d prevails over itself\n%s", run, x, b.String())
			}
			for y := range n {
				if !m.Prevails(id(x), id(y)) {
					continue
				}
				chain := m.Why(id(x), id(y))
				if len(chain) == 0 || chain[0].Prefer != id(x) || chain[len(chain)-1].Over != id(y) {
					t.Fatalf("run %d: Why(a%d, a%d) = %v", run, x, y, chain)
				}
				for z := range n {
					if m.Prevails(id(y), id(z)) && !m.Prevails(id(x), id(z)) {
						t.Fatalf("run %d: not transitive: a%d > a%d > a%d\n%s", run, x, y, z, b.String())
					}
				}
			}
		}
		// Without a cycle (or a self-preference), every entry holds.
		cyclic := false
		for _, p := range pairs {
			cyclic = cyclic || p.a == p.b || m.Prevails(id(p.b), id(p.a))
		}
		for _, p := range pairs {
			if !cyclic && !m.Prevails(id(p.a), id(p.b)) {
				t.Fatalf("run %d: the entry a%d over a%d does not hold\n%s", run, p.a, p.b, b.String())
			}
		}
		if entries == 0 && derive != nil {
			for _, ax := range m.Arguments {
				for _, ay := range m.Arguments {
					var want bool
					switch derive[0] {
					case LexSuperior:
						want = ax.Ranked && ay.Ranked && ax.Rank > ay.Rank
					case LexPosterior:
						want = ax.Date != "" && ay.Date != "" && ax.Date > ay.Date
					}
					if want && !m.Prevails(ax.ID, ay.ID) {
						t.Fatalf("run %d: %s does not prevail over %s by %s\n%s", run, ax.ID, ay.ID, derive[0], b.String())
					}
				}
			}
		}
	}
}

func TestPriorityBecause(t *testing.T) {
	m := loadMap(t, `
[priorities]
derive = ["lex-posterior"]
[arguments.old]
claim = "An old statute."
date = 1990-05-03
attacks = ["new"]
[arguments.new]
claim = "A new statute."
date = "2020-01-01"
[arguments.dissent]
claim = "The dissent."
attacks = ["majority"]
[arguments.majority]
claim = "The majority."
[[preferences]]
prefer = "majority"
over = "dissent"
principle = "majority"
note = "Judgment, para. 12."
`)
	tests := []struct{ a, b, want string }{
		{"new", "old", "lex posterior, the later norm prevails: 2020-01-01 over 1990-05-03"},
		{"majority", "dissent", "the majority prevails over a dissent; Judgment, para. 12"},
	}
	for _, tt := range tests {
		why := m.Why(tt.a, tt.b)
		if len(why) != 1 || why[0].Because(m) != tt.want {
			t.Errorf("Why(%s, %s) = %v, want one pair because %q", tt.a, tt.b, why, tt.want)
		}
	}
}
