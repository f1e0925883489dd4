import { db } from "@/lib/db/client";
import { indexExists, liveIndexUid, meili, waitForSuccess, withMeiliHost } from "./client";
import { rebuildRequestedAt } from "./editor-settings";
import { ensureIndex, forgetIndex, reconcileIndexSettings } from "./index-setup";
import { ensureSearchKey } from "./keys";
import { withVectors } from "./documents";
import { allVisibleSearchDocuments } from "./reindex";
import { registerTargets, type SearchTargetConfig } from "./targets";
import { applyToIndex, backoffMs } from "./worker";

// Feeding several Meilisearch instances (MEILI_TARGETS) from the one outbox. Each target has a
// position (txid, id) in SearchTarget: every outbox row at or before it is in that instance.
// A worker takes a target with a transaction-level advisory lock, sends the next rows, and
// moves the position in the same transaction; a worker killed mid-batch loses its lock and
// its transaction, the position stays, and the next worker sends the batch again (documents
// are rebuilt from Postgres, so sending twice is harmless). Several workers share the targets
// between them; none sends the same target's rows twice at once, none skips a row.

const TARGET_LOCK_NAMESPACE = 7701;

export interface TargetDelivery {
  /** False when another worker holds this target. */
  locked: boolean;
  delivered: number;
  /** Documents written by a rebuild (the instance had lost its index). */
  rebuilt?: number;
  error?: string;
}

