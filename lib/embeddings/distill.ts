import { embedText, withIndex, type EmbeddingModel } from "./embed";
import { questionForEmbedding } from "./embedder";
import { gaussianSource, orthonormalizeColumns, symmetricEigen } from "./linear-algebra";
import { commonComponent, vocabulary } from "./train";

// A static word table distilled from a sentence encoder (the Model2Vec idea): every frequent
// word of the archive is run through the encoder once, on its own, and its sentence vector
// becomes the word's row. A text is then embedded as the SIF-weighted mean of its words' rows
// (embed.ts), which costs microseconds instead of a network pass, so a query embeds in far
// under a millisecond and the whole archive in seconds. The table keeps what the encoder
// knows about each word (synonyms and related words lie close), not what it knows about word
// order. Optionally the rows are reduced by PCA to fewer dimensions (smaller vectors in
// Meilisearch), and the texts' common direction is removed as for the archive-trained vectors.

export interface DistillOptions {
  /** Vocabulary: the most frequent archive words with at least minCount occurrences. */
  maxWords: number;
  minCount: number;
  /** Dimensions kept by PCA; 0 keeps the encoder's own. */
  dims: number;
  /** SIF smoothing a in a / (a + p(w)). */
  sifA: number;
  /** Remove the texts' first principal direction (SIF); false leaves it in. */
  removeCommon: boolean;
  /**
   * Share of the archive's mean text vector taken out of every text vector (EmbeddingModel.center);
   * 0 keeps the raw table. The raw table's texts crowd into a narrow cone where Meilisearch's
   * approximate search misses true nearest pairs (bench/relevance/ann-recall.ts). 1 (the mean
   * taken out whole), chosen on the tune half: Meilisearch's top 50 holds 81 % of the exact top 50
   * (raw: 55 %), exact ranking nearly unchanged (docs/search-ranking.md).
   */
  centre: number;
  /** Words per encoder call. */
  batch: number;
  seed: number;
}

export const DEFAULT_DISTILL: DistillOptions = { maxWords: 40_000, minCount: 3, dims: 0, sifA: 1e-3, removeCommon: false, centre: 1, batch: 256, seed: 11 };

/** The encoder being distilled: unit vectors (or null for a text it cannot read), in order. */
export type Encode = (texts: string[]) => Promise<(Float32Array | null)[]>;

export async function distillEmbeddings(
  texts: string[],
  encode: Encode,
  overrides: Partial<DistillOptions> = {},
  progress?: (done: number, total: number) => void,
): Promise<EmbeddingModel> {
  const options = { ...DEFAULT_DISTILL, ...overrides };
  // Every word is counted, and the maxWords most frequent the encoder can read are kept: Chinese
  // bigrams, which an English encoder leaves out, must not take the English words' places.
  const counted = vocabulary(texts, { minCount: options.minCount, maxWords: 65_535 });
  const words: string[] = [];
  const counts: number[] = [];
  const rows: Float32Array[] = [];
  for (let at = 0; at < counted.words.length && words.length < options.maxWords; at += options.batch) {
    const batch = counted.words.slice(at, at + options.batch);
    const vectors = await encode(batch);
    vectors.forEach((vector, k) => {
      // A word the encoder cannot read (Chinese for an English encoder) stays out of the table.
      if (!vector || words.length >= options.maxWords) return;
      words.push(batch[k]);
      counts.push(counted.counts[at + k]);
      rows.push(vector);
    });
    progress?.(Math.min(at + options.batch, counted.words.length), counted.words.length);
  }
  if (rows.length === 0) throw new Error("The encoder gave no vector for any archive word: nothing to distil.");
  const sourceDims = rows[0].length;
  const dims = options.dims > 0 && options.dims < sourceDims ? options.dims : sourceDims;
  const vectors = dims < sourceDims ? principalProjection(rows, dims, options.seed) : concatenated(rows);
  const weights = Float32Array.from(counts, (count) => options.sifA / (options.sifA + count / counted.totalTokens));
  const model: EmbeddingModel = { dims, words, weights, vectors, principal: new Float32Array(dims) };
  if (options.removeCommon) model.principal = commonComponent(model, texts, options.seed);
  if (options.centre > 0) model.center = meanTextVector(model, texts).map((v) => v * options.centre);
  return model;
}

