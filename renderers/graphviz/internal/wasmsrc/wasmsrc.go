// Package wasmsrc finds the file that package graphviz embeds as
// graphviz.wasm: internal/wasm/graphviz.wasm of the module
// github.com/goccy/go-graphviz, at the version go.mod requires, in the
// module cache. The test that checks the embedded copy and the generator
// that refreshes it (go generate ./renderers/graphviz) both use it, so that
// they agree on where the module comes from.
package wasmsrc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	// Module is the module that builds Graphviz to WebAssembly.
	Module = "github.com/goccy/go-graphviz"
	// File is the module's WebAssembly build of Graphviz, relative to the
	// module's root.
	File = "internal/wasm/graphviz.wasm"
	// VersionFile is the file of Module that names the Graphviz release it
	// builds, such as 12.1.2.
	VersionFile = "graphviz.version"
)

// Origin is Module as the main module requires it.
type Origin struct {
	Version string // such as v0.2.10
	Dir     string // the module's root in the module cache
}

// Wasm is the path of File in the module cache.
func (o Origin) Wasm() string { return filepath.Join(o.Dir, filepath.FromSlash(File)) }

// Find returns Module at the version the main module containing dir
// requires. It runs `go mod download -json Module` in dir, which reads the
// module cache and downloads the module only when it is not there yet
// (`go test ./...` has downloaded it already, since a test links it).
func Find(dir string) (Origin, error) {
	cmd := exec.Command("go", "mod", "download", "-json", Module)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output()
	// On failure go mod download -json still prints the module, with an
	// Error field that says what went wrong.
	var m struct {
		Version, Dir, Error string
	}
	if err := json.Unmarshal(out, &m); err != nil {
		if runErr == nil {
			runErr = err
		}
		return Origin{}, fmt.Errorf("go mod download %s in %s: %v %s", Module, dir, runErr, strings.TrimSpace(stderr.String()))
	}
	switch {
	case m.Error != "":
		return Origin{}, fmt.Errorf("go mod download %s in %s: %s", Module, dir, m.Error)
	case runErr != nil:
		return Origin{}, fmt.Errorf("go mod download %s in %s: %v %s", Module, dir, runErr, strings.TrimSpace(stderr.String()))
	case m.Dir == "" || m.Version == "":
		return Origin{}, errors.New("go mod download " + Module + ": no version or directory in its answer")
	}
	return Origin{Version: m.Version, Dir: m.Dir}, nil
}
