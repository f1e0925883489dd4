import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { fullTextSearch } from "../postgres-fts";
import { KINDS, meanScores, readGold, scoreRanking, type GoldQuery, type Scores } from "./gold";
import { DEFAULTS_INDEX, MASTER_KEY, startServices } from "./services";

// `npm run bench:relevance` (always as `flock /tmp/pressroom-bench.lock npm run bench:relevance`):
// known-item relevance of the gold set (gold.jsonl) for
//   pressroom  searchPairs(), the very function GET /api/v1/search calls, 10 hits
//   defaults   Meilisearch with default settings over the same documents, q only
//   postgres   Postgres full-text: websearch_to_tsquery('english') + ts_rank_cd
// MRR@10, Recall@10 and nDCG@10 per kind and overall, for the tune and held-out halves.
// Options: --dir <path> keeps the loaded services there and reuses them (import once, then
// seconds per run); --tune-only skips the held-out half; --misses prints the tune queries whose
// first relevant pair is not first (never the held-out ones: they are for reporting only).
// "pressroom, no spelling" is the same search without query spelling correction (spelling.ts);
// --spelling-grid also scores other correction thresholds on the tune half.

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const keepDir = option("--dir");
const tuneOnly = args.includes("--tune-only");
const showMisses = args.includes("--misses");
// --variants: also score ablations (our index, one stage changed) on the tune half only.
const withVariants = args.includes("--variants");
// --semantic (needs --dir): loads the embedding model, gives the kept index the vectors it needs,
// makes "pressroom" hybrid and scores keyword-only and SEMANTIC_GRID variants beside it (semantic.ts).
const withSemantic = args.includes("--semantic");
const withSpellingGrid = args.includes("--spelling-grid");
const log = (line: string) => console.error(`relevance: ${line}`);

type System = (query: GoldQuery) => Promise<string[]>;

/** Other spelling thresholds scored on the tune half with --spelling-grid. */
const SPELLING_GRID = [{ rareRatio: 5 }, { rareRatio: 100 }, { rareMinimum: 5 }, { rareMinimum: 100 }, { rareRatio: 1e9 }];

/** Builds the shared spelling vocabulary (the SpellingWord table) before any query is timed; what it, one process's share of it, and one query's correction cost. */
async function spellingVocabularyCost(queries: string[]) {
  const { rebuildSpellingWords, vocabularyFor, wholeVocabulary } = await import("@/lib/search/spelling-source");
  const { correctQuery } = await import("@/lib/search/spelling");
  const started = performance.now();
  await rebuildSpellingWords();
  const buildMs = Math.round(performance.now() - started);
  const words = (await wholeVocabulary()).size;
  // Per query, reading its rows from Postgres (the first time: later ones come from the
  // process's recent-query rows) and correcting it; the heap left after is what a process holds.
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const perQuery: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    correctQuery(q, await vocabularyFor(q));
    perQuery.push((performance.now() - t0) * 1000);
  }
  // Without a forced collection the difference is whatever garbage happens to be uncollected
  // (it has printed -101 MB), so the figure exists only when the bench runs with --expose-gc.
  const heapMB = global.gc ? (global.gc(), Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)) : null;
  const sorted = perQuery.sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
  return { words, buildMs, heapMB, correctUs: { p50: at(0.5), p95: at(0.95), max: at(1) } };
}

