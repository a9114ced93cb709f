package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// examplesDir is the repository's examples directory, seen from this package.
const examplesDir = "../examples"

// idPattern is the id syntax of docs/format.md, "Argument ids".
const idPattern = `^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`

// compile compiles the embedded schema. Compiling also checks the schema
// against the draft-07 meta-schema.
func compile(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		t.Fatalf("argmap.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(ID, doc); err != nil {
		t.Fatalf("adding the schema: %v", err)
	}
	sch, err := c.Compile(ID)
	if err != nil {
		t.Fatalf("compiling the schema: %v", err)
	}
	return sch
}

// decode reads TOML text into the plain JSON-like values the validator takes.
func decode(t testing.TB, src string) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("TOML: %v", err)
	}
	return jsonValue(m)
}

// jsonValue converts what BurntSushi/toml decodes into map[string]any, []any,
// strings, numbers and booleans: arrays of tables come as []map[string]any,
// and dates and times as time.Time, which become strings as in a TOML editor.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = jsonValue(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonValue(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonValue(e)
		}
		return out
	case time.Time:
		return tomlTimeString(v)
	default:
		return v
	}
}

// tomlTimeString writes a TOML date or time the way it is written in TOML.
// BurntSushi/toml marks local dates and times by the name of their location.
func tomlTimeString(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	default:
		return t.Format(time.RFC3339Nano)
	}
}

func TestSchemaHeader(t *testing.T) {
	var s struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(JSON, &s); err != nil {
		t.Fatal(err)
	}
	if s.Schema != "http://json-schema.org/draft-07/schema#" {
		t.Errorf("$schema = %q, want draft-07", s.Schema)
	}
	if s.ID != ID {
		t.Errorf("$id = %q, want %q", s.ID, ID)
	}
	compile(t)
}

// TestIDPatterns checks that every pattern in the schema is the id pattern of
// docs/format.md, and that it means what the format says.
func TestIDPatterns(t *testing.T) {
	patterns := regexp.MustCompile(`"pattern":\s*"([^"]*)"`).FindAllSubmatch(JSON, -1)
	if len(patterns) < 3 {
		t.Fatalf("found %d id patterns in the schema, want at least 3 (id, from, to)", len(patterns))
	}
	for _, p := range patterns {
		var got string
		if err := json.Unmarshal([]byte(`"`+string(p[1])+`"`), &got); err != nil {
			t.Fatal(err)
		}
		if got != idPattern {
			t.Errorf("schema pattern %q, want the id pattern %q", got, idPattern)
		}
	}
	re := regexp.MustCompile(idPattern)
	for id, want := range map[string]bool{
		"strike": true, "use_of_force": true, "act-of-war": true, "A1": true, "9": true,
		strings.Repeat("a", 64): true,
		"":                      false, strings.Repeat("a", 65): false,
		"_a": false, "-a": false, "bad id": false, "a.b": false, "Calderón": false, "a\n": false,
	} {
		if re.MatchString(id) != want {
			t.Errorf("id %q: valid = %v, want %v", id, !want, want)
		}
	}
}

// TestExamples validates every TOML file under examples/ against the schema.
func TestExamples(t *testing.T) {
	sch := compile(t)
	var files []string
	for _, dir := range []string{examplesDir, "../docs/examples"} { // and the worked examples of docs/format.md
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".toml") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 2 {
		t.Fatalf("found %d example files under %s, want at least the 2 of examples/drone-strikes", len(files), examplesDir)
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkSchemaDirective(t, path, src)
			if err := sch.Validate(decode(t, string(src))); err != nil {
				t.Errorf("%s does not match the schema:\n%v", path, err)
			}
		})
	}
}

// checkSchemaDirective checks that the file's first line is a taplo
// `#:schema` directive naming this schema by a path that resolves to it.
func checkSchemaDirective(t *testing.T, path string, src []byte) {
	t.Helper()
	first, _, _ := bufio.NewReader(bytes.NewReader(src)).ReadLine()
	ref, ok := strings.CutPrefix(string(first), "#:schema ")
	if !ok {
		t.Errorf("%s: first line %q, want a #:schema directive", path, first)
		return
	}
	target, err := filepath.Abs(filepath.Join(filepath.Dir(path), filepath.FromSlash(strings.TrimSpace(ref))))
	if err != nil {
		t.Fatal(err)
	}
	self, err := filepath.Abs("argmap.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if target != self {
		t.Errorf("%s: #:schema %s resolves to %s, want %s", path, ref, target, self)
	}
}

// base is a valid file; the cases below add to it.
const base = `
[arguments.a]
claim = "A"
attacks = ["b"]

[arguments.b]
claim = "B"
`

