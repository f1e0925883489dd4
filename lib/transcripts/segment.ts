// Cuts the body into paragraphs ("units") with exact offsets. Three layouts
// occur in real data: blank-line separated blocks (Markdown, web pages),
// one paragraph per line (MFA pages) and comma-joined single lines (the US
// presidential dataset, where ",Q." or ",THE PRESIDENT." starts a paragraph).

import type { DraftDropped } from "./draft";
import { findLabelCandidate, isBelievable, type LabelCandidate, type LabelStats } from "./labels";
import { classifyNoise, NOTE_TRAILER } from "./noise";

export type Layout = "blocks" | "lines" | "comma";

export interface Unit {
  start: number;
  /** Span end, including a trailing comma separator in comma layout. */
  end: number;
  /** End of the paragraph's own text (before any separator). */
  textEnd: number;
  label: LabelCandidate | null;
  /** An all-caps subject heading of the US presidential files. */
  heading: boolean;
  /** Noise was dropped right before this unit, so it cannot extend the previous turn's span. */
  afterDrop: boolean;
}

const WS = /\s/;
const isBlank = (s: string) => s.trim() === "";

export function detectLayout(text: string): Layout {
  const lines = text.trim().split("\n");
  const nonEmpty = lines.filter((l) => !isBlank(l)).length;
  const commaBreaks = (text.match(/,(?:\[\s*[\dA-Z]{1,3}\s*\.?\s*\]\s*)?(?:Q\.|THE PRESIDENT\.)\s/g) ?? []).length;
  if (commaBreaks >= 2 && text.length / Math.max(1, nonEmpty) > 1500) return "comma";
  const blank = lines.length - nonEmpty;
  return blank >= 0.15 * nonEmpty ? "blocks" : "lines";
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && WS.test(text[start]!)) start++;
  while (end > start && WS.test(text[end - 1]!)) end--;
  return [start, end];
}

interface RawPiece {
  start: number;
  end: number;
  textEnd: number;
  /** Whether a blank line (or noise) precedes this piece; used to group lines into blocks. */
  breakBefore: boolean;
  /** Cut out of its line at an inline "Q" question label (`INLINE_QUESTION`). */
  inlineQuestion?: boolean;
}

/** Lines that start with the "Q" label of a White House transcript ("Q    Thanks, Karine."). */
const Q_LINE = /^Q(?:[ \t]{2,}|\u00a0)/gm;
/**
 * "…and we will continue to do that. Q Can we expect any announcement this week?": a question whose
 * paragraph break the source lost, after a sentence end. Only in documents that label questions "Q".
 */
const INLINE_QUESTION = /(?<=[.?!]["”’)]?)[ \u00a0]+(?=Q[ \u00a0]+[A-Z“"])/g;

function commaPieces(text: string, from: number): RawPiece[] {
  const pieces: RawPiece[] = [];
  // Paragraphs were joined with a bare comma; a comma followed by a space or a
  // digit is ordinary punctuation. A few labels are glued to the previous
  // sentence with no comma at all ("developed.Reporter: Thank you"), some even without
  // their own period ("retroactive?THE PRESIDENT I think").
  const boundary = /,(?=[^\s\d])|\n|(?<=[a-z\]][.?!])(?=(?:Q|THE PRESIDENT|Reporter)[.:]\s|THE PRESIDENT\s+[A-Z][a-z\s])/g;
  boundary.lastIndex = from;
  let segStart = from;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number, textEnd: number) => {
    const [ts, te] = trimSpan(text, s, e);
    if (ts < te) pieces.push({ start: ts, end: te, textEnd: Math.max(ts, trimSpan(text, ts, textEnd)[1]), breakBefore: true });
  };
  while ((m = boundary.exec(text))) {
    if (m[0] === ",") push(segStart, m.index + 1, m.index);
    else push(segStart, m.index, m.index);
    segStart = m.index + m[0].length;
    if (m[0] === "") boundary.lastIndex++;
  }
  push(segStart, text.length, text.length);
  return pieces;
}

