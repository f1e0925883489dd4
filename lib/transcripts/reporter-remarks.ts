// What a short reporter turn does between an official's answers: an interjection ("Right.",
// "December 17th?", banter that draws laughter), a reminder of an unanswered part, a check of a
// detail, a request for the floor, or a real question. Split from exchanges.ts, which judges the
// officials' turns and pleasantries; this file builds on its text helpers.
import { AFFIRM_ONLY, asks, countWords, LONG, NAME_CALL, plainText, wordCount } from "./exchanges";

/** Question words: a short turn with one of them asks something new ("But who in particular?"). */
const INTERROGATIVE =
  /\b(?:who|whom|whose|what|what's|when|where|why|how|which|is|are|was|were|isn't|aren't|do|does|did|don't|doesn't|didn't|can|could|will|would|won't|should|shall|may|might|have|has|had)\b|什么|怎么|为什么|是否|吗|哪|几|多少|何/i;
/** A question without a verb that reporters use as a whole question: "No response to Turkey or any —", "Any update on the call?" */
const ELLIPTICAL_QUESTION = /^(?:(?:and|but|so|okay|ok)[,.]?\s+)?(?:any|anything|no|nothing|what about|how about)\b.{0,80}?\b(?:on|to|about|for|from|with|regarding)\b/i;
/** "(Laughter.)", "(Laughs.)": the remark is banter. */
const LAUGHTER = /[(（\[]\s*(?:laughter|laughs|laughing|笑)/i;

/** "…the nominations next week." / "Both?": checks the scope of what was just said (not a name called, although capitalised). */
const SCOPE_CHECK = /^(?:both|all(?: of them)?|either|neither|each|none)\s*[?？]$/i;

/** A turn that draws "(Laughter.)": banter, even when it is phrased as a question. */
export function drawsLaughter(text: string): boolean {
  return LAUGHTER.test(text);
}

/** The short question repeats a word of what the official just said ("…on December 17th." / "December 17th?"). */
function echoes(plain: string, before: string): boolean {
  const said = new Set(
    before
      .slice(-300)
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? [],
  );
  return (plain.toLowerCase().match(/\p{L}{4,}/gu) ?? []).some((w) => said.has(w));
}

/**
 * An interjection-sized reporter turn: short and not a question ("Right.", "Sorry —",
 * "There are several, but —"), a few words finishing the reporter's own sentence ("— going up?"),
 * an echo that checks a detail of the answer just given (`before`: "December 17th?"), or banter
 * that draws laughter. A short question on something new ("Tariffs?") is not a remark.
 */
export function isShortRemark(text: string, before = ""): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  if (/^(?:on that(?: point)?|really|sorry|pardon|what)\s*[?？]$/i.test(plain)) return true;
  if (SCOPE_CHECK.test(plain)) return true;
  // "No, David." / "No conversations at all?": checks the scope of the "no" just given.
  if (/^(?:no|none|nothing|never|not)\b.{0,30}\bat all\s*[?？]$/i.test(plain) && /^\s*no\b/i.test(plainText(before))) return true;
  const words = countWords(plain);
  if (ELLIPTICAL_QUESTION.test(plain)) return false;
  if (!/[?？]/.test(plain)) return words <= 8 || (words <= 25 && LAUGHTER.test(text));
  // "And then?" asks for more; "December 17th?" only checks what was said.
  if (words > 4 || !/[?？]$/.test(plain) || INTERROGATIVE.test(plain) || /^(?:and|but|so|or|then)\b/i.test(plain)) return false;
  if (NAME_CALL.test(plain)) return namesWhoWasJustMentioned(plain, before);
  return /^\s*(?:—|–|--)/.test(text) || echoes(plain, before);
}

/** Offices a reporter calls an official by ("Mr. President?", "Madam Secretary?"): a call, not a name to check. */
const OFFICE_WORDS = /^(?:president|vice|secretary|minister|chairman|chair|speaker|senator|governor|mayor|ambassador|general|admiral|director|sir|madam|ma'am|ma’am)$/i;

/**
 * "Sean Casten?" right after "…and Congressman Casten.": the name the official just said, checked,
 * not a call for the floor. Its last word must be a name in the answer, not an office ("Mr. President?").
 */
function namesWhoWasJustMentioned(plain: string, before: string): boolean {
  const last =
    plain
      .replace(/[?？]\s*$/, "")
      .trim()
      .split(/\s+/)
      .at(-1) ?? "";
  return last.length >= 3 && !OFFICE_WORDS.test(last) && new RegExp(`\\b${last.replace(/[^\p{L}\p{N}]/gu, "")}\\b`, "u").test(before.slice(-300));
}

/** "Did you have a response to my first question?": the reporter asks again for a part left unanswered, within the pair. */
const REMINDS_OF_QUESTION = /\b(?:response|answer|reply) to my (?:first|second|third|other|earlier|original|last) (?:question|part)\b/i;

/** "The second question was about the call…" (or "The second ques- —", cut off): a part asked before, left unanswered. "The second question is…" asks something new. */
const RESTATES_EARLIER_PART = /^(?:(?:sorry|and|but|so)[,.]?\s+)?(?:the|my) (?:first|second|third|other|earlier|original|last) (?:question|ques-)(?:\s*[—–]|\s+was\b)/i;

/** "…It's Richard Rubin again. I'm unmuted. So, can you answer my other questions about the child credit?" */
const ASKS_ANSWER_TO_EARLIER = /\b(?:answer|address|get to) my (?:first|second|third|other|earlier|original|last) (?:questions?|parts?)\b/i;

/**
 * "I'm not saying now. But, like, is it two weeks from now?", "My question is about…": the reporter puts right how
 * the official took the question, so it is the same question asked again.
 */
const CORRECTS_READING =
  /^(?:(?:no|well|sorry|oh|but)[,.]?\s+)*(?:I['’]m not (?:saying|asking)|I was not (?:saying|asking)|I wasn['’]t (?:saying|asking)|I didn['’]t (?:mean|ask)|I (?:actually )?meant\b|that['’]s not what I (?:asked|meant)|my question (?:is|was) (?:about|whether|if|not)\b)/i;

export function remindsOfQuestion(text: string): boolean {
  return (
    (REMINDS_OF_QUESTION.test(text) && wordCount(text) <= 20) ||
    (ASKS_ANSWER_TO_EARLIER.test(text) && wordCount(text) <= 40) ||
    (CORRECTS_READING.test(plainText(text)) && wordCount(text) <= 40) ||
    (RESTATES_EARLIER_PART.test(plainText(text)) && wordCount(text) <= 40)
  );
}

/** A few words checking a detail of the answer just given; the official's "Yeah." after it confirms, it does not give the floor. */
export function checksDetail(text: string, before: string): boolean {
  return !!before && !isFloorRequest(text) && !asksForAnswer(text) && isShortRemark(text, before) && !isShortRemark(text);
}

/** "Karine, can I ask two quick ones on — the President's health?": asks for the floor, not for an answer. */
const FLOOR_REQUEST =
  /\b(?:(?:can|could|may) I (?:ask|follow(?: |-)?up|get|jump in|have|do)|I (?:have|got) (?:a|one|two|three|another|a couple(?: of)?) (?:more |quick |last |other |follow-up |small )*(?:questions?|ones?|follow-ups?)|(?:one|two|a few|a couple(?: of)?) (?:more |quick )*(?:questions?|ones?))\b|我(?:还)?(?:想|能)?(?:再)?问(?:一个|两个)问题/i;

export function isFloorRequest(text: string): boolean {
  return text.length <= 200 && FLOOR_REQUEST.test(text) && wordCount(text) <= 15;
}

/** Asks something an official can answer: not only a request for the floor or a call ("Mr. President?"). */
export function asksForAnswer(text: string): boolean {
  const plain = plainText(text);
  return asks(text) && !isFloorRequest(text) && (SCOPE_CHECK.test(plain) || !NAME_CALL.test(plain));
}

/** "He took off 29,000?" / "25,000.": a few words checking a figure, answered with the figure alone; an interjection. */
export function checksFigure(text: string, reply: string | undefined, before = ""): boolean {
  const plain = plainText(text);
  if (reply === undefined || text.length > 100 || !/\d/.test(plain) || !/[?？]$/.test(plain)) return false;
  // "…95 percent of it is already allocated." / "You are saying 95 percent of the Rescue Plan is allocated already?" / "Yeah.": an echo of the figure, confirmed.
  if (countWords(plain) <= 12 && AFFIRM_ONLY.test(plainText(reply)) && (plain.match(/\d[\d,.]*/g) ?? []).some((n) => before.includes(n.replace(/[.,]$/, "")))) return true;
  if (countWords(plain) > 6) return false;
  // The figure alone ("25,000.", "About 40 percent."): "Answer 2." is an answer that happens to hold a number.
  return /^(?:(?:yes|no|about|some|around|nearly|only)[,.]?\s+)?[\d][\d,.]*\s*(?:percent|%|million|billion|thousand)?[.!]?$/i.test(plainText(reply));
}
