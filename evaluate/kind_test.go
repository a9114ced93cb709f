package evaluate

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/arguments"
	"github.com/argmap/argmap/semantics"
	"github.com/argmap/argmap/semantics/bipolar"
)

// inferenceNamed is a map with an argument called as the inference of the
// undercut support a ⇒ b would be, "a->b": a bad id, but the map holds the
// argument. Nothing attacks the argument; u undercuts the support.
const inferenceNamed = `
[arguments."a->b"]
claim = "Not an inference."
attacks = ["b"]
[arguments.a]
claim = "A."
supports = ["b"]
[arguments.b]
claim = "B."
[arguments.u]
claim = "U."

[[relations]]
from = "u"
type = "undercut"
to = { from = "a", to = "b" }
`

// TestArgumentNamedAsInference checks that evaluation tells an argument from
// an inference by the node's kind: an argument whose id reads "a->b" is
// neither merged with the inference of a ⇒ b, nor withdrawn with a, nor
// named as an inference in an explanation.
func TestArgumentNamedAsInference(t *testing.T) {
	l := &arguments.Loader{ReadFile: func(string) ([]byte, error) { return []byte(inferenceNamed), nil }}
	m, diags := l.Load("map.toml")
	if !diags.HasErrors() || m.Argument("a->b") == nil {
		t.Fatalf("want a map with a bad id and its argument; diagnostics %v", diags)
	}
	ctx := context.Background()
	grounded := Options{Method: Method{Semantics: semantics.Grounded}, Support: bipolar.SupportedSecondary}
	tests := []struct {
		name    string
		without []string
		labels  string
	}{
		// u and a->b are unattacked; the inference falls to u, and b to a->b.
		{"whole map", nil, "a->b=in a=in b=out u=in"},
		// Withdrawing a takes the inference of a ⇒ b with it, not a->b.
		{"a withdrawn", []string{"a"}, "a->b=in b=out u=in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := grounded
			opt.Without = tt.without
			r, err := Evaluate(ctx, m, opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := labels(r); got != tt.labels {
				t.Errorf("labels %s, want %s", got, tt.labels)
			}
			text, err := r.Explain(ctx, "b")
			if err != nil {
				t.Fatal(err)
			}
			if want := "b is rejected: a->b attacks it, and a->b is accepted."; !strings.Contains(text, want) {
				t.Errorf("explain b:\n%s\nwant it to say %q", text, want)
			}
		})
	}
}
