// Role inference for named speakers. Explicit labels (Q:, 问：, outlets,
// THE PRESIDENT, MODERATOR) fix the role; a plain name is judged by what the
// person does: hands over the floor (moderator), asks (journalist) or
// answers (official).

import type { SpeakerRole } from "./draft";
import type { LabelKind } from "./labels";

export interface LabelledTurnInfo {
  speaker: string;
  kind: LabelKind;
  text: string;
}

const HANDOFF_EN =
  /\b(will answer|to answer|answer (?:your|this|that|the|these) questions?|will respond|to respond|will take (?:this|your|that|the) question|go ahead|next question|(?:the )?floor is (?:now )?open|let['’]?s (?:go|turn) to|last question|over to you|turn it over|take (?:your|the|some) questions|please (?:raise|identify|state)|you have the floor|thank you,? everyone)\b/i;
const HANDOFF_ZH = /(回答|答复|请.{0,12}(?:提问|介绍)|下面请|最后一个问题|继续提问|今天的发布会到此结束|发布会(?:现在)?开始)/;
const INTRO_EN = /\b(ladies and gentlemen|welcome to|we have invited|joining us today|good (?:morning|afternoon|evening),? (?:everyone|ladies))\b/i;
const INTRO_ZH = /(女士们，先生们|欢迎|今天我们(?:很高兴)?请(?:来|到))/;

/** A moderator line that passes the question to an answerer (not one that calls the next journalist). */
export const HANDOFF_TO_ANSWERER =
  /\b(will answer|to answer|answer (?:your|this|that|the|these) questions?|will respond|to respond|will take (?:this|your|that|the) question|would you like to (?:answer|respond))\b|请.{0,12}回答|来回答|回答(?:这个|您的|你的)/i;

const VOCATIVE_TO_OFFICIAL = /^(?:thank you|thanks),? (?:mr\.?|madam|madame) (?:president|secretary|speaker)\b/i;

export function isHandoff(text: string): boolean {
  return HANDOFF_EN.test(text) || HANDOFF_ZH.test(text) || INTRO_EN.test(text) || INTRO_ZH.test(text);
}

export const hasQuestionMark = (text: string) => /[?？]/.test(text);

/** The turn ends on a question: a reporter's does; an official's rhetorical "…right?" inside a long answer does not count. */
const endsAsking = (text: string) => /[?？][\s"”’)\]]*(?:\([^)]{0,40}\)[\s.]*)?$/.test(text) || /[?？][^.!?。！？]*[—–-]\s*$/.test(text);

const MODERATOR_ANSWER_WORDS = 40;

/**
 * A moderator who also answers (the COVID response coordinator calling on his doctors, then taking a
 * question himself: "So, let me go first… Look, to end this pandemic…"): a turn of that length is an
 * answer, not a hand-over. Hand-overs are short ("Dr. Murthy.", "Next question, please.").
 */
export function turnRole(role: SpeakerRole | undefined, text: string): SpeakerRole | undefined {
  if (role !== "moderator") return role;
  return text.split(/\s+/).filter(Boolean).length >= MODERATOR_ANSWER_WORDS ? "official" : role;
}

export function inferRoles(turns: LabelledTurnInfo[], title: string | null): Map<string, SpeakerRole> {
  const roles = new Map<string, SpeakerRole>();
  const stats = new Map<string, { n: number; questions: number; handoffs: number; chars: number; vocative: number }>();
  for (const t of turns) {
    const fixed = fixedRole(t.kind);
    if (fixed) {
      if (!roles.has(t.speaker)) roles.set(t.speaker, fixed);
      continue;
    }
    const s = stats.get(t.speaker) ?? { n: 0, questions: 0, handoffs: 0, chars: 0, vocative: 0 };
    s.n++;
    s.chars += t.text.length;
    if (endsAsking(t.text)) s.questions++;
    if (isHandoff(t.text) && t.text.length < 900) s.handoffs++;
    if (VOCATIVE_TO_OFFICIAL.test(t.text) || /^(?:mr\.?|madam) president,/i.test(t.text)) s.vocative++;
    stats.set(t.speaker, s);
  }
  let busiest: string | null = null;
  for (const [name, s] of stats) if (!busiest || s.n > stats.get(busiest)!.n) busiest = name;
  for (const [name, s] of stats) {
    if (roles.has(name)) continue;
    const inTitle = !!title && title.includes(name);
    const avg = s.chars / s.n;
    if (s.handoffs / s.n >= 0.5 && avg < 800 && !(inTitle && s.handoffs < s.n)) roles.set(name, "moderator");
    else if (inTitle) roles.set(name, "official");
    else if (s.vocative / s.n >= 0.5) roles.set(name, "journalist");
    else if (s.questions / s.n >= 0.5 && name !== busiest) roles.set(name, "journalist");
    else roles.set(name, "official");
  }
  return roles;
}

function fixedRole(kind: LabelKind): SpeakerRole | null {
  switch (kind) {
    case "question":
    case "follow_up":
    case "outlet":
      return "journalist";
    case "answer":
    case "president":
      return "official";
    case "moderator":
      return "moderator";
    default:
      return null;
  }
}
