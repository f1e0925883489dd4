import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { corpusPairs } from "./corpus-vectors";
import { cosineRank, summariseRanks, type RankSummary } from "./cosine-rank";
import { readGold } from "./gold";

// `npx tsx bench/relevance/document-text.ts <table.bin> [--heldout]` (no services, tune half
// unless --heldout): what a pair's vector should be made of, for a word-table model (the static
// table), by cosine alone: for each long English gold query (the ones the semantic list is used
// for), the rank of its first relevant pair among every English pair, when each pair's vector is
// its question's first 40 words (what the index holds today) or the question followed by the
// answer's first N words. A word table embeds the whole archive in seconds, so each variant is
// re-embedded here. Choose here, then confirm with the full hybrid run (run.ts --semantic).

const file = process.argv[2];
if (!file) throw new Error("usage: document-text.ts <table.bin> [--heldout]");
const split = process.argv.includes("--heldout") ? "heldout" : "tune";
const log = (line: string) => console.error(`document-text: ${line}`);

const { readModelFile } = await import("@/lib/embeddings/model-file");
const { embedText } = await import("@/lib/embeddings/embed");
const { textForEmbedding } = await import("@/lib/embeddings/embedder");
const { queryShape } = await import("@/lib/search/query-shape");

const model = await readModelFile(path.resolve(file));
const pairs = await corpusPairs();
const minWords = 11;
const gold = readGold().filter((q) => q.split === split && q.kind !== "chinese" && queryShape(q.q).words.length >= minWords);
log(`${pairs.length} English pairs, ${gold.length} ${split} queries of ${minWords}+ free words`);

const VARIANTS: Record<string, (pair: { question: string; answer: string }) => string> = {
  question: (pair) => textForEmbedding(pair.question),
  "question+answer 30": (pair) => textForEmbedding(pair.question, pair.answer, 30),
  "question+answer 60": (pair) => textForEmbedding(pair.question, pair.answer, 60),
  "question+answer 120": (pair) => textForEmbedding(pair.question, pair.answer, 120),
  "answer 60": (pair) => textForEmbedding("", pair.answer, 60),
};

const sourceIndex = new Map(pairs.map((pair, i) => [pair.sourceId, i]));
const rows: Record<string, Record<string, RankSummary>> = {};
for (const [name, text] of Object.entries(VARIANTS)) {
  const t0 = performance.now();
  const corpus = pairs.map((pair) => embedText(model, text(pair)));
  log(`${name}: ${pairs.length} texts embedded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const byKind: Record<string, number[]> = {};
  for (const query of gold) {
    const targets = query.relevant.map((r) => sourceIndex.get(r.sourceId)).filter((i): i is number => i !== undefined);
    const rank = cosineRank(embedText(model, queryShape(query.q).words.join(" ")), corpus, targets);
    (byKind[query.kind] ??= []).push(rank);
    (byKind.all ??= []).push(rank);
  }
  rows[name] = summariseRanks(byKind);
}

const kinds = [...new Set(Object.values(rows).flatMap((byKind) => Object.keys(byKind)))];
console.log(`\n${split} half, ${minWords}+ free words, cosine alone over ${pairs.length} pairs: MRR@10 / Recall@10 / Recall@50 (n)`);
console.log(`| pair vector | ${kinds.join(" | ")} |\n|---|${kinds.map(() => "---").join("|")}|`);
for (const [name, byKind] of Object.entries(rows))
  console.log(
    `| ${name} | ${kinds.map((k) => (byKind[k] ? `${byKind[k].mrr.toFixed(2)} / ${byKind[k].r10.toFixed(2)} / ${byKind[k].r50.toFixed(2)} (${byKind[k].n})` : "-")).join(" | ")} |`,
  );
const out = path.join(repoRoot, "bench/results", `document-text-${split}.json`);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), split, table: file, pairs: pairs.length, minWords, rows }, null, 2)}\n`);
log(`saved ${path.relative(repoRoot, out)}`);
process.exit(0);
