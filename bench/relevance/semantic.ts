import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "@/lib/embeddings/embedder";
import type { SemanticOptions } from "@/lib/search/semantic";
import { readGold, type GoldQuery } from "./gold";
import { VectorCache } from "./vector-cache";

// --semantic: the sentence encoder (lib/embeddings, PRESSROOM_EMBEDDING_MODEL, default the
// packaged one) in the kept benchmark index, and semantic variants scored against the same
// searchPairs without them, in the same run.
//
// The "rerank" source orders only the keyword candidates by meaning, so only they need vectors:
// the benchmark embeds the first CANDIDATE_DEPTH keyword candidates of every gold query (both
// halves: the held-out report needs them; nothing is tuned on them), cached in
// <dir>/vectors-<dims>.bin, and gives every other document a null vector (opted out). On this
// shared machine embedding all 64k English questions takes hours; the "list" source, which
// needs them all, is therefore not scored here (docs/search-ranking.md).

type System = (query: GoldQuery) => Promise<string[]>;
const log = (line: string) => console.error(`relevance: ${line}`);
const CANDIDATE_DEPTH = Number(process.env.SEMANTIC_DEPTH ?? 40);

export async function prepareSemantic(dir: string): Promise<Embedder> {
  const { loadEmbeddingModel, activateEmbedder, EMBEDDER_NAME } = await import("@/lib/embeddings/runtime");
  const { questionForEmbedding } = await import("@/lib/embeddings/embedder");
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { indexSettings, loadEditorSearchSettings } = await import("@/lib/search/settings");
  const { idFilter } = await import("@/lib/search/semantic");
  let t0 = performance.now();
  const model = await loadEmbeddingModel();
  log(`loaded ${model.description} (${model.dims} dims) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Keyword-only candidates of every gold query, as searchPairs orders them.
  activateEmbedder(null);
  const { parseSearchParams } = await import("@/lib/search/params");
  const { searchPairs, NO_EXTRAS } = await import("@/lib/search/query");
  const candidates = new Set<string>();
  for (const { q } of readGold()) {
    const parsed = parseSearchParams(new URLSearchParams({ q, limit: String(CANDIDATE_DEPTH) }));
    if (!parsed.success) throw new Error(q);
    for (const hit of (await searchPairs(parsed.data, NO_EXTRAS, { semantic: null })).hits) candidates.add(hit.id);
  }
  const ids = [...candidates].sort();
  const marker = path.resolve(dir, `vectors-${model.dims}-${createHash("sha1").update(ids.join("\n")).digest("hex").slice(0, 12)}`);
  activateEmbedder(model);
  if (existsSync(marker)) return model;

  const index = meili().index("qa");
  const questions = new Map<string, string>();
  for (let at = 0; at < ids.length; at += 500) {
    const page = await index.getDocuments<{ id: string; question: string }>({ filter: idFilter(ids.slice(at, at + 500)), limit: 500, fields: ["id", "question"] });
    for (const doc of page.results) questions.set(doc.id, questionForEmbedding(doc.question ?? ""));
  }
  const cache = new VectorCache(path.resolve(dir, `vectors-${model.dims}.bin`), model.dims);
  t0 = performance.now();
  const texts = ids.map((id) => questions.get(id) ?? "");
  const vectors = await cache.vectorsFor(
    texts,
    (batch) => model.embed(batch),
    32,
    (done) => {
      if (done % 320 === 0) log(`embedded ${done} candidate questions, ${(done / ((performance.now() - t0) / 1000)).toFixed(1)}/s`);
    },
  );
  const byId = new Map(ids.map((id, i) => [id, texts[i] ? vectors[i] : null]));
  log(`vectors for ${ids.length} candidates (${cache.size} cached) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  // Vectors first: Meilisearch refuses to declare a userProvided embedder while documents lack them.
  t0 = performance.now();
  const tasks: number[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await index.getDocuments<{ id: string }>({ offset, limit: 10_000, fields: ["id"] });
    if (page.results.length === 0) break;
    const updates = page.results.map((doc) => {
      const vector = byId.get(doc.id);
      return { id: doc.id, _vectors: { [EMBEDDER_NAME]: vector ? Array.from(vector, (v) => Math.round(v * 1e6) / 1e6) : null } };
    });
    tasks.push((await index.updateDocuments(updates, { primaryKey: "id" })).taskUid);
  }
  for (const uid of tasks) await waitForSuccess(uid, "add vectors", 3_600_000);
  const settings = await index.updateSettings(indexSettings(await loadEditorSearchSettings(), model));
  await waitForSuccess(settings.taskUid, "declare the embedder", 3_600_000);
  log(`gave the index its vectors and embedder in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await writeFile(marker, "yes\n");
  return model;
}

export async function semanticSystems(): Promise<Record<string, System>> {
  const { parseSearchParams } = await import("@/lib/search/params");
  const { searchPairs, NO_EXTRAS } = await import("@/lib/search/query");
  const run =
    (semantic: SemanticOptions | null) =>
    async ({ q }: GoldQuery) => {
      const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
      if (!parsed.success) throw new Error(q);
      return (await searchPairs(parsed.data, NO_EXTRAS, { semantic })).hits.map((h) => h.sourceId ?? "");
    };
  // "pressroom" (run.ts) is now hybrid with DEFAULT_SEMANTIC; the same search without the
  // semantic stage is this run's baseline, on both halves.
  const systems: Record<string, System> = { "pressroom keyword-only": run(null) };
  // SEMANTIC_GRID='[[fusion, minWords, depth], …]': variants of the rerank source, scored on the
  // tune half only (run.ts skips "variant:" systems on held-out queries). depth ≤ SEMANTIC_DEPTH:
  // deeper candidates have no vector here.
  const grid = JSON.parse(process.env.SEMANTIC_GRID ?? "[[0.5,9,40],[2,9,40],[1,4,40],[2,4,40],[1,12,40],[1,9,20]]") as [number, number, number][];
  for (const [fusion, minWords, depth] of grid)
    systems[`variant:semantic fusion=${fusion} minWords=${minWords} depth=${depth}`] = run({ source: "rerank", ratio: 1, fusion, minWords, depth });
  return systems;
}
