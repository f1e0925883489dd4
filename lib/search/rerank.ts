// Second-stage ranking, pure: Meilisearch finds and orders candidates by its bucket rules
// (number of matched words first), which cannot tell a rare, telling word from a common one.
// Here the top candidates are scored again with BM25 over question and answer, each query
// term weighted by its rarity in the whole archive, plus a bonus for query terms that sit
// close together, and fused with Meilisearch's own order. Tuned on the tune half of
// bench/relevance/gold.jsonl only.

import { editDistance } from "./edit-distance";
import { placedTerms, terms, type PlacedTerms, type TermFilter } from "./rerank-terms";

export { stem, terms } from "./rerank-terms";

export interface RerankCandidate {
  id: string;
  question: string;
  answer: string;
  /**
   * Who and where: answering speakers, questioner, outlet and the conference's title. A name
   * the user remembers ("… Kirby", "Dalton") is often only there, never in the words spoken.
   */
  context?: string;
}

export interface RerankWeights {
  /** Bonus for the share of the query's rarity the question alone holds (descriptions retell the question); unset or 0: off. */
  questionCoverage?: number;
  /** BM25 weight of a match in the question, relative to the answer's 1. */
  question: number;
  /** Weight of Meilisearch's own order: added as fuse / (rank + 10). */
  fuse: number;
  /** Bonus per pair of query terms found within PROXIMITY_WINDOW terms of each other. */
  proximity: number;
  /** BM25 weight of a match in the candidate's context (speakers, outlet, title), relative to the answer's 1. */
  context: number;
  /**
   * Bonus for the share of the query's rarity (sum of idf) the candidate holds anywhere, times
   * this weight: BM25 per field lets a short fragment repeating two query words beat the pair
   * holding all of them, which Meilisearch's own "words" rule would have put first.
   */
  coverage: number;
  k1: number;
  b: number;
}

export const DEFAULT_WEIGHTS: RerankWeights = { question: 1.5, fuse: 12, proximity: 1, context: 1, coverage: 120, k1: 1.2, b: 0.75 };
const PROXIMITY_WINDOW = 6;
// Average lengths in terms over the archive (question, answer); only their ratio to a
// document's length matters, so rough figures do.
const AVG_LENGTH = { question: 40, answer: 110, context: 15 };

