import { db } from "@/lib/db/client";
import { liveIndexUid, meili } from "@/lib/search/client";
import { documentsForPairs } from "@/lib/search/documents";
import { ensureIndex } from "@/lib/search/index-setup";
import { syncConferenceStatements } from "@/lib/search/statement-documents";
import { silentProgress, type ProgressReporter } from "./progress";

export interface IndexingSummary {
  outboxRows: number;
  documents: number;
  deletes: number;
  indexingMs: number;
}

/**
 * The indexing phase of a bulk import: drains every pending outbox row in one sweep.
 * The per-row worker waits for each small task before claiming the next; here documents are
 * built from Postgres in large chunks and all tasks are enqueued at once, so Meilisearch
 * batches them together and document building overlaps with indexing. Rows are marked
 * processed only after every task succeeded; on failure they stay queued for the worker.
 */
export async function runIndexingPhase(options: { chunkSize?: number; progress?: ProgressReporter } = {}): Promise<IndexingSummary> {
  const chunkSize = options.chunkSize ?? 5000;
  const progress = options.progress ?? silentProgress();
  const started = performance.now();
  const uid = liveIndexUid();
  await ensureIndex(uid);
  const rows = await db().$queryRaw<{ id: bigint; qaPairId: number | null; statementsOfConferenceId: number | null }[]>`
    SELECT id, "qaPairId", "statementsOfConferenceId" FROM "SearchOutbox" WHERE "processedAt" IS NULL ORDER BY id`;
  const pairIds = [...new Set(rows.flatMap((r) => (r.qaPairId === null ? [] : [r.qaPairId])))];
  // Statements (rare in a bulk load) are synced per conference, as the worker does.
  const statementConferenceIds = [...new Set(rows.flatMap((r) => (r.statementsOfConferenceId === null ? [] : [r.statementsOfConferenceId])))];
  const index = meili().index(uid);
  const tasks: { uid: number; what: string }[] = [];
  let documents = 0;
  let deletes = 0;
  try {
    for (let start = 0; start < pairIds.length; start += chunkSize) {
      const chunk = pairIds.slice(start, start + chunkSize);
      const built = await documentsForPairs(chunk);
      if (built.upserts.length) {
        const task = await index.addDocuments(built.upserts, { primaryKey: "id" });
        tasks.push({ uid: task.taskUid, what: `add ${built.upserts.length} documents` });
      }
      if (built.deletes.length) {
        const task = await index.deleteDocuments({ filter: `pairId IN [${built.deletes.join(", ")}]` });
        tasks.push({ uid: task.taskUid, what: `delete ${built.deletes.length} documents` });
      }
      documents += built.upserts.length;
      deletes += built.deletes.length;
      progress.update({ pairs: start + chunk.length, bytesRead: start + chunk.length, bytesTotal: pairIds.length, file: "indexing" });
    }
    await waitForTasks(tasks);
    const statements = await syncConferenceStatements(index, statementConferenceIds);
    documents += statements.upserts;
    deletes += statements.deletes;
  } finally {
    progress.done();
  }
  // In slices: one UPDATE with 70k ids in an array is fine, but keeps a long lock for nothing.
  const ids = rows.map((r) => r.id);
  for (let start = 0; start < ids.length; start += 10_000) {
    const slice = ids.slice(start, start + 10_000);
    await db().$executeRaw`UPDATE "SearchOutbox" SET "processedAt" = now(), "lastError" = NULL WHERE id = ANY(${slice}::bigint[]) AND "processedAt" IS NULL`;
  }
  return { outboxRows: rows.length, documents, deletes, indexingMs: performance.now() - started };
}

/**
 * Polls the enqueued tasks in order. A bulk load keeps Meilisearch busy for minutes; the
 * client's waitForTask adds an abort listener per poll, which floods warnings over that span.
 */
export async function waitForTasks(tasks: { uid: number; what: string }[], pollMs = 250): Promise<void> {
  for (const { uid, what } of tasks) {
    for (;;) {
      const task = await meili().tasks.getTask(uid);
      if (task.status === "succeeded") break;
      if (task.status === "failed" || task.status === "canceled") {
        throw new Error(`Meilisearch task ${uid} (${what}) ${task.status}: ${task.error?.message ?? "no detail"}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

export function formatIndexingSummary(summary: IndexingSummary): string {
  const seconds = summary.indexingMs / 1000;
  return [
    "Indexing finished.",
    `  outbox rows:  ${summary.outboxRows} processed`,
    `  documents:    ${summary.documents} indexed, ${summary.deletes} removed`,
    `  indexing:     ${seconds.toFixed(1)} s, ${Math.round(summary.documents / Math.max(seconds, 0.001))} pairs/s`,
  ].join("\n");
}
