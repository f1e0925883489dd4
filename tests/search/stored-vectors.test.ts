import { describe, expect, it } from "vitest";
import type { Embedder } from "@/lib/embeddings/embedder";
import { chineseBriefing, englishBriefing, withIndexedArchive } from "./fixtures";

// Vectors kept in Postgres (lib/embeddings/stored-vectors.ts), with the packaged sentence
// encoder on a real Postgres and Meilisearch: indexing keeps each English question's vector,
// a reindex reads them back instead of running the model, and another model (another id)
// computes its own.

Object.assign(process.env, { PRESSROOM_SEARCH_MODE: "hybrid" });
delete process.env.PRESSROOM_EMBEDDING_MODEL;

const archive = withIndexedArchive(englishBriefing, chineseBriefing);

/** The real model, counting the texts it is asked to embed. */
function counting(model: Embedder, id = model.id): Embedder & { texts: string[] } {
  const texts: string[] = [];
  return { ...model, id, texts, embed: (batch) => (texts.push(...batch), model.embed(batch)) };
}

async function storedRows() {
  const { db } = await import("@/lib/db/client");
  return db().embeddingVector.findMany({ orderBy: { createdAt: "asc" } });
}

async function indexedVector(sourceId: string): Promise<number[] | undefined> {
  const { meili, liveIndexUid } = await import("@/lib/search/client");
  const page = await meili()
    .index(liveIndexUid())
    .getDocuments<{ sourceId: string; _vectors: { pressroom: { embeddings: number[][] } } }>({ limit: 50, retrieveVectors: true, fields: ["sourceId", "_vectors"] });
  return page.results.find((d) => d.sourceId === sourceId)?._vectors.pressroom.embeddings[0];
}

describe("vectors kept in Postgres", () => {
  it("keeps one vector per English question under the model's id, and an empty one for Chinese", async () => {
    expect(archive.services).toBeDefined();
    const { activeEmbedder } = await import("@/lib/embeddings/runtime");
    const model = (await activeEmbedder())!;
    expect(model.id).toMatch(/^encoder:[0-9a-f]{32}$/);
    const rows = await storedRows();
    expect(new Set(rows.map((row) => row.model))).toEqual(new Set([model.id]));
    expect(rows.filter((row) => row.vector.length === model.dims * 4)).toHaveLength(englishBriefing.pairs.length);
    // The encoder cannot read Chinese: its "nothing to say" is kept too, so a reindex does not ask again.
    expect(rows.filter((row) => row.vector.length === 0)).toHaveLength(chineseBriefing.pairs.length);
    expect(rows).toHaveLength(englishBriefing.pairs.length + chineseBriefing.pairs.length);
  });

  it("reindexes from the kept vectors without running the model", async () => {
    const { activeEmbedder, activateEmbedder } = await import("@/lib/embeddings/runtime");
    const { bytesVector, textHash } = await import("@/lib/embeddings/stored-vectors");
    const { questionForEmbedding } = await import("@/lib/embeddings/embedder");
    const { db } = await import("@/lib/db/client");
    const { reindexAll } = await import("@/lib/search/reindex");
    const model = (await activeEmbedder())!;
    const watched = counting(model);
    activateEmbedder(watched);
    try {
      // Proof that the index is fed from Postgres: swap the kept vectors of two questions.
      const [plant, price] = englishBriefing.pairs.map((pair) => textHash(questionForEmbedding(pair.question.text)));
      const row = (hash: Buffer) => db().embeddingVector.findUniqueOrThrow({ where: { model_textHash: { model: model.id, textHash: new Uint8Array(hash) } } });
      const [plantRow, priceRow] = [await row(plant), await row(price)];
      await db().embeddingVector.update({ where: { model_textHash: { model: model.id, textHash: plantRow.textHash } }, data: { vector: priceRow.vector } });

      await reindexAll();
      expect(watched.texts).toEqual([]);
      const indexed = await indexedVector("en-1");
      const priceVector = Array.from(bytesVector(priceRow.vector, model.dims)!);
      expect(indexed).toHaveLength(model.dims);
      indexed!.forEach((value, i) => expect(value).toBeCloseTo(priceVector[i], 5));
      await db().embeddingVector.update({ where: { model_textHash: { model: model.id, textHash: plantRow.textHash } }, data: { vector: plantRow.vector } });
    } finally {
      activateEmbedder(model);
    }
  });

  it("computes and keeps vectors afresh for another model, only for texts it has not seen", async () => {
    const { activeEmbedder } = await import("@/lib/embeddings/runtime");
    const { storedEmbed } = await import("@/lib/embeddings/stored-vectors");
    const model = (await activeEmbedder())!;
    const other = counting(model, "encoder:another-version");
    const texts = ["Who pays for the new pipeline?", "", "Who pays for the new pipeline?", "请问中方对此有何评论？"];
    const first = await storedEmbed(other, texts);
    expect(other.texts).toEqual(["Who pays for the new pipeline?", "请问中方对此有何评论？"]);
    expect(first).toMatchObject({ reused: 0, computed: 2 });
    expect(first.vectors.map((v) => v?.length ?? null)).toEqual([512, null, 512, null]);

    const again = await storedEmbed(other, [...texts, "Is the pipeline late?"]);
    expect(other.texts.slice(2)).toEqual(["Is the pipeline late?"]);
    expect(again).toMatchObject({ reused: 2, computed: 1 });
    expect(Array.from(again.vectors[0]!)).toEqual(Array.from(first.vectors[0]!));
    expect(again.vectors.map((v) => v?.length ?? null)).toEqual([512, null, 512, null, 512]);
    expect((await storedRows()).filter((row) => row.model === other.id)).toHaveLength(3);
  });
});
