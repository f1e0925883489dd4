import pg from "pg";
import { checkReadiness, type ReadinessReport } from "./readiness";

// /api/ready answered from a verdict refreshed in the background. The load balancer asks every
// instance every second; when the checks ran on the request path (a query through the app's
// busy pool, a settings round-trip to Meilisearch) a loaded but healthy instance answered late,
// HAProxy counted that as a failure, and under load it took every instance out at once (the
// soak's 503 bursts). Here the checks run once a second on their own Postgres connection, the
// index settings only every 30 s (they change only when an editor saves new synonyms), and
// answering costs a lookup. A refresh that stops (event loop stuck, a check hanging) makes the
// verdict stale, and a stale verdict is "not ready".

export interface ReadinessVerdict {
  ready: boolean;
  report: ReadinessReport;
  /** Refreshes in a row whose checks failed. */
  failedInARow: number;
  checkedAt: number;
}

export interface ReadinessAnswer extends ReadinessReport {
  /** Age of the verdict, in ms. */
  ageMs: number;
  /** Why the answer is not the checks' own verdict (stale, one failure forgiven). */
  note?: string;
}

export const FAILURES_BEFORE_UNREADY = 2;
export const MAX_VERDICT_AGE_MS = 10_000;
const SETTINGS_RECHECK_MS = 30_000;

/**
 * One refresh's checks folded into the verdict: a single failed refresh of an instance that was
 * ready (a ping that missed its 3 s once under load) keeps it ready; `failuresBeforeUnready` in a
 * row make it unready. One good refresh makes it ready again (the balancer has its own rise count).
 * An instance is never ready before its first good refresh.
 */
export function nextVerdict(previous: ReadinessVerdict | undefined, report: ReadinessReport, now: number, failuresBeforeUnready = FAILURES_BEFORE_UNREADY): ReadinessVerdict {
  if (report.ready) return { ready: true, report, failedInARow: 0, checkedAt: now };
  const failedInARow = (previous?.failedInARow ?? 0) + 1;
  return { ready: Boolean(previous?.ready) && failedInARow < failuresBeforeUnready, report, failedInARow, checkedAt: now };
}

/** What /api/ready answers at `now` from the last verdict. */
export function answerFromVerdict(verdict: ReadinessVerdict, now: number, maxAgeMs = MAX_VERDICT_AGE_MS): ReadinessAnswer {
  const ageMs = Math.max(0, now - verdict.checkedAt);
  if (ageMs > maxAgeMs) return { ...verdict.report, ready: false, ageMs, note: `readiness not refreshed for ${Math.round(ageMs / 1000)} s` };
  if (verdict.ready && !verdict.report.ready)
    return { ...verdict.report, ready: true, ageMs, note: `check failed ${verdict.failedInARow} time(s) in a row; unready after ${FAILURES_BEFORE_UNREADY}` };
  return { ...verdict.report, ready: verdict.ready, ageMs };
}

interface Watch {
  verdict?: ReadinessVerdict;
  first: Promise<void>;
  timer?: NodeJS.Timeout;
  settingsCheckedAt: number;
  pool: pg.Pool;
}

const globalForWatch = globalThis as unknown as { pressroomReadinessWatch?: Watch };

/** Starts the once-a-second readiness refresh in this process (instrumentation.ts); idempotent. */
export function startReadinessWatch(intervalMs = 1000): void {
  if (globalForWatch.pressroomReadinessWatch || !process.env.DATABASE_URL) return;
  // Its own connection: a ping queued behind the visitors' queries in the app's pool would
  // measure this instance's load, not whether Postgres answers (load is HAProxy's maxconn's job).
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 2500 }).on("error", () => {});
  const watch: Watch = { first: Promise.resolve(), settingsCheckedAt: 0, pool };
  globalForWatch.pressroomReadinessWatch = watch;
  let running = false;
  const refresh = async () => {
    if (running) return;
    running = true;
    try {
      const previous = watch.verdict?.report.checks.indexSettings;
      const reuse = previous?.ok && Date.now() - watch.settingsCheckedAt < SETTINGS_RECHECK_MS;
      const report = await checkReadiness({ query: async (sql) => (await pool.query(sql)).rows, recentSettings: reuse ? previous : undefined });
      if (!reuse) watch.settingsCheckedAt = Date.now();
      watch.verdict = nextVerdict(watch.verdict, report, Date.now());
    } catch (error) {
      console.error(`[ready] readiness refresh failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  watch.first = refresh();
  watch.timer = setInterval(() => void refresh(), intervalMs);
  watch.timer.unref();
}

/** Stops the refresh and closes its connection (tests; a web server keeps it for its lifetime). */
export async function stopReadinessWatch(): Promise<void> {
  const watch = globalForWatch.pressroomReadinessWatch;
  if (!watch) return;
  globalForWatch.pressroomReadinessWatch = undefined;
  clearInterval(watch.timer);
  await watch.first.catch(() => {});
  await watch.pool.end().catch(() => {});
}

/** The answer for /api/ready: the background verdict, or (no watch in this process) the checks run now. */
export async function currentReadiness(): Promise<ReadinessAnswer> {
  const watch = globalForWatch.pressroomReadinessWatch;
  if (!watch) {
    const report = await checkReadiness();
    return { ...report, ageMs: 0 };
  }
  if (!watch.verdict) await watch.first;
  if (!watch.verdict) return { ready: false, checks: (await checkReadiness()).checks, ageMs: 0, note: "readiness not checked yet" };
  return answerFromVerdict(watch.verdict, Date.now());
}