/** idf for a term found in df of total documents (BM25+, never negative). */
export function idf(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/**
 * Candidates in their new order. `documentFrequency` gives, for each distinct query term, the
 * number of documents holding it (undefined: unknown, treated as rare but not unseen).
 */
export function rerank<T extends RerankCandidate>(
  candidates: T[],
  query: string,
  documentFrequency: Map<string, number>,
  totalDocuments: number,
  weights: RerankWeights = DEFAULT_WEIGHTS,
): T[] {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0 || candidates.length < 2) return candidates;
  const weightOf = new Map(queryTerms.map((t) => [t, idf(documentFrequency.get(t) ?? 1, totalDocuments)]));
  let totalWeight = 0;
  for (const weight of weightOf.values()) totalWeight += weight;
  const misspelt = possiblyMisspelt(queryTerms);
  // Only the words that can count are made into strings; the rest only count towards length.
  const filter = wantedTerms(queryTerms, misspelt);
  const texts = candidates.map((candidate) => ({ question: placedTerms(candidate.question, filter), answer: placedTerms(candidate.answer, filter) }));
  const alias = typoAliases(queryTerms, misspelt, texts);
  const scored = candidates.map((candidate, rank) => {
    const question = queryTermsIn(texts[rank].question, weightOf, alias);
    const answer = queryTermsIn(texts[rank].answer, weightOf, alias);
    let score = weights.fuse / (rank + 10);
    score += weights.question * bm25(question, weightOf, AVG_LENGTH.question, weights);
    score += bm25(answer, weightOf, AVG_LENGTH.answer, weights);
    const context = weights.context && candidate.context ? queryTermsIn(placedTerms(candidate.context, filter), weightOf, alias) : null;
    if (context) score += weights.context * bm25(context, weightOf, AVG_LENGTH.context, weights);
    if (weights.coverage) score += weights.coverage * coverage([question, answer, context], weightOf, totalWeight);
    if (weights.questionCoverage) score += weights.questionCoverage * coverage([question], weightOf, totalWeight);
    score += weights.proximity * (closePairs(question, weightOf) + closePairs(answer, weightOf));
    return { candidate, score, rank };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return scored.map((s) => s.candidate);
}

/** A document's query terms (misspellings resolved) with their positions, and its length. */
interface QueryTermHits {
  length: number;
  terms: string[];
  positions: number[];
}

function queryTermsIn(doc: PlacedTerms, weightOf: Map<string, number>, alias: Map<string, string>): QueryTermHits {
  const hits: QueryTermHits = { length: doc.count, terms: [], positions: [] };
  for (let k = 0; k < doc.terms.length; k++) {
    const term = alias.get(doc.terms[k]) ?? doc.terms[k];
    if (weightOf.has(term)) {
      hits.terms.push(term);
      hits.positions.push(doc.positions[k]);
    }
  }
  return hits;
}

/** Query words that may be misspelt, as typoAliases looks for them. */
function possiblyMisspelt(queryTerms: string[]): string[] {
  return queryTerms.filter((term) => term.length >= 5 && /^[a-z]+$/.test(term));
}

/** The words a candidate's text must give as strings: query terms, and typoAliases' vocabulary. */
function wantedTerms(queryTerms: string[], misspelt: string[]): TermFilter {
  const minLengthByFirst = new Map<number, number>();
  const want = (first: number, length: number) => minLengthByFirst.set(first, Math.min(minLengthByFirst.get(first) ?? Infinity, length));
  for (const term of queryTerms) want(term.charCodeAt(0), term.length);
  let minLengthAny = Infinity;
  if (misspelt.length) {
    // The same bounds as typoAliases' vocabulary (below).
    const minLength = Math.min(...misspelt.map((t) => t.length)) - 2;
    if (misspelt.some((t) => t.length >= 9)) minLengthAny = minLength;
    else for (const term of misspelt) want(term.charCodeAt(0), minLength);
  }
  return { minLengthByFirst, minLengthAny };
}

/**
 * Meilisearch matched a misspelt query word to a close word of the pair; so does the re-ranker,
 * with Meilisearch's own allowance (1 typo from 5 letters, 2 from 9): document term → the
 * query term it stands for. Query terms found as written need no alias.
 */
function typoAliases(queryTerms: string[], misspelt: string[], texts: { question: PlacedTerms; answer: PlacedTerms }[]): Map<string, string> {
  const alias = new Map<string, string>();
  if (misspelt.length === 0) return alias;
  // Only words that could be a close match go in the vocabulary: within 2 letters of a query
  // term's length and, below 9 letters, starting like it (Meilisearch counts a typo on the
  // first letter as two, so one allowed typo never changes it).
  const minLength = Math.min(...misspelt.map((t) => t.length)) - 2;
  const maxLength = Math.max(...misspelt.map((t) => t.length)) + 2;
  const anyFirst = misspelt.some((t) => t.length >= 9);
  const firstLetters = new Set(misspelt.map((t) => t[0]));
  const vocabulary = new Set<string>();
  const consider = (term: string) => {
    if (term.length >= minLength && term.length <= maxLength && (anyFirst || firstLetters.has(term[0]))) vocabulary.add(term);
  };
  for (const { question, answer } of texts) {
    question.terms.forEach(consider);
    answer.terms.forEach(consider);
  }
  for (const term of misspelt) {
    if (vocabulary.has(term)) continue;
    const allowed = term.length >= 9 ? 2 : 1;
    for (const word of vocabulary) {
      if (Math.abs(word.length - term.length) > allowed || (allowed === 1 && word[0] !== term[0]) || alias.has(word) || queryTerms.includes(word)) continue;
      if (editDistance(term, word, allowed) <= allowed) alias.set(word, term);
    }
  }
  return alias;
}

/** Share of the query terms' total idf found in any of the fields (0 to 1). */
function coverage(fields: (QueryTermHits | null)[], weightOf: Map<string, number>, totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  const found = new Set<string>();
  for (const field of fields) if (field) for (const term of field.terms) found.add(term);
  let weight = 0;
  for (const term of found) weight += weightOf.get(term)!;
  return weight / totalWeight;
}

function bm25(doc: QueryTermHits, weightOf: Map<string, number>, avgLength: number, { k1, b }: RerankWeights): number {
  if (doc.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const term of doc.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  let score = 0;
  const norm = k1 * (1 - b + (b * doc.length) / avgLength);
  for (const [term, tf] of counts) score += weightOf.get(term)! * ((tf * (k1 + 1)) / (tf + norm));
  return score;
}

/** Distinct pairs of query terms appearing within a small window, weighted by the rarer term. */
function closePairs(doc: QueryTermHits, weightOf: Map<string, number>): number {
  if (doc.terms.length < 2) return 0;
  // Terms numbered as first met, so "every term seen so far" is a plain loop; pairs are summed
  // in the order first found (a float sum's order decides near-ties).
  const number = new Map<string, number>();
  const lastAt: number[] = [];
  const weight: number[] = [];
  const found = new Set<number>();
  const pairWeights: number[] = [];
  const size = weightOf.size;
  for (let k = 0; k < doc.terms.length; k++) {
    const term = doc.terms[k];
    const position = doc.positions[k];
    let id = number.get(term);
    const self = id ?? lastAt.length;
    const termWeight = weightOf.get(term)!;
    for (let other = 0; other < lastAt.length; other++) {
      if (other === self || position - lastAt[other] > PROXIMITY_WINDOW) continue;
      const key = other < self ? other * size + self : self * size + other;
      if (found.has(key)) continue;
      found.add(key);
      pairWeights.push(Math.min(weight[other], termWeight));
    }
    if (id === undefined) {
      id = lastAt.length;
      number.set(term, id);
      weight.push(termWeight);
      lastAt.push(position);
    } else lastAt[id] = position;
  }
  let total = 0;
  for (const pairWeight of pairWeights) total += pairWeight;
  return total;
}

/**
 * Candidate lists from several retrievals merged by rank (first of each, then second of
 * each...), each candidate once: the re-ranker sees what either strategy found.
 */
export function mergeCandidates<T extends { id: string }>(lists: T[][]): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item && !seen.has(item.id)) {
        seen.add(item.id);
        merged.push(item);
      }
    }
  }
  return merged;
}
