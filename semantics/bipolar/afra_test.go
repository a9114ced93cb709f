package bipolar

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/graph"
	"github.com/argmap/argmap/semantics"
)

// An AFRA (Baroni, Cerutti, Giacomin & Guida, "AFRA: Argumentation framework with
// recursive attacks", IJAR 52(1), 2011; arXiv:1810.04886) of the depth argmap
// writes: attacks from an argument on an argument, and undercuts, attacks from an
// argument on such an attack.
type afra struct {
	n         int      // arguments 0..n-1
	attacks   [][2]int // from, to
	undercuts [][2]int // from, index in attacks
}

// elements of the AFRA: the arguments 0..n-1, then the attacks, then the undercuts.
func (x afra) size() int { return x.n + len(x.attacks) + len(x.undercuts) }

// defeats is AFRA's defeat relation over its elements (Baroni et al. 2011, Def. 4):
// an attack α defeats an element β when its target is β, or β is an attack whose
// source is α's target.
func (x afra) defeats() relation {
	d := newRelation(x.size())
	src := func(e int) int { // the source argument of an attack or undercut element
		if e < x.n+len(x.attacks) {
			return x.attacks[e-x.n][0]
		}
		return x.undercuts[e-x.n-len(x.attacks)][0]
	}
	target := func(e int) int { // the target element
		if e < x.n+len(x.attacks) {
			return x.attacks[e-x.n][1]
		}
		return x.n + x.undercuts[e-x.n-len(x.attacks)][1]
	}
	for a := x.n; a < x.size(); a++ {
		t := target(a)
		d[a][t] = true
		if t < x.n {
			for b := x.n; b < x.size(); b++ {
				if src(b) == t {
					d[a][b] = true
				}
			}
		}
	}
	return d
}

