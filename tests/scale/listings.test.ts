import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestServices, type TestServices } from "../support/services";

// Keyset pagination and the sitemap index on a small synthetic archive (1,500 pairs recombined
// from the real corpus, lib/corpus/synthesize.ts), with pair ids made to straddle a sitemap
// chunk boundary so the index has to list more than one Q&A file.

let services: TestServices;
let dir: string;

beforeAll(async () => {
  services = await useTestServices();
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-scale-test-"));
  const { loadSynthesisSources, writeSyntheticCorpus } = await import("@/lib/corpus/synthesize-file");
  const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");
  const sources = await loadSynthesisSources([
    path.join(corpus, "mfa_prc_press_conferences_2016_2020_en.jsonl"),
    path.join(corpus, "mfa_prc_press_conferences_2016_2020_zh.jsonl"),
  ]);
  const file = path.join(dir, "synthetic.jsonl");
  await writeSyntheticCorpus(sources, { pairs: 1500, seed: 11, out: file });
  const { db } = await import("@/lib/db/client");
  // Pair ids from 2,000 on: the sitemap's Q&A files are 2,500 ids wide.
  await db().$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"QaPair"', 'id'), 2000)`);
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  const summary = await importCorpusFiles([file], { databaseUrl: process.env.DATABASE_URL });
  expect(summary.pairsInserted).toBe(1500);
}, 300_000);

