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
  const plain = plainText(text);
  const han = plain.match(HAN)?.length ?? 0;
  const latin = plain.replace(HAN, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return latin + Math.ceil(han / 2);
}

export const asks = (text: string) => /[?？]/.test(plainText(text));

const ACK_WORD =
  "(?:yeah|yep|yes|yup|sure|okay|ok|right|all right|alright|uh-huh|mm-hmm|mhm|oh|ah|great|good|fine|of course|absolutely|please|go ahead|go on|thanks?|thank you|sorry|no problem|i see|got it|yes,? (?:sir|ma'am|ma’am)|是|好|好的|请|请讲|请问|谢谢)";
/** A whole turn made of acknowledgements: "Yep.", "Sure. Of course.", "Oh, okay.", "好的，请讲。" */
const ACK_ONLY = new RegExp(`^(?:${ACK_WORD}(?:,? (?:very much|so much|sir|ma.am|everyone|everybody|all|then|indeed|yeah))?[.,!?—–\\- 。，！？]*\\s*){1,4}$`, "i");

/** Giving the floor or apologising for cutting in: "Sorry, I interrupted you. Please go ahead." */
const PERMISSION =
  /\b(?:go ahead|go on|interrupted you|you first|finish your question|keep going|do you want to (?:begin|start|take (?:that|this|it)|answer|add)|want to take (?:that|this)|over to you)\b|请讲|请继续/i;
/** Handing the question to a colleague by name: "Dr. Walensky?" */
const NAME_CALL = /^(?:(?:dr|mr|mrs|ms|secretary|general|admiral|director|ambassador)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*[?？]$/;
/** Checking the line or the microphone, and answering such a check. */
const LINE_CHECK = /\b(?:can you hear me|do you hear me|are you able to hear|can hear you|can hear me|hear you (?:fine|okay|well)|yes,? (?:I|we) can|you'?re (?:on|live|unmuted)|unmute)\b|听得到|听得见/i;
/** Thanks and farewells that close a briefing or an exchange. */
const THANKS_HEAD = /^(?:(?:great|okay|ok|all right|alright|well|good|and|hey|hi)[.,!]?\s+)?(?:thank you|thanks|谢谢)(?:\s+(?:very much|so much|again|all))?[\s,.!。！]*/i;
const THANKS_TAIL = /^(?:everyone|everybody|all|guys|folks|sir|ma'am|ma’am|mr\.?|madam|president|secretary|again|very much|so much|大家)$/i;

/** "Thank you.", "Thanks, Jen.", "Great. Thanks, everyone.", "Thank you, Mr. President." */
function isThanks(plain: string): boolean {
  const head = THANKS_HEAD.exec(plain);
  if (!head) return false;
  const tail = plain.slice(head[0].length).replace(/[.,!。！]/g, " ").split(/\s+/).filter(Boolean);
  return tail.length <= 3 && tail.every((w) => THANKS_TAIL.test(w) || /^[A-Z][a-z’']+$/.test(w));
}
const CLOSING = /\b(?:that concludes|this concludes|concludes (?:our|this|today'?s)|that'?s all (?:the time|we have)|have a (?:great|good|nice|happy|very happy)\b.{0,30}(?:day|weekend|evening|friday))|今天的发布会到此结束|谢谢大家/i;

/**
 * An official's turn that does not answer: an acknowledgement, permission to go ahead,
 * a line check, thanks, or (before the reporter has asked anything) a short aside.
 */
export function isNonAnswer(text: string, questionAsked: boolean): boolean {
  const plain = plainText(text);
  const words = wordCount(text);
  if (words === 0) return true;
  if (ACK_ONLY.test(plain) || isThanks(plain)) return true;
  if (words <= 25 && (PERMISSION.test(plain) || LINE_CHECK.test(plain))) return true;
  if (NAME_CALL.test(plain)) return true;
  // Banter while the reporter is still setting up the question ("An electric Beast.").
  return !questionAsked && words <= 5;
}

/** A reporter's or official's turn that only thanks, says goodbye or checks the line. */
export function isPleasantry(text: string): boolean {
  const plain = plainText(text);
  const words = wordCount(text);
  if (words === 0) return false;
  if (isThanks(plain)) return true;
  if (words <= 20 && CLOSING.test(plain) && !/\?/.test(plain.replace(LINE_CHECK, ""))) return true;
  if (words <= 12 && LINE_CHECK.test(plain)) {
    // "Thanks very much. Can you hear me?" - nothing is asked beyond the check itself.
    return plain.replace(LINE_CHECK, "").replace(/[^?？]/g, "").length <= 1 && !/\b(?:what|why|how|when|where|who|which|will|would|is|are|do|does|did|can|could|should)\b.*\?/i.test(plain.replace(/can you hear me\??|do you hear me\??/gi, ""));
  }
  return false;
}

/** An interjection-sized reporter turn: short and not a question ("Right.", "Sorry —", "There are several, but —"). */
export function isShortRemark(text: string): boolean {
  const plain = plainText(text);
  if (/^(?:on that(?: point)?|really|sorry|pardon|what)\s*[?？]$/i.test(plain)) return true;
  return wordCount(text) <= 8 && !asks(text);
}

/** A closing by an official once the questions are over ("Great. Thanks, everyone."). */
export function isClosing(text: string): boolean {
  return wordCount(text) <= 40 && (isThanks(plainText(text)) || CLOSING.test(plainText(text)));
}
