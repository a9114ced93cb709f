package semantics

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
)

func TestNewFrameworkLists(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		adj := randomAF(rng, 20)
		f := NewFramework(adj)
		n := len(adj)
		if f.Len() != n {
			t.Fatalf("#%d: Len() = %d, want %d", i, f.Len(), n)
		}
		// Brute force: a attacks b iff b is among adj[a], however often.
		attacks := 0
		for a := range n {
			var wantAttacks, wantAttackers []int
			for b := range n {
				if slices.Contains(adj[a], b) {
					wantAttacks = append(wantAttacks, b)
					attacks++
				}
				if slices.Contains(adj[b], a) {
					wantAttackers = append(wantAttackers, b)
				}
			}
			if got := f.Attacks(a); !slices.Equal(got, wantAttacks) {
				t.Fatalf("#%d: Attacks(%d) = %v, want %v (adjacency %v)", i, a, got, wantAttacks, adj)
			}
			if got := f.Attackers(a); !slices.Equal(got, wantAttackers) {
				t.Fatalf("#%d: Attackers(%d) = %v, want %v (adjacency %v)", i, a, got, wantAttackers, adj)
			}
			if got := f.Successors(a); !slices.Equal(got, wantAttacks) {
				t.Fatalf("#%d: Successors(%d) = %v, want %v", i, a, got, wantAttacks)
			}
			for b := range n {
				if got, want := f.AttacksOn(a, b), slices.Contains(adj[a], b); got != want {
					t.Fatalf("#%d: AttacksOn(%d, %d) = %v, want %v", i, a, b, got, want)
				}
			}
			if got, want := f.SelfAttacking(a), slices.Contains(adj[a], a); got != want {
				t.Fatalf("#%d: SelfAttacking(%d) = %v, want %v", i, a, got, want)
			}
		}
		if f.NumAttacks() != attacks {
			t.Fatalf("#%d: NumAttacks() = %d, want %d", i, f.NumAttacks(), attacks)
		}
	}
}

func TestNewFrameworkAppendDoesNotOverwrite(t *testing.T) {
	f := NewFramework(pairs(3, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 0}))
	_ = append(f.Attacks(0), 99)
	_ = append(f.Attackers(0), 99)
	if got := f.Attacks(1); !slices.Equal(got, []int{2}) {
		t.Errorf("after appending to Attacks(0), Attacks(1) = %v, want [2]", got)
	}
	if got := f.Attackers(1); !slices.Equal(got, []int{0}) {
		t.Errorf("after appending to Attackers(0), Attackers(1) = %v, want [0]", got)
	}
}

func TestNewFrameworkPanicsOutOfRange(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("NewFramework with a successor out of range did not panic")
		}
		if msg, _ := r.(string); !strings.Contains(msg, "argument 0 attacks 5") {
			t.Errorf("panic message %q does not name the attack", r)
		}
	}()
	NewFramework(graph.Adjacency{{5}})
}

func TestFrameworkIsDirected(t *testing.T) {
	// Arguments 0 and 1 attack each other; 2 attacks itself; 3 is attacked by 2.
	f := NewFramework(pairs(4, [2]int{0, 1}, [2]int{1, 0}, [2]int{2, 2}, [2]int{2, 3}))
	got := graph.StronglyConnected(f)
	want := [][]int{{0, 1}, {2}, {3}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("StronglyConnected(f) = %v, want %v", got, want)
	}
}