func TestRejects(t *testing.T) {
	sch := compile(t)
	for _, tc := range []struct {
		name string
		src  string
		want string // a piece of the error: where, or what
	}{
		{"unknown top-level key", `suports = ["a"]` + base, "at '': additional properties 'suports'"},
		{"unknown argument key", base + `suports = ["a"]`, "at '/arguments/b': additional properties 'suports'"},
		{"unknown standard", base + `standard = "preponderence"`, "'/arguments/b/standard'"},
		{"unknown burden", base + `burden = "defendant"`, "'/arguments/b/burden'"},
		{"threshold above 1", `[standards]
alpha = 1.5` + base, "'/standards/alpha'"},
		{"unknown threshold", `[standards]
delta = 0.1` + base, "additional properties 'delta'"},
		{"linked reason with a number", base + `
[[relations]]
from = ["a", 3]
to = "b"
type = "support"`, "'/relations/0/from'"},
		{"claim is a number", `[arguments.a]
claim = 42`, "'/arguments/a/claim'"},
		{"title is a number", base + `title = 3`, "'/arguments/b/title'"},
		{"empty title", base + `title = ""`, "'/arguments/b/title'"},
		{"argument note is a number", base + `note = 3`, "'/arguments/b/note'"},
		{"attacks is a string", `[arguments.a]
claim = "A"
attacks = "b"`, "'/arguments/a/attacks'"},
		{"attacks holds a number", `[arguments.a]
claim = "A"
attacks = ["b", 7]`, "'/arguments/a/attacks/1'"},
		{"missing claim", `[arguments.a]
kind = "claim"`, "missing property 'claim'"},
		{"empty claim", `[arguments.a]
claim = ""`, "'/arguments/a/claim'"},
		{"bad id", `[arguments."bad id"]
claim = "A"`, "bad id"},
		{"id too long", `[arguments.` + strings.Repeat("a", 65) + `]
claim = "A"`, strings.Repeat("a", 65)},
		{"bad id in supports", `[arguments.a]
claim = "A"
supports = ["b c"]`, "'/arguments/a/supports/0'"},
		{"relation type rebut", base + `
[[relations]]
from = "a"
to = "b"
type = "rebut"`, "'/relations/0/type'"},
		{"undercut aimed at an id", base + `
[[relations]]
from = "a"
to = "b"
type = "undercut"`, "'/relations/0/to'"},
		{"support aimed at an inference", base + `
[[relations]]
from = "a"
to = { from = "a", to = "b" }
type = "support"`, "'/relations/0/to'"},
		{"relation without type", base + `
[[relations]]
from = "a"
to = "b"`, "missing property 'type'"},
		{"relation with an unknown key", base + `
[[relations]]
from = "a"
to = "b"
type = "attack"
id = "r1"`, "additional properties 'id'"},
		{"relation from a bad id", base + `
[[relations]]
from = "a b"
to = "b"
type = "attack"`, "'/relations/0/from'"},
		{"weight above 1", `[arguments.a]
claim = "A"
weight = 1.5`, "'/arguments/a/weight'"},
		{"weight below 0", `[arguments.a]
claim = "A"
weight = -0.1`, "'/arguments/a/weight'"},
		{"weight is a string", `[arguments.a]
claim = "A"
weight = "high"`, "'/arguments/a/weight'"},
		{"source table without name", `[arguments.a]
claim = "A"
source = { url = "https://example.org/" }`, "'/arguments/a/source'"},
		{"source table with an unknown key", `[arguments.a]
claim = "A"
source = { name = "Reuters", author = "X" }`, "'/arguments/a/source'"},
		{"source array holds a number", `[arguments.a]
claim = "A"
source = ["Reuters", 3]`, "'/arguments/a/source'"},
		{"party is a number", base + `party = 1`, "'/arguments/b/party'"},
		{"empty coalition", base + `party = []`, "'/arguments/b/party'"},
		{"coalition with an empty party", base + `party = ["United States", ""]`, "'/arguments/b/party'"},
		{"coalition with a number", base + `party = ["United States", 2]`, "'/arguments/b/party'"},
		{"tags is a string", base + `tags = "issue: consent"`, "'/arguments/b/tags'"},
		{"empty tag", base + `tags = [""]`, "'/arguments/b/tags/0'"},
		{"tag is a number", base + `tags = ["issue: consent", 1]`, "'/arguments/b/tags/1'"},
		{"kind is a number", `[arguments.a]
claim = "A"
kind = 1`, "'/arguments/a/kind'"},
		{"version 2", "version = 2\n" + base, "'/version'"},
		{"version is a string", "version = \"1\"\n" + base, "'/version'"},
		{"empty include path", `include = [""]` + base, "'/include/0'"},
		{"include is a string", `include = "mexico.toml"` + base, "'/include'"},
		{"title is a number", "title = 1\n" + base, "'/title'"},
		{"expect under an unknown semantics", base + `
[expect.grounde]
in = ["a"]`, "'grounde'"}, // the validator does not always place propertyNames errors right
		{"expect with an unknown key", base + `
[expect.grounded]
inn = ["a"]`, "'/expect/grounded'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := sch.Validate(decode(t, tc.src))
			if err == nil {
				t.Fatalf("the schema accepts:\n%s", tc.src)
			}
			t.Logf("rejected as wanted:\n%v", err)
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("the error does not mention %s:\n%v", tc.want, err)
			}
		})
	}
}

