import type { MultiSearchQuery } from "meilisearch";
import type { Embedder } from "@/lib/embeddings/embedder";
import { EMBEDDER_NAME, activeEmbedder } from "@/lib/embeddings/runtime";
import { searchMeili, liveIndexUid } from "./client";
import { queryShape } from "./query-shape";

// Search by meaning for description-shaped queries (hybrid mode). The query's words are
// embedded in-process (lib/embeddings) and the semantic order is fused, by reciprocal rank,
// into the keyword re-ranker's order, so a pair that shares few of the query's words can rise.
// The semantic order comes from one of two sources:
//   "rerank"  the first `depth` keyword candidates ordered by their vectors' similarity to the
//             query: one Meilisearch vector search filtered to those ids, sent after the
//             keyword lists (it needs their candidates).
//   "list"    one more candidate list in the keyword multi-search: Meilisearch's hybrid search
//             over every document's vector (semanticRatio `ratio`). Can find pairs the keyword
//             lists missed, but needs every pair's vector to be worth anything.

export interface SemanticOptions {
  source: "rerank" | "list";
  /** Meilisearch's semanticRatio for the "list" source (1: vectors only). */
  ratio: number;
  /** Weight of the semantic rank against the re-ranked keyword rank (0: off); unset: the model's own (Embedder.fusion), else DEFAULT_FUSION. */
  fusion?: number;
  /** Only queries of at least this many free words (descriptions, not keyword lists); unset: the model's own threshold (Embedder.minQueryWords), else DEFAULT_MIN_WORDS. */
  minWords?: number;
  /** "rerank": how many of the re-ranked candidates are ordered by meaning. */
  depth: number;
  /**
   * Order the whole candidate pool (keyword and semantic lists) by exact cosine in-app
   * (exact-semantic.ts) instead of Meilisearch's approximate order: with the vectors as indexed,
   * or "uncentred" with a centred table's raw vectors (Embedder.uncentred).
   */
  exact?: "indexed" | "uncentred";
}

/**
 * Chosen on the tune half (2026-12-07, every English pair with a vector): the "list" source
 * (vector search over every pair, 50 more candidates) with meaning weighted half as much as the
 * keyword rank, for queries of 9+ free words with use-lite (11+ with the static table: the model's
 * own minQueryWords): the best overall MRR@10 with no kind worse than keyword-only (fusion 1
 * found more descriptions but pushed keyword and name queries down). A centred static table
 * weighs its list 1 (its own Embedder.fusion, lib/embeddings/static-table.ts) and orders the
 * whole candidate pool by its raw vectors' exact cosine (exact: "uncentred", exact-semantic.ts;
 * other models keep Meilisearch's order: they have no raw vectors).
 * Variants and held-out figures: docs/search-ranking.md, "Semantic search".
 */
export const DEFAULT_SEMANTIC: SemanticOptions | null = { source: "list", ratio: 1, depth: 40, exact: "uncentred" };

/** Meaning weighted half as much as the keyword rank, for a model that does not say otherwise (use-lite; chosen with it, above). */
export const DEFAULT_FUSION = 0.5;

/** Queries of 9+ free words, for a model that does not say otherwise (use-lite; chosen with it, above). */
export const DEFAULT_MIN_WORDS = 9;

const FUSION_K = 10;

export interface SemanticQuery {
  vector: number[];
  /** With the fusion weight chosen for this model. */
  options: SemanticOptions & { fusion: number };
  /** The model that embedded the query (exact re-scoring embeds or reads the candidates' vectors with it), and the text it embedded. */
  model: Embedder;
  text: string;
  /** The "list" source's extra multi-search entry; null for "rerank". */
  request: Pick<MultiSearchQuery, "hybrid" | "vector"> | null;
}

/** The query's vector and how to use it, or null (keyword mode, short query, nothing the model can read). */
export async function semanticQuery(q: string, options: SemanticOptions | null | undefined = DEFAULT_SEMANTIC): Promise<SemanticQuery | null> {
  // An explicit weight of 0 needs no model to say no.
  if (!options || (options.fusion ?? 1) <= 0) return null;
  const { words } = queryShape(q);
  // An explicit threshold needs no model to say no.
  if (options.minWords !== undefined && words.length < options.minWords) return null;
  const model = await activeEmbedder();
  if (!model) return null;
  if (words.length < (options.minWords ?? model.minQueryWords ?? DEFAULT_MIN_WORDS)) return null;
  const text = words.join(" ");
  const [vector] = await model.embed([text]);
  if (!vector) return null;
  const values = Array.from(vector);
  const fusion = options.fusion ?? model.fusion ?? DEFAULT_FUSION;
  if (fusion <= 0) return null;
  const request = options.source === "list" ? { vector: values, hybrid: { embedder: EMBEDDER_NAME, semanticRatio: options.ratio } } : null;
  return { vector: values, options: { ...options, fusion }, request, model, text };
}

/** The first `depth` candidates' ids in order of meaning (candidates without a vector are left out). */
export async function semanticOrder(candidateIds: string[], semantic: SemanticQuery): Promise<{ id: string }[]> {
  const ids = candidateIds.slice(0, semantic.options.depth);
  if (ids.length < 2) return [];
  const result = await searchMeili()
    .index(liveIndexUid())
    .search("", {
      filter: idFilter(ids),
      vector: semantic.vector,
      hybrid: { embedder: EMBEDDER_NAME, semanticRatio: 1 },
      limit: ids.length,
      attributesToRetrieve: ["id"],
      showRankingScore: true,
    });
  // Candidates without a vector (opted out: Chinese, statements) still come back, scored 0, last.
  return result.hits.filter((hit) => (hit._rankingScore ?? 0) > 0).map((hit) => ({ id: String(hit.id) }));
}

export function idFilter(ids: string[]): string {
  return `id IN [${ids.map((id) => JSON.stringify(id)).join(", ")}]`;
}

/** The re-ranked list with the semantic list's order fused in (reciprocal rank); order kept on ties. */
export function fuseSemantic<T extends { id: string }>(reranked: T[], semantic: { id: string }[], fusion: number): T[] {
  if (fusion <= 0) return reranked;
  const semanticRank = new Map(semantic.map((hit, rank) => [hit.id, rank]));
  const score = (hit: T, rank: number) => 1 / (FUSION_K + rank) + (semanticRank.has(hit.id) ? fusion / (FUSION_K + semanticRank.get(hit.id)!) : 0);
  return reranked
    .map((hit, rank) => ({ hit, rank, score: score(hit, rank) }))
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .map((s) => s.hit);
}
