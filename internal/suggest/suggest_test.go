package suggest

import (
	"math/rand/v2"
	"testing"
)

// osa is the optimal string alignment distance, computed the plain way.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"claim", "claim", 0},
		{"clam", "claim", 1},
		{"ab", "ba", 1},
		{"ca", "abc", 3}, // OSA: no edit of a transposed pair
		{"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, 100); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestEditDistanceRandom compares Distance with the plain computation
// on random short strings over a small alphabet, where edits and
// transpositions are frequent: below the limit it must be exact, at or
// above it only known to be at least the limit.
func TestEditDistanceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = "abc"[rng.IntN(3)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, limit := word(), word(), 1+rng.IntN(5)
		want := osa(a, b)
		got := Distance(a, b, limit)
		if want < limit && got != want || want >= limit && got < limit {
			t.Fatalf("Distance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
		if got := Distance(a, b, 100); got != want {
			t.Fatalf("Distance(%q, %q, 100) = %d, want %d", a, b, got, want)
		}
		if Distance(b, a, 100) != want {
			t.Fatalf("Distance(%q, %q) is not symmetric", a, b)
		}
	}
}
