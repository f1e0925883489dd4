import { db } from "@/lib/db/client";
import { withPublishedPairCounts } from "./conference";

export async function latestConferences(limit = 12) {
  const rows = await db().conference.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ heldOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
    select: { id: true, slug: true, title: true, heldOn: true, organizer: true, language: true },
  });
  // Counted for these conferences only (Prisma's _count grouped every pair first: seconds at 1M).
  return withPublishedPairCounts(rows);
}
