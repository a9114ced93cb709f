package mapgen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func generate(t *testing.T, n int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, n, seed); err != nil {
		t.Fatalf("Write(n=%d, seed=%d): %v", n, seed, err)
	}
	return b.Bytes()
}

func TestDeterminism(t *testing.T) {
	tests := []struct {
		n    int
		seed uint64
	}{
		{1, 0},
		{4, 1},
		{100, 1},
		{1000, 2},
		{10000, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d/seed=%d", tt.n, tt.seed), func(t *testing.T) {
			a := generate(t, tt.n, tt.seed)
			b := generate(t, tt.n, tt.seed)
			if !bytes.Equal(a, b) {
				t.Fatalf("two maps from the same seed differ")
			}
			if tt.n < 10 {
				return
			}
			c := generate(t, tt.n, tt.seed+1)
			if bytes.Equal(a, c) {
				t.Errorf("maps from seeds %d and %d are identical", tt.seed, tt.seed+1)
			}
		})
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		n        int
		min, max int // bytes
	}{
		{10000, 1_500_000, 2_500_000},
		{1000, 150_000, 250_000},
	}
	for _, tt := range tests {
		for _, seed := range []uint64{1, 2, 3} {
			size := len(generate(t, tt.n, seed))
			t.Logf("n=%d seed=%d: %d bytes", tt.n, seed, size)
			if size < tt.min || size > tt.max {
				t.Errorf("n=%d seed=%d: map is %d bytes, want %d to %d", tt.n, seed, size, tt.min, tt.max)
			}
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		n    int
		seed uint64
	}{
		{1, 1},
		{2, 1},
		{3, 1},
		{4, 1},
		{5, 7},
		{10, 3},
		{25, 4},
		{100, 5},
		{1000, 1},
		{10000, 1},
		{100000, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d/seed=%d", tt.n, tt.seed), func(t *testing.T) {
			if tt.n > 10000 && testing.Short() {
				t.Skip("large map skipped in short mode")
			}
			data := generate(t, tt.n, tt.seed)
			m, err := check(data, min(RelationsPerArgument, tt.n-1))
			if err != nil {
				t.Fatal(err)
			}
			if len(m.ids) != tt.n {
				t.Errorf("map has %d arguments, want %d", len(m.ids), tt.n)
			}
		})
	}
}

// TestFeatures checks that a map of realistic size uses every feature of
// the format.
func TestFeatures(t *testing.T) {
	data := generate(t, 10000, 1)
	m, err := check(data, RelationsPerArgument)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kinds {
		if m.features["kind="+k] == 0 {
			t.Errorf("no argument of kind %q", k)
		}
	}
	for _, f := range []string{
		"party", "weight", "supports", "attacks",
		"source-string", "source-table", "source-array",
		"date-string", "date-toml", "url", "quote",
		"relations-support", "relations-attack", "note",
		"no-kind", "no-source",
	} {
		if m.features[f] == 0 {
			t.Errorf("feature %q unused", f)
		}
	}
	text := string(data)
	for _, s := range []string{
		".source]\n", // a source as a sub-table
		"Calderón",   // non-ASCII text
		"Sarukhán",
		`\"`, // an escaped double quote
		"'",  // an apostrophe
	} {
		if !strings.Contains(text, s) {
			t.Errorf("map does not contain %q", s)
		}
	}
}

