// Query understanding, pure: what kind of query the user typed decides how Meilisearch should
// match it. Measured on the relevance gold set (bench/relevance, tune half only).

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export interface QueryShape {
  /** Free words (outside quotes, not excluded), in order; a CJK run counts as one "word" here. */
  words: string[];
  /** Quoted phrases, without their quotes. */
  phrases: string[];
  /** Words after a leading "-". */
  exclusions: string[];
  /** Whether the query is written (partly) in Chinese characters. */
  chinese: boolean;
}

export function queryShape(q: string): QueryShape {
  const phrases: string[] = [];
  const rest = q.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return " ";
  });
  const words: string[] = [];
  const exclusions: string[] = [];
  for (const token of rest.split(/[\s,;:!?。，；：！？、]+/u)) {
    const word = token.replace(/^[^\p{L}\p{N}-]+|[^\p{L}\p{N}]+$/gu, "");
    if (!word || word === "-") continue;
    if (word.startsWith("-") && word.length > 1) exclusions.push(word.slice(1));
    else if (/[\p{L}\p{N}]/u.test(word)) words.push(word);
  }
  return { words, phrases, exclusions, chinese: CJK.test(q) };
}

export type MatchingStrategy = "last" | "all" | "frequency";

/**
 * Short queries are keywords: the user means all of them, and "last" (Meilisearch's default)
 * only drops words from the end when nothing matches every word. Longer queries are
 * descriptions in the user's own words, where many words are absent from the pair they
 * remember: "frequency" drops the most common words first and keeps the rare, telling ones.
 */
export function matchingStrategyFor(shape: QueryShape, longFrom = LONG_QUERY_WORDS): MatchingStrategy {
  return shape.words.length >= longFrom ? "frequency" : "last";
}

/** From this many free words on, a query is read as a description (tuned on the tune half). */
export const LONG_QUERY_WORDS = 4;
