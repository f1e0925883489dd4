import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type pg from "pg";
import { liveIndexUid, meili } from "@/lib/search/client";
import { withVectors, type QaPairDocument } from "@/lib/search/documents";
import { ensureIndex } from "@/lib/search/index-setup";
import { waitForTasks } from "./indexing";

export interface IndexFeedSummary {
  documents: number;
  tasks: number;
  /** Outbox rows marked processed because their pair's committed state was indexed. */
  outboxRowsProcessed: number;
  /** Pairs changed by someone else after their batch committed, queued again for the final drain. */
  requeued: number;
}

/**
 * Indexes the documents each committed batch built, without reading them back from Postgres.
 *
 * Two modes. "overlap" sends every payload as soon as it is full, so Meilisearch indexes
 * while the next batches are written. "after" (the default) spools the documents to a temp
 * file and sends them all right after the last commit: on two cores both Postgres and
 * Meilisearch are CPU-bound, so overlapping slows the Postgres phase about as much as it
 * saves, while all payloads enqueued at once let Meilisearch index them in one batch
 * (bench/import: see the report in the issue).
 *
 * Payloads are large NDJSON bodies enqueued without waiting. The batches' outbox rows are
 * marked while Meilisearch indexes, in a transaction committed only after every task
 * succeeded; if anything fails they stay queued. Complete parts are sent as soon as reading
 * is over, while the last batches still write.
 * In "after" mode the spool is one file per payload, streamed to Meilisearch as it is read:
 * building each 10,000-document payload as a string (and its lines, and its encoded copy)
 * took the importer from 363 MB to 690 MB at 300k pairs.
 */
export class IndexFeed {
  private lines: string[] = [];
  private outboxIds: number[] = [];
  // Outbox ids as numbers (8 bytes each in a packed array), not strings: a million of them.
  private readonly tasks: { uid: number; what: string; outboxIds: number[] }[] = [];
  private sending: Promise<void> = Promise.resolve();
  private spooling: Promise<void> = Promise.resolve();
  private documents = 0;
  private spool: { dir: string; parts: { file: string; documents: number }[]; sent: number; stream: WriteStream | null; outboxIds: number[] } | null = null;

  private constructor(
    private readonly uid: string,
    private readonly payloadSize: number,
    private readonly ready: Promise<void>,
  ) {}

  static async open(options: { payloadSize?: number; mode?: "overlap" | "after" } = {}): Promise<IndexFeed> {
    const uid = liveIndexUid();
    // Fail before writing anything when Meilisearch is not there at all; creating the index
    // and applying its settings (a second or two) runs alongside the first batches.
    await meili().health();
    const ready = ensureIndex(uid);
    // Awaited before the first send; this only keeps Node from calling it unhandled meanwhile.
    ready.catch(() => {});
    const feed = new IndexFeed(uid, options.payloadSize ?? 10_000, ready);
    if ((options.mode ?? "after") === "after") {
      const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-import-documents-"));
      feed.spool = { dir, parts: [], sent: 0, stream: null, outboxIds: [] };
    }
    return feed;
  }

  /** Takes the documents of one committed batch; `outboxIds` are that batch's rows for exactly these pairs. */
  async add(documents: QaPairDocument[], outboxIds: string[]): Promise<void> {
    // Hybrid mode: the vectors are computed here, after the batch committed, as the worker would.
    await withVectors(documents);
    this.documents += documents.length;
    if (this.spool) {
      for (const id of outboxIds) this.spool.outboxIds.push(Number(id));
      // Batches commit concurrently: one at a time into the spool, so parts are never shared.
      const spooled = this.spooling.then(() => this.spoolDocuments(documents));
      this.spooling = spooled.catch(() => {});
      return spooled;
    }
    for (const document of documents) this.lines.push(JSON.stringify(document));
    for (const id of outboxIds) this.outboxIds.push(Number(id));
    if (this.lines.length >= this.payloadSize) this.flush();
    await this.sending;
  }

