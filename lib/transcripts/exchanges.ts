// What a turn does in the exchange, judged from its text alone. Editors do not make a
// pair out of every reporter turn: officials acknowledge ("Yep.", "Go ahead."), joke and
// thank; reporters interject ("Right.", "Sorry —"), check the line ("Can you hear me?") and
// thank. These predicates tell those moves apart from real questions and real answers.

import { handsOverToColleague, talksAboutLine } from "./hand-overs";

/**
 * Stage directions such as "(Laughter.)" or "(inaudible)" say nothing about the move, and
 * neither do an editor's square-bracket insertions, which can be longer ("Mr. Horner [Garnett
 * D. Horner, Washington Evening Star]").
 */
const STAGE = /[(（][^()（）\[\]]{0,40}[)）]|\[[^()（）\[\]]{0,100}\]/g;

export function plainText(text: string): string {
  return text.replace(STAGE, " ").replace(/\\/g, "").replace(/\s+/g, " ").trim();
}

const HAN = /\p{Script=Han}/gu;

/** Words, counting two Han characters as one word so that Chinese turns compare with English ones. */
export function wordCount(text: string): number {
  return countWords(plainText(text));
}

/** Long turns are never acknowledgements or remarks; checking length first keeps the parse linear and fast. */
export const LONG = 400;

