import type { ConferenceInputParsed, ParticipantRoleInput } from "./conference-input";
import { statementsByPlace } from "./statement-places";

// The Turn rows of a conference in reading order, shared by publishing and re-importing:
// statements in their places among the pairs, each pair's question, then its answers.

export type TurnRow = {
  conferenceId: number;
  qaPairId: number | null;
  kind: "STATEMENT" | "QUESTION" | "ANSWER";
  position: number;
  speakerId: number | null;
  speakerLabel: string | null;
  role: ParticipantRoleInput | null;
  text: string;
};

/** Positions run from 1 in reading order; statements stand before the pair they precede. */
export function buildTurnRows(conferenceId: number, input: ConferenceInputParsed, pairIds: number[], speakerIds: Map<string, number>): TurnRow[] {
  let position = 0;
  const who = (label: string | null) => ({ speakerId: label ? (speakerIds.get(label) ?? null) : null, speakerLabel: label });
  const turns: TurnRow[] = [];
  const statementGroups = statementsByPlace(input.statements, input.pairs.length);
  const pushStatements = (i: number) => {
    for (const s of statementGroups[i])
      turns.push({ conferenceId, qaPairId: null, kind: "STATEMENT", position: ++position, ...who(s.speaker), role: s.role ?? null, text: s.text });
  };
  input.pairs.forEach((pair, i) => {
    pushStatements(i);
    turns.push({ conferenceId, qaPairId: pairIds[i], kind: "QUESTION", position: ++position, ...who(pair.question.speaker), role: "JOURNALIST", text: pair.question.text });
    for (const a of pair.answers)
      turns.push({ conferenceId, qaPairId: pairIds[i], kind: "ANSWER", position: ++position, ...who(a.speaker), role: a.role ?? "OFFICIAL", text: a.text });
  });
  pushStatements(input.pairs.length);
  return turns;
}

/** A speaker's role in a conference: the most specific role any of their turns had. */
export function participantRoles(turns: TurnRow[]): Map<number, ParticipantRoleInput> {
  const rank: Record<ParticipantRoleInput, number> = { MODERATOR: 4, OFFICIAL: 3, INTERPRETER: 2, JOURNALIST: 1, OTHER: 0 };
  const roles = new Map<number, ParticipantRoleInput>();
  for (const t of turns) {
    if (t.speakerId === null) continue;
    const role = t.role ?? "OTHER";
    const current = roles.get(t.speakerId);
    if (!current || rank[role] > rank[current]) roles.set(t.speakerId, role);
  }
  return roles;
}
