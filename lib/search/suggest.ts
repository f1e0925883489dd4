import { queryShape } from "./query-shape";
import { editDistance } from "./edit-distance";
import { stem } from "./rerank";

// "Did you mean" and "matched only some of your words", pure. The vocabulary is the index's
// own: the words of the pairs Meilisearch returned (it matched them with typo tolerance, so a
// misspelt query word's correct form is among them) or, when nothing matched, of pairs holding
// a word that starts like the misspelt one (see query.ts). Edit distance picks the closest.

const LATIN_WORD = /[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)?/gu;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Lowercased words of a text, for matching and as suggestion vocabulary. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(LATIN_WORD) ?? []).map((w) => w.replace(/['’]s$/, ""));
}

/**
 * The query's free words (not phrases, not exclusions, not Chinese) found in none of the given
 * hit texts, compared by stem, in query order.
 */
export function unmatchedWords(q: string, hitTexts: string[]): string[] {
  return unmatchedWordsIn(q, hitTexts.map(wordsOf));
}

/** unmatchedWords for texts already cut into words (wordsOf), so a caller cuts them once. */
export function unmatchedWordsIn(q: string, hitWords: string[][]): string[] {
  const present = new Set<string>();
  for (const words of hitWords) for (const word of words) present.add(stem(word));
  return queryShape(q)
    .words.filter((word) => !CJK.test(word))
    .filter((word) => {
      const words = wordsOf(word);
      return words.length > 0 && words.some((w) => !present.has(stem(w)));
    });
}

/** The allowed distance for a word: longer words may be further off. */
function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/**
 * The query with each of `words` replaced by the closest vocabulary word (most frequent on
 * ties), or null when no word has a close enough replacement.
 */
export function suggestQuery(q: string, words: string[], vocabulary: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const word of vocabulary) counts.set(word, (counts.get(word) ?? 0) + 1);
  let suggestion = q;
  let changed = false;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (counts.has(lower) || !/^[\p{Script=Latin}]+$/u.test(lower) || lower.length < 3) continue;
    let best: { word: string; distance: number; count: number } | null = null;
    for (const [candidate, count] of counts) {
      if (candidate.length < 3) continue;
      const distance = editDistance(lower, candidate, maxDistance(lower));
      if (distance > maxDistance(lower) || distance === 0) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
    }
    if (!best) continue;
    suggestion = suggestion.replace(new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}(?=$|[^\\p{L}])`, "u"), `$1${best.word}`);
    changed = true;
  }
  return changed && suggestion !== q ? suggestion : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
