import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The relevance gold set (gold.jsonl): known-item queries written by hand from pairs of
// ../shared/corpus, each with every pair that answers it equally well. Pure: no services.

export const KINDS = ["description", "keywords", "names", "phrase", "typo", "chinese"] as const;
export type QueryKind = (typeof KINDS)[number];

export const goldQuerySchema = z.object({
  id: z.string().regex(/^[a-z]+-\d{3}$/),
  kind: z.enum(KINDS),
  q: z.string().trim().min(1).max(500),
  /** Pairs as the importer stores them: QaPair.sourceCorpus + QaPair.sourceId. */
  relevant: z.array(z.object({ corpus: z.string().min(1), sourceId: z.string().min(1) })).min(1),
  split: z.enum(["tune", "heldout"]),
});
export type GoldQuery = z.infer<typeof goldQuerySchema>;

export const GOLD_FILE = path.join(import.meta.dirname, "gold.jsonl");

export function readGold(file = GOLD_FILE): GoldQuery[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = goldQuerySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`gold.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** A fixed hash of the query id: the split never depends on results, file order or chance. */
export function splitHash(id: string): string {
  return createHash("sha256").update(`pressroom-relevance:${id}`).digest("hex");
}

/**
 * Queries added to a kind later form a group of their own, from this id number on: splitting
 * old and new together would move old queries across the halves (tuned-on ones into held-out).
 */
export const LATER_GROUPS: Partial<Record<QueryKind, number[]>> = { typo: [34] };

function groupOf(query: { id: string; kind: QueryKind }): string {
  const n = Number(query.id.slice(query.id.lastIndexOf("-") + 1));
  return `${query.kind}:${(LATER_GROUPS[query.kind] ?? []).filter((from) => n >= from).length}`;
}

/**
 * Within each kind (and each later group of it), queries sorted by splitHash: the first half
 * (rounded up) is "tune", the rest "heldout". So both halves hold every kind, in equal shares.
 */
export function assignSplits<T extends { id: string; kind: QueryKind }>(queries: T[]): (T & { split: "tune" | "heldout" })[] {
  const splitOf = new Map<string, "tune" | "heldout">();
  for (const group of new Set(queries.map(groupOf))) {
    const ofGroup = queries.filter((q) => groupOf(q) === group).sort((a, b) => splitHash(a.id).localeCompare(splitHash(b.id)));
    ofGroup.forEach((q, i) => splitOf.set(q.id, i < Math.ceil(ofGroup.length / 2) ? "tune" : "heldout"));
  }
  return queries.map((q) => ({ ...q, split: splitOf.get(q.id)! }));
}

export interface Scores {
  mrr: number;
  recall: number;
  ndcg: number;
  queries: number;
}

/** Binary relevance at cut-off k for one query: reciprocal rank, recall and nDCG. */
export function scoreRanking(ranked: string[], relevant: Set<string>, k = 10): { rr: number; recall: number; ndcg: number } {
  const top = ranked.slice(0, k);
  const firstHit = top.findIndex((id) => relevant.has(id));
  let dcg = 0;
  let found = 0;
  top.forEach((id, i) => {
    if (relevant.has(id)) {
      dcg += 1 / Math.log2(i + 2);
      found += 1;
    }
  });
  const ideal = Math.min(relevant.size, k);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return { rr: firstHit >= 0 ? 1 / (firstHit + 1) : 0, recall: ideal ? found / ideal : 0, ndcg: idcg ? dcg / idcg : 0 };
}

export function meanScores(perQuery: { rr: number; recall: number; ndcg: number }[]): Scores {
  const n = perQuery.length || 1;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    mrr: round(perQuery.reduce((s, r) => s + r.rr, 0) / n),
    recall: round(perQuery.reduce((s, r) => s + r.recall, 0) / n),
    ndcg: round(perQuery.reduce((s, r) => s + r.ndcg, 0) / n),
    queries: perQuery.length,
  };
}
