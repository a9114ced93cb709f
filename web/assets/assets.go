// Package assets holds what the page of argmap serve and argmap render
// --format html runs in the browser: argmap's evaluator compiled to
// WebAssembly (web/evalwasm, GOOS=js GOARCH=wasm) and Go's wasm_exec.js,
// which loads it. Both are generated, by go generate, and committed; a test
// fails when they are stale.
package assets

import _ "embed"

//go:generate go run gen.go

// WASM is web/evalwasm built reproducibly for GOOS=js GOARCH=wasm. Once
// run (with wasm_exec.js's Go class), it defines
// globalThis.argmapEvaluate(requestJSON) and sets globalThis.argmapReady.
// Callers must not modify it.
//
//go:embed argmap.wasm
var WASM []byte

// WasmExec is the wasm_exec.js of the Go toolchain that built WASM: the
// JavaScript that runs it. Callers must not modify it.
//
//go:embed wasm_exec.js
var WasmExec []byte
