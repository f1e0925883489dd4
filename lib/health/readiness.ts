import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { liveIndexUid, withMeiliHost } from "@/lib/search/client";
import { checkIndexSettings } from "@/lib/search/index-setup";
import { readRoutingState } from "@/lib/search/read-routing";
import { outboxBacklog } from "@/lib/search/worker";

// Readiness (GET /api/ready): can this instance serve everything right now? Postgres answers,
// Meilisearch answers, the live index has the declared settings, and the search outbox is not
// far behind. Liveness (/api/health) is separate and checks nothing, so a slow dependency
// makes an instance "not ready" without getting it restarted.

export interface ReadinessReport {
  ready: boolean;
  checks: {
    postgres: { ok: boolean; error?: string };
    search: { ok: boolean; error?: string };
    indexSettings: { ok: boolean; index: string; drift?: string[]; error?: string };
    outbox: { ok: boolean; pending?: number; lagSeconds?: number; caughtUp?: boolean; error?: string };
  };
}

const MAX_OUTBOX_LAG_SECONDS = 300;
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * The live index exists with the declared settings. A recent good verdict for the same index
 * (readiness-watch.ts rechecks settings every 30 s) is reused instead of asking Meilisearch.
 */
async function settingsReadiness(
  index: string,
  check: () => ReturnType<typeof checkIndexSettings>,
  recent?: ReadinessReport["checks"]["indexSettings"],
): Promise<ReadinessReport["checks"]["indexSettings"]> {
  if (recent?.ok && recent.index === index) return recent;
  return within(check(), 5000).then(
    (result) =>
      !result.exists
        ? { ok: false, index, error: "the index does not exist yet" }
        : { ok: result.drift.length === 0, index, ...(result.drift.length ? { drift: result.drift.map((d) => d.path) } : {}) },
    (error) => ({ ok: false, index, error: message(error) }),
  );
}

export interface ReadinessOptions {
  /** Runs the checks' SQL; default the app's pool (readiness-watch.ts passes its own connection). */
  query?: (sql: string) => Promise<unknown[]>;
  /** A recent good settings verdict to reuse instead of fetching the index settings again. */
  recentSettings?: ReadinessReport["checks"]["indexSettings"];
}

const pingPostgres = (ping: () => Promise<unknown>) =>
  within(ping(), 3000).then(
    () => ({ ok: true }),
    (error) => ({ ok: false, error: message(error) }),
  );

export async function checkReadiness(options: ReadinessOptions = {}): Promise<ReadinessReport> {
  const query = options.query ?? ((sql: string) => db().$queryRawUnsafe<unknown[]>(sql));
  const ping = () => query("SELECT 1");
  const routing = readRoutingState();
  if (routing) return checkClusterReadiness(routing, ping, options.recentSettings);
  const index = liveIndexUid();
  const [postgres, search] = await Promise.all([
    pingPostgres(ping),
    within(fetch(`${process.env.MEILI_HOST ?? env().MEILI_HOST}/health`, { signal: AbortSignal.timeout(3000) }), 3000).then(
      (response) => (response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` }),
      (error) => ({ ok: false, error: message(error) }),
    ),
  ]);
  const indexSettings = search.ok
    ? await settingsReadiness(index, () => checkIndexSettings(index), options.recentSettings)
    : { ok: false, index, error: "search is not answering" };
  const outbox: ReadinessReport["checks"]["outbox"] = postgres.ok
    ? await within(outboxBacklog(query as Parameters<typeof outboxBacklog>[0]), 3000).then(
        (backlog) => {
          const lagSeconds = backlog.oldestPendingAt ? Math.max(0, Math.round((Date.now() - backlog.oldestPendingAt.getTime()) / 1000)) : 0;
          return { ok: lagSeconds <= MAX_OUTBOX_LAG_SECONDS, pending: backlog.pending, lagSeconds };
        },
        (error) => ({ ok: false, error: message(error) }),
      )
    : { ok: false, error: "postgres is not answering" };
  const checks = { postgres, search, indexSettings, outbox };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

/**
 * With several search instances (MEILI_TARGETS): ready when Postgres answers and queries have
 * an instance that answers (read-routing.ts checks them every second, preferring one caught up
 * with the outbox) and is not more than MAX_OUTBOX_LAG_SECONDS behind. One dead or lagging
 * instance does not make the web servers unready.
 */
async function checkClusterReadiness(
  routing: NonNullable<ReturnType<typeof readRoutingState>>,
  ping: () => Promise<unknown>,
  recentSettings: ReadinessOptions["recentSettings"],
): Promise<ReadinessReport> {
  const index = liveIndexUid();
  const postgres = await pingPostgres(ping);
  const chosen = routing.instances.find((instance) => instance.host === routing.chosen);
  const search = chosen ? { ok: true } : { ok: false, error: routing.checkedAt ? "no search instance answers" : "search instances not checked yet" };
  // Every instance gets the same settings from the worker, so a recent good verdict holds for the chosen one too.
  const indexSettings = chosen
    ? await settingsReadiness(index, () => withMeiliHost(chosen.host, () => checkIndexSettings(index)), recentSettings)
    : { ok: false, index, error: "search is not answering" };
  // Behind by more than the routing bound (10 s, say during a corpus import) is not this web
  // server's fault and no other one does better: every instance would be taken out at once.
  // It stays ready, serving search results a little behind, until the same 300 s bound as with
  // one instance says delivery is broken.
  const lagSeconds = Math.round(chosen?.lagSeconds ?? 0);
  const outbox: ReadinessReport["checks"]["outbox"] = !chosen
    ? { ok: false, error: "no search instance answers" }
    : lagSeconds > MAX_OUTBOX_LAG_SECONDS
      ? { ok: false, pending: chosen.pending, lagSeconds, caughtUp: false, error: `the least-behind search instance is ${lagSeconds} s behind the outbox` }
      : { ok: true, pending: chosen.pending, lagSeconds, caughtUp: routing.caughtUp };
  const checks = { postgres, search, indexSettings, outbox };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