async function main() {
  if (args.includes("--embed-corpus")) {
    if (!keepDir) throw new Error("--embed-corpus needs --dir");
    const { embedCorpus } = await import("./corpus-vectors");
    const kind = option("--embed-corpus");
    return embedCorpus(keepDir, kind === "question+answer" ? kind : "question");
  }
  const gold = readGold().filter((q) => !tuneOnly || q.split === "tune");
  const t0 = performance.now();
  const services = await startServices(keepDir);
  log(`services ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  // --load-only: import the corpus into --dir (preparation, outside the bench lock) and stop.
  if (args.includes("--load-only")) return services.stop();
  try {
    const { parseSearchParams } = await import("@/lib/search/params");
    const { searchPairs } = await import("@/lib/search/query");
    const headers = { Authorization: `Bearer ${MASTER_KEY}`, "Content-Type": "application/json" };
    const systems: Record<string, System> = {
      pressroom: async ({ q }) => {
        const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
        if (!parsed.success) throw new Error(`gold query rejected: ${q}`);
        return (await searchPairs(parsed.data)).hits.map((h) => h.sourceId ?? "");
      },
      defaults: async ({ q }) => {
        const response = await fetch(`${services.meiliHost}/indexes/${DEFAULTS_INDEX}/search`, {
          method: "POST",
          headers,
          body: JSON.stringify({ q, limit: 10, attributesToRetrieve: ["sourceId"] }),
        });
        if (!response.ok) throw new Error(`defaults search failed: ${await response.text()}`);
        return ((await response.json()) as { hits: { sourceId: string }[] }).hits.map((h) => h.sourceId);
      },
      postgres: ({ q }) => fullTextSearch(services.pool, q, 10),
    };
    const vocabulary = await spellingVocabularyCost(gold.map((g) => g.q));
    log(
      `spelling vocabulary: ${vocabulary.words} words in ${vocabulary.buildMs} ms, ${vocabulary.heapMB === null ? "heap not measured (run with --expose-gc)" : `~${vocabulary.heapMB} MB heap`}; correcting a query p50 ${vocabulary.correctUs.p50} µs, p95 ${vocabulary.correctUs.p95} µs`,
    );
    const asTyped = async (q: string, spelling: import("@/lib/search/spelling").SpellingTuning | false) => {
      const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
      if (!parsed.success) throw new Error(`gold query rejected: ${q}`);
      return (await searchPairs(parsed.data, undefined, { spelling })).hits.map((h) => h.sourceId ?? "");
    };
    systems["pressroom, no spelling"] = ({ q }) => asTyped(q, false);
    if (withSpellingGrid) {
      const { DEFAULT_TUNING } = await import("@/lib/search/spelling");
      for (const change of SPELLING_GRID) {
        const name = Object.entries(change)
          .map(([k, v]) => `${k}=${v}`)
          .join(" ");
        systems[`variant:spelling ${name}`] = ({ q }) => asTyped(q, { ...DEFAULT_TUNING, ...change });
      }
    }

    if (withSemantic) {
      if (!keepDir) throw new Error("--semantic needs --dir");
      const { prepareSemantic, semanticSystems } = await import("./semantic");
      const prepared = await prepareSemantic(keepDir);
      // --prepare-only: give the kept index its vectors (preparation, outside the bench lock) and stop.
      if (args.includes("--prepare-only")) return;
      Object.assign(systems, await semanticSystems(prepared));
    }
    if (withVariants) {
      const { variantSystems } = await import("./variants");
      Object.assign(systems, await variantSystems(services.meiliHost));
    }
    const results: Record<string, Record<string, Record<string, Scores>>> = {};
    const perQuery: { id: string; kind: string; split: string; q: string; ranks: Record<string, number | null> }[] = gold.map((g) => ({
      id: g.id,
      kind: g.kind,
      split: g.split,
      q: g.q,
      ranks: {},
    }));
    const latency: Record<string, number[]> = {};
    for (const [name, system] of Object.entries(systems)) {
      const scored: { query: GoldQuery; score: ReturnType<typeof scoreRanking> }[] = [];
      for (const [i, query] of gold.entries()) {
        // Ablations never see the held-out half.
        if (name.startsWith("variant:") && query.split !== "tune") continue;
        const started = performance.now();
        const ranked = await system(query);
        (latency[name] ??= []).push(performance.now() - started);
        const relevant = new Set(query.relevant.map((r) => r.sourceId));
        const score = scoreRanking(ranked, relevant);
        scored.push({ query, score });
        const rank = ranked.findIndex((id) => relevant.has(id));
        perQuery[i].ranks[name] = rank >= 0 ? rank + 1 : null;
      }
      for (const split of ["tune", "heldout"] as const) {
        const inSplit = scored.filter((s) => s.query.split === split);
        if (!inSplit.length) continue;
        const byKind: Record<string, Scores> = { all: meanScores(inSplit.map((s) => s.score)) };
        for (const kind of KINDS) byKind[kind] = meanScores(inSplit.filter((s) => s.query.kind === kind).map((s) => s.score));
        (results[name] ??= {})[split] = byKind;
      }
    }

    const lines: string[] = [];
    for (const split of ["tune", "heldout"]) {
      if (!results.pressroom?.[split]) continue;
      lines.push("", `${split} half: MRR@10 / Recall@10 / nDCG@10`, `| system | ${["all", ...KINDS].join(" | ")} |`, `|---|${["all", ...KINDS].map(() => "---").join("|")}|`);
      for (const name of Object.keys(systems)) {
        if (!results[name]?.[split]) continue;
        const row = ["all", ...KINDS].map((kind) => {
          const s = results[name][split][kind];
          return `${s.mrr.toFixed(2)} / ${s.recall.toFixed(2)} / ${s.ndcg.toFixed(2)}`;
        });
        lines.push(`| ${name} | ${row.join(" | ")} |`);
      }
    }
    const p95 = (v: number[]) => Math.round([...v].sort((a, b) => a - b)[Math.floor(v.length * 0.95)] * 10) / 10;
    lines.push(
      "",
      `p95 ms per query (sequential, in-process): ${Object.entries(latency)
        .map(([n, v]) => `${n} ${p95(v)}`)
        .join(", ")}`,
    );
    console.log(lines.join("\n"));
    if (showMisses) {
      for (const row of perQuery.filter((r) => r.split === "tune" && r.ranks.pressroom !== 1)) {
        console.log(`miss ${row.id} [${row.kind}] pressroom=${row.ranks.pressroom ?? "-"} defaults=${row.ranks.defaults ?? "-"} pg=${row.ranks.postgres ?? "-"}  ${row.q}`);
      }
    }
    const out = path.join(repoRoot, "bench/results/relevance.json");
    await mkdir(path.dirname(out), { recursive: true });
    const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version };
    await writeFile(
      out,
      `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, queries: gold.length, spellingVocabulary: vocabulary, results, latencyP95Ms: Object.fromEntries(Object.entries(latency).map(([n, v]) => [n, p95(v)])), perQuery: perQuery.filter((r) => r.split === "tune") }, null, 2)}\n`,
    );
    log(`saved ${path.relative(repoRoot, out)}`);
  } finally {
    await services.stop();
  }
}

await main();
process.exit(0);
