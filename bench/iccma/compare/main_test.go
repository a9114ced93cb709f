package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/argmap/argmap/iccma"
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

func TestReadListings(t *testing.T) {
	dir := t.TempDir()
	first := `== setup
DC-GR    dense-n200-d5-s1.i23         argmap  cpu    0.008s wall    0.008s   11.2 MB solved=true  NO
DC-GR    dense-n200-d5-s1.i23         clingo  cpu    0.018s wall    0.018s   10.5 MB solved=true  NO
SE-SST   random-n300-d9-s1.i23        argmap  cpu    8.092s wall   13.012s   47.4 MB solved=true  w
SE-SST   random-n300-d9-s1.i23        clingo  cpu    6.066s wall    9.200s   13.6 MB solved=true  w
DISAGREEMENT SE-SST random-n300-d9-s1.i23:
`
	again := `SE-SST   random-n300-d9-s1.i23        argmap  cpu    5.000s wall    5.100s   40.0 MB solved=true  w
SE-SST   random-n300-d9-s1.i23        clingo  cpu   30.001s wall   30.100s   13.6 MB solved=false 
`
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tab, err := readListings([]string{write("a.txt", first), write("b.txt", again)})
	if err != nil {
		t.Fatal(err)
	}
	if want := []key{{"dense", "DC-GR"}, {"random", "SE-SST"}}; !slices.Equal(tab.keys, want) {
		t.Fatalf("rows %v, want %v", tab.keys, want)
	}
	sst := tab.runs[key{"random", "SE-SST"}]
	if len(sst["argmap"]) != 1 || sst["argmap"][0].cpu != 5*time.Second || sst["clingo"][0].solved {
		t.Errorf("SE-SST runs %+v: want only the second listing's", sst)
	}
	if tab.disagreements != 0 {
		t.Errorf("%d disagreements, want 0: the second listing replaces the first's SE-SST runs", tab.disagreements)
	}
	if dc := tab.runs[key{"dense", "DC-GR"}]; dc["clingo"][0].rss != int64(10.5*(1<<20)) || !dc["argmap"][0].solved {
		t.Errorf("DC-GR runs %+v", dc)
	}
	if _, err := readListings([]string{write("bad.txt", "DC-GR x.i23 argmap cpu 1s wall 1s 2 MB solved=maybe\n")}); err == nil {
		t.Error("a broken run line was accepted")
	}
}

// TestLatestCoversEveryTask checks the table the README shows, as -tabulate makes it
// from the listings in ../latest: every task argmap solve accepts has a row for every
// family, each with as many runs by both engines as the other tasks have, and the
// engines never disagree.
func TestLatestCoversEveryTask(t *testing.T) {
	paths, err := filepath.Glob("../latest/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no listings in ../latest (%v)", err)
	}
	tab, err := readListings(paths)
	if err != nil {
		t.Fatal(err)
	}
	if tab.disagreements > 0 {
		t.Errorf("%d disagreements in the listings", tab.disagreements)
	}
	runs := map[string]int{} // family → runs per task and engine, as the first task has them
	for _, k := range tab.keys {
		if _, ok := runs[k.family]; !ok {
			runs[k.family] = len(tab.runs[k]["argmap"])
		}
	}
	for _, task := range iccma.Tasks() {
		for fam, want := range runs {
			for _, engine := range []string{"argmap", "clingo"} {
				if got := len(tab.runs[key{fam, task.String()}][engine]); got != want || got == 0 {
					t.Errorf("%s on %s: %d %s runs, want %d as the other tasks", task, fam, got, engine, want)
				}
			}
		}
	}
}
