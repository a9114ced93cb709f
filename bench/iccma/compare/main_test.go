package main

import (
	"testing"
	"time"
)

func TestAgree(t *testing.T) {
	for _, c := range []struct {
		task, a, b string
		want       bool
	}{
		{"DC-CO", "YES\nw 1 2\n", "YES\nw 2\n", true},
		{"DC-CO", "YES\nw 1\n", "NO\n", false},
		{"DS-PR", "NO\nw 3\n", "NO\nw 4\n", true},
		{"SE-ST", "w 1 2\n", "w 3\n", true},
		{"SE-ST", "w\n", "NO\n", false},
		{"EE-PR", "w 1 2\nw 3\n", "w 3\nw 1 2\n", true},
		{"EE-PR", "w 1 2\nw 3\n", "w 1 2\n", false},
		{"EE-ST", "NO\n", "NO", true},
	} {
		if got := agree(c.task, c.a, c.b); got != c.want {
			t.Errorf("agree(%s, %q, %q) = %v, want %v", c.task, c.a, c.b, got, c.want)
		}
	}
}

func TestMedian(t *testing.T) {
	limit := 30 * time.Second
	s := func(d time.Duration) result { return result{cpu: d, solved: true} }
	unsolved := result{cpu: 31 * time.Second}
	for _, c := range []struct {
		rs   []result
		want time.Duration
	}{
		{nil, 0},
		{[]result{s(3 * time.Second)}, 3 * time.Second},
		{[]result{s(3 * time.Second), s(1 * time.Second), s(2 * time.Second)}, 2 * time.Second},
		{[]result{s(1 * time.Second), s(3 * time.Second)}, 2 * time.Second},
		{[]result{s(1 * time.Second), unsolved, unsolved}, limit},
	} {
		if got := median(c.rs, limit); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.rs, got, c.want)
		}
	}
}

func TestFamily(t *testing.T) {
	for in, want := range map[string]string{
		"/x/random-n400-d7-s1.i23":        "random",
		"prefattach-n2000-d1-s1.i23":      "prefattach",
		"other.i23":                       "other",
		"/a-nb/sparse-n10000-d1.5-s2.i23": "sparse",
	} {
		if got := family(in); got != want {
			t.Errorf("family(%q) = %q, want %q", in, got, want)
		}
	}
}
