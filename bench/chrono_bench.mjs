// The same text through chrono-node, the peer most JavaScript projects use, fed paragraph by
// paragraph (its fastest way). Prints one line: MB/s and how many expressions it found.
// usage: node chrono_bench.mjs TEXT_FILE SECONDS  (NODE_PATH points at its node_modules)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
const chrono = require("chrono-node");
const [file, seconds] = [process.argv[2], Number(process.argv[3] || 2)];
const text = readFileSync(file, "utf8");
const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
const reference = new Date(Date.UTC(1997, 0, 1));
const bytes = Buffer.byteLength(text, "utf8");

// A first pass, untimed, as chronicle's benchmark makes one: V8 compiles chrono's hot code
// during it.
for (const p of paragraphs) chrono.parse(p, reference);
let runs = 0;
let found = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
do {
  found = 0;
  for (const p of paragraphs) found += chrono.parse(p, reference).length;
  runs += 1;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < seconds);
const perRun = elapsed / runs;
console.log(`chrono-node  1 thread : ${(bytes / 1e6 / perRun).toFixed(1).padStart(8)} MB/s  (${found} expressions)`);
