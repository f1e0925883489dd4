// Turns become opening statements, question/answer pairs and procedural turns, the way an
// editor cuts an exchange (conventions in NOTES-parser.md / README):
// - a pair starts at the first reporter turn of an exchange, a request for the floor included;
// - until someone really answers, further reporter turns continue the question, and the
//   official's acknowledgements ("Yep.", "Go ahead.") stay in the pair as turns of their own;
// - after a real answer, a reporter's short interjection ("Right.", "Sorry —") stays in the
//   pair and the answer goes on; a real question (or a request for the floor that the
//   official grants) starts the next pair, also from the same reporter;
// - a moderator's hand-over belongs to the answer before it;
// - thanks, goodbyes and line checks outside an open question are procedural statements.

import type { DraftPair, DraftTurn, DraftUnassigned, SpeakerRole } from "./draft";
import {
  asks,
  asksReporterToClarify,
  breaksOff,
  endsOpeningFloor,
  wordCount,
  isChallenge,
  isClosing,
  isNonAnswer,
  isPleasantry,
  LINE_CHECK,
  movesOnWithoutAnswer,
  onlyMovesFloor,
  opensFloor,
  REPORTED_QUESTION,
} from "./exchanges";
import { asksForAnswer, checksDetail, checksFigure, drawsLaughter, isShortRemark, remindsOfQuestion } from "./reporter-remarks";
import { answerComplete, checksLineFirst, continuesOwnWords, interruptsOfficial, officialResumes, resumesOwnQuestion, unheardQuestion } from "./interruptions";
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

interface OpenPair {
  pair: DraftPair;
  /** A reporter turn of the pair contains a question mark. */
  asked: boolean;
  /** The reporter's latest turn breaks off with a dash. */
  cutOff: boolean;
  /** Someone other than a reporter or moderator has really answered. */
  answered: boolean;
  /** The reporter's latest words, joined with the turn before when they continue it ("— the President's health?"). */
  lastAsk: string;
}

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

const GENERIC_ASKER = /^(?:q|question|reporter|journalist|记者|提问|问)$/i;

/** Two reporters who are named differently: the second one is not continuing the first one's question. */
function anotherReporter(open: OpenPair, r: ResolvedTurn): boolean {
  const a = open.pair.question.speaker;
  const b = r.turn.speaker;
  if (!a || !b || a === b || GENERIC_ASKER.test(a) || GENERIC_ASKER.test(b)) return false;
  return r.turn.kind === "named" || r.turn.kind === "outlet";
}

/**
 * A short reporter remark after an answer opens the next exchange when the official grants
 * the floor ("Sure.", "Go ahead.") and the same reporter then asks a real question.
 */
function requestsFloor(resolved: ResolvedTurn[], i: number, answerBefore = ""): boolean {
  // "Sean Casten?" / "Yeah." confirms a name the official just said; it does not give the floor.
  if (checksDetail(resolved[i]!.text, answerBefore)) return false;
  let granted = false;
  let request = resolved[i]!.text;
  /** The official asked what the request was ("On the which — what?"): the reporter's short reply repeats it. */
  let askedWhat = false;
  for (let j = i + 1; j < resolved.length; j++) {
    const r = resolved[j]!;
    if (r.role === "journalist") {
      if (askedWhat && isShortRemark(r.text) && !asks(r.text)) {
        request = `${request} ${r.text}`;
        askedWhat = granted = false;
        continue;
      }
      // "Karine, can I ask two quick ones on —" / "Yeah, absolutely." / "— the President's health?"
      if (continuesOwnWords(r.text) && isShortRemark(r.text)) {
        request = `${request} ${r.text}`;
        continue;
      }
      return granted && !isShortRemark(r.text) && !isPleasantry(r.text);
    }
    // "He took off 29,000?" / "25,000." answers the check; "Mr. President?" / "Yes, sir." grants the floor.
    // An official resuming their own broken sentence ("— (inaudible) out West.") after the reporter's finished
    // words grants nothing, unless all it says moves the floor ("— move on and let you wrap. Go ahead.").
    if ((continuesOwnWords(r.text) && !breaksOff(request) && !onlyMovesFloor(r.text)) || !isNonAnswer(r.text, { asked: asksForAnswer(request), cutOff: breaksOff(request) }))
      return false;
    askedWhat = wordCount(r.text) <= 6 && /\bwhat\s*[?？]\s*$/i.test(r.text);
    granted = true;
  }
  return false;
}

