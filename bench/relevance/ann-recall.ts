import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { dot } from "./cosine-rank";
import { corpusPairs } from "./corpus-vectors";
import { readGold } from "./gold";
import { startServices } from "./services";

// `PRESSROOM_EMBEDDING_MODEL=<table.bin> npx tsx bench/relevance/ann-recall.ts <dir> [--heldout]`
// (kept services of bench:relevance --semantic, whose index holds this table's vectors; tune half
// unless --heldout): how much of the exact nearest-neighbour list Meilisearch's approximate vector
// search returns, for every gold query long enough for the semantic list (9+ free words). Exact:
// the cosine of the query's vector with every English pair's question vector, in-app. Reported:
// the overlap of the two top-10 and top-50 lists, and how many relevant pairs each puts in its
// top 10 / top 50. A static table's raw vectors crowd into a narrow cone (mean cosine of two
// questions ~0.83) and the approximate search misses true nearest pairs there.

const dir = process.argv[2];
if (!dir) throw new Error("usage: ann-recall.ts <dir> [--heldout]");
const split = process.argv.includes("--heldout") ? "heldout" : "tune";
const services = await startServices(dir);
try {
  const { loadEmbeddingModel, EMBEDDER_NAME } = await import("@/lib/embeddings/runtime");
  const { textForEmbedding } = await import("@/lib/embeddings/embedder");
  const { queryShape } = await import("@/lib/search/query-shape");
  const { searchMeili, liveIndexUid } = await import("@/lib/search/client");
  const model = await loadEmbeddingModel();
  const pairs = await corpusPairs();
  const corpus = await model.embed(pairs.map((pair) => textForEmbedding(pair.question)));
  const gold = readGold().filter((g) => g.split === split && g.kind !== "chinese" && queryShape(g.q).words.length >= 9);
  const totals = { queries: 0, overlap10: 0, overlap50: 0, exactRelevant10: 0, exactRelevant50: 0, annRelevant10: 0, annRelevant50: 0 };
  for (const query of gold) {
    const [vector] = await model.embed([queryShape(query.q).words.join(" ")]);
    if (!vector) continue;
    const scores = corpus.map((v) => (v ? dot(vector, v) : -Infinity));
    const exact = [...scores.keys()]
      .sort((a, b) => scores[b] - scores[a])
      .slice(0, 50)
      .map((i) => pairs[i].sourceId);
    const result = await searchMeili()
      .index(liveIndexUid())
      .search("", { vector: Array.from(vector), hybrid: { embedder: EMBEDDER_NAME, semanticRatio: 1 }, limit: 50, attributesToRetrieve: ["sourceId"] });
    const ann = result.hits.map((hit) => String(hit.sourceId));
    const relevant = new Set(query.relevant.map((r) => r.sourceId));
    const found = (list: string[], k: number) => (list.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0);
    const overlap = (k: number) => ann.slice(0, k).filter((id) => exact.slice(0, k).includes(id)).length / k;
    totals.queries += 1;
    totals.overlap10 += overlap(10);
    totals.overlap50 += overlap(50);
    totals.exactRelevant10 += found(exact, 10);
    totals.exactRelevant50 += found(exact, 50);
    totals.annRelevant10 += found(ann, 10);
    totals.annRelevant50 += found(ann, 50);
  }
  const n = totals.queries;
  console.log(
    `${model.description}\n${split} half, ${n} queries of 9+ free words: approximate top-10 / top-50 hold ${((totals.overlap10 / n) * 100).toFixed(0)} % / ${((totals.overlap50 / n) * 100).toFixed(0)} % of the exact ones; ` +
      `a relevant pair in the top 10 / 50: exact ${totals.exactRelevant10} / ${totals.exactRelevant50}, Meilisearch ${totals.annRelevant10} / ${totals.annRelevant50}`,
  );
  const out = path.join(repoRoot, "bench/results", `ann-recall-${split}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), model: model.description, split, ...totals }, null, 2)}\n`);
} finally {
  await services.stop();
}
process.exit(0);
