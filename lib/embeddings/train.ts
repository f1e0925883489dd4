import { averageVector, withIndex, type EmbeddingModel } from "./embed";
import { gaussianSource, multiplySparse, orthonormalizeColumns, symmetricEigen, type SparseRows } from "./linear-algebra";
import { embeddingTokens } from "./tokens";

// Word vectors learned from the archive itself (no pretrained model ships here): positive
// PMI of word co-occurrence within a small window, reduced by a randomized eigen-
// decomposition (the PPMI matrix is symmetric), each word's vector scaled by sqrt(eigenvalue).
// Words that occur in the same company end up close, which is what lets a description
// "in other words" reach a pair that shares few of its words.

export interface TrainingOptions {
  dims: number;
  /** Vocabulary: the most frequent words only (at most 65,535: pair keys are 32-bit). */
  maxWords: number;
  minCount: number;
  window: number;
  /** Extra random directions and power iterations of the randomized decomposition. */
  oversample: number;
  powerIterations: number;
  /** SIF smoothing a in a / (a + p(w)). */
  sifA: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { dims: 128, maxWords: 40_000, minCount: 3, window: 5, oversample: 10, powerIterations: 2, sifA: 1e-3, seed: 11 };

export function trainEmbeddings(texts: string[], overrides: Partial<TrainingOptions> = {}): EmbeddingModel {
  const options = { ...DEFAULT_TRAINING, ...overrides };
  const { words, counts, totalTokens } = vocabulary(texts, options);
  const index = new Map(words.map((word, i) => [word, i]));
  const ppmi = positivePmi(cooccurrences(texts, index, options.window), words.length);
  const dims = Math.min(options.dims, words.length);
  const vectors = wordVectors(ppmi, dims, options);
  const weights = Float32Array.from(counts, (count) => options.sifA / (options.sifA + count / totalTokens));
  const model: EmbeddingModel = { dims, words, weights, vectors, principal: new Float32Array(dims) };
  model.principal = commonComponent(model, texts, options.seed);
  return model;
}

/** The archive's words with at least minCount occurrences, most frequent first (at most maxWords), and the total token count. */
export function vocabulary(texts: string[], options: Pick<TrainingOptions, "minCount" | "maxWords">): { words: string[]; counts: number[]; totalTokens: number } {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of embeddingTokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const kept = [...counts]
    .filter(([, count]) => count >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, Math.min(options.maxWords, 65_535));
  let totalTokens = 0;
  for (const count of counts.values()) totalTokens += count;
  return { words: kept.map(([word]) => word), counts: kept.map(([, count]) => count), totalTokens };
}

/**
 * Co-occurrence counts of vocabulary words within `window` positions (weighted 1/distance),
 * for i < j only (the matrix is symmetric), in an open-addressing table: a Map would hold
 * tens of millions of entries.
 */
class PairCounts {
  keys = new Uint32Array(1 << 16).fill(0xffffffff);
  values = new Float32Array(1 << 16);
  size = 0;

  add(key: number, amount: number): void {
    if (this.size * 10 > this.keys.length * 6) this.grow();
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[slot] !== 0xffffffff && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.keys[slot] === 0xffffffff) {
      this.keys[slot] = key;
      this.size += 1;
    }
    this.values[slot] += amount;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2).fill(0xffffffff);
    this.values = new Float32Array(keys.length * 2);
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (keys[s] !== 0xffffffff) this.add(keys[s], values[s]);
  }
}

function cooccurrences(texts: string[], index: Map<string, number>, window: number): PairCounts {
  const counts = new PairCounts();
  for (const text of texts) {
    const ids = embeddingTokens(text).map((token) => index.get(token) ?? -1);
    for (let p = 0; p < ids.length; p++) {
      const a = ids[p];
      if (a < 0) continue;
      for (let d = 1; d <= window && p + d < ids.length; d++) {
        const b = ids[p + d];
        if (b < 0 || b === a) continue;
        counts.add(a < b ? a * 65_536 + b : b * 65_536 + a, 1 / d);
      }
    }
  }
  return counts;
}