/** The mean of the texts' unit vectors (each text's start, as a pair's vector is made), from up to 20,000 texts spread evenly. */
export function meanTextVector(model: EmbeddingModel, texts: string[], limit = 20_000): Float32Array {
  const loaded = withIndex({ ...model, center: undefined });
  const mean = new Float32Array(model.dims);
  const step = Math.max(1, Math.floor(texts.length / limit));
  let count = 0;
  for (let i = 0; i < texts.length; i += step) {
    const vector = embedText(loaded, questionForEmbedding(texts[i]));
    if (!vector) continue;
    for (let d = 0; d < model.dims; d++) mean[d] += vector[d];
    count += 1;
  }
  if (count) for (let d = 0; d < model.dims; d++) mean[d] /= count;
  return mean;
}

function concatenated(rows: Float32Array[]): Float32Array {
  const out = new Float32Array(rows.length * rows[0].length);
  rows.forEach((row, i) => out.set(row, i * row.length));
  return out;
}

/**
 * The rows, centred, projected on their top `dims` principal axes (eigenvectors of the
 * covariance, largest first; each axis's sign fixed so its largest component is positive, so
 * the same input always gives the same table).
 */
export function principalProjection(rows: Float32Array[], dims: number, seed = DEFAULT_DISTILL.seed): Float32Array {
  const n = rows[0].length;
  const mean = new Float64Array(n);
  for (const row of rows) for (let d = 0; d < n; d++) mean[d] += row[d] / rows.length;
  const covariance = new Float64Array(n * n);
  const centred = new Float64Array(n);
  for (const row of rows) {
    for (let d = 0; d < n; d++) centred[d] = row[d] - mean[d];
    for (let a = 0; a < n; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      const offset = a * n;
      for (let b = a; b < n; b++) covariance[offset + b] += ca * centred[b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) covariance[b * n + a] = covariance[a * n + b];
  const axes = topEigenvectors(covariance, n, dims, seed).map((axis) => {
    let largest = 0;
    for (let d = 0; d < n; d++) if (Math.abs(axis[d]) > Math.abs(largest)) largest = axis[d];
    if (largest < 0) for (let d = 0; d < n; d++) axis[d] = -axis[d];
    return axis;
  });
  const out = new Float32Array(rows.length * dims);
  rows.forEach((row, i) => {
    for (let k = 0; k < dims; k++) {
      let sum = 0;
      const axis = axes[k];
      for (let d = 0; d < n; d++) sum += (row[d] - mean[d]) * axis[d];
      out[i * dims + k] = sum;
    }
  });
  return out;
}

/**
 * The `dims` leading eigenvectors of a symmetric n × n matrix, largest eigenvalue first, by
 * subspace iteration (a full Jacobi decomposition of 512 × 512 takes over a minute): a few
 * products with a random block, then Rayleigh–Ritz on the small projected matrix.
 */
function topEigenvectors(matrix: Float64Array, n: number, dims: number, seed: number): Float64Array[] {
  const width = Math.min(n, dims + 10);
  const gaussian = gaussianSource(seed);
  let q = Float64Array.from({ length: n * width }, gaussian);
  const times = (y: Float64Array) => {
    const out = new Float64Array(n * width);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++) {
        const m = matrix[i * n + k];
        if (m === 0) continue;
        for (let c = 0; c < width; c++) out[i * width + c] += m * y[k * width + c];
      }
    return out;
  };
  orthonormalizeColumns(q, n, width);
  for (let iteration = 0; iteration < 6; iteration++) {
    q = times(q);
    orthonormalizeColumns(q, n, width);
  }
  const mq = times(q);
  const small = new Float64Array(width * width);
  for (let a = 0; a < width; a++)
    for (let b = 0; b < width; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += q[i * width + a] * mq[i * width + b];
      small[a * width + b] = sum;
    }
  for (let a = 0; a < width; a++) for (let b = a + 1; b < width; b++) small[a * width + b] = small[b * width + a] = (small[a * width + b] + small[b * width + a]) / 2;
  const { values, vectors } = symmetricEigen(small, width);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, dims);
  return order.map((k) => {
    const axis = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let c = 0; c < width; c++) axis[i] += q[i * width + c] * vectors[c * width + k];
    return axis;
  });
}
