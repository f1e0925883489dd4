import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaPairDocument } from "@/lib/search/documents";
import { corpusLines } from "../support/corpus-lines";
import { useTestServices, type TestServices } from "../support/services";

// The corpus import with indexing: each batch's documents are built in memory from what it
// wrote and sent after commit (after the last commit by default, or while writing). They must be exactly what the outbox worker would build
// from Postgres, and no outbox row may be left pending or marked without its document.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const SLICE = 200;
// Families with split multi-speaker answers (wh), reporter/outlet questioners and topics (uspnc), outlets (cmfa).
const FILES = ["whitehouse_press_briefings_2021_2025.jsonl.gz", "us_presidential_news_conferences_1960_1980.jsonl", "cmfa_presscon_v4_ukraine_subset.jsonl"];

let services: TestServices;
let dir: string;
let client: pg.Client;
let corpus: typeof import("@/lib/corpus/import");
const files: string[] = [];
const records: Record<string, unknown>[][] = [];

beforeAll(async () => {
  services = await useTestServices();
  corpus = await import("@/lib/corpus/import");
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-corpus-overlap-"));
  for (const name of FILES) {
    const lines = await corpusLines(path.join(corpusDir, name), 1, SLICE);
    const file = path.join(dir, name.replace(/\.gz$/, ""));
    await writeFile(file, `${lines.join("\n")}\n`);
    files.push(file);
    records.push(lines.map((l) => JSON.parse(l) as Record<string, unknown>));
  }
  client = new pg.Client({ connectionString: services.databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);

/** The index content must equal, document for document, what the outbox worker builds now. */
async function expectIndexMatchesPostgres() {
  const { documentsForPairs } = await import("@/lib/search/documents");
  const { meili } = await import("@/lib/search/client");
  const ids = (await client.query<{ id: number }>(`SELECT id FROM "QaPair" ORDER BY id`)).rows.map((r) => r.id);
  const expected = (await documentsForPairs(ids)).upserts;
  const indexed = await meili().index<QaPairDocument>(services.indexUid).getDocuments({ limit: 10_000 });
  const byId = (a: QaPairDocument, b: QaPairDocument) => a.id.localeCompare(b.id);
  expect(indexed.results.length).toBe(expected.length);
  expect([...indexed.results].sort(byId)).toEqual([...expected].sort(byId));
  return expected;
}

describe("corpus import with indexing", () => {
  it("indexes every visible pair it wrote and leaves no outbox row pending", async () => {
    const summary = await corpus.importCorpusFiles(files, { batchSize: 120, index: true });
    expect(summary.pairsInserted).toBe(FILES.length * SLICE);
    expect(summary.batches).toBeGreaterThan(3);
    // Everything went through the overlapped path; nothing was left for the final drain.
    expect(summary.indexing).toMatchObject({ documents: FILES.length * SLICE, outboxRowsProcessed: FILES.length * SLICE, leftover: { outboxRows: 0 } });
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`)).toBe(0);
    const documents = await expectIndexMatchesPostgres();
    expect(documents.length).toBe(FILES.length * SLICE);
    // A split White House answer keeps its several speakers, as the worker builds it.
    expect(documents.some((d) => d.answerSpeakers.length > 1)).toBe(true);
  });

  it("sends a changed record's new state, and leaves an unpublished pair to the outbox, which removes it", async () => {
    const [wh, uspnc] = records;
    // An editor unpublishes a pair (and queues it, as the editor code does) while its record also changed.
    const hidden = uspnc[5].id as string;
    await client.query(`UPDATE "QaPair" SET status = 'UNPUBLISHED' WHERE "sourceId" = $1`, [hidden]);
    const changedId = wh[7].id as string;
    const changedFile = path.join(dir, "changed.jsonl");
    await writeFile(
      changedFile,
      [
        JSON.stringify({ ...wh[7], answer: `${wh[7].answer as string} (corrected)` }),
        JSON.stringify({ ...uspnc[5], question: `${uspnc[5].question as string} (corrected)` }),
        JSON.stringify(wh[8]),
      ].join("\n"),
    );

    // This time sent while writing rather than after the last commit.
    const summary = await corpus.importCorpusFiles([changedFile], { index: true, indexMode: "overlap" });
    expect(summary).toMatchObject({ pairsUpdated: 2, pairsUnchanged: 1 });
    // Only the visible changed pair is sent while writing; the hidden one goes through the drain.
    expect(summary.indexing).toMatchObject({ documents: 1, outboxRowsProcessed: 1, requeued: 0, leftover: { outboxRows: 1, documents: 0, deletes: 1 } });
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`)).toBe(0);

    const documents = await expectIndexMatchesPostgres();
    expect(documents.length).toBe(FILES.length * SLICE - 1);
    expect(documents.find((d) => d.sourceId === changedId)?.answerText).toMatch(/\(corrected\)$/);
    expect(documents.some((d) => d.sourceId === hidden)).toBe(false);
  });

  it("rewrites only the two pairs when the original files come back, then changes nothing", async () => {
    const outboxBefore = await count(`SELECT count(*) AS n FROM "SearchOutbox"`);
    const restored = await corpus.importCorpusFiles(files, { batchSize: 120, index: true });
    expect(restored).toMatchObject({ pairsInserted: 0, pairsUpdated: 2, outboxRows: 2 });
    expect(restored.indexing?.documents).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox"`)).toBe(outboxBefore + 2);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`)).toBe(0);

    const again = await corpus.importCorpusFiles(files, { batchSize: 120, index: true });
    expect(again).toMatchObject({ pairsInserted: 0, pairsUpdated: 0, pairsUnchanged: FILES.length * SLICE, outboxRows: 0 });
    expect(again.indexing).toMatchObject({ documents: 0, tasks: 0, leftover: { outboxRows: 0 } });
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox"`)).toBe(outboxBefore + 2);
    await expectIndexMatchesPostgres();
  });

  it("leaves the batch's rows queued, marks and requeues rolled back, when a task fails while they are being marked", async () => {
    const { IndexFeed } = await import("@/lib/corpus/index-feed");
    const { documentsForPairs } = await import("@/lib/search/documents");
    const pairIds = (await client.query<{ id: number }>(`SELECT id FROM "QaPair" ORDER BY id LIMIT 2`)).rows.map((r) => r.id);
    const outboxIds = (
      await client.query<{ id: string }>(`INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt") SELECT unnest($1::int[]), 'UPSERT', now(), now() RETURNING id`, [
        pairIds,
      ])
    ).rows.map((r) => r.id);
    // A change made elsewhere to the first pair after "its batch" committed: marking would requeue it.
    await client.query(`INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt", "processedAt") VALUES ($1, 'UPSERT', now(), now(), now())`, [pairIds[0]]);
    const rowsBefore = await count(`SELECT count(*) AS n FROM "SearchOutbox"`);
    const documents = (await documentsForPairs(pairIds)).upserts;
    // A document id Meilisearch refuses: its task fails after the rows were marked in the open transaction.
    documents[1] = { ...documents[1], id: "not a valid id!" };
    const pool = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
    try {
      const feed = await IndexFeed.open({ mode: "after" });
      await feed.add(documents, outboxIds);
      await expect(feed.finish(pool)).rejects.toThrow(/failed/);
    } finally {
      await pool.end();
    }
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE id = ANY('{${outboxIds.join(",")}}'::bigint[]) AND "processedAt" IS NULL`)).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox"`)).toBe(rowsBefore);
    // The worker's drain then indexes them from Postgres.
    const { runIndexingPhase } = await import("@/lib/corpus/indexing");
    expect(await runIndexingPhase()).toMatchObject({ outboxRows: 2 });
    await expectIndexMatchesPostgres();
  });
});
