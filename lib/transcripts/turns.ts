// Groups paragraphs into speaker turns. A turn is one contiguous span: it
// starts at its label and ends at its last paragraph, so noise dropped in
// the middle of a speech splits it into two turns of the same speaker.

import type { LabelKind } from "./labels";
import type { Layout, Unit } from "./segment";

export type TurnKind = LabelKind | "unlabeled_question" | "unlabeled";

export interface Turn {
  speaker: string | null;
  note: string | null;
  kind: TurnKind;
  start: number;
  end: number;
  /** Content pieces (label excluded) used to build the text. */
  parts: Array<[number, number]>;
  /** Continues the previous turn's speech after dropped noise. */
  continuation: boolean;
}

export function turnText(source: string, turn: Turn, layout: Layout): string {
  if (turn.parts.length === 0) return "";
  if (layout === "comma") {
    return turn.parts
      .map(([s, e]) => source.slice(s, e).trim())
      .filter((p) => p.length > 0)
      .join("\n");
  }
  const raw = source.slice(turn.parts[0]![0], turn.parts[turn.parts.length - 1]![1]);
  return layout === "blocks" ? joinSoftBreaks(raw) : raw.trim();
}

const BLANK_LINE = /\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+/;
/** A line that starts a list item or a quote keeps its own line inside a paragraph. */
const OWN_LINE = /\n[ \t\u00a0]*(?=[-*•>]\s|\d{1,2}[.)]\s)/g;

/**
 * Block layouts (Markdown, pasted web pages) keep the source's hard line breaks at ~60
 * characters; a reader wants the paragraph. Lines of one block are joined with a space
 * and blank lines stay paragraph breaks. Only the text changes: offsets still point at
 * the source, so the accounting is unaffected.
 */
export function joinSoftBreaks(raw: string): string {
  return raw
    .split(BLANK_LINE)
    .map((paragraph) =>
      paragraph
        .replace(OWN_LINE, "\u0000")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join(" ")
        .split("\u0000")
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .join("\n"),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

export interface TurnOptions {
  /** Unit indexes of unlabeled paragraphs that are questions. */
  unlabeledQuestions?: Set<number>;
}

export function buildTurns(units: Unit[], opts: TurnOptions = {}): { turns: Turn[]; unitTurn: number[] } {
  const turns: Turn[] = [];
  const unitTurn: number[] = [];
  let current: Turn | null = null;
  units.forEach((u, index) => {
    buildOne(u, index);
    unitTurn.push(turns.length - 1);
  });
  return { turns, unitTurn };

  function buildOne(u: Unit, index: number): void {
    if (u.label) {
      const contentStart = u.start + u.label.contentOffset;
      current = {
        speaker: u.label.speaker,
        note: u.label.note,
        kind: u.label.kind,
        start: u.start,
        end: u.end,
        parts: contentStart < u.textEnd ? [[contentStart, u.textEnd]] : [],
        continuation: false,
      };
      turns.push(current);
      return;
    }
    if (opts.unlabeledQuestions?.has(index)) {
      current = { speaker: null, note: null, kind: "unlabeled_question", start: u.start, end: u.end, parts: [[u.start, u.textEnd]], continuation: false };
      turns.push(current);
      return;
    }
    if (current && !u.afterDrop) {
      current.end = u.end;
      current.parts.push([u.start, u.textEnd]);
      return;
    }
    const prev: Turn | null = current;
    current = {
      speaker: prev?.speaker ?? null,
      note: prev?.note ?? null,
      kind: prev?.kind ?? "unlabeled",
      start: u.start,
      end: u.end,
      parts: [[u.start, u.textEnd]],
      continuation: prev !== null,
    };
    turns.push(current);
  }
}