export function pairTurns(resolved: ResolvedTurn[]): Pairing {
  const statements: DraftTurn[] = [];
  const pairs: DraftPair[] = [];
  const unassigned: DraftUnassigned[] = [];
  let open: OpenPair | null = null;
  /** The official has closed ("Thanks, everybody."): a reporter's parting plea ("— one more?") is not a question to pair. */
  let closed = false;
  /** A reporter's pleasantry or plea was the last move ("Would you invite him to chat with us?"): banter after it is not a question. */
  let afterPleasantry = false;
  /** A reporter is checking the line ("Can you hear me?", "Hey, can you —" / "Yes, we can hear you now."): their short words until they ask are too. */
  let checkingLine = false;

  const startPair = (r: ResolvedTurn, flags: string[]) => {
    const pair: DraftPair = {
      question: { speaker: r.turn.speaker, outlet: outletOf(r), text: r.text, start: r.turn.start, end: r.turn.end },
      answers: [],
      flags,
    };
    pairs.push(pair);
    return pair;
  };

  resolved.forEach((r, i) => {
    const reporter = r.role === "journalist";
    if (reporter && r.turn.continuation) {
      // A question interrupted by page furniture: the contract has one span per question.
      unassigned.push({ text: r.text, start: r.turn.start, end: r.turn.end, reason: "question_continuation_after_noise" });
      return;
    }
    if (reporter) {
      const labelled = r.turn.kind !== "unlabeled_question";
      if (open && !open.answered && !anotherReporter(open, r)) {
        // Still setting up the question: "He said he supports a ceasefire." / "Yep." / "Is he insisting...?"
        open.pair.answers.push(asTurn(r));
        open.lastAsk = continuesOwnWords(r.text) ? `${open.lastAsk} ${r.text}` : r.text;
        // "Can I ask two quick ones on —" / "— the President's health?" only asks for the floor.
        open.asked = asks(r.text) && asksForAnswer(open.lastAsk);
        open.cutOff = breaksOff(r.text);
        return;
      }
      const lineCheck =
        labelled && (!open || open.answered) && (checksLineFirst(r.text, resolved[i + 1]) || (checkingLine && !open && wordCount(r.text) <= 8 && !/[?？]/.test(r.text)));
      if (lineCheck || (labelled && (isPleasantry(r.text) || (!open && (closed || (afterPleasantry && drawsLaughter(r.text))) && isShortRemark(r.text))))) {
        statements.push(asTurn(r));
        open = null;
        afterPleasantry = true;
        checkingLine = lineCheck || LINE_CHECK.test(r.text);
        return;
      }
      if (open && open.answered && labelled && repliesToQuestionBack(open, r)) {
        // "…you mean the detainees? Is that what you were asking about?" / the reporter explains: the answer to come is still this pair's.
        open.pair.answers.push(asTurn(r));
        Object.assign(open, { answered: false, asked: true, cutOff: false, lastAsk: r.text });
        return;
      }
      const resumes = !!open && resumesOwnQuestion(open.pair, r.text);
      if (
        open &&
        open.answered &&
        labelled &&
        r.turn.kind !== "follow_up" &&
        // A reminder of an unanswered part stays in the pair even though the official then asks which part.
        (remindsOfQuestion(r.text) ||
          resumes ||
          ((isShortRemark(r.text, open.pair.answers.at(-1)?.text) ||
            checksFigure(r.text, resolved[i + 1]?.role === "journalist" ? undefined : resolved[i + 1]?.text, open.pair.answers.at(-1)?.text) ||
            interruptsOfficial(open.pair, r.text) ||
            officialResumes(open.pair, resolved, i)) &&
            !unheardQuestion(open.pair, resolved, i) &&
            !requestsFloor(resolved, i, open.pair.answers.at(-1)?.text))) &&
        !(isChallenge(r.text) && answerComplete(open.pair))
      ) {
        open.pair.answers.push(asTurn(r));
        // The part asked again is unanswered: the restatement after "What was the first question?" stays in the pair too.
        if (remindsOfQuestion(r.text) || resumes) Object.assign(open, { answered: false, asked: true, cutOff: false, lastAsk: r.text });
        return;
      }
      const flags: string[] = [];
      if (r.turn.kind === "unlabeled_question" && !REPORTED_QUESTION.test(r.text)) flags.push("no_question_label");
      if (r.turn.kind === "follow_up") flags.push("follow_up");
      else if (open && open.pair.answers.length > 0 && answerLength(open.pair) < FOLLOW_UP_AFTER_ANSWER_CHARS) flags.push("follow_up");
      open = { pair: startPair(r, flags), asked: asksForAnswer(r.text), cutOff: breaksOff(r.text), answered: false, lastAsk: r.text };
      closed = false;
      afterPleasantry = false;
      checkingLine = false;
      return;
    }
    const refused = open && open.pair.answers.length === 0 && open.cutOff && wordCount(open.lastAsk) <= 8 && movesOnWithoutAnswer(r.text);
    // "Q (Inaudible.)" before the first question, and the official reads the opening statement and only then gives the floor.
    const beforeOpening = open && pairs.length === 1 && open.pair.answers.length === 0 && !open.asked && wordCount(open.lastAsk) <= 3 && endsOpeningFloor(r.text);
    if (open && !open.answered && (refused || beforeOpening || ((!open.asked || drawsLaughter(open.lastAsk)) && !open.cutOff && opensFloor(r.text)))) {
      // "It is a new administration, too." / "If there is anything you would like to ask me…", or a joke
      // ("What did we not ask you? (Laughter.)") / "What else is on your mind?": logistics, not a pair.
      const remark = pairs.pop()!;
      statements.push(
        { speaker: remark.question.speaker, text: remark.question.text, start: remark.question.start, end: remark.question.end, role: "journalist" },
        ...remark.answers,
      );
      statements.push(asTurn(r));
      open = null;
      return;
    }
    if (open) {
      if (open.answered && isClosing(r.text)) {
        statements.push(asTurn(r));
        open = null;
        closed = true;
        return;
      }
      open.pair.answers.push(asTurn(r));
      if (!open.answered && r.role !== "moderator" && !isNonAnswer(r.text, open)) open.answered = true;
      return;
    }
    if (r.turn.kind === "answer") {
      const pair: DraftPair = {
        question: { speaker: null, outlet: null, text: "", start: r.turn.start, end: r.turn.start },
        answers: [asTurn(r)],
        flags: ["answer_without_question"],
      };
      pairs.push(pair);
      open = { pair, asked: true, cutOff: false, answered: true, lastAsk: "" };
      return;
    }
    statements.push(asTurn(r));
  });
  pairs.forEach((p) => addFlags(p));
  return { statements, pairs, unassigned };
}

