import { db } from "@/lib/db/client";

export async function latestConferences(limit = 12) {
  return db().conference.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ heldOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
    select: { slug: true, title: true, heldOn: true, organizer: true, language: true, _count: { select: { pairs: { where: { status: "PUBLISHED" } } } } },
  });
}
