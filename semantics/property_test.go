package semantics

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/argmap/argmap/graph"
)

// propertyFrameworks is how many random frameworks each property test checks, of up to
// 12 arguments; -short checks fewer.
func propertyFrameworks() int {
	if testing.Short() {
		return 300
	}
	return 2000
}

func collect(t *testing.T, f *Framework, s Semantics) []Extension {
	t.Helper()
	var got []Extension
	err := Extensions(context.Background(), f, s, func(e Extension) bool {
		got = append(got, e)
		return true
	})
	if err != nil {
		t.Fatalf("Extensions(%v): %v", s, err)
	}
	return got
}

// checkAgainstReference compares everything the package says about adj under sem with
// the brute-force reference, and returns a description of the first difference.
func checkAgainstReference(adj graph.Adjacency, sem Semantics) error {
	ctx := context.Background()
	f := NewFramework(adj)
	ref := newRefAF(adj)
	masks := ref.extensions(sem)
	want := sortedExtensions(masks)
	if sem == Ideal && len(want) != 1 {
		return fmt.Errorf("reference: %d maximal admissible sets inside all preferred extensions, want 1", len(want))
	}

	var got []Extension
	if err := Extensions(ctx, f, sem, func(e Extension) bool { got = append(got, e); return true }); err != nil {
		return fmt.Errorf("Extensions: %v", err)
	}
	if !slices.EqualFunc(got, want, func(a, b Extension) bool { return slices.Equal(a, b) }) {
		return fmt.Errorf("Extensions = %v, want %v", got, want)
	}
	isExt := func(e Extension) bool {
		return slices.ContainsFunc(want, func(w Extension) bool { return slices.Equal(w, e) })
	}

	e, ok, err := Some(ctx, f, sem)
	switch {
	case err != nil:
		return fmt.Errorf("Some: %v", err)
	case ok != (len(want) > 0):
		return fmt.Errorf("Some found one: %v, want %v", ok, len(want) > 0)
	case ok && !isExt(e):
		return fmt.Errorf("Some = %v, not an extension of %v", e, want)
	case !ok && e != nil:
		return fmt.Errorf("Some = %v with false", e)
	}

	for a := range f.Len() {
		wantCred, wantSkept := false, true
		for _, m := range masks {
			in := m&(1<<a) != 0
			wantCred = wantCred || in
			wantSkept = wantSkept && in
		}
		ok, w, err := Credulous(ctx, f, sem, a)
		switch {
		case err != nil:
			return fmt.Errorf("Credulous(%d): %v", a, err)
		case ok != wantCred:
			return fmt.Errorf("Credulous(%d) = %v, want %v (extensions %v)", a, ok, wantCred, want)
		case ok && (!isExt(w) || !w.Contains(a)):
			return fmt.Errorf("Credulous(%d) witness %v is not an extension containing it (extensions %v)", a, w, want)
		case !ok && w != nil:
			return fmt.Errorf("Credulous(%d) = false with witness %v", a, w)
		}
		ok, c, err := Skeptical(ctx, f, sem, a)
		switch {
		case err != nil:
			return fmt.Errorf("Skeptical(%d): %v", a, err)
		case ok != wantSkept:
			return fmt.Errorf("Skeptical(%d) = %v, want %v (extensions %v)", a, ok, wantSkept, want)
		case !ok && (!isExt(c) || c.Contains(a)):
			return fmt.Errorf("Skeptical(%d) counter-example %v is not an extension without it (extensions %v)", a, c, want)
		case ok && c != nil:
			return fmt.Errorf("Skeptical(%d) = true with counter-example %v", a, c)
		}
	}
	if sem == Grounded {
		g := f.Grounded()
		if !slices.Equal(g, LabellingOf(f, want[0])) {
			return fmt.Errorf("Grounded() = %v, want the labelling of %v", g, want[0])
		}
	}
	return nil
}

func TestAgainstReference(t *testing.T) {
	for _, sem := range All() {
		t.Run(sem.String(), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(uint64(sem), 42))
			for i := range propertyFrameworks() {
				adj := randomAF(rng, 12)
				if err := checkAgainstReference(adj, sem); err != nil {
					t.Fatalf("framework #%d %v: %v", i, adj, err)
				}
			}
		})
	}
}

