import { createHash } from "node:crypto";
import { z } from "zod";
import { counterpartSelect, pairCounterparts } from "@/lib/alignment/counterparts";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publicBaseUrl } from "@/lib/env";
import { archiveStamp } from "@/lib/rollups/rollups";
import { httpUrlOrNull } from "@/lib/urls/http-url";
import { findPublishedConference } from "./conference";
import { formatDate } from "./format";
import { conferencePath, qaPath } from "./paths";
import { questionText, turnSpeakerName } from "./qa";
import { visiblePairWhere } from "./visibility";

// JSON shapes of the read API (documented in lib/api/openapi-read.ts). One pair has the same
// shape in GET /qa/{publicId} and in each line of GET /export.jsonl.

const pairSelect = {
  id: true,
  publicId: true,
  ordinal: true,
  version: true,
  flags: true,
  sourceId: true,
  correctedAt: true,
  correctionNote: true,
  updatedAt: true,
  questioner: { select: { name: true, slug: true } },
  outlet: { select: { name: true, slug: true } },
  // In topic id order, as the export writes them (without an order, the plan decided).
  topics: { orderBy: { topicId: "asc" }, select: { topic: { select: { name: true, slug: true } } } },
  turns: { orderBy: { position: "asc" }, select: { kind: true, speakerLabel: true, role: true, text: true, speaker: { select: { name: true, slug: true } } } },
  conference: { select: { slug: true, title: true, heldOn: true, organizer: true, location: true, language: true, sourceUrl: true, updatedAt: true } },
  ...counterpartSelect,
} satisfies Prisma.QaPairSelect;

type PairRow = Prisma.QaPairGetPayload<{ select: typeof pairSelect }>;

export function pairJson(row: PairRow) {
  const base = publicBaseUrl();
  const question = questionText(row.turns);
  return {
    id: row.publicId,
    url: `${base}${qaPath(row.publicId, question)}`,
    ordinal: row.ordinal,
    question,
    questioner: row.questioner ? { name: row.questioner.name, slug: row.questioner.slug } : null,
    outlet: row.outlet ? { name: row.outlet.name, slug: row.outlet.slug } : null,
    answers: row.turns.filter((t) => t.kind === "ANSWER").map((t) => ({ speaker: turnSpeakerName(t), speakerSlug: t.speaker?.slug ?? null, role: t.role, text: t.text })),
    topics: row.topics.map((t) => t.topic.name),
    conference: {
      slug: row.conference.slug,
      title: row.conference.title,
      date: row.conference.heldOn ? formatDate(row.conference.heldOn, "iso") : null,
      organizer: row.conference.organizer,
      location: row.conference.location,
      language: row.conference.language,
      sourceUrl: httpUrlOrNull(row.conference.sourceUrl),
      url: `${base}${conferencePath(row.conference.slug)}`,
    },
    sourceId: row.sourceId,
    // The same exchange in the briefing's other-language versions (lib/alignment); [] when none.
    counterparts: pairCounterparts(row).map((c) => ({
      id: c.publicId,
      sourceId: c.sourceId,
      language: c.language,
      url: `${base}${qaPath(c.publicId, questionText(c.turns))}`,
      confidence: c.confidence,
      confirmed: c.confirmed,
    })),
    flags: row.flags,
    version: row.version,
    correctedAt: row.correctedAt?.toISOString() ?? null,
    correctionNote: row.correctionNote,
    // A pair changes when it or its conference does (a retitled conference changes every line).
    updatedAt: (row.updatedAt > row.conference.updatedAt ? row.updatedAt : row.conference.updatedAt).toISOString(),
  };
}

export type PairJson = ReturnType<typeof pairJson>;

export async function pairJsonByPublicId(publicId: string): Promise<PairJson | null> {
  const row = await db().qaPair.findFirst({ where: { ...visiblePairWhere, publicId }, select: pairSelect });
  return row ? pairJson(row) : null;
}

export async function conferenceJson(slug: string) {
  const conference = await findPublishedConference(slug);
  if (!conference) return null;
  const base = publicBaseUrl();
  return {
    slug: conference.slug,
    url: `${base}${conferencePath(conference.slug)}`,
    title: conference.title,
    date: conference.heldOn ? formatDate(conference.heldOn, "iso") : null,
    organizer: conference.organizer,
    location: conference.location,
    language: conference.language,
    source: {
      url: httpUrlOrNull(conference.sourceUrl),
      name: conference.sourceName,
      retrievedAt: conference.retrievedAt?.toISOString() ?? null,
      importedAt: conference.createdAt.toISOString(),
      sha256: conference.sourceSha256,
    },
    translation: conference.translation ? { slug: conference.translation.slug, language: conference.translation.language, title: conference.translation.title } : null,
    participants: conference.participants.map((p) => ({ name: p.speaker.name, slug: p.speaker.slug, role: p.role })),
    correctedAt: conference.correctedAt?.toISOString() ?? null,
    correctionNote: conference.correctionNote,
    updatedAt: conference.updatedAt.toISOString(),
    transcript: conference.transcript.map((block) =>
      block.kind === "statement"
        ? { kind: "statement" as const, speaker: turnSpeakerName(block.turn), role: block.turn.role, text: block.turn.text }
        : {
            kind: "pair" as const,
            id: block.pair.publicId,
            number: block.number,
            url: `${base}${qaPath(block.pair.publicId, questionText(block.turns))}`,
            outlet: block.pair.outlet?.name ?? null,
            turns: block.turns.map((t) => ({ kind: t.kind, speaker: turnSpeakerName(t), role: t.role, text: t.text })),
          },
    ),
  };
}

export const exportQuerySchema = z.object({
  updated_since: z
    .string({ error: "updated_since must be an ISO 8601 date-time" })
    .datetime({ offset: true, message: "updated_since must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z" })
    .optional(),
});

/**
 * Fingerprint of an export without reading the pairs: the archive's stamp (lib/rollups: newest
 * change and highest id of pairs, conferences, people, outlets and topics), the other-language
 * links (their newest change and number: a removed link moves only the number), and the filter.
 * Counting the visible pairs instead took a second at a million pairs before the first byte.
 */
export async function exportFingerprint(updatedSince: Date | null): Promise<string> {
  const [stamp, [links]] = await Promise.all([
    archiveStamp(),
    db().$queryRaw<{ newest: Date | null; n: number }[]>`SELECT max("updatedAt") AS newest, count(*)::int AS n FROM "PairCounterpart"`,
  ]);
  const key = `${stamp}|${links.newest?.toISOString() ?? ""}|${links.n}|${updatedSince?.toISOString() ?? ""}`;
  return `"x-${createHash("sha1").update(key).digest("base64url")}"`;
}
