import { CORPUS_FILES } from "../corpus-files";
import { VectorCache, vectorCacheFile } from "./vector-cache";

// `npm run bench:relevance -- --dir <dir> --embed-corpus [question|question+answer]`: embeds the
// text of every English pair of the corpus into <dir>/vectors-<dims>.bin, straight from the
// corpus files (no services), so the "list" source, which searches every pair's vector, can be
// scored. Run it once, outside the bench lock and under `nice`: ~64k texts take tens of CPU
// minutes; the cache resumes where an interrupted run stopped, and later runs only read it.
// The texts are exactly what documents.ts embeds (the question as imported: trimmed source
// text), so prepareSemantic finds every pair's vector in the cache.

const log = (line: string) => console.error(`relevance: ${line}`);

export type EmbeddedText = "question" | "question+answer";

/** The texts of every corpus pair, in file order (Chinese ones too: the embedder skips them cheaply). */
export async function corpusPairs(): Promise<{ sourceId: string; question: string; answer: string }[]> {
  const { openCorpusFile } = await import("@/lib/corpus/reader");
  const pairs: { sourceId: string; question: string; answer: string }[] = [];
  for (const file of CORPUS_FILES) {
    const reader = await openCorpusFile(file);
    try {
      for await (const { text } of reader.lines()) {
        if (!text.trim()) continue;
        const record = JSON.parse(text) as { id: string; question?: string; answer?: string; lang?: string };
        if (record.lang === "zh") continue;
        pairs.push({ sourceId: record.id, question: (record.question ?? "").trim(), answer: (record.answer ?? "").trim() });
      }
    } finally {
      reader.close();
    }
  }
  return pairs;
}

export async function embedCorpus(dir: string, kind: EmbeddedText): Promise<void> {
  const { loadEmbeddingModel } = await import("@/lib/embeddings/runtime");
  const { textForEmbedding } = await import("@/lib/embeddings/embedder");
  const model = await loadEmbeddingModel();
  const pairs = await corpusPairs();
  const texts = pairs.map((pair) => textForEmbedding(pair.question, kind === "question+answer" ? pair.answer : ""));
  const cache = new VectorCache(vectorCacheFile(dir, model), model.dims);
  log(`${texts.length} English pairs (${kind}); ${cache.size} vectors already cached`);
  const t0 = performance.now();
  let last = t0;
  await cache.vectorsFor(
    texts,
    (batch) => model.embed(batch),
    32,
    (done) => {
      if (performance.now() - last < 60_000) return;
      last = performance.now();
      log(`embedded ${done} new texts, ${(done / ((last - t0) / 1000)).toFixed(1)}/s`);
    },
  );
  log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${cache.size} vectors cached`);
}
