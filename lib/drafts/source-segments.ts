import type { EditableDraft } from "./model";
import { allTurns } from "./operations";

export type SourceSegment =
  { kind: "plain"; text: string } | { kind: "turn"; text: string; turnId: string; label: string; first: boolean } | { kind: "header" | "dropped"; text: string; label: string };

/**
 * Cuts the source into consecutive segments for display: each character appears exactly once,
 * in the first span that covers it (edits such as splits can leave spans overlapping).
 */
export function sourceSegments(sourceText: string, draft: EditableDraft): SourceSegment[] {
  type Span = { start: number; end: number; kind: "turn" | "header" | "dropped"; id?: string; label: string };
  const spans: Span[] = [];
  if (draft.header) spans.push({ ...draft.header, kind: "header", label: "Header" });
  for (const d of draft.dropped) spans.push({ start: d.start, end: d.end, kind: "dropped", label: `Left out: ${d.reason}` });
  for (const t of allTurns(draft)) {
    if (t.start !== null && t.end !== null && t.end > t.start) spans.push({ start: t.start, end: t.end, kind: "turn", id: t.id, label: t.speaker ?? "Unattributed" });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  const segments: SourceSegment[] = [];
  let cursor = 0;
  for (const span of spans) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, sourceText.length);
    if (end <= start) continue;
    if (start > cursor) segments.push({ kind: "plain", text: sourceText.slice(cursor, start) });
    const text = sourceText.slice(start, end);
    segments.push(span.kind === "turn" ? { kind: "turn", text, turnId: span.id!, label: span.label, first: start === span.start } : { kind: span.kind, text, label: span.label });
    cursor = end;
  }
  if (cursor < sourceText.length) segments.push({ kind: "plain", text: sourceText.slice(cursor) });
  return segments;
}
