import type { Tx } from "@/lib/db/client";
import type { DraftRole, EditableDraft, EditableTurn } from "@/lib/drafts/model";

// A published conference seen as the import review's editable draft, so that the same
// operations apply to it. Turn ids are "t<Turn.id>" and pair ids "p<QaPair.id>"; ids the
// operations create are numbered above every id of this conference, so a turn or pair the
// draft has that the database does not is new.

export type DbRole = "MODERATOR" | "OFFICIAL" | "JOURNALIST" | "INTERPRETER" | "OTHER";
export type DbKind = "STATEMENT" | "QUESTION" | "ANSWER";

export type StoredTurn = {
  id: number;
  qaPairId: number | null;
  kind: DbKind;
  position: number;
  speakerId: number | null;
  speakerLabel: string | null;
  speakerName: string | null;
  role: DbRole | null;
  text: string;
};
export type StoredPair = {
  id: number;
  publicId: string;
  ordinal: number;
  status: "PUBLISHED" | "UNPUBLISHED" | "DELETED";
  version: number;
  outletName: string | null;
  questionerId: number | null;
  outletId: number | null;
};

export type StoredTranscript = {
  conference: { id: number; slug: string; title: string; status: string; version: number; language: string };
  turns: StoredTurn[];
  pairs: StoredPair[];
  draft: EditableDraft;
  /**
   * Statements printed after a pair (procedural turns, closing remarks), by the key of the pair
   * they follow. The import review's operations do not see them; lib/archive/transcript-layout.ts
   * turns one into a question or a pair back into them.
   */
  interludes: Interludes;
};
export type Interludes = Map<string, EditableTurn[]>;

const TO_DRAFT: Record<DbRole, DraftRole> = { MODERATOR: "moderator", OFFICIAL: "official", JOURNALIST: "journalist", INTERPRETER: "interpreter", OTHER: "unknown" };
export const draftRoleOf = (role: DbRole | null): DraftRole => (role ? TO_DRAFT[role] : "unknown");
const TO_DB: Record<DraftRole, DbRole | null> = { moderator: "MODERATOR", official: "OFFICIAL", journalist: "JOURNALIST", interpreter: "INTERPRETER", unknown: null };
export const dbRoleOf = (role: DraftRole): DbRole | null => TO_DB[role];

export const turnKey = (id: number) => `t${id}`;
export const pairKey = (id: number) => `p${id}`;

export async function readStoredTranscript(tx: Tx, slug: string): Promise<StoredTranscript | null> {
  const conference = await tx.conference.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, status: true, version: true, language: true },
  });
  if (!conference) return null;
  const [rows, pairRows] = await Promise.all([
    tx.turn.findMany({
      where: { conferenceId: conference.id },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, qaPairId: true, kind: true, position: true, speakerId: true, speakerLabel: true, role: true, text: true, speaker: { select: { name: true } } },
    }),
    tx.qaPair.findMany({
      where: { conferenceId: conference.id, mergedIntoId: null },
      orderBy: { ordinal: "asc" },
      select: { id: true, publicId: true, ordinal: true, status: true, version: true, questionerId: true, outletId: true, outlet: { select: { name: true } } },
    }),
  ]);
  const turns: StoredTurn[] = rows.map(({ speaker, ...t }) => ({ ...t, speakerName: speaker?.name ?? null }));
  const pairs: StoredPair[] = pairRows.map(({ outlet, ...p }) => ({ ...p, outletName: outlet?.name ?? null }));
  const pairById = new Map(pairs.map((p) => [p.id, p]));

  let maxId = conference.id;
  const draft: EditableDraft = {
    metadata: { title: conference.title, heldOn: null, organizer: null, location: null, language: conference.language, sourceUrl: null, sourceName: null, translationOfSlug: null },
    header: null,
    statements: [],
    pairs: [],
    unassigned: [],
    dropped: [],
    warnings: [],
    speakers: [],
    outlets: [],
    nextId: 1,
  };
  const interludes: Interludes = new Map();
  const speakerRoles = new Map<string, DraftRole>();
  for (const turn of turns) {
    maxId = Math.max(maxId, turn.id, turn.qaPairId ?? 0);
    const editable: EditableTurn = {
      id: turnKey(turn.id),
      speaker: turn.speakerLabel ?? turn.speakerName,
      role: draftRoleOf(turn.role),
      text: turn.text,
      start: null,
      end: null,
    };
    if (editable.speaker && !speakerRoles.has(editable.speaker)) speakerRoles.set(editable.speaker, editable.role);
    const current = draft.pairs.at(-1);
    if (turn.qaPairId === null) {
      if (!current) draft.statements.push(editable);
      else interludes.set(current.id, [...(interludes.get(current.id) ?? []), editable]);
      continue;
    }
    const pair = pairById.get(turn.qaPairId);
    if (current && current.id === pairKey(turn.qaPairId)) current.answers.push(editable);
    else {
      draft.pairs.push({ id: pairKey(turn.qaPairId), question: { ...editable, outlet: pair?.outletName ?? null }, answers: [], flags: [] });
    }
  }
  for (const pair of pairs) maxId = Math.max(maxId, pair.id);
  draft.nextId = maxId + 1;
  draft.speakers = [...speakerRoles].map(([label, role]) => ({ label, role }));
  draft.outlets = [...new Set(pairs.map((p) => p.outletName).filter((n): n is string => !!n))];
  return { conference, turns, pairs, draft, interludes };
}
