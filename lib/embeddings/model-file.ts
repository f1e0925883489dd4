import { createHash } from "node:crypto";
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { withIndex, type EmbeddingModel, type LoadedModel } from "./embed";
import { DISTILL_REMEDY } from "./static-table";

// The model on disk: "PRESSROOM-EMB1\n", a 4-byte little-endian header length, a JSON header
// (dims, words, when and from how many pairs it was trained), then float32 little-endian:
// weights (one per word), principal (dims), vectors (words × dims). A file that does not
// match exactly is refused with a message naming it: search must not run on garbage vectors.

const MAGIC = "PRESSROOM-EMB1\n";

const headerSchema = z.object({
  dims: z.number().int().min(1).max(4096),
  words: z.array(z.string().min(1)).min(1).max(65_535),
  trainedAt: z.string(),
  pairs: z.number().int().min(0),
  /** The sentence encoder a static table was distilled from (distill.ts); absent for archive-trained vectors. */
  distilledFrom: z.string().optional(),
  /** Subtracted from every unit text vector (embed.ts EmbeddingModel.center); absent in older files. */
  center: z.array(z.number()).optional(),
});
export type ModelHeader = z.infer<typeof headerSchema>;

export class EmbeddingModelError extends Error {}

/** Where `npm run search:train-embeddings` writes: PRESSROOM_EMBEDDING_MODEL when it names a .bin file, else .data/embeddings.bin. */
export function defaultModelPath(): string {
  const chosen = process.env.PRESSROOM_EMBEDDING_MODEL;
  return path.resolve(chosen?.endsWith(".bin") ? chosen : path.join(process.env.PRESSROOM_DATA_DIR ?? ".data", "embeddings.bin"));
}

const TRAIN_REMEDY = "Run `npm run search:train-embeddings`";

/**
 * How to make the file again: the caller's `remedy` when it knows (PRESSROOM_EMBEDDING_MODEL=static
 * names the distilled table's place), else what the header says it is: a table distilled from an
 * encoder is distilled again, archive vectors are trained again. Before the header is read
 * (missing file, foreign bytes) there is nothing to go by but the caller's word or training.
 */
function remedyFor(remedy: string | undefined, header?: unknown): string {
  if (remedy) return remedy;
  const distilledFrom = (header as { distilledFrom?: unknown } | undefined)?.distilledFrom;
  return typeof distilledFrom === "string" && distilledFrom ? DISTILL_REMEDY : TRAIN_REMEDY;
}

export function encodeModel(model: EmbeddingModel, pairs: number, distilledFrom?: string): Buffer {
  const center = model.center ? Array.from(model.center) : undefined;
  const header = Buffer.from(JSON.stringify({ dims: model.dims, words: model.words, trainedAt: new Date().toISOString(), pairs, distilledFrom, center } satisfies ModelHeader));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const floats = new Float32Array(model.words.length + model.dims + model.vectors.length);
  floats.set(model.weights, 0);
  floats.set(model.principal, model.words.length);
  floats.set(model.vectors, model.words.length + model.dims);
  return Buffer.concat([Buffer.from(MAGIC), length, header, Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength)]);
}

/** `remedy` says how to make the file again (train or distil), first words of the message's advice; unset: by the header (remedyFor). */
export function decodeModel(bytes: Buffer, where: string, remedy?: string): LoadedModel & { header: ModelHeader } {
  let json: unknown;
  const fail = (why: string): never => {
    throw new EmbeddingModelError(`The embedding model at ${where} is unusable (${why}). ${remedyFor(remedy, json)}, or set PRESSROOM_SEARCH_MODE=keyword to search without it.`);
  };
  if (bytes.length < MAGIC.length + 4 || bytes.subarray(0, MAGIC.length).toString() !== MAGIC) fail("not a Pressroom embedding model");
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) fail("truncated header");
  try {
    json = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString());
  } catch {
    fail("header is not JSON");
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) return fail(`bad header: ${parsed.error.issues[0].message}`);
  const header = parsed.data;
  if (header.center && header.center.length !== header.dims) fail(`center has ${header.center.length} numbers, not ${header.dims}`);
  const count = header.words.length + header.dims + header.words.length * header.dims;
  if (bytes.length - headerEnd !== count * 4) fail(`expected ${count * 4} bytes of numbers, found ${bytes.length - headerEnd}`);
  const floats = new Float32Array(count);
  Buffer.from(floats.buffer).set(bytes.subarray(headerEnd));
  for (let i = 0; i < count; i++) if (!Number.isFinite(floats[i])) fail("non-finite number");
  const model: EmbeddingModel = {
    dims: header.dims,
    words: header.words,
    weights: floats.subarray(0, header.words.length),
    principal: floats.subarray(header.words.length, header.words.length + header.dims),
    vectors: floats.subarray(header.words.length + header.dims),
    ...(header.center ? { center: Float32Array.from(header.center) } : {}),
  };
  return { ...withIndex(model), header };
}

export async function writeModelFile(model: EmbeddingModel, pairs: number, file = defaultModelPath(), distilledFrom?: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename: a running server never reads a half-written model.
  await writeFile(`${file}.tmp`, encodeModel(model, pairs, distilledFrom));
  await rename(`${file}.tmp`, file);
  return file;
}

/** The error for a model file that cannot be read at all (missing, no permission). */
export function unreadableModel(file: string, error: unknown, remedy?: string): EmbeddingModelError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new EmbeddingModelError(`The embedding model at ${file} cannot be read (${code}). ${remedyFor(remedy)}, or set PRESSROOM_SEARCH_MODE=keyword to search without it.`);
}

/** The decoded model, and `id`: a hash of the file (stored vectors are kept per model id). */
export async function readModelFile(file = defaultModelPath(), remedy?: string): Promise<LoadedModel & { header: ModelHeader; id: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadableModel(file, error, remedy);
  }
  const decoded = decodeModel(bytes, file, remedy);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  return { ...decoded, id: `${decoded.header.distilledFrom ? "static" : "archive"}:${hash}` };
}
