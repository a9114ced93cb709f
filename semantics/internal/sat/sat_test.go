package sat

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

// The solver is checked against brute force the way package semantics uses it:
// incrementally, with assumptions, clauses added between calls, activation literals that
// guard clauses and are retired by a unit clause, and learnt-clause deletion and level-0
// simplification forced to happen often.

// refClause is a clause as two masks over at most 20 variables: it is satisfied by
// assignment x (bit v is variable v) if x has a variable of pos or lacks one of neg.
type refClause struct {
	pos, neg uint32
	act      Lit // litUndef: permanent; else in force while act is assumed
}

func (c refClause) sat(x uint32) bool { return x&c.pos != 0 || ^x&c.neg != 0 }

func toRef(lits []Lit, act Lit) refClause {
	c := refClause{act: act}
	for _, l := range lits {
		if l.IsPos() {
			c.pos |= 1 << l.Var()
		} else {
			c.neg |= 1 << l.Var()
		}
	}
	return c
}

// inForce returns the clauses that hold under the assumptions, with the assumptions on
// problem variables as unit clauses.
func inForce(clauses []refClause, assumptions []Lit, vars int) []refClause {
	assumed := map[Lit]bool{}
	var out []refClause
	for _, a := range assumptions {
		assumed[a] = true
		if int(a.Var()) < vars {
			out = append(out, toRef([]Lit{a}, litUndef))
		}
	}
	for _, c := range clauses {
		if c.act == litUndef || assumed[c.act] {
			out = append(out, c)
		}
	}
	return out
}

func bruteSAT(vars int, clauses []refClause) bool {
	for x := uint32(0); x < 1<<vars; x++ {
		if allSat(x, clauses) {
			return true
		}
	}
	return false
}

func allSat(x uint32, clauses []refClause) bool {
	for _, c := range clauses {
		if !c.sat(x) {
			return false
		}
	}
	return true
}

func randomClause(rng *rand.Rand, vars, maxLen int) []Lit {
	c := make([]Lit, 1+rng.IntN(maxLen))
	for i := range c {
		v := Var(rng.IntN(vars))
		if rng.IntN(2) == 0 {
			c[i] = v.Pos()
		} else {
			c[i] = v.Neg()
		}
	}
	return c
}

func modelOf(s *Solver, vars int) uint32 {
	var x uint32
	for v := range vars {
		if s.Value(Var(v).Pos()) {
			x |= 1 << v
		}
		if s.Value(Var(v).Pos()) == s.Value(Var(v).Neg()) {
			panic("a variable both true and false")
		}
	}
	return x
}

func TestIncrementalAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	rounds := 1500
	if testing.Short() {
		rounds = 300
	}
	ctx := context.Background()
	sats, unsats := 0, 0
	for round := range rounds {
		vars := 1 + rng.IntN(16)
		maxLen := 2 + rng.IntN(3)
		s := New()
		for range vars {
			s.NewVar()
		}
		if round%2 == 0 {
			s.nextReduce = 1 + int64(rng.IntN(20)) // force early deletion
		}
		var clauses []refClause
		var acts []Lit
		for range vars * (1 + rng.IntN(4)) {
			c := randomClause(rng, vars, maxLen)
			s.AddClause(c...)
			clauses = append(clauses, toRef(c, litUndef))
		}
		for step := range 80 {
			switch op := rng.IntN(10); {
			case op < 2:
				c := randomClause(rng, vars, maxLen)
				s.AddClause(c...)
				clauses = append(clauses, toRef(c, litUndef))
			case op < 4:
				var act Lit
				if len(acts) > 0 && rng.IntN(2) == 0 {
					act = acts[rng.IntN(len(acts))]
				} else {
					act = s.NewVar().Pos()
					acts = append(acts, act)
				}
				c := randomClause(rng, vars, maxLen)
				s.AddClause(append([]Lit{act.Not()}, c...)...)
				clauses = append(clauses, toRef(c, act))
			case op < 5 && len(acts) > 0:
				i := rng.IntN(len(acts))
				s.AddClause(acts[i].Not())
				kept := clauses[:0]
				for _, c := range clauses {
					if c.act != acts[i] {
						kept = append(kept, c)
					}
				}
				clauses = kept
				acts = append(acts[:i], acts[i+1:]...)
			default:
				var assume []Lit
				for range rng.IntN(4) {
					assume = append(assume, randomClause(rng, vars, 1)[0])
				}
				for _, act := range acts {
					if rng.IntN(3) != 0 {
						assume = append(assume, act)
					}
				}
				got, err := solveSomehow(ctx, s, rng, assume)
				if err != nil {
					t.Fatal(err)
				}
				force := inForce(clauses, assume, vars)
				if want := bruteSAT(vars, force); got != want {
					t.Fatalf("round %d step %d: Solve(%v) = %v, brute force says %v", round, step, assume, got, want)
				}
				if !got {
					unsats++
					continue
				}
				sats++
				x := modelOf(s, vars)
				if !allSat(x, force) {
					t.Fatalf("round %d step %d: model %b of Solve(%v) violates the clauses in force", round, step, x, assume)
				}
				for _, a := range assume {
					if !s.Value(a) {
						t.Fatalf("round %d step %d: assumption %d false in the model", round, step, a)
					}
				}
				// The model survives adding a clause.
				s.AddClause(Var(0).Pos(), Var(0).Neg())
				if modelOf(s, vars) != x {
					t.Fatalf("the model changed after adding a clause")
				}
			}
		}
	}
	if sats < rounds || unsats < rounds {
		t.Errorf("only %d SAT and %d UNSAT answers checked; the random instances need tuning", sats, unsats)
	}
}

// solveSomehow solves with Solve, or with SolveLimited and small budgets, called
// again until it knows the answer.
func solveSomehow(ctx context.Context, s *Solver, rng *rand.Rand, assume []Lit) (bool, error) {
	if rng.IntN(2) == 0 {
		return s.Solve(ctx, assume...)
	}
	for {
		st, err := s.SolveLimited(ctx, 1+int64(rng.IntN(3)), assume...)
		if err != nil || st != Unknown {
			return st == Satisfiable, err
		}
	}
}

// TestSolveLimited checks that a search cut short by its budget answers Unknown, and
// that calls with more budget go on to the right answer.
func TestSolveLimited(t *testing.T) {
	ctx := context.Background()
	s := New()
	act := s.NewVar().Pos()
	pigeonhole(s, 9, 8, act)
	unknowns := 0
	for budget := int64(16); ; budget *= 2 {
		before := s.Conflicts
		st, err := s.SolveLimited(ctx, budget, act)
		if err != nil {
			t.Fatal(err)
		}
		if used := s.Conflicts - before; used > budget {
			t.Fatalf("budget %d: %d conflicts", budget, used)
		}
		if st == Satisfiable {
			t.Fatal("pigeonhole 9/8: a model")
		}
		if st == Unsatisfiable {
			break
		}
		unknowns++
	}
	if unknowns == 0 {
		t.Error("pigeonhole 9/8 solved within 16 conflicts: the test needs a harder instance")
	}
	if st, err := s.SolveLimited(ctx, 1000); err != nil || st != Satisfiable {
		t.Errorf("without the guard: %v, %v; want Satisfiable", st, err)
	}
}