func TestParseSemantics(t *testing.T) {
	tests := []struct {
		name string
		want Semantics
	}{
		{"grounded", Grounded}, {"GR", Grounded}, {"gr", Grounded},
		{"complete", Complete}, {"CO", Complete},
		{"preferred", Preferred}, {"PR", Preferred}, {"Preferred", Preferred},
		{"stable", Stable}, {"ST", Stable},
		{"semi-stable", SemiStable}, {"SST", SemiStable}, {"Semi-Stable", SemiStable},
		{"semistable", SemiStable},
		{"stage", Stage}, {"STG", Stage}, {"stg", Stage},
		{"ideal", Ideal}, {"ID", Ideal}, {" id ", Ideal},
	}
	for _, tt := range tests {
		got, err := ParseSemantics(tt.name)
		if err != nil || got != tt.want {
			t.Errorf("ParseSemantics(%q) = %v, %v, want %v, nil", tt.name, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "G", "grounded!", "semi stable", "ADM", "stab"} {
		if got, err := ParseSemantics(bad); err == nil {
			t.Errorf("ParseSemantics(%q) = %v, nil, want an error", bad, got)
		} else if !strings.Contains(err.Error(), "unknown semantics") || !strings.Contains(err.Error(), "semi-stable (SST)") {
			t.Errorf("ParseSemantics(%q) error %q does not say what is accepted", bad, err)
		}
	}
}

func TestSemanticsNames(t *testing.T) {
	tests := []struct {
		s          Semantics
		long, code string
	}{
		{Grounded, "grounded", "GR"},
		{Complete, "complete", "CO"},
		{Preferred, "preferred", "PR"},
		{Stable, "stable", "ST"},
		{SemiStable, "semi-stable", "SST"},
		{Stage, "stage", "STG"},
		{Ideal, "ideal", "ID"},
		{0, "Semantics(0)", "Semantics(0)"},
		{8, "Semantics(8)", "Semantics(8)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.long {
			t.Errorf("Semantics(%d).String() = %q, want %q", uint8(tt.s), got, tt.long)
		}
		if got := tt.s.Code(); got != tt.code {
			t.Errorf("Semantics(%d).Code() = %q, want %q", uint8(tt.s), got, tt.code)
		}
	}
	all := All()
	if len(all) != 7 {
		t.Fatalf("All() has %d semantics, want 7", len(all))
	}
	for _, s := range all {
		for _, name := range []string{s.String(), s.Code()} {
			if got, err := ParseSemantics(name); err != nil || got != s {
				t.Errorf("ParseSemantics(%q) = %v, %v, want %v (round trip)", name, got, err, s)
			}
		}
	}
}

func TestLabelString(t *testing.T) {
	tests := []struct {
		l    Label
		want string
	}{
		{In, "in"}, {Out, "out"}, {Undec, "undec"}, {0, "Label(0)"}, {9, "Label(9)"},
	}
	for _, tt := range tests {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("Label(%d).String() = %q, want %q", uint8(tt.l), got, tt.want)
		}
	}
}

func TestLabellingOf(t *testing.T) {
	// 0 -> 1 -> 2, 3 <-> 4, 5 attacks itself.
	f := NewFramework(pairs(6, [2]int{0, 1}, [2]int{1, 2}, [2]int{3, 4}, [2]int{4, 3}, [2]int{5, 5}))
	tests := []struct {
		e    Extension
		want Labelling
	}{
		{Extension{}, Labelling{Undec, Undec, Undec, Undec, Undec, Undec}},
		{Extension{0, 2}, Labelling{In, Out, In, Undec, Undec, Undec}},
		{Extension{0, 2, 3}, Labelling{In, Out, In, In, Out, Undec}},
		// Not conflict-free: an argument attacked by the set is out even if in it.
		{Extension{3, 4}, Labelling{Undec, Undec, Undec, Out, Out, Undec}},
		{Extension{5}, Labelling{Undec, Undec, Undec, Undec, Undec, Out}},
	}
	for _, tt := range tests {
		l := LabellingOf(f, tt.e)
		if !slices.Equal(l, tt.want) {
			t.Errorf("LabellingOf(%v) = %v, want %v", tt.e, l, tt.want)
		}
	}
	l := Labelling{In, Out, In, Undec, Out}
	if got := l.In(); !slices.Equal(got, Extension{0, 2}) {
		t.Errorf("In() = %v", got)
	}
	if got := l.Out(); !slices.Equal(got, []int{1, 4}) {
		t.Errorf("Out() = %v", got)
	}
	if got := l.Undec(); !slices.Equal(got, []int{3}) {
		t.Errorf("Undec() = %v", got)
	}
}

func TestExtensionContains(t *testing.T) {
	e := Extension{1, 4, 7}
	for a, want := range []bool{false, true, false, false, true, false, false, true, false} {
		if got := e.Contains(a); got != want {
			t.Errorf("%v.Contains(%d) = %v, want %v", e, a, got, want)
		}
	}
	if (Extension{}).Contains(0) {
		t.Error("the empty extension contains 0")
	}
}

// TestGroundedLarge compares Grounded with the fixpoint of the characteristic function,
// iterated naively, on frameworks too large for the subset reference.
func TestGroundedLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 200 {
		n := 1 + rng.IntN(300)
		adj := make(graph.Adjacency, n)
		deg := rng.Float64() * 3
		for a := range n {
			for range int(deg) + rng.IntN(2) {
				adj[a] = append(adj[a], rng.IntN(n))
			}
		}
		f := NewFramework(adj)
		// in: all attackers out; out: some attacker in; repeat until nothing changes.
		want := make(Labelling, n)
		for changed := true; changed; {
			changed = false
			for a := range n {
				if want[a] != 0 {
					continue
				}
				allOut, someIn := true, false
				for _, b := range f.Attackers(a) {
					allOut = allOut && want[b] == Out
					someIn = someIn || want[b] == In
				}
				switch {
				case someIn:
					want[a], changed = Out, true
				case allOut:
					want[a], changed = In, true
				}
			}
		}
		for a := range want {
			if want[a] == 0 {
				want[a] = Undec
			}
		}
		if got := f.Grounded(); !slices.Equal(got, want) {
			t.Fatalf("#%d: Grounded() = %v, want %v", i, got, want)
		}
	}
}