afterAll(async () => {
  await services?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function busiest(sql: string): Promise<{ id: number; n: number }> {
  const { db } = await import("@/lib/db/client");
  const [row] = await db().$queryRawUnsafe<{ id: number; n: number }[]>(sql);
  return row;
}

describe("keyset pagination of pair listings", () => {
  type Page = Awaited<ReturnType<typeof import("@/lib/catalog/pair-list").listPairs>>;
  type Position = import("@/lib/catalog/pair-cursor").ListPosition;

  /** Offset pages, `after` cursors forwards and `before` cursors back from ?page=last give the plain Prisma order. */
  async function expectSameWalks(list: (position: Position) => Promise<Page>, where: import("@/lib/generated/prisma/client").Prisma.QaPairWhereInput, n: number) {
    const { listPosition } = await import("@/lib/catalog/pair-cursor");
    const byOffset: string[] = [];
    const first = await list({ kind: "offset", page: 1 });
    expect(first.total).toBe(n);
    for (let page = 1; page <= first.pageCount; page++) byOffset.push(...(await list({ kind: "offset", page })).items.map((i) => i.publicId));
    expect(byOffset).toHaveLength(n);
    // The same order as the plain (Prisma-ordered, no candidate ids, no walk) listing of the same filter.
    const { listPairs } = await import("@/lib/catalog/pair-list");
    const plain = await listPairs(where, { kind: "offset", page: 1 }, { limit: 10_000 });
    expect(plain.items.map((i) => i.publicId)).toEqual(byOffset);

    const forwards: string[] = [...first.items.map((i) => i.publicId)];
    let page = first;
    while (page.cursors.after) {
      page = await list(listPosition({ page: String(page.page + 1), after: page.cursors.after }));
      forwards.push(...page.items.map((i) => i.publicId));
    }
    expect(page.page).toBe(first.pageCount);
    expect(forwards).toEqual(byOffset);

    // From the end (?page=last), back to the first page by `before` cursors.
    let back = await list({ kind: "last" });
    expect(back.page).toBe(first.pageCount);
    expect(back.cursors.after).toBeNull();
    const backwards: string[][] = [back.items.map((i) => i.publicId)];
    while (back.cursors.before) {
      back = await list(listPosition({ page: String(back.page - 1), before: back.cursors.before }));
      backwards.unshift(back.items.map((i) => i.publicId));
    }
    expect(back.page).toBe(1);
    expect(backwards.flat()).toEqual(byOffset);
  }

  it("walks a person's answers (through their conferences) by cursor forwards and backwards with no gap, no repeat and the offset pages' order", async () => {
    const { speakerAnswers, answeredBy } = await import("@/lib/catalog/people");
    const speaker = await busiest(`SELECT "speakerId" AS id, count(DISTINCT "qaPairId")::int AS n FROM "Turn" WHERE kind = 'ANSWER' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    expect(speaker.n).toBeGreaterThan(40);
    await expectSameWalks((position) => speakerAnswers(speaker.id, position), answeredBy(speaker.id), speaker.n);
  });

  /** The MFA sources carry no topics: one on every third pair (and the kept counts see it: a new topic moves the stamp). */
  async function givenTopic(): Promise<void> {
    const { db } = await import("@/lib/db/client");
    if (await db().topic.findUnique({ where: { slug: "scale-test-topic" } })) return;
    await db().$executeRawUnsafe(`INSERT INTO "Topic" (name, slug) VALUES ('Scale test topic', 'scale-test-topic')`);
    await db().$executeRawUnsafe(
      `INSERT INTO "QaPairTopic" ("qaPairId", "topicId") SELECT id, (SELECT id FROM "Topic" WHERE slug = 'scale-test-topic') FROM "QaPair" WHERE id % 3 = 0`,
    );
  }

  it("walks a topic's and an outlet's pairs (sorted candidates) the same way", async () => {
    await givenTopic();
    const { topicPairs } = await import("@/lib/catalog/topics");
    const { outletQuestions } = await import("@/lib/catalog/outlets");
    const topic = await busiest(`SELECT "topicId" AS id, count(*)::int AS n FROM "QaPairTopic" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    expect(topic.n).toBeGreaterThan(20);
    await expectSameWalks((position) => topicPairs(topic.id, position), { topics: { some: { topicId: topic.id } } }, topic.n);
    const outlet = await busiest(`SELECT "outletId" AS id, count(*)::int AS n FROM "QaPair" WHERE "outletId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1 OFFSET 1`);
    expect(outlet.n).toBeGreaterThan(20);
    await expectSameWalks((position) => outletQuestions(outlet.id, position), { outletId: outlet.id }, outlet.n);
    // What an outlet or topic past SORT_CANDIDATES_UP_TO gets: a walk over every published conference.
    const { listPairs } = await import("@/lib/catalog/pair-list");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const walk = { conferenceIds: null, pairMatches: Prisma.sql`q."outletId" = ${outlet.id}` };
    await expectSameWalks((position) => listPairs({ outletId: outlet.id }, position, { total: outlet.n, walk }), { outletId: outlet.id }, outlet.n);
  });

  it("keeps a person's answers per year and topics equal to counting them", async () => {
    await givenTopic();
    const { speakerAnswersPerYear, speakerTopics } = await import("@/lib/catalog/people");
    const speaker = await busiest(`SELECT "speakerId" AS id, count(DISTINCT "qaPairId")::int AS n FROM "Turn" WHERE kind = 'ANSWER' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const { db } = await import("@/lib/db/client");
    const years = await db().$queryRawUnsafe<{ year: number; count: number }[]>(
      `SELECT EXTRACT(YEAR FROM c."heldOn")::int AS year, COUNT(DISTINCT p.id)::int AS count FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
        JOIN "Turn" t ON t."qaPairId" = p.id AND t.kind = 'ANSWER' AND t."speakerId" = $1
        WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' AND c."heldOn" IS NOT NULL GROUP BY 1 ORDER BY 1`,
      speaker.id,
    );
    expect(years.length).toBeGreaterThan(0);
    expect(await speakerAnswersPerYear(speaker.id)).toEqual(years);
    const topics = await db().$queryRawUnsafe<{ slug: string; count: number }[]>(
      `SELECT tp.slug, COUNT(DISTINCT t."qaPairId")::int AS count FROM "Turn" t JOIN "QaPairTopic" qt ON qt."qaPairId" = t."qaPairId" JOIN "Topic" tp ON tp.id = qt."topicId"
        JOIN "QaPair" p ON p.id = t."qaPairId" AND p.status = 'PUBLISHED' JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
        WHERE t.kind = 'ANSWER' AND t."speakerId" = $1 GROUP BY tp.id, tp.name ORDER BY count DESC, tp.name LIMIT 30`,
      speaker.id,
    );
    expect(topics.length).toBeGreaterThan(0);
    expect((await speakerTopics(speaker.id)).map((t) => ({ slug: t.slug, count: t.count }))).toEqual(topics);
  });

  it("counts an outlet's questions from the kept counts, and follows a withdrawal", async () => {
    const { outletQuestions, listOutlets } = await import("@/lib/catalog/outlets");
    const outlet = await busiest(`SELECT "outletId" AS id, count(*)::int AS n FROM "QaPair" WHERE "outletId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    expect((await outletQuestions(outlet.id, { kind: "offset", page: 1 })).total).toBe(outlet.n);
    const index = await listOutlets(1, 100);
    expect(index.items[0].questions).toBe(outlet.n);

    const { db } = await import("@/lib/db/client");
    await db().$executeRawUnsafe(`UPDATE "QaPair" SET status = 'UNPUBLISHED', "updatedAt" = now() WHERE id = (SELECT min(id) FROM "QaPair" WHERE "outletId" = $1)`, outlet.id);
    // A small archive refreshes its kept counts inline: the next reader sees the change.
    expect((await outletQuestions(outlet.id, { kind: "offset", page: 1 })).total).toBe(outlet.n - 1);
  });

  it("never hides pairs behind a kept count that has not caught up (a person just split off read as 0)", async () => {
    const { listPairs } = await import("@/lib/catalog/pair-list");
    const person = await busiest(
      `SELECT t."speakerId" AS id, count(DISTINCT t."qaPairId")::int AS n FROM "Turn" t WHERE t.kind = 'ANSWER' AND t."speakerId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const where = { turns: { some: { kind: "ANSWER" as const, speakerId: person.id } } };
    const stale = await listPairs(where, { kind: "offset", page: 1 }, { total: 0, limit: 10 });
    expect(stale.items).toHaveLength(Math.min(10, person.n));
    expect(stale.total).toBeGreaterThanOrEqual(stale.items.length);
    const none = await listPairs({ id: -1 }, { kind: "offset", page: 1 }, { total: 0 });
    expect(none.items).toHaveLength(0);
    expect(none.total).toBe(0);
  });

  it("reads an old ?page=N link past the middle from the oldest end: the same window, never more than half the listing skipped", async () => {
    const { offsetRead } = await import("@/lib/catalog/pair-list");
    for (const total of [0, 1, 19, 20, 21, 39, 40, 41, 99, 100, 101, 1000, 26_060]) {
      const pageCount = Math.max(1, Math.ceil(total / 20));
      for (let page = 1; page <= pageCount + 1; page++) {
        const read = offsetRead(page, 20, total);
        // Positions (newest first) of the rows the read returns, against a plain OFFSET's.
        const first = read.from === "newest" ? read.skip : total - read.skip - read.take;
        const plain = { first: (page - 1) * 20, count: Math.max(0, Math.min(20, total - (page - 1) * 20)) };
        expect({ total, page, first: Math.min(first, total), count: Math.max(0, Math.min(read.take, total - first)) }).toEqual({
          total,
          page,
          first: Math.min(plain.first, total),
          count: plain.count,
        });
        if (page <= pageCount) expect(read.skip).toBeLessThanOrEqual(total / 2);
      }
    }
    // The busiest outlet at a million pairs: its last page by number reads no more than ?page=last.
    expect(offsetRead(1303, 20, 26_060)).toEqual({ from: "oldest", skip: 0, take: 20 });
  });

  it("answers an odd cursor with the first page rather than an error", async () => {
    const { listPosition } = await import("@/lib/catalog/pair-cursor");
    expect(listPosition({ after: "2021-01-01~x~1" })).toEqual({ kind: "offset", page: 1 });
    expect(listPosition({ page: "last" })).toEqual({ kind: "last" });
    expect(listPosition({ page: "3", before: "-~12~4" })).toEqual({ kind: "before", page: 3, cursor: { heldOn: null, conferenceId: 12, ordinal: 4 } });
  });
});

describe("sitemap index", () => {
  it("answers /sitemap.xml with a <sitemapindex> whose files hold every visible pair once, each at most 2,500 URLs (quick to render)", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const index = await (await GET(new Request("http://test/sitemap.xml"))).text();
    expect(index).toContain("<sitemapindex");
    const files = [...index.matchAll(/\/sitemaps\/([a-z]+-\d+\.xml)<\/loc>/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(["pages-0.xml", "conferences-0.xml", "qa-0.xml", "qa-1.xml", "people-0.xml", "outlets-0.xml"]));

    const { sitemapChunkUrls, renderUrlSet } = await import("@/lib/catalog/sitemap");
    const { escapeXml } = await import("@/lib/catalog/atom");
    const { publicBaseUrl } = await import("@/lib/env");
    const qaUrls: string[] = [];
    const allLocs: string[] = [];
    for (const file of files.filter((f) => f.startsWith("qa-"))) {
      const urls = (await sitemapChunkUrls(file))!;
      expect(urls.length).toBeLessThanOrEqual(2_500);
      qaUrls.push(...urls.map((u) => u.path));
      // Plain paths skip URL parsing: every address must still be what new URL() makes of it
      // (Chinese slugs percent-encoded, English ones as they are).
      const locs = [...renderUrlSet(urls).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
      expect(locs).toEqual(urls.map((u) => escapeXml(new URL(u.path, publicBaseUrl()).toString())));
      allLocs.push(...locs);
    }
    expect(allLocs.some((l) => l.includes("%E"))).toBe(true);
    expect(allLocs.some((l) => /\/qa\/\w+\/[a-z0-9-]+$/.test(l))).toBe(true);
    const { db } = await import("@/lib/db/client");
    const [{ n }] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'`,
    );
    expect(new Set(qaUrls).size).toBe(n);
    expect(qaUrls).toHaveLength(n);
  });
});
