import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/env";
import { searchPairs } from "@/lib/search/query";
import { toQueryString, type SearchParams } from "@/lib/search/params";
import { renderAtom } from "./atom";
import { withPublishedPairCounts } from "./conference";
import { formatDate } from "./format";
import { excerpt } from "./pair-list";
import { conferencePath, pairTitle, qaPath } from "./paths";

/** Atom feed of the newest published conferences (by date held, then by publication). */
export async function conferencesFeed(limit = 50): Promise<string> {
  const base = publicBaseUrl();
  const rows = await db().conference.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ heldOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      title: true,
      heldOn: true,
      organizer: true,
      location: true,
      language: true,
      publishedAt: true,
      updatedAt: true,
    },
  });
  const conferences = await withPublishedPairCounts(rows);
  const updated = conferences.reduce((max, c) => (c.updatedAt > max ? c.updatedAt : max), new Date(0));
  return renderAtom({
    id: `${base}/feed.xml`,
    title: "Pressroom — newest press conferences",
    selfUrl: `${base}/feed.xml`,
    alternateUrl: `${base}/conferences`,
    updated,
    entries: conferences.map((c) => ({
      id: `${base}${conferencePath(c.slug)}`,
      title: c.title,
      url: `${base}${conferencePath(c.slug)}`,
      updated: c.updatedAt,
      published: c.publishedAt,
      authors: c.organizer ? [c.organizer] : undefined,
      summary: [formatDate(c.heldOn), c.organizer, c.location, `${c._count.pairs} questions and answers`].filter(Boolean).join(" · "),
      lang: c.language,
    })),
  });
}

/**
 * Atom feed of any search, newest first whatever sort was asked for: a feed reader wants the
 * latest answers on a topic, speaker or outlet. Throws SearchUnavailableError when search is down.
 */
export async function searchFeed(params: SearchParams): Promise<string> {
  const base = publicBaseUrl();
  const query = { ...params, sort: "newest" as const, page: 1, limit: Math.min(params.limit, 50) };
  const results = await searchPairs(query);
  const qs = toQueryString(query);
  const describe = [params.q && `“${params.q}”`, ...params.speaker, ...params.outlet, ...params.topic, ...params.organizer].filter(Boolean).join(", ");
  const entries = results.hits.map((hit) => {
    const when = hit.conference.date ? new Date(`${hit.conference.date.slice(0, 10)}T00:00:00Z`) : new Date(0);
    // A statement's permalink is its place in the transcript (lib/search/statement-documents.ts).
    const statement = hit.kind === "statement";
    const url = `${base}${statement ? hit.url : qaPath(hit.id, hit.question)}`;
    return {
      id: statement ? url : `${base}/qa/${hit.id}`,
      title: statement ? `Statement by ${hit.answerSpeakers.join(", ") || "an unnamed speaker"}: ${pairTitle(hit.answers[0]?.text ?? "", 80)}` : pairTitle(hit.question),
      url,
      updated: when,
      published: hit.conference.date ? when : null,
      authors: hit.answerSpeakers.length ? hit.answerSpeakers : undefined,
      summary: excerpt(`${hit.answers.map((a) => (a.speaker ? `${a.speaker}: ${a.text}` : a.text)).join(" ")}`, 600) + ` — ${hit.conference.title}`,
      lang: hit.language,
    };
  });
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  return renderAtom({
    id: `${base}/search/feed.xml${qs}`,
    title: `Pressroom search${describe ? `: ${describe}` : ""}`,
    subtitle: "Newest answers matching this search",
    selfUrl: `${base}/search/feed.xml${qs}`,
    alternateUrl: `${base}/search${qs}`,
    updated,
    entries,
  });
}
