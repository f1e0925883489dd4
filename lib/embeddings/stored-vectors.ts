import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Embedder } from "./embedder";

// Vectors computed once, read many times. Embedding every English pair with the sentence
// encoder costs tens of CPU minutes; a reindex, a blue-green rebuild, a re-import or a second
// Meilisearch target sees the same texts again. Each vector is kept in Postgres
// ("EmbeddingVector"), keyed by the model's identity (Embedder.id, a hash of its files) and the
// SHA-256 of the exact text embedded, so the model only runs on text it has not seen. A changed
// question is a new text; a changed model a new id: neither can be served a stale vector.
// Postgres stays the source of truth and this table is only a cache of what the model computes
// from it: rows can be deleted at any time, at the price of computing them again.
//
// Reads and writes are one statement per chunk of texts (bytea arrays, unnest), not one row
// per text through the ORM: the first hybrid import keeps 64k vectors, and Prisma's createMany
// of 32 rows at a time took 35 s of it (bench/results/import-vector-step.json).

/** Texts looked up per query (a bounded array); written per statement; per model call (the sentence encoder's memory grows with its batch). */
const LOOKUP_CHUNK = 2_000;
const WRITE_CHUNK = 500;
const EMBED_BATCH = 32;

export function textHash(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** float32, little-endian: exactly the vector the model returned. */
export function vectorBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i], true);
  return bytes;
}

/** The kept vector; null for "the model has nothing to say" (kept as no bytes); undefined for another shape (recomputed, not trusted). */
export function bytesVector(bytes: Uint8Array, dims: number): Float32Array | null | undefined {
  if (bytes.length === 0) return null;
  if (bytes.length !== dims * 4) return undefined;
  // A DataView reads at any offset (a driver's Buffer slice need not be 4-byte aligned) and in either byte order.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(dims);
  for (let i = 0; i < dims; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

export interface StoredEmbedding {
  vectors: (Float32Array | null)[];
  /** How many distinct texts were read from Postgres and how many the model computed now. */
  reused: number;
  computed: number;
}

/** The kept vectors of these texts' hashes under this model, by hash (hex). */
async function readStored(model: Embedder, hashes: Buffer[]): Promise<Map<string, Float32Array | null>> {
  const found = new Map<string, Float32Array | null>();
  for (let at = 0; at < hashes.length; at += LOOKUP_CHUNK) {
    const chunk = hashes.slice(at, at + LOOKUP_CHUNK).map((hash) => new Uint8Array(hash));
    const rows = await db().$queryRawUnsafe<{ textHash: Uint8Array; vector: Uint8Array }[]>(
      `SELECT "textHash", vector FROM "EmbeddingVector" WHERE model = $1 AND "textHash" = ANY($2::bytea[])`,
      model.id,
      chunk,
    );
    for (const row of rows) {
      const vector = bytesVector(row.vector, model.dims);
      if (vector !== undefined) found.set(Buffer.from(row.textHash).toString("hex"), vector);
    }
  }
  return found;
}

/** The kept vectors of these texts, read only (the model never runs): null where the text is empty or nothing is kept. */
export async function keptVectors(model: Embedder, texts: string[]): Promise<(Float32Array | null)[]> {
  const hashes = new Map<string, Buffer>();
  for (const text of texts) if (text && !hashes.has(text)) hashes.set(text, textHash(text));
  if (hashes.size === 0) return texts.map(() => null);
  const stored = await readStored(model, [...hashes.values()]);
  return texts.map((text) => (text ? (stored.get(hashes.get(text)!.toString("hex")) ?? null) : null));
}

/** Keeps computed vectors, one statement per chunk. Two writers computing the same text store the same vector; the second one is skipped. */
function keep(model: Embedder, hashes: Buffer[], vectors: (Float32Array | null)[]): Promise<number> {
  return db().$executeRawUnsafe(
    `INSERT INTO "EmbeddingVector" (model, "textHash", vector)
     SELECT $1, hash, vector FROM unnest($2::bytea[], $3::bytea[]) AS kept(hash, vector)
     ON CONFLICT DO NOTHING`,
    model.id,
    hashes.map((hash) => new Uint8Array(hash)),
    vectors.map((vector) => (vector ? new Uint8Array(vectorBytes(vector)) : new Uint8Array(0))),
  );
}

/**
 * The model's vectors for these texts: read from Postgres where kept, computed (and kept) where
 * not. Empty texts get null without asking anyone. A null answer (a text the model cannot read,
 * e.g. Chinese for the English encoder) is kept too, as an empty vector.
 */
export async function storedEmbed(model: Embedder, texts: string[]): Promise<StoredEmbedding> {
  const distinct = new Map<string, Buffer>();
  for (const text of texts) if (text && !distinct.has(text)) distinct.set(text, textHash(text));
  const stored = await readStored(model, [...distinct.values()]);
  const vectorOf = new Map<string, Float32Array | null>();
  const missing: [string, Buffer][] = [];
  for (const [text, hash] of distinct) {
    const vector = stored.get(hash.toString("hex"));
    if (vector === undefined) missing.push([text, hash]);
    else vectorOf.set(text, vector);
  }
  // Each chunk's write runs while the next chunk is embedded; kept chunk by chunk, so an
  // interrupted first import keeps what it computed.
  const writes: Promise<number>[] = [];
  try {
    for (let at = 0; at < missing.length; at += WRITE_CHUNK) {
      const chunk = missing.slice(at, at + WRITE_CHUNK);
      const vectors: (Float32Array | null)[] = [];
      for (let start = 0; start < chunk.length; start += EMBED_BATCH) vectors.push(...(await model.embed(chunk.slice(start, start + EMBED_BATCH).map(([text]) => text))));
      chunk.forEach(([text], i) => vectorOf.set(text, vectors[i]));
      const write = keep(
        model,
        chunk.map(([, hash]) => hash),
        vectors,
      );
      // Awaited below; this only keeps Node from calling it unhandled meanwhile.
      write.catch(() => {});
      writes.push(write);
    }
  } finally {
    await Promise.allSettled(writes);
  }
  await Promise.all(writes);
  return {
    vectors: texts.map((text) => (text ? (vectorOf.get(text) ?? null) : null)),
    reused: distinct.size - missing.length,
    computed: missing.length,
  };
}