  /** Appends to the spool's current file, starting a new one every `payloadSize` documents. */
  private async spoolDocuments(documents: QaPairDocument[]): Promise<void> {
    const spool = this.spool!;
    for (let start = 0; start < documents.length;) {
      let part = spool.parts[spool.parts.length - 1];
      if (!part || part.documents >= this.payloadSize) {
        await this.endSpoolPart();
        part = { file: path.join(spool.dir, `documents-${spool.parts.length}.ndjson`), documents: 0 };
        spool.parts.push(part);
        spool.stream = createWriteStream(part.file);
      }
      const slice = documents.slice(start, start + this.payloadSize - part.documents);
      part.documents += slice.length;
      start += slice.length;
      if (!spool.stream!.write(`${slice.map((d) => JSON.stringify(d)).join("\n")}\n`)) await new Promise<void>((resolve) => spool.stream!.once("drain", () => resolve()));
    }
  }

  /** Sends what is gathered. Sends are chained so tasks are enqueued in commit order. */
  private flush(): void {
    if (!this.lines.length && !this.outboxIds.length) return;
    const body = this.lines.join("\n");
    const count = this.lines.length;
    const outboxIds = this.outboxIds;
    this.lines = [];
    this.outboxIds = [];
    this.sending = this.sending.then(async () => {
      // The index gets its settings before the first document, as for the worker.
      await this.ready;
      if (count === 0) {
        if (this.tasks.length) for (const id of outboxIds) this.tasks[this.tasks.length - 1].outboxIds.push(id);
        return;
      }
      const task = await meili().index(this.uid).addDocumentsFromString(body, "application/x-ndjson", { primaryKey: "id" });
      this.tasks.push({ uid: task.taskUid, what: `add ${count} documents`, outboxIds });
    });
  }

