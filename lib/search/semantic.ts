import type { MultiSearchQuery } from "meilisearch";
import { embedText } from "@/lib/embeddings/embed";
import { EMBEDDER_NAME, activeEmbedder } from "@/lib/embeddings/runtime";
import { queryShape } from "./query-shape";

// Semantic candidates for long (description-shaped) queries: the query's words embedded with
// the archive's own word vectors (lib/embeddings) and sent as one more candidate list, a
// Meilisearch hybrid search over the documents' userProvided vectors. After the keyword
// re-ranker, the semantic order is fused in by reciprocal rank, so a pair that shares few of
// the query's words can still rise.

export interface SemanticOptions {
  /** Meilisearch's semanticRatio for the semantic candidate list (1: vectors only). */
  ratio: number;
  /** Weight of the semantic rank against the re-ranked keyword rank (0: candidates only). */
  fusion: number;
  /** Only queries of at least this many free words (descriptions, not keyword lists). */
  minWords: number;
}

/**
 * Chosen on the tune half of bench/relevance (2026-12-02): fusion 0.5 for queries of 12+ words
 * lifted description MRR@10 0.12 → 0.16 with every other kind unchanged; fusion 1, or 6+
 * words, hurt keyword, name and typo queries. Applies only in hybrid mode.
 */
export const DEFAULT_SEMANTIC: SemanticOptions | null = { ratio: 1, fusion: 0.5, minWords: 12 };

const FUSION_K = 10;

export function semanticQuery(
  q: string,
  options: SemanticOptions | null | undefined = DEFAULT_SEMANTIC,
): { request: Pick<MultiSearchQuery, "hybrid" | "vector">; fusion: number } | null {
  if (!options) return null;
  const { words } = queryShape(q);
  if (words.length < options.minWords) return null;
  const model = activeEmbedder();
  if (!model) return null;
  const vector = embedText(model, words.join(" "));
  if (!vector) return null;
  return { request: { vector: Array.from(vector), hybrid: { embedder: EMBEDDER_NAME, semanticRatio: options.ratio } }, fusion: options.fusion };
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
