import type { Metadata } from "next";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { PairList } from "@/components/qa/pair-list";
import { nameLang } from "@/lib/catalog/format";
import { findTopic, topicPairs } from "@/lib/catalog/topics";
import { listPosition } from "@/lib/catalog/pair-cursor";
import { pageParam } from "@/lib/catalog/pair-list";
import { topicPath } from "@/lib/catalog/paths";
import { decodeSlug, resolveRenamedSlug } from "@/lib/catalog/redirects";
import "../../qa/qa.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (raw: string) => {
  const slug = decodeSlug(raw);
  const topic = await findTopic(slug);
  if (topic) return topic;
  const renamed = await resolveRenamedSlug("TOPIC", slug);
  if (renamed) permanentRedirect(topicPath(renamed));
  notFound();
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const topic = await load((await params).slug);
  const page = pageParam((await searchParams).page);
  return {
    title: topic.name,
    description: `Questions and answers about ${topic.name} from press conferences.`,
    alternates: { canonical: page > 1 ? `${topicPath(topic.slug)}?page=${page}` : topicPath(topic.slug) },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const topic = await load((await params).slug);
  const list = await topicPairs(topic.id, listPosition(await searchParams));
  return (
    <>
      <h1 lang={nameLang(topic.name)}>{topic.name}</h1>
      <h2>Questions and answers</h2>
      <PairList list={list} basePath={topicPath(topic.slug)} emptyText={`Nothing published on this topic yet.`} />
    </>
  );
}
