// `npm run search:reindex`: rebuilds the search index from Postgres into a fresh index and
// swaps it in atomically; search keeps answering from the old index meanwhile.
import { reindexAll } from "@/lib/search/reindex";
import { db } from "@/lib/db/client";
import { servicesOrExit } from "@/lib/dev-services/cli-services";

await servicesOrExit(["database", "search"], "search:reindex");

const started = Date.now();
let lastPrinted = 0;
try {
  const result = await reindexAll({
    onProgress: ({ indexed, total }) => {
      if (indexed !== total && Date.now() - lastPrinted < 1000) return;
      lastPrinted = Date.now();
      const percent = total ? Math.floor((indexed / total) * 100) : 100;
      console.log(`indexed ${indexed.toLocaleString("en")} / ${total.toLocaleString("en")} pairs (${percent}%)`);
    },
  });
  console.log(
    `Done: ${result.documents.toLocaleString("en")} documents built in "${result.builtIn}" and swapped into "${result.uid}" in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await db().$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`Reindex failed; the live index was left as it was.\n${(error as Error).message}`);
  await db()
    .$disconnect()
    .catch(() => {});
  process.exit(1);
}
