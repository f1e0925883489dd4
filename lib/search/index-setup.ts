import { indexExists, meili, waitForSuccess } from "./client";
import { indexSettings, loadEditorSearchSettings } from "./settings";

// Indexes this process has already created or checked, so the worker does not ask on every batch.
const ready = new Set<string>();

/** Creates the index with its settings applied BEFORE any document goes in. */
export async function createIndexWithSettings(uid: string): Promise<void> {
  const created = await meili().createIndex(uid, { primaryKey: "id" });
  await waitForSuccess(created.taskUid, `create index ${uid}`);
  const settings = indexSettings(await loadEditorSearchSettings());
  const updated = await meili().index(uid).updateSettings(settings);
  await waitForSuccess(updated.taskUid, `settings of ${uid}`);
  ready.add(uid);
}

/** Makes sure the index exists with our settings; a no-op after the first success in this process. */
export async function ensureIndex(uid: string): Promise<void> {
  if (ready.has(uid)) return;
  if (await indexExists(uid)) {
    ready.add(uid);
    return;
  }
  try {
    await createIndexWithSettings(uid);
  } catch (error) {
    // Another worker may have created it a moment ago: that is fine as long as it exists now.
    if (!(await indexExists(uid))) throw error;
    ready.add(uid);
  }
}

/** Forget what we know about an index (after a swap or delete, its settings may differ). */
export function forgetIndex(uid: string): void {
  ready.delete(uid);
}
