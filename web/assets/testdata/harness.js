// Runs argmap.wasm as a browser page does, under Node: node harness.js
// WASM_EXEC_JS ARGMAP_WASM REQUESTS_JSON. The requests are a JSON array of
// request objects; it writes the JSON array of the responses on standard
// output and its timings (milliseconds) on standard error.
//
// globalThis.fs and process are not given to Go, unlike wasm_exec_node.js
// does: in a browser the evaluator has no file system, so it must not need
// one here.
"use strict";
const nodefs = require("fs");
const [wasmExec, wasmPath, requestsPath] = process.argv.slice(2);
require(wasmExec); // defines globalThis.Go, with a file system that says ENOSYS

(async () => {
  const t0 = performance.now();
  const go = new Go();
  const { instance } = await WebAssembly.instantiate(nodefs.readFileSync(wasmPath), go.importObject);
  go.run(instance); // runs main until it waits for calls
  const ready = performance.now();
  if (globalThis.argmapReady !== true || typeof globalThis.argmapEvaluate !== "function") {
    throw new Error("argmap.wasm did not register argmapEvaluate");
  }
  const requests = JSON.parse(nodefs.readFileSync(requestsPath, "utf8"));
  const responses = [];
  const times = [];
  for (const req of requests) {
    const start = performance.now();
    const out = globalThis.argmapEvaluate(JSON.stringify(req));
    times.push(performance.now() - start);
    responses.push(JSON.parse(out));
  }
  process.stderr.write(JSON.stringify({ instantiate: ready - t0, times }) + "\n");
  process.stdout.write(JSON.stringify(responses), () => process.exit(0));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
