// Package nodetest runs, for tests, other tools' own parsers under Node:
// Argdown's (@argdown/core) and Mermaid's (mermaid, with jsdom for its
// DOMPurify), on files that argmap writes or reads.
//
// The packages are those of npm/package.json, at the versions that
// npm/package-lock.json pins, installed with npm ci into the directory
// ARGMAP_NPM_DIR names (which .ci/run
// sets and fills) or else into the user's cache directory, once. The scripts
// of npm/ are written beside them, where Node resolves their imports. Without
// node or npm a test that needs them is skipped, except in CI (CI set),
// where it fails: a skip there would hide a broken export.
package nodetest

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

//go:embed npm
var npmFiles embed.FS

var (
	once   sync.Once
	dir    string
	reason string // why there are no packages, or ""
)

// Dir returns the directory that holds node_modules with the packages of
// npm/package.json, and the scripts of npm/, or skips (fails in CI) the test
// when there is none.
func Dir(t testing.TB) string {
	t.Helper()
	once.Do(func() { dir, reason = install() })
	if reason != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs the parsers of internal/nodetest/npm: %s", reason)
		}
		t.Skip(reason)
	}
	return dir
}

func install() (string, string) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", "node is not installed (Debian package nodejs)"
	}
	spec, err := npmFiles.ReadFile("npm/package.json")
	if err != nil {
		return "", err.Error()
	}
	d := os.Getenv("ARGMAP_NPM_DIR")
	if d == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", "no cache directory for the npm packages: set ARGMAP_NPM_DIR"
		}
		sum := sha256.Sum256(spec)
		d = filepath.Join(cache, "argmap", "npm-"+hex.EncodeToString(sum[:6]))
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return "", err.Error()
	}
	entries, err := npmFiles.ReadDir("npm")
	if err != nil {
		return "", err.Error()
	}
	for _, e := range entries {
		data, err := npmFiles.ReadFile("npm/" + e.Name())
		if err != nil {
			return "", err.Error()
		}
		if old, err := os.ReadFile(filepath.Join(d, e.Name())); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.WriteFile(filepath.Join(d, e.Name()), data, 0o644); err != nil {
			return "", err.Error()
		}
	}
	for _, pkg := range []string{"@argdown/core", "mermaid", "jsdom"} {
		if _, err := os.Stat(filepath.Join(d, "node_modules", pkg, "package.json")); err == nil {
			continue
		}
		if _, err := exec.LookPath("npm"); err != nil {
			return "", "npm is not installed, and " + d + " lacks the packages of internal/nodetest/npm/package.json"
		}
		cmd := exec.Command("npm", "ci", "--prefix", d, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "npm ci of internal/nodetest/npm/package-lock.json failed: " + err.Error() + "\n" + string(out)
		}
		break
	}
	return d, ""
}

// Run runs the script of npm/ (such as "argdown.mjs") on the files inputs
// and decodes its JSON output, an array of one result per file, into out.
// It fails the test when the script fails, showing what it said.
func Run(t testing.TB, script string, inputs []string, out any) {
	t.Helper()
	d := Dir(t)
	cmd := exec.Command("node", append([]string{filepath.Join(d, script)}, inputs...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s%s", script, err, stderr.String(), stdout.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stdout.String())
	}
}
