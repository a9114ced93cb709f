package iccma

import (
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

// Run solves task t on framework f, as [Solve] does, and writes the answer
// exactly as an ICCMA 2023 solver prints it ([Answer.WriteTo]). If ctx ends first,
// Run writes nothing and returns its error.
func Run(ctx context.Context, w io.Writer, f *semantics.Framework, t Task, arg int) error {
	a, err := Solve(ctx, f, t, arg)
	if err != nil {
		return err
	}
	_, err = a.WriteTo(w)
	return err
}
