import type { MultiSearchQuery } from "meilisearch";
import { liveIndexUid, searchMeili } from "./client";

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
