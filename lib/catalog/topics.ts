import { db } from "@/lib/db/client";
import { listPairs } from "./pair-list";

export async function findTopic(slug: string) {
  return db().topic.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export const topicPairs = (topicId: number, page: number) => listPairs({ topics: { some: { topicId } } }, page);
