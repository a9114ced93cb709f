// Package gradual computes gradual semantics: how strong each argument is, as a number in
// [0, 1], rather than whether it is accepted. Two are offered:
//
//   - [HCategorizer], the h-categorizer of Besnard & Hunter (2001), on an attack
//     relation: an argument nothing attacks has strength 1, and an argument is the
//     weaker the stronger its attackers are. It knows no supports: the relation it is
//     given may hold attacks derived from them (argmap eval gives it the attacks that
//     --support derives, package semantics/bipolar), and then its strengths change with
//     the reading of the supports;
//   - [DFQuAD], the DF-QuAD semantics of Rago, Toni, Aurisicchio & Baroni (2016), on
//     attacks and supports as they are, starting from a base score per argument
//     (argmap's `weight`, 0.5 by default): attackers lower it, supporters raise it, and
//     an argument with neither keeps its base score, so 1 is not the strength of the
//     unattacked but of what its base score or its supporters carry there.
//
// Both are defined by one equation per argument. On an acyclic graph the equations are
// solved exactly, argument after argument; with cycles they are solved by iteration to
// within [Tolerance], and a *[ConvergenceError] is returned rather than looping on when
// [MaxIterations] iterations are not enough. Each function's documentation says exactly
// what it computes and what the tolerance guarantees.
//
// The package knows nothing of files or commands: it works on [graph.Directed] views and
// [graph.Graph] values, and has no state of its own.
//
// # References
//
//   - P. Besnard and A. Hunter. A logic-based theory of deductive arguments. Artificial
//     Intelligence 128(1–2):203–235, 2001.
//   - Q. Pu, G. Luo, D. Zhang and J. Luo. Argument ranking with categoriser function.
//     KSEM 2014, LNCS 8793, pp. 290–301, Springer, 2014.
//   - A. Rago, F. Toni, M. Aurisicchio and P. Baroni. Discontinuity-free decision support
//     with quantitative argumentation debates. KR 2016, pp. 63–72, AAAI Press, 2016.
//   - N. Potyka. Continuous dynamical systems for weighted bipolar argumentation. KR 2018,
//     pp. 148–157, AAAI Press, 2018.
//   - T. Mossakowski and F. Neuhaus. Modular semantics and characteristics for bipolar
//     weighted argumentation graphs. arXiv:1807.06685, 2018.
package gradual

import (
	"fmt"
	"strconv"
)

// Tolerance is how closely the iterations solve the equations: see [HCategorizer] and
// [DFQuAD] for what it bounds in each.
const Tolerance = 1e-9

// MaxIterations bounds the iterations of [HCategorizer] over the whole graph, and of
// [DFQuAD] over each cycle of the graph. Both usually need tens to hundreds: on random
// maps of 10,000 arguments and 30,000 relations, 30 for HCategorizer and 89 for DFQuAD
// on one giant cycle. The bound stops the rare case that converges too slowly.
const MaxIterations = 10_000

// DefaultBase is the base score [DFQuAD] gives every argument when it is given no base
// scores: argmap's default `weight`.
const DefaultBase = 0.5

// ConvergenceError reports that an iteration did not reach [Tolerance] within
// [MaxIterations] iterations.
type ConvergenceError struct {
	Semantics  string  // "h-categorizer" or "DF-QuAD"
	Iterations int     // the iterations made
	Arguments  int     // how many arguments were iterated together: a whole graph, or one cycle
	Argument   int     // an argument whose strength changed by Change in the last iteration
	Name       string  // its name, if known
	Change     float64 // the largest change of a strength in the last iteration
}

// Error says which semantics did not converge, after how many iterations over how many
// arguments, and by how much a strength still changed.
func (e *ConvergenceError) Error() string {
	arg := strconv.Itoa(e.Argument)
	if e.Name != "" {
		arg = strconv.Quote(e.Name)
	}
	return fmt.Sprintf("%s did not converge in %d iterations over %d arguments: the strength of argument %s "+
		"still changed by %.3g in the last, more than the tolerance %g",
		e.Semantics, e.Iterations, e.Arguments, arg, e.Change, Tolerance)
}
