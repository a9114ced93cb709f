// Command wasmgen copies go-graphviz's WebAssembly build of Graphviz, at
// the version go.mod requires, to graphviz.wasm in the current directory.
// Package graphviz runs it through go generate, after an upgrade of
// go-graphviz:
//
//	go get github.com/goccy/go-graphviz@VERSION
//	go generate ./renderers/graphviz
//
// TestWasmIsGoGraphviz fails until the two agree. It also says when the
// Graphviz release changed, since NOTICE names it.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/argmap/argmap/renderers/graphviz/internal/wasmsrc"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("wasmgen: ")
	o, err := wasmsrc.Find(".")
	if err != nil {
		log.Fatal(err)
	}
	wasm, err := os.ReadFile(o.Wasm())
	if err != nil {
		log.Fatal(err)
	}
	// Write a whole new file and rename it, so that a failed copy leaves
	// the old module in place rather than half a module.
	tmp, err := os.CreateTemp(".", "graphviz.wasm.*")
	if err != nil {
		log.Fatal(err)
	}
	_, err = tmp.Write(wasm)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), "graphviz.wasm")
	}
	if err != nil {
		os.Remove(tmp.Name())
		log.Fatal(err)
	}
	fmt.Printf("graphviz.wasm: %s of %s %s, SHA-256 %x\n", wasmsrc.File, wasmsrc.Module, o.Version, sha256.Sum256(wasm))

	release, err := os.ReadFile(filepath.Join(o.Dir, wasmsrc.VersionFile))
	if err != nil {
		log.Fatal(err)
	}
	notice, err := os.ReadFile("NOTICE")
	if err != nil {
		log.Fatal(err)
	}
	graphviz := "Graphviz " + strings.TrimSpace(string(release))
	if !bytes.Contains(notice, []byte(graphviz+",")) {
		fmt.Printf("the module is built from %s: update NOTICE (and the versions it lists) from go-graphviz's %s\n", graphviz, "internal/wasm/build")
	}
}
