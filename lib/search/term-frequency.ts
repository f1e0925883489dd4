import type { MultiSearchQuery } from "meilisearch";
import { liveIndexUid, searchMeili } from "./client";
import { queryShape } from "./query-shape";

// How many documents hold each query term, for the re-ranker's rarity weights (rerank.ts).
// Asked of Meilisearch itself (hit-less searches, one per term, in one request), so the
// figures always follow the live index; a term's count barely moves, so answers are cached.

const MAX_CACHED = 50_000;
const cache = new Map<string, number>();
let totalCache: { value: number; at: number } | null = null;
const TOTAL_TTL_MS = 10 * 60_000;
const TOTAL_KEY = "\u0000total";

/** Terms not yet cached are asked in one multi-search; `total` is the number of documents. */
export async function documentFrequencies(terms: string[], locales: string[] | undefined): Promise<{ frequencies: Map<string, number>; total: number }> {
  const uid = liveIndexUid();
  const key = (term: string) => `${uid}\u0000${term}`;
  const missing = [...new Set(terms)].filter((term) => !cache.has(key(term)));
  const needTotal = !totalCache || Date.now() - totalCache.at > TOTAL_TTL_MS;
  const asked = needTotal ? [...missing, TOTAL_KEY] : missing;
  if (asked.length) {
    const queries: MultiSearchQuery[] = asked.map((term) => ({
      indexUid: uid,
      q: term === TOTAL_KEY ? "" : term,
      limit: 0,
      matchingStrategy: "all",
      attributesToSearchOn: ["question", "answerText"],
      ...(locales && term !== TOTAL_KEY ? { locales } : {}),
    }));
    const { results } = await searchMeili().multiSearch({ queries });
    if (cache.size + asked.length > MAX_CACHED) cache.clear();
    asked.forEach((term, i) => {
      const count = results[i].estimatedTotalHits ?? 0;
      if (term === TOTAL_KEY) totalCache = { value: count, at: Date.now() };
      else cache.set(key(term), count);
    });
  }
  const frequencies = new Map(terms.map((term) => [term, cache.get(key(term)) ?? 0]));
  return { frequencies, total: Math.max(totalCache?.value ?? 1, 1) };
}

/**
 * The query without its free words that no pair holds, even allowing typos: Meilisearch never
 * drops the first word ("last") or the rarest one ("frequency"), so one unknown word empties
 * the whole result. Null when every word is known or no known word would be left.
 */
export async function withoutUnknownWords(q: string, locales: string[] | undefined): Promise<{ q: string; dropped: string[] } | null> {
  const shape = queryShape(q);
  if (shape.words.length < 2) return null;
  const { frequencies } = await documentFrequencies(shape.words, locales);
  const dropped = shape.words.filter((word) => (frequencies.get(word) ?? 0) === 0);
  const kept = shape.words.filter((word) => (frequencies.get(word) ?? 0) > 0);
  if (dropped.length === 0 || kept.length === 0) return null;
  const narrowed = [...shape.phrases.map((p) => `"${p}"`), ...kept, ...shape.exclusions.map((w) => `-${w}`)].join(" ");
  return { q: narrowed, dropped };
}

/**
 * The query's known free words, rarest first (unknown ones left out), for a "last" search that
 * then drops the commonest words first and never insists on a word no pair holds.
 * Null when fewer than two words are known.
 */
export async function rarestFirst(q: string, locales: string[] | undefined): Promise<string | null> {
  const words = [...new Set(queryShape(q).words)];
  const { frequencies } = await documentFrequencies(words, locales);
  const known = words.filter((w) => (frequencies.get(w) ?? 0) > 0).sort((a, b) => frequencies.get(a)! - frequencies.get(b)!);
  return known.length >= 2 ? known.join(" ") : null;
}
