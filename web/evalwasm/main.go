//go:build js && wasm

// Command evalwasm is argmap's evaluator for the browser: argmap's own
// packages compiled to WebAssembly (GOOS=js GOARCH=wasm), so that the page
// of argmap serve and argmap render --format html labels a map exactly as
// argmap eval does, with no second implementation of the semantics.
//
// On startup it registers globalThis.argmapEvaluate(requestJSON) and sets
// globalThis.argmapReady, then waits for calls. A request names the map's
// files (by their names relative to the root file's directory, slash
// separated), its root file, the semantics, the support mode, the withdrawn
// arguments and the argument to explain; the response gives the labels (or
// the scores of a gradual semantics) that argmap eval --format json gives,
// the explanation argmap explain prints, the diagnostics argmap check
// prints for a broken map, or an error. See request and response.
//
// Build it with go generate ./web/assets, which commits the result.
//
// The GODEBUG defaults are fixed here rather than taken from go.mod's go
// line, so that the committed argmap.wasm does not go stale when that line
// changes (the evaluator reads files from memory and makes no request, so
// none of those settings matters to it).
//
//go:debug default=go1.24
package main

import (
	"syscall/js"
)

func main() {
	js.Global().Set("argmapEvaluate", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return string(encode(&response{Error: "argmapEvaluate takes one argument, the request as a JSON string"}))
		}
		return string(encode(handle(args[0].String())))
	}))
	js.Global().Set("argmapReady", true)
	select {} // serve calls until the page goes away
}
