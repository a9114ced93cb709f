//go:build ignore

// Gen builds argmap.wasm from web/evalwasm and copies the toolchain's
// wasm_exec.js beside it: go generate ./web/assets runs it. The build is
// reproducible (the same toolchain and sources give the same bytes), which
// is what lets TestAssetsUpToDate rebuild and compare.
//
//	go run gen.go [-o DIR]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("o", ".", "write argmap.wasm and wasm_exec.js into `DIR`")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(dir string) error {
	wasm, err := filepath.Abs(filepath.Join(dir, "argmap.wasm"))
	if err != nil {
		return err
	}
	// -trimpath and an empty build id keep paths and ids out of the bytes;
	// -s -w leave out the symbol table and DWARF, which the browser does
	// not use; no VCS stamp, which would change with every commit.
	build := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=", "-o", wasm, "../evalwasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWASM=", "CGO_ENABLED=0", "GOFLAGS=")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building argmap.wasm: %v", err)
	}
	var goroot bytes.Buffer
	env := exec.Command("go", "env", "GOROOT")
	env.Stdout, env.Stderr = &goroot, os.Stderr
	if err := env.Run(); err != nil {
		return fmt.Errorf("go env GOROOT: %v", err)
	}
	js, err := os.ReadFile(filepath.Join(strings.TrimSpace(goroot.String()), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "wasm_exec.js"), js, 0o644)
}