// TestRandom3SAT checks one-shot answers on random 3-SAT near the threshold, where the
// solver must learn, restart and delete clauses.
func TestRandom3SAT(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 300
	if testing.Short() {
		n = 60
	}
	ctx := context.Background()
	sats, unsats := 0, 0
	for i := range n {
		vars := 12 + rng.IntN(9)
		m := int(4.26 * float64(vars))
		s := New()
		s.nextReduce = 10
		var clauses []refClause
		for range m {
			c := make([]Lit, 3)
			for k := range c {
				v := Var(rng.IntN(vars))
				c[k] = v.Pos()
				if rng.IntN(2) == 0 {
					c[k] = v.Neg()
				}
			}
			s.AddClause(c...)
			clauses = append(clauses, toRef(c, litUndef))
		}
		got, err := s.Solve(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := bruteSAT(vars, clauses); got != want {
			t.Fatalf("#%d: Solve = %v, brute force says %v", i, got, want)
		}
		if got {
			sats++
			if x := modelOf(s, vars); !allSat(x, clauses) {
				t.Fatalf("#%d: the model violates a clause", i)
			}
		} else {
			unsats++
		}
	}
	if sats == 0 || unsats == 0 {
		t.Errorf("%d SAT, %d UNSAT: want both", sats, unsats)
	}
}

// pigeonhole adds the clauses saying that p pigeons sit in h holes, one per hole; with
// act not litUndef, pigeon 0 must sit only while act is assumed.
func pigeonhole(s *Solver, p, h int, act Lit) {
	v := func(i, j int) Lit { return Var(i*h + j).Pos() }
	for i := range p {
		var c []Lit
		if i == 0 && act != litUndef {
			c = append(c, act.Not())
		}
		for j := range h {
			c = append(c, v(i, j))
		}
		s.AddClause(c...)
	}
	for j := range h {
		for i := range p {
			for k := i + 1; k < p; k++ {
				s.AddClause(v(i, j).Not(), v(k, j).Not())
			}
		}
	}
}

func TestPigeonholeIncremental(t *testing.T) {
	const p, h = 8, 7
	ctx := context.Background()
	s := New()
	for range p * h {
		s.NewVar()
	}
	act := s.NewVar().Pos()
	s.nextReduce = 100
	pigeonhole(s, p, h, act)
	if ok, err := s.Solve(ctx, act); err != nil || ok {
		t.Fatalf("pigeonhole %d/%d: %v, %v; want UNSAT", p, h, ok, err)
	}
	if ok, err := s.Solve(ctx); err != nil || !ok {
		t.Fatalf("pigeonhole %d/%d without pigeon 0: %v, %v; want SAT", p, h, ok, err)
	}
	taken := make([]bool, h)
	for i := 1; i < p; i++ {
		seats := 0
		for j := range h {
			if s.Value(Var(i*h + j).Pos()) {
				seats++
				if taken[j] {
					t.Fatalf("hole %d taken twice", j)
				}
				taken[j] = true
			}
		}
		if seats != 1 {
			t.Fatalf("pigeon %d in %d holes", i, seats)
		}
	}
	if ok, err := s.Solve(ctx, act); err != nil || ok {
		t.Fatalf("pigeonhole again: %v, %v; want UNSAT", ok, err)
	}
	// Retire the guard: pigeon 0 may now stay away for good.
	s.AddClause(act.Not())
	if ok, err := s.Solve(ctx); err != nil || !ok {
		t.Fatalf("after retiring the guard: %v, %v; want SAT", ok, err)
	}
	if !s.Okay() {
		t.Error("Okay() = false for satisfiable clauses")
	}
}

func TestUnsatisfiableForGood(t *testing.T) {
	ctx := context.Background()
	s := New()
	a, b := s.NewVar(), s.NewVar()
	s.AddClause(a.Pos(), b.Pos())
	s.AddClause(a.Neg(), b.Pos())
	s.AddClause(a.Pos(), b.Neg())
	if ok, _ := s.Solve(ctx); !ok {
		t.Fatal("3 of the 4 clauses over a, b: want SAT")
	}
	s.AddClause(a.Neg(), b.Neg())
	for i := range 3 {
		if ok, err := s.Solve(ctx); ok || err != nil {
			t.Fatalf("solve #%d of an unsatisfiable formula: %v, %v", i, ok, err)
		}
		s.AddClause(s.NewVar().Pos(), s.NewVar().Pos()) // gini v1.0.4 ends the process here
	}
	if s.Okay() {
		t.Error("Okay() = true for unsatisfiable clauses")
	}
	if s.AddClause(a.Pos()) {
		t.Error("AddClause after unsatisfiability returned true")
	}
}

func TestEmptyAndUnitClauses(t *testing.T) {
	ctx := context.Background()
	s := New()
	if ok, _ := s.Solve(ctx); !ok {
		t.Fatal("no clauses: want SAT")
	}
	v := s.NewVar()
	s.AddClause(v.Pos(), v.Pos()) // repeated literal: a unit
	if ok, _ := s.Solve(ctx, v.Neg()); ok {
		t.Fatal("v, assuming ¬v: want UNSAT")
	}
	if ok, _ := s.Solve(ctx); !ok || !s.Value(v.Pos()) {
		t.Fatal("v: want SAT with v true")
	}
	s.AddClause()
	if ok, _ := s.Solve(ctx); ok {
		t.Fatal("the empty clause: want UNSAT")
	}
}

func TestCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := New()
	s.NewVar()
	if _, err := s.Solve(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v, want context.Canceled", err)
	}

	// Pigeonhole 13/12 takes far longer than the deadline; the solver must stop and
	// stay usable.
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	s = New()
	act := s.NewVar().Pos()
	pigeonhole(s, 13, 12, act)
	if _, err := s.Solve(ctx, act); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("deadline during the search: err = %v, want context.DeadlineExceeded", err)
	}
	if ok, err := s.Solve(context.Background()); err != nil || !ok {
		t.Errorf("after the interrupted search, without the guard: %v, %v; want SAT", ok, err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := s.Solve(ctx, act); !errors.Is(err, context.Canceled) {
		t.Errorf("cancel during the search: err = %v, want context.Canceled", err)
	}
}

func TestLiterals(t *testing.T) {
	v := Var(7)
	if v.Pos().Var() != v || v.Neg().Var() != v || !v.Pos().IsPos() || v.Neg().IsPos() ||
		v.Pos().Not() != v.Neg() || v.Neg().Not() != v.Pos() {
		t.Error("literal arithmetic is off")
	}
}

// TestPreferMaximal checks the property Prefer promises: the model found is ⊆-maximal in
// the preferred literals among the models satisfying the assumptions, also when
// preferences change between incremental calls.
func TestPreferMaximal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	rounds := 600
	if testing.Short() {
		rounds = 150
	}
	ctx := context.Background()
	checked := 0
	for round := range rounds {
		vars := 1 + rng.IntN(14)
		s := New()
		for range vars {
			s.NewVar()
		}
		var clauses []refClause
		for range vars * (1 + rng.IntN(3)) {
			c := randomClause(rng, vars, 3)
			s.AddClause(c...)
			clauses = append(clauses, toRef(c, litUndef))
		}
		for step := range 10 {
			// A random set of preferred literals of either sign.
			var pref []Lit
			var prefPos, prefNeg uint32
			for v := range vars {
				switch rng.IntN(3) {
				case 0:
					pref = append(pref, Var(v).Pos())
					prefPos |= 1 << v
				case 1:
					pref = append(pref, Var(v).Neg())
					prefNeg |= 1 << v
				}
			}
			s.Prefer(pref)
			var assume []Lit
			for range rng.IntN(3) {
				assume = append(assume, randomClause(rng, vars, 1)[0])
			}
			if rng.IntN(3) == 0 { // and a clause between the calls
				c := randomClause(rng, vars, 3)
				s.AddClause(c...)
				clauses = append(clauses, toRef(c, litUndef))
			}
			got, err := s.Solve(ctx, assume...)
			if err != nil {
				t.Fatal(err)
			}
			force := inForce(clauses, assume, vars)
			if want := bruteSAT(vars, force); got != want {
				t.Fatalf("round %d step %d: Solve = %v, brute force says %v", round, step, got, want)
			}
			if !got {
				continue
			}
			x := modelOf(s, vars)
			if !allSat(x, force) {
				t.Fatalf("round %d step %d: the model violates the clauses in force", round, step)
			}
			// The preferred literals true in x; no model may have strictly more.
			trueIn := func(y uint32) uint32 { return y&prefPos | ^y&prefNeg }
			have := trueIn(x)
			for y := uint32(0); y < 1<<vars; y++ {
				if h := trueIn(y); h != have && h&have == have && allSat(y, force) {
					t.Fatalf("round %d step %d: model %b has preferred literals %b, but model %b has more: %b",
						round, step, x, have, y, h)
				}
			}
			checked++
		}
	}
	if checked < rounds {
		t.Errorf("only %d models checked", checked)
	}
}
