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
