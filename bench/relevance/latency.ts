import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { readGold } from "./gold";
import { startServices } from "./services";

// `PRESSROOM_EMBEDDING_MODEL=<table.bin> npx tsx bench/relevance/latency.ts <dir> [rounds]` (kept
// services of bench:relevance --semantic, whose index holds this table's vectors): per-query
// latency of searchPairs, in-process and sequential, for every gold query of 4+ words (the
// description plan), under settings that take turns query by query (so load on the machine falls
// on all alike): the default hybrid, hybrid as before desc3 (Meilisearch's approximate order,
// fusion 0.75, no question list), keyword-only and keyword-only before.

const dir = process.argv[2];
if (!dir) throw new Error("usage: latency.ts <dir> [rounds]");
const rounds = Number(process.argv[3] ?? 3);
process.env.PRESSROOM_SEARCH_MODE = "hybrid";
const services = await startServices(dir);
try {
  const { loadEmbeddingModel, activateEmbedder } = await import("@/lib/embeddings/runtime");
  const { parseSearchParams } = await import("@/lib/search/params");
  const { searchPairs, NO_EXTRAS } = await import("@/lib/search/query");
  const { PLAN } = await import("@/lib/search/query-request");
  const { DEFAULT_SEMANTIC } = await import("@/lib/search/semantic");
  const { queryShape, matchingStrategyFor } = await import("@/lib/search/query-shape");
  activateEmbedder(await loadEmbeddingModel());
  const before = { ...PLAN, description: { ...PLAN.description, lists: ["frequency", "last", "rarest"] as const } } as unknown as typeof PLAN;
  const settings = {
    hybrid: { semantic: DEFAULT_SEMANTIC },
    "hybrid before": { semantic: DEFAULT_SEMANTIC && { ...DEFAULT_SEMANTIC, exact: undefined, fusion: 0.75 }, plans: before },
    "keyword-only": { semantic: null },
    "keyword-only before": { semantic: null, plans: before },
  };
  const queries = readGold()
    .map((g) => g.q)
    .filter((q) => {
      const shape = queryShape(q);
      return !shape.phrases.length && matchingStrategyFor(shape) === "frequency";
    });
  const times: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++)
    for (const q of queries)
      for (const [name, options] of Object.entries(settings)) {
        const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
        if (!parsed.success) throw new Error(q);
        const t0 = performance.now();
        await searchPairs(parsed.data, NO_EXTRAS, options);
        // The first round warms caches (term rarity, spelling): it is not counted.
        if (round > 0 || rounds === 1) (times[name] ??= []).push(performance.now() - t0);
      }
  const at = (values: number[], p: number) => Math.round([...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] * 10) / 10;
  const summary = Object.fromEntries(Object.entries(times).map(([name, v]) => [name, { p50: at(v, 0.5), p95: at(v, 0.95), n: v.length }]));
  console.log(`${queries.length} description-plan queries, ${rounds} rounds (first not counted), ms per query:`);
  for (const [name, s] of Object.entries(summary)) console.log(`  ${name}: p50 ${s.p50}, p95 ${s.p95} (n=${s.n})`);
  const out = path.join(repoRoot, "bench/results", "relevance-latency.json");
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), queries: queries.length, rounds, summary }, null, 2)}\n`);
} finally {
  await services.stop();
}
process.exit(0);
