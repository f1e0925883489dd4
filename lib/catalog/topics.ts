import { db } from "@/lib/db/client";
import { keptCount } from "@/lib/rollups/rollups";
import type { ListPosition } from "./pair-cursor";
import { listPairs } from "./pair-list";

export async function findTopic(slug: string) {
  return db().topic.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export async function topicPairs(topicId: number, position: ListPosition) {
  return listPairs({ topics: { some: { topicId } } }, position, { total: await keptCount("TopicPairCount", topicId) });
}
