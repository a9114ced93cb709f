package main

import (
	"io"
	"testing"
)

// TestServerMode checks that render reads ARGMAP_RENDER_SERVER and CI
// from the process's environment into its Graphviz dialer.
func TestServerMode(t *testing.T) {
	for _, c := range []struct{ setting, ci, want string }{
		{"", "", "on"},
		{"", "true", "off"},
		{"on", "true", "on"},
		{"off", "", "off"},
		{"0", "", "off"},
		{"false", "", "off"},
		{"require", "true", "require"},
		{"1", "", "on"},
	} {
		t.Setenv("ARGMAP_RENDER_SERVER", c.setting)
		t.Setenv("CI", c.ci)
		d := graphvizDialer(io.Discard)
		if got := d.Mode.String(); got != c.want {
			t.Errorf("ARGMAP_RENDER_SERVER=%q CI=%q: %q, want %q", c.setting, c.ci, got, c.want)
		}
		if c.want == "off" && d.Socket() != "" {
			t.Errorf("ARGMAP_RENDER_SERVER=%q CI=%q: a socket with the server off", c.setting, c.ci)
		}
	}
}
