// What a turn does in the exchange, judged from its text alone. Editors do not make a
// pair out of every reporter turn: officials acknowledge ("Yep.", "Go ahead."), joke and
// thank; reporters interject ("Right.", "Sorry —"), check the line ("Can you hear me?") and
// thank. These predicates tell those moves apart from real questions and real answers.

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
const NAME_CALL = /^(?:(?:[Dd]r|[Mm]r|[Mm]rs|[Mm]s|[Ss]ecretary|[Gg]eneral|[Aa]dmiral|[Dd]irector|[Aa]mbassador)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*[?？]$/;
/** Checking the line or the microphone, and answering such a check. */
const LINE_CHECK =
  /\b(?:can you hear me|do you hear me|are you able to hear|can hear you|can hear me|hear you (?:fine|okay|well)|yes,? (?:I|we) can|you'?re (?:on|live|unmuted)|unmute|(?:I|we)(?:['’]ve| have)? lost (?:him|her|you|them|the line|the audio|audio|sound|the connection))\b|听得到|听得见/i;
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

/** Asking the reporter to repeat: "Can you ask me your first question again?", "the second part was what?" */
const REPEAT_REQUEST =
  /\b(?:(?:didn['’]?t|did not|couldn['’]?t|could not|can['’]?t|cannot) (?:quite )?(?:hear|catch) (?:the|that|your|you|what)\b|what was (?:the|your) (?:first |second |third |last )?(?:question|part)|(?:ask|say|repeat|give) (?:me )?(?:your|the|that|it) (?:first |second |last )?(?:question |part )?again|(?:question|part)(?: of (?:the|your) question)? was what|repeat (?:the|your|that) question)\b|再说一遍|重复一下/i;
/**
 * Opening the floor before any question: "If there is anything you would like to ask me, I would be
 * glad to answer.", or after a joke instead of one: "What else is on your mind?"
 */
const OPENS_FLOOR =
  /\b(?:what else is on your mind|(?:anything|any questions?|whatever) you (?:would like|want|wish|care) to ask|(?:glad|happy|ready) to (?:answer|take) (?:any |your |some )?questions|let'?s (?:get to|take|open (?:it )?up (?:to|for)) (?:your )?questions)\b|现在开始提问|欢迎提问/i;

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
  // "I have an answer for that. But the first one — what was the first question again?"
  if (words <= 30 && sentences.some((x) => REPEAT_REQUEST.test(x))) return true;
  // "All I can say is —": cut off before saying anything.
  if (words <= 8 && breaksOff(text)) return true;
  // "Yes." answers "Is it true?" but only acknowledges "He said he supports a ceasefire."
  if ((!state.asked || state.cutOff) && sentences.every((x) => isFloorSentence(x) || AFFIRM_ONLY.test(x))) return true;
  // "Now you've intrigued me. What are the un-American ideas...?" asks back instead of answering.
  if (words <= 30 && /[?？]$/.test(plain) && sentences.filter((x) => !/[?？]$/.test(x)).every((x) => countWords(x) <= 5)) return true;
  // Banter or a clarification while the reporter is still setting up the question.
  if (!state.asked && words <= 5) return true;
  return state.cutOff && words <= 8;
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
  /\b(?:is that what you(?:['’]re| are| were) asking|are you asking (?:about|whether|if)|(?:do|did) you mean|what do you mean|you mean\b[^.?!]{0,80}\?|(?:could|can) you (?:reframe|rephrase|clarify|restate)|did you have\b[^.?!]{1,80}\bin mind|what (?:exactly )?are you (?:referring to|asking))/i;

export function asksReporterToClarify(answer: string): boolean {
  return plainText(answer.slice(-500))
    .split(SENTENCE_END)
    .some((x) => /[?？]$/.test(x) && ASKS_BACK.test(x));
}

/** The turn breaks off with a dash: "That is certainly our objective, but I can —" */
export const breaksOff = (text: string) => /(?:—|–|--+|-)\s*$/.test(plainText(text.slice(-200)));

/** "Happy Friday.", "Good morning, everyone.", "Hi, Karine." */
const GREETING =
  /^(?:(?:happy (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|new year|holidays)|good (?:morning|afternoon|evening)|hi|hello|hey|morning|afternoon)(?:,? (?:everyone|everybody|all|guys|folks|sir|ma'am|ma’am|[A-Z][a-z’']+))?[.!]*\s*){1,2}$|^(?:大家好|各位好|上午好|下午好)[。！!]?$/i;

/** A reporter's or official's turn that only greets, thanks, says goodbye or checks the line. */
export function isPleasantry(text: string): boolean {
  if (text.length > LONG) return false;
  const plain = plainText(text);
  const words = countWords(plain);
  if (words === 0) return false;
  if (isThanks(plain) || GREETING.test(plain)) return true;
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

export function remindsOfQuestion(text: string): boolean {
  return REMINDS_OF_QUESTION.test(text) && wordCount(text) <= 20;
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

/** Opens the floor before any question was asked ("If there is anything you would like to ask me…"): logistics. */
export function opensFloor(text: string): boolean {
  return text.length <= LONG && OPENS_FLOOR.test(plainText(text)) && wordCount(text) <= 40;
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
