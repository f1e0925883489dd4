import { featuresOf, mergeFeatures, type AlignPair, type PairFeatures } from "./features";

// Pair alignment within two versions of one briefing: a dynamic programme over the pairs'
// order (both pages keep the order of the exchanges) where each step either matches pairs,
// matches a run of up to MAX_RUN consecutive pairs on one side with one pair on the other
// (a page that folds follow-ups into the previous pair), or leaves a pair unmatched (an
// exchange one page omits). A step's worth is how much the pairs agree on what survives
// translation (features.ts) minus a threshold, so a weak match loses to leaving both out.

export interface AlignSide {
  language: string;
  pairs: AlignPair[];
}

export interface PairLink {
  a: string;
  b: string;
  /** 0-1: how far the linked pairs agree on numbers, names, outlet, length, questions and position. */
  confidence: number;
  /** "1:1", or "2:1" / "1:3"… when a run on one side matched one pair on the other. */
  shape: string;
}

export interface PairAlignment {
  links: PairLink[];
  unmatchedA: string[];
  unmatchedB: string[];
  /** Share of pairs on both sides that found a counterpart. */
  coverage: number;
  /** Mean confidence of the matched steps (0 when nothing matched). */
  agreement: number;
  /** Content characters of side A per character of side B, as measured on the matched pairs. */
  lengthRatio: number;
}

export interface AlignTuning {
  /** A step is worth its similarity minus this; leaving pairs unmatched is worth 0. */
  threshold: number;
  /** Taken off a run step for every pair beyond the first on either side. */
  runPenalty: number;
  weights: { length: number; numbers: number; concepts: number; outlet: number; questions: number; position: number };
}

export const DEFAULT_TUNING: AlignTuning = {
  threshold: 0.42,
  runPenalty: 0.02,
  weights: { length: 1.2, numbers: 1.5, concepts: 1.5, outlet: 1, questions: 0.6, position: 1 },
};

/** Longest run of one side's pairs that may match a single pair of the other side. */
export const MAX_RUN = 4;

const STEPS: [number, number][] = [[1, 1]];
for (let run = 2; run <= MAX_RUN; run++) STEPS.push([run, 1], [1, run]);

function dice(a: Set<string>, b: Set<string>): number | null {
  if (a.size === 0 && b.size === 0) return null;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Similarity of two (possibly merged) pairs, 0-1: a weighted mean of the signals both sides
 * can show. `ratio` is the expected length of A per unit of B; positions are 0-1 through the page.
 */
export function pairSimilarity(a: PairFeatures, b: PairFeatures, ratio: number, positionA: number, positionB: number, tuning: AlignTuning = DEFAULT_TUNING): number {
  const w = tuning.weights;
  let total = 0;
  let weight = 0;
  const add = (value: number | null, factor: number) => {
    if (value === null) return;
    total += value * factor;
    weight += factor;
  };
  const lengthRatio = a.length / Math.max(1, b.length) / ratio;
  add(Math.exp(-1.5 * Math.abs(Math.log(Math.max(lengthRatio, 1e-6)))), w.length);
  add(dice(a.numbers, b.numbers), w.numbers);
  add(dice(a.concepts, b.concepts), w.concepts);
  add(a.outlets.size && b.outlets.size ? ([...a.outlets].some((o) => b.outlets.has(o)) ? 1 : 0) : null, w.outlet);
  add(Math.exp(-0.5 * Math.abs(a.questions - b.questions)), w.questions);
  add(Math.max(0, 1 - 3 * Math.abs(positionA - positionB)), w.position);
  return weight ? total / weight : 0;
}

interface Cell {
  score: number;
  from: [number, number] | null;
  /** The match step that ended here, or null for a skip. */
  match: { run: [number, number]; similarity: number } | null;
}

function runDp(a: PairFeatures[], b: PairFeatures[], ratio: number, tuning: AlignTuning): Cell[][] {
  const n = a.length;
  const m = b.length;
  const cells: Cell[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => ({ score: -Infinity, from: null, match: null })));
  cells[0][0].score = 0;
  const position = (start: number, run: number, count: number) => (count <= 1 ? 0.5 : (start + (run - 1) / 2) / (count - 1));
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const cell = cells[i][j];
      if (i > 0 && cells[i - 1][j].score > cell.score) Object.assign(cell, { score: cells[i - 1][j].score, from: [i - 1, j], match: null });
      if (j > 0 && cells[i][j - 1].score > cell.score) Object.assign(cell, { score: cells[i][j - 1].score, from: [i, j - 1], match: null });
      for (const [runA, runB] of STEPS) {
        if (i < runA || j < runB) continue;
        const before = cells[i - runA][j - runB];
        if (before.score === -Infinity) continue;
        const left = mergeFeatures(a.slice(i - runA, i));
        const right = mergeFeatures(b.slice(j - runB, j));
        const similarity = pairSimilarity(left, right, ratio, position(i - runA, runA, n), position(j - runB, runB, m), tuning);
        const score = before.score + similarity - tuning.threshold - tuning.runPenalty * (runA + runB - 2);
        if (score > cell.score) Object.assign(cell, { score, from: [i - runA, j - runB], match: { run: [runA, runB], similarity } });
      }
    }
  }
  return cells;
}

