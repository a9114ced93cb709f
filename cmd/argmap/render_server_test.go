//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/mapgen"
	"github.com/argmap/argmap/renderers/graphviz/remote"
)

// TestRenderServer follows the Graphviz server through its life: the first
// render starts one, the next renders use it, and draw what a render in its
// own process draws, tangled maps too; a stopped server is given up; and
// when it is killed the next render draws all the same and starts another.
// ARGMAP_RENDER_SERVER=require fails without a server.
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
			syscall.Kill(pid, syscall.SIGKILL) // stopped or not
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

	// Neither check nor DOT output starts Graphviz, nor a server, unless
	// the figure has blocks below it (notes, sources) that a layout
	// measures.
	for _, args := range [][]string{{"check", example}, {"render", "-f", "dot", "--notes", "none", "--sources", "none", example}} {
		if r, _ := render("on", args...); r.code != 0 {
			t.Fatal(r)
		}
	}
	if _, err := os.Stat(cache); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Graphviz was started without a drawing: %v", err)
	}
	// Without a server, require fails rather than render here.
	if r, _ := render("require", "render", example); r.code != 1 || !strings.Contains(r.stderr, "ARGMAP_RENDER_SERVER=require") {
		t.Errorf("require without a server: %+v", r)
	}

	tangled := filepath.Join(t.TempDir(), "tangled.toml")
	f, err := os.Create(tangled)
	if err != nil {
		t.Fatal(err)
	}
	if err := mapgen.Write(f, 200, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r, wantTangled := render("off", "render", tangled)
	if r.code != 0 {
		t.Fatal(r)
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
	// A tangled map is laid out in two passes, the first by sfdp, which
	// draws random numbers: a server that has drawn before draws it as a
	// render in its own process does, however often.
	for i := range 2 {
		r, got := render("require", "render", tangled)
		if r.code != 0 || !bytes.Equal(got, wantTangled) {
			t.Fatalf("tangled map, render %d through the server: exit %d, %s; same drawing: %v", i+1, r.code, r.stderr, bytes.Equal(got, wantTangled))
		}
	}

	// A stopped server (or one busy with other renders) is given up: the
	// render draws in its own process, or fails with require.
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	r, got = render("on", "render", example)
	if r.code != 0 || !bytes.Equal(got, want) {
		t.Errorf("with the server stopped: exit %d, %s; same drawing: %v", r.code, r.stderr, bytes.Equal(got, want))
	}
	if r, _ := render("require", "render", example); r.code != 1 || !strings.Contains(r.stderr, "busy or stopped") {
		t.Errorf("with the server stopped and require: %+v", r)
	}
	if err := syscall.Kill(pid, syscall.SIGCONT); err != nil {
		t.Fatal(err)
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

var serverMemory = flag.Int("server-memory", 0, "with `N` > 0, TestServerMemory measures the Graphviz server's memory over N renders of the example")

// TestServerMemory measures how the resident memory of a Graphviz server
// grows with renders of the example (Graphviz does not free all it
// allocates), the figure behind remote.LeakPerRender: go test
// ./cmd/argmap -run ServerMemory -server-memory 3000 -v. Linux only.
func TestServerMemory(t *testing.T) {
	if *serverMemory <= 0 {
		t.Skip("run with -server-memory N")
	}
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	home, err := os.MkdirTemp("", "am")
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(home, ".cache", "argmap", "graphviz")
	var pid int
	t.Cleanup(func() {
		if pid > 0 {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		// The server that the first render started.
		files, _ := filepath.Glob(filepath.Join(cache, "server-*.sock.lock"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			var other int
			if _, err := fmt.Sscan(string(b), &other); err == nil && other > 0 {
				syscall.Kill(other, syscall.SIGKILL)
			}
		}
		os.RemoveAll(home)
	})
	example := filepath.Join("..", "..", "examples", "drone-strikes", "debate.toml")
	cmd := exec.Command(argmapBin, "render", example)
	cmd.Env = append(renderEnv(t, home), "ARGMAP_RENDER_SERVER=on")
	if r, _ := runArgmap(t, cmd); r.code != 0 {
		t.Fatal(r)
	}
	cmd = exec.Command(argmapBin, "render", "-f", "dot", example)
	cmd.Env = renderEnv(t, home)
	r, dot := runArgmap(t, cmd)
	if r.code != 0 {
		t.Fatal(r)
	}
	// A server of its own, without the limit on renders.
	socket := filepath.Join(cache, "server-memory.sock")
	server := exec.Command(argmapBin, "graphviz-server", "--socket", socket, "--renders", "0")
	server.Env = renderEnv(t, home)
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	pid = server.Process.Pid
	t.Cleanup(func() {
		server.Process.Kill()
		server.Wait()
	})
	for range 600 {
		if _, err := os.Stat(socket); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	rss := func() int {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				var n int
				fmt.Sscan(kb, &n)
				return n
			}
		}
		t.Fatal("no VmRSS")
		return 0
	}
	renders := func(n int) {
		for range n {
			if _, err := remote.Render(context.Background(), socket, dot, "svg"); err != nil {
				t.Fatal(err)
			}
		}
	}
	const warmUp = 100
	start := rss()
	renders(warmUp)
	base := rss()
	t.Logf("RSS %d KB at start, %d KB after %d renders", start, base, warmUp)
	n := *serverMemory
	for done := 0; done < n; {
		step := min(n-done, max(n/10, 1))
		renders(step)
		done += step
		t.Logf("after %d more: RSS %d KB, %.1f KB a render", done, rss(), float64(rss()-base)/float64(done))
	}
}
