import type { SearchParams } from "./params";
import { mergeCandidates } from "./rerank";
import { DEFAULT_TUNING, correctQuery, surelyAsTyped, type SpellingCorrection, type SpellingTuning } from "./spelling";
import { knownWord, vocabularyFor } from "./spelling-source";

// Searching with the query's spelling corrected (spelling.ts): the corrected query is searched
// instead of the typed one, and when a replaced word is a real (rare) word the typed query is
// searched too and the two result lists are interleaved, corrected first, so a correct rare word
// is never lost. `spell=off` (the "search instead for" link) searches exactly what was typed.

interface RankedResults {
  hits: { id: string }[];
  estimatedTotalHits: number;
}

/** `alongside` is the typed query searched next to the corrected one: hits only, no facets. */
export type SearchRun<R> = (params: SearchParams, alongside: boolean) => Promise<R>;

export async function withSpelling<R extends RankedResults>(
  params: SearchParams,
  search: SearchRun<R>,
  tuning: SpellingTuning | false = DEFAULT_TUNING,
): Promise<R & { spelling: SpellingCorrection | null }> {
  const correction = tuning && params.q && params.spell !== "off" ? await correctionFor(params.q, tuning) : null;
  if (!correction) return { ...(await search(params, false)), spelling: null };
  const corrected = { ...params, q: correction.corrected };
  const window = params.page * params.limit;
  // Interleaving needs both lists from the top; past the first 100 results the corrected one alone.
  if (!correction.searchOriginalToo || window > 100) return { ...(await search(corrected, false)), params, spelling: correction };
  const top = { page: 1, limit: window };
  const [main, typed] = await Promise.all([search({ ...corrected, ...top }, false), search({ ...params, ...top }, true)]);
  const hits = interleave(main.hits, typed.hits).slice(window - params.limit, window);
  return {
    ...main,
    params,
    page: params.page,
    limit: params.limit,
    hits,
    estimatedTotalHits: Math.max(main.estimatedTotalHits, typed.estimatedTotalHits),
    spelling: correction,
  };
}

async function correctionFor(q: string, tuning: SpellingTuning): Promise<SpellingCorrection | null> {
  // Every word known and common from earlier queries: no Postgres round trip before the search.
  if (surelyAsTyped(q, knownWord, tuning)) return null;
  let vocabulary: Awaited<ReturnType<typeof vocabularyFor>>;
  try {
    vocabulary = await vocabularyFor(q);
  } catch (error) {
    // Correction is a help, not the search: without Postgres the typed words are searched.
    console.warn(`[search] spelling vocabulary unavailable: ${(error as Error).message}`);
    return null;
  }
  return correctQuery(q, vocabulary, tuning);
}

/** a[0], b[0], a[1], b[1], … without repeating a hit already taken: the re-ranker's candidate merge of two lists. */
export function interleave<H extends { id: string }>(a: H[], b: H[]): H[] {
  return mergeCandidates([a, b]);
}
