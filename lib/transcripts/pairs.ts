// Turns become opening statements and question/answer pairs. Everything a
// non-journalist says after a question, including a moderator handing over
// or calling the next reporter, belongs to that pair's answers, so that no
// text is lost and the pair boundaries are exactly the questions.

import type { DraftPair, DraftTurn, DraftUnassigned, SpeakerRole } from "./draft";
import type { Turn } from "./turns";

export interface ResolvedTurn {
  turn: Turn;
  role: SpeakerRole | undefined;
  text: string;
}

export interface Pairing {
  statements: DraftTurn[];
  pairs: DraftPair[];
  unassigned: DraftUnassigned[];
}

const SHORT = 20;
const FOLLOW_UP_AFTER_ANSWER_CHARS = 60;

function asTurn(r: ResolvedTurn): DraftTurn {
  const t: DraftTurn = { speaker: r.turn.speaker, text: r.text, start: r.turn.start, end: r.turn.end };
  if (r.role) t.role = r.role;
  return t;
}

function outletOf(r: ResolvedTurn): string | null {
  if (r.turn.kind === "outlet") return r.turn.note ?? r.turn.speaker;
  if (r.turn.note && r.role === "journalist") return r.turn.note;
  return null;
}

export function pairTurns(resolved: ResolvedTurn[]): Pairing {
  const statements: DraftTurn[] = [];
  const pairs: DraftPair[] = [];
  const unassigned: DraftUnassigned[] = [];
  const answerRoles: Array<Array<SpeakerRole | undefined>> = [];
  let open: DraftPair | null = null;

  for (const r of resolved) {
    const asks = r.role === "journalist";
    if (asks && r.turn.continuation) {
      // A question interrupted by page furniture: the contract has one span per question.
      unassigned.push({ text: r.text, start: r.turn.start, end: r.turn.end, reason: "question_continuation_after_noise" });
      continue;
    }
    if (asks) {
      const flags: string[] = [];
      if (r.turn.kind === "unlabeled_question") flags.push("no_question_label");
      if (r.turn.kind === "follow_up") flags.push("follow_up");
      else if (open && open.answers.length > 0 && answerLength(open) < FOLLOW_UP_AFTER_ANSWER_CHARS) flags.push("follow_up");
      open = {
        question: { speaker: r.turn.speaker, outlet: outletOf(r), text: r.text, start: r.turn.start, end: r.turn.end },
        answers: [],
        flags,
      };
      pairs.push(open);
      answerRoles.push([]);
      continue;
    }
    if (open) {
      open.answers.push(asTurn(r));
      answerRoles[answerRoles.length - 1]!.push(r.role);
      continue;
    }
    if (r.turn.kind === "answer") {
      open = {
        question: { speaker: null, outlet: null, text: "", start: r.turn.start, end: r.turn.start },
        answers: [asTurn(r)],
        flags: ["answer_without_question"],
      };
      pairs.push(open);
      answerRoles.push([r.role]);
      continue;
    }
    statements.push(asTurn(r));
  }
  pairs.forEach((p) => addFlags(p));
  return { statements, pairs, unassigned };
}

function answerLength(p: DraftPair): number {
  return p.answers.filter((a) => a.role !== "moderator").reduce((n, a) => n + a.text.length, 0);
}

function addFlags(p: DraftPair): void {
  const add = (f: string) => {
    if (!p.flags.includes(f)) p.flags.push(f);
  };
  const substantive = p.answers.filter((a) => a.role !== "moderator");
  if (p.answers.length === 0) add("no_answer");
  else if (substantive.length === 0) add("moderator_only_answer");
  if (new Set(substantive.map((a) => a.speaker)).size > 1) add("multi_answerer");
  if (p.question.speaker === null || p.answers.some((a) => a.speaker === null || a.role === "unknown")) add("speaker_unknown");
  if (p.question.text.length < SHORT) add("short_question");
  if (p.answers.length > 0 && answerLength(p) < SHORT) add("short_answer");
}
