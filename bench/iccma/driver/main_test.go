package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
)

// TestEncodings checks the ASP encodings of ../asp, run by clingo, against
// argmap's answers on random small frameworks, for every task the
// benchmark runs: the comparison is only fair if both solve the same
// problem.
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
		for _, name := range []string{"EE-ST", "EE-PR", "EE-CO", "DS-PR", "DS-ST", "SE-ST", "SE-PR", "DC-CO", "DC-PR", "DC-ST"} {
			task, err := iccma.ParseTask(name)
			if err != nil {
				t.Fatal(err)
			}
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
			if !sameAnswer(task, f, got.String(), want.String()) {
				t.Errorf("framework %d %v, %s, argument %d: clingo says\n%s\nargmap says\n%s", i, attacks, name, arg+1, got.String(), want.String())
			}
		}
	}
}

// sameAnswer compares answers as compare does, and also checks that an
// extension clingo gives for SE is one of argmap's.
func sameAnswer(task iccma.Task, f *semantics.Framework, got, want string) bool {
	first := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
	switch task.Problem {
	case iccma.DC, iccma.DS:
		return first(got) == first(want)
	case iccma.SE:
		if first(got) == "NO" || first(want) == "NO" {
			return first(got) == first(want)
		}
		var all bytes.Buffer
		iccma.Run(context.Background(), &all, f, iccma.Task{Problem: iccma.EE, Semantics: task.Semantics}, -1)
		return slices.Contains(strings.Split(all.String(), "\n"), first(got))
	}
	g, w := strings.Split(strings.TrimSpace(got), "\n"), strings.Split(strings.TrimSpace(want), "\n")
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}