func TestWriteDir(t *testing.T) {
	tests := []struct {
		files, perFile int
		seed           uint64
	}{
		{0, 5, 1},
		{1, 1, 1},
		{20, 5, 1},
		{7, 40, 9},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("files=%d/per-file=%d", tt.files, tt.perFile), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "maps")
			if err := WriteDir(dir, tt.files, tt.perFile, tt.seed); err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != tt.files {
				t.Fatalf("%d files written, want %d", len(entries), tt.files)
			}
			seen := make(map[string]string) // id -> file
			for i, e := range entries {
				if want := fmt.Sprintf("map-%04d.toml", i); e.Name() != want {
					t.Errorf("file %d is named %s, want %s", i, e.Name(), want)
				}
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				m, err := check(data, min(RelationsPerArgument, tt.perFile-1))
				if err != nil {
					t.Fatalf("%s: %v", e.Name(), err)
				}
				if len(m.ids) != tt.perFile {
					t.Errorf("%s: %d arguments, want %d", e.Name(), len(m.ids), tt.perFile)
				}
				for id := range m.ids {
					if f, ok := seen[id]; ok {
						t.Errorf("id %s is in both %s and %s", id, f, e.Name())
					}
					seen[id] = e.Name()
				}
			}

			// The same seed gives the same files.
			dir2 := filepath.Join(t.TempDir(), "maps")
			if err := WriteDir(dir2, tt.files, tt.perFile, tt.seed); err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				a, _ := os.ReadFile(filepath.Join(dir, e.Name()))
				b, err := os.ReadFile(filepath.Join(dir2, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs between two runs with the same seed", e.Name())
				}
			}
		})
	}
}

type errWriter struct{ err error }

func (w errWriter) Write([]byte) (int, error) { return 0, w.err }

func TestErrors(t *testing.T) {
	if err := Write(&bytes.Buffer{}, 0, 1); err == nil {
		t.Error("Write with n=0: no error")
	}
	if err := WriteDir(t.TempDir(), 3, 0, 1); err == nil {
		t.Error("WriteDir with 0 arguments per file: no error")
	}
	if err := WriteDir(t.TempDir(), -1, 5, 1); err == nil {
		t.Error("WriteDir with -1 files: no error")
	}
	errDisk := errors.New("disk full")
	err := Write(errWriter{errDisk}, 1000, 1)
	if !errors.Is(err, errDisk) {
		t.Errorf("Write to a failing writer: error %v, want one wrapping %v", err, errDisk)
	}
	// A directory that cannot be created because a file is in the way.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(filepath.Join(file, "maps"), 1, 5, 1); err == nil {
		t.Error("WriteDir under a regular file: no error")
	}
}

// A checked is what check found in a map.
type checked struct {
	ids      map[string]bool
	features map[string]int // feature -> number of uses
}

var (
	idRE        = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
	topKeys     = []string{"version", "title", "description", "include", "arguments", "relations"}
	argKeys     = []string{"claim", "kind", "party", "source", "supports", "attacks", "weight"}
	sourceKeys  = []string{"name", "url", "date", "quote"}
	relationKey = []string{"from", "to", "type", "note"}
)