/** A new reporter opens with thanks or a greeting ("Hi, thank you."); a reply to the official's question back does not. */
const COURTESY_OPENING = /^\s*(?:thanks|thank you|hi|hello|hey|good (?:morning|afternoon|evening)|yes,? hi)\b/i;

/** The same reporter answers the question the official just asked back (`asksReporterToClarify`). */
function repliesToQuestionBack(open: OpenPair, r: ResolvedTurn): boolean {
  const last = open.pair.answers.at(-1);
  if (!last || last.role === "journalist" || last.role === "moderator" || r.turn.kind === "follow_up") return false;
  return !anotherReporter(open, r) && !COURTESY_OPENING.test(r.text) && asksReporterToClarify(last.text);
}

/** Turns that answer: not the reporter's own interjections, not the moderator's hand-overs. */
function answering(p: DraftPair): DraftTurn[] {
  return p.answers.filter((a) => a.role !== "moderator" && a.role !== "journalist");
}

function answerLength(p: DraftPair): number {
  return answering(p).reduce((n, a) => n + a.text.length, 0);
}

function addFlags(p: DraftPair): void {
  const add = (f: string) => {
    if (!p.flags.includes(f)) p.flags.push(f);
  };
  const substantive = answering(p).filter((a) => !isNonAnswer(a.text));
  if (p.answers.length === 0) add("no_answer");
  else if (answering(p).length === 0) add(p.answers.some((a) => a.role === "moderator") ? "moderator_only_answer" : "no_answer");
  if (new Set(substantive.map((a) => a.speaker)).size > 1) add("multi_answerer");
  if (p.question.speaker === null || p.answers.some((a) => a.speaker === null || a.role === "unknown")) add("speaker_unknown");
  if (p.question.text.length < SHORT && p.answers.every((a) => a.role !== "journalist")) add("short_question");
  if (p.answers.length > 0 && answerLength(p) < SHORT) add("short_answer");
}
