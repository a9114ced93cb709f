// Package suggest finds the likely intended word behind a typo, for the
// "did you mean" hints of argmap's diagnostics and usage errors.
package suggest

import "strings"

// Closest returns the candidate closest to word by edit distance, if it is
// within a third of the word's length (at most 3), or "". Words of one or
// two letters only match a candidate that differs in case: any other
// suggestion for them would be a guess.
func Closest(word string, candidates []string) string {
	limit := min(3, len(word)/3)
	if len(word) >= 3 {
		limit = max(1, limit)
	}
	best, bestDist := "", limit+1
	// One set of rows serves every candidate: a did-you-mean is asked for
	// each unknown name of a map, against every name it has.
	var rows distanceRows
	for _, c := range candidates {
		if c != word && strings.EqualFold(c, word) {
			return c
		}
		if abs(len(c)-len(word)) >= bestDist {
			continue
		}
		if d := rows.distance(word, c, bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Distance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// bytes), or any value >= limit once it is known to be at least limit.
func Distance(a, b string, limit int) int {
	var rows distanceRows
	return rows.distance(a, b, limit)
}

// distanceRows holds the three rows of the distance table, kept from one
// call to the next so that comparing a word with many candidates does not
// allocate for each.
type distanceRows struct{ prev2, prev, cur []int }

func (r *distanceRows) distance(a, b string, limit int) int {
	n := len(b) + 1
	if cap(r.cur) < n {
		r.prev2, r.prev, r.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := r.prev2[:n], r.prev[:n], r.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
