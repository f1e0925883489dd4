// `npm run search:train-embeddings`: learns word vectors from the archive's own questions and
// answers (lib/embeddings) and writes the model (PRESSROOM_EMBEDDING_MODEL, default
// .data/embeddings.bin). Run `npm run search:reindex` afterwards so every pair carries its vector.
import { trainFromArchive } from "@/lib/embeddings/archive";
import { db } from "@/lib/db/client";
import { servicesOrExit } from "@/lib/dev-services/cli-services";

await servicesOrExit(["database"], "search:train-embeddings");
const started = Date.now();
try {
  const result = await trainFromArchive();
  console.log(
    `Wrote ${result.file}: ${result.words.toLocaleString("en")} words × ${result.dims} dimensions from ${result.pairs.toLocaleString("en")} pairs in ${((Date.now() - started) / 1000).toFixed(0)} s. Run \`npm run search:reindex\` to give every pair its vector.`,
  );
  await db().$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`Training failed; no model was written.\n${(error as Error).message}`);
  await db()
    .$disconnect()
    .catch(() => {});
  process.exit(1);
}
