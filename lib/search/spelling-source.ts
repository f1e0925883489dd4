import { db } from "@/lib/db/client";
import { vocabularyLookups, type WordFacts } from "./spelling";
import { MIN_TARGET_FREQUENCY, SpellingVocabulary, countWords, deletionsOf, vocabularyWords } from "./spelling-vocabulary";

// The spelling vocabulary, kept in Postgres ("SpellingWord", migration 20261210400000) and
// shared by every process: each word of the texts the index holds (question and answer turns of
// visible pairs, statements, the names of speakers and outlets) with the number of texts holding
// it, and the deletion keys of the words a correction may lead to. A query reads only the rows its
// words can reach (a few dozen) and corrects itself against those. Each web process used to
// build the whole vocabulary from every turn in memory at start-up and again after each index
// change (45 MB of heap at 71k pairs, two copies during a rebuild), the largest part of what
// the app held before serving anything.
//
// Rebuilt by the process that changed the index (the outbox worker and reindex say so, at most
// once a minute), by the bulk importer when it finishes, and by the first query when it was
// never built. Queries keep reading the previous rows while a rebuild writes (one transaction).

const BATCH = 5_000;
/** A change to the index is picked up at most this often (a rebuild reads every visible text). */
const MIN_REBUILD_MS = 60_000;
/** Any lock number will do, as long as nothing else in the app uses it. */
const REBUILD_LOCK = 7_140_015;

let known = false;
let building: Promise<void> | null = null;
/** When this process last started a rebuild: the throttle below (other processes are read from the table). */
let ownLastBuildStartedAt = 0;
let scheduled: NodeJS.Timeout | null = null;
let firstChangeAt = 0;

/** The index changed (documents added, updated or deleted): rebuild the words before long. */
export function spellingVocabularyChanged(): void {
  if (scheduled) return;
  firstChangeAt = Date.now();
  const wait = Math.max(0, ownLastBuildStartedAt + MIN_REBUILD_MS - Date.now());
  scheduled = setTimeout(() => {
    scheduled = null;
    rebuildUnlessCovered(firstChangeAt).catch((error: Error) => console.warn(`[search] spelling vocabulary not rebuilt: ${error.message}`));
  }, wait);
  scheduled.unref();
}

/** A rebuild that started (in any process) after the change covers it: each rebuild reads every turn. */
async function rebuildUnlessCovered(changedAt: number): Promise<void> {
  const builtAt = await anyLastBuildStartedAt();
  if (builtAt !== null && builtAt > changedAt) return;
  await rebuildSpellingWords();
}

/** When the last rebuild (by any process) started, or null if the words were never built. */
async function anyLastBuildStartedAt(): Promise<number | null> {
  const [row] = await db().$queryRaw<{ builtAt: Date }[]>`SELECT "builtAt" FROM "SpellingVocabularyBuild" WHERE id = 1`;
  return row ? row.builtAt.getTime() : null;
}

/** Builds the words once if they never were (a fresh archive, an import older than the table). */
export async function ensureSpellingWords(): Promise<void> {
  if (known) return;
  if ((await anyLastBuildStartedAt()) !== null) known = true;
  else await rebuildSpellingWords();
}

/**
 * The part of the vocabulary that correcting `q` can read: every row its words, their halves
 * and their deletion keys reach. correctQuery gives the same answer with it as with the whole.
 */
export async function vocabularyFor(q: string): Promise<SpellingVocabulary> {
  const cached = recent.get(q);
  if (cached && Date.now() - cached.at < RECENT_MS) return vocabularyOf(cached.rows);
  const { words, deletionKeys } = vocabularyLookups(q);
  if (words.length === 0) return new SpellingVocabulary(new Map(), []);
  await ensureSpellingWords();
  const rows = await readRows(words, deletionKeys);
  rememberWords(rows);
  recent.delete(q);
  recent.set(q, { rows, at: Date.now() });
  if (recent.size > RECENT_QUERIES) recent.delete(recent.keys().next().value!);
  return vocabularyOf(rows);
}

// The rows of recent queries (a few kB each): a query typed again, or paged through, costs no
// round trip. A rebuild in another process shows here within RECENT_MS, as the old per-process
// vocabulary showed changes only after its once-a-minute rebuild.
const RECENT_QUERIES = 500;
const RECENT_MS = 60_000;
const recent = new Map<string, { rows: WordRow[]; at: number }>();

// What the rows read said of each word, for spelling-search.ts to skip the read when every word
// of a query is known and common (surelyAsTyped). New texts only add to a word's count, so a
// word known here stays known until pairs are deleted; the price of a stale entry is a rare
// word's correction missed for a few minutes, hence the longer life than the rows' above.
const KNOWN_WORDS = 50_000;
const KNOWN_MS = 10 * 60_000;
const knownWords = new Map<string, WordFacts & { at: number }>();