function traceBack(cells: Cell[][], a: AlignSide, b: AlignSide): { steps: { i: number; j: number; run: [number, number]; similarity: number }[] } {
  const steps: { i: number; j: number; run: [number, number]; similarity: number }[] = [];
  let i = a.pairs.length;
  let j = b.pairs.length;
  while (cells[i][j].from) {
    const cell = cells[i][j];
    if (cell.match) steps.push({ i: i - cell.match.run[0], j: j - cell.match.run[1], run: cell.match.run, similarity: cell.match.similarity });
    [i, j] = cell.from!;
  }
  return { steps: steps.reverse() };
}

/** Aligns the pairs of two versions of one briefing (A and B in any two languages). */
export function alignPairs(a: AlignSide, b: AlignSide, tuning: AlignTuning = DEFAULT_TUNING): PairAlignment {
  const featuresA = a.pairs.map((p) => featuresOf(p, a.language));
  const featuresB = b.pairs.map((p) => featuresOf(p, b.language));
  const lengthA = featuresA.reduce((sum, f) => sum + f.length, 0);
  const lengthB = featuresB.reduce((sum, f) => sum + f.length, 0);
  // First pass with the pages' overall length ratio; the second uses the ratio of what matched,
  // which an exchange present on one page only no longer skews.
  let ratio = lengthA && lengthB ? lengthA / lengthB : 1;
  let steps = traceBack(runDp(featuresA, featuresB, ratio, tuning), a, b).steps;
  if (steps.length > 1) {
    let matchedA = 0;
    let matchedB = 0;
    for (const step of steps) {
      for (let k = 0; k < step.run[0]; k++) matchedA += featuresA[step.i + k].length;
      for (let k = 0; k < step.run[1]; k++) matchedB += featuresB[step.j + k].length;
    }
    if (matchedA && matchedB) {
      ratio = matchedA / matchedB;
      steps = traceBack(runDp(featuresA, featuresB, ratio, tuning), a, b).steps;
    }
  }
  const links: PairLink[] = [];
  const linkedA = new Set<number>();
  const linkedB = new Set<number>();
  for (const step of steps) {
    const shape = `${step.run[0]}:${step.run[1]}`;
    for (let x = 0; x < step.run[0]; x++) {
      for (let y = 0; y < step.run[1]; y++) {
        linkedA.add(step.i + x);
        linkedB.add(step.j + y);
        links.push({ a: a.pairs[step.i + x].id, b: b.pairs[step.j + y].id, confidence: round(step.similarity), shape });
      }
    }
  }
  const total = a.pairs.length + b.pairs.length;
  return {
    links,
    unmatchedA: a.pairs.filter((_, k) => !linkedA.has(k)).map((p) => p.id),
    unmatchedB: b.pairs.filter((_, k) => !linkedB.has(k)).map((p) => p.id),
    coverage: total ? (linkedA.size + linkedB.size) / total : 0,
    agreement: steps.length ? round(steps.reduce((sum, s) => sum + s.similarity, 0) / steps.length) : 0,
    lengthRatio: round(ratio),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
