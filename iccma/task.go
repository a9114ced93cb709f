package iccma

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/argmap/argmap/semantics"
)

// The reasoning problems of ICCMA.
const (
	DC = "DC" // credulous acceptance of an argument: YES with a witness extension, or NO
	DS = "DS" // skeptical acceptance of an argument: YES, or NO with a counter-example
	SE = "SE" // some extension, or NO if there is none
	EE = "EE" // every extension, or NO if there is none
)

var problems = []string{DC, DS, SE, EE}

// Task is a reasoning task: a problem under a semantics, written "DC-PR" and so on.
type Task struct {
	Problem   string // DC, DS, SE or EE
	Semantics semantics.Semantics
}

// String returns the task's name, such as "DC-PR".
func (t Task) String() string { return t.Problem + "-" + t.Semantics.Code() }

// NeedsArgument reports whether the task is about one argument (DC and DS).
func (t Task) NeedsArgument() bool { return t.Problem == DC || t.Problem == DS }

// Tasks returns every supported task: DC, DS, SE and EE under each semantics of
// [semantics.All], 28 in all. ICCMA 2023 itself has no EE tasks, and omits DC-ID (the
// same as DS-ID) and DC-GR, DS-GR (grounded semantics has a single extension); all are
// supported here anyway.
func Tasks() []Task {
	var ts []Task
	for _, p := range problems {
		for _, s := range semantics.All() {
			ts = append(ts, Task{p, s})
		}
	}
	return ts
}

// ParseTask parses a task name such as "DC-PR" or "ee-sst": a problem (DC, DS, SE,
// EE), a hyphen, and a semantics as [semantics.ParseSemantics] accepts it (so
// "SE-preferred" is fine too). Case does not matter.
func ParseTask(name string) (Task, error) {
	p, s, ok := strings.Cut(strings.TrimSpace(name), "-")
	if !ok {
		return Task{}, fmt.Errorf("iccma: task %q: want PROBLEM-SEMANTICS, such as DC-PR", name)
	}
	p = strings.ToUpper(p)
	found := false
	for _, q := range problems {
		found = found || p == q
	}
	if !found {
		return Task{}, fmt.Errorf("iccma: task %q: unknown problem %q: want DC, DS, SE or EE", name, p)
	}
	sem, err := semantics.ParseSemantics(s)
	if err != nil {
		return Task{}, fmt.Errorf("iccma: task %q: %w", name, err)
	}
	return Task{p, sem}, nil
}

// ParseArgument parses a 1-based argument as ICCMA gives it on the command line and
// returns it 0-based, checking that it is an argument of a framework of n arguments.
func ParseArgument(s string, n int) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("iccma: argument %q is not an integer", s)
	}
	if v < 1 || v > n {
		return 0, fmt.Errorf("iccma: argument %d out of range: the framework has arguments 1..%d", v, n)
	}
	return v - 1, nil
}

// AppendWitness appends the line "w a b c" naming the arguments of e, 1-based, with a
// newline; the empty set is "w".
func AppendWitness(dst []byte, e semantics.Extension) []byte {
	dst = append(dst, 'w')
	for _, a := range e {
		dst = append(dst, ' ')
		dst = strconv.AppendInt(dst, int64(a+1), 10)
	}
	return append(dst, '\n')
}

// WriteWitness writes e as a witness line; see [AppendWitness].
func WriteWitness(w io.Writer, e semantics.Extension) error {
	_, err := w.Write(AppendWitness(nil, e))
	return err
}

// WriteAnswer writes "YES" or "NO" and a newline.
func WriteAnswer(w io.Writer, yes bool) error {
	s := "NO\n"
	if yes {
		s = "YES\n"
	}
	_, err := io.WriteString(w, s)
	return err
}

// Run solves task t on framework f and writes exactly what an ICCMA 2023 solver prints:
//
//	DC: YES and a witness line (an extension containing arg), or NO
//	DS: YES, or NO and a counter-example line (an extension without arg)
//	SE: a witness line, or NO if there is no extension
//	EE: a witness line for every extension, in the order of semantics.Extensions, or NO
//
// arg is 0-based and matters only for DC and DS; it is printed 1-based. Under stable
// semantics without stable extensions, DS answers YES (every argument is skeptically
// accepted, vacuously) and DC, SE and EE answer NO. If ctx ends first, Run returns its
// error, and what it wrote must be discarded.
func Run(ctx context.Context, w io.Writer, f *semantics.Framework, t Task, arg int) error {
	if t.NeedsArgument() && (arg < 0 || arg >= f.Len()) {
		return fmt.Errorf("iccma: %v: argument %d out of range: the framework has arguments 1..%d", t, arg+1, f.Len())
	}
	bw := bufio.NewWriter(w)
	var err error
	switch t.Problem {
	case DC:
		var ok bool
		var e semantics.Extension
		if ok, e, err = semantics.Credulous(ctx, f, t.Semantics, arg); err == nil {
			WriteAnswer(bw, ok)
			if ok {
				WriteWitness(bw, e)
			}
		}
	case DS:
		var ok bool
		var e semantics.Extension
		if ok, e, err = semantics.Skeptical(ctx, f, t.Semantics, arg); err == nil {
			WriteAnswer(bw, ok)
			if !ok {
				WriteWitness(bw, e)
			}
		}
	case SE:
		var ok bool
		var e semantics.Extension
		if e, ok, err = semantics.Some(ctx, f, t.Semantics); err == nil {
			if ok {
				WriteWitness(bw, e)
			} else {
				WriteAnswer(bw, false)
			}
		}
	case EE:
		var buf []byte
		count := 0
		err = semantics.Extensions(ctx, f, t.Semantics, func(e semantics.Extension) bool {
			count++
			buf = AppendWitness(buf[:0], e)
			_, werr := bw.Write(buf)
			return werr == nil
		})
		if err == nil && count == 0 {
			WriteAnswer(bw, false)
		}
	default:
		return fmt.Errorf("iccma: unknown problem %q in task %v", t.Problem, t)
	}
	if err != nil {
		return fmt.Errorf("iccma: %v: %w", t, err)
	}
	return bw.Flush()
}