function linePieces(text: string, from: number): RawPiece[] {
  const pieces: RawPiece[] = [];
  const labelsQuestions = (text.slice(from).match(Q_LINE) ?? []).length >= 3;
  let pos = from;
  let sawBlank = true;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const [s, e] = trimSpan(text, pos, nl);
    if (s < e) {
      let start = s;
      let inlineQuestion = false;
      if (labelsQuestions) {
        for (const m of text.slice(s, e).matchAll(INLINE_QUESTION)) {
          const cut = s + m.index;
          pieces.push({ start, end: cut, textEnd: cut, breakBefore: sawBlank || inlineQuestion, inlineQuestion });
          [start, inlineQuestion, sawBlank] = [cut + m[0].length, true, false];
        }
      }
      pieces.push({ start, end: e, textEnd: e, breakBefore: sawBlank || inlineQuestion, inlineQuestion });
      sawBlank = false;
    } else sawBlank = true;
    pos = nl + 1;
  }
  return pieces;
}

export interface SegmentResult {
  units: Unit[];
  dropped: DraftDropped[];
  layout: Layout;
}

export interface SegmentOptions {
  /** Lines that repeat the header when several pages were pasted together. */
  headerLines: string[];
  title: string | null;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

export function segmentBody(text: string, bodyStart: number, opts: SegmentOptions): SegmentResult {
  const layout = detectLayout(text.slice(bodyStart));
  const pieces = layout === "comma" ? commaPieces(text, bodyStart) : linePieces(text, bodyStart);
  const ctx = { commaMode: layout === "comma" };
  const headerLines = new Set(opts.headerLines.map(norm).filter((l) => l.length > 0));

  const candidates = pieces.map((p) => findLabelCandidate(text.slice(p.start, p.textEnd), p.inlineQuestion ? { ...ctx, inlineQuestion: true } : ctx));
  const counts = new Map<string, number>();
  for (const c of candidates) if (c) counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
  const stats: LabelStats = { counts, title: opts.title };

  const dropped: DraftDropped[] = [];
  const units: Unit[] = [];
  let inNote = false;
  let breakPending = false;
  let droppedSinceUnit = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const body = text.slice(p.start, p.textEnd);
    const noise = classifyNoise(body);
    if (noise) {
      dropped.push({ start: p.start, end: p.end, reason: noise });
      breakPending = true;
      droppedSinceUnit = true;
      continue;
    }
    if (headerLines.has(norm(body))) {
      dropped.push({ start: p.start, end: p.end, reason: "repeated_header" });
      breakPending = true;
      droppedSinceUnit = true;
      continue;
    }
    const cand = candidates[i] ?? null;
    let label = cand && isBelievable(cand, stats) ? cand : null;
    // A soft-wrapped line inside a Markdown paragraph may start with a
    // capitalised phrase and a colon; only trust recurring labels there.
    if (
      label &&
      layout === "blocks" &&
      !p.breakBefore &&
      !breakPending &&
      label.form === "mixed" &&
      label.kind === "named" &&
      !label.aloneOnLine &&
      (counts.get(label.speaker) ?? 0) < 2
    )
      label = null;
    if (NOTE_TRAILER.test(body) && !label) inNote = true;
    if (inNote && !label) {
      dropped.push({ start: p.start, end: p.end, reason: "note_trailer" });
      breakPending = true;
      droppedSinceUnit = true;
      continue;
    }
    inNote = false;
    const heading = layout === "comma" && !label && isHeading(body);
    if (heading) {
      dropped.push({ start: p.start, end: p.end, reason: "topic_heading" });
      breakPending = true;
      droppedSinceUnit = true;
      continue;
    }
    const prev = units[units.length - 1];
    const continuesBlock = layout === "blocks" && prev && !p.breakBefore && !breakPending && !label && !prev.heading;
    breakPending = false;
    if (continuesBlock) {
      prev.end = p.end;
      prev.textEnd = p.textEnd;
      continue;
    }
    units.push({ start: p.start, end: p.end, textEnd: p.textEnd, label, heading: false, afterDrop: droppedSinceUnit });
    droppedSinceUnit = false;
  }
  return { units, dropped, layout };
}

function isHeading(s: string): boolean {
  const letters = s.replace(/[^A-Za-z]/g, "");
  return letters.length >= 3 && letters === letters.toUpperCase() && s.length <= 120 && !/[.?!:]$/.test(s.trim());
}