// check decodes a map and checks that it is valid per docs/format.md, with no
// warnings either, and that every argument is the source of exactly rels
// relations.
func check(data []byte, rels int) (*checked, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	c := &checked{ids: make(map[string]bool), features: make(map[string]int)}
	for k := range doc {
		if !slices.Contains(topKeys, k) {
			return nil, fmt.Errorf("unknown top-level key %q", k)
		}
	}
	if v, ok := doc["version"]; ok && v != int64(1) {
		return nil, fmt.Errorf("version = %v, want 1", v)
	}
	if _, ok := doc["include"]; ok {
		return nil, fmt.Errorf("map includes other files")
	}
	args, ok := doc["arguments"].(map[string]any)
	if !ok || len(args) == 0 {
		return nil, fmt.Errorf("no arguments")
	}

	type edge struct {
		from, to string
		support  bool
	}
	var edges []edge
	idList := func(id, key string, v any) ([]string, error) {
		list, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("argument %s: %s is %T, want an array", id, key, v)
		}
		var ids []string
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("argument %s: %s has a %T, want ids", id, key, x)
			}
			ids = append(ids, s)
		}
		return ids, nil
	}
	for id, v := range args {
		if !idRE.MatchString(id) {
			return nil, fmt.Errorf("bad id %q", id)
		}
		c.ids[id] = true
		arg, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("argument %s is %T, want a table", id, v)
		}
		for k, v := range arg {
			if !slices.Contains(argKeys, k) {
				return nil, fmt.Errorf("argument %s: unknown key %q", id, k)
			}
			switch k {
			case "claim", "party":
				if s, ok := v.(string); !ok || s == "" {
					return nil, fmt.Errorf("argument %s: %s is %#v, want a non-empty string", id, k, v)
				}
			case "kind":
				s, _ := v.(string)
				if !slices.Contains(kinds, s) {
					return nil, fmt.Errorf("argument %s: unknown kind %#v", id, v)
				}
				c.features["kind="+s]++
			case "source":
				if err := checkSource(c, v, true); err != nil {
					return nil, fmt.Errorf("argument %s: %w", id, err)
				}
			case "weight":
				var w float64
				switch x := v.(type) {
				case float64:
					w = x
				case int64:
					w = float64(x)
				default:
					return nil, fmt.Errorf("argument %s: weight is %T, want a number", id, v)
				}
				if w < 0 || w > 1 {
					return nil, fmt.Errorf("argument %s: weight %v out of [0, 1]", id, w)
				}
			case "supports", "attacks":
				ids, err := idList(id, k, v)
				if err != nil {
					return nil, err
				}
				for _, to := range ids {
					edges = append(edges, edge{id, to, k == "supports"})
				}
			}
			c.features[k]++
		}
		if _, ok := arg["claim"]; !ok {
			return nil, fmt.Errorf("argument %s has no claim", id)
		}
		if _, ok := arg["kind"]; !ok {
			c.features["no-kind"]++
		}
		if _, ok := arg["source"]; !ok {
			c.features["no-source"]++
		}
	}

	if v, ok := doc["relations"]; ok {
		list, ok := v.([]map[string]any)
		if !ok {
			return nil, fmt.Errorf("relations is %T, want an array of tables", v)
		}
		for i, r := range list {
			for k, v := range r {
				if !slices.Contains(relationKey, k) {
					return nil, fmt.Errorf("relation %d: unknown key %q", i+1, k)
				}
				if _, ok := v.(string); !ok {
					return nil, fmt.Errorf("relation %d: %s is %T, want a string", i+1, k, v)
				}
			}
			from, _ := r["from"].(string)
			to, _ := r["to"].(string)
			typ, _ := r["type"].(string)
			if from == "" || to == "" || (typ != "support" && typ != "attack") {
				return nil, fmt.Errorf("relation %d: from %q, to %q, type %q", i+1, from, to, typ)
			}
			if _, ok := r["note"]; ok {
				c.features["note"]++
			}
			c.features["relations-"+typ]++
			edges = append(edges, edge{from, to, typ == "support"})
		}
	}

	// References, self-relations, duplicates, support-and-attack, the
	// number of relations of each argument and isolated arguments.
	seen := make(map[edge]bool)
	out := make(map[string]int)
	touched := make(map[string]bool)
	supports := make(map[string][]string)
	for _, e := range edges {
		for _, id := range []string{e.from, e.to} {
			if !c.ids[id] {
				return nil, fmt.Errorf("relation %s -> %s: unknown argument %s", e.from, e.to, id)
			}
		}
		if e.from == e.to {
			return nil, fmt.Errorf("argument %s relates to itself", e.from)
		}
		if seen[e] {
			return nil, fmt.Errorf("relation %+v given twice", e)
		}
		seen[e] = true
		if seen[edge{e.from, e.to, !e.support}] {
			return nil, fmt.Errorf("argument %s both supports and attacks %s", e.from, e.to)
		}
		out[e.from]++
		touched[e.from], touched[e.to] = true, true
		if e.support {
			supports[e.from] = append(supports[e.from], e.to)
		}
	}
	for id := range c.ids {
		if out[id] != rels {
			return nil, fmt.Errorf("argument %s has %d relations, want %d", id, out[id], rels)
		}
		if len(c.ids) > 1 && !touched[id] {
			return nil, fmt.Errorf("argument %s is isolated", id)
		}
	}
	if cycle := supportCycle(c.ids, supports); cycle != nil {
		return nil, fmt.Errorf("support cycle: %s", strings.Join(cycle, " -> "))
	}
	return c, nil
}

