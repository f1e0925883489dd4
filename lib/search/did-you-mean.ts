import type { MultiSearchQuery } from "meilisearch";
import { liveIndexUid, searchMeili } from "./client";
import { queryShape } from "./query-shape";
import { suggestQuery, unmatchedWordsIn, wordsOf } from "./suggest";

// The notice under the search box: "matched only some of your words" and "did you mean".
// Only for text queries on the first page; it costs nothing when every word was found in the
// hits shown, and one small extra search when a query found (almost) nothing.

/** Fewer hits than this and a suggestion is worth offering even if every word matched. */
export const FEW_HITS = 3;
const PROBE_HITS = 30;

export interface MatchNotice {
  /** Query words found in none of the hits shown (Meilisearch dropped them to find anything). */
  missingWords: string[];
  /** The query with misspelt words replaced by close words of the archive, or null. */
  suggestion: string | null;
}

export async function matchNotice(q: string, hits: { question?: string; answerText?: string }[], total: number): Promise<MatchNotice | null> {
  if (!q || queryShape(q).words.length === 0) return null;
  // The hits' words, cut once: they show which query words matched and offer corrections.
  const hitWords = hits.map((h) => wordsOf(`${h.question ?? ""}\n${h.answerText ?? ""}`));
  const missingWords = hits.length ? unmatchedWordsIn(q, hitWords) : queryShape(q).words;
  if (missingWords.length === 0 && total >= FEW_HITS) return null;
  const vocabulary = hitWords.flat();
  // Nothing shown holds the word: with few or no results, look at pairs holding a word that
  // starts the same way. With many results the hits' own words must do: a probe is one more
  // search per word on the commonest path (long descriptions always miss some words).
  const probes = total < FEW_HITS ? missingWords.filter((w) => /^[\p{Script=Latin}]{4,}$/u.test(w)) : [];
  if (probes.length) vocabulary.push(...(await probeVocabulary(probes)));
  const suggestion = suggestQuery(q, missingWords.length ? missingWords : queryShape(q).words, vocabulary);
  if (!suggestion && missingWords.length === 0) return null;
  // Words missing from every hit only matter when some hits came back.
  return { missingWords: hits.length ? missingWords : [], suggestion };
}

async function probeVocabulary(words: string[]): Promise<string[]> {
  const uid = liveIndexUid();
  const queries: MultiSearchQuery[] = words.map((word) => ({
    indexUid: uid,
    q: word.slice(0, 3).toLowerCase(),
    limit: PROBE_HITS,
    attributesToRetrieve: ["question"],
    attributesToSearchOn: ["question"],
    locales: ["eng"],
  }));
  try {
    const { results } = await searchMeili().multiSearch({ queries });
    return results.flatMap((result) => (result.hits as { question?: string }[]).flatMap((hit) => wordsOf(hit.question ?? "")));
  } catch {
    // A suggestion is a nicety: the results themselves already came back.
    return [];
  }
}