// TestAgainstReferenceStructured checks frameworks made of cycles and chains hung
// together, which random graphs rarely produce: odd and even cycles attacking each
// other, where preferred, semi-stable, stage and ideal semantics part ways.
func TestAgainstReferenceStructured(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := range n {
		var adj graph.Adjacency
		for range 1 + rng.IntN(4) {
			k := 1 + rng.IntN(4)
			base := len(adj)
			if base+k > 12 {
				break
			}
			for j := range k {
				adj = append(adj, []int{base + (j+1)%k})
			}
			if base > 0 { // attacks between this cycle and an earlier one
				for range 1 + rng.IntN(2) {
					from, to := rng.IntN(len(adj)), base+rng.IntN(k)
					if rng.IntN(2) == 0 {
						from, to = to, rng.IntN(base)
					}
					adj[from] = append(adj[from], to)
				}
			}
		}
		for _, sem := range All() {
			if err := checkAgainstReference(adj, sem); err != nil {
				t.Fatalf("framework #%d %v, %v: %v", i, adj, sem, err)
			}
		}
	}
}

func TestLiterature(t *testing.T) {
	type exts = []Extension
	// Arguments a, b, c, d, ... are 0, 1, 2, 3, ...
	tests := []struct {
		name    string
		adj     graph.Adjacency
		want    map[Semantics]exts
		skept   map[Semantics][]int // skeptically accepted arguments, where stated
		credNot map[Semantics][]int // arguments not credulously accepted, where stated
	}{
		{
			name: "empty framework",
			adj:  graph.Adjacency{},
			want: map[Semantics]exts{
				Grounded: {{}}, Complete: {{}}, Preferred: {{}}, Stable: {{}},
				SemiStable: {{}}, Stage: {{}}, Ideal: {{}},
			},
		},
		{
			name: "odd cycle a->b->c->a",
			adj:  pairs(3, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 0}),
			want: map[Semantics]exts{
				Grounded: {{}}, Complete: {{}}, Preferred: {{}}, Stable: {},
				SemiStable: {{}}, Stage: {{0}, {1}, {2}}, Ideal: {{}},
			},
			// No stable extension: every argument is skeptically accepted, vacuously.
			skept: map[Semantics][]int{Stable: {0, 1, 2}, Preferred: {}},
		},
		{
			name: "even cycle a<->b",
			adj:  pairs(2, [2]int{0, 1}, [2]int{1, 0}),
			want: map[Semantics]exts{
				Grounded: {{}}, Complete: {{}, {0}, {1}}, Preferred: {{0}, {1}}, Stable: {{0}, {1}},
				SemiStable: {{0}, {1}}, Stage: {{0}, {1}}, Ideal: {{}},
			},
		},
		{
			name: "floating reinstatement a<->b, a->c, b->c, c->d",
			adj:  pairs(4, [2]int{0, 1}, [2]int{1, 0}, [2]int{0, 2}, [2]int{1, 2}, [2]int{2, 3}),
			want: map[Semantics]exts{
				Grounded:   {{}},
				Complete:   {{}, {0, 3}, {1, 3}},
				Preferred:  {{0, 3}, {1, 3}},
				Stable:     {{0, 3}, {1, 3}},
				SemiStable: {{0, 3}, {1, 3}},
				Stage:      {{0, 3}, {1, 3}},
				Ideal:      {{}},
			},
			// d is skeptically preferred but not grounded.
			skept: map[Semantics][]int{Preferred: {3}, Grounded: {}, Complete: {}, Ideal: {}},
		},
		{
			name: "self-attacking argument a->a, a->b",
			adj:  pairs(3, [2]int{0, 0}, [2]int{0, 1}),
			want: map[Semantics]exts{
				Grounded: {{2}}, Complete: {{2}}, Preferred: {{2}}, Stable: {},
				SemiStable: {{2}}, Stage: {{1, 2}}, Ideal: {{2}},
			},
			credNot: map[Semantics][]int{Stage: {0}, Preferred: {0, 1}},
		},
		{
			name: "chain a->b->c->d->e",
			adj:  pairs(5, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 3}, [2]int{3, 4}),
			want: map[Semantics]exts{
				Grounded: {{0, 2, 4}}, Complete: {{0, 2, 4}}, Preferred: {{0, 2, 4}},
				Stable: {{0, 2, 4}}, SemiStable: {{0, 2, 4}}, Stage: {{0, 2, 4}}, Ideal: {{0, 2, 4}},
			},
		},
		{
			// Ideal differs from grounded (Dung, Mancarella, Toni 2007): a<->b, b->b, so
			// {a} is the only preferred extension, and admissible; grounded is empty.
			name: "ideal is not grounded: a<->b, b->b",
			adj:  pairs(2, [2]int{0, 1}, [2]int{1, 0}, [2]int{1, 1}),
			want: map[Semantics]exts{
				Grounded: {{}}, Complete: {{}, {0}}, Preferred: {{0}}, Stable: {{0}},
				SemiStable: {{0}}, Stage: {{0}}, Ideal: {{0}},
			},
		},
		{
			// Ideal between grounded and the intersection of the preferred extensions:
			// a<->b, a->c, b->c, c->d, d->e. Preferred {a,d}, {b,d}; their intersection
			// {d} is not admissible on its own (c attacks d, and only a or b attack c),
			// so ideal is empty like grounded.
			name: "ideal smaller than the intersection of preferred",
			adj:  pairs(5, [2]int{0, 1}, [2]int{1, 0}, [2]int{0, 2}, [2]int{1, 2}, [2]int{2, 3}, [2]int{3, 4}),
			want: map[Semantics]exts{
				Grounded: {{}}, Preferred: {{0, 3}, {1, 3}}, Ideal: {{}},
				Stable: {{0, 3}, {1, 3}},
			},
		},
		{
			// Semi-stable differs from preferred: a<->b, b->c, c->c. Both {a} and {b}
			// are preferred, but only {b} also attacks c: it is stable, and so the
			// only semi-stable and stage extension.
			name: "semi-stable picks the larger range",
			adj:  pairs(3, [2]int{0, 1}, [2]int{1, 0}, [2]int{1, 2}, [2]int{2, 2}),
			want: map[Semantics]exts{
				Preferred: {{0}, {1}}, Stable: {{1}}, SemiStable: {{1}}, Stage: {{1}},
				Grounded: {{}}, Ideal: {{}},
			},
		},
		{
			// Stage differs from semi-stable: a 3-cycle a->b->c->a with c->d: no
			// stable extension; the only complete extension is empty, so semi-stable
			// is {{}}; stage takes the conflict-free sets with maximal range.
			name: "stage differs from semi-stable",
			adj:  pairs(4, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 0}, [2]int{2, 3}),
			want: map[Semantics]exts{
				SemiStable: {{}}, Stage: {{0, 3}, {1, 3}, {2}}, Stable: {},
			},
		},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := NewFramework(tt.adj)
			for sem, want := range tt.want {
				got := collect(t, f, sem)
				if !slices.EqualFunc(got, want, func(a, b Extension) bool { return slices.Equal(a, b) }) {
					t.Errorf("%v extensions = %v, want %v", sem, got, want)
				}
				// The reference must agree with the literature too.
				if ref := sortedExtensions(newRefAF(tt.adj).extensions(sem)); !slices.EqualFunc(ref, want, func(a, b Extension) bool { return slices.Equal(a, b) }) {
					t.Errorf("reference %v extensions = %v, want %v", sem, ref, want)
				}
			}
			for sem, args := range tt.skept {
				for a := range f.Len() {
					want := slices.Contains(args, a)
					if got, _, err := Skeptical(ctx, f, sem, a); err != nil || got != want {
						t.Errorf("Skeptical(%v, %d) = %v, %v, want %v", sem, a, got, err, want)
					}
				}
			}
			for sem, args := range tt.credNot {
				for _, a := range args {
					if got, _, err := Credulous(ctx, f, sem, a); err != nil || got {
						t.Errorf("Credulous(%v, %d) = %v, %v, want false", sem, a, got, err)
					}
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	f := NewFramework(pairs(2, [2]int{0, 1}))
	if _, _, err := Credulous(ctx, f, Preferred, 2); err == nil {
		t.Error("Credulous with argument 2 of 2: no error")
	}
	if _, _, err := Skeptical(ctx, f, Stable, -1); err == nil {
		t.Error("Skeptical with argument -1: no error")
	}
	if err := Extensions(ctx, f, 0, func(Extension) bool { return true }); err == nil {
		t.Error("Extensions with Semantics(0): no error")
	}
	if _, _, err := Some(ctx, f, 99); err == nil {
		t.Error("Some with Semantics(99): no error")
	}
}

func TestExtensionsStopsEarly(t *testing.T) {
	// Four independent even cycles: 16 preferred extensions.
	var adj graph.Adjacency
	for i := range 4 {
		adj = append(adj, []int{2*i + 1}, []int{2 * i})
	}
	f := NewFramework(adj)
	calls := 0
	err := Extensions(context.Background(), f, Preferred, func(Extension) bool {
		calls++
		return calls < 3
	})
	if err != nil || calls != 3 {
		t.Errorf("Extensions stopped after %d calls, err %v; want 3, nil", calls, err)
	}
	if got := len(collect(t, f, Preferred)); got != 16 {
		t.Errorf("%d preferred extensions, want 16", got)
	}
}
