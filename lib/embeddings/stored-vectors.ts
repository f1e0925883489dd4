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

/** Texts looked up per query (a bounded IN list) and embedded per model call. */
const LOOKUP_CHUNK = 1_000;
const EMBED_BATCH = 32;

export function textHash(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** float32, little-endian: exactly the vector the model returned. */
export function vectorBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes;
}

/** The kept vector; null for "the model has nothing to say" (kept as no bytes); undefined for another shape (recomputed, not trusted). */
export function bytesVector(bytes: Uint8Array, dims: number): Float32Array | null | undefined {
  if (bytes.length === 0) return null;
  if (bytes.length !== dims * 4) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: dims }, (_, i) => view.readFloatLE(i * 4));
}

export interface StoredEmbedding {
  vectors: (Float32Array | null)[];
  /** How many distinct texts were read from Postgres and how many the model computed now. */
  reused: number;
  computed: number;
}

/**
 * The model's vectors for these texts: read from Postgres where kept, computed (and kept) where
 * not. Empty texts get null without asking anyone. A null answer (a text the model cannot read,
 * e.g. Chinese for the English encoder) is kept too, as an empty vector.
 */
export async function storedEmbed(model: Embedder, texts: string[]): Promise<StoredEmbedding> {
  const distinct = new Map<string, Buffer>();
  for (const text of texts) if (text && !distinct.has(text)) distinct.set(text, textHash(text));
  const found = new Map<string, Float32Array | null>();
  const entries = [...distinct.entries()];
  const byHash = new Map(entries.map(([text, hash]) => [hash.toString("hex"), text]));
  for (let at = 0; at < entries.length; at += LOOKUP_CHUNK) {
    const hashes = entries.slice(at, at + LOOKUP_CHUNK).map(([, hash]) => new Uint8Array(hash));
    const rows = await db().embeddingVector.findMany({ where: { model: model.id, textHash: { in: hashes } }, select: { textHash: true, vector: true } });
    for (const row of rows) {
      const text = byHash.get(Buffer.from(row.textHash).toString("hex"));
      const vector = bytesVector(row.vector, model.dims);
      if (text !== undefined && vector !== undefined) found.set(text, vector);
    }
  }
  const reused = found.size;
  const missing = entries.filter(([text]) => !found.has(text));
  const computed = new Map<string, Float32Array | null>();
  for (let at = 0; at < missing.length; at += EMBED_BATCH) {
    const batch = missing.slice(at, at + EMBED_BATCH);
    const vectors = await model.embed(batch.map(([text]) => text));
    const rows = batch.map(([text, hash], i) => {
      computed.set(text, vectors[i]);
      return { model: model.id, textHash: new Uint8Array(hash), vector: vectors[i] ? new Uint8Array(vectorBytes(vectors[i]!)) : new Uint8Array(0) };
    });
    // Kept batch by batch: an interrupted first import keeps what it computed. Two writers
    // computing the same text store the same vector; the second one is skipped.
    await db().embeddingVector.createMany({ data: rows, skipDuplicates: true });
  }
  return {
    vectors: texts.map((text) => (text ? (found.has(text) ? found.get(text)! : (computed.get(text) ?? null)) : null)),
    reused,
    computed: missing.length,
  };
}
