// Package afgen generates abstract argumentation frameworks for the benchmarks and
// the tests, as lists of attacks between arguments 0..n-1. The caller owns the random
// source, so the same source gives the same framework. It is internal: it is test
// support, not part of argmap's API.
package afgen

import "math/rand/v2"

// Random returns deg·n attacks between uniformly random arguments (self-attacks and
// repeated attacks possible), as in ICCMA's random generators. With a few hundred
// arguments and deg between 5 and 10 these are the hard instances of the literature:
// one big strongly connected component, an empty grounded extension and many preferred
// extensions.
func Random(rng *rand.Rand, n int, deg float64) [][2]int {
	attacks := make([][2]int, int(deg*float64(n)))
	for i := range attacks {
		a := rng.IntN(n)
		attacks[i] = [2]int{a, rng.IntN(n)}
	}
	return attacks
}

// PrefAttach returns a preferential-attachment (Barabási–Albert) framework: argument a
// (from 1) takes part in min(m, a) attacks with earlier arguments; the other end is,
// three times in four, drawn from the endpoints of all attacks so far (that is, with
// probability proportional to degree), else uniformly; the direction is random.
func PrefAttach(rng *rand.Rand, n, m int) [][2]int {
	var attacks [][2]int
	var ends []int
	for a := 1; a < n; a++ {
		for range min(m, a) {
			b := rng.IntN(a)
			if len(ends) > 0 && rng.IntN(4) != 0 {
				b = ends[rng.IntN(len(ends))]
			}
			if rng.IntN(2) == 0 {
				attacks = append(attacks, [2]int{a, b})
			} else {
				attacks = append(attacks, [2]int{b, a})
			}
			ends = append(ends, a, b)
		}
	}
	return attacks
}
