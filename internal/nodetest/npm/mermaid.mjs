// Parses Mermaid flowcharts with Mermaid's own parser, which GitHub's
// renderer runs, and prints the vertices and edges of each, in one process.
// Mermaid sanitizes labels with DOMPurify, which needs a DOM: jsdom gives it
// one. A chart Mermaid cannot read ends the script with its message.
import { JSDOM } from "jsdom";
import fs from "node:fs";

const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const results = [];
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  try {
    const parsed = await mermaid.parse(text);
    const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
    results.push({
      type: parsed.diagramType,
      vertices: [...db.getVertices().values()].map((v) => ({ id: v.id, text: v.text, type: v.type || "", classes: v.classes })),
      edges: db.getEdges().map((e) => ({ start: e.start, end: e.end, type: e.type, stroke: e.stroke, style: e.style || [] })),
    });
  } catch (e) {
    process.stderr.write(file + ": " + String(e && e.message ? e.message : e) + "\n");
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
