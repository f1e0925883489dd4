import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { freshRollups, keptCount } from "@/lib/rollups/rollups";
import type { ListPosition } from "./pair-cursor";
import { SORT_CANDIDATES_UP_TO } from "./pair-candidates";
import { listPairs } from "./pair-list";

export async function findOutlet(slug: string) {
  return db().outlet.findFirst({
    where: { slug, mergedIntoId: null },
    select: { id: true, name: true, slug: true, aliases: { select: { label: true }, orderBy: { label: "asc" } } },
  });
}

export async function outletQuestions(outletId: number, position: ListPosition) {
  const total = await keptCount("OutletQuestionCount", outletId);
  // Few questions: sort them; many: walk the conferences newest first (lib/catalog/pair-candidates.ts).
  if (total <= SORT_CANDIDATES_UP_TO) return listPairs({ outletId }, position, { total, candidates: Prisma.sql`SELECT id FROM "QaPair" WHERE "outletId" = ${outletId}` });
  return listPairs({ outletId }, position, { total, walk: { conferenceIds: null, pairMatches: Prisma.sql`q."outletId" = ${outletId}` } });
}

/** Outlets index: every outlet that asked at least one visible question, busiest first (kept counts, lib/rollups). */
export async function listOutlets(page: number, limit = 100) {
  await freshRollups();
  const offset = (page - 1) * limit;
  const [rows, total] = await Promise.all([
    db().$queryRaw<{ name: string; slug: string; questions: number }[]>`
      SELECT o.name, o.slug, k.questions FROM "OutletQuestionCount" k JOIN "Outlet" o ON o.id = k."outletId"
      ORDER BY k.questions DESC, o.name LIMIT ${limit} OFFSET ${offset}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "OutletQuestionCount"`,
  ]);
  return { total: total[0].n, items: rows.map((r) => ({ name: r.name, slug: r.slug, questions: r.questions })) };
}
