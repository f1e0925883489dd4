import { db } from "@/lib/db/client";
import { conferenceContextSelect } from "./conference-select";
import { visiblePairWhere } from "./visibility";

/** A published conference without its transcript: enough for metadata, links and redirects. */
export async function findPublishedConferenceHeader(slug: string) {
  const conference = await db().conference.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      ...conferenceContextSelect,
      sourceSha256: true,
      updatedAt: true,
      correctedAt: true,
      correctionNote: true,
      translationOf: { select: { slug: true, title: true, language: true, status: true } },
      translations: { where: { status: "PUBLISHED" }, select: { slug: true, title: true, language: true, status: true } },
      // Versions in other languages the aligner or an editor linked (lib/alignment).
      counterpartsAsFirst: {
        where: { status: "LINKED", counterpart: { status: "PUBLISHED" } },
        select: { counterpart: { select: { slug: true, title: true, language: true, status: true } } },
      },
      counterpartsAsSecond: {
        where: { status: "LINKED", conference: { status: "PUBLISHED" } },
        select: { conference: { select: { slug: true, title: true, language: true, status: true } } },
      },
      participants: {
        select: { role: true, speaker: { select: { name: true, slug: true, title: true, organization: true } } },
      },
    },
  });
  if (!conference) return null;
  // An editor's manifest link first, then one found by alignment.
  const aligned = [...conference.counterpartsAsFirst.map((l) => l.counterpart), ...conference.counterpartsAsSecond.map((l) => l.conference)];
  const translation = [conference.translationOf, ...conference.translations, ...aligned].find((t) => t && t.status === "PUBLISHED") ?? null;
  return { ...conference, translation };
}

export type ConferenceHeader = NonNullable<Awaited<ReturnType<typeof findPublishedConferenceHeader>>>;

export async function findPublishedConference(slug: string) {
  const conference = await findPublishedConferenceHeader(slug);
  return conference ? withTranscript(conference) : null;
}

/** The header plus the whole transcript in spoken order (hundreds of turns for a long briefing). */
export async function withTranscript(conference: ConferenceHeader) {
  const [turns, pairs] = await Promise.all([
    db().turn.findMany({
      where: { conferenceId: conference.id },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, qaPairId: true, speakerLabel: true, role: true, text: true, speaker: { select: { name: true, slug: true } } },
    }),
    db().qaPair.findMany({
      where: { conferenceId: conference.id },
      orderBy: { ordinal: "asc" },
      select: { id: true, publicId: true, ordinal: true, status: true, outlet: { select: { name: true, slug: true } } },
    }),
  ]);
  return { ...conference, transcript: groupTranscript(turns, pairs) };
}

export type ConferencePage = NonNullable<Awaited<ReturnType<typeof findPublishedConference>>>;

type TurnRow = {
  id: number;
  kind: string;
  qaPairId: number | null;
  speakerLabel: string | null;
  role: string | null;
  text: string;
  speaker: { name: string; slug: string } | null;
};
type PairRow = { id: number; publicId: string; ordinal: number; status: string; outlet: { name: string; slug: string } | null };

export type TranscriptBlock = { kind: "statement"; turn: TurnRow } | { kind: "pair"; pair: PairRow; number: number; turns: TurnRow[] };

/**
 * Turns in position order, with each pair's turns gathered into one numbered block. Withdrawn
 * pairs are left out of the public transcript; numbering follows what readers see.
 */
export function groupTranscript(turns: TurnRow[], pairs: PairRow[]): TranscriptBlock[] {
  const pairById = new Map(pairs.map((p) => [p.id, p]));
  const blocks: TranscriptBlock[] = [];
  const blockByPair = new Map<number, Extract<TranscriptBlock, { kind: "pair" }>>();
  let number = 0;
  for (const turn of turns) {
    if (turn.qaPairId === null) {
      blocks.push({ kind: "statement", turn });
      continue;
    }
    const pair = pairById.get(turn.qaPairId);
    if (!pair || pair.status !== "PUBLISHED") continue;
    let block = blockByPair.get(pair.id);
    if (!block) {
      block = { kind: "pair", pair, number: ++number, turns: [] };
      blockByPair.set(pair.id, block);
      blocks.push(block);
    }
    block.turns.push(turn);
  }
  return blocks;
}

export interface ConferenceListOptions {
  organizer?: string;
  year?: number;
  language?: string;
  page?: number;
  limit?: number;
}

export async function listConferences({ organizer, year, language, page = 1, limit = 50 }: ConferenceListOptions) {
  const where = {
    status: "PUBLISHED" as const,
    ...(organizer ? { organizer } : {}),
    ...(language ? { language } : {}),
    ...(year ? { heldOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().conference.count({ where }),
    db().conference.findMany({
      where,
      orderBy: [{ heldOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      skip: (page - 1) * limit,
      take: limit,
      select: {
        id: true,
        slug: true,
        title: true,
        heldOn: true,
        organizer: true,
        location: true,
        language: true,
        updatedAt: true,
      },
    }),
  ]);
  return { total, page, limit, items: await withPublishedPairCounts(rows) };
}

/**
 * Each listed conference with its number of published pairs, counted for those conferences
 * only. Prisma's `_count` in the listing query grouped every pair of the archive first and
 * joined afterwards: 2 s per conference index page or feed at a million pairs.
 */
export async function withPublishedPairCounts<T extends { id: number }>(conferences: T[]): Promise<(T & { _count: { pairs: number } })[]> {
  const rows = conferences.length
    ? await db().qaPair.groupBy({ by: ["conferenceId"], where: { conferenceId: { in: conferences.map((c) => c.id) }, status: "PUBLISHED" }, _count: { _all: true } })
    : [];
  const counts = new Map(rows.map((r) => [r.conferenceId, r._count._all]));
  return conferences.map((c) => ({ ...c, _count: { pairs: counts.get(c.id) ?? 0 } }));
}

/** Organizers and years that have published conferences, for the index page's filter form. */
export async function conferenceFacets() {
  const [organizers, years] = await Promise.all([
    db().conference.groupBy({ by: ["organizer"], where: { status: "PUBLISHED", organizer: { not: null } }, _count: { _all: true }, orderBy: { organizer: "asc" } }),
    db().$queryRaw<{ year: number; count: bigint }[]>`
      SELECT EXTRACT(YEAR FROM "heldOn")::int AS year, COUNT(*) AS count
      FROM "Conference" WHERE status = 'PUBLISHED' AND "heldOn" IS NOT NULL
      GROUP BY 1 ORDER BY 1 DESC`,
  ]);
  return {
    organizers: organizers.map((o) => ({ name: o.organizer as string, count: o._count._all })),
    years: years.map((y) => ({ year: y.year, count: Number(y.count) })),
  };
}

export { visiblePairWhere };
