// Where a reporter and an official cut into each other's words: whether the official had finished,
// is still answering, resumes a broken sentence, or checks the line. Split from pairs.ts, which
// decides where pairs start; these only read the turns around the current one.
import type { DraftPair, SpeakerRole } from "./draft";
import { breaksOff, isNonAnswer, LINE_CHECK, wordCount } from "./exchanges";
import { drawsLaughter } from "./reporter-remarks";

/** What these checks read of a turn (pairs.ts passes its resolved turns). */
export interface SpokenTurn {
  role: SpeakerRole | undefined;
  text: string;
}

export const continuesOwnWords = (text: string) => /^\s*(?:—|–|--|\.\.\.|…)/.test(text);

/** "Hey, can you —" / "Yes, we can hear you now.": a reporter cut off at once, and the official checks the line. */
export function checksLineFirst(text: string, next: SpokenTurn | undefined): boolean {
  return breaksOff(text) && wordCount(text) <= 6 && !!next && next.role !== "journalist" && LINE_CHECK.test(next.text);
}

/** The official finished the last sentence before the reporter spoke up (no trailing dash). */
export function answerComplete(p: DraftPair): boolean {
  const last = p.answers[p.answers.length - 1];
  return !!last && last.role !== "journalist" && !breaksOff(last.text);
}

/**
 * Banter or a bare "Why not?" while the official's last turn broke off mid-sentence ("…for secur- —" /
 * "Why not?"; "…we're on a plane. Be in —" / "He will be in the air? (Laughter.)"): the official is
 * still answering, so it is an interjection although it asks something. A real short follow-up
 * ("So he was feeling tired, rundown a little?") still starts a pair.
 */
export function interruptsOfficial(p: DraftPair, text: string): boolean {
  const last = p.answers[p.answers.length - 1];
  if (!last || last.role === "journalist" || !breaksOff(last.text) || breaksOff(text) || text.length > 200 || wordCount(text) > 8) return false;
  return drawsLaughter(text) || /^\s*(?:but |and )?why(?: not)?\s*[?？]\s*$/i.test(text);
}

/**
 * The official broke off ("It was just 24 hours ago! And —") and resumes their own sentence right after
 * the reporter's words ("— (inaudible) out West."): those words were an interjection, whatever they say.
 */
export function officialResumes(p: DraftPair, resolved: SpokenTurn[], i: number): boolean {
  const last = p.answers.at(-1);
  const next = resolved[i + 1];
  if (!last || last.role === "journalist" || !breaksOff(last.text) || !next || next.role === "journalist") return false;
  // "Which politicians —" / "— of a profit." / "— will join him…?": a reporter who breaks off too is asking.
  return continuesOwnWords(next.text) && !breaksOff(resolved[i]!.text) && wordCount(resolved[i]!.text) <= 25;
}

/**
 * "Q (Inaudible.)" after a finished answer, and the official answers it at length: a question the
 * transcriber could not hear, so it starts a pair rather than being an interjection.
 */
export function unheardQuestion(p: DraftPair, resolved: SpokenTurn[], i: number): boolean {
  const r = resolved[i]!;
  const next = resolved[i + 1];
  const heard = wordCount(r.text);
  if (heard > 3 || !/inaudible/i.test(r.text) || !next || next.role === "journalist" || continuesOwnWords(next.text) || isNonAnswer(next.text)) return false;
  // "(Inaudible) following —" / a paragraph of answer: a few words heard of a new question, even after an answer that trailed off.
  return heard === 0 ? answerComplete(p) : wordCount(next.text) >= 30;
}

/**
 * "The question I asked was: Which — which —" / "Do you have another question?" / "— which advisors?": the
 * reporter resumes their own broken-off sentence after a short reply, so it is still the same question.
 */
export function resumesOwnQuestion(p: DraftPair, text: string): boolean {
  if (!continuesOwnWords(text)) return false;
  const since = p.answers.length - 1 - [...p.answers].reverse().findIndex((a) => a.role === "journalist");
  const lastAsk = since < p.answers.length ? p.answers[since]! : null;
  const replies = lastAsk ? p.answers.slice(since + 1) : p.answers;
  return breaksOff(lastAsk ? lastAsk.text : p.question.text) && replies.reduce((n, a) => n + wordCount(a.text), 0) <= 25;
}
