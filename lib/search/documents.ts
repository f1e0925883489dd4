import { isAnswererTurn } from "@/lib/archive/answerers";
import { db } from "@/lib/db/client";
import { questionForEmbedding } from "@/lib/embeddings/embedder";
import { EMBEDDER_NAME, activeEmbedder } from "@/lib/embeddings/runtime";
import { storedEmbed } from "@/lib/embeddings/stored-vectors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * One Meilisearch document per publicly visible question-and-answer pair. The answer text is
 * here once (answerText, the turns joined by a blank line); answerTurns says where each turn
 * ends, so hits show the turns without a second copy of the text (see hit-display.ts).
 */
export interface QaPairDocument {
  id: string;
  /** Internal QaPair.id: lets the worker delete the document of a pair whose row is gone. */
  pairId: number;
  publicId: string;
  sourceId: string | null;
  question: string;
  answerText: string;
  /** Each answer turn's speaker and length (UTF-16 units) within answerText. */
  answerTurns: { speaker: string | null; chars: number }[];
  /** Question or answer text was cut at MAX_INDEXED_WORDS: hits read the full text from Postgres. */
  truncated: boolean;
  answerSpeakers: string[];
  questioner: string | null;
  outlet: string | null;
  conferenceTitle: string;
  conferenceSlug: string;
  organizer: string | null;
  /** Unix seconds (UTC midnight of the conference day); null when the date is unknown. */
  date: number | null;
  year: number | null;
  /** "YYYY-MM", for the per-month histogram. */
  month: string | null;
  language: string;
  topics: string[];
  url: string;
  /** Latest change of the pair or its conference (unix ms): search:check finds stale documents with it. */
  updatedAt: number;
  /** Hybrid mode only: the pair's learned vector (lib/embeddings); null (opted out) when none of its words is known. */
  _vectors?: Record<string, number[] | null>;
}

/**
 * Gives each document its vector for Meilisearch's userProvided embedder, when a model is
 * active (hybrid mode), in one batch. The question alone, its first words: averaged over a
 * long answer, a vector says only what the topic is (bench/relevance tune half: question-only
 * vectors found twice the described pairs). Documents without a question (statements) and
 * texts the model cannot read (Chinese for the English sentence encoder) get null: Meilisearch
 * refuses a document without an entry for a userProvided embedder, and null opts it out.
 */
export async function withVectors<T extends { question: string; _vectors?: Record<string, number[] | null> }>(documents: T[]): Promise<T[]> {
  const model = await activeEmbedder();
  if (!model || documents.length === 0) return documents;
  const texts = documents.map((d) => (d.question ? questionForEmbedding(d.question) : ""));
  // Kept in Postgres (stored-vectors.ts): a reindex or rebuild of unchanged text does not run the model.
  const { vectors } = await storedEmbed(model, texts);
  documents.forEach((document, i) => {
    const vector = texts[i] ? vectors[i] : null;
    document._vectors = { [EMBEDDER_NAME]: indexedVector(vector) };
  });
  return documents;
}

/**
 * A vector as the document carries it to Meilisearch. Rounded to 6 decimals: 512 floats of 17
 * digits would triple the JSON sent per document. (Integers scaled by 1e6 would be serialised
 * 2.4× faster and a third smaller, and cosine does not see the scale, but every reader of the
 * stored vectors would then have to know it: not worth ~2.5 s of a 71k import.)
 */
export function indexedVector(vector: Float32Array | null): number[] | null {
  if (!vector) return null;
  const rounded = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) rounded[i] = Math.round(vector[i] * 1e6) / 1e6;
  return rounded;
}

// Meilisearch ignores every word past position 65,535 of an attribute, silently. Pairs are
// short, but a mis-split source can glue a whole transcript into one answer; indexing a
// truncated prefix on purpose beats losing the tail without knowing. Separators count as
// positions too (up to 8 for a sentence end), hence the wide margin.
export const MAX_INDEXED_WORDS = 6_000;

export function truncateWords(text: string, maxWords = MAX_INDEXED_WORDS): string {
  // Words are separated by at least one character, so a text this short cannot exceed the
  // limit; skips scanning nearly every pair (a bulk import builds 70k documents at once).
  if (text.length < maxWords * 2) return text;
  let count = 0;
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    count += 1;
    if (count > maxWords) return `${text.slice(0, match.index).trimEnd()} …`;
  }
  return text;
}

