import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { keptCount } from "@/lib/rollups/rollups";
import type { ListPosition } from "./pair-cursor";
import { SORT_CANDIDATES_UP_TO } from "./pair-candidates";
import { listPairs } from "./pair-list";

export async function findTopic(slug: string) {
  return db().topic.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export async function topicPairs(topicId: number, position: ListPosition) {
  const total = await keptCount("TopicPairCount", topicId);
  const where = { topics: { some: { topicId } } };
  // Few pairs: sort them; many: walk the conferences newest first (lib/catalog/pair-candidates.ts).
  if (total <= SORT_CANDIDATES_UP_TO) return listPairs(where, position, { total, candidates: Prisma.sql`SELECT "qaPairId" FROM "QaPairTopic" WHERE "topicId" = ${topicId}` });
  const pairMatches = Prisma.sql`EXISTS (SELECT 1 FROM "QaPairTopic" qt WHERE qt."qaPairId" = q.id AND qt."topicId" = ${topicId})`;
  return listPairs(where, position, { total, walk: { conferenceIds: null, pairMatches } });
}
