// The importer promises that no character of a transcript silently
// disappears: each non-whitespace character is in exactly one place.

import type { TranscriptDraft } from "./draft";

export interface AccountingProblem {
  offset: number;
  /** 0 = not covered by anything, 2+ = covered more than once. */
  coverage: number;
}

export function draftSpans(draft: TranscriptDraft): Array<{ start: number; end: number; where: string }> {
  const spans: Array<{ start: number; end: number; where: string }> = [];
  if (draft.header) spans.push({ ...draft.header, where: "header" });
  for (const s of draft.statements) spans.push({ start: s.start, end: s.end, where: "statement" });
  for (const p of draft.pairs) {
    spans.push({ start: p.question.start, end: p.question.end, where: "question" });
    for (const a of p.answers) spans.push({ start: a.start, end: a.end, where: "answer" });
  }
  for (const u of draft.unassigned) spans.push({ start: u.start, end: u.end, where: "unassigned" });
  for (const d of draft.dropped) spans.push({ start: d.start, end: d.end, where: "dropped" });
  return spans;
}

/** Offsets of non-whitespace characters that are not covered exactly once. Empty means the draft accounts for the whole input. */
export function accountFor(text: string, draft: TranscriptDraft): AccountingProblem[] {
  const coverage = new Uint16Array(text.length + 1);
  for (const { start, end } of draftSpans(draft)) {
    const s = Math.max(0, start);
    const e = Math.min(text.length, end);
    for (let i = s; i < e; i++) coverage[i] = coverage[i]! + 1;
  }
  const problems: AccountingProblem[] = [];
  for (let i = 0; i < text.length; i++) {
    if (coverage[i] === 1 || /\s/.test(text[i]!)) continue;
    problems.push({ offset: i, coverage: coverage[i]! });
  }
  return problems;
}
