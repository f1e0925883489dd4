import { readFileSync } from "node:fs";
import { env } from "@/lib/env";
import type { LoadedModel } from "./embed";
import { decodeModel, defaultModelPath, unreadableModel, type ModelHeader } from "./model-file";

// The model this process searches and indexes with, loaded once. PRESSROOM_SEARCH_MODE=keyword
// runs without one; in hybrid mode a missing or corrupt model file is an error naming the path
// (thrown by the first caller: startup checks, reindex, a search), never a silent fallback.

export const EMBEDDER_NAME = "pressroom";

let loaded: (LoadedModel & { header: ModelHeader }) | null | undefined;

export function activeEmbedder(): (LoadedModel & { header: ModelHeader }) | null {
  if (loaded !== undefined) return loaded;
  if (env().PRESSROOM_SEARCH_MODE === "keyword") return (loaded = null);
  const file = defaultModelPath();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadableModel(file, error);
  }
  loaded = decodeModel(bytes, file);
  return loaded;
}

/** Uses this model from now on (the relevance benchmark, right after training one). */
export function activateEmbedder(model: LoadedModel & { header: ModelHeader }): void {
  loaded = model;
}

/** Forgets the loaded model (after training a new one, and in tests). */
export function resetEmbedder(): void {
  loaded = undefined;
}
