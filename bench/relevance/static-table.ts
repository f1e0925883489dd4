import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DistillOptions } from "@/lib/embeddings/distill";
import { repoRoot } from "../corpus-files";
import { corpusPairs } from "./corpus-vectors";
import { cosineRank, summariseRanks, type RankSummary } from "./cosine-rank";
import { KINDS, readGold } from "./gold";
import { VectorCache } from "./vector-cache";

// `npx tsx bench/relevance/static-table.ts <dir> ['[{"dims":256}, …]']` (no services, tune half
// only unless --heldout): distils static word tables from the packaged sentence encoder over the
// corpus's words (lib/embeddings/distill.ts), writes each to <dir>/static-<options>.bin, and scores
// them by cosine alone against use-lite's own vectors (<dir>/vectors-512.bin, from
// --embed-corpus), in the same run: for each gold query, the rank of its first relevant pair
// among every English pair's question vector (what the "list" source searches). The words'
// encoder vectors are cached in <dir>/words-512.bin, so trying other options costs seconds.
// Choose options here, then confirm with the full hybrid run (run.ts --semantic).

const dir = process.argv[2];
if (!dir) throw new Error("usage: static-table.ts <dir> [options JSON array] [--heldout]");
const grid = (process.argv[3]?.startsWith("[") ? JSON.parse(process.argv[3]) : [{}]) as Partial<DistillOptions>[];
const split = process.argv.includes("--heldout") ? "heldout" : "tune";
const log = (line: string) => console.error(`static-table: ${line}`);

const { loadSentenceEncoder, packagedEncoderPath } = await import("@/lib/embeddings/sentence-encoder");
const { distillEmbeddings } = await import("@/lib/embeddings/distill");
const { embedText, withIndex } = await import("@/lib/embeddings/embed");
const { textForEmbedding } = await import("@/lib/embeddings/embedder");
const { writeModelFile } = await import("@/lib/embeddings/model-file");
const { queryShape } = await import("@/lib/search/query-shape");

const encoder = await loadSentenceEncoder(packagedEncoderPath());
const pairs = await corpusPairs();
const vocabularyTexts = pairs.map((pair) => `${pair.question}\n\n${pair.answer}`);
const questions = pairs.map((pair) => textForEmbedding(pair.question));
const gold = readGold().filter((q) => q.split === split && q.kind !== "chinese");
log(`${pairs.length} English pairs, ${gold.length} ${split} queries (Chinese left out: neither model reads it)`);

// use-lite's vectors of every question, from the --embed-corpus cache (never re-embedded here).
const useCache = new VectorCache(path.resolve(dir, "vectors-512.bin"), 512);
const useVectors = questions.map((text) => useCache.peek(text));
if (useVectors.some((v) => v === undefined)) throw new Error(`${dir}/vectors-512.bin lacks some questions: run --embed-corpus first`);
const wordCache = new VectorCache(path.resolve(dir, "words-512.bin"), 512);
const cachedEncode = (texts: string[]) => wordCache.vectorsFor(texts, (batch) => encoder.embed(batch), 256);

type Ranker = { name: string; query: (q: string) => Promise<Float32Array | null>; corpus: (Float32Array | null | undefined)[] };
const rankers: Ranker[] = [{ name: "use-lite", query: async (q) => (await encoder.embed([q]))[0], corpus: useVectors }];
for (const options of grid) {
  const t0 = performance.now();
  let last = t0;
  const model = await distillEmbeddings(vocabularyTexts, cachedEncode, options, (done, total) => {
    if (performance.now() - last < 30_000) return;
    log(`words ${done}/${total}`);
    last = performance.now();
  });
  const distilled = (performance.now() - t0) / 1000;
  await writeModelFile(model, pairs.length, path.resolve(dir, tableFileName(options)), encoder.id);
  const loaded = withIndex(model);
  const t1 = performance.now();
  const corpus = questions.map((text) => embedText(loaded, text));
  const embedSeconds = (performance.now() - t1) / 1000;
  const name = `static ${JSON.stringify(options)}`;
  log(`${name}: ${model.words.length} words × ${model.dims} in ${distilled.toFixed(0)} s; ${questions.length} questions embedded in ${embedSeconds.toFixed(1)} s`);
  rankers.push({ name, query: async (q) => embedText(loaded, q), corpus });
}

const sourceIndex = new Map(pairs.map((pair, i) => [pair.sourceId, i]));
const rows: Record<string, Record<string, RankSummary>> = {};
for (const ranker of rankers) {
  const byKind: Record<string, number[]> = {};
  for (const query of gold) {
    const targets = query.relevant.map((r) => sourceIndex.get(r.sourceId)).filter((i): i is number => i !== undefined);
    const rank = cosineRank(await ranker.query(queryShape(query.q).words.join(" ")), ranker.corpus, targets);
    (byKind[query.kind] ??= []).push(rank);
    (byKind.all ??= []).push(rank);
  }
  rows[ranker.name] = summariseRanks(byKind);
}

const kinds = ["all", ...KINDS.filter((k) => k !== "chinese")];
console.log(`\n${split} half, cosine alone over ${questions.length} questions: MRR@10 / Recall@10 / Recall@50`);
console.log(`| model | ${kinds.join(" | ")} |\n|---|${kinds.map(() => "---").join("|")}|`);
for (const [name, byKind] of Object.entries(rows))
  console.log(`| ${name} | ${kinds.map((k) => (byKind[k] ? `${byKind[k].mrr.toFixed(2)} / ${byKind[k].r10.toFixed(2)} / ${byKind[k].r50.toFixed(2)}` : "-")).join(" | ")} |`);
const out = path.join(repoRoot, "bench/results", `static-table-${split}.json`);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), split, questions: questions.length, rows }, null, 2)}\n`);
log(`saved ${path.relative(repoRoot, out)}`);
process.exit(0);

/** static-<options>.bin, e.g. static-sifA=0.0001.bin (static-default.bin for the defaults). */
function tableFileName(options: Partial<DistillOptions>): string {
  const name = Object.entries(options)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
  return `static-${name || "default"}.bin`;
}
