import path from "node:path";
import pg from "pg";
import { scaleDir } from "./run";

// `tsx bench/scale/explain.ts 1m`: EXPLAIN ANALYZE of the listing queries on a kept size
// (.data/scale/<size>/, from `bench:scale --keep`), the per-request aggregates they replaced
// next to what runs now, plus how long refreshing the kept counts takes. Prints each plan's
// execution time and the plan nodes that matter.

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
  const outlet = await one<{ id: number; n: number }>(`SELECT "outletId" AS id, questions AS n FROM "OutletQuestionCount" ORDER BY questions DESC LIMIT 1`);
  // What lib/catalog/pair-candidates.ts sends for a person's page (run with random_page_cost 1.1, as it is).
  const candidates = (order: string) => `WITH m AS MATERIALIZED (SELECT p.id, p."conferenceId", p.ordinal, c."heldOn"
      FROM (SELECT DISTINCT "qaPairId" AS id FROM "Turn" WHERE "speakerId" = ${speaker.id} AND kind = 'ANSWER') k
      JOIN "QaPair" p ON p.id = k.id AND p.status = 'PUBLISHED' JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED')
    SELECT id FROM m ORDER BY ${order} LIMIT 20`;
  const visible = `p.status = 'PUBLISHED' AND c.status = 'PUBLISHED'`;
  const newest = `ORDER BY c."heldOn" DESC NULLS LAST, p."conferenceId" DESC, p.ordinal`;
  const oldest = `ORDER BY c."heldOn" ASC NULLS FIRST, p."conferenceId" ASC, p.ordinal DESC`;
  const answered = `EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'ANSWER' AND t."speakerId" = ${speaker.id})`;
  const from = `FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE ${visible}`;
  const queries: [string, string][] = [
    [
      "people index, before (aggregate per request)",
      `SELECT s.name, COUNT(DISTINCT t."qaPairId") AS answers, COUNT(*) OVER () AS total FROM "Speaker" s JOIN "Turn" t ON t."speakerId" = s.id AND t.kind = 'ANSWER'
        JOIN "QaPair" p ON p.id = t."qaPairId" AND p.status = 'PUBLISHED' JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
        GROUP BY s.id ORDER BY answers DESC, s.name LIMIT 100`,
    ],
    ["people index, now (kept counts)", `SELECT s.name, k.answers FROM "SpeakerAnswerCount" k JOIN "Speaker" s ON s.id = k."speakerId" ORDER BY k.answers DESC, s.name LIMIT 100`],
    [
      "outlets index, before",
      `SELECT o.name, COUNT(*) AS questions, COUNT(*) OVER () AS total FROM "Outlet" o JOIN "QaPair" p ON p."outletId" = o.id AND p.status = 'PUBLISHED'
        JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED' GROUP BY o.id ORDER BY questions DESC, o.name LIMIT 100`,
    ],
    ["outlets index, now", `SELECT o.name, k.questions FROM "OutletQuestionCount" k JOIN "Outlet" o ON o.id = k."outletId" ORDER BY k.questions DESC, o.name LIMIT 100`],
    [`busiest speaker (${speaker.n} answers): count, before`, `SELECT count(*) ${from} AND ${answered}`],
    [`busiest speaker: first page, before`, `SELECT p.id ${from} AND ${answered} ${newest} LIMIT 20`],
    [`busiest speaker: last page by OFFSET, before`, `SELECT p.id ${from} AND ${answered} ${newest} LIMIT 20 OFFSET ${Math.max(0, speaker.n - 20)}`],
    [`busiest speaker: first page, now (candidates)`, `!${candidates(`"heldOn" DESC NULLS LAST, "conferenceId" DESC, ordinal`)}`],
    [`busiest speaker: last page, now (candidates, ?page=last)`, `!${candidates(`"heldOn" ASC NULLS FIRST, "conferenceId" ASC, ordinal DESC`)}`],
    [`busiest outlet (${outlet.n} questions): count, before`, `SELECT count(*) ${from} AND p."outletId" = ${outlet.id}`],
    [`busiest outlet: first page`, `SELECT p.id ${from} AND p."outletId" = ${outlet.id} ${newest} LIMIT 20`],
    [`busiest outlet: last page by OFFSET, before`, `SELECT p.id ${from} AND p."outletId" = ${outlet.id} ${newest} LIMIT 20 OFFSET ${Math.max(0, outlet.n - 20)}`],
    [`busiest outlet: last page, now (?page=last)`, `SELECT p.id ${from} AND p."outletId" = ${outlet.id} ${oldest} LIMIT 20`],
    [
      "sitemap index, before (aggregate per request)",
      `SELECT (p.id / 40000)::int AS chunk, MAX(p."updatedAt") FROM "QaPair" p JOIN "Conference" c ON c.id = p."conferenceId" WHERE ${visible} GROUP BY 1 ORDER BY 1`,
    ],
    ["sitemap index, now", `SELECT kind, chunk, lastmod FROM "SitemapChunk"`],
    ["export fingerprint: count of visible pairs", `SELECT count(*) ${from}`],
    ["conferences index, last page (OFFSET)", `SELECT id FROM "Conference" WHERE status = 'PUBLISHED' ORDER BY "heldOn" DESC NULLS LAST, id DESC LIMIT 50 OFFSET 45550`],
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
    const nodes = plan
      .filter((l) => /Scan|Sort Method|Join|Rows Removed/.test(l))
      .map((l) =>
        l
          .trim()
          .replace(/\s+\(cost=[^)]*\)/, "")
          .slice(0, 140),
      );
    console.log(`\n${name}: ${ms}\n  ${nodes.slice(0, 6).join("\n  ")}`);
  }
} finally {
  await pool.end();
  await postgres.stop();
}
process.exit(0);
