package semantics

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

func checkSemantics(s Semantics) error {
	if !s.valid() {
		return fmt.Errorf("semantics: unknown semantics %v", s)
	}
	return nil
}

// maxHeldMembers bounds the members, counted with repetition, of the extensions
// Extensions holds before it yields them: 16 Mi of them, 128 MB.
const maxHeldMembers = 1 << 24

// ErrTooManyMembers is the error of [Extensions] when the extensions found hold more
// arguments in all than it keeps.
var ErrTooManyMembers = errors.New("the extensions hold more than 16,777,216 arguments in all, more than are kept to be listed")

// Extensions calls yield with every extension of f under s, each exactly once, in
// lexicographic order of the extensions as ascending sequences of arguments (so the empty
// extension, if any, comes first, and {0, 5} before {1}). It stops early if yield
// returns false. A framework without stable extensions yields nothing under stable
// semantics; every other semantics has at least one extension.
//
// The extensions are all found before the first is yielded, so that the order does not
// depend on the search. If ctx ends first, Extensions yields nothing and returns the
// context's error. If the extensions hold more than 16 Mi arguments in all, counted
// once in each extension, it yields nothing and returns [ErrTooManyMembers].
func Extensions(ctx context.Context, f *Framework, s Semantics, yield func(Extension) bool) error {
	return extensions(ctx, f, s, maxHeldMembers, -1, yield)
}

// ErrTooManyExtensions is the error of [ExtensionsUpTo] when there are more
// extensions than it was asked to list.
var ErrTooManyExtensions = errors.New("more extensions than asked for")

// ExtensionsUpTo is [Extensions] for a caller that wants at most max of
// them: it stops the search as soon as it has found one more, yields
// nothing and returns [ErrTooManyExtensions]. Twenty arguments that attack
// each other in pairs have a million preferred extensions: a caller that
// wants labels, not the list, then asks [Credulous] and [Skeptical] argument
// by argument instead, which takes two searches an argument.
func ExtensionsUpTo(ctx context.Context, f *Framework, s Semantics, max int, yield func(Extension) bool) error {
	return extensions(ctx, f, s, maxHeldMembers, max, yield)
}

// extensions is Extensions with maxHeld in place of maxHeldMembers, for
// tests, and at most maxCount extensions (none if negative).
func extensions(ctx context.Context, f *Framework, s Semantics, maxHeld, maxCount int, yield func(Extension) bool) error {
	if err := checkSemantics(s); err != nil {
		return err
	}
	var all []Extension
	// The extensions are held until the search ends: bound their memory, by
	// ending the search through its context once they hold too much.
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	held := 0
	emit := func(e Extension) {
		all = append(all, e)
		if held += len(e); held > maxHeld {
			stop(ErrTooManyMembers)
		}
		if maxCount >= 0 && len(all) > maxCount {
			stop(ErrTooManyExtensions)
		}
	}
	var err error
	switch s {
	case Grounded:
		emit(f.Grounded().In())
	case Complete:
		err = enumComplete(ctx, f, emit)
	case Preferred:
		err = enumPreferred(ctx, f, emit)
	case Stable:
		err = newStableProblem(ctx, f).enum(emit)
	case SemiStable, Stage:
		err = newRangeProblem(ctx, f, s).enum(emit)
	case Ideal:
		var e Extension
		e, err = idealExtension(ctx, f)
		if err == nil {
			emit(e)
		}
	}
	if c := context.Cause(ctx); c == ErrTooManyMembers || c == ErrTooManyExtensions {
		return c
	}
	if err != nil {
		return err
	}
	slices.SortFunc(all, compareExtensions)
	for _, e := range all {
		if !yield(e) {
			break
		}
	}
	return nil
}

// Some returns one extension of f under s, or false if there is none, which happens
// only under stable semantics. For complete semantics it is the grounded extension.
func Some(ctx context.Context, f *Framework, s Semantics) (Extension, bool, error) {
	if err := checkSemantics(s); err != nil {
		return nil, false, err
	}
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	var e Extension
	var err error
	switch s {
	case Grounded, Complete:
		return f.Grounded().In(), true, nil
	case Preferred:
		e, err = extendPreferred(ctx, f, nil, nil)
	case Stable:
		var found bool
		e, found, err = newStableProblem(ctx, f).find()
		if err == nil && !found {
			return nil, false, nil
		}
	case SemiStable, Stage:
		e, err = newRangeProblem(ctx, f, s).some()
	case Ideal:
		e, err = idealExtension(ctx, f)
	}
	if err != nil {
		return nil, false, err
	}
	return e, true, nil
}

