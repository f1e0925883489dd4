import type { Settings } from "meilisearch";
import { liveIndexUid, meili, waitForSuccess } from "@/lib/search/client";

// Matching runs each followed search against a small Meilisearch index holding only the
// batch's documents, copied from the live index with the live index's settings (synonyms,
// stop words, typo rules, ranking). A search over 1,000 documents costs Meilisearch a fraction
// of one over the whole archive restricted by a 1,000-id filter, and 10,000 searches per batch
// make that the difference between minutes and seconds (npm run bench:alerts). Only one
// matcher uses it at a time (match.ts holds an advisory lock).

let appliedSettings: { uid: string; json: string } | null = null;

export function batchIndexUid(): string {
  return `${liveIndexUid()}_alerts_batch`;
}

/** Fills the batch index with exactly the live documents of these pairs; returns its uid. */
export async function loadBatchIndex(pairIds: number[]): Promise<string> {
  try {
    return await fillBatchIndex(pairIds);
  } catch (error) {
    // Deleted or reset behind our back: set it up again from scratch next time.
    appliedSettings = null;
    throw error;
  }
}

async function fillBatchIndex(pairIds: number[]): Promise<string> {
  const client = meili();
  const live = client.index(liveIndexUid());
  const uid = batchIndexUid();
  const batch = client.index(uid);
  const settings: Settings = await live.getSettings();
  // Embedders would need vectors in every document; matching never searches by meaning.
  delete settings.embedders;
  const json = JSON.stringify(settings);
  if (appliedSettings?.uid !== uid || appliedSettings.json !== json) {
    const created = await client.createIndex(uid, { primaryKey: "id" }).catch(() => null);
    if (created) await client.tasks.waitForTask(created.taskUid, { interval: 25 });
    await waitForSuccess((await batch.updateSettings(settings)).taskUid, "alerts batch index settings");
    appliedSettings = { uid, json };
  }
  await waitForSuccess((await batch.deleteAllDocuments()).taskUid, "clear the alerts batch index");
  const documents: Record<string, unknown>[] = [];
  for (let i = 0; i < pairIds.length; i += 1000) {
    const slice = pairIds.slice(i, i + 1000);
    const page = await live.getDocuments({ filter: `pairId IN [${slice.join(",")}]`, limit: slice.length });
    documents.push(...(page.results as Record<string, unknown>[]));
  }
  if (documents.length) await waitForSuccess((await batch.addDocuments(documents, { primaryKey: "id" })).taskUid, `copy ${documents.length} documents to the alerts batch index`);
  return uid;
}
