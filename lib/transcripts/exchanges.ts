// What a turn does in the exchange, judged from its text alone. Editors do not make a
// pair out of every reporter turn: officials acknowledge ("Yep.", "Go ahead."), joke and
// thank; reporters interject ("Right.", "Sorry —"), check the line ("Can you hear me?") and
// thank. These predicates tell those moves apart from real questions and real answers.

/** Stage directions such as "(Laughter.)" or "(inaudible)" say nothing about the move. */
const STAGE = /[(（\[][^()（）\[\]]{0,40}[)）\]]/g;

export function plainText(text: string): string {
  return text.replace(STAGE, " ").replace(/\\/g, "").replace(/\s+/g, " ").trim();
}

const HAN = /\p{Script=Han}/gu;

/** Words, counting two Han characters as one word so that Chinese turns compare with English ones. */
export function wordCount(text: string): number {
  return countWords(plainText(text));
}

/** Long turns are never acknowledgements or remarks; checking length first keeps the parse linear and fast. */
const LONG = 400;

function countWords(plain: string): number {
  const han = plain.match(HAN)?.length ?? 0;
  const latin = plain
    .replace(HAN, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return latin + Math.ceil(han / 2);
}

export const asks = (text: string) => /[?？]/.test(plainText(text));

const ACK_WORD =
  "(?:oh|ah|okay|ok|uh-huh|mm-hmm|mhm|hmm|great|good|fine|please|go ahead|go on|thanks|thank you|sorry|no problem|i see|got it|all right|alright|好|好的|请|请讲|谢谢)";
/** Words that answer a yes/no question but only acknowledge a statement. */
const AFFIRM_WORD = "(?:yes,? (?:sir|ma'am|ma’am)|yeah|yep|yup|yes|sure|right|of course|absolutely|correct|that's correct|that’s correct|exactly|是|对|是的)";
const ackRun = (word: string) => new RegExp(`^(?:${word}(?:,? (?:very much|so much|sir|ma.am|everyone|everybody|all|then|indeed|yeah))?[.,!?—–\\- 。，！？]*\\s*){1,4}$`, "i");
/** A whole sentence of backchannel: "Oh.", "Mm-hmm.", "Okay, okay." */
const ACK_ONLY = ackRun(ACK_WORD);
/** A whole sentence of agreement: "Yep.", "Sure. Of course." */
const AFFIRM_ONLY = ackRun(`(?:${AFFIRM_WORD}|${ACK_WORD})`);

/** Giving the floor or apologising for cutting in: "Sorry, I interrupted you. Please go ahead." */
const PERMISSION =
  /\b(?:go ahead|go on|interrupted you|you first|finish your question|keep going|do you want to (?:begin|start|take (?:that|this|it)|answer|add)|want to take (?:that|this)|over to you)\b|请讲|请继续/i;
/** Handing the question to a colleague by name: "Dr. Walensky?" */
const NAME_CALL = /^(?:(?:dr|mr|mrs|ms|secretary|general|admiral|director|ambassador)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*[?？]$/;
/** Checking the line or the microphone, and answering such a check. */
const LINE_CHECK =
  /\b(?:can you hear me|do you hear me|are you able to hear|can hear you|can hear me|hear you (?:fine|okay|well)|yes,? (?:I|we) can|you'?re (?:on|live|unmuted)|unmute)\b|听得到|听得见/i;
/** Thanks and farewells that close a briefing or an exchange. */
const THANKS_HEAD = /^(?:(?:great|okay|ok|all right|alright|well|good|and|hey|hi)[.,!]?\s+)?(?:thank you|thanks|谢谢)(?:\s+(?:very much|so much|again|all))?[\s,.!。！]*/i;
const THANKS_TAIL = /^(?:everyone|everybody|all|guys|folks|sir|ma'am|ma’am|mr\.?|madam|president|secretary|again|very much|so much|大家)$/i;

/** "Thank you.", "Thanks, Jen.", "Great. Thanks, everyone.", "Thank you, Mr. President." */
function isThanks(plain: string): boolean {
  const head = THANKS_HEAD.exec(plain);
  if (!head) return false;
  const tail = plain
    .slice(head[0].length)
    .replace(/[.,!。！]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return tail.length <= 3 && tail.every((w) => THANKS_TAIL.test(w) || /^[A-Z][a-z’']+$/.test(w));
}
const CLOSING =
  /\b(?:that concludes|this concludes|concludes (?:our|this|today'?s)|that'?s all (?:the time|we have)|have a (?:great|good|nice|happy|very happy)\b.{0,30}(?:day|weekend|evening|friday))|今天的发布会到此结束|谢谢大家/i;

export interface ExchangeState {
  /** The reporter's latest turn contains a question mark. */
  asked: boolean;
  /** The reporter's latest turn breaks off ("Did — is —"): the question is not finished. */
  cutOff: boolean;
}

/** Running the room: "let's move on", "last question", "a couple more". */
const FLOOR = /\b(?:move on|wrap(?: up)?|last question|next question|one more question|a couple more|take (?:a few|some|your) questions)\b|最后一个问题|下一个问题/i;
const APOLOGY = /\b(?:sorry|apologi[sz]e|excuse me|pardon me)\b|对不起|抱歉/i;
const SENTENCE_END = /(?<=[.!?。！？])\s+/;

/** A sentence that moves the floor rather than saying something: "I apologize.", "Please go ahead." */
function isFloorSentence(sentence: string): boolean {
  const words = countWords(sentence);
  if (words === 0 || ACK_ONLY.test(sentence) || isThanks(sentence) || NAME_CALL.test(sentence)) return true;
  return words <= 10 && (PERMISSION.test(sentence) || LINE_CHECK.test(sentence) || APOLOGY.test(sentence) || FLOOR.test(sentence));
}

/**
 * An official's turn that does not answer: acknowledgements, permission to go ahead,
 * apologies for cutting in, line checks, thanks, a counter-question asking what the
 * reporter means, or a short aside while the reporter is still setting up the question.
 */
export function isNonAnswer(text: string, state: ExchangeState = { asked: true, cutOff: false }): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  const words = countWords(plain);
  if (words === 0) return true;
  const sentences = plain.split(SENTENCE_END).filter((x) => countWords(x) > 0);
  if (sentences.every(isFloorSentence)) return true;
  // "Yes." answers "Is it true?" but only acknowledges "He said he supports a ceasefire."
  if ((!state.asked || state.cutOff) && sentences.every((x) => isFloorSentence(x) || AFFIRM_ONLY.test(x))) return true;
  // "Now you've intrigued me. What are the un-American ideas...?" asks back instead of answering.
  if (words <= 30 && /[?？]$/.test(plain) && sentences.filter((x) => !/[?？]$/.test(x)).every((x) => countWords(x) <= 5)) return true;
  // Banter or a clarification while the reporter is still setting up the question.
  if (!state.asked && words <= 5) return true;
  return state.cutOff && words <= 8;
}

/** "But he could push them, but he's —": pushing back on an answer that was complete. */
export function isChallenge(text: string): boolean {
  return /^(?:but|so|and|then|yet|still)\b/i.test(text.trimStart()) && wordCount(text.slice(0, 200)) >= 4;
}

/** The turn breaks off with a dash: "That is certainly our objective, but I can —" */
export const breaksOff = (text: string) => /(?:—|–|--+|-)\s*$/.test(plainText(text.slice(-200)));

/** A reporter's or official's turn that only thanks, says goodbye or checks the line. */
export function isPleasantry(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  const words = countWords(plain);
  if (words === 0) return false;
  if (isThanks(plain)) return true;
  if (words <= 20 && CLOSING.test(plain) && !/\?/.test(plain.replace(LINE_CHECK, ""))) return true;
  if (words <= 12 && LINE_CHECK.test(plain)) {
    // "Thanks very much. Can you hear me?" - nothing is asked beyond the check itself.
    return (
      plain.replace(LINE_CHECK, "").replace(/[^?？]/g, "").length <= 1 &&
      !/\b(?:what|why|how|when|where|who|which|will|would|is|are|do|does|did|can|could|should)\b.*\?/i.test(plain.replace(/can you hear me\??|do you hear me\??/gi, ""))
    );
  }
  return false;
}

/** An interjection-sized reporter turn: short and not a question ("Right.", "Sorry —", "There are several, but —"). */
export function isShortRemark(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  if (/^(?:on that(?: point)?|really|sorry|pardon|what)\s*[?？]$/i.test(plain)) return true;
  return countWords(plain) <= 8 && !/[?？]/.test(plain);
}

/** A closing by an official once the questions are over ("Great. Thanks, everyone."). */
export function isClosing(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  return countWords(plain) <= 40 && (isThanks(plain) || CLOSING.test(plain));
}
