import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "@/lib/embeddings/embedder";
import type { CandidateList } from "@/lib/search/query-request";
import type { SemanticOptions } from "@/lib/search/semantic";
import type { EmbeddedText } from "./corpus-vectors";
import { readGold, type GoldQuery } from "./gold";
import { VectorCache, vectorCacheFile } from "./vector-cache";

// --semantic: the sentence encoder (lib/embeddings, PRESSROOM_EMBEDDING_MODEL, default the
// packaged one) in the kept benchmark index, and semantic variants scored against the same
// searchPairs without them, in the same run.
//
// Vectors come from <dir>/vectors-<dims>.bin (vector-cache.ts). The "rerank" source orders
// keyword candidates by meaning, so the benchmark always embeds (if not cached yet) what it
// reads: the first 40 re-ranked candidates of every gold query and, for long queries
// (POOL_WORDS+ free words), their whole candidate pool at POOL_DEPTH per list. Every other
// document gets the vector the cache holds, if any: `--embed-corpus` (corpus-vectors.ts) fills
// the cache with every English pair beforehand, and only then is the "list" source (vector
// search over every pair) scored; with partial coverage it would search a smaller archive.

type System = (query: GoldQuery) => Promise<string[]>;
const log = (line: string) => console.error(`relevance: ${line}`);
const CANDIDATE_DEPTH = 40;
const POOL_WORDS = 9;
const POOL_DEPTH = Number(process.env.SEMANTIC_POOL_DEPTH ?? 50);
/** What a pair's vector is made of (corpus-vectors.ts); one kind per index. */
const EMBEDDED: EmbeddedText = process.env.SEMANTIC_TEXT === "question+answer" ? "question+answer" : "question";

export interface PreparedSemantic {
  model: Embedder;
  /** Share of the English pairs that carry a vector in the index (1: the "list" source can be scored). */
  coverage: number;
}

/** Every candidate the keyword stage gives the re-ranker for this query at `depth` per list. */
async function candidatePool(q: string, depth: number): Promise<string[]> {
  const { parseSearchParams } = await import("@/lib/search/params");
  const { buildSearchRequest, PLAN, NO_EXTRAS } = await import("@/lib/search/query-request");
  const { rarestFirst } = await import("@/lib/search/term-frequency");
  const { queryLocales } = await import("@/lib/search/syntax");
  const { mergeCandidates } = await import("@/lib/search/rerank");
  const { searchMeili } = await import("@/lib/search/client");
  const parsed = parseSearchParams(new URLSearchParams({ q }));
  if (!parsed.success) throw new Error(q);
  const plan = { ...PLAN.description, depth };
  const { queries } = buildSearchRequest(parsed.data, NO_EXTRAS, { plan, rarityOrdered: await rarestFirst(q, queryLocales(q)) });
  const { results } = await searchMeili().multiSearch({ queries: queries.map((query) => ({ ...query, attributesToRetrieve: ["id"] })) });
  return mergeCandidates(results.map((r) => r.hits as { id: string }[])).map((hit) => hit.id);
}

export async function prepareSemantic(dir: string): Promise<PreparedSemantic> {
  const { loadEmbeddingModel, activateEmbedder, EMBEDDER_NAME } = await import("@/lib/embeddings/runtime");
  const { textForEmbedding } = await import("@/lib/embeddings/embedder");
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { indexSettings, loadEditorSearchSettings } = await import("@/lib/search/settings");
  const { queryShape, matchingStrategyFor } = await import("@/lib/search/query-shape");
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
    const shape = queryShape(q);
    if (shape.words.length >= POOL_WORDS && matchingStrategyFor(shape) === "frequency" && !shape.phrases.length)
      for (const id of await candidatePool(q, POOL_DEPTH)) candidates.add(id);
  }

  const index = meili().index("qa");
  const documents: { id: string; text: string; english: boolean }[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await index.getDocuments<{ id: string; question?: string; answerText?: string; language?: string }>({
      offset,
      limit: 10_000,
      fields: ["id", "question", "answerText", "language"],
    });
    if (page.results.length === 0) break;
    for (const doc of page.results)
      documents.push({
        id: doc.id,
        text: doc.question ? textForEmbedding(doc.question, EMBEDDED === "question+answer" ? (doc.answerText ?? "") : "") : "",
        english: doc.language !== "zh",
      });
  }
  const cache = new VectorCache(vectorCacheFile(dir, model), model.dims);
  t0 = performance.now();
  // A word-table model (static, archive) embeds the whole corpus in seconds: every document gets its vector here.
  const cheap = !model.id.startsWith("encoder:");
  const needed = documents.filter((doc) => (cheap || candidates.has(doc.id)) && doc.text).map((doc) => doc.text);
  await cache.vectorsFor(
    needed,
    (batch) => model.embed(batch),
    32,
    (done) => {
      if (done % 320 === 0) log(`embedded ${done} candidate texts, ${(done / ((performance.now() - t0) / 1000)).toFixed(1)}/s`);
    },
  );
  log(`vectors for ${candidates.size} candidates (${cache.size} cached) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const vectorOf = (doc: (typeof documents)[number]) => (doc.text ? (cache.peek(doc.text) ?? null) : null);
  const english = documents.filter((doc) => doc.english && doc.text);
  const coverage = english.filter((doc) => vectorOf(doc)).length / english.length;
  log(`${(coverage * 100).toFixed(1)} % of ${english.length} English pairs have a vector (${EMBEDDED})`);

  // Only documents whose vector changed since the last run are sent (64k vectors are ~300 MB
  // of JSON). Vectors first: Meilisearch refuses to declare a userProvided embedder while
  // documents lack them.
  const sentFile = path.resolve(dir, `vectors-in-index-${model.dims}-${EMBEDDED.replace("+", "-")}.txt`);
  // Which model's vectors the index holds: after another model (use-lite <-> static table), every vector is sent again.
  const inIndexFile = path.resolve(dir, "vectors-in-index-model.txt");
  const sameModel = existsSync(inIndexFile) && (await readFile(inIndexFile, "utf8")).trim() === model.id;
  const sent = new Set(sameModel && existsSync(sentFile) ? (await readFile(sentFile, "utf8")).split("\n").filter(Boolean) : []);
  const firstTime = sent.size === 0;
  const changed = documents.filter((doc) => firstTime || (!sent.has(doc.id) && vectorOf(doc)));
  t0 = performance.now();
  const tasks: number[] = [];
  for (let at = 0; at < changed.length; at += 2_000) {
    const updates = changed.slice(at, at + 2_000).map((doc) => {
      const vector = vectorOf(doc);
      return { id: doc.id, _vectors: { [EMBEDDER_NAME]: vector ? Array.from(vector, (v) => Math.round(v * 1e6) / 1e6) : null } };
    });
    tasks.push((await index.updateDocuments(updates, { primaryKey: "id" })).taskUid);
  }
  for (const uid of tasks) await waitForSuccess(uid, "add vectors", 3_600_000);
  const settings = await index.updateSettings(indexSettings(await loadEditorSearchSettings(), model));
  await waitForSuccess(settings.taskUid, "declare the embedder", 3_600_000);
  log(`sent ${changed.length} documents' vectors and declared the embedder in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await writeFile(
    sentFile,
    `${documents
      .filter((doc) => vectorOf(doc))
      .map((doc) => doc.id)
      .join("\n")}\n`,
  );
  await writeFile(inIndexFile, `${model.id}\n`);
  activateEmbedder(model);
  return { model, coverage };
}

