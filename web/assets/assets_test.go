package assets

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestAssetsUpToDate rebuilds argmap.wasm and copies wasm_exec.js as go
// generate does, into a temporary directory, and fails if the committed
// files differ: the page would run an evaluator older than the code.
func TestAssetsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the evaluator")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the evaluator with")
	}
	dir := t.TempDir()
	gen := exec.Command("go", "run", "gen.go", "-o", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, out)
	}
	for _, f := range []struct {
		name      string
		committed []byte
	}{{"argmap.wasm", WASM}, {"wasm_exec.js", WasmExec}} {
		built, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(built, f.committed) {
			t.Errorf("web/assets/%s is stale (or was built by another Go than this %s): run go generate ./web/assets and commit it",
				f.name, runtime.Version())
		}
	}
}