/** PPMI with context-distribution smoothing (counts^0.75), as a symmetric sparse matrix. */
function positivePmi(counts: PairCounts, size: number): SparseRows {
  const marginal = new Float64Array(size);
  let total = 0;
  for (let s = 0; s < counts.keys.length; s++) {
    const key = counts.keys[s];
    if (key === 0xffffffff) continue;
    const v = counts.values[s];
    marginal[Math.floor(key / 65_536)] += v;
    marginal[key % 65_536] += v;
    total += 2 * v;
  }
  const smoothed = Float64Array.from(marginal, (m) => m ** 0.75);
  const smoothedTotal = smoothed.reduce((a, b) => a + b, 0);
  const entries: number[] = [];
  const perRow = new Int32Array(size);
  for (let s = 0; s < counts.keys.length; s++) {
    const key = counts.keys[s];
    if (key === 0xffffffff) continue;
    const i = Math.floor(key / 65_536);
    const j = key % 65_536;
    const pmi = Math.log(((counts.values[s] / total) * smoothedTotal * smoothedTotal) / (smoothed[i] * smoothed[j]));
    if (pmi <= 0) continue;
    entries.push(i, j, pmi);
    perRow[i] += 1;
    perRow[j] += 1;
  }
  const rowStart = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) rowStart[i + 1] = rowStart[i] + perRow[i];
  const fill = rowStart.slice(0, size);
  const columns = new Int32Array(rowStart[size]);
  const values = new Float32Array(rowStart[size]);
  for (let e = 0; e < entries.length; e += 3) {
    const [i, j, v] = [entries[e], entries[e + 1], entries[e + 2]];
    columns[fill[i]] = j;
    values[fill[i]++] = v;
    columns[fill[j]] = i;
    values[fill[j]++] = v;
  }
  return { size, rowStart, columns, values };
}

/** Top `dims` eigenvectors of the PPMI matrix (randomized range finder + Rayleigh–Ritz), rows scaled by sqrt(eigenvalue) and normalised. */
function wordVectors(m: SparseRows, dims: number, options: TrainingOptions): Float32Array {
  const width = Math.min(dims + options.oversample, m.size);
  const gaussian = gaussianSource(options.seed);
  let q: Float64Array = Float64Array.from({ length: m.size * width }, gaussian);
  q = multiplySparse(m, q, width);
  orthonormalizeColumns(q, m.size, width);
  for (let i = 0; i < options.powerIterations; i++) {
    q = multiplySparse(m, q, width);
    orthonormalizeColumns(q, m.size, width);
  }
  const mq = multiplySparse(m, q, width);
  const small = new Float64Array(width * width);
  for (let r = 0; r < m.size; r++) {
    for (let a = 0; a < width; a++) {
      const qa = q[r * width + a];
      if (qa === 0) continue;
      for (let b = 0; b < width; b++) small[a * width + b] += qa * mq[r * width + b];
    }
  }
  for (let a = 0; a < width; a++) for (let b = a + 1; b < width; b++) small[a * width + b] = small[b * width + a] = (small[a * width + b] + small[b * width + a]) / 2;
  const { values, vectors } = symmetricEigen(small, width);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, dims);
  const out = new Float32Array(m.size * dims);
  for (let r = 0; r < m.size; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const k = order[d];
      let sum = 0;
      for (let c = 0; c < width; c++) sum += q[r * width + c] * vectors[c * width + k];
      const value = sum * Math.sqrt(Math.max(values[k], 0));
      out[r * dims + d] = value;
      norm += value * value;
    }
    // Unit word vectors: a rare word's long vector must not dominate a text's average.
    if (norm > 0) for (let d = 0; d < dims; d++) out[r * dims + d] /= Math.sqrt(norm);
  }
  return out;
}

/** First principal direction (uncentred, as in SIF) of the texts' average vectors, from up to 20,000 of them. */
export function commonComponent(model: EmbeddingModel, texts: string[], seed: number): Float32Array {
  const loaded = withIndex(model);
  const step = Math.max(1, Math.floor(texts.length / 20_000));
  const rows: Float32Array[] = [];
  for (let t = 0; t < texts.length; t += step) {
    const vector = averageVector(loaded, texts[t]);
    if (vector) rows.push(vector);
  }
  const gaussian = gaussianSource(seed + 1);
  let direction = Float64Array.from({ length: model.dims }, gaussian);
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Float64Array(model.dims);
    for (const row of rows) {
      let dot = 0;
      for (let d = 0; d < model.dims; d++) dot += row[d] * direction[d];
      for (let d = 0; d < model.dims; d++) next[d] += dot * row[d];
    }
    const norm = Math.sqrt(next.reduce((a, b) => a + b * b, 0));
    if (norm === 0) return new Float32Array(model.dims);
    direction = next.map((v) => v / norm);
  }
  return Float32Array.from(direction);
}
