// `npm run search:worker`: drains the search outbox until stopped (Ctrl-C). Safe to run
// several at once, and beside the in-process worker.
import { servicesOrExit } from "@/lib/dev-services/cli-services";
import { runOutboxWorker } from "@/lib/search/worker";

await servicesOrExit(["database", "search"], "search:worker");

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("[search-worker] stopping after the current batch…");
    controller.abort();
  });
}
console.log("[search-worker] draining the search outbox; Ctrl-C stops");
await runOutboxWorker({ signal: controller.signal });
const { db } = await import("@/lib/db/client");
await db().$disconnect();
process.exit(0);
