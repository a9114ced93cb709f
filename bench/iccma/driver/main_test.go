package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
)

// TestEncodings checks the ASP encodings of ../asp, run by clingo, against
// argmap's answers on random small frameworks, for every task argmap
// solves: the comparison is only fair if both solve the same problem.
func TestEncodings(t *testing.T) {
	clingo, err := exec.LookPath("clingo")
	if err != nil {
		t.Skip("no clingo (Debian package gringo)")
	}
	// clingo reads the encodings, not this process: read them here too, so
	// that go test's cache knows the result depends on them.
	lps, _ := filepath.Glob("../asp/*.lp")
	for _, lp := range lps {
		if _, err := os.ReadFile(lp); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 40 {
		n := 1 + rng.IntN(8)
		var attacks [][2]int
		for range rng.IntN(2 * n) {
			attacks = append(attacks, [2]int{rng.IntN(n), rng.IntN(n)})
		}
		adj, err := iccma.Adjacency(n, attacks)
		if err != nil {
			t.Fatal(err)
		}
		f := semantics.NewFramework(adj)
		for _, task := range iccma.Tasks() {
			name := task.String()
			arg := -1
			if task.NeedsArgument() {
				arg = rng.IntN(n)
			}
			var want, got bytes.Buffer
			if err := iccma.Run(ctx, &want, f, task, arg); err != nil {
				t.Fatal(err)
			}
			if err := runClingo(ctx, &got, clingo, "../asp", task, n, attacks, arg); err != nil {
				t.Fatalf("framework %d, %s: %v", i, name, err)
			}
			if !sameAnswer(task, f, arg, got.String(), want.String()) {
				t.Errorf("framework %d %v, %s, argument %d: clingo says\n%s\nargmap says\n%s", i, attacks, name, arg+1, got.String(), want.String())
			}
		}
	}
}

// sameAnswer compares answers as compare does, and also checks that an
// extension clingo gives (for SE, a DC witness, a DS counter-example) is one
// of argmap's, with the argument for DC and without it for DS.
func sameAnswer(task iccma.Task, f *semantics.Framework, arg int, got, want string) bool {
	first := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
	lines := strings.Split(strings.TrimSpace(got), "\n")
	var all bytes.Buffer
	iccma.Run(context.Background(), &all, f, iccma.Task{Problem: iccma.EE, Semantics: task.Semantics}, -1)
	isExt := func(w string) bool { return slices.Contains(strings.Split(all.String(), "\n"), w) }
	has := func(w string) bool { return slices.Contains(strings.Fields(w)[1:], strconv.Itoa(arg+1)) }
	switch task.Problem {
	case iccma.DC:
		if first(got) == "YES" && (len(lines) != 2 || !isExt(lines[1]) || !has(lines[1])) {
			return false
		}
		return first(got) == first(want)
	case iccma.DS:
		if first(got) == "NO" && (len(lines) != 2 || !isExt(lines[1]) || has(lines[1])) {
			return false
		}
		return first(got) == first(want)
	case iccma.SE:
		if first(got) == "NO" || first(want) == "NO" {
			return first(got) == first(want)
		}
		return len(lines) == 1 && isExt(first(got))
	}
	g, w := strings.Split(strings.TrimSpace(got), "\n"), strings.Split(strings.TrimSpace(want), "\n")
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
