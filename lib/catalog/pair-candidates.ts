import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PairCursor } from "./pair-cursor";

// A listing page's pair ids when the caller can name its candidate pairs through an index
// (a person's answers: the answer turns' speaker index). Postgres then sorts only those
// candidates by conference date, however large the archive, instead of walking every
// conference from the newest until twenty matches turn up (2.8 s for the busiest speaker at a
// million pairs) or scanning every pair (0.9 s). EXPLAIN ANALYZE: bench/scale/explain.ts.

/**
 * Up to this many pairs, a listing sorts its candidates (one pair and one conference lookup
 * each); beyond, matches are dense enough that walking conferences newest first finds a page
 * soon. The walk reads about 20 × all pairs / matches rows, in index order: 360 for an outlet
 * with 55,648 questions at a million pairs, but 15,000 for a topic with 1,300 pairs (3.7 s
 * measured, against 0.35 s for sorting its 1,300 candidates on the same loaded machine).
 */
export const SORT_CANDIDATES_UP_TO = 2000;

export type Bound = { kind: "after" | "before"; cursor: PairCursor } | null;

function boundSql(bound: Bound): Prisma.Sql {
  if (!bound) return Prisma.sql`TRUE`;
  const { heldOn, conferenceId, ordinal } = bound.cursor;
  const day = heldOn ? Prisma.sql`${heldOn}::date` : null;
  if (bound.kind === "after") {
    const same = Prisma.sql`("conferenceId" = ${conferenceId} AND ordinal > ${ordinal})`;
    return day
      ? Prisma.sql`("heldOn" < ${day} OR "heldOn" IS NULL OR ("heldOn" = ${day} AND "conferenceId" < ${conferenceId}) OR ${same})`
      : Prisma.sql`(("heldOn" IS NULL AND "conferenceId" < ${conferenceId}) OR ${same})`;
  }
  const same = Prisma.sql`("conferenceId" = ${conferenceId} AND ordinal < ${ordinal})`;
  return day
    ? Prisma.sql`("heldOn" > ${day} OR ("heldOn" = ${day} AND "conferenceId" > ${conferenceId}) OR ${same})`
    : Prisma.sql`("heldOn" IS NOT NULL OR ("heldOn" IS NULL AND "conferenceId" > ${conferenceId}) OR ${same})`;
}

/**
 * A listing page's pair ids by walking the entity's own conferences in listing order and, in
 * each, the pairs that match (a person's answers: the conferences they took part in, then their
 * answer turns). Postgres sorts only those conferences (682 for the busiest person at a million
 * pairs) and stops after the first page's worth: 23 ms where sorting every candidate pair took
 * 500 ms (EXPLAIN ANALYZE in the issue 14 note). `pairMatches` is a condition on the pair `q`.
 * `conferenceIds` null: every published conference, in the listing index's order (an outlet or
 * topic with many pairs: Prisma's own plan joined and sorted them, 1.9 s for an outlet's first
 * page at a million pairs, against 56 ms walking).
 */
export async function conferenceWalkPairIds(
  conferenceIds: Prisma.Sql | null,
  pairMatches: Prisma.Sql,
  bound: Bound,
  direction: "newest" | "oldest",
  take: number,
  skip = 0,
): Promise<number[]> {
  const newest = direction === "newest";
  const conferenceOrder = newest ? Prisma.sql`c."heldOn" DESC NULLS LAST, c.id DESC` : Prisma.sql`c."heldOn" ASC NULLS FIRST, c.id ASC`;
  const order = newest ? Prisma.sql`"heldOn" DESC NULLS LAST, "conferenceId" DESC, ordinal ASC` : Prisma.sql`"heldOn" ASC NULLS FIRST, "conferenceId" ASC, ordinal DESC`;
  // OFFSET 0 keeps the conferences a sorted subquery, so the outer sort is incremental and the
  // LIMIT stops the walk; without it the planner joined and sorted every conference.
  const rows = await db().$queryRaw<{ id: number }[]>`
    SELECT p.id FROM (
      SELECT c.id AS "conferenceId", c."heldOn" FROM "Conference" c
       WHERE ${conferenceIds ? Prisma.sql`c.id IN (${conferenceIds})` : Prisma.sql`TRUE`} AND c.status = 'PUBLISHED' AND ${conferenceBoundSql(bound)}
       ORDER BY ${conferenceOrder} OFFSET 0) AS c
    CROSS JOIN LATERAL (
      SELECT q.id, q.ordinal FROM "QaPair" q WHERE q."conferenceId" = c."conferenceId" AND q.status = 'PUBLISHED' AND ${pairMatches}) AS p
    WHERE ${boundSql(bound)}
    ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`;
  return rows.map((r) => r.id);
}

/** The conference part of a bound: the cursor's own conference stays in (its later pairs follow). */
function conferenceBoundSql(bound: Bound): Prisma.Sql {
  if (!bound) return Prisma.sql`TRUE`;
  const { heldOn, conferenceId } = bound.cursor;
  const day = heldOn ? Prisma.sql`${heldOn}::date` : null;
  if (bound.kind === "after")
    return day
      ? Prisma.sql`(c."heldOn" < ${day} OR c."heldOn" IS NULL OR (c."heldOn" = ${day} AND c.id <= ${conferenceId}))`
      : Prisma.sql`(c."heldOn" IS NULL AND c.id <= ${conferenceId})`;
  return day ? Prisma.sql`(c."heldOn" > ${day} OR (c."heldOn" = ${day} AND c.id >= ${conferenceId}))` : Prisma.sql`(c."heldOn" IS NOT NULL OR c.id >= ${conferenceId})`;
}

/** Ids of visible candidate pairs, in listing order (`newest` first or `oldest` first), from `bound` on. */
export async function candidatePairIds(candidates: Prisma.Sql, bound: Bound, direction: "newest" | "oldest", take: number, skip = 0): Promise<number[]> {
  const order =
    direction === "newest" ? Prisma.sql`"heldOn" DESC NULLS LAST, "conferenceId" DESC, ordinal ASC` : Prisma.sql`"heldOn" ASC NULLS FIRST, "conferenceId" ASC, ordinal DESC`;
  return db().$transaction(async (tx) => {
    // The default cost of a random page read (4.0) assumes spinning disks: with it the planner
    // prefers scanning every pair to fetching ten thousand by id (1.1-1.5 s against 0.5 s at 1M).
    await tx.$executeRawUnsafe(`SET LOCAL random_page_cost = 1.1`);
    const rows = await tx.$queryRaw<{ id: number }[]>`
      WITH m AS MATERIALIZED (
        SELECT p.id, p."conferenceId", p.ordinal, c."heldOn"
          FROM (SELECT DISTINCT c.id FROM (${candidates}) AS c(id)) AS k
          JOIN "QaPair" p ON p.id = k.id AND p.status = 'PUBLISHED'
          JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED')
      SELECT id FROM m WHERE ${boundSql(bound)} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`;
    return rows.map((r) => r.id);
  });
}