// Credulous reports whether argument a is credulously accepted under s: whether some
// extension contains it. If so, witness is such an extension. Under stable semantics,
// with no stable extension, no argument is credulously accepted.
func Credulous(ctx context.Context, f *Framework, s Semantics, a int) (ok bool, witness Extension, err error) {
	if err := checkSemantics(s); err != nil {
		return false, nil, err
	}
	if err := f.checkArg(a); err != nil {
		return false, nil, fmt.Errorf("semantics: credulous acceptance under %v: %w", s, err)
	}
	if err := ctx.Err(); err != nil {
		return false, nil, err
	}
	switch s {
	case Grounded:
		g := f.Grounded().In()
		if g.Contains(a) {
			return true, g, nil
		}
		return false, nil, nil
	case Complete, Preferred:
		ok, seeds, anc, err := credulousAdmissible(ctx, f, f.Grounded(), a)
		if err != nil || !ok {
			return false, nil, err
		}
		if s == Complete {
			return true, f.propagate(seeds).In(), nil
		}
		p, err := extendPreferred(ctx, f, seeds, anc)
		if err != nil {
			return false, nil, err
		}
		return true, p, nil
	case Stable:
		e, found, err := newStableProblem(ctx, f).credulous(a)
		return found, e, err
	case SemiStable, Stage:
		e, found, err := newRangeProblem(ctx, f, s).credulous(a)
		return found, e, err
	case Ideal:
		return idealAccepted(ctx, f, a, true)
	}
	panic("unreachable")
}

// Skeptical reports whether argument a is skeptically accepted under s: whether every
// extension contains it. If not, counter is an extension without a. Under stable
// semantics, with no stable extension, every argument is skeptically accepted
// (vacuously), as in ICCMA 2023, and there is no counter-example.
func Skeptical(ctx context.Context, f *Framework, s Semantics, a int) (ok bool, counter Extension, err error) {
	if err := checkSemantics(s); err != nil {
		return false, nil, err
	}
	if err := f.checkArg(a); err != nil {
		return false, nil, fmt.Errorf("semantics: skeptical acceptance under %v: %w", s, err)
	}
	if err := ctx.Err(); err != nil {
		return false, nil, err
	}
	switch s {
	case Grounded, Complete:
		// The grounded extension is the least complete extension.
		g := f.Grounded().In()
		if g.Contains(a) {
			return true, nil, nil
		}
		return false, g, nil
	case Preferred:
		return skepticalPreferred(ctx, f, f.Grounded(), a)
	case Stable:
		return newStableProblem(ctx, f).skeptical(a)
	case SemiStable, Stage:
		return newRangeProblem(ctx, f, s).skeptical(a)
	case Ideal:
		ok, e, err := idealAccepted(ctx, f, a, false)
		return ok, e, err
	}
	panic("unreachable")
}

// idealAccepted decides whether a is in the ideal extension (the only one, so credulous
// and skeptical acceptance coincide). The answer needs only the part of f that reaches
// a; the whole ideal extension is computed only when it is wanted as a witness (cred)
// or a counter-example (!cred), and that part is not already all of it.
func idealAccepted(ctx context.Context, f *Framework, a int, cred bool) (bool, Extension, error) {
	gl := f.Grounded()
	var in bool
	switch gl[a] {
	case In:
		in = true
	case Out:
		in = false
	default:
		und := undecided(gl)
		anc := ancestors(f, und, a)
		ext, err := ideal(ctx, f, gl, anc)
		if err != nil {
			return false, nil, err
		}
		in = ext.Contains(a)
		if in != cred {
			return in, nil, nil
		}
		if slices.Equal(anc, und) {
			return in, ext, nil // the part that reaches a is every undecided argument
		}
	}
	if in != cred {
		return in, nil, nil
	}
	e, err := idealExtension(ctx, f)
	if err != nil {
		return false, nil, err
	}
	return in, e, nil
}
