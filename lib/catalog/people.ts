import { db } from "@/lib/db/client";
import { Prisma, type ParticipantRole } from "@/lib/generated/prisma/client";
import { freshRollups, keptCount } from "@/lib/rollups/rollups";
import type { ListPosition } from "./pair-cursor";
import { listPairs } from "./pair-list";

/** A current person by slug; a merged one is reached only through its redirect. */
export async function findSpeaker(slug: string) {
  return db().speaker.findFirst({
    where: { slug, mergedIntoId: null },
    select: { id: true, name: true, slug: true, title: true, organization: true, aliases: { select: { label: true }, orderBy: { label: "asc" } } },
  });
}

/** The labels a person or outlet was printed as, other than its own name, for "also printed as". */
export function otherLabels(name: string, aliases: { label: string }[]): string[] {
  return [...new Set(aliases.map((a) => a.label))].filter((label) => label !== name);
}

/** Pairs in which the speaker gave at least one answer turn. */
export const answeredBy = (speakerId: number) => ({ turns: { some: { kind: "ANSWER" as const, speakerId } } });

export async function speakerAnswers(speakerId: number, position: ListPosition) {
  // The walk goes through the conferences the person took part in, newest first, and in each
  // through the pairs with an answer turn of theirs (lib/catalog/pair-candidates.ts).
  const walk = {
    conferenceIds: Prisma.sql`SELECT "conferenceId" FROM "ConferenceParticipant" WHERE "speakerId" = ${speakerId}`,
    pairMatches: Prisma.sql`EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = q.id AND t.kind = 'ANSWER' AND t."speakerId" = ${speakerId})`,
  };
  return listPairs(answeredBy(speakerId), position, { total: await keptCount("SpeakerAnswerCount", speakerId), walk });
}

/** Answers per year for the small chart, counted on visible pairs only (kept counts, lib/rollups). */
export async function speakerAnswersPerYear(speakerId: number) {
  await freshRollups();
  const rows = await db().$queryRaw<{ year: number; count: number }[]>`
    SELECT year, answers AS count FROM "SpeakerAnswerYear" WHERE "speakerId" = ${speakerId} ORDER BY year`;
  return rows.map((r) => ({ year: r.year, count: r.count }));
}

/** The topics of the person's answers, most frequent first (kept counts, lib/rollups). */
export async function speakerTopics(speakerId: number, limit = 30) {
  await freshRollups();
  const rows = await db().$queryRaw<{ name: string; slug: string; count: number }[]>`
    SELECT tp.name, tp.slug, k.pairs AS count FROM "SpeakerTopicCount" k JOIN "Topic" tp ON tp.id = k."topicId"
    WHERE k."speakerId" = ${speakerId} ORDER BY k.pairs DESC, tp.name LIMIT ${limit}`;
  return rows.map((r) => ({ name: r.name, slug: r.slug, count: r.count }));
}

/**
 * The speaker's most recent conferences and how many there are in all. Bounded: a press
 * secretary takes part in hundreds, and listing every one made her page hundreds of KB.
 * One statement that starts from the person's own participations and looks each conference up
 * by id (LIMIT 1 keeps the lookup a nested loop): Prisma's count and listing let the planner
 * hash or walk every published conference, 11 + 25 ms for the busiest person at a million
 * pairs on a quiet machine, against about 2 ms (EXPLAIN ANALYZE in the issue 14 note).
 */
export async function speakerConferences(speakerId: number, limit = SPEAKER_CONFERENCES_SHOWN) {
  const rows = await db().$queryRaw<{ role: ParticipantRole; slug: string; title: string; heldOn: Date | null; language: string; total: number }[]>`
    SELECT k.role::text AS role, c.slug, c.title, c."heldOn", c.language, (count(*) OVER ())::int AS total
      FROM "ConferenceParticipant" k
      CROSS JOIN LATERAL (SELECT c.id, c.slug, c.title, c."heldOn", c.language FROM "Conference" c WHERE c.id = k."conferenceId" AND c.status = 'PUBLISHED' LIMIT 1) c
     WHERE k."speakerId" = ${speakerId}
     ORDER BY c."heldOn" DESC NULLS LAST, c.id DESC
     LIMIT ${limit}`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({ role: r.role, conference: { slug: r.slug, title: r.title, heldOn: r.heldOn, language: r.language } })),
  };
}

export const SPEAKER_CONFERENCES_SHOWN = 30;

/** People index: everyone who answered at least once in a published conference, busiest first (kept counts, lib/rollups). */
export async function listSpeakers(page: number, limit = 100) {
  await freshRollups();
  const offset = (page - 1) * limit;
  const [rows, total] = await Promise.all([
    db().$queryRaw<{ name: string; slug: string; answers: number }[]>`
      SELECT s.name, s.slug, k.answers FROM "SpeakerAnswerCount" k JOIN "Speaker" s ON s.id = k."speakerId"
      ORDER BY k.answers DESC, s.name LIMIT ${limit} OFFSET ${offset}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SpeakerAnswerCount"`,
  ]);
  return { total: total[0].n, items: rows.map((r) => ({ name: r.name, slug: r.slug, answers: r.answers })) };
}
