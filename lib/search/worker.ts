import { db, type Tx } from "@/lib/db/client";
import { indexExists, liveIndexUid, meili, waitForSuccess } from "./client";
import { documentsForPairs } from "./documents";
import { rebuildIfRequested, rebuildRequestedAt } from "./editor-settings";
import { ensureIndex, reconcileIndexSettings } from "./index-setup";
import { spellingVocabularyChanged } from "./spelling-source";
import { syncConferenceStatements } from "./statement-documents";

export interface DrainResult {
  /** Outbox rows marked done. */
  processed: number;
  /** Rows whose batch failed and were rescheduled with backoff. */
  failed: number;
  /** Rows left for later because another worker held their pair. */
  skipped: number;
  error?: string;
}

// An arbitrary constant namespacing our advisory locks (first key of the two-int form).
const PAIR_LOCK_NAMESPACE = 7700;
// The same for a conference's statements (rows with statementsOfConferenceId).
const STATEMENTS_LOCK_NAMESPACE = 7701;

export function backoffMs(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.min(attempts, 9));
}

/**
 * Takes one batch of due outbox rows and applies it to the live index. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and the claim is held until Meilisearch confirms the task, so
 * several workers never send the same rows. Each pair is also advisory-locked for the
 * transaction: otherwise a worker holding an old row could send a stale document after
 * another worker sent the newer one.
 */
export async function drainOutboxOnce(options: { batchSize?: number } = {}): Promise<DrainResult> {
  const batchSize = options.batchSize ?? 1000;
  return db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint; qaPairId: number | null; statementsOfConferenceId: number | null; attempts: number }[]>`
        SELECT id, "qaPairId", "statementsOfConferenceId", attempts FROM "SearchOutbox"
        WHERE "processedAt" IS NULL AND "availableAt" <= now()
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { processed: 0, failed: 0, skipped: 0 };

      const pairIds = [...new Set(rows.flatMap((r) => (r.qaPairId === null ? [] : [r.qaPairId])))];
      const conferenceIds = [...new Set(rows.flatMap((r) => (r.statementsOfConferenceId === null ? [] : [r.statementsOfConferenceId])))];
      const lockedPairs = await tryLocks(tx, PAIR_LOCK_NAMESPACE, pairIds);
      const lockedConferences = await tryLocks(tx, STATEMENTS_LOCK_NAMESPACE, conferenceIds);
      const mine = rows.filter((r) => (r.qaPairId !== null ? lockedPairs.has(r.qaPairId) : lockedConferences.has(r.statementsOfConferenceId!)));
      const skipped = rows.length - mine.length;
      if (mine.length === 0) return { processed: 0, failed: 0, skipped };

      try {
        await applyToIndex([...lockedPairs], [...lockedConferences]);
      } catch (error) {
        await reschedule(tx, mine, error);
        return { processed: 0, failed: mine.length, skipped, error: describe(error) };
      }
      await tx.$executeRaw`UPDATE "SearchOutbox" SET "processedAt" = now(), "lastError" = NULL WHERE id = ANY(${mine.map((r) => r.id)}::bigint[])`;
      return { processed: mine.length, failed: 0, skipped };
    },
    // The claim is held while Meilisearch indexes; give it room before Prisma aborts.
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/**
 * Postgres is the truth: whatever ops were queued (duplicates collapse here), each pair's
 * document is rebuilt from its current rows, and a pair that is gone or no longer publicly
 * visible is removed.
 */
export async function applyToIndex(pairIds: number[], statementConferenceIds: number[]): Promise<void> {
  const uid = liveIndexUid();
  await ensureIndex(uid);
  const { upserts, deletes } = await documentsForPairs(pairIds);
  const index = meili().index(uid);
  await syncConferenceStatements(index, statementConferenceIds);
  if (upserts.length) {
    const task = await index.addDocuments(upserts, { primaryKey: "id" });
    await waitForSuccess(task.taskUid, `add ${upserts.length} documents`);
  }
  if (deletes.length) {
    // By internal id, so a pair whose row (and public id) is already gone is removed too.
    const task = await index.deleteDocuments({ filter: `pairId IN [${deletes.join(", ")}]` });
    await waitForSuccess(task.taskUid, `delete ${deletes.length} documents`);
  }
  spellingVocabularyChanged();
}

async function tryLocks(tx: Tx, namespace: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM unnest(${ids}::int[]) AS id WHERE pg_try_advisory_xact_lock(${namespace}::int, id)`;
  return new Set(locked.map((r) => r.id));
}

