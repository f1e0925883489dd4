import { db } from "@/lib/db/client";
import { indexExists, liveIndexUid, meili, waitForSuccess } from "./client";
import { allVisibleDocuments, countVisiblePairs, withVectors, type QaPairDocument } from "./documents";
import { allVisibleStatementDocuments, countVisibleStatements, type StatementDocument } from "./statement-documents";
import { createIndexWithSettings, forgetIndex } from "./index-setup";
import { spellingVocabularyChanged } from "./spelling-source";

export interface ReindexProgress {
  indexed: number;
  total: number;
}

export interface ReindexResult {
  uid: string;
  documents: number;
  /** The temporary index name the documents were built in. */
  builtIn: string;
}

/**
 * Rebuilds the live index from Postgres without taking search down: documents go into a
 * fresh index (settings first), which is then swapped with the live one atomically; the old
 * one is deleted. Changes committed while the rebuild ran are re-queued in the outbox, so
 * the worker brings the new index up to date.
 */
export async function reindexAll(options: { batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {}): Promise<ReindexResult> {
  const live = liveIndexUid();
  const building = `${live}_${Date.now()}`;
  const startedAt = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`.then((rows) => rows[0].now);
  const total = (await countVisiblePairs()) + (await countVisibleStatements());
  await createIndexWithSettings(building);
  try {
    let indexed = 0;
    options.onProgress?.({ indexed, total });
    const index = meili().index(building);
    // Send the next batch while Meilisearch indexes the previous one; wait for all at the end.
    const pending: number[] = [];
    for await (const documents of allVisibleSearchDocuments(options.batchSize ?? 2000)) {
      const task = await index.addDocuments(await withVectors(documents), { primaryKey: "id" });
      pending.push(task.taskUid);
      if (pending.length >= 2) await waitForSuccess(pending.shift()!, `reindex batch into ${building}`, 600_000);
      indexed += documents.length;
      options.onProgress?.({ indexed, total });
    }
    for (const taskUid of pending) await waitForSuccess(taskUid, `reindex batch into ${building}`, 600_000);

    const liveExists = await indexExists(live);
    // Swap with the live index, or (none yet) rename the built one into its name.
    const swap = await meili().swapIndexes([liveExists ? { indexes: [live, building], rename: false } : { indexes: [building, live], rename: true }]);
    await waitForSuccess(swap.taskUid, `swap ${building} into ${live}`);
    forgetIndex(live);
    spellingVocabularyChanged();
    if (liveExists) {
      // After the swap, `building` holds the previous documents.
      const removed = await meili().deleteIndex(building);
      await waitForSuccess(removed.taskUid, `delete previous index`);
    }
    await requeueChangesSince(startedAt);
    return { uid: live, documents: indexed, builtIn: building };
  } catch (error) {
    await meili()
      .deleteIndex(building)
      .catch(() => undefined);
    throw error;
  }
}

/** Pairs, then statements: everything the index should hold. */
export async function* allVisibleSearchDocuments(batchSize = 2000): AsyncGenerator<(QaPairDocument | StatementDocument)[]> {
  yield* allVisibleDocuments(batchSize);
  yield* allVisibleStatementDocuments(batchSize);
}

async function requeueChangesSince(startedAt: Date): Promise<void> {
  // createdAt is the writing transaction's start time, so a transaction that began just
  // before the rebuild may commit after our reads: look back a little further.
  const since = new Date(startedAt.getTime() - 5 * 60_000);
  await db().$executeRaw`
    INSERT INTO "SearchOutbox" ("qaPairId", "statementsOfConferenceId", op)
    SELECT DISTINCT "qaPairId", "statementsOfConferenceId", 'UPSERT'::"OutboxOp" FROM "SearchOutbox" WHERE "createdAt" >= ${since}`;
}
