import type pg from "pg";
import { db } from "@/lib/db/client";

// Kept counts: how many visible answers each person gave, questions each outlet asked, pairs
// each topic holds, and which sitemap files are non-empty. Aggregating them per request read
// every visible pair (seconds at a million pairs, on every people or outlets index view and
// the home page); they are materialized views instead (prisma/migrations/20261207400000_*).
//
// Fresh enough by construction: the bulk importer refreshes them when it finishes, and a
// reader that finds the archive changed since the last refresh (the newest updatedAt or the
// highest pair id moved) refreshes them: inline when a refresh is cheap (a small archive sees
// an editor's change at once), else in the background while it reads the previous counts,
// like stale-while-revalidate (a million pairs: a few seconds behind a write).

const VIEWS = ["SpeakerAnswerCount", "OutletQuestionCount", "TopicPairCount", "SitemapChunk", "SpeakerAnswerYear", "SpeakerTopicCount"] as const;
const NAME = "catalog";
/** Any lock number will do, as long as nothing else in the app uses it. */
const REFRESH_LOCK = 7_140_014;

const STAMP_SQL = `SELECT concat_ws('|',
    (SELECT max("updatedAt") FROM "QaPair")::text, (SELECT max(id) FROM "QaPair")::text,
    (SELECT max("updatedAt") FROM "Conference")::text, (SELECT max("updatedAt") FROM "Speaker")::text,
    (SELECT max("updatedAt") FROM "Outlet")::text, (SELECT max(id) FROM "Topic")::text) AS stamp`;

type Query = <T>(sql: string) => Promise<T[]>;

/**
 * What the archive's visible content was computed from: the newest change and highest id of the
 * tables pages read (six index lookups or small scans). Pairs are never deleted, only hidden
 * with a new updatedAt, so any change to what a reader can see moves it.
 */
export async function archiveStamp(): Promise<string> {
  const [{ stamp }] = await db().$queryRawUnsafe<{ stamp: string }[]>(STAMP_SQL);
  return stamp;
}

/**
 * Recomputes every view (CONCURRENTLY: readers keep the old rows meanwhile) and records what
 * they were computed from. One refresh at a time across processes (an advisory lock); a
 * caller that finds one running returns at once, since that refresh covers its changes too
 * unless they landed after it started, which the next reader's stamp check catches.
 */
export async function refreshRollups(pool?: pg.Pool): Promise<boolean> {
  const client = pool ? await pool.connect() : null;
  const query: Query = client ? async (sql) => (await client.query(sql)).rows : (sql) => db().$queryRawUnsafe(sql);
  try {
    if (client) return await refreshWith(query);
    // Prisma's pool may hand each statement a different connection; an advisory lock needs one.
    return await db().$transaction(async (tx) => refreshWith((sql) => tx.$queryRawUnsafe(sql)), { timeout: 600_000, maxWait: 10_000 });
  } finally {
    client?.release();
  }
}

async function refreshWith(query: Query): Promise<boolean> {
  const [locked] = await query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${REFRESH_LOCK}) AS ok`);
  if (!locked.ok) return false;
  try {
    const started = performance.now();
    const [{ stamp }] = await query<{ stamp: string }>(STAMP_SQL);
    for (const view of VIEWS) await query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "${view}"`);
    const ms = Math.round(performance.now() - started);
    await query(
      `INSERT INTO "RollupRefresh" (name, stamp, "refreshedAt", "durationMs") VALUES ('${NAME}', '${stamp.replace(/'/g, "''")}', now(), ${ms})
       ON CONFLICT (name) DO UPDATE SET stamp = EXCLUDED.stamp, "refreshedAt" = EXCLUDED."refreshedAt", "durationMs" = EXCLUDED."durationMs"`,
    );
    return true;
  } finally {
    await query(`SELECT pg_advisory_unlock(${REFRESH_LOCK})`);
  }
}

let background: Promise<unknown> | null = null;
/**
 * A refresh that took less than this is run inline: small archives see their writes at once.
 * Six views of a 1,500-pair archive took over 300 ms on a busy 2-core machine; a million pairs
 * take seconds, refreshed in the background.
 */
const INLINE_REFRESH_MS = 1000;

/**
 * Call before reading the views. The check is six index lookups. Stale views are refreshed
 * before reading when that is cheap (or was never done), else in the background while this
 * request reads the previous counts.
 */
export async function freshRollups(): Promise<void> {
  const [[current], stored] = await Promise.all([
    db().$queryRawUnsafe<{ stamp: string }[]>(STAMP_SQL),
    db().$queryRaw<{ stamp: string; durationMs: number }[]>`SELECT stamp, "durationMs" FROM "RollupRefresh" WHERE name = ${NAME}`,
  ]);
  if (stored[0]?.stamp === current.stamp) return;
  if (!stored.length || stored[0].durationMs < INLINE_REFRESH_MS) {
    await refreshRollups();
    return;
  }
  background ??= refreshRollups()
    .catch((error: Error) => console.error(`Refreshing the kept counts failed: ${error.message}`))
    .finally(() => {
      background = null;
    });
}

/** Each kept count's view, key column and count column. */
const KEPT = {
  SpeakerAnswerCount: ["speakerId", "answers"],
  OutletQuestionCount: ["outletId", "questions"],
  TopicPairCount: ["topicId", "pairs"],
} as const;

/** One kept count (0 when the view has no row for it), e.g. keptCount("OutletQuestionCount", 7). */
export async function keptCount(view: keyof typeof KEPT, id: number): Promise<number> {
  await freshRollups();
  const [key, column] = KEPT[view];
  // Names come from the KEPT table above, never from input.
  const rows = await db().$queryRawUnsafe<{ n: number }[]>(`SELECT "${column}" AS n FROM "${view}" WHERE "${key}" = $1`, id);
  return rows[0]?.n ?? 0;
}
