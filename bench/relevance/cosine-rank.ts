// Scoring retrieval by cosine alone over every English pair (no services): the rank of a query's
// first relevant pair, and per-kind summaries of those ranks. Shared by static-table.ts and
// document-text.ts.

export interface RankSummary {
  mrr: number;
  r10: number;
  r50: number;
  n: number;
}

/** 1-based rank of the best relevant pair by dot product (unit vectors: cosine); Infinity when it cannot be ranked. Pairs with the same text tie; the relevant one counts first among ties. */
export function cosineRank(query: Float32Array | null, corpus: (Float32Array | null | undefined)[], targets: number[]): number {
  if (!query || targets.length === 0) return Infinity;
  const scores = corpus.map((v) => (v ? dot(query, v) : -Infinity));
  const best = Math.max(...targets.map((t) => scores[t]));
  return best > -Infinity ? 1 + scores.filter((s) => s > best).length : Infinity;
}

/** MRR@10, Recall@10 and Recall@50 of each kind's ranks. */
export function summariseRanks(byKind: Record<string, number[]>): Record<string, RankSummary> {
  return Object.fromEntries(
    Object.entries(byKind).map(([kind, ranks]) => [
      kind,
      {
        mrr: ranks.reduce((s, r) => s + (r <= 10 ? 1 / r : 0), 0) / ranks.length,
        r10: ranks.filter((r) => r <= 10).length / ranks.length,
        r50: ranks.filter((r) => r <= 50).length / ranks.length,
        n: ranks.length,
      },
    ]),
  );
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d];
  return sum;
}
