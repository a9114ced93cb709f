// Reads Argdown files with Argdown's own parser (@argdown/core) and prints,
// for each, what argmap's tests compare: the front matter's title, the
// statements, the arguments with their premise-conclusion structures, the
// relations, and the parser's errors. One process reads them all: starting
// Node and loading the parser is what takes the time.
import { ArgdownApplication, ParserPlugin, ModelPlugin, DataPlugin } from "@argdown/core";
import fs from "node:fs";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");

// The text of an element: that of the first of its mentions that has one.
const text = (members) => (members || []).map((m) => (m.text || "").trim()).find((t) => t !== "") || "";

const results = [];
for (const file of process.argv.slice(2)) {
  const input = fs.readFileSync(file, "utf8");
  const r = app.run({ input, process: ["parse-input", "build-model"], logLevel: "error" });
  results.push({
    title: (r.frontMatter && r.frontMatter.title) || "",
    statements: Object.values(r.statements || {}).map((s) => ({ title: s.title, text: text(s.members), data: s.data || null })),
    arguments: Object.values(r.arguments || {}).map((a) => ({
      title: a.title,
      text: text(a.members),
      pcs: (a.pcs || []).map((s) => ({ title: s.title, role: s.role })),
    })),
    relations: (r.relations || []).map((rel) => ({
      from: rel.from.title,
      fromType: rel.from.type,
      to: rel.to.type === "inference" ? rel.to.argumentTitle : rel.to.title,
      toType: rel.to.type,
      type: rel.relationType,
    })),
    errors: [...(r.lexerErrors || []), ...(r.parserErrors || [])].map((e) => e.message),
  });
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
