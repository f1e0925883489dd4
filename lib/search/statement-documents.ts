import type { Index } from "meilisearch";
import { statementPath } from "@/lib/catalog/paths";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { waitForSuccess } from "./client";
import { conferenceDayFields, truncateWords, withVectors, type QaPairDocument } from "./documents";

/**
 * An opening or closing statement (a turn outside any pair) as a search document. It has the
 * pair document's shape, so hits, facets and ranking treat both alike: the statement is the
 * "answer" text, with no question and no asker. `kind` tells them apart (filter `kind=`).
 */
export interface StatementDocument extends Omit<QaPairDocument, "pairId"> {
  kind: "statement";
  /** Statements have no pair: the pair deletes (`pairId IN [...]`) never touch them. */
  pairId: null;
  /** Which conference's statements this is: the worker replaces them per conference. */
  conferenceId: number;
  turnId: number;
}

export const STATEMENT_ID_PREFIX = "statement-";

const statementSelect = {
  id: true,
  text: true,
  speakerLabel: true,
  speaker: { select: { name: true } },
  conference: { select: { id: true, title: true, slug: true, organizer: true, heldOn: true, language: true, updatedAt: true } },
} satisfies Prisma.TurnSelect;

type StatementRow = Prisma.TurnGetPayload<{ select: typeof statementSelect }>;

const visibleStatementWhere = { kind: "STATEMENT", qaPairId: null, conference: { status: "PUBLISHED" } } satisfies Prisma.TurnWhereInput;

export function toStatementDocument(row: StatementRow): StatementDocument {
  const speaker = row.speaker?.name ?? row.speakerLabel ?? null;
  // A cut statement keeps its marked prefix as its whole displayed text: unlike a pair, there
  // is no Postgres fallback for hits, and its permalink shows the full text anyway.
  const text = truncateWords(row.text);
  const id = `${STATEMENT_ID_PREFIX}${row.id}`;
  return {
    kind: "statement",
    id,
    pairId: null,
    conferenceId: row.conference.id,
    turnId: row.id,
    publicId: id,
    sourceId: null,
    question: "",
    answerText: text,
    answerTurns: [{ speaker, chars: text.length }],
    truncated: false,
    answerSpeakers: speaker ? [speaker] : [],
    questioner: null,
    outlet: null,
    conferenceTitle: row.conference.title,
    conferenceSlug: row.conference.slug,
    organizer: row.conference.organizer,
    ...conferenceDayFields(row.conference),
    topics: [],
    url: statementPath(row.conference.slug, row.id),
    // Turns carry no timestamp; every transcript edit bumps the conference's.
    updatedAt: row.conference.updatedAt.getTime(),
  };
}

/** The statement documents of these conferences that are publicly visible now. */
export async function statementDocumentsFor(conferenceIds: number[]): Promise<StatementDocument[]> {
  if (conferenceIds.length === 0) return [];
  const rows = await db().turn.findMany({
    where: { ...visibleStatementWhere, conferenceId: { in: conferenceIds } },
    orderBy: { id: "asc" },
    select: statementSelect,
  });
  return rows.map(toStatementDocument);
}

/** Every visible statement as documents, in turn id order (for reindex and check). */
export async function* allVisibleStatementDocuments(batchSize = 2000): AsyncGenerator<StatementDocument[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db().turn.findMany({ where: { ...visibleStatementWhere, id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize, select: statementSelect });
    if (rows.length === 0) return;
    afterId = rows[rows.length - 1].id;
    yield rows.map(toStatementDocument);
  }
}

export async function countVisibleStatements(): Promise<number> {
  return db().turn.count({ where: visibleStatementWhere });
}

/**
 * Brings the index's statements of these conferences in line with Postgres: current ones are
 * (re)sent, and any statement document of theirs not among them (deleted, merged into a
 * pair, conference unpublished) is removed. Returns how many documents were sent.
 */
export async function syncConferenceStatements(index: Index, conferenceIds: number[]): Promise<{ upserts: number; deletes: number }> {
  if (conferenceIds.length === 0) return { upserts: 0, deletes: 0 };
  const documents = await statementDocumentsFor(conferenceIds);
  const current = new Set(documents.map((d) => d.id));
  const indexed: string[] = [];
  const limit = 1000;
  for (let offset = 0; ; offset += limit) {
    const page = await index.getDocuments<{ id: string }>({ fields: ["id"], filter: `kind = "statement" AND conferenceId IN [${conferenceIds.join(", ")}]`, limit, offset });
    indexed.push(...page.results.map((d) => d.id));
    if (page.results.length < limit) break;
  }
  const gone = indexed.filter((id) => !current.has(id));
  if (documents.length) {
    const task = await index.addDocuments(await withVectors(documents), { primaryKey: "id" });
    await waitForSuccess(task.taskUid, `add ${documents.length} statement documents`);
  }
  if (gone.length) {
    const task = await index.deleteDocuments(gone);
    await waitForSuccess(task.taskUid, `delete ${gone.length} statement documents`);
  }
  return { upserts: documents.length, deletes: gone.length };
}
