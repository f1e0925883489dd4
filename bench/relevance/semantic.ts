import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SemanticOptions } from "@/lib/search/semantic";
import type { GoldQuery } from "./gold";

// --semantic: the learned embeddings (lib/embeddings) in the kept benchmark index. Trains the
// model from the benchmark's Postgres once (<dir>/embeddings.bin), declares the embedder and
// gives every document its vector (partial updates, once per model), then scores hybrid
// variants on the tune half.

type System = (query: GoldQuery) => Promise<string[]>;
const log = (line: string) => console.error(`relevance: ${line}`);

export async function prepareSemantic(dir: string): Promise<void> {
  const { trainFromArchive } = await import("@/lib/embeddings/archive");
  const { readModelFile } = await import("@/lib/embeddings/model-file");
  const { activateEmbedder } = await import("@/lib/embeddings/runtime");
  const file = path.resolve(dir, "embeddings.bin");
  if (!existsSync(file)) {
    const t0 = performance.now();
    const trained = await trainFromArchive(file);
    log(`trained ${trained.words} words × ${trained.dims} dims from ${trained.pairs} pairs in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const model = await readModelFile(file);
  activateEmbedder(model);
  // Per model and per document text (question only since the first measurement).
  const marker = path.resolve(dir, `vectors-question-${model.header.trainedAt.replace(/[^0-9]/g, "")}`);
  if (existsSync(marker)) return;
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { indexSettings, loadEditorSearchSettings } = await import("@/lib/search/settings");
  const { pairVectors } = await import("@/lib/search/documents");
  // Vectors first: Meilisearch refuses to declare a userProvided embedder while documents lack them.
  let t0 = performance.now();
  const tasks: number[] = [];
  for (let offset = 0; ; offset += 5_000) {
    const page = await meili()
      .index("qa")
      .getDocuments<{ id: string; question: string }>({ offset, limit: 5_000, fields: ["id", "question"] });
    if (page.results.length === 0) break;
    const updates = page.results.map((doc) => ({ id: doc.id, ...pairVectors(doc.question) }));
    tasks.push((await meili().index("qa").updateDocuments(updates, { primaryKey: "id" })).taskUid);
  }
  for (const uid of tasks) await waitForSuccess(uid, "add vectors", 3_600_000);
  log(`gave ${tasks.length} batches their vectors in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  t0 = performance.now();
  const settings = await meili()
    .index("qa")
    .updateSettings(indexSettings(await loadEditorSearchSettings()));
  await waitForSuccess(settings.taskUid, "declare the embedder", 3_600_000);
  log(`declared the embedder in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await writeFile(marker, "yes\n");
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
  // The same search without the semantic list: the baseline of this run, on both halves.
  const systems: Record<string, System> = { "pressroom keyword-only": run(null) };
  const grid = JSON.parse(process.env.SEMANTIC_GRID ?? "[[1,1,10],[1,0.5,10],[0.5,1,10],[1,1,6]]") as [number, number, number][];
  for (const [ratio, fusion, minWords] of grid) systems[`variant:semantic ratio=${ratio} fusion=${fusion} minWords=${minWords}`] = run({ ratio, fusion, minWords });
  return systems;
}
