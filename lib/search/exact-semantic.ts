import type { Embedder } from "@/lib/embeddings/embedder";
import { questionForEmbedding } from "@/lib/embeddings/embedder";
import { keptVectors } from "@/lib/embeddings/stored-vectors";
import type { SemanticQuery } from "./semantic";

// The semantic order of the whole candidate pool by exact cosine, in-app. Meilisearch's vector
// search is approximate: with the static table it returns only 80-85 % of the true 50 nearest
// pairs (bench/relevance/ann-recall.ts), and it ranks only what it returns. The keyword lists
// and the semantic list together hold up to ~200 candidates; scoring each by its exact cosine
// to the query gives keyword candidates a semantic rank too, and puts the semantic list's own
// hits in their true order.

/** Candidates ordered by dot product with the query (unit vectors: cosine), best first; candidates without a vector are left out; order kept on ties. */
export function cosineOrder<T>(query: ArrayLike<number>, candidates: { item: T; vector: ArrayLike<number> | null }[]): T[] {
  return candidates
    .flatMap(({ item, vector }, at) => (vector && vector.length === query.length ? [{ item, at, score: dot(query, vector) }] : []))
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .map((scored) => scored.item);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d];
  return sum;
}

/**
 * A word-table model (static table, archive vectors) embeds a question in microseconds, so the
 * candidates' vectors are computed again here, exactly as indexing made them. A sentence
 * encoder would cost ~10 ms a question: its vectors are read from what indexing kept in
 * Postgres (stored-vectors.ts), read only; a candidate without a kept vector gets no rank.
 */
export async function candidateVectors(model: Embedder, questions: (string | undefined)[]): Promise<(Float32Array | null)[]> {
  const texts = questions.map((question) => (question ? questionForEmbedding(question) : ""));
  if (!model.id.startsWith("encoder:")) return model.embed(texts);
  return keptVectors(model, texts);
}

/** The candidates' ids in exact order of meaning (SemanticOptions.exact: as indexed, or a centred table's raw vectors); null: "uncentred" asked of a model without raw vectors. */
export async function exactSemanticOrder(
  semantic: Pick<SemanticQuery, "model" | "vector" | "text" | "options">,
  candidates: { id: string; question?: string }[],
): Promise<{ id: string }[] | null> {
  const uncentred = semantic.options.exact === "uncentred" ? semantic.model.uncentred : undefined;
  // Only a centred table has raw vectors to order by; other models keep Meilisearch's order.
  if (semantic.options.exact === "uncentred" && !uncentred) return null;
  const model = uncentred ?? semantic.model;
  const query = uncentred ? (await uncentred.embed([semantic.text]))[0] : semantic.vector;
  if (!query) return [];
  const vectors = await candidateVectors(
    model,
    candidates.map((hit) => hit.question),
  );
  return cosineOrder(
    query,
    candidates.map((hit, i) => ({ item: { id: hit.id }, vector: vectors[i] })),
  );
}
