package iccma

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/semantics"
)

func TestParseTask(t *testing.T) {
	tests := []struct {
		in   string
		want Task
	}{
		{"DC-PR", Task{DC, semantics.Preferred}},
		{"ds-st", Task{DS, semantics.Stable}},
		{"SE-SST", Task{SE, semantics.SemiStable}},
		{"EE-STG", Task{EE, semantics.Stage}},
		{"DS-ID", Task{DS, semantics.Ideal}},
		{"DC-CO", Task{DC, semantics.Complete}},
		{"SE-GR", Task{SE, semantics.Grounded}},
		{"SE-preferred", Task{SE, semantics.Preferred}},
		{" EE-semi-stable ", Task{EE, semantics.SemiStable}},
	}
	for _, tt := range tests {
		got, err := ParseTask(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseTask(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"", "want PROBLEM-SEMANTICS"},
		{"DCPR", "want PROBLEM-SEMANTICS"},
		{"XX-PR", "unknown problem \"XX\""},
		{"DC-XX", "unknown semantics \"XX\""},
		{"DC-", "unknown semantics \"\""},
		{"-PR", "unknown problem \"\""},
		{"CE-PR", "unknown problem \"CE\""},
	}
	for _, tt := range bad {
		_, err := ParseTask(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseTask(%q) error = %v, want one containing %q", tt.in, err, tt.msg)
		}
	}
}

func TestTasks(t *testing.T) {
	ts := Tasks()
	if len(ts) != 28 {
		t.Fatalf("%d tasks, want 28", len(ts))
	}
	seen := map[string]bool{}
	for _, task := range ts {
		name := task.String()
		if seen[name] {
			t.Errorf("task %s twice", name)
		}
		seen[name] = true
		if got, err := ParseTask(name); err != nil || got != task {
			t.Errorf("ParseTask(%q) = %v, %v: no round trip", name, got, err)
		}
		if want := task.Problem == DC || task.Problem == DS; task.NeedsArgument() != want {
			t.Errorf("%s.NeedsArgument() = %v", name, !want)
		}
	}
	for _, name := range []string{"DC-CO", "DS-PR", "SE-ST", "EE-SST", "DS-STG", "SE-ID", "DC-GR"} {
		if !seen[name] {
			t.Errorf("Tasks() lacks %s", name)
		}
	}
}

func TestParseArgument(t *testing.T) {
	if a, err := ParseArgument("3", 5); err != nil || a != 2 {
		t.Errorf("ParseArgument(3, 5) = %d, %v; want 2", a, err)
	}
	for _, bad := range []string{"0", "6", "-1", "x", ""} {
		if a, err := ParseArgument(bad, 5); err == nil {
			t.Errorf("ParseArgument(%q, 5) = %d, nil; want an error", bad, a)
		}
	}
}

func TestWitness(t *testing.T) {
	tests := []struct {
		e    semantics.Extension
		want string
	}{
		{semantics.Extension{}, "w\n"},
		{nil, "w\n"},
		{semantics.Extension{0}, "w 1\n"},
		{semantics.Extension{0, 1, 4, 99}, "w 1 2 5 100\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteWitness(&buf, tt.e); err != nil || buf.String() != tt.want {
			t.Errorf("WriteWitness(%v) = %q, %v; want %q", tt.e, buf.String(), err, tt.want)
		}
	}
	var buf bytes.Buffer
	WriteAnswer(&buf, true)
	WriteAnswer(&buf, false)
	if buf.String() != "YES\nNO\n" {
		t.Errorf("WriteAnswer: %q", buf.String())
	}
}

// The frameworks of TestRun, in i23.
const (
	// a <-> b, a -> c, b -> c, c -> d: floating reinstatement. Preferred {1,4}, {2,4}.
	floating = "p af 4\n1 2\n2 1\n1 3\n2 3\n3 4\n"
	// a -> b -> c -> a: no stable extension; stage {1}, {2}, {3}.
	oddCycle = "p af 3\n1 2\n2 3\n3 1\n"
	// 1 unattacked, 1 -> 2, 3 attacks itself.
	simple = "p af 3\n1 2\n3 3\n"
)

func TestRun(t *testing.T) {
	tests := []struct {
		af, task string
		arg      int    // 1-based; 0 for none
		want     string // the exact output; where several extensions are right, the choices separated by |
	}{
		// Credulous: YES and a witness, or NO.
		{floating, "DC-PR", 1, "YES\nw 1 4\n"},
		{floating, "DC-PR", 3, "NO\n"},
		{floating, "DC-CO", 4, "YES\nw 1 4\n|YES\nw 2 4\n"},
		{floating, "DC-GR", 4, "NO\n"},
		{floating, "DC-ST", 2, "YES\nw 2 4\n"},
		{floating, "DC-ID", 4, "NO\n"},
		{simple, "DC-ID", 1, "YES\nw 1\n"},
		{simple, "DC-GR", 1, "YES\nw 1\n"},
		{simple, "DC-STG", 3, "NO\n"},
		{oddCycle, "DC-ST", 1, "NO\n"},
		{oddCycle, "DC-STG", 2, "YES\nw 2\n"},
		{oddCycle, "DC-SST", 2, "NO\n"},
		// Skeptical: YES, or NO and a counter-example.
		{floating, "DS-PR", 4, "YES\n"},
		{floating, "DS-PR", 1, "NO\nw 2 4\n"},
		{floating, "DS-CO", 4, "NO\nw\n"},
		{floating, "DS-GR", 4, "NO\nw\n"},
		{floating, "DS-ST", 4, "YES\n"},
		{floating, "DS-SST", 3, "NO\nw 1 4\n|NO\nw 2 4\n"},
		{floating, "DS-ID", 4, "NO\nw\n"},
		{simple, "DS-ID", 1, "YES\n"},
		{simple, "DS-STG", 2, "NO\nw 1\n"},
		{oddCycle, "DS-ST", 1, "YES\n"}, // no stable extension: vacuously
		{oddCycle, "DS-STG", 1, "NO\nw 2\n|NO\nw 3\n"},
		// Some extension: a witness line, or NO.
		{floating, "SE-GR", 0, "w\n"},
		{floating, "SE-CO", 0, "w\n"},
		{simple, "SE-CO", 0, "w 1\n"},
		{simple, "SE-PR", 0, "w 1\n"},
		{simple, "SE-ST", 0, "NO\n"},
		{simple, "SE-STG", 0, "w 1\n"},
		{oddCycle, "SE-ST", 0, "NO\n"},
		{oddCycle, "SE-SST", 0, "w\n"},
		{simple, "SE-ID", 0, "w 1\n"},
		// Every extension: one line each, in lexicographic order, or NO.
		{floating, "EE-PR", 0, "w 1 4\nw 2 4\n"},
		{floating, "EE-CO", 0, "w\nw 1 4\nw 2 4\n"},
		{floating, "EE-ST", 0, "w 1 4\nw 2 4\n"},
		{floating, "EE-GR", 0, "w\n"},
		{floating, "EE-ID", 0, "w\n"},
		{oddCycle, "EE-ST", 0, "NO\n"},
		{oddCycle, "EE-STG", 0, "w 1\nw 2\nw 3\n"},
		{oddCycle, "EE-SST", 0, "w\n"},
		{"p af 0\n", "EE-ST", 0, "w\n"},
		{"p af 0\n", "SE-PR", 0, "w\n"},
	}
	for _, tt := range tests {
		t.Run(tt.task, func(t *testing.T) {
			f, err := ReadFramework(strings.NewReader(tt.af))
			if err != nil {
				t.Fatal(err)
			}
			task, err := ParseTask(tt.task)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Run(context.Background(), &buf, f, task, tt.arg-1); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if !slices.Contains(strings.Split(tt.want, "|"), buf.String()) {
				t.Errorf("%s (argument %d) on %q:\n got %q\nwant %q", tt.task, tt.arg, tt.af, buf.String(), tt.want)
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	f, err := ReadFramework(strings.NewReader(simple))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, arg := range []int{-1, 3} {
		if err := Run(context.Background(), &buf, f, Task{DC, semantics.Preferred}, arg); err == nil {
			t.Errorf("DC-PR with argument %d of 3: no error", arg)
		}
	}
	if err := Run(context.Background(), &buf, f, Task{"XX", semantics.Preferred}, 0); err == nil {
		t.Error("unknown problem: no error")
	}
	// SE and EE ignore the argument.
	if err := Run(context.Background(), &buf, f, Task{SE, semantics.Preferred}, -1); err != nil {
		t.Errorf("SE-PR with no argument: %v", err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if err := Run(ctx, &buf, f, Task{EE, semantics.Preferred}, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Run past the deadline: %v, want context.DeadlineExceeded", err)
	}
}

// FuzzParseTask checks that ParseTask never panics and that a task it accepts is
// parsed back from its name. The corpus is in testdata/fuzz/FuzzParseTask.
func FuzzParseTask(f *testing.F) {
	for _, s := range []string{"DC-PR", "ee-sst", " SE-preferred ", "DC", "-", "XX-PR", "DS-", "DS-stage-x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		task, err := ParseTask(name)
		if err != nil {
			return
		}
		again, err := ParseTask(task.String())
		if err != nil || again != task {
			t.Fatalf("ParseTask(%q) = %v, but ParseTask(%q) = %v, %v", name, task, task.String(), again, err)
		}
	})
}

// FuzzParseArgument checks that ParseArgument never panics and accepts only arguments
// of the framework. The corpus is in testdata/fuzz/FuzzParseArgument.
func FuzzParseArgument(f *testing.F) {
	f.Add("3", 5)
	f.Add(" 1 ", 1)
	f.Add("99999999999999999999999", 3)
	f.Add("-0", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		a, err := ParseArgument(s, n)
		if err != nil {
			return
		}
		if a < 0 || a >= n {
			t.Fatalf("ParseArgument(%q, %d) = %d, not in 0..%d", s, n, a, n-1)
		}
	})
}
