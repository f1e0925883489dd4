import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Reading links for readers and the API. A link is stored once (smaller id first), so a pair's
// counterparts are the other ends of its rows on both sides. Only LINKED rows whose other end
// is publicly visible are shown; suggestions and removed links stay in the editor.

const visible = { status: "PUBLISHED", conference: { status: "PUBLISHED" } } satisfies Prisma.QaPairWhereInput;

const otherEnd = {
  publicId: true,
  sourceId: true,
  conference: { select: { language: true } },
  turns: { where: { kind: "QUESTION" }, orderBy: { position: "asc" }, select: { kind: true, text: true } },
} satisfies Prisma.QaPairSelect;

/** Add to a QaPair select: what pairCounterparts() needs, fetched with the pair itself. */
export const counterpartSelect = {
  counterpartsAsFirst: {
    where: { status: "LINKED", counterpart: visible },
    select: { confidence: true, confirmed: true, counterpart: { select: otherEnd } },
    orderBy: { counterpartId: "asc" },
  },
  counterpartsAsSecond: {
    where: { status: "LINKED", pair: visible },
    select: { confidence: true, confirmed: true, pair: { select: otherEnd } },
    orderBy: { pairId: "asc" },
  },
} satisfies Prisma.QaPairSelect;

type CounterpartRows = Prisma.QaPairGetPayload<{ select: typeof counterpartSelect }>;

export interface PairCounterpart {
  publicId: string;
  sourceId: string | null;
  language: string;
  /** The counterpart's question turns, for its address and a side-by-side view. */
  turns: { kind: string; text: string }[];
  confidence: number;
  confirmed: boolean;
}

export function pairCounterparts(row: CounterpartRows): PairCounterpart[] {
  const pick = (confidence: number, confirmed: boolean, end: Prisma.QaPairGetPayload<{ select: typeof otherEnd }>): PairCounterpart => ({
    publicId: end.publicId,
    sourceId: end.sourceId,
    language: end.conference.language,
    turns: end.turns,
    confidence,
    confirmed,
  });
  return [...row.counterpartsAsFirst.map((l) => pick(l.confidence, l.confirmed, l.counterpart)), ...row.counterpartsAsSecond.map((l) => pick(l.confidence, l.confirmed, l.pair))];
}

/** Every pair link of a pair for the editor, including removed ones, newest decisions first. */
export async function pairLinksForEditor(pairId: number) {
  const rows = await db().pairCounterpart.findMany({
    where: { OR: [{ pairId }, { counterpartId: pairId }] },
    orderBy: { updatedAt: "desc" },
    select: {
      status: true,
      confidence: true,
      confirmed: true,
      method: true,
      pairId: true,
      pair: {
        select: { publicId: true, conference: { select: { language: true } }, turns: { where: { kind: "QUESTION" }, orderBy: { position: "asc" }, select: { text: true } } },
      },
      counterpart: {
        select: { publicId: true, conference: { select: { language: true } }, turns: { where: { kind: "QUESTION" }, orderBy: { position: "asc" }, select: { text: true } } },
      },
    },
  });
  return rows.map((r) => {
    const other = r.pairId === pairId ? r.counterpart : r.pair;
    return {
      publicId: other.publicId,
      language: other.conference.language,
      question: other.turns.map((t) => t.text).join("\n"),
      status: r.status,
      confidence: r.confidence,
      confirmed: r.confirmed,
      method: r.method,
    };
  });
}

/** The other-language versions of a conference an editor or the aligner linked (published ones only). */
export async function conferenceCounterparts(conferenceId: number): Promise<{ slug: string; title: string; language: string; confirmed: boolean }[]> {
  const published = { status: "PUBLISHED" } satisfies Prisma.ConferenceWhereInput;
  const select = { slug: true, title: true, language: true } as const;
  const rows = await db().conferenceCounterpart.findMany({
    where: {
      status: "LINKED",
      OR: [
        { conferenceId, counterpart: published },
        { counterpartId: conferenceId, conference: published },
      ],
    },
    select: { confirmed: true, conferenceId: true, conference: { select }, counterpart: { select } },
  });
  return rows.map((r) => ({ ...(r.conferenceId === conferenceId ? r.counterpart : r.conference), confirmed: r.confirmed }));
}

/** A pair's visible counterparts with their full turns: the reader's switch and side-by-side view. */
export async function readerCounterparts(pairId: number) {
  const turns = {
    orderBy: { position: "asc" },
    select: { id: true, kind: true, text: true, role: true, speakerLabel: true, speaker: { select: { name: true, slug: true } } },
  } as const;
  const end = { select: { publicId: true, conference: { select: { language: true, title: true } }, turns } } as const;
  const rows = await db().pairCounterpart.findMany({
    where: {
      status: "LINKED",
      OR: [
        { pairId, counterpart: visible },
        { counterpartId: pairId, pair: visible },
      ],
    },
    orderBy: { id: "asc" },
    select: { pairId: true, confidence: true, confirmed: true, pair: end, counterpart: end },
  });
  return rows.map((r) => {
    const other = r.pairId === pairId ? r.counterpart : r.pair;
    return {
      publicId: other.publicId,
      language: other.conference.language,
      conferenceTitle: other.conference.title,
      turns: other.turns,
      confidence: r.confidence,
      confirmed: r.confirmed,
    };
  });
}

export type ReaderCounterpart = Awaited<ReturnType<typeof readerCounterparts>>[number];

/** The link text beside an answer: the Chinese original, or the English version. */
export function counterpartLabel(language: string): string {
  if (language === "en" || language.startsWith("en-")) return "English";
  if (language.startsWith("zh")) return "原文 / Original";
  return `Original (${language})`;
}
