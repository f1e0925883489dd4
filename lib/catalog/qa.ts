import { db } from "@/lib/db/client";
import { isPublicId } from "@/lib/archive/ids";
import { conferenceContextSelect } from "./conference-select";
import { conferencePath, statementPath } from "./paths";

const turnSelect = {
  id: true,
  kind: true,
  position: true,
  speakerLabel: true,
  role: true,
  text: true,
  speaker: { select: { name: true, slug: true } },
} as const;

async function loadPair(publicId: string) {
  return db().qaPair.findUnique({
    where: { publicId },
    select: {
      id: true,
      publicId: true,
      ordinal: true,
      status: true,
      statusReason: true,
      mergedIntoId: true,
      statementTurnId: true,
      flags: true,
      version: true,
      correctedAt: true,
      correctionNote: true,
      createdAt: true,
      updatedAt: true,
      questioner: { select: { name: true, slug: true } },
      outlet: { select: { name: true, slug: true } },
      topics: { select: { topic: { select: { name: true, slug: true } } }, orderBy: { topicId: "asc" } },
      turns: { select: turnSelect, orderBy: { position: "asc" } },
      revisions: {
        where: { publicNote: { not: null } },
        select: { version: true, publicNote: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      conference: {
        select: { ...conferenceContextSelect, status: true, statusReason: true },
      },
    },
  });
}

export type QaPairRecord = NonNullable<Awaited<ReturnType<typeof loadPair>>>;
export type QaTurn = QaPairRecord["turns"][number];

export type QaLookup =
  | { state: "visible"; pair: QaPairRecord; question: string; previous: PairLink | null; next: PairLink | null }
  | { state: "gone"; publicId: string; question: string; conferenceTitle: string; reason: string; mergedInto?: string; statementPlace?: string }
  | { state: "missing" };

export interface PairLink {
  publicId: string;
  ordinal: number;
  question: string;
}

/**
 * Looks a pair up by its permanent id. A pair that was ever published stays addressable:
 * when it is withdrawn the page says so (410) instead of pretending it never existed (404).
 */
export async function findQaPair(publicId: string): Promise<QaLookup> {
  const id = publicId.toLowerCase();
  if (!isPublicId(id)) return { state: "missing" };
  // The neighbours are looked up by the pair's public id alongside the pair itself: one round
  // trip less per page view, which counts when a popular answer is served under load.
  const [pair, neighbours] = await Promise.all([loadPair(id), neighboursOf(id)]);
  if (!pair) return { state: "missing" };
  const question = questionText(pair.turns);
  const conferenceVisible = pair.conference.status === "PUBLISHED";
  if (pair.status !== "PUBLISHED" || !conferenceVisible) {
    // A conference that was never published (a draft) never had public links: 404, not 410.
    if (pair.conference.status === "DRAFT") return { state: "missing" };
    const reason = pair.status !== "PUBLISHED" ? pair.statusReason : pair.conference.statusReason;
    // An editor merged this pair into another: its text lives there now (lib/archive/edit-transcript.ts).
    const survivor = pair.mergedIntoId ? await db().qaPair.findUnique({ where: { id: pair.mergedIntoId }, select: { publicId: true } }) : null;
    const place = pair.statementTurnId !== null && pair.conference.status === "PUBLISHED" ? await statementPlaceOf(pair.statementTurnId, pair.conference.slug) : null;
    return {
      state: "gone",
      ...(survivor ? { mergedInto: survivor.publicId } : {}),
      ...(place && "pair" in place ? { mergedInto: place.pair } : place ? { statementPlace: place.path } : {}),
      publicId: pair.publicId,
      question,
      conferenceTitle: pair.conference.title,
      reason: reason || (pair.status === "DELETED" || pair.conference.status === "DELETED" ? "Removed from the archive." : "Withdrawn from publication."),
    };
  }
  return { state: "visible", pair, question, previous: neighbours.previous, next: neighbours.next };
}

/**
 * Where the text of a pair an editor turned into statements lives now: the statement that was
 * its question, or the pair that turn became the question or answer of again, or (when a later
 * edit deleted the turn) the conference page itself. Never nothing, so the permalink never 404s.
 */
async function statementPlaceOf(turnId: number, conferenceSlug: string): Promise<{ pair: string } | { path: string }> {
  const turn = await db().turn.findUnique({ where: { id: turnId }, select: { qaPair: { select: { publicId: true } } } });
  if (turn?.qaPair) return { pair: turn.qaPair.publicId };
  return { path: turn ? statementPath(conferenceSlug, turnId) : conferencePath(conferenceSlug) };
}

export function questionText(turns: { kind: string; text: string }[]): string {
  return turns
    .filter((t) => t.kind === "QUESTION")
    .map((t) => t.text)
    .join("\n\n");
}

/**
 * The published pairs just before and after a pair in its conference, in one query. Only the
 * start of their questions is read: it is used for the link's slug (the first ten words).
 */
async function neighboursOf(publicId: string): Promise<{ previous: PairLink | null; next: PairLink | null }> {
  const rows = await db().$queryRaw<{ direction: "previous" | "next"; publicId: string; ordinal: number; question: string | null }[]>`
    SELECT n.direction, n."publicId", n.ordinal,
      (SELECT LEFT(string_agg(t.text, E'\n\n' ORDER BY t.position), 400) FROM "Turn" t WHERE t."qaPairId" = n.id AND t.kind = 'QUESTION') AS question
    FROM "QaPair" p
    CROSS JOIN LATERAL (
      (SELECT 'previous' AS direction, q.id, q."publicId", q.ordinal FROM "QaPair" q
        WHERE q."conferenceId" = p."conferenceId" AND q.ordinal < p.ordinal AND q.status = 'PUBLISHED'
        ORDER BY q.ordinal DESC LIMIT 1)
      UNION ALL
      (SELECT 'next' AS direction, q.id, q."publicId", q.ordinal FROM "QaPair" q
        WHERE q."conferenceId" = p."conferenceId" AND q.ordinal > p.ordinal AND q.status = 'PUBLISHED'
        ORDER BY q.ordinal ASC LIMIT 1)
    ) n
    WHERE p."publicId" = ${publicId}`;
  // Neighbours share the pair's conference, whose visibility the caller has already checked.
  const link = (direction: "previous" | "next") => {
    const row = rows.find((r) => r.direction === direction);
    return row ? { publicId: row.publicId, ordinal: row.ordinal, question: row.question ?? "" } : null;
  };
  return { previous: link("previous"), next: link("next") };
}

/** The speaker's name as the archive knows it, else the label printed in the source. */
export const turnSpeakerName = (turn: { kind?: string; speakerLabel: string | null; speaker: { name: string } | null }) =>
  turn.speaker?.name ?? turn.speakerLabel ?? (turn.kind === "QUESTION" ? "Unidentified journalist" : "Unidentified speaker");
