// Second-stage ranking, pure: Meilisearch finds and orders candidates by its bucket rules
// (number of matched words first), which cannot tell a rare, telling word from a common one.
// Here the top candidates are scored again with BM25 over question and answer, each query
// term weighted by its rarity in the whole archive, plus a bonus for query terms that sit
// close together, and fused with Meilisearch's own order. Tuned on the tune half of
// bench/relevance/gold.jsonl only.

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

export const DEFAULT_WEIGHTS: RerankWeights = { question: 1.5, fuse: 6, proximity: 0.3, k1: 1.2, b: 0.75 };
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
export function rerank<T extends RerankCandidate>(candidates: T[], query: string, documentFrequency: Map<string, number>, totalDocuments: number, weights: RerankWeights = DEFAULT_WEIGHTS): T[] {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0 || candidates.length < 2) return candidates;
  const weightOf = new Map(queryTerms.map((t) => [t, idf(documentFrequency.get(t) ?? 1, totalDocuments)]));
  const scored = candidates.map((candidate, rank) => {
    const question = terms(candidate.question);
    const answer = terms(candidate.answer);
    let score = weights.fuse / (rank + 10);
    score += weights.question * bm25(question, weightOf, AVG_LENGTH.question, weights);
    score += bm25(answer, weightOf, AVG_LENGTH.answer, weights);
    score += weights.proximity * (closePairs(question, weightOf) + closePairs(answer, weightOf));
    return { candidate, score, rank };
  });
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return scored.map((s) => s.candidate);
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
