package exchange

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The exports are checked by the other tools' own parsers: Argdown's
// (@argdown/core) and Mermaid's (mermaid, with jsdom for its DOMPurify), run
// under Node. The packages are those of testdata/npm/package.json, at the
// versions pinned there, installed with npm into ARGMAP_NPM_DIR (which
// .ci/run sets and fills) or else into the user's cache directory, once.
// Without node or npm the tests are skipped, except in CI (CI set), where
// they fail: a skip there would hide a broken export.

var (
	npmOnce sync.Once
	npmDir  string
	npmErr  string
)

// nodeModules returns the directory that holds node_modules with the
// packages of testdata/npm/package.json and the scripts of testdata/npm, or
// skips (fails in CI) the test when there is none.
func nodeModules(t *testing.T) string {
	t.Helper()
	npmOnce.Do(func() { npmDir, npmErr = installNPM() })
	if npmErr != "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI needs the parsers of testdata/npm: %s", npmErr)
		}
		t.Skip(npmErr)
	}
	return npmDir
}

func installNPM() (string, string) {
	if _, err := exec.LookPath("node"); err != nil {
		return "", "node is not installed (Debian package nodejs)"
	}
	spec, err := os.ReadFile(filepath.Join("testdata", "npm", "package.json"))
	if err != nil {
		return "", err.Error()
	}
	dir := os.Getenv("ARGMAP_NPM_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", "no cache directory for the npm packages: set ARGMAP_NPM_DIR"
		}
		sum := sha256.Sum256(spec)
		dir = filepath.Join(cache, "argmap", "npm-"+hex.EncodeToString(sum[:6]))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err.Error()
	}
	// The scripts are copied beside node_modules, where Node resolves
	// their imports.
	for _, name := range []string{"package.json", "argdown.mjs", "mermaid.mjs"} {
		data, err := os.ReadFile(filepath.Join("testdata", "npm", name))
		if err != nil {
			return "", err.Error()
		}
		if old, err := os.ReadFile(filepath.Join(dir, name)); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err.Error()
		}
	}
	for _, pkg := range []string{"@argdown/core", "mermaid", "jsdom"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", pkg, "package.json")); err == nil {
			continue
		}
		if _, err := exec.LookPath("npm"); err != nil {
			return "", "npm is not installed, and " + dir + " lacks the packages of testdata/npm/package.json"
		}
		cmd := exec.Command("npm", "install", "--prefix", dir, "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "npm install of testdata/npm/package.json failed: " + err.Error() + "\n" + string(out)
		}
		break
	}
	return dir, ""
}

// runNode runs the script of testdata/npm on the files inputs and decodes
// its JSON output, an array of one result per file, into out; it fails the
// test when the script fails, showing what it said.
func runNode(t *testing.T, script string, inputs []string, out any) {
	t.Helper()
	dir := nodeModules(t)
	cmd := exec.Command("node", append([]string{filepath.Join(dir, script)}, inputs...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil {
		t.Fatalf("node %s: %v\n%s%s", script, err, stderr.String(), stdout.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stdout.String())
	}
}
