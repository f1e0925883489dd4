import type { DraftDropped, DraftUnassigned, SpeakerRole, TranscriptDraft } from "./draft";
import { parseHeader } from "./header";
import { REPORTED_QUESTION } from "./exchanges";
import { detectLanguage } from "./language";
import { pairTurns, type ResolvedTurn } from "./pairs";
import { HANDOFF_TO_ANSWERER, hasQuestionMark, inferRoles } from "./roles";
import { segmentBody, type Unit } from "./segment";
import { buildTurns, turnText, type Turn } from "./turns";

export interface ParseOptions {
  /** Overrides language detection ("en", "zh", ...). */
  language?: string;
}

/** Pure: text in, draft out. Never throws on odd input; doubtful parts are flagged or left unassigned. */
export function parseTranscript(text: string, options: ParseOptions = {}): TranscriptDraft {
  const header = parseHeader(text);
  const seg = segmentBody(text, header.bodyStart, { headerLines: header.lines, title: header.title });
  const dropped: DraftDropped[] = [...header.dropped, ...seg.dropped];
  const warnings: string[] = [];

  const first = buildTurns(seg.units);
  const roles = inferRoles(
    first.turns.filter((t) => t.speaker !== null && t.kind !== "unlabeled").map((t) => ({ speaker: t.speaker!, kind: t.kind as never, text: turnText(text, t, seg.layout) })),
    header.title,
  );
  const unlabeledQuestions = findUnlabeledQuestions(text, seg.units, first, roles, seg.layout);
  const { turns } = unlabeledQuestions.size > 0 ? buildTurns(seg.units, { unlabeledQuestions }) : first;

  const anySpeaker = turns.some((t) => t.speaker !== null || t.kind === "unlabeled_question");
  let statements: TranscriptDraft["statements"] = [];
  let pairs: TranscriptDraft["pairs"] = [];
  let unassigned: DraftUnassigned[] = [];
  if (!anySpeaker) {
    unassigned = turns.map((t) => ({ text: turnText(text, t, seg.layout), start: t.start, end: t.end, reason: "no_speakers" }));
    if (turns.length > 0) warnings.push("no speakers recognised");
  } else {
    const resolved: ResolvedTurn[] = turns.map((t) => ({ turn: t, role: roleOf(t, roles), text: turnText(text, t, seg.layout) }));
    ({ statements, pairs, unassigned } = pairTurns(resolved));
    if (pairs.length === 0) warnings.push("no questions recognised");
  }
  if (header.urlProblem) warnings.push(header.urlProblem);
  if (!header.title) warnings.push("no title found");
  if (!header.date) warnings.push("no date found");
  const doubtful = pairs.filter((p) => p.flags.some((f) => f === "answer_without_question" || f === "no_answer" || f === "no_question_label")).length;
  if (doubtful > 0) warnings.push(`${doubtful} pair(s) need review`);

  const speakers: TranscriptDraft["speakers"] = [];
  const seen = new Set<string>();
  for (const t of turns) {
    if (t.speaker === null || seen.has(t.speaker)) continue;
    seen.add(t.speaker);
    speakers.push({ label: t.speaker, role: roleOf(t, roles) ?? "unknown" });
  }

  dropped.sort((a, b) => a.start - b.start);
  return {
    title: header.title,
    date: header.date,
    language: options.language ?? detectLanguage(text),
    sourceName: header.sourceName,
    sourceUrl: header.sourceUrl,
    location: header.location,
    header: header.span,
    statements,
    pairs,
    unassigned,
    dropped,
    warnings,
    speakers,
  };
}

function roleOf(t: Turn, roles: Map<string, SpeakerRole>): SpeakerRole | undefined {
  if (t.kind === "unlabeled_question") return "journalist";
  if (t.speaker === null) return undefined;
  return roles.get(t.speaker) ?? "unknown";
}

/**
 * SCIO-style pages print many questions without a label: the paragraph is a
 * question because a moderator then hands the floor to an answerer (or, at the
 * very start, because an official answers it).
 */
function findUnlabeledQuestions(
  text: string,
  units: Unit[],
  first: { turns: Turn[]; unitTurn: number[] },
  roles: Map<string, SpeakerRole>,
  layout: Parameters<typeof turnText>[2],
): Set<number> {
  const found = new Set<number>();
  const firstLabelled = units.findIndex((u) => u.label !== null);
  for (let i = 0; i < units.length - 1; i++) {
    const u = units[i]!;
    const next = units[i + 1]!;
    if (u.label) continue;
    // "会后有记者问及：…" says in words that a question follows.
    if (REPORTED_QUESTION.test(text.slice(u.start, Math.min(u.textEnd, u.start + 120)))) {
      found.add(i);
      continue;
    }
    if (!next.label || next.afterDrop) continue;
    if (!hasQuestionMark(text.slice(u.start, u.textEnd))) continue;
    const owner = first.turns[first.unitTurn[i]!]!;
    if (owner.speaker !== null && roles.get(owner.speaker) === "journalist") continue;
    const nextTurn = first.turns[first.unitTurn[i + 1]!]!;
    const nextRole = roles.get(next.label.speaker);
    const handsOver = nextRole === "moderator" && HANDOFF_TO_ANSWERER.test(turnText(text, nextTurn, layout));
    const opensBody = firstLabelled === i + 1 && (nextRole === "official" || nextRole === "moderator");
    if (handsOver || opensBody) found.add(i);
  }
  return found;
}