// extensionsBrute returns the extensions of Dung's semantics s over the relation
// d, by enumerating every subset, each as the sorted list of its elements below
// keep, the lists sorted and without repetitions.
func extensionsBrute(d relation, s semantics.Semantics, keep int) []string {
	n := len(d)
	attacked := func(set uint, b int) bool {
		for a := range n {
			if set&(1<<a) != 0 && d[a][b] {
				return true
			}
		}
		return false
	}
	defended := func(set uint, b int) bool {
		for a := range n {
			if d[a][b] && !attacked(set, a) {
				return false
			}
		}
		return true
	}
	var complete, stable []uint
	for set := uint(0); set < 1<<n; set++ {
		ok, all := true, true
		for b := range n {
			in := set&(1<<b) != 0
			if in && attacked(set, b) {
				ok = false // not conflict-free
			}
			if in != defended(set, b) {
				ok = false
			}
			if !in && !attacked(set, b) {
				all = false
			}
		}
		if ok {
			complete = append(complete, set)
		}
		conflictFree := true
		for b := range n {
			if set&(1<<b) != 0 && attacked(set, b) {
				conflictFree = false
			}
		}
		if conflictFree && all {
			stable = append(stable, set)
		}
	}
	var chosen []uint
	switch s {
	case semantics.Complete:
		chosen = complete
	case semantics.Stable:
		chosen = stable
	case semantics.Grounded:
		for _, c := range complete {
			if slices.IndexFunc(complete, func(o uint) bool { return o != c && o&c == o }) < 0 {
				chosen = append(chosen, c)
			}
		}
	case semantics.Preferred:
		for _, c := range complete {
			if slices.IndexFunc(complete, func(o uint) bool { return o != c && o&c == c }) < 0 {
				chosen = append(chosen, c)
			}
		}
	}
	var out []string
	for _, c := range chosen {
		var ids []string
		for b := range keep {
			if c&(1<<b) != 0 {
				ids = append(ids, fmt.Sprint(b))
			}
		}
		out = append(out, "{"+strings.Join(ids, ",")+"}")
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// reduce builds x as argmap's map graph does: an undercut attack is an inference
// node with a premise edge from its source and an attack on its target, which its
// undercuts attack; every other attack is an attack edge.
func (x afra) reduce() *graph.Graph {
	g := graph.New()
	for i := range x.n {
		g.AddNode(fmt.Sprint(i))
	}
	inf := map[int]int{}
	for _, u := range x.undercuts {
		if _, ok := inf[u[1]]; !ok {
			a := x.attacks[u[1]]
			inf[u[1]] = g.AddAttackInference(fmt.Sprint(a[0], "->", a[1]), a[0], a[1])
		}
	}
	for k, a := range x.attacks {
		if i, ok := inf[k]; ok {
			g.AddEdge(a[0], i, graph.Premise)
			g.AddEdge(i, a[1], graph.Attack)
			continue
		}
		g.AddEdge(a[0], a[1], graph.Attack)
	}
	for _, u := range x.undercuts {
		g.AddEdge(u[0], inf[u[1]], graph.Attack)
	}
	return g
}

func reducedExtensions(t *testing.T, x afra, m Mode, s semantics.Semantics) []string {
	t.Helper()
	g := x.reduce()
	f := semantics.NewFramework(Attacks(Convergent(g, m), m))
	var out []string
	err := semantics.Extensions(context.Background(), f, s, func(e semantics.Extension) bool {
		var ids []string
		for _, v := range e {
			if v < x.n {
				ids = append(ids, fmt.Sprint(v))
			}
		}
		out = append(out, "{"+strings.Join(sortedNumbers(ids), ",")+"}")
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortedNumbers(ids []string) []string {
	slices.SortFunc(ids, func(a, b string) int {
		var x, y int
		fmt.Sscan(a, &x)
		fmt.Sscan(b, &y)
		return x - y
	})
	return ids
}

// TestAFRAReduction compares the extensions of argmap's reduction of attacks on
// attacks, projected on the arguments, with those of AFRA computed by brute force
// over its arguments and attacks, under grounded, complete, preferred and stable
// semantics, in every reading of the supports (there are none to read), on random
// small AFRAs.
func TestAFRAReduction(t *testing.T) {
	rng := rand.New(rand.NewPCG(2011, 19))
	for iter := range propertyGraphs() / 2 {
		x := afra{n: 1 + rng.IntN(4)}
		for range rng.IntN(5) {
			// argmap names an attack by its ends, so it has no two attacks
			// between the same arguments.
			if a := [2]int{rng.IntN(x.n), rng.IntN(x.n)}; !slices.Contains(x.attacks, a) {
				x.attacks = append(x.attacks, a)
			}
		}
		for range rng.IntN(4) {
			if len(x.attacks) > 0 {
				x.undercuts = append(x.undercuts, [2]int{rng.IntN(x.n), rng.IntN(len(x.attacks))})
			}
		}
		d := x.defeats()
		for _, s := range []semantics.Semantics{semantics.Grounded, semantics.Complete, semantics.Preferred, semantics.Stable} {
			want := extensionsBrute(d, s, x.n)
			for _, m := range Modes() {
				if got := reducedExtensions(t, x, m, s); !slices.Equal(got, want) {
					t.Fatalf("AFRA #%d %+v, %v, %v:\n got %v\nwant %v", iter, x, s, m, got, want)
				}
			}
		}
	}
}

// TestJackTheKiller is the example that opens Boella, Gabbay, van der Torre &
// Villata, "Meta-argumentation modelling I", Studia Logica 93 (2009), Figure 1:
// "a common clerk cannot enter the house of Sir John" (c) attacks "Jack The
// Killer killed Sir John" (k), and "Jack was the administrator of Sir John's
// fortune" (a) attacks that attack. With the attack undercut, k is accepted.
func TestJackTheKiller(t *testing.T) {
	x := afra{n: 3, attacks: [][2]int{{0, 1}}, undercuts: [][2]int{{2, 0}}} // 0 = c, 1 = k, 2 = a
	for _, m := range Modes() {
		if got := reducedExtensions(t, x, m, semantics.Grounded); !slices.Equal(got, []string{"{0,1,2}"}) {
			t.Errorf("%v: grounded %v, want {c, k, a}", m, got)
		}
	}
	if got := extensionsBrute(x.defeats(), semantics.Grounded, x.n); !slices.Equal(got, []string{"{0,1,2}"}) {
		t.Errorf("AFRA by brute force: %v", got)
	}
}
