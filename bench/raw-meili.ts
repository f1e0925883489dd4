import { createReadStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";

/**
 * What Meilisearch alone needs to index the archive's documents: the same documents and the
 * same settings, into a separate index. Documents are exported first (to a file, so they are not
 * held twice) and then sent in large payloads, all enqueued before waiting, which is
 * Meilisearch's fastest path. `onStart` runs when the timed part starts (to reset samplers).
 */
export async function rawMeilisearchBaseline(dir: string, onStart: () => void = () => {}, uid = "raw_baseline") {
  const { allVisibleDocuments } = await import("@/lib/search/documents");
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { indexSettings } = await import("@/lib/search/settings");
  const { waitForTasks } = await import("@/lib/corpus/indexing");
  const file = path.join(dir, "documents.ndjson");
  const handle = await open(file, "w");
  let documents = 0;
  for await (const batch of allVisibleDocuments(5000)) {
    await handle.write(batch.map((d) => JSON.stringify(d)).join("\n") + "\n");
    documents += batch.length;
  }
  await handle.close();

  const created = await meili().createIndex(uid, { primaryKey: "id" });
  await waitForSuccess(created.taskUid, "create raw index");
  const settings = await meili()
    .index(uid)
    .updateSettings(indexSettings({ synonyms: {}, stopWords: [] }));
  await waitForSuccess(settings.taskUid, "raw index settings");

  onStart();
  const started = performance.now();
  const tasks: number[] = [];
  let payload: string[] = [];
  const send = async () => {
    if (!payload.length) return;
    const task = await meili().index(uid).addDocumentsFromString(payload.join("\n"), "application/x-ndjson", { primaryKey: "id" });
    tasks.push(task.taskUid);
    payload = [];
  };
  for await (const line of readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    payload.push(line);
    if (payload.length >= 10_000) await send();
  }
  await send();
  await waitForTasks(tasks.map((uid) => ({ uid, what: "raw baseline batch" })));
  const ms = performance.now() - started;
  await rm(file, { force: true });
  return { ms, documents };
}
