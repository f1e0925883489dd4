import { db } from "@/lib/db/client";
import { SpellingVocabulary, countWords } from "./spelling-vocabulary";

// The spelling vocabulary of this process: read once from Postgres (the texts the index holds:
// the question and answer turns of visible pairs, statements, and the names of speakers and outlets), kept
// in memory, rebuilt in the background after the index changed (the outbox worker and reindex
// say so) and at least hourly (a worker in another process cannot tell this one). Queries keep
// using the previous vocabulary while a new one is built.

const BATCH = 5_000;
/** A change to the index is picked up at most this often (a rebuild reads every visible text). */
const MIN_REBUILD_MS = 60_000;
const MAX_AGE_MS = 60 * 60_000;

let current: { vocabulary: SpellingVocabulary; builtAt: number } | null = null;
let building: Promise<SpellingVocabulary> | null = null;
let changedSince = false;

/** The index changed (documents added, updated or deleted): rebuild before long. */
export function spellingVocabularyChanged(): void {
  changedSince = true;
}

/**
 * The current vocabulary. The first call of a process waits for it to be built (seconds, once;
 * instrumentation.ts starts it at server start); later calls never wait.
 */
export async function archiveVocabulary(): Promise<SpellingVocabulary> {
  if (current) {
    const age = Date.now() - current.builtAt;
    if (!building && ((changedSince && age > MIN_REBUILD_MS) || age > MAX_AGE_MS)) {
      rebuild().catch((error: Error) => console.warn(`[search] spelling vocabulary not rebuilt: ${error.message}`));
    }
    return current.vocabulary;
  }
  return rebuild();
}

function rebuild(): Promise<SpellingVocabulary> {
  building ??= (async () => {
    changedSince = false;
    const startedAt = Date.now();
    try {
      const vocabulary = await readVocabulary();
      current = { vocabulary, builtAt: startedAt };
      return vocabulary;
    } finally {
      building = null;
    }
  })();
  return building;
}

/**
 * Every searchable turn, in batches by id, counted per turn: questions and answers of visible
 * pairs, and statements outside pairs (they are search hits of their own, so a word said only in
 * an opening statement is a real word, not a typo).
 */
export async function readVocabulary(): Promise<SpellingVocabulary> {
  const counts = new Map<string, number>();
  for (let after = 0; ;) {
    const rows = await db().$queryRaw<{ id: number; text: string }[]>`
      SELECT t.id, t.text FROM "Turn" t
      JOIN "Conference" c ON c.id = t."conferenceId"
      LEFT JOIN "QaPair" p ON p.id = t."qaPairId"
      WHERE t.id > ${after} AND c.status = 'PUBLISHED'
        AND ((t.kind IN ('QUESTION', 'ANSWER') AND p.status = 'PUBLISHED') OR (t.kind = 'STATEMENT' AND t."qaPairId" IS NULL))
      ORDER BY t.id LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    for (const row of rows) countWords(counts, row.text);
    after = rows[rows.length - 1].id;
  }
  const names = await db().$queryRaw<{ name: string }[]>`
    SELECT name FROM "Speaker" WHERE "mergedIntoId" IS NULL
    UNION SELECT name FROM "Outlet" WHERE "mergedIntoId" IS NULL`;
  return new SpellingVocabulary(
    counts,
    names.map((row) => row.name),
  );
}
