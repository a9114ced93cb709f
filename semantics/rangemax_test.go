package semantics

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRangeTurns checks semi-stable and stage semantics against the brute-force
// reference with the turns of the first search one conflict long, so that both
// searches (for a stable extension, and growing a range) are cut short and taken up
// again, over and over, as on hard frameworks.
func TestRangeTurns(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(11, 12))
	cut := 0
	for i := range propertyFrameworks() / 4 {
		adj := randomAF(rng, 12)
		f := NewFramework(adj)
		ref := newRefAF(adj)
		for _, sem := range []Semantics{SemiStable, Stage} {
			masks := ref.extensions(sem)
			want := sortedExtensions(masks)
			isExt := func(e Extension) bool {
				return slices.ContainsFunc(want, func(w Extension) bool { return slices.Equal(w, e) })
			}
			problem := func() *rangeProblem {
				p := newRangeProblem(ctx, f, sem)
				p.budget = 1
				return p
			}
			fail := func(format string, args ...any) {
				t.Fatalf("framework #%d %v, %v: %s", i, adj, sem, fmt.Sprintf(format, args...))
			}
			p := problem()
			e, err := p.some()
			if err != nil || !isExt(e) {
				fail("some = %v, %v; want one of %v", e, err, want)
			}
			cut += p.e.sat.unknowns + unknownsOf(p.sp)
			var got []Extension
			if err := problem().enum(func(e Extension) { got = append(got, e) }); err != nil {
				fail("enum: %v", err)
			}
			slices.SortFunc(got, compareExtensions)
			if !slices.EqualFunc(got, want, func(a, b Extension) bool { return slices.Equal(a, b) }) {
				fail("enum = %v, want %v", got, want)
			}
			for a := range f.Len() {
				wantCred, wantSkept := false, true
				for _, m := range masks {
					wantCred = wantCred || m&(1<<a) != 0
					wantSkept = wantSkept && m&(1<<a) != 0
				}
				w, ok, err := problem().credulous(a)
				if err != nil || ok != wantCred || ok && (!isExt(w) || !w.Contains(a)) {
					fail("credulous(%d) = %v, %v, %v; want %v among %v", a, w, ok, err, wantCred, want)
				}
				ok, c, err := problem().skeptical(a)
				if err != nil || ok != wantSkept || !ok && (!isExt(c) || c.Contains(a)) {
					fail("skeptical(%d) = %v, %v, %v; want %v among %v", a, ok, c, err, wantSkept, want)
				}
			}
		}
	}
	t.Logf("%d searches cut short", cut)
	if cut < 100 {
		t.Errorf("searches cut short %d times: too few for the test to check what it means to", cut)
	}
}

func unknownsOf(sp *stableProblem) int {
	if sp == nil {
		return 0
	}
	return sp.e.sat.unknowns
}
