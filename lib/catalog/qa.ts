import { db } from "@/lib/db/client";
import { isPublicId } from "@/lib/archive/ids";
import { visiblePairWhere } from "./visibility";

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
        select: {
          id: true,
          slug: true,
          title: true,
          heldOn: true,
          organizer: true,
          location: true,
          language: true,
          sourceUrl: true,
          sourceName: true,
          retrievedAt: true,
          status: true,
          statusReason: true,
          publishedAt: true,
        },
      },
    },
  });
}

export type QaPairRecord = NonNullable<Awaited<ReturnType<typeof loadPair>>>;
export type QaTurn = QaPairRecord["turns"][number];

export type QaLookup =
  | { state: "visible"; pair: QaPairRecord; question: string; previous: PairLink | null; next: PairLink | null }
  | { state: "gone"; publicId: string; question: string; conferenceTitle: string; reason: string }
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
  const pair = await loadPair(id);
  if (!pair) return { state: "missing" };
  const question = questionText(pair.turns);
  const conferenceVisible = pair.conference.status === "PUBLISHED";
  if (pair.status !== "PUBLISHED" || !conferenceVisible) {
    // A conference that was never published (a draft) never had public links: 404, not 410.
    if (pair.conference.status === "DRAFT") return { state: "missing" };
    const reason = pair.status !== "PUBLISHED" ? pair.statusReason : pair.conference.statusReason;
    return {
      state: "gone",
      publicId: pair.publicId,
      question,
      conferenceTitle: pair.conference.title,
      reason: reason || (pair.status === "DELETED" || pair.conference.status === "DELETED" ? "Removed from the archive." : "Withdrawn from publication."),
    };
  }
  const [previous, next] = await Promise.all([neighbour(pair.conference.id, pair.ordinal, "previous"), neighbour(pair.conference.id, pair.ordinal, "next")]);
  return { state: "visible", pair, question, previous, next };
}

export function questionText(turns: { kind: string; text: string }[]): string {
  return turns.filter((t) => t.kind === "QUESTION").map((t) => t.text).join("\n\n");
}

async function neighbour(conferenceId: number, ordinal: number, direction: "previous" | "next"): Promise<PairLink | null> {
  const row = await db().qaPair.findFirst({
    where: { ...visiblePairWhere, conferenceId, ordinal: direction === "previous" ? { lt: ordinal } : { gt: ordinal } },
    orderBy: { ordinal: direction === "previous" ? "desc" : "asc" },
    select: { publicId: true, ordinal: true, turns: { where: { kind: "QUESTION" }, select: { kind: true, text: true }, orderBy: { position: "asc" } } },
  });
  return row ? { publicId: row.publicId, ordinal: row.ordinal, question: questionText(row.turns) } : null;
}

/** The speaker's name as the archive knows it, else the label printed in the source. */
export const turnSpeakerName = (turn: { kind?: string; speakerLabel: string | null; speaker: { name: string } | null }) =>
  turn.speaker?.name ?? turn.speakerLabel ?? (turn.kind === "QUESTION" ? "Unidentified journalist" : "Unidentified speaker");
