// Second-stage ranking, pure: Meilisearch finds and orders candidates by its bucket rules
// (number of matched words first), which cannot tell a rare, telling word from a common one.
// Here the top candidates are scored again with BM25 over question and answer, each query
// term weighted by its rarity in the whole archive, plus a bonus for query terms that sit
// close together, and fused with Meilisearch's own order. Tuned on the tune half of
// bench/relevance/gold.jsonl only.

import { editDistance } from "./edit-distance";

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** A light English stemmer: plural and verb endings only, so "vaccines" meets "vaccine". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
  return word;
}

/**
 * Terms of a text: lowercased, stemmed English words (possessive 's dropped), and for Chinese
 * every character bigram (no dictionary needed, and a two-character word is one bigram).
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let last = 0;
  const latin = (chunk: string) => {
    for (const match of chunk.matchAll(WORD)) out.push(stem(match[0].replace(/['’]s$/, "").replace(/['’]/g, "")));
  };
  for (const match of lower.matchAll(CJK_RUN)) {
    latin(lower.slice(last, match.index));
    const run = match[0];
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    last = match.index + run.length;
  }
  latin(lower.slice(last));
  return out;
}

export interface RerankCandidate {
  id: string;
  question: string;
  answer: string;
}

export interface RerankWeights {
  /** BM25 weight of a match in the question, relative to the answer's 1. */
  question: number;
  /** Weight of Meilisearch's own order: added as fuse / (rank + 10). */
  fuse: number;
  /** Bonus per pair of query terms found within PROXIMITY_WINDOW terms of each other. */
  proximity: number;
  k1: number;
  b: number;
}

export const DEFAULT_WEIGHTS: RerankWeights = { question: 1.5, fuse: 12, proximity: 1, k1: 1.2, b: 0.75 };
const PROXIMITY_WINDOW = 6;
// Average lengths in terms over the archive (question, answer); only their ratio to a
// document's length matters, so rough figures do.
const AVG_LENGTH = { question: 40, answer: 110 };

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
  const texts = candidates.map((candidate) => ({ question: terms(candidate.question), answer: terms(candidate.answer) }));
  const alias = typoAliases(queryTerms, texts);
  const scored = candidates.map((candidate, rank) => {
    const question = texts[rank].question.map((t) => alias.get(t) ?? t);
    const answer = texts[rank].answer.map((t) => alias.get(t) ?? t);
    let score = weights.fuse / (rank + 10);
    score += weights.question * bm25(question, weightOf, AVG_LENGTH.question, weights);
    score += bm25(answer, weightOf, AVG_LENGTH.answer, weights);
    score += weights.proximity * (closePairs(question, weightOf) + closePairs(answer, weightOf));
    return { candidate, score, rank };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return scored.map((s) => s.candidate);
}

/**
 * Meilisearch matched a misspelt query word to a close word of the pair; so does the re-ranker,
 * with Meilisearch's own allowance (1 typo from 5 letters, 2 from 9): document term → the
 * query term it stands for. Query terms found as written need no alias.
 */
function typoAliases(queryTerms: string[], texts: { question: string[]; answer: string[] }[]): Map<string, string> {
  const vocabulary = new Set<string>();
  for (const { question, answer } of texts) for (const term of [...question, ...answer]) vocabulary.add(term);
  const alias = new Map<string, string>();
  for (const term of queryTerms) {
    if (vocabulary.has(term) || term.length < 5 || !/^[a-z]+$/.test(term)) continue;
    const allowed = term.length >= 9 ? 2 : 1;
    for (const word of vocabulary) {
      if (!alias.has(word) && !queryTerms.includes(word) && editDistance(term, word, allowed) <= allowed) alias.set(word, term);
    }
  }
  return alias;
}

function bm25(docTerms: string[], weightOf: Map<string, number>, avgLength: number, { k1, b }: RerankWeights): number {
  if (docTerms.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const term of docTerms) if (weightOf.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  let score = 0;
  const norm = k1 * (1 - b + (b * docTerms.length) / avgLength);
  for (const [term, tf] of counts) score += weightOf.get(term)! * ((tf * (k1 + 1)) / (tf + norm));
  return score;
}

/** Distinct pairs of query terms appearing within a small window, weighted by the rarer term. */
function closePairs(docTerms: string[], weightOf: Map<string, number>): number {
  const lastSeen = new Map<string, number>();
  const seenPairs = new Map<string, number>();
  docTerms.forEach((term, position) => {
    if (!weightOf.has(term)) return;
    for (const [other, at] of lastSeen) {
      if (other !== term && position - at <= PROXIMITY_WINDOW) {
        const key = other < term ? `${other}\u0000${term}` : `${term}\u0000${other}`;
        seenPairs.set(key, Math.min(weightOf.get(other)!, weightOf.get(term)!));
      }
    }
    lastSeen.set(term, position);
  });
  let total = 0;
  for (const weight of seenPairs.values()) total += weight;
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
