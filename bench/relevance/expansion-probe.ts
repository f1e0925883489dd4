import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { corpusPairs } from "./corpus-vectors";
import { summariseRanks } from "./cosine-rank";
import { readGold } from "./gold";

// `npx tsx bench/relevance/expansion-probe.ts <table.bin> ['[{"rareDf":300,"neighbours":5}, …]'] [--heldout]`
// (no services; tune half unless --heldout): would adding the static table's nearest archive words
// of a description's rare words find its pair? Every English question of the corpus is scored by
// the summed idf of the distinct query words it holds (a crude keyword ranking, the same for every
// row), once with the query's own words and once with the neighbours of its rare words added at
// `weight` × their idf. Reported: the relevant pair's rank, MRR@10 / Recall@10 / Recall@50 per
// kind, for queries long enough for the semantic list (11+ free words), and how many neighbour
// words the relevant question holds that the query does not.

interface ProbeOptions {
  /** A query word is "rare" when at most this many questions hold it. */
  rareDf: number;
  /** Nearest table words added per rare word. */
  neighbours: number;
  /** Weight of an added word's idf against the query's own words. */
  weight: number;
}
const DEFAULTS: ProbeOptions = { rareDf: 300, neighbours: 5, weight: 0.5 };

const [tableFile, gridArg] = process.argv.slice(2);
if (!tableFile) throw new Error("usage: expansion-probe.ts <table.bin> [grid JSON] [--heldout]");
const grid = (gridArg?.startsWith("[") ? JSON.parse(gridArg) : [{}]) as Partial<ProbeOptions>[];
const split = process.argv.includes("--heldout") ? "heldout" : "tune";

const { readModelFile } = await import("@/lib/embeddings/model-file");
const { queryShape } = await import("@/lib/search/query-shape");
const { embeddingTokens: tokens } = await import("@/lib/embeddings/tokens");
const table = await readModelFile(tableFile);
const row = new Map(table.words.map((word, i) => [word, i]));
const pairs = await corpusPairs();
const questionWords = pairs.map((pair) => new Set(tokens(pair.question)));
const df = new Map<string, number>();
for (const words of questionWords) for (const word of words) df.set(word, (df.get(word) ?? 0) + 1);
const idf = (word: string) => Math.log(1 + pairs.length / (df.get(word) ?? 0.5));
const bySourceId = new Map(pairs.map((pair, i) => [pair.sourceId, i]));

/** The table's nearest words to `word` by cosine of their rows (the word itself left out). */
function nearest(word: string, k: number): string[] {
  const at = row.get(word);
  if (at === undefined || k <= 0) return [];
  const dims = table.dims;
  const own = table.vectors.subarray(at * dims, (at + 1) * dims);
  const best: { word: string; score: number }[] = [];
  for (let i = 0; i < table.words.length; i++) {
    if (i === at) continue;
    let score = 0;
    for (let d = 0; d < dims; d++) score += own[d] * table.vectors[i * dims + d];
    if (best.length < k || score > best[best.length - 1].score) {
      best.push({ word: table.words[i], score });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.word);
}

const gold = readGold().filter((q) => q.split === split && q.kind !== "chinese" && queryShape(q.q).words.length >= 11);
const report: Record<string, unknown> = {};
for (const change of grid) {
  const options = { ...DEFAULTS, ...change };
  const ranks: Record<string, number[]> = {};
  const plainRanks: Record<string, number[]> = {};
  let held = 0;
  for (const query of gold) {
    const own = [...new Set(tokens(queryShape(query.q).words.join(" ")))].filter((word) => df.has(word));
    const added = new Map<string, number>();
    for (const word of own.filter((w) => (df.get(w) ?? 0) <= options.rareDf))
      for (const near of nearest(word, options.neighbours)) if (!own.includes(near) && df.has(near)) added.set(near, options.weight * idf(near));
    const weights = new Map([...own.map((word) => [word, idf(word)] as const)]);
    const score = (words: Set<string>, extra: Map<string, number>) => {
      let sum = 0;
      for (const [word, w] of weights) if (words.has(word)) sum += w;
      for (const [word, w] of extra) if (words.has(word)) sum += w;
      return sum;
    };
    const targets = query.relevant.map((r) => bySourceId.get(r.sourceId)).filter((i): i is number => i !== undefined);
    const rankWith = (extra: Map<string, number>) => {
      const scores = questionWords.map((words) => score(words, extra));
      const best = Math.max(...targets.map((t) => scores[t]));
      return targets.length ? 1 + scores.filter((s) => s > best).length : Infinity;
    };
    (ranks[query.kind] ??= []).push(rankWith(added));
    (plainRanks[query.kind] ??= []).push(rankWith(new Map()));
    held += targets.some((t) => [...added.keys()].some((word) => questionWords[t].has(word))) ? 1 : 0;
  }
  const name = JSON.stringify(change);
  report[name] = { expanded: summariseRanks(ranks), plain: summariseRanks(plainRanks), relevantHoldsAnAddedWord: held, queries: gold.length };
  console.log(name, JSON.stringify(report[name]));
}
const out = path.join(repoRoot, "bench/results", `expansion-probe-${split}.json`);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), table: tableFile, split, report }, null, 2)}\n`);
