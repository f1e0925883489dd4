import { readFileSync } from "node:fs";
import path from "node:path";
import { corpusPairs } from "./corpus-vectors";
import { readGold } from "./gold";

// `npx tsx bench/relevance/semantic-ceiling.ts <dir>` (no services, tune half only): what the
// "list" source could reach before every pair has a vector. For each tune description, the
// rank by cosine of its relevant pair among the vectors cached in <dir>/vectors-512.bin (every
// pair embedded so far, the keyword candidate pools included). The cache is a subset of the
// archive, so this rank is an optimistic bound: among all 64k pairs it can only be worse.

const dir = process.argv[2];
if (!dir) throw new Error("usage: semantic-ceiling.ts <dir>");
const { loadEmbeddingModel } = await import("@/lib/embeddings/runtime");
const { textForEmbedding } = await import("@/lib/embeddings/embedder");
const { queryShape } = await import("@/lib/search/query-shape");
const { createHash } = await import("node:crypto");
const model = await loadEmbeddingModel();
const dims = model.dims;
const bytes = readFileSync(path.resolve(dir, `vectors-${dims}.bin`));
const record = 20 + dims * 4;
const keys: string[] = [];
const vectors: Float32Array[] = [];
for (let at = 0; at + record <= bytes.length; at += record) {
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at + 20, bytes.byteOffset + at + record));
  if (floats.every((v) => v === 0)) continue;
  keys.push(bytes.subarray(at, at + 20).toString("hex"));
  vectors.push(floats);
}
const questions = new Map((await corpusPairs()).map((pair) => [pair.sourceId, pair.question]));
const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i], 0);
const ranks: number[] = [];
for (const query of readGold().filter((q) => q.split === "tune" && q.kind === "description")) {
  const [qv] = await model.embed([queryShape(query.q).words.join(" ")]);
  let best = Infinity;
  for (const { sourceId } of query.relevant) {
    const text = textForEmbedding(questions.get(sourceId) ?? "");
    const key = createHash("sha1").update(text).digest("hex");
    const [rv] = await model.embed([text]);
    if (!qv || !rv) continue;
    const score = dot(qv, rv);
    const above = vectors.filter((v, i) => keys[i] !== key && dot(qv, v) > score).length;
    best = Math.min(best, above + 1);
  }
  ranks.push(best);
  console.log(`${query.id} rank ${best}  ${query.q}`);
}
const within = (k: number) => ranks.filter((r) => r <= k).length;
console.log(
  `${vectors.length} cached vectors; relevant pair by cosine alone: top-1 ${within(1)}, top-10 ${within(10)}, top-50 ${within(50)}, top-100 ${within(100)} of ${ranks.length}`,
);
console.log(`MRR@10 by cosine alone (optimistic): ${(ranks.reduce((s, r) => s + (r <= 10 ? 1 / r : 0), 0) / ranks.length).toFixed(2)}`);
