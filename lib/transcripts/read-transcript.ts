// One import's whole read: bytes or pasted text → checked text → parsed draft, with the
// per-import caps. Pure (no database, no Next), so it runs unchanged inside the parse worker
// (parse-worker.mjs), in the CLI and in tests.

import type { TranscriptDraft } from "./draft";
import { decodeTranscriptBytes, extractText, MAX_TRANSCRIPT_BYTES, type TranscriptFormat } from "./formats";
import { TranscriptInputError } from "./input-error";
import { parseTranscript, type ParseOptions } from "./parse";

/** A long briefing has a few hundred pairs; the archive's largest has under 200. */
export const MAX_PAIRS = 2000;
/** Statements, questions, answers and unassigned paragraphs together. */
export const MAX_TURNS = 10_000;
/** Lines are cheap to count before parsing; 300 pages of transcript stay under this. */
export const MAX_LINES = 40_000;

export type TranscriptSource = { kind: "text"; text: string } | { kind: "file"; fileName: string; bytes: Uint8Array };

export interface ReadTranscript {
  text: string;
  format: TranscriptFormat;
  draft: TranscriptDraft;
}

function textOf(source: Extract<TranscriptSource, { kind: "text" }>): string {
  // Pasted text goes through the same checks as a file, so the rules cannot drift apart.
  if (source.text.trim() === "") throw new TranscriptInputError("empty", source.text ? "the pasted text contains only whitespace" : "no file was chosen and no text was pasted");
  const bytes = new TextEncoder().encode(source.text);
  if (bytes.length > MAX_TRANSCRIPT_BYTES) throw new TranscriptInputError("too_large", `the pasted text is ${bytes.length} bytes; the limit is 5 MB`);
  return decodeTranscriptBytes(bytes).text;
}

export function assertWithinCaps(draft: TranscriptDraft): void {
  if (draft.pairs.length > MAX_PAIRS)
    throw new TranscriptInputError("too_complex", `the transcript has ${draft.pairs.length} question-and-answer pairs; one import takes at most ${MAX_PAIRS}, so split it`);
  const turns = draft.statements.length + draft.unassigned.length + draft.pairs.reduce((n, p) => n + 1 + p.answers.length, 0);
  if (turns > MAX_TURNS) throw new TranscriptInputError("too_complex", `the transcript has ${turns} turns; one import takes at most ${MAX_TURNS}, so split it`);
}

/** Throws TranscriptInputError (with a message for the editor) for anything that cannot become a draft. */
export async function readTranscript(source: TranscriptSource, options: ParseOptions = {}): Promise<ReadTranscript> {
  const { text, format } = source.kind === "text" ? { text: textOf(source), format: "txt" as const } : await extractText(source.bytes, source.fileName);
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1 && lines <= MAX_LINES; i = text.indexOf("\n", i + 1)) lines++;
  if (lines > MAX_LINES) throw new TranscriptInputError("too_complex", `the transcript has more than ${MAX_LINES} lines; one import takes at most ${MAX_LINES}, so split it`);
  // An unlabelled transcript is not refused: it becomes a draft of speakerless turns, flagged
  // for the editor (the CLI, which publishes without review, refuses it instead).
  const draft = parseTranscript(text, options);
  assertWithinCaps(draft);
  return { text, format, draft };
}