/** A semantic variant: SemanticOptions changed from DEFAULT_SEMANTIC, and `pool` (candidates per keyword list for descriptions, PLAN.description.depth). */
type SemanticVariant = Partial<SemanticOptions> & { pool?: number };
const DEFAULT_GRID: SemanticVariant[] = [
  { depth: 150 },
  { depth: 150, fusion: 2 },
  { source: "list", ratio: 1 },
  { source: "list", ratio: 1, fusion: 2 },
  { source: "list", ratio: 0.5 },
];

export async function semanticSystems(prepared: PreparedSemantic): Promise<Record<string, System>> {
  const { parseSearchParams } = await import("@/lib/search/params");
  const { searchPairs, NO_EXTRAS } = await import("@/lib/search/query");
  const { PLAN } = await import("@/lib/search/query-request");
  const { DEFAULT_SEMANTIC } = await import("@/lib/search/semantic");
  const run =
    (semantic: SemanticOptions | null, plans?: typeof PLAN) =>
    async ({ q }: GoldQuery) => {
      const parsed = parseSearchParams(new URLSearchParams({ q, limit: "10" }));
      if (!parsed.success) throw new Error(q);
      return (await searchPairs(parsed.data, NO_EXTRAS, { semantic, plans })).hits.map((h) => h.sourceId ?? "");
    };
  // "pressroom" (run.ts) is now hybrid with DEFAULT_SEMANTIC; the same search without the
  // semantic stage is this run's baseline, on both halves.
  const systems: Record<string, System> = { "pressroom keyword-only": run(null) };
  // SEMANTIC_BASELINES='{"hybrid before": {"exact": null, "fusion": 0.75, "lists": ["frequency", "last", "rarest"]},
  // "keyword-only before": {"semantic": false, "lists": […]}}': settings being replaced, scored on
  // both halves in the same run (variants below see the tune half only). "lists": the
  // description plan's candidate lists; "semantic": false for keyword-only; the rest changes
  // DEFAULT_SEMANTIC.
  type Baseline = Partial<SemanticOptions> & { lists?: CandidateList[]; semantic?: false };
  for (const [name, { lists, semantic, ...change }] of Object.entries(JSON.parse(process.env.SEMANTIC_BASELINES ?? "{}") as Record<string, Baseline>))
    systems[`pressroom ${name}`] = run(
      semantic === false || !DEFAULT_SEMANTIC ? null : { ...DEFAULT_SEMANTIC, ...change },
      lists ? { ...PLAN, description: { ...PLAN.description, lists } } : undefined,
    );
  // SEMANTIC_GRID='[{"source":"list","fusion":2}, {"depth":150,"minWords":6}, …]': variants of
  // DEFAULT_SEMANTIC, scored on the tune half only (run.ts skips "variant:" systems on held-out
  // queries). Candidates past the embedded pool (POOL_DEPTH per list) have no vector here.
  const grid = process.env.SEMANTIC_GRID ? (JSON.parse(process.env.SEMANTIC_GRID) as SemanticVariant[]) : DEFAULT_GRID;
  for (const { pool, ...change } of grid) {
    const options = { ...(DEFAULT_SEMANTIC ?? { source: "rerank" as const, ratio: 1, fusion: 1, minWords: 9, depth: 40 }), ...change };
    const name = `variant:semantic ${JSON.stringify({ ...change, ...(pool ? { pool } : {}) })}`;
    if (options.source === "list" && prepared.coverage < 0.999) {
      log(`${name} not scored: only ${(prepared.coverage * 100).toFixed(1)} % of English pairs have a vector (run --embed-corpus first)`);
      continue;
    }
    systems[name] = run(options, pool ? { ...PLAN, description: { ...PLAN.description, depth: pool } } : undefined);
  }
  return systems;
}