const pairSelect = {
  id: true,
  publicId: true,
  sourceId: true,
  status: true,
  updatedAt: true,
  questioner: { select: { name: true } },
  outlet: { select: { name: true } },
  topics: { select: { topic: { select: { name: true } } } },
  turns: {
    where: { kind: { in: ["QUESTION", "ANSWER"] } },
    orderBy: { position: "asc" },
    select: { kind: true, role: true, text: true, speakerLabel: true, speaker: { select: { name: true } } },
  },
  conference: { select: { title: true, slug: true, organizer: true, heldOn: true, language: true, status: true, updatedAt: true } },
} satisfies Prisma.QaPairSelect;

type PairRow = Prisma.QaPairGetPayload<{ select: typeof pairSelect }>;

export const visiblePairWhere = { status: "PUBLISHED", conference: { status: "PUBLISHED" } } satisfies Prisma.QaPairWhereInput;

export function isVisible(row: Pick<PairRow, "status"> & { conference: { status: string } }): boolean {
  return row.status === "PUBLISHED" && row.conference.status === "PUBLISHED";
}

/** The conference's day and language as every document of it carries them (filters, facets, sort). */
export function conferenceDayFields(conference: { heldOn: Date | null; language: string }): Pick<QaPairDocument, "date" | "year" | "month" | "language"> {
  const { heldOn } = conference;
  return {
    date: heldOn ? Math.floor(heldOn.getTime() / 1000) : null,
    year: heldOn ? heldOn.getUTCFullYear() : null,
    month: heldOn ? heldOn.toISOString().slice(0, 7) : null,
    language: conference.language.split("-")[0],
  };
}

export function toDocument(row: PairRow): QaPairDocument {
  const questionTurns = row.turns.filter((t) => t.kind === "QUESTION");
  const answers = row.turns.filter((t) => t.kind === "ANSWER").map((t) => ({ speaker: t.speaker?.name ?? t.speakerLabel ?? null, text: t.text, answerer: isAnswererTurn(t) }));
  const updatedAt = Math.max(row.updatedAt.getTime(), row.conference.updatedAt.getTime());
  const fullQuestion = questionTurns.map((t) => t.text).join("\n\n");
  const fullAnswer = answers.map((a) => a.text).join("\n\n");
  const question = truncateWords(fullQuestion);
  const answerText = truncateWords(fullAnswer);
  return {
    id: row.publicId,
    pairId: row.id,
    publicId: row.publicId,
    sourceId: row.sourceId,
    question,
    answerText,
    answerTurns: answers.map((a) => ({ speaker: a.speaker, chars: a.text.length })),
    truncated: question !== fullQuestion || answerText !== fullAnswer,
    answerSpeakers: [
      ...new Set(
        answers
          .filter((a) => a.answerer)
          .map((a) => a.speaker)
          .filter((s): s is string => Boolean(s)),
      ),
    ],
    questioner: row.questioner?.name ?? questionTurns[0]?.speakerLabel ?? null,
    outlet: row.outlet?.name ?? null,
    conferenceTitle: row.conference.title,
    conferenceSlug: row.conference.slug,
    organizer: row.conference.organizer,
    ...conferenceDayFields(row.conference),
    topics: row.topics.map((t) => t.topic.name),
    url: `/qa/${row.publicId}`,
    updatedAt,
  };
}

/**
 * Documents for the given pair ids, split into those to index and the ids (internal) to
 * remove because the pair is gone or no longer visible. A fixed number of queries per call.
 */
export async function documentsForPairs(pairIds: number[]): Promise<{ upserts: QaPairDocument[]; deletes: number[] }> {
  if (pairIds.length === 0) return { upserts: [], deletes: [] };
  const rows = await db().qaPair.findMany({ where: { id: { in: pairIds } }, select: pairSelect });
  const found = new Map(rows.map((row) => [row.id, row]));
  const upserts: QaPairDocument[] = [];
  const deletes: number[] = [];
  for (const id of pairIds) {
    const row = found.get(id);
    if (row && isVisible(row)) upserts.push(toDocument(row));
    else deletes.push(id);
  }
  return { upserts: await withVectors(upserts), deletes };
}

/** Every visible pair as documents, in id order, one batch at a time (for reindex and check). */
export async function* allVisibleDocuments(batchSize = 2000): AsyncGenerator<QaPairDocument[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db().qaPair.findMany({
      where: { ...visiblePairWhere, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: pairSelect,
    });
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].id;
    yield rows.map(toDocument);
  }
}

export async function countVisiblePairs(): Promise<number> {
  return db().qaPair.count({ where: visiblePairWhere });
}
