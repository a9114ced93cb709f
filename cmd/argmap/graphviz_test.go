package main

import (
	"io"
	"os"
	"slices"
	"strings"
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

// TestGraphvizDialer checks the rest of render's Graphviz configuration:
// the user's cache directory, standard error for the note, and a server
// started as the hidden graphviz-server command of this binary.
func TestGraphvizDialer(t *testing.T) {
	t.Setenv("ARGMAP_RENDER_SERVER", "on")
	var stderr strings.Builder
	d := graphvizDialer(&stderr)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if d.Dir != graphvizCacheDir() || d.Exe != exe || d.Notes != &stderr {
		t.Errorf("dialer %+v, want the cache %s, the program %s and the given standard error", d, graphvizCacheDir(), exe)
	}
	cmd := d.Spawn("/cache/s.sock")
	want := []string{exe, "graphviz-server", "--socket", "/cache/s.sock", "--idle", serverIdle.String()}
	if !slices.Equal(cmd.Args, want) {
		t.Errorf("spawns %q, want %q", cmd.Args, want)
	}
}
