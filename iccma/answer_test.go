package iccma

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/semantics"
)

// TestSolve checks the answer values, which the output of TestRun only shows
// through WriteTo.
func TestSolve(t *testing.T) {
	type exts = []semantics.Extension
	tests := []struct {
		af, task string
		arg      int // 1-based; 0 for none
		yes      bool
		want     exts
	}{
		{floating, "DC-PR", 1, true, exts{{0, 3}}},
		{floating, "DC-PR", 3, false, nil},
		{floating, "DS-PR", 4, true, nil},
		{floating, "DS-GR", 4, false, exts{{}}},
		{floating, "SE-GR", 0, true, exts{{}}},
		{simple, "SE-ST", 0, false, nil},
		{floating, "EE-PR", 0, true, exts{{0, 3}, {1, 3}}},
		{oddCycle, "EE-ST", 0, false, nil},
		{oddCycle, "DS-ST", 1, true, nil},
	}
	for _, tt := range tests {
		f, err := ReadFramework(strings.NewReader(tt.af))
		if err != nil {
			t.Fatal(err)
		}
		task, err := ParseTask(tt.task)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Solve(context.Background(), f, task, tt.arg-1)
		if err != nil {
			t.Fatalf("Solve %s: %v", tt.task, err)
		}
		// The empty extension may be nil or empty: compare lengths first.
		got := a.Extensions
		for i := range got {
			if len(got[i]) == 0 {
				got[i] = semantics.Extension{}
			}
		}
		if a.Task != task || a.Yes != tt.yes || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Solve %s (argument %d) on %q = %+v; want Yes %v, Extensions %v", tt.task, tt.arg, tt.af, *a, tt.yes, tt.want)
		}
	}
}

func TestSolveErrors(t *testing.T) {
	f, err := ReadFramework(strings.NewReader(simple))
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []int{-1, 3} {
		if a, err := Solve(context.Background(), f, Task{DS, semantics.Grounded}, arg); a != nil || err == nil {
			t.Errorf("DS-GR with argument %d of 3: %v, %v; want an error", arg, a, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, task := range Tasks() {
		if task.Semantics == semantics.Grounded {
			continue // fast enough not to look at the context
		}
		if a, err := Solve(ctx, f, task, 0); a != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("%v with an ended context: %v, %v; want nil, context.Canceled", task, a, err)
		}
	}
}

// TestAnswerWrite checks WriteTo and WriteNamed on answers made by hand, such
// as an argmap map's framework gives, whose last node is an inference.
func TestAnswerWrite(t *testing.T) {
	dc, ds := Task{DC, semantics.Preferred}, Task{DS, semantics.Preferred}
	se, ee := Task{SE, semantics.Preferred}, Task{EE, semantics.Complete}
	names := []string{"a", "b", "c"} // node 3 is an inference
	name := func(n int) (string, bool) {
		if n < len(names) {
			return names[n], true
		}
		return "", false
	}
	tests := []struct {
		a           Answer
		want, named string
	}{
		{Answer{dc, true, []semantics.Extension{{0, 2}}}, "YES\nw 1 3\n", "YES\nw a c\n"},
		{Answer{dc, false, nil}, "NO\n", "NO\n"},
		{Answer{ds, true, nil}, "YES\n", "YES\n"},
		{Answer{ds, false, []semantics.Extension{{}}}, "NO\nw\n", "NO\nw\n"},
		{Answer{ds, false, []semantics.Extension{{1, 3}}}, "NO\nw 2 4\n", "NO\nw b\n"},
		{Answer{se, true, []semantics.Extension{nil}}, "w\n", "w\n"},
		{Answer{se, true, []semantics.Extension{{3}}}, "w 4\n", "w\n"},
		{Answer{se, false, nil}, "NO\n", "NO\n"},
		{Answer{ee, false, nil}, "NO\n", "NO\n"},
		// Extensions that differ only in the inference are one set of
		// arguments: its line comes once, where the first of them is.
		{Answer{ee, true, []semantics.Extension{{}, {0}, {0, 1}, {0, 3}, {3}}},
			"w\nw 1\nw 1 2\nw 1 4\nw 4\n", "w\nw a\nw a b\n"},
		{Answer{ee, true, []semantics.Extension{{0, 1, 2, 3}}}, "w 1 2 3 4\n", "w a b c\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		n, err := tt.a.WriteTo(&buf)
		if err != nil || buf.String() != tt.want || n != int64(buf.Len()) {
			t.Errorf("%+v.WriteTo = %d, %v, %q; want %q", tt.a, n, err, buf.String(), tt.want)
		}
		buf.Reset()
		n, err = tt.a.WriteNamed(&buf, name)
		if err != nil || buf.String() != tt.named || n != int64(buf.Len()) {
			t.Errorf("%+v.WriteNamed = %d, %v, %q; want %q", tt.a, n, err, buf.String(), tt.named)
		}
	}
	// Numbered names are the numbers WriteTo writes.
	a := Answer{ee, true, []semantics.Extension{{0, 2}, {1}, {}}}
	var want, got bytes.Buffer
	a.WriteTo(&want)
	a.WriteNamed(&got, func(n int) (string, bool) { return strconv.Itoa(n + 1), true })
	if got.String() != want.String() {
		t.Errorf("WriteNamed with the numbers = %q, WriteTo = %q", got.String(), want.String())
	}
}

// failingWriter accepts limit bytes, then fails.
type failingWriter struct{ limit int }

var errFull = errors.New("full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, errFull
	}
	w.limit -= len(p)
	return len(p), nil
}

// TestAnswerWriteError checks that an error of the writer is returned, with
// the bytes written before it.
func TestAnswerWriteError(t *testing.T) {
	var e semantics.Extension
	for i := range 3000 {
		e = append(e, i)
	}
	a := Answer{Task{EE, semantics.Preferred}, true, []semantics.Extension{e, e[1:]}}
	n, err := a.WriteTo(&failingWriter{limit: 100})
	if !errors.Is(err, errFull) || n != 100 {
		t.Errorf("WriteTo on a writer that takes 100 bytes = %d, %v; want 100, %v", n, err, errFull)
	}
	n, err = a.WriteNamed(&failingWriter{limit: 10}, func(int) (string, bool) { return "x", true })
	if !errors.Is(err, errFull) || n != 10 {
		t.Errorf("WriteNamed on a writer that takes 10 bytes = %d, %v; want 10, %v", n, err, errFull)
	}
}
