import path from "node:path";

// Where the static word table distilled from the sentence encoder lives (distill.ts writes it,
// `npm run embeddings:distill`), and what a missing or corrupt one tells the operator. It is
// chosen with PRESSROOM_EMBEDDING_MODEL=static; the file has the archive-trained vectors' format
// (model-file.ts) with the encoder's identity in its header.

export const STATIC_TABLE = "static";

export const DISTILL_REMEDY = "Run `npm run embeddings:distill` (it needs the imported archive in Postgres)";

export function staticTablePath(): string {
  return path.resolve(process.env.PRESSROOM_DATA_DIR ?? ".data", "embeddings-static.bin");
}

/**
 * Queries of 11+ free words: on the tune half (bench/results/relevance-merge-static-minwords-tune.json)
 * the table's list at 9+ words pushed 9- and 10-word keyword and name queries down (MRR@10 0.75),
 * at 11+ they stay at keyword-only's level with the same description gain (0.77); use-lite is
 * best at 9+ (relevance-merge-uselite-minwords-tune.json), closer to word overlap it is not.
 */
export const STATIC_TABLE_MIN_QUERY_WORDS = 11;

/**
 * A centred table's semantic list weighs 1 against the keyword rank (use-lite and raw tables:
 * 0.5), its order being the exact cosine of the raw (uncentred) vectors over the whole candidate
 * pool (lib/search/exact-semantic.ts). Tune half, centre 1 (2026-12-08, desc3,
 * bench/results/relevance-desc3-*-tune.json): exact raw order with fusion 1 gave descriptions
 * 0.29 / 0.36 against 0.25 / 0.32 for Meilisearch's approximate order with 0.75 (desc2's choice:
 * 0.5 gave 0.22 / 0.27, 1 0.22 / 0.36), every other kind at keyword-only's level.
 */
export const CENTRED_TABLE_FUSION = 1;