async function reschedule(tx: Tx, rows: { id: bigint; attempts: number }[], error: unknown): Promise<void> {
  const message = describe(error).slice(0, 2000);
  // One delay for the batch, from the most-tried row, so a long outage backs off for all.
  const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
  const delaySeconds = backoffMs(attempts) / 1000;
  await tx.$executeRaw`
    UPDATE "SearchOutbox"
    SET attempts = attempts + 1, "lastError" = ${message}, "availableAt" = now() + make_interval(secs => ${delaySeconds}::double precision)
    WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Drains the outbox until aborted: immediately while there is work, otherwise every
 * pollMs. Errors never stop the loop; they are logged and the rows wait for their backoff.
 */
export async function runOutboxWorker(
  options: { signal?: AbortSignal; pollMs?: number; batchSize?: number; settingsCheckMs?: number; log?: (line: string) => void } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 1000;
  const settingsCheckMs = options.settingsCheckMs ?? Number(process.env.PRESSROOM_SETTINGS_CHECK_MS ?? 180_000);
  const log = options.log ?? ((line: string) => console.log(`[search-worker] ${line}`));
  // Several Meilisearch instances, each with its own delivery position (lib/search/delivery.ts).
  const { configuredTargets } = await import("./targets");
  const targets = configuredTargets();
  if (targets) {
    const { runTargetDelivery } = await import("./delivery");
    return runTargetDelivery(targets, { ...options, settingsCheckMs, log, sleep });
  }
  let nextRebuildCheck = 0;
  // First check at start-up, then every few minutes: an index whose settings were reset or
  // never applied is repaired instead of serving wrong results for good.
  let nextSettingsCheck = 0;
  while (!options.signal?.aborted) {
    if (Date.now() >= nextSettingsCheck) {
      try {
        await checkLiveSettings(log);
        nextSettingsCheck = Date.now() + settingsCheckMs;
      } catch (error) {
        log(`index settings check failed, retrying in ${Math.round(Math.min(settingsCheckMs, 30_000) / 1000)} s: ${describe(error)}`);
        nextSettingsCheck = Date.now() + Math.min(settingsCheckMs, 30_000);
      }
    }
    if (Date.now() >= nextRebuildCheck) {
      try {
        await rebuildIfRequested(log);
        nextRebuildCheck = Date.now() + 5_000;
      } catch (error) {
        log(`index rebuild failed, retrying in a minute: ${describe(error)}`);
        nextRebuildCheck = Date.now() + 60_000;
      }
    }
    let result: DrainResult | undefined;
    try {
      result = await drainOutboxOnce({ batchSize: options.batchSize });
      if (result.processed) log(`indexed ${result.processed} outbox rows`);
      if (result.failed) log(`${result.failed} rows failed and will be retried: ${result.error}`);
    } catch (error) {
      log(`outbox drain failed: ${describe(error)}`);
    }
    if (result && result.processed > 0) continue;
    await sleep(pollMs, options.signal);
  }
}

async function checkLiveSettings(log: (line: string) => void): Promise<void> {
  // A requested rebuild builds a fresh index with the new settings; re-applying them in place
  // meanwhile would make Meilisearch do the same work twice.
  if (await rebuildRequestedAt()) return;
  const uid = liveIndexUid();
  // A missing index is created (with its settings) by the first batch that needs it.
  if (!(await indexExists(uid))) return;
  await reconcileIndexSettings(uid, log);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // The listener goes when the timer fires: one left per poll would pile up on the signal.
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Pending and failing rows, for search:check and the editor page. */
type BacklogRow = { pending: bigint | string; failing: bigint | string; oldest: Date | null };

/** `run` executes the query: the app's pool by default; readiness passes its own connection. */
export async function outboxBacklog(
  run: (sql: string) => Promise<BacklogRow[]> = (sql) => db().$queryRawUnsafe<BacklogRow[]>(sql),
): Promise<{ pending: number; failing: number; oldestPendingAt: Date | null }> {
  const [row] = await run(`
    SELECT count(*) AS pending, count(*) FILTER (WHERE attempts > 0) AS failing, min("createdAt") AS oldest
    FROM "SearchOutbox" WHERE "processedAt" IS NULL`);
  return { pending: Number(row.pending), failing: Number(row.failing), oldestPendingAt: row.oldest };
}
