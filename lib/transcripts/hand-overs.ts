// An official's turn that passes the question to a colleague, or talks about the line, instead of
// answering (COVID response-team briefings, calls with several officials). Kept apart from
// exchanges.ts, whose isNonAnswer asks these questions; the floor-sentence test is passed in so the
// two files do not import each other.

const FILLERS = String.raw`(?:(?:okay|ok|yeah|yes|so|well|good|great|sure|all right|alright)[,.!]?\s+)*`;
/** "Rochelle, …", "General, …": a colleague addressed first. */
const VOCATIVE = String.raw`(?:[\p{Lu}][\p{L}.'’ ]{0,30},\s+)?`;
const COLLEAGUE = String.raw`(?:you\b|(?:Dr|Mr|Ms|Mrs|General|Gen|Lieutenant|Secretary|Admiral|Director|Administrator|Ambassador|Senator)\b)`;
const TO_COLLEAGUE = String.raw`(?:(?:do |would )?you (?:want|wanna|like) to (?:start|go first|take|kick|weigh in|lead|answer|handle|address|respond|add))`;

/**
 * Opening with the hand-over: "Okay. Rochelle, you want to start us off? Maybe about the four-month
 * gap…", "Yeah, let me hand it over to Dr. Walensky in terms of the CDC guidelines…", "Well, let me begin
 * with Dr. Walensky…, and then I'll add some comments.", "Why don't I hand it to you on the first
 * question?", "Over to Jake.", "I'll let General Sims take the first question, and then I'm happy to take
 * the second." ("Let me turn to your second question: …" answers.)
 */
const OPENS_WITH_HAND_OVER = new RegExp(
  String.raw`^${FILLERS}${VOCATIVE}(?:${TO_COLLEAGUE}|(?:let me|let['’]s|why don['’]t (?:we|you)) (?:begin|start) with ${COLLEAGUE}|why don['’]t (?:we|you) start\b|(?:let me|why don['’]t I|I['’]ll|I will) (?:hand|pass|toss)\b|(?:let me|why don['’]t I|I['’]ll|I will) turn (?:it|this|that)(?: over)? to\b|over to\b|I['’]ll let\b[^.?!]{0,40}\b(?:take|answer|start|handle|address|go first))`,
  "iu",
);

/** A sentence that only defers: "I think General Sims already dealt with that. General, feel free to elaborate. And I'll defer to you on the second question." */
const DEFERS = new RegExp(
  String.raw`\b(?:${TO_COLLEAGUE}|feel free to (?:elaborate|add|jump in|weigh in)|(?:I['’]ll|I will|let me|why don['’]t I) (?:defer|hand|pass|kick)\b|over to (?:you|him|her)\b|\b(?:General|Gen|Dr|Mr|Ms|Mrs|Secretary|Director|Administrator)\.? \p{Lu}\p{L}+ (?:has )?already (?:dealt with|answered|addressed|covered)|I['’]ll (?:handle|take) the (?:first|second|third|other|last) (?:one|piece|part|question))`,
  "iu",
);
const HAND_OVER_WORDS = 60;

/**
 * The colleague who speaks next gives the answer. A long turn that only ends by handing over ("…Over
 * to you, Dr. Walensky.") has answered, and so has one with a sentence of its own ("I'll take the first
 * one. I have nothing for you on that, Mary. And I'll kick it to the General for the second.").
 */
export function handsOverToColleague(plain: string, sentences: string[], words: number, isFloorSentence: (s: string) => boolean): boolean {
  if (words > HAND_OVER_WORDS) return false;
  if (OPENS_WITH_HAND_OVER.test(plain)) return true;
  return sentences.some((s) => DEFERS.test(s)) && sentences.every((s) => isFloorSentence(s) || DEFERS.test(s));
}

/** "Jeff, I think that Rochelle got kicked out by her computer. (Laughter.)", "I think we're working on some technical issues…": about the line. */
const LINE_TROUBLE =
  /\b(?:got kicked out|dropped (?:off|out) (?:of )?the (?:call|line)|lost (?:him|her|them|the (?:line|connection|audio))|(?:on|off) mute|(?:working on|having|experiencing) (?:some )?(?:technical|audio) (?:issues|problems|difficulties))\b/i;

export const talksAboutLine = (plain: string, words: number) => words <= 25 && LINE_TROUBLE.test(plain);
