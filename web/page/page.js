// The page of argmap serve and argmap render --format html. It draws the
// SVG of argmap render and labels it with argmap's own Go packages,
// compiled to WebAssembly (argmapEvaluate): no semantics here.
(function () {
  "use strict";
  // The page's own elements, looked up once before any drawing is in the
  // document: an argument may have the id of one of them ("explain",
  // "status"), and then the argument keeps it (the contract: an argument is
  // the element with its id) and the page element gives it up.
  const PAGE = {};
  for (const el of document.querySelectorAll("[id]")) PAGE[el.id] = el;
  const $ = (id) => PAGE[id];
  // releaseIDs gives each page element its id back, unless an argument of
  // the drawing shown has it.
  function releaseIDs(argumentIDs) {
    for (const [id, el] of Object.entries(PAGE)) {
      if (argumentIDs.has(id)) el.removeAttribute("id"); else el.id = id;
    }
  }
  // argumentElement finds an argument of the drawing by its id, only there.
  function argumentElement(id) {
    return id ? $("map").querySelector(`g.node.argument[id="${CSS.escape(id)}"]`) : null;
  }
  const SVGNS = "http://www.w3.org/2000/svg";
  // A worker that answers in none of this is given up and started anew:
  // the evaluator bounds its own work and says so, this only catches a
  // worker that cannot.
  const HARD_TIMEOUT_MS = 20000;
  const dataEl = $("argmap-data");
  const inline = dataEl ? JSON.parse(dataEl.textContent) : null;

  const state = { semantics: "grounded", support: "supported-secondary", theme: "light", without: [], explain: "" };
  const DEFAULTS = Object.assign({}, state);
  let sources = null;      // {root, files}
  let ids = [];            // the arguments of the SVG shown
  let prevLabels = null;   // label or score of each argument at the last step
  let selectTimer = 0;
  let paintedKey = "";     // the question the highlighted changes answer
  let freshMount = false;  // the drawing was replaced since the last paint

  function optionValues(sel) { return Array.from($(sel).options, (o) => o.value); }

  function readURL() {
    const q = new URLSearchParams(location.search);
    for (const k of ["semantics", "support", "theme"]) {
      const v = q.get(k);
      if (v && optionValues(k).includes(v)) state[k] = v;
    }
    const w = q.get("without");
    state.without = w ? w.split(",").filter(Boolean) : [];
    state.explain = q.get("explain") || "";
  }

  function writeURL() {
    const q = new URLSearchParams();
    q.set("semantics", state.semantics);
    q.set("support", state.support);
    if (state.without.length) q.set("without", state.without.join(","));
    q.set("theme", state.theme);
    if (state.explain) q.set("explain", state.explain);
    // Commas are left as they are: the address stays readable.
    history.replaceState(null, "", "?" + q.toString().replace(/%2C/g, ","));
  }

  function setStatus(text, error) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!error);
  }

  // --- The evaluator: argmap.wasm in a worker, so that a long evaluation
  // never freezes the page. ---
  const WORKER = `
    let ready = false;
    self.onmessage = async (e) => {
      const d = e.data;
      if (d.type === "init") {
        try {
          const go = new Go();
          const { instance } = await WebAssembly.instantiate(d.wasm, go.importObject);
          go.run(instance);
          for (let i = 0; i < 500 && !self.argmapReady; i++) await new Promise((r) => setTimeout(r, 10));
          if (!self.argmapReady) throw new Error("argmap.wasm did not start");
          postMessage({ type: "ready" });
        } catch (err) {
          postMessage({ type: "fail", error: String(err && err.message || err) });
        }
        return;
      }
      let out;
      try { out = self.argmapEvaluate(d.req); } catch (err) { out = JSON.stringify({ error: String(err && err.message || err) }); }
      postMessage({ type: "result", id: d.id, out });
    };`;

  // wasm_exec.js is put in the worker's own script: a worker of a page
  // opened from a file (an opaque origin) cannot load another blob.
  let wasmBytes = null, execText = null;
  async function loadAssets() {
    if (inline) {
      execText = b64text(inline.wasmExec);
      const gz = new Blob([b64bytes(inline.wasmGzip)]);
      wasmBytes = await new Response(gz.stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      return;
    }
    const [exec, wasm] = await Promise.all([fetchOK("/assets/wasm_exec.js"), fetchOK("/assets/argmap.wasm")]);
    execText = await exec.text();
    wasmBytes = await wasm.arrayBuffer();
  }
  function b64bytes(s) { const bin = atob(s); const a = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) a[i] = bin.charCodeAt(i); return a; }
  function b64text(s) { return new TextDecoder().decode(b64bytes(s)); }

  let worker = null, workerReady = null, seq = 0;
  const pending = new Map();
  function startWorker() {
    const url = URL.createObjectURL(new Blob([execText, ";\n", WORKER], { type: "text/javascript" }));
    worker = new Worker(url);
    workerReady = new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        const d = e.data;
        if (d.type === "ready") resolve();
        else if (d.type === "fail") reject(new Error("starting the evaluator: " + d.error));
        else if (d.type === "result" && pending.has(d.id)) { const p = pending.get(d.id); pending.delete(d.id); clearTimeout(p.timer); p.resolve(d.out); }
      };
      worker.onerror = (e) => { e.preventDefault(); reject(new Error("the evaluator failed: " + (e.message || "unknown error"))); };
    });
    worker.postMessage({ type: "init", wasm: wasmBytes });
    return workerReady;
  }
  async function evaluate(req) {
    if (!worker) startWorker();
    await workerReady;
    const id = ++seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        worker.terminate();
        worker = null;
        reject(new Error(`the evaluation took longer than ${HARD_TIMEOUT_MS / 1000} s and was stopped: try grounded semantics, or withdraw arguments`));
      }, HARD_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      worker.postMessage({ type: "eval", id, req: JSON.stringify(req) });
    });
  }

  async function fetchOK(url) {
    const r = await fetch(url, { cache: "no-store" });
    if (!r.ok && r.status !== 409) throw new Error(`${url}: ${r.status} ${(await r.text()).trim()}`);
    return r;
  }

  // --- The map's sources and drawing ---
  async function loadSources() {
    if (inline) return { root: inline.root, files: inline.files, svg: inline.svg[state.theme] || inline.svg.light };
    const [files, svg] = await Promise.all([fetchOK("api/files"), fetchOK("api/svg?theme=" + encodeURIComponent(state.theme))]);
    const f = await files.json();
    if (svg.status === 409) return { root: f.root, files: f.files, diagnostics: await svg.text() };
    return { root: f.root, files: f.files, svg: await svg.text() };
  }

  function showDiagnostics(text) {
    // No stale map: the drawing goes until the map is fixed.
    $("map").replaceChildren();
    $("map").hidden = true;
    ids = [];
    releaseIDs(new Set());
    const d = $("diagnostics");
    d.hidden = false;
    d.textContent = text.replace(/\s+$/, "");
    $("changed").textContent = "";
    setStatus("The map has errors: fix them and save; the page follows.", true);
  }

  function mountSVG(text) {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.nodeName !== "svg") throw new Error("the drawing is not SVG");
    const map = $("map");
    map.replaceChildren(document.importNode(svg, true));
    map.hidden = false;
    $("diagnostics").hidden = true;
    ids = [];
    freshMount = true;
    for (const g of map.querySelectorAll("g.node.argument")) {
      ids.push(g.id);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      const box = g.getBBox();
      const bg = document.createElementNS(SVGNS, "rect");
      bg.setAttribute("class", "am-badge-bg");
      bg.setAttribute("rx", "3");
      const t = document.createElementNS(SVGNS, "text");
      t.setAttribute("class", "am-badge");
      t.setAttribute("text-anchor", "end");
      t.setAttribute("x", String(box.x + box.width - 6));
      // On the box's top edge, clear of its kind and party.
      t.setAttribute("y", String(box.y + 3.5));
      bg.setAttribute("x", String(box.x + box.width - 58));
      bg.setAttribute("y", String(box.y - 6));
      bg.setAttribute("width", "54");
      bg.setAttribute("height", "12");
      bg.setAttribute("visibility", "hidden");
      const strike = document.createElementNS(SVGNS, "line");
      strike.setAttribute("class", "am-strike");
      strike.setAttribute("x1", String(box.x)); strike.setAttribute("y1", String(box.y + box.height));
      strike.setAttribute("x2", String(box.x + box.width)); strike.setAttribute("y2", String(box.y));
      strike.setAttribute("visibility", "hidden");
      g.append(bg, t, strike);
    }
    const known = new Set(ids);
    releaseIDs(known);
    state.without = state.without.filter((id) => known.has(id));
    if (state.explain && !known.has(state.explain)) state.explain = "";
  }

  // --- Labelling ---
  let running = false, again = false;
  async function relabel() {
    if (running) { again = true; return; }
    running = true;
    try {
      do {
        again = false;
        await relabelOnce();
      } while (again);
    } finally { running = false; }
  }

  async function relabelOnce() {
    writeURL();
    const req = { files: sources.files, root: sources.root, semantics: state.semantics, support: state.support, without: state.without.slice(),
      // A withdrawn argument has no label to explain.
      explain: state.without.includes(state.explain) ? "" : state.explain };
    const t0 = performance.now();
    // Said only when it lasts: a quick evaluation does not flicker.
    const slow = setTimeout(() => setStatus("Evaluating… (a large enumeration is stopped after 20 s at most)"), 300);
    let res;
    try {
      res = JSON.parse(await evaluate(req));
    } catch (err) {
      clearTimeout(slow);
      setStatus(String(err.message || err), true);
      return;
    }
    clearTimeout(slow);
    let explainError = "";
    if (res.error && req.explain) {
      // The labels do not depend on the explanation: show them, and say
      // in the panel why there is none.
      explainError = res.error;
      try { res = JSON.parse(await evaluate(Object.assign({}, req, { explain: "" }))); } catch (err) { setStatus(String(err.message || err), true); return; }
    }
    const ms = Math.round(performance.now() - t0);
    if (res.diagnostics) { showDiagnostics(res.diagnostics); return; }
    if (res.error) { setStatus(res.error, true); return; }
    if (explainError) res.explanation = explainError;
    paint(res);
    setStatus(`${state.semantics} semantics · ${ms} ms`);
    document.body.dataset.evaluated = String(Number(document.body.dataset.evaluated || 0) + 1);
  }

  function paint(res) {
    const labels = res.labels || {}, scores = res.scores || null;
    const withdrawn = new Set(state.without);
    const now = {};
    const first = prevLabels === null;
    // Pointing at another argument asks only for its explanation: the
    // changes of the last step stay highlighted.
    const key = [state.semantics, state.support, state.without.slice().sort().join(",")].join("|");
    const sameQuestion = key === paintedKey && !freshMount;
    paintedKey = key;
    freshMount = false;
    let changed = 0;
    for (const g of $("map").querySelectorAll("g.node.argument")) {
      const id = g.id;
      const badge = g.querySelector(".am-badge"), bg = g.querySelector(".am-badge-bg"), strike = g.querySelector(".am-strike");
      let word = "";
      if (scores && id in scores) {
        g.dataset.score = String(scores[id]);
        g.style.setProperty("--am-score", String(scores[id]));
        word = scores[id].toFixed(2);
      } else {
        delete g.dataset.score;
        g.style.removeProperty("--am-score");
      }
      if (!scores && id in labels) {
        g.dataset.label = labels[id];
        word = { in: "✓ accepted", out: "✗ rejected", undec: "? undecided" }[labels[id]] || labels[id];
      } else {
        delete g.dataset.label;
      }
      if (withdrawn.has(id)) { g.dataset.withdrawn = "true"; word = "withdrawn"; } else delete g.dataset.withdrawn;
      badge.textContent = word;
      bg.setAttribute("visibility", word ? "visible" : "hidden");
      if (word) {
        const w = badge.getComputedTextLength() + 8;
        bg.setAttribute("width", String(w));
        bg.setAttribute("x", String(Number(badge.getAttribute("x")) - w + 4));
      }
      strike.setAttribute("visibility", withdrawn.has(id) ? "visible" : "hidden");
      now[id] = (withdrawn.has(id) ? "w" : "") + (scores ? "s" + scores[id] : labels[id]);
      // An argument withdrawn or restored by the user is not counted: the
      // count is of the verdicts that followed from it.
      const isChanged = prevLabels !== null && id in prevLabels && prevLabels[id] !== now[id] &&
        !withdrawn.has(id) && !prevLabels[id].startsWith("w");
      if (!sameQuestion) g.classList.toggle("am-changed", isChanged);
      g.classList.toggle("am-selected", id === state.explain);
      if (isChanged) changed++;
    }
    for (const e of $("map").querySelectorAll("g.edge")) {
      const [from, , to] = e.id.split(".");
      e.classList.toggle("am-withdrawn", withdrawn.has(from) || withdrawn.has(to));
    }
    prevLabels = now;
    if (sameQuestion) { /* keep the count of the last step */ } else if (first) $("changed").textContent = "";
    else $("changed").textContent = changed === 1 ? "1 argument changed" : `${changed} arguments changed`;
    showExplanation(res.explanation);
  }

  function showExplanation(text) {
    const aside = $("explain");
    const id = state.explain;
    const g = argumentElement(id);
    if (!g) {
      aside.innerHTML = '<p class="hint">Click an argument to withdraw it (click again to restore it); point at one, or focus it with Tab, to see here why it has its label.</p>';
      return;
    }
    const h = document.createElement("h2");
    h.textContent = id;
    const details = document.createElement("div");
    details.className = "details";
    const title = g.querySelector("title");
    linkify(details, title ? title.textContent : "");
    const ex = document.createElement("pre");
    ex.className = "explanation";
    ex.textContent = state.without.includes(id) ? id + " is withdrawn: click it again to restore it."
      : (text || "");
    aside.replaceChildren(h, details, ex);
  }

  function linkify(el, text) {
    const re = /https?:\/\/[^\s<>"]+/g;
    let last = 0, m;
    while ((m = re.exec(text))) {
      el.append(text.slice(last, m.index));
      const a = document.createElement("a");
      a.href = m[0]; a.textContent = m[0]; a.target = "_blank"; a.rel = "noopener noreferrer";
      el.append(a);
      last = m.index + m[0].length;
    }
    el.append(text.slice(last));
  }

  // --- Controls ---
  function toggle(id) {
    const i = state.without.indexOf(id);
    if (i >= 0) state.without.splice(i, 1); else state.without.push(id);
    state.explain = id;
    relabel();
  }
  function select(id) {
    if (id === state.explain) return;
    clearTimeout(selectTimer);
    selectTimer = setTimeout(() => { state.explain = id; relabel(); }, 120);
  }
  function argumentOf(target) { const g = target.closest && target.closest("g.node.argument"); return g && $("map").contains(g) ? g : null; }

  $("map").addEventListener("click", (e) => { const g = argumentOf(e.target); if (g) { clearTimeout(selectTimer); toggle(g.id); } });
  $("map").addEventListener("keydown", (e) => {
    const g = argumentOf(e.target);
    if (g && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); toggle(g.id); }
  });
  $("map").addEventListener("mouseover", (e) => { const g = argumentOf(e.target); if (g) select(g.id); });
  $("map").addEventListener("focusin", (e) => { const g = argumentOf(e.target); if (g) select(g.id); });
  for (const k of ["semantics", "support"]) {
    $(k).addEventListener("change", () => { state[k] = $(k).value; relabel(); });
  }
  $("theme").addEventListener("change", () => { state.theme = $("theme").value; reload(); });
  $("reset").addEventListener("click", () => {
    Object.assign(state, DEFAULTS, { theme: state.theme, without: [] });
    syncControls();
    relabel();
  });
  function syncControls() {
    for (const k of ["semantics", "support", "theme"]) $(k).value = state[k];
    document.body.className = "theme-" + state.theme;
  }

  // reload fetches the sources and the drawing again (after a save, or
  // for another theme) and labels them, keeping the state.
  let loading = Promise.resolve();
  function reload() {
    loading = loading.then(async () => {
      syncControls();
      try {
        const src = await loadSources();
        sources = { root: src.root, files: src.files };
        if (src.diagnostics !== undefined) { prevLabels = null; showDiagnostics(src.diagnostics); return; }
        mountSVG(src.svg);
        await relabel();
      } catch (err) {
        setStatus(String(err.message || err), true);
      }
    });
    return loading;
  }

  function listen() {
    if (inline || typeof EventSource === "undefined") return;
    const es = new EventSource("api/events");
    es.addEventListener("change", () => reload());
    // After the server was away (restarted), the map may have changed.
    let lost = false;
    es.addEventListener("error", () => { lost = true; setStatus("Lost the server: retrying…", true); });
    es.addEventListener("hello", () => { if (lost) { lost = false; reload(); } });
  }

  async function main() {
    readURL();
    syncControls();
    try {
      await loadAssets();
    } catch (err) {
      setStatus("loading the evaluator: " + (err.message || err), true);
      return;
    }
    listen();
    await reload();
  }
  main();
})();
