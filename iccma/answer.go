package iccma

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/argmap/argmap/semantics"
)

// Answer is the answer to a task, as [Solve] finds it and an ICCMA 2023 solver
// prints it ([Answer.WriteTo]).
type Answer struct {
	Task Task
	// Yes is the answer of DC and DS; for SE and EE it says whether there is
	// an extension at all (NO is printed when there is none).
	Yes bool
	// Extensions are the extensions the answer prints, one witness line each,
	// as sorted 0-based arguments: DC's witness when Yes, DS's counter-example
	// when not Yes, SE's extension when Yes, and every extension for EE, in
	// the order of [semantics.Extensions]. It is empty otherwise.
	Extensions []semantics.Extension
}

// Solve solves task t on framework f. arg is 0-based and matters only for DC
// and DS. Under stable semantics without stable extensions, DS answers YES (every
// argument is skeptically accepted, vacuously) and DC, SE and EE answer NO. If
// ctx ends first, Solve returns its error.
func Solve(ctx context.Context, f *semantics.Framework, t Task, arg int) (*Answer, error) {
	if t.NeedsArgument() && (arg < 0 || arg >= f.Len()) {
		return nil, fmt.Errorf("iccma: %v: argument %d out of range: the framework has arguments 1..%d", t, arg+1, f.Len())
	}
	a := &Answer{Task: t}
	var e semantics.Extension
	var err error
	switch t.Problem {
	case DC:
		if a.Yes, e, err = semantics.Credulous(ctx, f, t.Semantics, arg); a.Yes {
			a.Extensions = []semantics.Extension{e}
		}
	case DS:
		if a.Yes, e, err = semantics.Skeptical(ctx, f, t.Semantics, arg); err == nil && !a.Yes {
			a.Extensions = []semantics.Extension{e}
		}
	case SE:
		if e, a.Yes, err = semantics.Some(ctx, f, t.Semantics); a.Yes {
			a.Extensions = []semantics.Extension{e}
		}
	case EE:
		err = semantics.Extensions(ctx, f, t.Semantics, func(e semantics.Extension) bool {
			a.Extensions = append(a.Extensions, slices.Clone(e))
			return true
		})
		a.Yes = len(a.Extensions) > 0
	default:
		return nil, fmt.Errorf("iccma: unknown problem %q in task %v", t.Problem, t)
	}
	if err != nil {
		return nil, fmt.Errorf("iccma: %v: %w", t, err)
	}
	return a, nil
}

// WriteTo writes the answer exactly as an ICCMA 2023 solver prints it:
//
//	DC: YES and a witness line "w 1 4" (an extension containing the argument), or NO
//	DS: YES, or NO and a counter-example line (an extension without the argument)
//	SE: a witness line ("w" alone for the empty extension), or NO if there is none
//	EE: a witness line for every extension, or NO if there is none
//
// with the arguments numbered from 1.
func (a *Answer) WriteTo(w io.Writer) (int64, error) {
	return a.write(w, func(dst []byte, arg int) ([]byte, bool) {
		return strconv.AppendInt(dst, int64(arg)+1, 10), true
	}, false)
}

// WriteNamed writes the answer as [Answer.WriteTo] does, but with each argument
// written as name(arg), and without the arguments for which name returns false:
// so a framework's extra nodes, such as the inferences of a map's undercut
// supports, are never printed. Two EE extensions that differ only in such
// arguments are the same set of named ones: its line is written once, where
// the first of them comes. A name should not contain white space.
func (a *Answer) WriteNamed(w io.Writer, name func(arg int) (string, bool)) (int64, error) {
	return a.write(w, func(dst []byte, arg int) ([]byte, bool) {
		s, ok := name(arg)
		return append(dst, s...), ok
	}, true)
}

// write writes the answer with the arguments as appendArg appends them (false:
// left out), each EE line once if dedupe.
func (a *Answer) write(w io.Writer, appendArg func([]byte, int) ([]byte, bool), dedupe bool) (int64, error) {
	cw := &countingWriter{w: w}
	bw := bufio.NewWriter(cw) // its first error sticks, and Flush returns it
	var line []byte
	witness := func(e semantics.Extension) []byte {
		line = append(line[:0], 'w')
		for _, arg := range e {
			n := len(line)
			var ok bool
			if line, ok = appendArg(append(line, ' '), arg); !ok {
				line = line[:n]
			}
		}
		return append(line, '\n')
	}
	switch {
	case a.Task.NeedsArgument():
		bw.WriteString(yesNo(a.Yes))
		for _, e := range a.Extensions {
			bw.Write(witness(e))
		}
	case !a.Yes:
		bw.WriteString(yesNo(false))
	default:
		var seen map[string]bool
		if dedupe && len(a.Extensions) > 1 {
			seen = make(map[string]bool, len(a.Extensions))
		}
		for _, e := range a.Extensions {
			line = witness(e)
			if seen != nil {
				if seen[string(line)] {
					continue
				}
				seen[string(line)] = true
			}
			bw.Write(line)
		}
	}
	err := bw.Flush()
	return cw.n, err
}

func yesNo(yes bool) string {
	if yes {
		return "YES\n"
	}
	return "NO\n"
}

// countingWriter counts the bytes written to w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (cw *countingWriter) Write(p []byte) (int, error) {
	n, err := cw.w.Write(p)
	cw.n += int64(n)
	return n, err
}
