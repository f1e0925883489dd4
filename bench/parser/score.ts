import type { TranscriptDraft } from "@/lib/transcripts";
import { isNonAnswer } from "@/lib/transcripts/exchanges";
import type { GoldTranscript } from "./gold";

// Pair boundaries are compared by the offset where each pair starts; the answer speaker of
// a matched pair is its first non-reporter, non-moderator turn that is not an acknowledgement or hand-over
// (the same test for the baseline and the current parser).

export interface FileScore {
  goldPairs: number;
  predictedPairs: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  speakerCorrect: number;
  speakerAccuracy: number;
  /** Share of non-whitespace characters placed exactly once in the draft. */
  accounted: number;
  missed: number[];
  extra: number[];
  wrongSpeaker: Array<{ start: number; expected: string; got: string | null }>;
}

export const normLabel = (s: string | null) => (s ?? "").toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");

export function pairStart(p: TranscriptDraft["pairs"][number]): number {
  return p.question.text.trim() || p.answers.length === 0 ? p.question.start : p.answers[0]!.start;
}

export function answerSpeaker(p: TranscriptDraft["pairs"][number]): string | null {
  const answering = p.answers.filter((a) => a.role !== "journalist" && a.role !== "moderator");
  const real = answering.find((a) => !isNonAnswer(a.text)) ?? answering[0] ?? p.answers[0];
  return real?.speaker ?? null;
}

export function scoreFile(gold: GoldTranscript, draft: TranscriptDraft, accounted: number): FileScore {
  const expected = new Map(gold.pairs.map((p) => [p.start, p.answerSpeaker]));
  const predicted = new Map(draft.pairs.map((p) => [pairStart(p), p]));
  let matched = 0;
  let speakerCorrect = 0;
  const extra: number[] = [];
  const wrongSpeaker: FileScore["wrongSpeaker"] = [];
  for (const [start, pair] of predicted) {
    const want = expected.get(start);
    if (want === undefined) {
      extra.push(start);
      continue;
    }
    matched++;
    const got = answerSpeaker(pair);
    if (normLabel(got) === normLabel(want)) speakerCorrect++;
    else wrongSpeaker.push({ start, expected: want, got });
  }
  const missed = [...expected.keys()].filter((s) => !predicted.has(s));
  return { ...rates({ goldPairs: expected.size, predictedPairs: predicted.size, matched, speakerCorrect }), accounted, missed, extra, wrongSpeaker };
}

type Counts = Pick<FileScore, "goldPairs" | "predictedPairs" | "matched" | "speakerCorrect">;

function rates(c: Counts): Counts & Pick<FileScore, "precision" | "recall" | "f1" | "speakerAccuracy"> {
  const precision = c.predictedPairs ? c.matched / c.predictedPairs : 1;
  const recall = c.goldPairs ? c.matched / c.goldPairs : 1;
  return {
    ...c,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    speakerAccuracy: c.matched ? c.speakerCorrect / c.matched : 1,
  };
}

/** Micro-averaged totals over several files. */
export function totals(scores: FileScore[]): Omit<FileScore, "missed" | "extra" | "wrongSpeaker"> {
  const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    ...rates({ goldPairs: sum((s) => s.goldPairs), predictedPairs: sum((s) => s.predictedPairs), matched: sum((s) => s.matched), speakerCorrect: sum((s) => s.speakerCorrect) }),
    accounted: scores.length ? Math.min(...scores.map((s) => s.accounted)) : 1,
  };
}
