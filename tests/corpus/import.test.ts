import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusLines } from "../support/corpus-lines";
import { useTestServices, type TestServices } from "../support/services";

// Real slices of every corpus file through the real importer into a real Postgres.

const corpusDir = path.resolve(import.meta.dirname, "../../../shared/corpus");
const SLICE = 300;
const FILES = {
  wh: "whitehouse_press_briefings_2021_2025.jsonl.gz",
  "mfa-en": "mfa_prc_press_conferences_2016_2020_en.jsonl",
  "mfa-zh": "mfa_prc_press_conferences_2016_2020_zh.jsonl",
  uspnc: "us_presidential_news_conferences_1960_1980.jsonl",
  "cmfa-v4": "cmfa_presscon_v4_ukraine_subset.jsonl",
} as const;

type RawRecord = {
  id: string;
  date: string | null;
  conference: string | null;
  answerers: string[];
  questioner: string | null;
  question: string;
  answer: string;
  topic: string | null;
  url: string | null;
  source: string;
  seq: number;
};

let services: TestServices;
let dir: string;
let client: pg.Client;
let corpus: typeof import("@/lib/corpus/import");
const slices = new Map<string, { file: string; records: RawRecord[] }>();

beforeAll(async () => {
  services = await useTestServices();
  corpus = await import("@/lib/corpus/import");
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-corpus-test-"));
  for (const [family, name] of Object.entries(FILES)) {
    const lines = await corpusLines(path.join(corpusDir, name), 1, SLICE);
    const file = path.join(dir, name);
    // The White House slice stays gzipped, so the gzip path is exercised.
    await writeFile(file, name.endsWith(".gz") ? gzipSync(`${lines.join("\n")}\n`) : `${lines.join("\n")}\n`);
    slices.set(family, { file, records: lines.map((l) => JSON.parse(l) as RawRecord) });
  }
  client = new pg.Client({ connectionString: services.databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const count = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0].n);

async function pairSnapshot() {
  const { rows } = await client.query(`SELECT id, "publicId", version, "updatedAt", "contentHash" FROM "QaPair" ORDER BY id`);
  return rows;
}

describe("bulk corpus import", () => {
  it("imports a slice of every corpus file: pairs, conferences, outlets, topics, split answers", async () => {
    const summary = await corpus.importCorpusFiles(
      [...slices.values()].map((s) => s.file),
      { batchSize: 250 },
    );
    expect(summary.skipped).toEqual([]);
    expect(summary.pairsInserted).toBe(5 * SLICE);
    expect(summary.outboxRows).toBe(5 * SLICE);

    for (const [family, slice] of slices) {
      const { rows } = await client.query<{ sourceId: string }>(`SELECT "sourceId" FROM "QaPair" WHERE "sourceCorpus" = $1`, [family]);
      expect(rows.map((r) => r.sourceId).sort()).toEqual(slice.records.map((r) => r.id).sort());
    }
    // Grouping: one conference per page (URL) or source document and date, computed independently here.
    const groups = new Set([...slices.values()].flatMap((s) => s.records.map((r) => `${r.date}|${r.url ?? r.source.replace(/@[0-9a-f]+:/, ":")}`)));
    expect(await count(`SELECT count(*) AS n FROM "Conference" WHERE status = 'PUBLISHED'`)).toBe(groups.size);
    expect(summary.conferences).toBe(groups.size);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL AND op = 'UPSERT'`)).toBe(5 * SLICE);

    // MFA questioners are outlets, not people.
    const mfa = [...slices.get("cmfa-v4")!.records, ...slices.get("mfa-en")!.records].filter((r) => r.questioner);
    expect(mfa.length).toBeGreaterThan(100);
    const outlets = await client.query<{ sourceId: string; outlet: string | null; questionerId: number | null }>(
      `SELECT p."sourceId", o.name AS outlet, p."questionerId" FROM "QaPair" p LEFT JOIN "Outlet" o ON o.id = p."outletId" WHERE p."sourceId" = ANY($1)`,
      [mfa.map((r) => r.id)],
    );
    const bySource = new Map(outlets.rows.map((r) => [r.sourceId, r]));
    const { outletMatchKey } = await import("@/lib/people/normalise");
    for (const record of mfa) {
      // Printed variants ("Bloomberg News") are filed under one outlet; "Journalist" names none.
      const stored = bySource.get(record.id)?.outlet ?? null;
      expect(stored === null ? null : outletMatchKey(stored)).toBe(outletMatchKey(record.questioner!));
      expect(bySource.get(record.id)?.questionerId).toBeNull();
    }

    // US topics are linked, and early questioners split into reporter and outlet.
    const withTopic = slices.get("uspnc")!.records.filter((r) => r.topic);
    expect(withTopic.length).toBeGreaterThan(0);
    const topics = await client.query<{ sourceId: string; name: string }>(
      `SELECT p."sourceId", t.name FROM "QaPair" p JOIN "QaPairTopic" pt ON pt."qaPairId" = p.id JOIN "Topic" t ON t.id = pt."topicId" WHERE p."sourceCorpus" = 'uspnc'`,
    );
    expect(new Map(topics.rows.map((r) => [r.sourceId, r.name]))).toEqual(new Map(withTopic.map((r) => [r.id, r.topic])));
    const eaton = slices.get("uspnc")!.records.find((r) => r.questioner?.includes(", "))!;
    const asked = await client.query<{ speaker: string; outlet: string }>(
      `SELECT s.name AS speaker, o.name AS outlet FROM "QaPair" p JOIN "Speaker" s ON s.id = p."questionerId" JOIN "Outlet" o ON o.id = p."outletId" WHERE p."sourceId" = $1`,
      [eaton.id],
    );
    expect(`${asked.rows[0].speaker}, ${asked.rows[0].outlet}`).toBe(eaton.questioner);

    // A White House answer by several speakers becomes one turn per speaker, in order, text kept.
    const multi = slices.get("wh")!.records.find((r) => r.answerers.length > 1)!;
    const turns = await client.query<{ kind: string; speakerLabel: string | null; text: string }>(
      `SELECT t.kind, t."speakerLabel", t.text FROM "Turn" t JOIN "QaPair" p ON p.id = t."qaPairId" WHERE p."sourceId" = $1 ORDER BY t.position`,
      [multi.id],
    );
    expect(turns.rows[0]).toMatchObject({ kind: "QUESTION", text: multi.question });
    const answers = turns.rows.filter((t) => t.kind === "ANSWER");
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers[0].speakerLabel).toBe(multi.answerers[0]);
    expect(new Set(answers.map((a) => a.speakerLabel))).toEqual(new Set(multi.answerers));
    const squash = (s: string) => s.replace(/\s+/g, "");
    const rebuilt = answers.map((a, i) => (i === 0 ? a.text : `${a.speakerLabel}:${a.text}`)).join("");
    expect(squash(rebuilt)).toBe(squash(multi.answer));
  });

  it("changes nothing when run again", async () => {
    const before = await pairSnapshot();
    const turnsBefore = await count(`SELECT count(*) AS n FROM "Turn"`);
    const outboxBefore = await count(`SELECT count(*) AS n FROM "SearchOutbox"`);
    const summary = await corpus.importCorpusFiles(
      [...slices.values()].map((s) => s.file),
      { batchSize: 250 },
    );
    expect(summary).toMatchObject({ pairsInserted: 0, pairsUpdated: 0, pairsUnchanged: 5 * SLICE, conferencesInserted: 0, conferencesUpdated: 0, outboxRows: 0 });
    expect(await pairSnapshot()).toEqual(before);
    expect(await count(`SELECT count(*) AS n FROM "Turn"`)).toBe(turnsBefore);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox"`)).toBe(outboxBefore);
  });

  it("updates a changed record in place: same public id, new text, version bumped, queued for indexing", async () => {
    const slice = slices.get("cmfa-v4")!;
    const target = slice.records[10];
    const changed = slice.records.map((r) => (r.id === target.id ? { ...r, answer: `${r.answer} (corrected)` } : r));
    const file = path.join(dir, "cmfa-changed.jsonl");
    await writeFile(file, changed.map((r) => JSON.stringify(r)).join("\n"));
    const before = (await client.query(`SELECT id, "publicId", version FROM "QaPair" WHERE "sourceId" = $1`, [target.id])).rows[0];

    const summary = await corpus.importCorpusFiles([file]);
    expect(summary).toMatchObject({ pairsInserted: 0, pairsUpdated: 1, pairsUnchanged: SLICE - 1 });
    const after = (await client.query(`SELECT id, "publicId", version FROM "QaPair" WHERE "sourceId" = $1`, [target.id])).rows[0];
    expect(after).toEqual({ ...before, version: before.version + 1 });
    const answer = await client.query<{ text: string }>(`SELECT text FROM "Turn" WHERE "qaPairId" = $1 AND kind = 'ANSWER'`, [before.id]);
    expect(answer.rows.map((r) => r.text)).toEqual([`${target.answer} (corrected)`]);
    expect(await count(`SELECT count(*) AS n FROM "Turn" WHERE "qaPairId" = $1`, [before.id])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "qaPairId" = $1 AND "processedAt" IS NULL`, [before.id])).toBe(2);
  });

  it("reports a line that fails validation with its line number and imports the rest", async () => {
    const lines = await corpusLines(path.join(corpusDir, FILES.uspnc), SLICE + 1, SLICE + 3);
    const broken = JSON.parse(lines[1]) as Record<string, unknown>;
    delete broken.question;
    const file = path.join(dir, "with-bad-lines.jsonl");
    await writeFile(file, [lines[0], JSON.stringify(broken), lines[2], "{not json", ""].join("\n"));

    const summary = await corpus.importCorpusFiles([file]);
    expect(summary.skipped).toEqual([
      { file: "with-bad-lines.jsonl", line: 2, reason: expect.stringContaining("question") },
      { file: "with-bad-lines.jsonl", line: 4, reason: expect.stringContaining("not valid JSON") },
    ]);
    expect(summary.pairsInserted).toBe(2);
    const ids = [lines[0], lines[2]].map((l) => (JSON.parse(l) as RawRecord).id);
    expect(await count(`SELECT count(*) AS n FROM "QaPair" WHERE "sourceId" = ANY($1)`, [ids])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM "QaPair" WHERE "sourceId" = $1`, [broken.id])).toBe(0);
    expect(corpus.formatImportSummary(summary)).toContain("with-bad-lines.jsonl:2: question");
  });

  it("resumes an interrupted run without duplicating anything", async () => {
    const lines = await corpusLines(path.join(corpusDir, FILES["mfa-zh"]), SLICE + 1, SLICE + 600);
    const file = path.join(dir, "mfa-zh-more.jsonl");
    await writeFile(file, lines.join("\n"));
    const ids = lines.map((l) => (JSON.parse(l) as RawRecord).id);

    // Batches end at conference boundaries, so two batches of "100" hold a little more.
    const first = await corpus.importCorpusFiles([file], { batchSize: 100, maxBatches: 2 });
    expect(first.interrupted).toBe(true);
    expect(first.batches).toBe(2);
    expect(first.pairsInserted).toBeGreaterThanOrEqual(200);
    expect(first.pairsInserted).toBeLessThan(300);
    expect(await count(`SELECT count(*) AS n FROM "QaPair" WHERE "sourceId" = ANY($1)`, [ids])).toBe(first.pairsInserted);

    const controller = new AbortController();
    controller.abort();
    const aborted = await corpus.importCorpusFiles([file], { signal: controller.signal });
    expect(aborted).toMatchObject({ interrupted: true, pairsInserted: 0 });

    const second = await corpus.importCorpusFiles([file], { batchSize: 100 });
    expect(second).toMatchObject({ interrupted: false, pairsInserted: 600 - first.pairsInserted, pairsUnchanged: first.pairsInserted, pairsUpdated: 0 });
    expect(await count(`SELECT count(*) AS n FROM "QaPair" WHERE "sourceId" = ANY($1)`, [ids])).toBe(600);
    expect(await count(`SELECT count(*) AS n FROM (SELECT "sourceId" FROM "QaPair" GROUP BY "sourceCorpus", "sourceId" HAVING count(*) > 1) d`)).toBe(0);
    // A conference cut by the interruption is completed, not created twice.
    expect(await count(`SELECT count(*) AS n FROM (SELECT "sourceKey" FROM "Conference" GROUP BY "sourceKey" HAVING count(*) > 1) d`)).toBe(0);
  });

  it("drains the outbox into Meilisearch in the indexing phase and marks the rows processed", async () => {
    const { runIndexingPhase } = await import("@/lib/corpus/indexing");
    const pairs = await count(`SELECT count(*) AS n FROM "QaPair"`);
    const result = await runIndexingPhase({ chunkSize: 700 });
    expect(result.documents).toBe(pairs);
    expect(await count(`SELECT count(*) AS n FROM "SearchOutbox" WHERE "processedAt" IS NULL`)).toBe(0);
    const { meili } = await import("@/lib/search/client");
    const stats = await meili().index(services.indexUid).getStats();
    expect(stats.numberOfDocuments).toBe(pairs);
    const sample = (await client.query<{ publicId: string; sourceId: string }>(`SELECT "publicId", "sourceId" FROM "QaPair" WHERE "sourceCorpus" = 'uspnc' LIMIT 1`)).rows[0];
    const document = await meili().index(services.indexUid).getDocument(sample.publicId);
    expect(document.sourceId).toBe(sample.sourceId);
  });
});
