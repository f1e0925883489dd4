import { db } from "@/lib/db/client";
import { listPairs } from "./pair-list";

export async function findOutlet(slug: string) {
  return db().outlet.findFirst({
    where: { slug, mergedIntoId: null },
    select: { id: true, name: true, slug: true, aliases: { select: { label: true }, orderBy: { label: "asc" } } },
  });
}

export const outletQuestions = (outletId: number, page: number) => listPairs({ outletId }, page);

export async function listOutlets(page: number, limit = 100) {
  const offset = (page - 1) * limit;
  const rows = await db().$queryRaw<{ name: string; slug: string; questions: bigint; total: bigint }[]>`
    SELECT o.name, o.slug, COUNT(*) AS questions, COUNT(*) OVER () AS total
    FROM "Outlet" o
    JOIN "QaPair" p ON p."outletId" = o.id AND p.status = 'PUBLISHED'
    JOIN "Conference" c ON c.id = p."conferenceId" AND c.status = 'PUBLISHED'
    GROUP BY o.id ORDER BY questions DESC, o.name LIMIT ${limit} OFFSET ${offset}`;
  return { total: rows.length ? Number(rows[0].total) : 0, items: rows.map((r) => ({ name: r.name, slug: r.slug, questions: Number(r.questions) })) };
}
