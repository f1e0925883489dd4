import type { Settings } from "meilisearch";
import { currentMeiliHost, indexExists, meili, waitForSuccess } from "./client";
import { activeEmbedder } from "@/lib/embeddings/runtime";
import { indexSettings, loadEditorSearchSettings } from "./settings";
import { describeDrift, settingsDrift, type SettingsDifference } from "./settings-drift";

// Indexes this process has created or checked, so the worker does not ask on every batch.
// Settings are checked again on every start and on the worker's periodic tick
// (reconcileIndexSettings), so an index changed behind our back does not stay wrong.
// Keyed by host too: with several instances (MEILI_TARGETS) each has its own copy of the index.
const readySet = new Set<string>();
const ready = {
  add: (uid: string) => readySet.add(`${currentMeiliHost()}\u0000${uid}`),
  has: (uid: string) => readySet.has(`${currentMeiliHost()}\u0000${uid}`),
  delete: (uid: string) => readySet.delete(`${currentMeiliHost()}\u0000${uid}`),
};

export async function declaredSettings(): Promise<Settings> {
  return indexSettings(await loadEditorSearchSettings(), await activeEmbedder());
}

/**
 * Creates the index with its settings applied BEFORE it is visible under its name: it is built
 * under a temporary name, its settings are applied and checked, and only then is it renamed
 * into place (a swap with rename). An index that exists under `uid` therefore always has its
 * settings, even when the settings task fails or the process dies half-way.
 */
export async function createIndexWithSettings(uid: string): Promise<void> {
  const staging = `${uid}__setup_${Date.now()}`;
  const created = await meili().createIndex(staging, { primaryKey: "id" });
  await waitForSuccess(created.taskUid, `create index ${staging}`);
  try {
    const settings = await declaredSettings();
    const updated = await meili().index(staging).updateSettings(settings);
    await waitForSuccess(updated.taskUid, `settings of ${staging}`);
    const drift = settingsDrift(settings, await meili().index(staging).getSettings());
    if (drift.length) throw new Error(`Meilisearch accepted the settings of ${staging} but reports others: ${describeDrift(drift)}`);
    // rename: the first index takes the second name (which must not exist yet).
    const swap = await meili().swapIndexes([{ indexes: [staging, uid], rename: true }]);
    await waitForSuccess(swap.taskUid, `rename ${staging} to ${uid}`);
  } catch (error) {
    await meili()
      .deleteIndex(staging)
      .catch(() => undefined);
    throw error;
  }
  ready.add(uid);
}

export interface SettingsCheck {
  uid: string;
  exists: boolean;
  drift: SettingsDifference[];
}

/** Read-only: what differs between the declared settings and the live index. */
export async function checkIndexSettings(uid: string): Promise<SettingsCheck> {
  if (!(await indexExists(uid))) return { uid, exists: false, drift: [] };
  const declared = await declaredSettings();
  return { uid, exists: true, drift: settingsDrift(declared, await meili().index(uid).getSettings()) };
}

/**
 * Compares the live index's settings with the declared ones and re-applies them on drift. A
 * rejected or failed settings task throws (the caller logs and retries): it is never taken as
 * applied. Returns what had drifted.
 */
export async function reconcileIndexSettings(uid: string, log: (line: string) => void = () => {}): Promise<SettingsDifference[]> {
  const declared = await declaredSettings();
  const drift = settingsDrift(declared, await meili().index(uid).getSettings());
  if (drift.length === 0) {
    ready.add(uid);
    return drift;
  }
  ready.delete(uid);
  log(`settings of index "${uid}" drifted (${describeDrift(drift)}); re-applying the declared settings`);
  const task = await meili().index(uid).updateSettings(declared);
  await waitForSuccess(task.taskUid, `re-apply settings of ${uid}`, 600_000);
  const after = settingsDrift(declared, await meili().index(uid).getSettings());
  if (after.length) throw new Error(`settings of index "${uid}" still differ after re-applying them: ${describeDrift(after)}`);
  log(`settings of index "${uid}" repaired`);
  ready.add(uid);
  return drift;
}

/** Makes sure the index exists with our settings; checks settings once per process, then trusts the periodic check. */
export async function ensureIndex(uid: string, log?: (line: string) => void): Promise<void> {
  if (ready.has(uid)) return;
  if (await indexExists(uid)) {
    await reconcileIndexSettings(uid, log);
    return;
  }
  try {
    await createIndexWithSettings(uid);
  } catch (error) {
    // Another worker may have created it a moment ago: fine as long as it exists now with our settings.
    if (!(await indexExists(uid))) throw error;
    await reconcileIndexSettings(uid, log);
  }
}

/** Forget what we know about an index (after a swap or delete, its settings may differ). */
export function forgetIndex(uid: string): void {
  ready.delete(uid);
}
