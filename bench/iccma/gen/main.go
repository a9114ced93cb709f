// Command gen writes argumentation frameworks in the ICCMA 2023 i23 format for the
// benchmarks in bench/iccma. Every framework is determined by its family, size and seed.
//
//	gen -family random -n 400 -deg 7 -seed 1 -o af.i23     # one framework ("-" for stdout)
//	gen -suite default -dir DIR                            # the whole suite of run.sh
//
// Families:
//
//	random      n arguments and deg·n attacks between uniformly random arguments
//	            (self-attacks and repeated attacks possible), as in ICCMA's random
//	            generators; with a few hundred arguments and deg between 5 and 10 these
//	            are the hard instances of the literature
//	dense       the same generator as random, with 200 to 400 arguments and 5 to 8
//	            attacks each: where semi-stable and stage semantics are hardest for
//	            range maximisation
//	sparse      the same with a small deg (1 to 3) and tens of thousands of arguments
//	prefattach  preferential attachment (Barabási–Albert): each new argument takes part
//	            in deg attacks with earlier arguments chosen with probability
//	            proportional to their degree, in a random direction
//
// With -suite, each framework FILE.i23 comes with FILE.i23.arg, the 1-based query
// argument for DC and DS tasks: an argument the grounded labelling leaves undecided
// (chosen by the seed), so that the query is not settled by propagation alone, or any
// argument if there is none.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/argmap/argmap/iccma"
	"github.com/argmap/argmap/internal/afgen"
	"github.com/argmap/argmap/semantics"
)

func main() {
	family := flag.String("family", "random", "random, dense, sparse or prefattach")
	n := flag.Int("n", 400, "number of arguments")
	deg := flag.Float64("deg", 7, "attacks per argument (random, sparse); attacks per new argument (prefattach)")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file, - for stdout")
	suite := flag.String("suite", "", "write a whole suite (default, reduced, small) into -dir instead")
	dir := flag.String("dir", "", "directory for -suite")
	flag.Parse()

	if *suite != "" {
		if *dir == "" {
			fail(fmt.Errorf("-suite needs -dir"))
		}
		specs, ok := suites[*suite]
		if !ok {
			fail(fmt.Errorf("unknown suite %q: want default, reduced or small", *suite))
		}
		if err := writeSuite(*dir, specs); err != nil {
			fail(err)
		}
		return
	}
	s := spec{*family, *n, *deg, *seed}
	attacks, err := s.generate()
	if err != nil {
		fail(err)
	}
	w := io.Writer(os.Stdout)
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fail(err)
		}
		defer f.Close()
		w = f
	}
	if err := iccma.WriteI23(w, *n, attacks); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

// spec is one framework: a family, a size, a degree and a seed.
type spec struct {
	family string
	n      int
	deg    float64
	seed   uint64
}

func (s spec) name() string {
	return fmt.Sprintf("%s-n%d-d%g-s%d", s.family, s.n, s.deg, s.seed)
}

func (s spec) generate() ([][2]int, error) {
	if s.n < 1 {
		return nil, fmt.Errorf("%d arguments: want at least 1", s.n)
	}
	stream := uint64(s.n)
	if s.family == "dense" {
		stream |= 1 << 32 // not the random family's framework of the same size and seed
	}
	rng := rand.New(rand.NewPCG(s.seed, stream))
	switch s.family {
	case "random", "dense", "sparse":
		return afgen.Random(rng, s.n, s.deg), nil
	case "prefattach":
		return afgen.PrefAttach(rng, s.n, int(s.deg)), nil
	}
	return nil, fmt.Errorf("unknown family %q: want random, dense, sparse or prefattach", s.family)
}

// suites are the instance sets of run.sh. "default" takes hours with every task, both
// engines and a limit of 30 s, most of it runs that neither finishes; "reduced" has
// one seed of each size and degree of the default random frameworks up to 500
// arguments, the hardest (700 arguments, 10 attacks each), one seed of each dense
// framework and three sparse and three preferential-attachment ones, for a table of
// every task in about two hours; "small" takes seconds, to try the script.
var suites = map[string][]spec{
	"default": concat(
		grid("random", []int{300, 400, 500}, []float64{5, 7, 9}, 2),
		grid("random", []int{600, 700}, []float64{5, 10}, 2),
		grid("dense", []int{200, 300, 400}, []float64{5, 8}, 2),
		grid("sparse", []int{10_000, 20_000, 50_000}, []float64{1.5, 2.5}, 2),
		grid("prefattach", []int{2_000, 10_000, 50_000}, []float64{1, 2, 3}, 1),
	),
	"reduced": concat(
		grid("random", []int{300, 400, 500}, []float64{5, 7, 9}, 1),
		[]spec{{"random", 700, 10, 1}},
		grid("dense", []int{200, 300, 400}, []float64{5, 8}, 1),
		[]spec{{"sparse", 10_000, 1.5, 1}, {"sparse", 20_000, 2.5, 1}, {"sparse", 50_000, 1.5, 1}},
		[]spec{{"prefattach", 2_000, 1, 1}, {"prefattach", 10_000, 2, 1}, {"prefattach", 50_000, 3, 1}},
	),
	"small": concat(
		grid("random", []int{100, 200}, []float64{5}, 2),
		grid("sparse", []int{5_000}, []float64{1.5}, 2),
		grid("prefattach", []int{2_000}, []float64{2}, 2),
	),
}

func grid(family string, ns []int, degs []float64, seeds int) []spec {
	var out []spec
	for _, n := range ns {
		for _, d := range degs {
			for s := 1; s <= seeds; s++ {
				out = append(out, spec{family, n, d, uint64(s)})
			}
		}
	}
	return out
}

func concat(lists ...[]spec) []spec {
	var out []spec
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// writeSuite writes every framework of specs, with its query argument, into dir.
func writeSuite(dir string, specs []spec) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range specs {
		attacks, err := s.generate()
		if err != nil {
			return fmt.Errorf("%s: %w", s.name(), err)
		}
		path := filepath.Join(dir, s.name()+".i23")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = iccma.WriteI23(f, s.n, attacks)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		q, err := query(s, attacks)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name(), err)
		}
		if err := os.WriteFile(path+".arg", []byte(fmt.Sprintln(q+1)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// query picks the query argument of a framework: one the grounded labelling leaves
// undecided, if any.
func query(s spec, attacks [][2]int) (int, error) {
	adj, err := iccma.Adjacency(s.n, attacks)
	if err != nil {
		return 0, err
	}
	undec := semantics.NewFramework(adj).Grounded().Undec()
	rng := rand.New(rand.NewPCG(s.seed, 99))
	if len(undec) == 0 {
		return rng.IntN(s.n), nil
	}
	return undec[rng.IntN(len(undec))], nil
}
