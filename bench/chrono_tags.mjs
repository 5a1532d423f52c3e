// chrono-node's expressions in documents given as JSON lines ({"id", "text", "dct"}, as
// `chronicle eval --documents` prints them), written as `chronicle tag --input jsonl` writes
// its own, so that `chronicle eval --system` scores both alike. chrono has no TIMEX3 values:
// a value is written to the finest unit chrono is certain of (year, month, day, minute), as
// TIMEX3 would write it, and the type is TIME when chrono is certain of the hour, else DATE.
// usage: node chrono_tags.mjs DOCUMENTS.jsonl > SYSTEM.jsonl  (NODE_PATH points at its node_modules)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
const chrono = require("chrono-node");
const pad = (n, width = 2) => String(n).padStart(width, "0");

function timex(c) {
  const day = `${pad(c.get("year"), 4)}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
  if (c.isCertain("hour")) return ["TIME", `${day}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}`];
  if (c.isCertain("day") || c.isCertain("weekday")) return ["DATE", day];
  if (c.isCertain("month")) return ["DATE", day.slice(0, 7)];
  if (c.isCertain("year")) return ["DATE", day.slice(0, 4)];
  return ["DATE", day];
}

const out = [];
for (const line of readFileSync(process.argv[2], "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const doc = JSON.parse(line);
  const [y, m, d] = (doc.dct ?? "2000-01-01").split("-").map(Number);
  const reference = new Date(Date.UTC(y, m - 1, d, 12));
  for (const r of chrono.parse(doc.text, reference)) {
    // chrono counts UTF-16 code units; chronicle counts bytes of UTF-8.
    const start = Buffer.byteLength(doc.text.slice(0, r.index), "utf8");
    const end = start + Buffer.byteLength(r.text, "utf8");
    const [type, value] = timex(r.start);
    out.push(JSON.stringify({ id: doc.id, start, end, type, value }));
  }
}
process.stdout.write(out.join("\n") + (out.length ? "\n" : ""));