// checkSource checks a source: a string, a table or, at the top level, an
// array of those.
func checkSource(c *checked, v any, top bool) error {
	switch s := v.(type) {
	case string:
		if s == "" {
			return fmt.Errorf("empty source")
		}
		c.features["source-string"]++
	case map[string]any:
		for k, v := range s {
			if !slices.Contains(sourceKeys, k) {
				return fmt.Errorf("source: unknown key %q", k)
			}
			switch v := v.(type) {
			case string:
				if k == "date" {
					c.features["date-string"]++
				}
			case time.Time:
				if k != "date" {
					return fmt.Errorf("source: %s is a date", k)
				}
				c.features["date-toml"]++
			default:
				return fmt.Errorf("source: %s is %T", k, v)
			}
			c.features[k]++
		}
		if _, ok := s["name"]; !ok {
			return fmt.Errorf("source without a name")
		}
		c.features["source-table"]++
	case []any:
		if !top {
			return fmt.Errorf("source: nested array")
		}
		for _, x := range s {
			if err := checkSource(c, x, false); err != nil {
				return err
			}
		}
		c.features["source-array"]++
	default:
		return fmt.Errorf("source is %T", v)
	}
	return nil
}

// supportCycle returns a cycle of the support graph, or nil if there is none.
func supportCycle(ids map[string]bool, supports map[string][]string) []string {
	const (
		unvisited = iota
		onPath
		done
	)
	state := make(map[string]int)
	var path []string
	var visit func(id string) []string
	visit = func(id string) []string {
		state[id] = onPath
		path = append(path, id)
		for _, to := range supports[id] {
			switch state[to] {
			case onPath:
				i := slices.Index(path, to)
				return append(slices.Clone(path[i:]), to)
			case unvisited:
				if c := visit(to); c != nil {
					return c
				}
			}
		}
		path = path[:len(path)-1]
		state[id] = done
		return nil
	}
	for id := range ids {
		if state[id] == unvisited {
			if c := visit(id); c != nil {
				return c
			}
		}
	}
	return nil
}

// TestCheckFindsErrors makes sure that check is not vacuous.
func TestCheckFindsErrors(t *testing.T) {
	const base = `
[arguments.a]
claim = "A."
supports = ["b"]

[arguments.b]
claim = "B."
supports = ["c"]

[arguments.c]
claim = "C."
`
	tests := []struct {
		name, extra, wantErr string
	}{
		{"valid", `attacks = ["a"]`, ""},
		{"unknown argument", `attacks = ["zz"]`, "unknown argument zz"},
		{"self-attack", `attacks = ["c"]`, "relates to itself"},
		{"support cycle", `supports = ["a"]`, "support cycle"},
		{"support and attack", "attacks = [\"a\"]\n[[relations]]\nfrom = \"a\"\nto = \"b\"\ntype = \"attack\"", "both supports and attacks"},
		{"duplicate relation", "attacks = [\"a\"]\n[[relations]]\nfrom = \"a\"\nto = \"b\"\ntype = \"support\"", "given twice"},
		{"unknown kind", "attacks = [\"a\"]\nkind = \"opinion\"", "unknown kind"},
		{"bad weight", "attacks = [\"a\"]\nweight = 1.5", "out of [0, 1]"},
		{"empty claim", "attacks = [\"a\"]\n[arguments.d]\nclaim = \"\"\nattacks = [\"a\"]", "non-empty string"},
		{"bad id", "attacks = [\"a\"]\n[arguments.\"x y\"]\nclaim = \"X.\"", "bad id"},
		{"too many relations", `attacks = ["a", "b"]`, "has 2 relations"},
		{"too few relations", ``, "has 0 relations"},
		{"source without name", "attacks = [\"a\"]\nsource = { url = \"https://example.com/\" }", "without a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := check([]byte(base+tt.extra+"\n"), 1)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("check rejected a valid map: %v", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("check accepted a map with a %s", tt.name)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("check: %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
}
