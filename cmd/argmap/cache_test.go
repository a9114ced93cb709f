package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderRefusedCache runs render with a cache directory that belongs
// to another user, as under sudo -E: the drawing is made, nothing is
// written into that directory, and standard error says why it was slower.
func TestRenderRefusedCache(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a directory to another user")
	}
	home := filepath.Join(t.TempDir(), "cache")
	if err := os.Mkdir(home, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(home, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "debate.svg")
	cmd := exec.Command(argmapBin, "render", "-o", out, filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml"))
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+home, "ARGMAP_RENDER_SERVER=off")
	r, _ := runArgmap(t, cmd)
	if r.code != 0 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "not using the cache") || !strings.Contains(r.stderr, "user 4242") {
		t.Errorf("render with another user's cache:\n%s", r)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("no drawing: %v", err)
	}
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("argmap wrote into another user's cache: %v", entries)
	}
}
