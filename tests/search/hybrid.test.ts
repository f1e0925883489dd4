import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseBriefing, englishBriefing, laterBriefing, withIndexedArchive } from "./fixtures";

// Hybrid mode end to end: a model trained on the fixtures' own words, the index declaring the
// userProvided embedder, documents carrying their vectors, and a description-length query
// sending the semantic list to the real Meilisearch.

const dir = mkdtemp(path.join(os.tmpdir(), "pressroom-hybrid-"));
beforeAll(async () => {
  const file = path.join(await dir, "embeddings.bin");
  const { trainEmbeddings } = await import("@/lib/embeddings/train");
  const { writeModelFile } = await import("@/lib/embeddings/model-file");
  const texts = [englishBriefing, laterBriefing, chineseBriefing].flatMap((c) => c.pairs.map((p) => `${p.question.text}\n\n${p.answers.map((a) => a.text).join("\n\n")}`));
  await writeModelFile(trainEmbeddings(texts, { dims: 4, minCount: 1, oversample: 2 }), texts.length, file);
  Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: file });
});
afterAll(async () => rm(await dir, { recursive: true, force: true }));
const archive = withIndexedArchive(englishBriefing, laterBriefing, chineseBriefing);

describe("hybrid search", () => {
  it("declares the embedder and gives every pair its vector", async () => {
    const { meili, liveIndexUid } = await import("@/lib/search/client");
    const index = meili().index(liveIndexUid());
    expect((await index.getSettings()).embedders).toEqual({ pressroom: expect.objectContaining({ source: "userProvided", dimensions: 4 }) });
    const page = await index.getDocuments({ limit: 50, retrieveVectors: true, fields: ["id", "_vectors"] });
    expect(page.results.length).toBeGreaterThan(0);
    for (const doc of page.results) expect((doc._vectors as { pressroom: { embeddings: number[][] } }).pressroom.embeddings[0]).toHaveLength(4);
  });

  it("sends the semantic list for a description-length query and still finds the described pair", async () => {
    expect(archive.services).toBeDefined();
    const { searchPairs } = await import("@/lib/search/query");
    const { searchParamsSchema } = await import("@/lib/search/params");
    const { semanticQuery } = await import("@/lib/search/semantic");
    const q = "when is the new plant that turns sea water into drinking water going to open in the north";
    // The query is long enough and the model knows its words: the request carries the semantic list.
    expect(semanticQuery(q)?.request.hybrid).toEqual({ embedder: "pressroom", semanticRatio: 1 });
    const results = await searchPairs(searchParamsSchema.parse({ q }));
    expect(results.hits.map((h) => h.sourceId)).toContain("en-1");
  });
});
