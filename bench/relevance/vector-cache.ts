import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "@/lib/embeddings/embedder";

// Vectors of the benchmark's texts, kept beside the kept services (<dir>/vectors-<dims>.bin):
// embedding 64k questions with the sentence encoder takes long on this shared machine, and
// every later run (another fusion weight, the held-out report) needs the very same vectors.
// Records of sha1(text) (20 bytes) + dims float32, appended as they are computed, so an
// interrupted run resumes. A text not in the cache is embedded and added.

export class VectorCache {
  private readonly vectors = new Map<string, Float32Array | null>();

  constructor(
    private readonly file: string,
    private readonly dims: number,
  ) {
    if (!existsSync(file)) return;
    const bytes = readFileSync(file);
    const record = 20 + dims * 4;
    const whole = bytes.length - (bytes.length % record); // a torn last record is dropped
    for (let at = 0; at < whole; at += record) {
      const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at + 20, bytes.byteOffset + at + record));
      this.vectors.set(bytes.subarray(at, at + 20).toString("hex"), floats.every((v) => v === 0) ? null : floats);
    }
  }

  get size(): number {
    return this.vectors.size;
  }

  /** The cached vector of a text: undefined when it was never embedded. */
  peek(text: string): Float32Array | null | undefined {
    return this.vectors.get(createHash("sha1").update(text).digest("hex"));
  }

  /** Vectors for these texts, embedding (batch by batch) and appending those not cached yet. */
  async vectorsFor(texts: string[], embed: (texts: string[]) => Promise<(Float32Array | null)[]>, batch = 32, progress?: (done: number) => void): Promise<(Float32Array | null)[]> {
    const keys = texts.map((text) => createHash("sha1").update(text).digest("hex"));
    const missing = [...new Set(keys.map((key, i) => (this.vectors.has(key) ? -1 : i)).filter((i) => i >= 0))];
    const seen = new Set<string>();
    const todo = missing.filter((i) => !seen.has(keys[i]) && seen.add(keys[i]));
    for (let start = 0; start < todo.length; start += batch) {
      const slice = todo.slice(start, start + batch);
      const vectors = await embed(slice.map((i) => texts[i]));
      const chunks = slice.map((i, k) => {
        this.vectors.set(keys[i], vectors[k]);
        return Buffer.concat([Buffer.from(keys[i], "hex"), Buffer.from((vectors[k] ?? new Float32Array(this.dims)).buffer)]);
      });
      appendFileSync(this.file, Buffer.concat(chunks));
      progress?.(start + slice.length);
    }
    return keys.map((key) => this.vectors.get(key) ?? null);
  }
}

/**
 * The cache of one model's vectors: the sentence encoder's keeps its first name (vectors-512.bin,
 * filled by --embed-corpus), any other model (a static table) gets its own file, so two models of
 * the same width never read each other's vectors.
 */
export function vectorCacheFile(dir: string, model: Embedder): string {
  return path.resolve(dir, model.id.startsWith("encoder:") ? `vectors-${model.dims}.bin` : `vectors-${model.id.replace(":", "-")}.bin`);
}