  private async endSpoolPart(): Promise<void> {
    const stream = this.spool?.stream;
    if (!stream) return;
    this.spool!.stream = null;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  /**
   * Sends the spool parts already complete (every part but the one being written) while the
   * last batches still write: called once reading is over, so Meilisearch takes the payloads
   * without starting to index before the Postgres phase is nearly done. Chained with the sends.
   */
  sendCompleteParts(): void {
    if (!this.spool) return;
    this.sending = this.sending.then(() => this.sendParts(this.spool!.parts.length - 1));
    // Awaited by finish(); this only keeps Node from calling it unhandled when the import fails first.
    this.sending.catch(() => {});
  }

  /** Posts the spool parts up to `end` (exclusive) not sent yet, in order, without waiting for their tasks. */
  private async sendParts(end: number): Promise<void> {
    const spool = this.spool!;
    await this.ready;
    for (; spool.sent < end; spool.sent++) {
      const part = spool.parts[spool.sent];
      const taskUid = await this.postFile(part.file);
      this.tasks.push({ uid: taskUid, what: `add ${part.documents} documents`, outboxIds: [] });
      await rm(part.file, { force: true });
    }
  }

  /** Sends the spooled documents (in "after" mode), one payload per file, all enqueued before waiting. */
  private async sendSpool(): Promise<void> {
    const spool = this.spool!;
    await this.spooling;
    await this.endSpoolPart();
    await this.sending;
    await this.sendParts(spool.parts.length);
    // Every task covers all rows: they are marked only once every task succeeded anyway.
    this.outboxIds = spool.outboxIds;
    this.flush();
  }

  /**
   * One spool file as the body of an add-documents request, streamed from disk. The client
   * library only sends strings, so this is the same request made with fetch directly.
   */
  private async postFile(file: string): Promise<number> {
    const { host, apiKey } = meili().config;
    const url = new URL(`indexes/${encodeURIComponent(this.uid)}/documents?primaryKey=id`, host.endsWith("/") ? host : `${host}/`);
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-ndjson", ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
      duplex: "half",
      signal: AbortSignal.timeout(300_000),
    } as RequestInit & { duplex: "half" });
    const answer = (await response.json().catch(() => null)) as { taskUid?: number; message?: string } | null;
    if (!response.ok || typeof answer?.taskUid !== "number")
      throw new Error(`Meilisearch did not take the spooled documents (${response.status}): ${answer?.message ?? "no task"}`);
    return answer.taskUid;
  }

  /**
   * Sends the rest and waits until Meilisearch indexed everything. The rows are marked
   * processed while Meilisearch indexes, inside one transaction committed only once every task
   * succeeded: a failed task or an interrupted process rolls the marks back and the rows stay
   * queued (the worker's claim works the same way), while the marking no longer adds its
   * 30 slices of UPDATE at 300k pairs to the time until the index caught up.
   */
  async finish(pool: pg.Pool): Promise<IndexFeedSummary> {
    let marking: Promise<{ requeued: number; processed: number }> | null = null;
    const client = await pool.connect();
    let failed: unknown = null;
    try {
      await this.ready;
      if (this.spool) await this.sendSpool();
      else this.flush();
      await this.sending;
      // Every task is enqueued: a pair changed elsewhere from now on is indexed by a task
      // enqueued after these, so checking for such changes need not wait for the tasks.
      await client.query("BEGIN");
      marking = markProcessed(client, this.outboxSlices());
      // Awaited below; this only keeps Node from calling it unhandled while the tasks run.
      marking.catch(() => {});
      await waitForTasks(this.tasks);
      const marked = await marking;
      await client.query("COMMIT");
      return { documents: this.documents, tasks: this.tasks.length, outboxRowsProcessed: marked.processed, requeued: marked.requeued };
    } catch (error) {
      failed = error;
      throw error;
    } finally {
      if (failed) {
        await marking?.catch(() => {});
        await client.query("ROLLBACK").catch(() => {});
      }
      client.release(failed instanceof Error ? failed : undefined);
      await this.close();
    }
  }

  /** The batches' outbox ids in slices of 10,000: one statement with a million ids in an array holds its locks for minutes. */
  private outboxSlices(): string[][] {
    const slices: string[][] = [];
    let slice: string[] = [];
    for (const task of this.tasks) {
      for (const id of task.outboxIds) {
        slice.push(String(id));
        if (slice.length === 10_000) {
          slices.push(slice);
          slice = [];
        }
      }
    }
    if (slice.length) slices.push(slice);
    return slices;
  }

  /** Removes the spool file; call when the import fails before finish(). */
  async close(): Promise<void> {
    if (!this.spool) return;
    this.spool.stream?.destroy();
    await rm(this.spool.dir, { recursive: true, force: true });
  }
}

/**
 * Marks the batches' rows processed, in the caller's open transaction. A pair changed elsewhere
 * after its batch committed (an editor, the search worker indexing that change already) may be
 * overwritten by the batch's older state: it is queued again so the final drain rebuilds it
 * from Postgres.
 */
async function markProcessed(client: pg.PoolClient, slices: string[][]): Promise<{ requeued: number; processed: number }> {
  let requeued = 0;
  let processed = 0;
  for (const ids of slices) {
    const again = await client.query(
      `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt")
       SELECT DISTINCT mine."qaPairId", 'UPSERT'::"OutboxOp", timezone('UTC', now()), timezone('UTC', now())
         FROM "SearchOutbox" mine JOIN "SearchOutbox" later ON later."qaPairId" = mine."qaPairId" AND later.id > mine.id
        WHERE mine.id = ANY($1::bigint[])`,
      [ids],
    );
    requeued += again.rowCount ?? 0;
  }
  for (const ids of slices) {
    const result = await client.query(
      `UPDATE "SearchOutbox" SET "processedAt" = timezone('UTC', now()), "lastError" = NULL WHERE id = ANY($1::bigint[]) AND "processedAt" IS NULL`,
      [ids],
    );
    processed += result.rowCount ?? 0;
  }
  return { requeued, processed };
}
