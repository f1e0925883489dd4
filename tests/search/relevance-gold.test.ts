import { describe, expect, it } from "vitest";
import { KINDS, assignSplits, meanScores, readGold, scoreRanking } from "@/bench/relevance/gold";

// The relevance gold set and its metrics (bench/relevance). Pure checks, no services used.

describe("relevance gold set", () => {
  const gold = readGold();

  it("holds at least 200 queries with unique ids, every kind in both halves", () => {
    expect(gold.length).toBeGreaterThanOrEqual(200);
    expect(new Set(gold.map((q) => q.id)).size).toBe(gold.length);
    for (const kind of KINDS) {
      for (const split of ["tune", "heldout"]) expect(gold.filter((q) => q.kind === kind && q.split === split).length, `${kind} ${split}`).toBeGreaterThanOrEqual(10);
    }
  });

  it("keeps the split the fixed hash gives (nobody moved a query between halves)", () => {
    const recomputed = assignSplits(gold.map(({ id, kind }) => ({ id, kind })));
    expect(recomputed.map((q) => q.split)).toEqual(gold.map((q) => q.split));
  });

  it("names pairs by the importer's corpus family and source id", () => {
    for (const q of gold) {
      for (const r of q.relevant) expect(r.sourceId.startsWith(`${r.corpus}-`), `${q.id} ${r.sourceId}`).toBe(true);
    }
  });

  it("quotes a phrase in every phrase query", () => {
    for (const q of gold.filter((g) => g.kind === "phrase")) expect(q.q).toMatch(/"[^"]+"/);
    for (const q of gold.filter((g) => g.kind === "chinese")) expect(q.q).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("relevance metrics", () => {
  it("scores binary relevance at 10", () => {
    expect(scoreRanking(["a", "b", "c"], new Set(["a"]))).toEqual({ rr: 1, recall: 1, ndcg: 1 });
    const second = scoreRanking(["x", "a"], new Set(["a"]));
    expect(second.rr).toBe(0.5);
    expect(second.ndcg).toBeCloseTo(1 / Math.log2(3), 6);
    // Beyond the cut-off counts as not found.
    const late = scoreRanking([..."abcdefghij", "z"], new Set(["z"]));
    expect(late).toEqual({ rr: 0, recall: 0, ndcg: 0 });
    // Two equally correct pairs, one found: recall 0.5, reciprocal rank from the first.
    const half = scoreRanking(["x", "y", "b"], new Set(["b", "c"]));
    expect(half.rr).toBeCloseTo(1 / 3, 6);
    expect(half.recall).toBe(0.5);
  });

  it("averages per query", () => {
    expect(
      meanScores([
        { rr: 1, recall: 1, ndcg: 1 },
        { rr: 0, recall: 0, ndcg: 0 },
      ]),
    ).toEqual({ mrr: 0.5, recall: 0.5, ndcg: 0.5, queries: 2 });
  });
});
