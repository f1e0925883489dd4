import path from "node:path";
import pg from "pg";
import { scaleDir } from "./run";

// `tsx bench/scale/explain.ts 1m`: EXPLAIN ANALYZE on a kept size (.data/scale/<size>/, from
// `bench:scale --keep`) of each query a page sent before a fix next to what it sends now (a
// person's page, a topic's, a mid-sized outlet's, the export's ETag), run twice (the first as
// cold as the machine leaves it, then again), plus how long refreshing the kept counts takes.

const size = process.argv[2] ?? "1m";
const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
const { findFreePort } = await import("@/lib/dev-services/ports");
const { migrate } = await import("@/lib/db/migrator");
const postgres = await startEmbeddedPostgres({ dataDir: path.join(scaleDir, size, "data", "pg"), port: await findFreePort(), persistent: true });
const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
const one = async <T>(sql: string) => (await pool.query(sql)).rows[0] as T;
try {
  let t = performance.now();
  await migrate(postgres.url);
  console.log(`migrate (creates the kept-count views on existing data): ${Math.round(performance.now() - t)} ms`);
  process.env.DATABASE_URL = postgres.url;
  const { refreshRollups } = await import("@/lib/rollups/rollups");
  t = performance.now();
  await refreshRollups(pool);
  console.log(`refresh kept counts: ${Math.round(performance.now() - t)} ms`);

  const speaker = await one<{ id: number; n: number }>(`SELECT "speakerId" AS id, answers AS n FROM "SpeakerAnswerCount" ORDER BY answers DESC LIMIT 1`);
  const topic = await one<{ id: number; n: number }>(`SELECT "topicId" AS id, pairs AS n FROM "TopicPairCount" ORDER BY pairs DESC LIMIT 1`);
  // The busiest outlet whose page now sorts its candidates (lib/catalog/pair-candidates.ts SORT_CANDIDATES_UP_TO).
  const outlet = await one<{ id: number; n: number }>(`SELECT "outletId" AS id, questions AS n FROM "OutletQuestionCount" WHERE questions <= 2000 ORDER BY questions DESC LIMIT 1`);
  const newestKeys = `"heldOn" DESC NULLS LAST, "conferenceId" DESC, ordinal`;
  const oldestKeys = `"heldOn" ASC NULLS FIRST, "conferenceId" ASC, ordinal DESC`;
  // What lib/catalog/pair-candidates.ts sends (run with random_page_cost 1.1, as it is).
  const candidates = (ids: string, order: string) => `!WITH m AS MATERIALIZED (SELECT p.id, p."conferenceId", p.ordinal, c."heldOn"
      FROM (SELECT DISTINCT k.id FROM (${ids}) k(id)) k
      JOIN "QaPair" p ON p.id = k.id AND p.status = 'PUBLISHED' JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED')
    SELECT id FROM m ORDER BY ${order} LIMIT 20`;
  const answered = (alias: string) => `EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = ${alias}.id AND t.kind = 'ANSWER' AND t."speakerId" = ${speaker.id})`;
  const walk = (newest: boolean) => `SELECT p.id FROM (
      SELECT c.id AS "conferenceId", c."heldOn" FROM "Conference" c
       WHERE c.id IN (SELECT "conferenceId" FROM "ConferenceParticipant" WHERE "speakerId" = ${speaker.id}) AND c.status = 'PUBLISHED'
       ORDER BY ${newest ? `c."heldOn" DESC NULLS LAST, c.id DESC` : `c."heldOn" ASC NULLS FIRST, c.id ASC`} OFFSET 0) AS c
    CROSS JOIN LATERAL (SELECT q.id, q.ordinal FROM "QaPair" q WHERE q."conferenceId" = c."conferenceId" AND q.status = 'PUBLISHED' AND ${answered("q")}) AS p
    ORDER BY ${newest ? newestKeys : oldestKeys} LIMIT 20`;
  // A listing without candidates (Prisma's plan): conferences newest first until twenty match.
  const visibleWalk = (match: string, order: string) =>
    `SELECT p.id FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' AND ${match}
      ORDER BY ${order
        .replace(/"heldOn"/, 'c."heldOn"')
        .replace(/"conferenceId"/, 'p."conferenceId"')
        .replace(/ordinal/, "p.ordinal")} LIMIT 20`;
  const topicMatch = `EXISTS (SELECT 1 FROM "QaPairTopic" qt WHERE qt."qaPairId" = p.id AND qt."topicId" = ${topic.id})`;
  const busy = await one<{ id: number; n: number }>(`SELECT "outletId" AS id, questions AS n FROM "OutletQuestionCount" ORDER BY questions DESC LIMIT 1 OFFSET 1`);
  // The SQL Prisma sends for an outlet's listing (captured with its query log), before the walk.
  const prismaOutlet = (newest: boolean) => `SELECT "public"."QaPair"."id" FROM "public"."QaPair"
      LEFT JOIN "public"."Conference" AS "orderby_1" ON ("orderby_1"."id") = ("public"."QaPair"."conferenceId")
      LEFT JOIN "public"."Conference" AS "j0" ON ("j0"."id") = ("public"."QaPair"."conferenceId")
      WHERE ("public"."QaPair"."status" = 'PUBLISHED' AND ("j0"."status" = 'PUBLISHED' AND ("j0"."id" IS NOT NULL)) AND "public"."QaPair"."outletId" = ${busy.id})
      ORDER BY ${newest ? `"orderby_1"."heldOn" DESC NULLS LAST, "public"."QaPair"."conferenceId" DESC, "public"."QaPair"."ordinal" ASC` : `"orderby_1"."heldOn" ASC NULLS FIRST, "public"."QaPair"."conferenceId" ASC, "public"."QaPair"."ordinal" DESC`} LIMIT 20`;
  const walkAll = (newest: boolean) => `SELECT p.id FROM (
      SELECT c.id AS "conferenceId", c."heldOn" FROM "Conference" c WHERE c.status = 'PUBLISHED'
       ORDER BY ${newest ? `c."heldOn" DESC NULLS LAST, c.id DESC` : `c."heldOn" ASC NULLS FIRST, c.id ASC`} OFFSET 0) AS c
    CROSS JOIN LATERAL (SELECT q.id, q.ordinal FROM "QaPair" q WHERE q."conferenceId" = c."conferenceId" AND q.status = 'PUBLISHED' AND q."outletId" = ${busy.id}) AS p
    ORDER BY ${newest ? newestKeys : oldestKeys} LIMIT 20`;
  // Prisma's `_count` of published pairs in a conference listing (captured), and what replaced it.
  const conferencePage = (offset: number, count: boolean) =>
    count
      ? `SELECT c.id, c.slug, COALESCE(a.n, 0) FROM "Conference" c LEFT JOIN (SELECT "conferenceId", COUNT(*) AS n FROM "QaPair" WHERE status = 'PUBLISHED' GROUP BY "conferenceId") a
          ON c.id = a."conferenceId" WHERE c.status = 'PUBLISHED' ORDER BY c."heldOn" DESC NULLS LAST, c.id DESC LIMIT 50 OFFSET ${offset}`
      : `WITH page AS (SELECT c.id, c.slug FROM "Conference" c WHERE c.status = 'PUBLISHED' ORDER BY c."heldOn" DESC NULLS LAST, c.id DESC LIMIT 50 OFFSET ${offset})
          SELECT "conferenceId", COUNT(*) FROM "QaPair" WHERE "conferenceId" IN (SELECT id FROM page) AND status = 'PUBLISHED' GROUP BY 1`;
  const queries: [string, string][] = [
    [`outlet with ${busy.n} questions: first page, before (Prisma's SQL)`, prismaOutlet(true)],
    [`outlet with ${busy.n} questions: first page, now (walk every conference)`, walkAll(true)],
    [`outlet with ${busy.n} questions: ?page=last, before (Prisma's SQL)`, prismaOutlet(false)],
    [`outlet with ${busy.n} questions: ?page=last, now`, walkAll(false)],
    ["conference index, last page, before (Prisma's _count)", conferencePage(45550, true)],
    ["conference index, last page, now (counts for the 50 listed)", conferencePage(45550, false)],
    ["feed.xml and first index page, before (Prisma's _count)", conferencePage(0, true)],
    ["feed.xml and first index page, now", conferencePage(0, false)],
    [
      `busiest person (${speaker.n} answers): first page, before (sort every answer)`,
      candidates(`SELECT "qaPairId" FROM "Turn" WHERE "speakerId" = ${speaker.id} AND kind = 'ANSWER'`, newestKeys),
    ],
    [`busiest person: first page, now (walk their conferences)`, walk(true)],
    [`busiest person: ?page=last, before`, candidates(`SELECT "qaPairId" FROM "Turn" WHERE "speakerId" = ${speaker.id} AND kind = 'ANSWER'`, oldestKeys)],
    [`busiest person: ?page=last, now`, walk(false)],
    [
      `busiest person: answers per year, before (aggregate per request)`,
      `SELECT EXTRACT(YEAR FROM c."heldOn")::int AS year, COUNT(DISTINCT p.id) FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId"
        JOIN "Turn" t ON t."qaPairId" = p.id AND t.kind = 'ANSWER' AND t."speakerId" = ${speaker.id}
        WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' AND c."heldOn" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    ],
    [`busiest person: answers per year, now (kept)`, `SELECT year, answers FROM "SpeakerAnswerYear" WHERE "speakerId" = ${speaker.id} ORDER BY year`],
    [
      `busiest person: topics, before (aggregate per request)`,
      `SELECT tp.name, COUNT(DISTINCT p.id) AS n FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" JOIN "QaPairTopic" qt ON qt."qaPairId" = p.id
        JOIN "Topic" tp ON tp.id = qt."topicId" WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED' AND ${answered("p")} GROUP BY tp.id ORDER BY n DESC, tp.name LIMIT 30`,
    ],
    [
      `busiest person: topics, now (kept)`,
      `SELECT tp.name, k.pairs FROM "SpeakerTopicCount" k JOIN "Topic" tp ON tp.id = k."topicId" WHERE k."speakerId" = ${speaker.id} ORDER BY k.pairs DESC, tp.name LIMIT 30`,
    ],
    [`busiest topic (${topic.n} pairs): first page, before (walk every conference)`, visibleWalk(topicMatch, newestKeys)],
    [`busiest topic: first page, now (sort its pairs)`, candidates(`SELECT "qaPairId" FROM "QaPairTopic" WHERE "topicId" = ${topic.id}`, newestKeys)],
    [`busiest topic: ?page=last, before`, visibleWalk(topicMatch, oldestKeys)],
    [`busiest topic: ?page=last, now`, candidates(`SELECT "qaPairId" FROM "QaPairTopic" WHERE "topicId" = ${topic.id}`, oldestKeys)],
    [`outlet with ${outlet.n} questions: first page, before (walk)`, visibleWalk(`p."outletId" = ${outlet.id}`, newestKeys)],
    [`outlet with ${outlet.n} questions: first page, now (sort its pairs)`, candidates(`SELECT id FROM "QaPair" WHERE "outletId" = ${outlet.id}`, newestKeys)],
    [
      "export ETag, before (count and newest change of visible pairs)",
      `SELECT count(*), max(p."updatedAt"), (SELECT max("updatedAt") FROM "Conference" WHERE status = 'PUBLISHED') FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'`,
    ],
    [
      "export ETag, now (archive stamp and links)",
      `SELECT (SELECT max("updatedAt") FROM "QaPair"), (SELECT max(id) FROM "QaPair"), (SELECT max("updatedAt") FROM "Conference"), (SELECT max("updatedAt") FROM "Speaker"),
        (SELECT max("updatedAt") FROM "Outlet"), (SELECT max(id) FROM "Topic"), (SELECT max("updatedAt") FROM "PairCounterpart"), (SELECT count(*) FROM "PairCounterpart")`,
    ],
  ];
  for (const [name, query] of queries) {
    // A leading "!" runs the query as the app does, with random_page_cost 1.1 for its transaction.
    const client = await pool.connect();
    let plan: string[];
    try {
      await client.query(query.startsWith("!") ? "BEGIN; SET LOCAL random_page_cost = 1.1" : "BEGIN");
      plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.replace(/^!/, "")}`)).rows.map((r) => r["QUERY PLAN"]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    const ms = plan.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
    const again = await pool.connect();
    let againMs = "?";
    try {
      await again.query(query.startsWith("!") ? "BEGIN; SET LOCAL random_page_cost = 1.1" : "BEGIN");
      const rows = (await again.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, TIMING OFF) ${query.replace(/^!/, "")}`)).rows.map((r) => r["QUERY PLAN"]);
      againMs = rows.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
      await again.query("COMMIT");
    } finally {
      again.release();
    }
    const nodes = plan
      .filter((l) => /Scan|Sort Method|Join|Rows Removed/.test(l))
      .map((l) =>
        l
          .trim()
          .replace(/\s+\(cost=[^)]*\)/, "")
          .slice(0, 140),
      );
    console.log(`\n${name}: ${ms} (again: ${againMs})\n  ${nodes.slice(0, 6).join("\n  ")}`);
  }
} finally {
  await pool.end();
  await postgres.stop();
}
process.exit(0);
