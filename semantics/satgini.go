//go:build gini

package semantics

import (
	"context"
	"time"

	"github.com/argmap/argmap/semantics/internal/sat"
	"github.com/go-air/gini"
	"github.com/go-air/gini/z"
)

// How long one call of the SAT solver runs before it is interrupted to look at the
// context, when the context can be cancelled: the first slice is short, so that quick
// calls never pay for the check, and later slices double up to the maximum, the longest
// a cancellation may wait.
const (
	firstSlice = 50 * time.Millisecond
	maxSlice   = 400 * time.Millisecond
	forever    = 100 * 365 * 24 * time.Hour
	actChunk   = 256 // activation variables made at a time
)

// satSolver wraps an incremental gini solver with what the algorithms need: clauses
// given as slices, assumptions, cancellation through a context, and activation literals
// for clauses that hold only for a while.
//
// Cancellation: gini's Try stops a search after a duration and leaves the solver usable,
// keeping what it learnt, so solve runs the search in slices and checks the context
// between them. (gini's own asynchronous interface cannot wait for a result and a
// context at once.) A slice never outlasts the context's deadline.
//
// Activation literals: a clause that must hold only for a while is added with a fresh
// variable act as (¬act ∨ clause) and enforced by assuming act; it is retired for good
// by the unit clause ¬act. gini has its own activation mechanism, but it panics when the
// clause is already satisfied or falsified by the solver's level-0 facts, which the
// caller cannot see, so it is not used. Fresh variables are made actChunk at a time,
// because gini recomputes its phase table whenever the number of variables changes.
//
// Models: adding a clause makes gini forget its model (it backtracks to level 0), so solve
// copies the values of the problem's variables as soon as it finds a model, and value
// reads that copy.
type satSolver struct {
	g     *gini.Gini
	ctx   context.Context
	first time.Duration // the first slice; a field so that tests can shorten it
	acts  []sat.Lit     // fresh activation literals made in advance
	vals  []bool        // the last model: vals[v] for the variables 0..vars-1
	calls int           // solve calls, for tests and statistics
	unsat bool          // the clauses alone are unsatisfiable
	why   []z.Lit
}

// newSATSolver returns a solver for a problem with variables 1..vars (activation
// variables come after those) and about clauses clauses.
func newSATSolver(ctx context.Context, vars, clauses int) *satSolver {
	s := &satSolver{g: gini.NewVc(vars+actChunk, clauses), ctx: ctx, first: firstSlice,
		vals: make([]bool, vars)}
	// Make sure the activation variables come after the problem's, even if the
	// problem's highest variables appear in no clause yet.
	if vars > 0 {
		v := z.Var(vars).Pos()
		s.g.Add(v)
		s.g.Add(v.Not())
		s.g.Add(0)
	}
	return s
}

func zl(m sat.Lit) z.Lit {
	v := z.Var(m.Var() + 1)
	if m.IsPos() {
		return v.Pos()
	}
	return v.Neg()
}

// clause adds the disjunction of lits.
func (s *satSolver) clause(lits ...sat.Lit) {
	for _, m := range lits {
		s.g.Add(zl(m))
	}
	s.g.Add(z.LitNull)
}

// guarded adds (¬act ∨ lits...): the disjunction of lits, in force while act is assumed.
func (s *satSolver) guarded(act sat.Lit, lits []sat.Lit) {
	s.g.Add(zl(act).Not())
	s.clause(lits...)
}

// newAct returns a fresh activation literal.
func (s *satSolver) newAct() sat.Lit {
	if len(s.acts) == 0 {
		for range actChunk {
			s.acts = append(s.acts, sat.Var(s.g.Lit().Var()-1).Pos())
		}
	}
	m := s.acts[len(s.acts)-1]
	s.acts = s.acts[:len(s.acts)-1]
	return m
}

// retire switches off for good the clauses guarded by act.
func (s *satSolver) retire(act sat.Lit) { s.clause(act.Not()) }

// solve reports whether the clauses are satisfiable under the assumptions; if they are,
// value gives the model. It returns the context's error if the context ends first.
func (s *satSolver) solve(assumptions ...sat.Lit) (bool, error) {
	if err := s.ctx.Err(); err != nil {
		return false, err
	}
	if s.unsat {
		return false, nil
	}
	s.calls++
	done := s.ctx.Done()
	deadline, hasDeadline := s.ctx.Deadline()
	slice := s.first
	for {
		d := forever
		if done != nil {
			d = slice
			slice = min(2*slice, maxSlice)
		}
		if hasDeadline {
			left := time.Until(deadline)
			if left <= 0 {
				return false, context.DeadlineExceeded
			}
			d = min(d, left)
		}
		for _, m := range assumptions {
			s.g.Assume(zl(m))
		}
		switch s.g.Try(d) {
		case 1:
			for v := 0; v < len(s.vals); v++ {
				s.vals[v] = s.g.Value(z.Var(v + 1).Pos())
			}
			return true, nil
		case -1:
			// No failed assumptions: the clauses themselves are unsatisfiable. Adding
			// clauses cannot change that, but gini v1.0.4 forgets it: after a conflict
			// at decision level 0, adding a clause and solving again yields a model
			// that violates the clauses (and gini's own check of the model then ends
			// the process). So remember it, and never ask gini again.
			if s.why = s.g.Why(s.why[:0]); len(s.why) == 0 {
				s.unsat = true
			}
			return false, nil
		}
		if err := s.ctx.Err(); err != nil {
			return false, err
		}
	}
}

// value returns the value of m, a literal of a problem variable, in the model of the
// last satisfiable solve.
func (s *satSolver) value(m sat.Lit) bool { return s.vals[m.Var()] == m.IsPos() }