export function countWords(plain: string): number {
  const han = plain.match(HAN)?.length ?? 0;
  const latin = plain
    .replace(HAN, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return latin + Math.ceil(han / 2);
}

/** An indirect question asks too: "…And I'm wondering if the White House is giving any new consideration to conditions." */
const INDIRECT_QUESTION = /\bi(?:['’]m| am| was)? wonder(?:ing)? (?:if|whether)\b/i;
export const asks = (text: string) => /[?？]/.test(plainText(text)) || INDIRECT_QUESTION.test(plainText(text));

const ACK_WORD =
  "(?:oh|ah|okay|ok|uh-huh|mm-hmm|mhm|hmm|great|good|fine|please|go ahead|go on|thanks|thank you|sorry|no problem|i see|got it|all right|alright|好|好的|请|请讲|谢谢)";
/** Words that answer a yes/no question but only acknowledge a statement. */
const AFFIRM_WORD = "(?:yes,? (?:sir|ma'am|ma’am)|yeah|yep|yup|yes|sure|right|of course|absolutely|correct|that's correct|that’s correct|exactly|是|对|是的)";
const ackRun = (word: string) => new RegExp(`^(?:${word}(?:,? (?:very much|so much|sir|ma.am|everyone|everybody|all|then|indeed|yeah))?[.,!?—–\\- 。，！？]*\\s*){1,4}$`, "i");
/** A whole sentence of backchannel: "Oh.", "Mm-hmm.", "Okay, okay." */
const ACK_ONLY = ackRun(ACK_WORD);
/** A whole sentence of agreement: "Yep.", "Sure. Of course." */
export const AFFIRM_ONLY = ackRun(`(?:${AFFIRM_WORD}|${ACK_WORD})`);

/** Giving the floor or apologising for cutting in: "Sorry, I interrupted you. Please go ahead." */
const PERMISSION =
  /\b(?:go ahead|go on|interrupted you|you first|finish your question|keep going|do you want to (?:begin|start|take (?:that|this|it)|answer|add)|want to take (?:that|this)|over to you)\b|请讲|请继续/i;
/** Handing the question to a colleague by name: "Dr. Walensky?" */
export const NAME_CALL = /^(?:(?:[Dd]r|[Mm]r|[Mm]rs|[Mm]s|[Ss]ecretary|[Gg]eneral|[Aa]dmiral|[Dd]irector|[Aa]mbassador)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*[?？]$/;
/** Checking the line or the microphone, and answering such a check. */
/** Asking whether one is heard: part of LINE_CHECK, and what isPleasantry strips before looking for a real question. */
const HEAR_ME = String.raw`can (?:you|everyone|everybody)(?: guys| all| folks)? hear me|do you hear me`;
export const LINE_CHECK = new RegExp(
  String.raw`\b(?:${HEAR_ME}|are you able to hear|can hear you|can hear me|hear you (?:fine|okay|well)|yes,? (?:I|we) can|you'?re (?:on|live|unmuted)|unmute|(?:I|we)(?:['’]ve| have)? lost (?:him|her|you|them|the line|the audio|audio|sound|the connection))\b|听得到|听得见`,
  "i",
);
const HEAR_ME_ASKED = new RegExp(String.raw`(?:${HEAR_ME})(?: now)?\??`, "gi");
/** Thanks and farewells that close a briefing or an exchange. */
const THANKS_HEAD = /^(?:(?:great|okay|ok|all right|alright|well|good|and|hey|hi|oh)[.,!]?\s+)?(?:thank you|thanks|谢谢)(?:\s+(?:very much|so much|again|all))?[\s,.!。！]*/i;
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
  /** The reporter's latest words, when known: "Yeah." only grants leave after "Can you talk a bit about…?" */
  lastAsk?: string;
}

/** "Can you talk a bit about the deleted tweet?" asks leave to raise a topic: "Yeah." grants it, and the question follows. */
const TOPIC_REQUEST = /^(?:(?:and|okay|ok|so|also)[,.]?\s+)*(?:can|could) (?:you|we|I) (?:talk|speak)(?: (?:a (?:little )?bit|a little|briefly|quickly))? (?:about|on|to)\b/i;
/** Backchannel that agrees with a statement: "Right." */
const BACKCHANNEL_ONLY = ackRun("(?:right|yeah)");

/**
 * A bare "Yeah." or "Right." that only acknowledges the reporter's latest words: leave to raise a
 * topic ("Can you talk a bit about…?"), or a statement the reporter ended on after asking
 * ("…Do you mean during the entire deal? Because in the next phases all forces must leave." / "Right.").
 */
function acknowledgesLastWords(sentences: string[], lastAsk: string): boolean {
  const tail = plainText(lastAsk).split(SENTENCE_END).at(-1) ?? "";
  if (!tail || !sentences.every((x) => isFloorSentence(x) || AFFIRM_ONLY.test(x))) return false;
  if (TOPIC_REQUEST.test(tail)) return true;
  return !/[?？]$/.test(tail) && countWords(tail) >= 5 && sentences.every((x) => isFloorSentence(x) || BACKCHANNEL_ONLY.test(x));
}

/** Asking the reporter to repeat: "Can you ask me your first question again?", "the second part was what?" */
const REPEAT_REQUEST =
  /\b(?:(?:didn['’]?t|did not|couldn['’]?t|could not|can['’]?t|cannot) (?:quite )?(?:hear|catch) (?:the|that|your|you|what)\b|what was (?:the|your) (?:first |second |third |last )?(?:question|part)|(?:ask|say|repeat|give) (?:me )?(?:your|the|that|it) (?:first |second |last )?(?:question |part )?(?:again|one more time)|say (?:that|the) (?:first |second |third |last )?part\b|confirm (?:the )?(?:first|second|third|last|other) part of (?:your|the) question|(?:question|part)(?: of (?:the|your) question)? was what|repeat (?:the|your|that) question)\b|再说一遍|重复一下/i;
/**
 * Opening the floor before any question: "If there is anything you would like to ask me, I would be
 * glad to answer.", or after a joke instead of one: "What else is on your mind?"
 */
const OPENS_FLOOR =
  /\b(?:what else is on your mind|(?:anything|any questions?|whatever) you (?:would like|want|wish|care) to ask|(?:glad|happy|ready) to (?:answer|take) (?:any |your |some )?questions|let'?s (?:get to|take|open (?:it )?up (?:to|for)) (?:your )?questions)\b|现在开始提问|欢迎提问/i;

/** Running the room: "let's move on", "last question", "a couple more". */
const FLOOR = /\b(?:move on|wrap(?: up)?|last question|next question|one more question|a couple more|take (?:a few|some|your) questions)\b|最后一个问题|下一个问题/i;
const APOLOGY = /\b(?:sorry|apologi[sz]e|excuse me|pardon me)\b|对不起|抱歉/i;
// Not after a title: "Why don't we start with you, Dr. Fauci?" is one sentence.
const SENTENCE_END = /(?<=[.!?。！？])(?<!\b(?:Dr|Mr|Mrs|Ms|Messrs|St|Gen|Sen|Rep|Gov|Lt|Col|Adm|Sgt|Prof|Amb)\.)\s+/;

/** A sentence that moves the floor rather than saying something: "I apologize.", "Please go ahead." */
function isFloorSentence(sentence: string): boolean {
  const words = countWords(sentence);
  if (words === 0 || ACK_ONLY.test(sentence) || isThanks(sentence) || NAME_CALL.test(sentence)) return true;
  return words <= 10 && (PERMISSION.test(sentence) || LINE_CHECK.test(sentence) || APOLOGY.test(sentence) || FLOOR.test(sentence));
}

/** Every sentence only moves the floor: "— move on and let you wrap. Go ahead." */
export function onlyMovesFloor(text: string): boolean {
  const sentences = plainText(text)
    .split(SENTENCE_END)
    .filter((x) => countWords(x) > 0);
  return sentences.length > 0 && sentences.every(isFloorSentence);
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
  if (handsOverToColleague(plain, sentences, words, (x) => isFloorSentence(x) || AFFIRM_ONLY.test(x)) || talksAboutLine(plain, words)) return true;
  // "I have an answer for that. But the first one — what was the first question again?"
  if (words <= 30 && sentences.some((x) => REPEAT_REQUEST.test(x))) return true;
  // "All I can say is —": cut off before saying anything ("It was just 24 hours ago! And —" has said something).
  if (words <= 8 && breaksOff(text) && sentences.slice(0, -1).every(isFloorSentence)) return true;
  if (state.lastAsk && acknowledgesLastWords(sentences, state.lastAsk)) return true;
  // "Yes." answers "Is it true?" but only acknowledges "He said he supports a ceasefire."
  if ((!state.asked || state.cutOff) && sentences.every((x) => isFloorSentence(x) || AFFIRM_ONLY.test(x))) return true;
  // "Can you provide an update on the testing website?" / "Sure." / "Is it ready to go?": agreeing to give an account is not the account.
  if (state.lastAsk && asksForAccount(state.lastAsk) && sentences.every((x) => isFloorSentence(x) || AFFIRM_ONLY.test(x))) return true;
  // "Now you've intrigued me. What are the un-American ideas...?" asks back instead of answering.
  if (words <= 30 && /[?？]$/.test(plain) && sentences.filter((x) => !/[?？]$/.test(x)).every((x) => countWords(x) <= 5)) return true;
  // Banter or a clarification while the reporter is still setting up the question.
  if (!state.asked && words <= 5) return true;
  // "…I know you've experienced it in a past life. But when it comes to —" / "I do. I had many engagements with
  // Matt in my time.": the reporter broke off before asking anything, so a short reply is an aside, not an answer.
  // The official who then moves the floor on ("I don't have anything more for you on this. Go ahead.") has answered it.
  const movesOn = sentences.length > 1 && isFloorSentence(sentences.at(-1)!) && !sentences.every(isFloorSentence);
  if (!state.asked && state.cutOff && words <= 20 && !/[?？]/.test(plain) && !breaksOff(text) && !startsQuestion(state.lastAsk) && !movesOn) return true;
  return state.cutOff && words <= 8;
}

/** The reporter's last question asks the official to give an account ("Can you walk us through…?"), not for a yes or no. */
const ACCOUNT_REQUEST =
  /\b(?:can|could|would|will) you (?:please |just |maybe )?(?:provide|give|talk|tell|say|walk|update|explain|speak|share|comment|elaborate|describe|expand|detail)\b/i;
function asksForAccount(lastAsk: string): boolean {
  const asked = plainText(lastAsk)
    .split(SENTENCE_END)
    .filter((x) => /[?？]$/.test(x));
  return asked.length > 0 && ACCOUNT_REQUEST.test(asked.at(-1)!);
}

/**
 * "But he could push them, but he's —": pushing back on an answer that was complete. A few words
 * that break off unheard ("And about the diff- — (inaudible) —") push nothing back: an interjection.
 */
export function isChallenge(text: string): boolean {
  if (!/^(?:but|so|and|then|yet|still)\b/i.test(text.trimStart())) return false;
  const words = wordCount(text.slice(0, 200));
  return words >= 4 && !(words <= 8 && breaksOff(text) && /\(\s*inaudible\s*\)/i.test(text));
}

/**
 * The official asks the reporter back what they meant ("…you mean the detainees? Is that what you
 * were asking about?", "did you have specific arms sales in mind?"): the reporter's reply and the
 * answer after it stay in the pair. Only sentences near the end of the turn, and only these forms:
 * a rhetorical "did you see what the Senate did?" asks nothing of the reporter.
 */
const ASKS_BACK =
  /\b(?:is that what you(?:['’]re| are| were) asking|are you asking (?:about|whether|if)|(?:do|did) you mean|what do you mean|you mean\b[^.?!]{0,80}\?|(?:could|can) you (?:reframe|rephrase|clarify|restate)|did you have\b[^.?!]{1,80}\bin mind|what (?:exactly )?are you (?:referring to|asking)|confirm (?:the )?(?:first|second|third|last|other) part of (?:your|the) question)/i;

export function asksReporterToClarify(answer: string): boolean {
  return plainText(answer.slice(-500))
    .split(SENTENCE_END)
    .some((x) => /[?？]$/.test(x) && ASKS_BACK.test(x));
}

/** The last sentence of the reporter's words opens a question ("Is the President going to —", "Which politicians —"). */
const QUESTION_OPENING =
  /^(?:(?:and|but|so|okay|ok|also|now)[,.]?\s+)*(?:who|whom|whose|what|when(?!\s+it\s+comes\b)|where|why|how|which|is|are|was|were|isn['’]t|aren['’]t|do|does|did|don['’]t|doesn['’]t|didn['’]t|can|could|will|would|won['’]t|should|shall|may|might|has|have|had|any|no)\b/i;

function startsQuestion(words: string | undefined): boolean {
  // Without the reporter's words the reply cannot be judged an aside.
  if (!words) return true;
  const last = plainText(words).split(SENTENCE_END).at(-1) ?? "";
  return QUESTION_OPENING.test(last);
}

/** The turn breaks off with a dash: "That is certainly our objective, but I can —" */
export const breaksOff = (text: string) => /(?:—|–|--+|-)\s*$/.test(plainText(text.slice(-200)));

/** "Happy Friday.", "Good morning, everyone.", "Hi, Karine." */
const GREETING =
  /^(?:(?:happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|new year|holidays)|good (?:morning|afternoon|evening)|hi|hello|hey|morning|afternoon)(?:,? (?:everyone|everybody|all|guys|folks|sir|ma'am|ma’am|[A-Z][a-z’']+))?[.!]*\s*){1,2}$|^(?:大家好|各位好|上午好|下午好)[。！!]?$/i;

/** Asking the official to stay for more questions: "Will you take one or two more?", "Do you have time for one more?" */
const MORE_QUESTIONS_PLEA =
  /\b(?:(?:will|would|can|could) you (?:take|do) (?:just )?(?:one|two|a couple|a few|one or two) more|time for (?:just )?(?:one|two|a couple|a few|one or two) more)\b/i;

/** Asking for the press's own access: "Would you invite him to come back and chat with us on the way back?" */
const ACCESS_PLEA =
  /\b(?:invite|bring|ask|get|have)\s+(?:him|her|them|the (?:vice )?president)\s+(?:to\s+)?(?:come\s+)?(?:back\s+)?(?:and\s+)?(?:chat|talk|visit|speak|come (?:back|out|down|over))\b[^?]{0,40}\b(?:with us|to us|the press|the cabin|the back)\b/i;

/** A reporter's or official's turn that only greets, thanks, says goodbye, checks the line or asks for more time or access. */
export function isPleasantry(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  const words = countWords(plain);
  if (words === 0) return false;
  if (isThanks(plain) || GREETING.test(plain) || YIELDS_FLOOR.test(plain)) return true;
  if (words <= 30 && (MORE_QUESTIONS_PLEA.test(plain) || ACCESS_PLEA.test(plain))) return true;
  if (words <= 20 && CLOSING.test(plain) && !/\?/.test(plain.replace(LINE_CHECK, ""))) return true;
  if (words <= 12 && LINE_CHECK.test(plain)) {
    // "Thanks very much. Can you hear me?" - nothing is asked beyond the check itself.
    return (
      // "Yeah. Hi, can you hear me? Hello?": a bare "Hello?" checks the line too.
      plain
        .replace(LINE_CHECK, "")
        .replace(/\b(?:hello|hi|hey)\s*[?？]/gi, "")
        .replace(/[^?？]/g, "").length <= 1 &&
      !/\b(?:what|why|how|when|where|who|which|will|would|is|are|do|does|did|can|could|should)\b.*\?/i.test(plain.replace(HEAR_ME_ASKED, ""))
    );
  }
  return false;
}

/** A reporter only yields the floor to a colleague ("That's fine. Go ahead."): logistics. */
const YIELDS_FLOOR = /^(?:(?:that['’]s|that is) (?:fine|okay|ok|all right)[.,!]?\s+|(?:no|oh|sorry)[.,!]?\s+)?(?:you )?go ahead[.!]?$/i;

/** The official turns down a request that never became a question and gives the floor away ("I think we're done, and we're going to move on. Go ahead, in the back."). */
export function movesOnWithoutAnswer(text: string): boolean {
  return wordCount(text) <= 25 && /\b(?:(?:we['’]re|we are|i['’]m|i am) (?:going to )?(?:move|moving) on|we['’]re done)\b/i.test(plainText(text));
}

/** Opens the floor before any question was asked ("If there is anything you would like to ask me…"): logistics. */
export function opensFloor(text: string): boolean {
  return text.length <= LONG && OPENS_FLOOR.test(plainText(text)) && wordCount(text) <= 40;
}

/** The floor given at the end of an opening statement: "…With that, Aamer, kick it off to you.", "…Happy to take your questions." */
const GIVES_FIRST_QUESTION = /\b(?:kick (?:it|us|things) off|(?:glad|happy|ready) to take (?:your |any |some )?questions|take your questions)\b/i;

/** The official's turn ends by opening the floor, however long the statement before it. */
export function endsOpeningFloor(text: string): boolean {
  const last =
    plainText(text)
      .split(SENTENCE_END)
      .filter((x) => countWords(x) > 0)
      .at(-1) ?? "";
  return OPENS_FLOOR.test(last) || GIVES_FIRST_QUESTION.test(last);
}

/** "会后有记者问及：…", "After the press conference, a journalist asked…": a question printed without a label. */
export const REPORTED_QUESTION =
  /^[\s\u3000]*(?:(?:(?:会后|发布会后)[，,]?\s*)?有记者(?:问及|问到|问)\s*[：:]|after the (?:press )?(?:conference|briefing),? (?:a|some|one) (?:journalists?|reporters?|correspondents?) asked\b)/i;

/** A closing by an official once the questions are over ("Great. Thanks, everyone."). */
export function isClosing(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  return countWords(plain) <= 40 && (isThanks(plain) || CLOSING.test(plain));
}
