// `npm run embeddings:distill`: distils the packaged sentence encoder (use-lite) into a static
// word table over the archive's words (lib/embeddings/distill.ts) and writes it where
// PRESSROOM_EMBEDDING_MODEL=static reads it (<PRESSROOM_DATA_DIR or .data>/embeddings-static.bin).
// Run `npm run search:reindex` afterwards so every pair carries a vector from the new table.
import { distillFromArchive } from "@/lib/embeddings/archive";
import { db } from "@/lib/db/client";
import { servicesOrExit } from "@/lib/dev-services/cli-services";

await servicesOrExit(["database"], "embeddings:distill");
const started = Date.now();
let reported = 0;
try {
  const result = await distillFromArchive(undefined, {}, (done, total) => {
    if (Date.now() - reported < 10_000) return;
    reported = Date.now();
    console.log(`embedded ${done.toLocaleString("en")} of ${total.toLocaleString("en")} words`);
  });
  console.log(
    `Wrote ${result.file}: ${result.words.toLocaleString("en")} words × ${result.dims} dimensions from ${result.pairs.toLocaleString("en")} pairs, distilled from ${result.encoder}, in ${((Date.now() - started) / 1000).toFixed(0)} s. Set PRESSROOM_EMBEDDING_MODEL=static and run \`npm run search:reindex\` to give every pair its vector.`,
  );
  await db().$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`Distillation failed; no table was written.\n${(error as Error).message}`);
  await db()
    .$disconnect()
    .catch(() => {});
  process.exit(1);
}
