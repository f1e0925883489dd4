import { embeddingTokens } from "./tokens";

// A trained model and how a text becomes one vector: the SIF-weighted average of its words'
// vectors (frequent words count less: a / (a + p(w))), minus its projection on the corpus's
// common direction (what every text shares: function words, press-conference boilerplate),
// L2-normalised so that a dot product is a cosine.

export interface EmbeddingModel {
  dims: number;
  /** Vocabulary, most frequent first; row i of `vectors` belongs to words[i]. */
  words: string[];
  /** SIF weight of each word. */
  weights: Float32Array;
  /** words.length × dims, row-major. */
  vectors: Float32Array;
  /** Unit vector of the common component removed from every text vector (zeros: none). */
  principal: Float32Array;
  /**
   * Subtracted from every unit text vector, which is then normalised again (absent: nothing).
   * A static table's texts all lie in a narrow cone (any two questions' cosine ~0.83), where
   * Meilisearch's approximate nearest-neighbour search loses true nearest pairs; most of the
   * archive's mean taken out spreads them (distill.ts, `centre`).
   */
  center?: Float32Array;
}

export interface LoadedModel extends EmbeddingModel {
  index: Map<string, number>;
}

export function withIndex(model: EmbeddingModel): LoadedModel {
  return { ...model, index: new Map(model.words.map((word, i) => [word, i])) };
}

/** The weighted average of the text's known words, before the common component is removed; null when none is known. */
export function averageVector(model: LoadedModel, text: string): Float32Array | null {
  const sum = new Float32Array(model.dims);
  let known = 0;
  for (const token of embeddingTokens(text)) {
    const row = model.index.get(token);
    if (row === undefined) continue;
    const weight = model.weights[row];
    const offset = row * model.dims;
    for (let d = 0; d < model.dims; d++) sum[d] += weight * model.vectors[offset + d];
    known += 1;
  }
  if (known === 0) return null;
  for (let d = 0; d < model.dims; d++) sum[d] /= known;
  return sum;
}

/** The text's unit vector, or null when the model knows none of its words (or nothing is left). */
export function embedText(model: LoadedModel, text: string): Float32Array | null {
  const vector = averageVector(model, text);
  if (!vector) return null;
  let projection = 0;
  for (let d = 0; d < model.dims; d++) projection += vector[d] * model.principal[d];
  const unit = subtractAndNormalise(vector, model.principal, projection);
  // A centred table: the archive's mean comes off the unit vector, which is normalised again.
  return unit && model.center ? subtractAndNormalise(unit, model.center, 1) : unit;
}

/** `vector` minus `amount` times `direction`, in place, scaled to unit length (null if nothing is left). */
function subtractAndNormalise(vector: Float32Array, direction: Float32Array, amount: number): Float32Array | null {
  let norm = 0;
  for (let d = 0; d < vector.length; d++) {
    vector[d] -= amount * direction[d];
    norm += vector[d] * vector[d];
  }
  if (norm < 1e-12) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < vector.length; d++) vector[d] *= scale;
  return vector;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d] * b[d];
    na += a[d] * a[d];
    nb += b[d] * b[d];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
