// `npm run alerts:worker`: matches new pairs against followed searches and sends alerts
// until stopped (Ctrl-C). Safe beside the in-process worker and other copies of itself.
import { servicesOrExit } from "@/lib/dev-services/cli-services";
import { runAlertsWorker } from "@/lib/alerts/worker";

await servicesOrExit(["database", "search"], "alerts:worker");

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("[alerts-worker] stopping after the current step…");
    controller.abort();
  });
}
console.log("[alerts-worker] matching and sending alerts; Ctrl-C stops");
await runAlertsWorker({ signal: controller.signal });
const { db } = await import("@/lib/db/client");
await db().$disconnect();
process.exit(0);
