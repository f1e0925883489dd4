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
  const candidates = total <= SORT_CANDIDATES_UP_TO ? Prisma.sql`SELECT "qaPairId" FROM "QaPairTopic" WHERE "topicId" = ${topicId}` : undefined;
  return listPairs({ topics: { some: { topicId } } }, position, { total, candidates });
}
