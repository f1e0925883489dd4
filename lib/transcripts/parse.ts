import type { DraftDropped, DraftUnassigned, SpeakerRole, TranscriptDraft } from "./draft";
import { parseHeader } from "./header";
import { REPORTED_QUESTION } from "./exchanges";
import { detectLanguage } from "./language";
import { pairTurns, type ResolvedTurn } from "./pairs";
import { HANDOFF_TO_ANSWERER, hasQuestionMark, inferRoles, turnRole } from "./roles";
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
    // Nothing says who speaks: every paragraph becomes a turn of its own, with no speaker, for
    // the editor to attribute and pair up in the review (never refused, never dropped).
    statements = seg.units.map((u) => ({ speaker: null, role: "unknown" as const, text: turnText(text, paragraphTurn(u), seg.layout), start: u.start, end: u.end }));
    if (statements.length > 0) warnings.push(NO_SPEAKER_LABELS);
  } else {
    const resolved: ResolvedTurn[] = turns.map((t) => {
      const body = turnText(text, t, seg.layout);
      return { turn: t, role: turnRole(roleOf(t, roles), body), text: body };
    });
    ({ statements, pairs, unassigned } = pairTurns(resolved));
    if (pairs.length === 0) warnings.push("no questions recognised");
  }
  if (header.urlProblem) warnings.push(header.urlProblem);
  if (!header.title) warnings.push("no title found");
  if (!header.date) warnings.push("no date found");
  const doubtful = pairs.filter((p) => p.flags.some((f) => f === "answer_without_question" || f === "no_answer" || f === "no_question_label")).length;
  if (doubtful > 0) warnings.push(`${doubtful} pair(s) need review`);

  const labels = new Set(turns.map((t) => (t.kind === "unlabeled_question" ? "" : t.speaker)).filter((l) => l !== null));
  if (labels.size === 1 && !labels.has("")) warnings.push(oneSpeakerWarning([...labels][0]!));

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

/** The flag an unlabelled transcript's draft carries; the review page shows it prominently. */
export const NO_SPEAKER_LABELS = "No speaker labels were found: assign a speaker to each turn, then make each question the start of a pair";

/** The flag of a transcript in which one label speaks every turn: the questions lost their labels, or it is a statement. */
export function oneSpeakerWarning(label: string): string {
  return `Only one speaker label was found (${label}): split the turns where someone else speaks, assign their speakers, and make each question the start of a pair`;
}

export const isSpeakerFlag = (warning: string) => warning === NO_SPEAKER_LABELS || warning.startsWith("Only one speaker label was found");

function paragraphTurn(u: Unit): Turn {
  return { speaker: null, note: null, kind: "unlabeled", start: u.start, end: u.end, parts: [[u.start, u.textEnd]], continuation: false };
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