// TestExtensionsBoundHeld checks that Extensions stops, rather than holding ever more,
// once the extensions found hold more arguments than it keeps: 8 pairs of arguments
// that attack each other have 256 preferred extensions of 8 arguments each.
func TestExtensionsBoundHeld(t *testing.T) {
	adj := make(graph.Adjacency, 16)
	for i := 0; i < 16; i += 2 {
		adj[i], adj[i+1] = []int{i + 1}, []int{i}
	}
	f := NewFramework(adj)
	for _, tt := range []struct {
		maxHeld int
		want    error
	}{{256 * 8, nil}, {256*8 - 1, ErrTooManyMembers}} {
		got := 0
		err := extensions(context.Background(), f, Preferred, tt.maxHeld, -1, func(Extension) bool { got++; return true })
		if err != tt.want {
			t.Errorf("bound %d: error %v, want %v", tt.maxHeld, err, tt.want)
		}
		if want := map[bool]int{true: 256, false: 0}[tt.want == nil]; got != want {
			t.Errorf("bound %d: %d extensions yielded, want %d", tt.maxHeld, got, want)
		}
	}
}

// TestExtensionsUpTo checks that a bounded enumeration stops at its bound:
// 30 pairs of arguments that attack each other have 2^30 preferred (and
// stable, semi-stable, stage) extensions, far more than could be listed,
// and the search must end as soon as it has found one more than asked.
func TestExtensionsUpTo(t *testing.T) {
	adj := make(graph.Adjacency, 60)
	for i := 0; i < 60; i += 2 {
		adj[i], adj[i+1] = []int{i + 1}, []int{i}
	}
	f := NewFramework(adj)
	for _, s := range []Semantics{Complete, Preferred, Stable, SemiStable, Stage} {
		got := 0
		err := ExtensionsUpTo(context.Background(), f, s, 100, func(Extension) bool { got++; return true })
		if err != ErrTooManyExtensions || got != 0 {
			t.Errorf("%v: %d yielded, error %v; want 0, ErrTooManyExtensions", s, got, err)
		}
	}
	small := NewFramework(adj[:8])
	got := 0
	if err := ExtensionsUpTo(context.Background(), small, Preferred, 16, func(Extension) bool { got++; return true }); err != nil || got != 16 {
		t.Errorf("4 pairs, up to 16: %d yielded, error %v; want 16, nil", got, err)
	}
}

// TestBuildFrameworkCanceled checks that building a framework stops when its context
// has ended, and otherwise builds what NewFramework builds.
func TestBuildFrameworkCanceled(t *testing.T) {
	adj := graph.Adjacency{{1}, {0, 2}, nil}
	f, err := BuildFramework(context.Background(), adj)
	if err != nil || f.NumAttacks() != 3 || !f.AttacksOn(1, 2) {
		t.Fatalf("BuildFramework: %v, %v", f, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if f, err := BuildFramework(ctx, adj); f != nil || err != context.Canceled {
		t.Errorf("BuildFramework with an ended context: %v, %v; want nil, context.Canceled", f, err)
	}
}
