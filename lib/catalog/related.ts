import { EMBEDDER_NAME, activeEmbedder } from "@/lib/embeddings/runtime";
import { liveIndex } from "@/lib/search/client";
import { excerpt } from "./pair-list";

export interface RelatedPair {
  publicId: string;
  question: string;
  conferenceTitle: string;
  conferenceSlug: string;
  date: number | null;
  language: string;
}

const STOP_WORDS = new Set(
  "about above after again against also because before being between could does doing during further have having here itself just more most other ought should some such than that their theirs them then there these they this those through under until very what when where which while whom will with would your yours please thank thanks question minister spokesperson".split(
    " ",
  ),
);

// Words that fill real transcripts without saying what a question is about: stage directions
// ("(Laughter.)", "(Inaudible.)") and White House briefing-room filler. Left in, they are the
// longest words of a short question and its "related" answers match on them alone.
const TRANSCRIPT_FILLER = new Set(
  "laughter applause crosstalk inaudible unintelligible basically actually really obviously going wanted wondering follow-up sorry okay secretary president administration today yesterday were mean like want know think said make you're they're we're that's there's what's don't".split(
    " ",
  ),
);

/** The question's most distinctive words: long, not filler. Chinese text keeps its first clause. */
export function keyTerms(question: string, max = 6): string {
  if (/[\u3400-\u9fff]/.test(question)) return question.replace(/\s+/g, "").slice(0, 24);
  const words = question.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? [];
  const unique = [...new Set(words.filter((w) => !STOP_WORDS.has(w) && !TRANSCRIPT_FILLER.has(w)))];
  return unique
    .sort((a, b) => b.length - a.length)
    .slice(0, max)
    .join(" ");
}

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

type RelatedArgs = { publicId: string; question: string; topics: string[]; conferenceSlug: string; limit?: number };

/**
 * Pairs from other conferences about the same thing. With vectors (hybrid mode), Meilisearch's
 * /similar: the pairs whose question vectors are nearest this one's, any conference and year.
 * Without vectors, or for a pair that has none (Chinese under the English sentence encoder),
 * pairs on the same topics (or, without topics, sharing the question's key terms). Returns null
 * when search is unavailable so the page can simply omit the section: a Q&A page must never
 * fail because the index is down.
 */
export async function relatedPairs(args: RelatedArgs): Promise<RelatedPair[] | null> {
  const key = JSON.stringify([args.publicId, args.conferenceSlug, args.topics, args.limit ?? 5, keyTerms(args.question)]);
  const cached = recent.get(key);
  if (cached && Date.now() - cached.at < RELATED_TTL_MS) return cached.value;
  const value = await searchRelated(args);
  if (value) {
    if (recent.size >= RELATED_CACHE_SIZE) recent.delete(recent.keys().next().value!);
    recent.set(key, { at: Date.now(), value });
  }
  return value;
}

// "Related" needs no up-to-the-second freshness, and a popular answer page should not cost a
// search per view: results are kept in memory for a few minutes (failures are not kept).
const RELATED_TTL_MS = 5 * 60_000;
const RELATED_CACHE_SIZE = 2_000;
const recent = new Map<string, { at: number; value: RelatedPair[] }>();

const RELATED_ATTRIBUTES = ["publicId", "question", "conferenceTitle", "conferenceSlug", "date", "language"];

async function searchRelated(args: RelatedArgs): Promise<RelatedPair[] | null> {
  const filter = [`conferenceSlug != ${quote(args.conferenceSlug)}`];
  try {
    const similar = await similarPairs(args, filter);
    if (similar?.length) return similar.map(toRelated);
  } catch {
    // No usable model here (the search itself shows that error): the keyword version below still serves the page.
  }
  if (args.topics.length) filter.push(`topics IN [${args.topics.map(quote).join(", ")}]`);
  try {
    const result = await liveIndex().search(keyTerms(args.question), {
      filter,
      limit: args.limit ?? 5,
      // Any shared term is enough: "last" drops words from the end until something matches.
      matchingStrategy: "last",
      attributesToRetrieve: RELATED_ATTRIBUTES,
    });
    return result.hits.map(toRelated);
  } catch {
    return null;
  }
}

/** Nearest pairs by question vector (other conferences; no statements), or null without vectors. */
async function similarPairs(args: RelatedArgs, filter: string[]): Promise<RelatedHit[] | null> {
  if (!(await activeEmbedder())) return null;
  try {
    const result = await liveIndex().searchSimilarDocuments<RelatedHit>({
      id: args.publicId,
      embedder: EMBEDDER_NAME,
      filter: [...filter, "pairId EXISTS"],
      limit: args.limit ?? 5,
      attributesToRetrieve: RELATED_ATTRIBUTES,
    });
    return result.hits;
  } catch {
    // The pair has no vector (opted out) or is not indexed yet: the keyword version answers.
    return null;
  }
}

type RelatedHit = { publicId: string; question: string; conferenceTitle: string; conferenceSlug: string; date: number | null; language: string };

function toRelated(hit: RelatedHit): RelatedPair {
  return {
    publicId: hit.publicId,
    question: excerpt(hit.question, 200),
    conferenceTitle: hit.conferenceTitle,
    conferenceSlug: hit.conferenceSlug,
    date: hit.date,
    language: hit.language,
  };
}