func TestAccepts(t *testing.T) {
	sch := compile(t)
	for _, tc := range []struct {
		name string
		src  string
	}{
		{"minimal", base},
		{"title", base + `title = "Lawful self-defence"`},
		{"argument note", base + `note = "A caveat for the reader."`},
		{"proof standards", base + `
[standards]
alpha = 0.5
beta = 0.25
gamma = 0

[arguments.c]
claim = "C"
standard = "beyond-reasonable-doubt"
burden = "con"
burden_note = "the prosecution"

[expect.carneades]
in = ["a"]`},
		{"undercut", base + `
[[relations]]
from = "b"
type = "undercut"
to = { from = "a", to = "b" }
note = "Why the inference fails."`},
		{"party and coalition", base + `party = "Mexico"
[arguments.c]
claim = "C"
party = ["United States", "United Kingdom"]
tags = ["legal basis: self-defence", "issue: armed attack"]
attacks = ["b"]
[arguments.d]
claim = "D"
party = ["Mexico"]
tags = []
attacks = ["c"]`},
		{"linked reason", base + `
[[relations]]
from = ["a", "b"]
to = "b"
type = "support"`},
		{"undercut of a linked reason", base + `
[[relations]]
from = "b"
type = "undercut"
to = { from = ["a", "b"], to = "b" }`},
		{"expectations", base + `
[expect.grounded]
in = ["a"]
out = ["b"]
undec = []

[expect.semi-stable]
support = "necessary"
in = ["a"]`},
		{"no arguments in an included file", `
[[relations]]
from = "a"
to = "b"
type = "support"`},
		{"all top-level keys", `version = 1
title = "T"
description = """
Long."""
include = ["more.toml", "sub/other.toml"]
` + base + `
[[relations]]
from = "b"
to = "a"
type = "attack"
note = "Why."`},
		{"source as string", `[arguments.a]
claim = "A"
source = "Reuters, NBC News"`},
		{"source as table", `[arguments.a]
claim = "A"
source = { name = "Press conference", url = "https://example.org/", date = "25 Feb 2025", quote = "Not under any circumstances." }`},
		{"source with a TOML date", `[arguments.a]
claim = "A"
source = { name = "Press conference", date = 2025-02-25 }`},
		{"source with a TOML date-time", `[arguments.a]
claim = "A"
source = { name = "Press conference", date = 2025-02-25T10:30:00-06:00 }`},
		{"source as array of strings and tables", `[arguments.a]
claim = "A"
source = ["Reuters", { name = "NBC News", url = "https://www.nbcnews.com/" }, { name = "CNN", date = 2025-02-20 }]`},
		{"source as sub-table", `[arguments.a]
claim = "A"
[arguments.a.source]
name = "Reuters"`},
		{"every kind", `[arguments.k1]
claim = "x"
kind = "claim"
[arguments.k2]
claim = "x"
kind = "premise"
[arguments.k3]
claim = "x"
kind = "evidence"
[arguments.k4]
claim = "x"
kind = "testimony"
[arguments.k5]
claim = "x"
kind = "precedent"
[arguments.k6]
claim = "x"
kind = "law"
[arguments.k7]
claim = "x"
kind = "policy"
[arguments.k8]
claim = "x"
kind = "value"`},
		{"unknown kind is only a warning", `[arguments.a]
claim = "A"
kind = "claimm"`},
		{"weight bounds and integer weight", `[arguments.a]
claim = "A"
weight = 0
[arguments.b]
claim = "B"
weight = 1.0
[arguments.c]
claim = "C"
weight = 1`},
		{"ids of 1 and 64 characters, digits, - and _", `[arguments.9]
claim = "A"
supports = ["` + strings.Repeat("Z", 64) + `", "a-b_c"]
[arguments.` + strings.Repeat("Z", 64) + `]
claim = "B"
[arguments.a-b_c]
claim = "C"`},
		{"quoted key that is a valid id", `[arguments."strike"]
claim = "A"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := sch.Validate(decode(t, tc.src)); err != nil {
				t.Errorf("the schema rejects:\n%s\n%v", tc.src, err)
			}
		})
	}
}

// TestTOMLTimes checks the conversion of TOML dates and times to strings.
func TestTOMLTimes(t *testing.T) {
	got := decode(t, `
d = 2025-02-25
t = 10:30:00
ldt = 2025-02-25T10:30:00
odt = 2025-02-25T10:30:00-06:00
`)
	want := map[string]any{
		"d":   "2025-02-25",
		"t":   "10:30:00",
		"ldt": "2025-02-25T10:30:00",
		"odt": "2025-02-25T10:30:00-06:00",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
