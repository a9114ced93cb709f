package semantics

import (
	"context"

	"github.com/argmap/argmap/semantics/internal/sat"
)

// satSolver is the incremental SAT solver as the algorithms use it: clauses given as
// slices, solving under assumptions with cancellation through a context, and activation
// literals for clauses that hold only for a while: a clause guarded by act is added as
// (¬act ∨ clause), enforced by assuming act, and retired for good by the unit clause
// ¬act, after which the solver deletes it.
type satSolver struct {
	s        *sat.Solver
	ctx      context.Context
	calls    int // solve calls, for tests and statistics
	unknowns int // solveLimited calls that ran out of budget, likewise
	buf      []sat.Lit
}

// newSATSolver returns a solver for a problem with variables 0..vars-1; activation
// variables come after those.
func newSATSolver(ctx context.Context, vars, clauses int) *satSolver {
	s := &satSolver{s: sat.New(), ctx: ctx}
	for range vars {
		s.s.NewVar()
	}
	return s
}

// clause adds the disjunction of lits.
func (s *satSolver) clause(lits ...sat.Lit) { s.s.AddClause(lits...) }

// guarded adds (¬act ∨ lits...): the disjunction of lits, in force while act is assumed.
func (s *satSolver) guarded(act sat.Lit, lits []sat.Lit) {
	s.buf = append(append(s.buf[:0], act.Not()), lits...)
	s.s.AddClause(s.buf...)
}

// newAct returns a fresh activation literal.
func (s *satSolver) newAct() sat.Lit { return s.s.NewVar().Pos() }

// retire switches off for good the clauses guarded by act.
func (s *satSolver) retire(act sat.Lit) { s.s.AddClause(act.Not()) }

// solve reports whether the clauses are satisfiable under the assumptions; if they are,
// value gives the model. It returns the context's error if the context ends first.
func (s *satSolver) solve(assumptions ...sat.Lit) (bool, error) {
	s.calls++
	return s.s.Solve(s.ctx, assumptions...)
}

// solveLimited is solve that gives up, answering sat.Unknown, after maxConflicts
// conflicts (no limit if negative).
func (s *satSolver) solveLimited(maxConflicts int64, assumptions ...sat.Lit) (sat.Status, error) {
	s.calls++
	st, err := s.s.SolveLimited(s.ctx, maxConflicts, assumptions...)
	if st == sat.Unknown && err == nil {
		s.unknowns++
	}
	return st, err
}

// conflicts returns the number of conflicts met so far.
func (s *satSolver) conflicts() int64 { return s.s.Conflicts }

// value returns the value of m in the model of the last satisfiable solve.
func (s *satSolver) value(m sat.Lit) bool { return s.s.Value(m) }
