// Next calls register() once when the server starts. By default the search outbox worker
// runs in the same process; set PRESSROOM_SEARCH_WORKER=off and run `npm run search:worker`
// to run it on its own (or several of them: they share the outbox safely).
// The imports stay inside register(), after the runtime check: Next also bundles this file for
// the edge runtime and drops only code it can see is unreachable there.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.DATABASE_URL) {
    // A fresh install has no editors: print a one-time link that creates the first admin (lib/auth/setup.ts).
    try {
      const [{ announceSetupLink }, { publicBaseUrl }] = await Promise.all([import("@/lib/auth/setup"), import("@/lib/env")]);
      await announceSetupLink(publicBaseUrl());
    } catch (error) {
      console.warn(`[pressroom] could not check for a first admin: ${(error as Error).message}`);
    }
  }
  if (process.env.PRESSROOM_SEARCH_MODE === "hybrid") {
    // Hybrid search: load the embedding model now, once per process. A missing or corrupt model
    // stops the server with a message naming its path (never a silent keyword-only fallback).
    const { activeEmbedder } = await import("@/lib/embeddings/runtime");
    try {
      const model = await activeEmbedder();
      console.info(`[pressroom] hybrid search with ${model?.description}`);
    } catch (error) {
      console.error(`[pressroom] ${(error as Error).message}`);
      process.exit(1);
    }
  }
  if (process.env.MEILI_TARGETS) {
    // Several search instances: queries go to one that answers and is caught up.
    const { startSearchReadRouting } = await import("@/lib/search/read-routing");
    startSearchReadRouting();
  }
  if (process.env.DATABASE_URL) {
    // /api/ready answers from a verdict refreshed here once a second (cheap for the load balancer).
    const { startReadinessWatch } = await import("@/lib/health/readiness-watch");
    startReadinessWatch();
  }
  if (!process.env.DATABASE_URL || !process.env.MEILI_HOST) {
    console.warn("[workers] search and alerts workers not started: DATABASE_URL or MEILI_HOST is not set");
    return;
  }
  // The spelling vocabulary is a Postgres table shared by every process: built now if it never
  // was (an archive imported before it existed), not on the first query.
  void import("@/lib/search/spelling-source").then(({ ensureSpellingWords }) =>
    ensureSpellingWords().catch((error: Error) => console.warn(`[search] spelling vocabulary not built: ${error.message}`)),
  );
  if (process.env.PRESSROOM_SEARCH_WORKER !== "off") {
    const { startInProcessSearchWorker } = await import("@/lib/search/in-process");
    startInProcessSearchWorker();
  }
  // The alerts worker (lib/alerts) the same way: PRESSROOM_ALERTS_WORKER=off and `npm run alerts:worker`.
  if (process.env.PRESSROOM_ALERTS_WORKER !== "off") {
    const { startInProcessAlertsWorker } = await import("@/lib/alerts/in-process");
    startInProcessAlertsWorker();
  }
}