/** One step for one target: rebuild it from Postgres if it lost its index, else send the next batch. */
export async function deliverToTargetOnce(target: SearchTargetConfig, options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<TargetDelivery> {
  const log = options.log ?? (() => {});
  const uid = liveIndexUid();
  const result = await db().$transaction(
    async (tx): Promise<TargetDelivery & { ids?: bigint[] }> => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${TARGET_LOCK_NAMESPACE}::int, hashtext(${target.name})) AS locked`;
      if (!locked) return { locked: false, delivered: 0 };
      const [position] = await tx.$queryRaw<{ xid: string; id: bigint; rebuilding: boolean }[]>`
        SELECT "positionXid"::text AS xid, "positionId" AS id, "rebuildingSince" IS NOT NULL AS rebuilding FROM "SearchTarget" WHERE name = ${target.name}`;
      if (!position) throw new Error(`search target ${target.name} is not registered`);

      try {
        return await withMeiliHost(target.host, async () => {
          // A lost instance (restarted empty) or an interrupted rebuild: build it again from Postgres.
          if (position.rebuilding || !(await indexExists(uid))) {
            const rebuilt = await rebuildTarget(target, uid, log);
            return { locked: true, delivered: 0, rebuilt };
          }
          const rows = await tx.$queryRaw<{ id: bigint; xid: string; qaPairId: number | null; statementsOfConferenceId: number | null }[]>`
            SELECT id, txid::text AS xid, "qaPairId", "statementsOfConferenceId" FROM "SearchOutbox"
            WHERE (txid, id) > (${position.xid}::xid8, ${position.id}::bigint)
              AND txid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY txid, id
            LIMIT ${options.batchSize ?? 1000}`;
          if (rows.length === 0) return { locked: true, delivered: 0 };
          // Rows carry either a pair or a conference whose opening statements are resent whole.
          const pairIds = [...new Set(rows.flatMap((row) => (row.qaPairId === null ? [] : [row.qaPairId])))];
          const conferenceIds = [...new Set(rows.flatMap((row) => (row.statementsOfConferenceId === null ? [] : [row.statementsOfConferenceId])))];
          await applyToIndex(pairIds, conferenceIds);
          const last = rows[rows.length - 1];
          await tx.$executeRaw`
            UPDATE "SearchTarget" SET "positionXid" = ${last.xid}::xid8, "positionId" = ${last.id}, "deliveredAt" = now(), "lastError" = NULL, "updatedAt" = now()
            WHERE name = ${target.name}`;
          return { locked: true, delivered: rows.length, ids: rows.map((row) => row.id) };
        });
      } catch (error) {
        // The position stays where it was: the batch is sent again after the backoff.
        await db().$executeRaw`UPDATE "SearchTarget" SET "lastError" = ${describe(error).slice(0, 2000)}, "updatedAt" = now() WHERE name = ${target.name}`.catch(() => {});
        return { locked: true, delivered: 0, error: describe(error) };
      }
    },
    // Held while Meilisearch indexes (and while a lost instance is rebuilt).
    { timeout: 3_600_000, maxWait: 30_000 },
  );
  // After the commit, so that of two targets finishing the same rows at once, the later sees the other's position.
  const { ids, ...delivery } = result;
  if (ids) await markProcessedWhereAllTargetsHave(db(), ids);
  return delivery;
}

/**
 * Builds the target's index from Postgres while the other instances serve. The position is set
 * to the snapshot horizon taken before reading: every transaction below it had committed (and
 * is in what we read), every later one is sent again from the outbox.
 */
async function rebuildTarget(target: SearchTargetConfig, uid: string, log: (line: string) => void): Promise<number> {
  // Committed at once (not in the caller's transaction) so readers stop choosing this instance now.
  await db().$executeRaw`UPDATE "SearchTarget" SET "rebuildingSince" = COALESCE("rebuildingSince", now()), "updatedAt" = now() WHERE name = ${target.name}`;
  log(`${target.name} (${target.host}) has no complete index: rebuilding it from Postgres`);
  // An instance that lost its data lost the search-only key too; same uid and master key give the same key.
  const masterKey = process.env.MEILI_MASTER_KEY;
  if (masterKey && process.env.MEILI_SEARCH_KEY) await ensureSearchKey(target.host, masterKey);
  const [{ horizon }] = await db().$queryRaw<{ horizon: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`;
  // Whatever a half-done rebuild left may hold pairs deleted since: start from nothing.
  if (await indexExists(uid)) {
    const removed = await meili().deleteIndex(uid);
    await waitForSuccess(removed.taskUid, `delete the incomplete index on ${target.name}`);
  }
  forgetIndex(uid);
  await ensureIndex(uid);
  let written = 0;
  const index = meili().index(uid);
  for await (const documents of allVisibleSearchDocuments(2000)) {
    const task = await index.addDocuments(await withVectors(documents), { primaryKey: "id" });
    await waitForSuccess(task.taskUid, `rebuild batch on ${target.name}`, 600_000);
    written += documents.length;
  }
  await db().$executeRaw`
    UPDATE "SearchTarget" SET "positionXid" = ${horizon}::xid8, "positionId" = 0, "rebuildingSince" = NULL, "deliveredAt" = now(), "lastError" = NULL, "updatedAt" = now()
    WHERE name = ${target.name}`;
  await markProcessedWhereAllTargetsHave(db(), null);
  log(`${target.name} rebuilt with ${written} documents; catching up from the outbox`);
  return written;
}

/** Keeps processedAt meaningful (search:check, backlog figures): a row is done once every configured target has it. */
async function markProcessedWhereAllTargetsHave(tx: Pick<ReturnType<typeof db>, "$executeRaw">, ids: bigint[] | null): Promise<void> {
  const names = (process.env.MEILI_TARGETS ?? "").split(",").map((entry) => entry.split("=")[0].trim());
  // ids null (after a rebuild): any row, through the processedAt index.
  await tx.$executeRaw`
    UPDATE "SearchOutbox" o SET "processedAt" = now(), "lastError" = NULL
    WHERE (${ids}::bigint[] IS NULL OR o.id = ANY(${ids}::bigint[])) AND o."processedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "SearchTarget" t WHERE t.name = ANY(${names}::text[]) AND (o.txid, o.id) > (t."positionXid", t."positionId"))`;
}

/** An editor saved new search settings: every target is rebuilt with them (readers use the others meanwhile). */
async function rebuildAllIfRequested(targets: SearchTargetConfig[], log: (line: string) => void): Promise<void> {
  const requested = await rebuildRequestedAt();
  if (!requested) return;
  log(`search settings changed (${requested}): rebuilding every search instance`);
  await db().$executeRaw`UPDATE "SearchTarget" SET "rebuildingSince" = now() WHERE name = ANY(${targets.map((t) => t.name)}::text[])`;
  await db().$executeRaw`DELETE FROM "SearchSetting" WHERE key = 'rebuildRequestedAt' AND value = ${JSON.stringify(requested)}::jsonb`;
}

/** The worker loop with several targets: every target in turn, a failing one backing off alone. */
export async function runTargetDelivery(
  targets: SearchTargetConfig[],
  options: {
    signal?: AbortSignal;
    pollMs?: number;
    batchSize?: number;
    settingsCheckMs?: number;
    log: (line: string) => void;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  },
): Promise<void> {
  const { log } = options;
  await registerTargets(targets);
  log(`feeding ${targets.length} search instances: ${targets.map((t) => `${t.name}=${t.host}`).join(", ")}`);
  const retryAt = new Map<string, { at: number; attempts: number }>();
  let nextSettingsCheck = 0;
  let nextRebuildCheck = 0;
  while (!options.signal?.aborted) {
    let busy = false;
    if (Date.now() >= nextRebuildCheck) {
      nextRebuildCheck = Date.now() + 5_000;
      await rebuildAllIfRequested(targets, log).catch((error) => log(`rebuild request check failed: ${describe(error)}`));
    }
    const checkSettings = Date.now() >= nextSettingsCheck;
    if (checkSettings) nextSettingsCheck = Date.now() + (options.settingsCheckMs ?? 180_000);
    for (const target of targets) {
      if (options.signal?.aborted) break;
      const retry = retryAt.get(target.name);
      if (retry && Date.now() < retry.at) continue;
      try {
        if (checkSettings) await withMeiliHost(target.host, async () => (await indexExists(liveIndexUid())) && reconcileIndexSettings(liveIndexUid(), log));
        const result = await deliverToTargetOnce(target, { batchSize: options.batchSize, log });
        if (result.error) throw new Error(result.error);
        if (result.delivered) log(`${target.name}: indexed ${result.delivered} outbox rows`);
        if (result.delivered || result.rebuilt !== undefined) busy = true;
        retryAt.delete(target.name);
      } catch (error) {
        const attempts = (retry?.attempts ?? 0) + 1;
        // Short backoff here: an instance coming back should be fed again within seconds.
        const delay = Math.min(backoffMs(attempts), 10_000);
        retryAt.set(target.name, { at: Date.now() + delay, attempts });
        log(`${target.name} (${target.host}) failed, retrying in ${Math.round(delay / 1000)} s: ${describe(error)}`);
      }
    }
    if (!busy) await options.sleep(options.pollMs ?? 1000, options.signal);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ""}`;
  return String(error);
}
