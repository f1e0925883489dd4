import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withIndex } from "@/lib/embeddings/embed";
import { archiveEmbedder, type Embedder } from "@/lib/embeddings/embedder";
import { useTestServices, type TestServices } from "../support/services";

// The stored-vectors cache (lib/embeddings/stored-vectors.ts) over more texts than one write
// statement or one lookup takes, on a real Postgres: every text is kept once, read back
// bit-for-bit, a second call runs the model only on texts it has not seen, and a kept vector of
// the wrong shape is recomputed rather than trusted. The model is a small real word table.

let services: TestServices;
beforeAll(async () => {
  services = await useTestServices();
});
afterAll(async () => {
  await services?.cleanup();
});

const WORDS = ["budget", "bridge", "report", "inspector", "tariff", "pipeline"];
const DIMS = 8;

function wordTable(): Embedder {
  const vectors = Float32Array.from({ length: WORDS.length * DIMS }, (_, i) => Math.sin(i * 1.7) + (i % DIMS === 0 ? 0.3 : 0));
  const model = withIndex({ dims: DIMS, words: WORDS, weights: Float32Array.from(WORDS, (_, i) => 1 / (i + 1)), vectors, principal: new Float32Array(DIMS) });
  return archiveEmbedder(model, "test table", "table:chunks-test");
}

/** The model, recording every batch it is asked to embed. */
function recording(model: Embedder): Embedder & { batches: string[][] } {
  const batches: string[][] = [];
  return { ...model, batches, embed: (texts) => (batches.push(texts), model.embed(texts)) };
}

/** 2,600 distinct texts (more than one lookup and several writes), some the table cannot read. */
const texts = Array.from({ length: 2_600 }, (_, i) => (i % 13 === 0 ? `zzz unknown ${i}` : `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} question ${i}`));

describe("stored vectors in chunks", () => {
  it("keeps every distinct text once and answers each text, duplicates and empty ones included", async () => {
    const { storedEmbed } = await import("@/lib/embeddings/stored-vectors");
    const { db } = await import("@/lib/db/client");
    const model = recording(wordTable());
    const asked = [...texts, "", texts[5], texts[13]];
    const first = await storedEmbed(model, asked);
    expect(first).toMatchObject({ reused: 0, computed: texts.length });
    expect(model.batches.flat().sort()).toEqual([...texts].sort());
    expect(Math.max(...model.batches.map((b) => b.length))).toBeLessThanOrEqual(32);
    const direct = await wordTable().embed(asked);
    expect(first.vectors.map((v) => (v ? Array.from(v) : null))).toEqual(direct.map((v) => (v ? Array.from(v) : null)));
    expect(first.vectors[texts.length]).toBeNull();
    expect(first.vectors[13]).toBeNull();

    const rows = await db().$queryRawUnsafe<{ kept: number; empty: number }[]>(
      `SELECT count(*)::int AS kept, count(*) FILTER (WHERE length(vector) = 0)::int AS empty FROM "EmbeddingVector" WHERE model = $1`,
      model.id,
    );
    expect(rows[0]).toEqual({ kept: texts.length, empty: texts.filter((t) => t.startsWith("zzz")).length });
  });

  it("reads kept vectors back exactly and runs the model only on new texts", async () => {
    const { storedEmbed } = await import("@/lib/embeddings/stored-vectors");
    const model = recording(wordTable());
    const added = ["budget report for the bridge", "pipeline tariff"];
    const again = await storedEmbed(model, [...added, ...texts]);
    expect(again).toMatchObject({ reused: texts.length, computed: 2 });
    expect(model.batches).toEqual([added]);
    const direct = await wordTable().embed([...added, ...texts]);
    expect(again.vectors.map((v) => (v ? Array.from(v) : null))).toEqual(direct.map((v) => (v ? Array.from(v) : null)));
  });

  it("recomputes a kept vector of another shape instead of serving it", async () => {
    const { storedEmbed, textHash } = await import("@/lib/embeddings/stored-vectors");
    const { db } = await import("@/lib/db/client");
    const model = recording(wordTable());
    await db().$executeRawUnsafe(`UPDATE "EmbeddingVector" SET vector = '\\x00010203'::bytea WHERE model = $1 AND "textHash" = $2`, model.id, new Uint8Array(textHash(texts[1])));
    const answer = await storedEmbed(model, [texts[1], texts[2]]);
    expect(answer).toMatchObject({ reused: 1, computed: 1 });
    expect(model.batches).toEqual([[texts[1]]]);
    expect(Array.from(answer.vectors[0]!)).toEqual(Array.from((await wordTable().embed([texts[1]]))[0]!));
  });
});
