// The few dense/sparse routines the training needs (randomized eigendecomposition of a
// symmetric sparse matrix), in plain typed arrays: no native dependency, deterministic.

/** Symmetric sparse matrix in compressed rows. */
export interface SparseRows {
  size: number;
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}

/** out = M · Y for a row-major size × width matrix Y. */
export function multiplySparse(m: SparseRows, y: Float64Array, width: number): Float64Array {
  const out = new Float64Array(m.size * width);
  for (let i = 0; i < m.size; i++) {
    const target = i * width;
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
      const v = m.values[k];
      const source = m.columns[k] * width;
      for (let c = 0; c < width; c++) out[target + c] += v * y[source + c];
    }
  }
  return out;
}

/** Orthonormalises the columns of a row-major rows × width matrix in place (modified Gram–Schmidt; dependent columns become zero). */
export function orthonormalizeColumns(y: Float64Array, rows: number, width: number): void {
  for (let c = 0; c < width; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += y[i * width + c] * y[i * width + p];
      if (dot !== 0) for (let i = 0; i < rows; i++) y[i * width + c] -= dot * y[i * width + p];
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += y[i * width + c] ** 2;
    const scale = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < rows; i++) y[i * width + c] *= scale;
  }
}

/** Eigenvalues and eigenvectors (columns of a row-major n × n matrix) of a symmetric matrix, cyclic Jacobi. */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}

/** Deterministic standard normal numbers (mulberry32 + Box–Muller). */
export function gaussianSource(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
}
