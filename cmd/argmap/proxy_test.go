package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The release tests install argmap as users do, with go install
// github.com/argmap/argmap/cmd/argmap@VERSION, from a module proxy made
// here: a directory (GOPROXY=file://...) that serves this tree as the
// module at fakeVersion, and every other module from the module cache.
// Nothing is fetched from the network, and the user's module cache is not
// written to.

// fakeVersion is the version the module proxy serves this tree as.
const fakeVersion = "v0.99.0"

// moduleProxy writes the proxy into a temporary directory and returns the
// environment of a go command that uses it: GOPROXY, a module cache of the
// test's own (writable, so that it can be removed), and no checksum
// database, which has no sum for this made-up version (and is not reached
// here: the other modules come from the module cache, verified when they
// were downloaded).
func moduleProxy(t *testing.T) []string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	files, err := exec.Command("git", "-C", repoRoot, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("not a Git checkout: %v", err)
	}
	dir := t.TempDir()
	mod := filepath.Join(dir, "github.com", "argmap", "argmap", "@v")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	prefix := "github.com/argmap/argmap@" + fakeVersion + "/"
	for _, name := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if os.IsNotExist(err) {
			continue // deleted, not yet committed
		} else if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(prefix + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	goMod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":                []byte(fakeVersion + "\n"),
		fakeVersion + ".info": fmt.Appendf(nil, `{"Version":%q,"Time":"2026-01-02T03:04:05Z"}`, fakeVersion),
		fakeVersion + ".mod":  goMod,
		fakeVersion + ".zip":  buf.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(mod, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(dir)+",file://"+filepath.ToSlash(filepath.Join(strings.TrimSpace(string(cache)), "cache", "download")),
		"GOMODCACHE="+filepath.Join(t.TempDir(), "mod"),
		"GOFLAGS=-modcacherw",
		"GOSUMDB=off",
		"GOTOOLCHAIN=local",
	)
}