function rememberWords(rows: WordRow[]): void {
  if (knownWords.size + rows.length > KNOWN_WORDS) knownWords.clear();
  const at = Date.now();
  for (const row of rows) knownWords.set(row.word, { texts: row.texts, name: row.name, at });
}

/** The facts last read for a (folded) word, or undefined when not read in the last KNOWN_MS. */
export function knownWord(word: string): WordFacts | undefined {
  const facts = knownWords.get(word);
  return facts && Date.now() - facts.at < KNOWN_MS ? facts : undefined;
}

function readRows(words: string[], deletionKeys: string[]): Promise<WordRow[]> {
  return db().$queryRaw<WordRow[]>`
    SELECT word, texts, name FROM "SpellingWord" WHERE word = ANY(${words}::text[])
    UNION SELECT word, texts, name FROM "SpellingWordKey" WHERE key = ANY(${deletionKeys}::text[])`;
}

/** The whole vocabulary in one structure, as a process once held it (benchmarks and tests compare with it). */
export async function wholeVocabulary(): Promise<SpellingVocabulary> {
  await ensureSpellingWords();
  return vocabularyOf(await db().$queryRaw<WordRow[]>`SELECT word, texts, name FROM "SpellingWord"`);
}

interface WordRow {
  word: string;
  texts: number;
  name: boolean;
}

function vocabularyOf(rows: WordRow[]): SpellingVocabulary {
  return new SpellingVocabulary(
    new Map(rows.filter((r) => r.texts > 0).map((r) => [r.word, r.texts])),
    rows.filter((r) => r.name).map((r) => r.word),
  );
}

/** Rebuilds the words (one rebuild at a time in this process; across processes, one writer at a time). */
export function rebuildSpellingWords(): Promise<void> {
  building ??= (async () => {
    const startedAt = Date.now();
    try {
      await writeWords(await countArchiveWords(), new Date(startedAt));
      recent.clear();
      knownWords.clear();
      known = true;
      ownLastBuildStartedAt = startedAt;
    } finally {
      building = null;
    }
  })();
  return building;
}

/**
 * Every searchable turn, in batches by id, counted per turn: questions and answers of visible
 * pairs, and statements outside pairs (they are search hits of their own, so a word said only in
 * an opening statement is a real word, not a typo). Then the words of names.
 */
async function countArchiveWords(): Promise<{ counts: Map<string, number>; names: Set<string> }> {
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
  const nameRows = await db().$queryRaw<{ name: string }[]>`
    SELECT name FROM "Speaker" WHERE "mergedIntoId" IS NULL
    UNION SELECT name FROM "Outlet" WHERE "mergedIntoId" IS NULL`;
  // The words of names as SpellingVocabulary keeps them: three letters or more.
  const names = new Set(nameRows.flatMap((row) => [...vocabularyWords(row.name)]).filter((w) => w.length >= 3));
  return { counts, names };
}

/** Replaces every row in one transaction; a rebuild another process is writing makes this one return. */
async function writeWords({ counts, names }: { counts: Map<string, number>; names: Set<string> }, startedAt: Date): Promise<void> {
  const words = new Set([...counts.keys(), ...names]);
  await db().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${REBUILD_LOCK}) AS ok`;
      if (!lock.ok) return;
      await tx.$executeRaw`DELETE FROM "SpellingWord"`;
      await tx.$executeRaw`DELETE FROM "SpellingWordKey"`;
      let rows: { word: string; texts: number; name: boolean }[] = [];
      let keys: { key: string; word: string; texts: number; name: boolean }[] = [];
      const flush = async () => {
        await tx.$executeRaw`
          INSERT INTO "SpellingWord" (word, texts, name)
          SELECT * FROM unnest(${rows.map((r) => r.word)}::text[], ${rows.map((r) => r.texts)}::int[], ${rows.map((r) => r.name)}::bool[])`;
        await tx.$executeRaw`
          INSERT INTO "SpellingWordKey" (key, word, texts, name)
          SELECT * FROM unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.word)}::text[], ${keys.map((k) => k.texts)}::int[], ${keys.map((k) => k.name)}::bool[])`;
        rows = [];
        keys = [];
      };
      for (const word of words) {
        const texts = counts.get(word) ?? 0;
        const name = names.has(word);
        rows.push({ word, texts, name });
        // The targets SpellingVocabulary indexes by their one-letter deletions.
        if ((texts >= MIN_TARGET_FREQUENCY || name) && word.length >= 2) for (const key of deletionsOf(word, 1)) keys.push({ key, word, texts, name });
        if (rows.length >= BATCH) await flush();
      }
      if (rows.length) await flush();
      // Fresh statistics, or the planner guesses from an empty table and scans every row per query.
      await tx.$executeRaw`ANALYZE "SpellingWord", "SpellingWordKey"`;
      await tx.$executeRaw`INSERT INTO "SpellingVocabularyBuild" (id, "builtAt") VALUES (1, ${startedAt}) ON CONFLICT (id) DO UPDATE SET "builtAt" = ${startedAt}`;
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
}
