package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/semantics"
)

func TestGenerateIsDeterministic(t *testing.T) {
	for _, s := range []spec{{"random", 300, 7, 1}, {"sparse", 2000, 1.5, 2}, {"prefattach", 500, 2, 1}} {
		a, err := s.generate()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := s.generate()
		var wa, wb bytes.Buffer
		iccma.WriteI23(&wa, s.n, a)
		iccma.WriteI23(&wb, s.n, b)
		if !bytes.Equal(wa.Bytes(), wb.Bytes()) {
			t.Errorf("%s: two runs differ", s.name())
		}
		c, _ := spec{s.family, s.n, s.deg, s.seed + 1}.generate()
		var wc bytes.Buffer
		iccma.WriteI23(&wc, s.n, c)
		if bytes.Equal(wa.Bytes(), wc.Bytes()) {
			t.Errorf("%s: another seed gives the same framework", s.name())
		}
		for _, at := range a {
			if at[0] < 0 || at[0] >= s.n || at[1] < 0 || at[1] >= s.n {
				t.Fatalf("%s: attack %v out of range", s.name(), at)
			}
		}
		if s.family != "prefattach" && len(a) != int(s.deg*float64(s.n)) {
			t.Errorf("%s: %d attacks, want %v", s.name(), len(a), s.deg*float64(s.n))
		}
	}
	r, _ := spec{"random", 300, 5, 1}.generate()
	d, _ := spec{"dense", 300, 5, 1}.generate()
	if slices.Equal(r, d) {
		t.Error("the dense and random frameworks of the same size and seed are the same")
	}
	if _, err := (spec{"nosuch", 10, 1, 1}).generate(); err == nil {
		t.Error("an unknown family was accepted")
	}
}

// TestSuiteQueries checks that the query argument of each framework is one
// that grounded semantics leaves undecided, when there is one.
func TestSuiteQueries(t *testing.T) {
	dir := t.TempDir()
	if err := writeSuite(dir, suites["small"]); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.i23"))
	if len(files) != len(suites["small"]) {
		t.Fatalf("%d files for %d specs", len(files), len(suites["small"]))
	}
	for _, f := range files {
		in, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		n, attacks, err := iccma.ReadI23(in)
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(f + ".arg")
		q, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || q < 1 || q > n {
			t.Fatalf("%s: query %q", f, b)
		}
		adj, _ := iccma.Adjacency(n, attacks)
		l := semantics.NewFramework(adj).Grounded()
		if len(l.Undec()) > 0 && l[q-1] != semantics.Undec {
			t.Errorf("%s: query %d is decided by grounded semantics", f, q)
		}
	}
}
