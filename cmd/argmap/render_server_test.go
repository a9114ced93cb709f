//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRenderServer follows the Graphviz server through its life: the first
// render starts one, the next renders use it, and when it is killed the
// next render draws all the same and starts another.
func TestRenderServer(t *testing.T) {
	// A short home: the socket's path must fit in 104 bytes.
	home, err := os.MkdirTemp("", "am")
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(home, ".cache", "argmap", "graphviz")
	lock := func() (pid int) {
		files, _ := filepath.Glob(filepath.Join(cache, "server-*.sock.lock"))
		if len(files) == 1 {
			b, _ := os.ReadFile(files[0])
			fmt.Sscan(string(b), &pid)
		}
		return pid
	}
	t.Cleanup(func() {
		if pid := lock(); pid > 0 {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		os.RemoveAll(home)
	})
	example := filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml")
	render := func(mode string, args ...string) (result, []byte) {
		t.Helper()
		cmd := exec.Command(argmapBin, args...)
		for _, kv := range renderEnv(t, home) {
			if !strings.HasPrefix(kv, "ARGMAP_RENDER_SERVER=") && !strings.HasPrefix(kv, "CI=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, "ARGMAP_RENDER_SERVER="+mode)
		return runArgmap(t, cmd)
	}
	// waitServer waits for a server other than old to answer.
	waitServer := func(old int) int {
		t.Helper()
		for range 600 {
			if pid := lock(); pid > 0 && pid != old {
				if r, _ := render("require", "render", "-f", "dot", example); r.code == 0 {
					files, _ := filepath.Glob(filepath.Join(cache, "server-*.sock"))
					if len(files) == 1 {
						return pid
					}
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatal("no Graphviz server started")
		return 0
	}

	// Neither check nor DOT output starts Graphviz, nor a server.
	for _, args := range [][]string{{"check", example}, {"render", "-f", "dot", example}} {
		if r, _ := render("on", args...); r.code != 0 {
			t.Fatal(r)
		}
	}
	if _, err := os.Stat(cache); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Graphviz was started without a drawing: %v", err)
	}

	r, want := render("on", "render", example)
	if r.code != 0 {
		t.Fatal(r)
	}
	pid := waitServer(0)
	r, got := render("require", "render", example)
	if r.code != 0 || !bytes.Equal(got, want) {
		t.Fatalf("through the server: exit %d, %s; same drawing: %v", r.code, r.stderr, bytes.Equal(got, want))
	}
	if r, _ := render("require", "render", "-o", "-", "-f", "png", example); r.code != 0 {
		t.Fatal(r)
	}

	// A server killed leaves its socket behind: the next render falls back
	// to its own Graphviz, and starts a new server.
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for syscall.Kill(pid, 0) == nil {
		time.Sleep(10 * time.Millisecond)
	}
	if r, _ := render("require", "render", example); r.code != 1 || !strings.Contains(r.stderr, "ARGMAP_RENDER_SERVER=require") {
		t.Errorf("with the server gone and require: %+v", r)
	}
	r, got = render("on", "render", example)
	if r.code != 0 || !bytes.Equal(got, want) {
		t.Fatalf("after the server died: exit %d, %s; same drawing: %v", r.code, r.stderr, bytes.Equal(got, want))
	}
	waitServer(pid)
}
