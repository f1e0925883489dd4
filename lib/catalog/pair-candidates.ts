import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PairCursor } from "./pair-cursor";

// A listing page's pair ids when the caller can name its candidate pairs through an index
// (a person's answers: the answer turns' speaker index). Postgres then sorts only those
// candidates by conference date, however large the archive, instead of walking every
// conference from the newest until twenty matches turn up (2.8 s for the busiest speaker at a
// million pairs) or scanning every pair (0.9 s). EXPLAIN ANALYZE: bench/scale/explain.ts.

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
