// Package semantics computes the extensions of abstract argumentation frameworks
// (Dung 1995) under the grounded, complete, preferred, stable, semi-stable, stage and
// ideal semantics, and decides credulous and skeptical acceptance of single arguments.
//
// A [Framework] is a set of arguments 0..n-1 with an attack relation, built from a
// [graph.Directed] view of the attack edges. The package works on that alone: it reads no
// files and draws nothing.
//
// # Algorithms
//
// Every task starts with the grounded labelling, computed in linear time by propagation
// ([Framework.Grounded]). The arguments it labels in or out have the same label in every
// complete, preferred, stable, semi-stable and ideal extension, so the harder tasks work
// only on the framework restricted to the arguments it leaves undecided.
//
// Questions about a single argument under complete, preferred, grounded and ideal
// semantics (all of which satisfy directionality) are answered on the part of the
// framework that can reach the argument along attacks, and the certificate found there is
// then extended to the whole framework.
//
// The NP-hard and higher tasks are solved with an incremental CDCL SAT solver of
// argmap's own (package semantics/internal/sat, pure Go; its package comment says why
// no library is used):
//
//   - admissible and complete sets are models of a labelling encoding with two variables
//     per argument (in, out); stable extensions of a smaller one with one variable per
//     argument (in), as in the encodings of the ICCMA solvers μ-toksia and Crustabri;
//   - preferred extensions are found by maximisation in one call: the solver decides the
//     in variables first, true first, so the first admissible set it finds is ⊆-maximal,
//     that is preferred (the fact behind clingo's domRec enumeration); enumeration blocks
//     the subsets of each preferred extension found, so the next search starts outside
//     all of them. A single preferred extension is built component by component, along
//     the strongly connected components of what propagation leaves undecided;
//   - skeptical acceptance under preferred semantics first looks for a ⊆-maximal
//     admissible set attacking the argument (a counter-example if there is one), then
//     runs counter-example guided abstraction refinement (CEGAR): search a complete
//     extension without the argument, not contained in any preferred extension already
//     known to contain it, maximise it among the complete extensions without the
//     argument, and ask whether it can still be extended; if not, it is a preferred
//     counter-example;
//   - semi-stable and stage extensions have a ⊆-maximal range (the extension and what
//     it attacks) among the complete, respectively conflict-free, sets. A range is
//     maximised by counter-example guided SAT calls, as in μ-toksia and Crustabri: from
//     a set with range R, ask for one whose range contains R and more (R as
//     assumptions, "more" as a clause under an activation literal), until there is
//     none; between calls the set is grown greedily. When a stable extension exists,
//     both coincide with stable semantics: the first maximal range is searched for
//     beside a stable extension (in the stable encoding), turn by turn with doubling
//     conflict budgets, so that whichever search is faster answers; the stable search
//     joins once some range beyond the start is known to exist (when none does, as
//     on many dense frameworks, that proof alone answers). Credulous and
//     skeptical acceptance run a CEGAR loop: a set with (without) the argument whose
//     range is maximal among such sets is a semi-stable (stage) extension if no set at
//     all has a larger range; otherwise that larger range is grown to a maximal one,
//     whose subsets are excluded from the search. Enumeration takes each maximal range
//     in turn, lists the sets with that range, and excludes its subsets. Memory
//     follows the SAT solvers' clauses: the encoding's (linear in arguments and
//     attacks), learnt clauses (about the square root of the conflicts met, deleted
//     ones compacted away), one clause per maximal range excluded, and, while the
//     sets of one range are listed, one clause per set listed, dropped when the
//     range is done;
//   - the ideal extension is the largest admissible set of credulously accepted
//     arguments that no credulously accepted argument attacks (Dunne 2009); the
//     credulously accepted arguments are collected with SAT calls that each ask for a
//     complete extension containing some argument not yet known to be accepted, and the
//     largest admissible subset is found by a linear-time fixpoint.
//
// # Conventions
//
// These follow ICCMA 2023. Every semantics but stable has at least one extension. When a
// framework has no stable extension, no argument is credulously accepted under stable
// semantics and every argument is skeptically accepted (vacuously), with no
// counter-example.
//
// All functions that can take long take a [context.Context]; when it is cancelled or its
// deadline passes they return its error promptly, also from within a SAT call.
//
// A Framework is immutable once built and may be used by several goroutines at once.
package semantics
