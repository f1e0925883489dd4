// @ts-check
// Next's page cache (ISR) handler, shared across web instances through Postgres.
//
// Each instance keeps its cached pages in its own memory (Next's own FileSystemCache with
// isrFlushToDisk off, exactly as with one instance). What is shared is revalidation: when an
// edit calls revalidatePath/revalidateTag on one instance, the tags and their times go into
// the PageCacheRevalidation table; before every cache read each instance replays the rows it
// has not seen into Next's tag manifest, so a page cached before the edit is a miss on the
// very next request to any instance. One indexed query per cache read.
//
// Plain JavaScript: Next loads this file at run time (next.config.js cacheHandler), outside
// the TypeScript build. Off unless PRESSROOM_PAGE_CACHE=shared: one instance needs none of it.
import pg from "pg";

// Next bundles this file into its server chunks; the cache class and the tag manifest must be
// the very modules Next's own server loaded from node_modules (the manifest is a module-level
// Map that Next consults), so they are required at run time, out of the bundler's sight.
const runtimeRequire = process.getBuiltinModule("node:module").createRequire(`${process.cwd()}/`);
const FileSystemCache = runtimeRequire("next/dist/server/lib/incremental-cache/file-system-cache.js").default;
/** @type {Map<string, { expired?: number; stale?: number }>} */
const tagsManifest = runtimeRequire("next/dist/server/lib/incremental-cache/tags-manifest.external.js").tagsManifest;
const shared = process.env.PRESSROOM_PAGE_CACHE === "shared";

/** @type {{ pool?: pg.Pool; lastSeenId?: string; syncing?: Promise<void>; warned?: boolean }} */
const state = {};

function pool() {
  if (!state.pool) {
    state.pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    state.pool.on("error", () => {}); // an idle client dropped by Postgres: the next query reconnects
  }
  return state.pool;
}

/** Replays revalidations written by any instance since the last call (concurrent readers share one query). */
function sync() {
  state.syncing ??= (async () => {
    try {
      if (state.lastSeenId === undefined) {
        // A new process has an empty cache: earlier revalidations cannot concern it.
        const { rows } = await pool().query(`SELECT COALESCE(max(id), 0)::text AS id FROM "PageCacheRevalidation"`);
        state.lastSeenId = rows[0].id;
        return;
      }
      const { rows } = await pool().query(
        `SELECT id::text AS id, tag, "expiredAt"::float8 AS "expiredAt", "staleAt"::float8 AS "staleAt" FROM "PageCacheRevalidation" WHERE id > $1 ORDER BY id`,
        [state.lastSeenId],
      );
      for (const row of rows) {
        const entry = { ...(tagsManifest.get(row.tag) ?? {}) };
        if (row.expiredAt !== null) entry.expired = Math.max(entry.expired ?? 0, row.expiredAt);
        if (row.staleAt !== null) entry.stale = Math.max(entry.stale ?? 0, row.staleAt);
        tagsManifest.set(row.tag, entry);
        state.lastSeenId = row.id;
      }
      state.warned = false;
    } catch (error) {
      // Postgres unreachable: keep serving what is cached (edits cannot be saved meanwhile either).
      if (!state.warned) console.warn(`[page-cache] could not read shared revalidations: ${/** @type {Error} */ (error).message}`);
      state.warned = true;
    } finally {
      state.syncing = undefined;
    }
  })();
  return state.syncing;
}

// A page's content is as old as the moment its render started reading data, but Next stamps
// a cache entry with the time it is *written*. A render that began before an edit and finished
// after the edit's revalidation would then look newer than the revalidation and be served,
// stale, for the page's whole revalidate period (an hour for Q&A pages): an editor removes a
// translation link while a visitor (or a <Link> prefetch) is rendering that pair's page, and
// the link stays on it. Next looks up a key right before rendering it, so the first look-up of
// a key since its last write marks when its next render can have started; the written entry is
// back-dated to that moment, and a revalidation during the render expires it as it should.
/** Look-ups older than this cannot belong to a render in progress (renders take seconds). */
const RENDER_WINDOW_MS = 60_000;
/** @type {Map<string, number>} cache key -> first look-up since the key was last written */
const lookedUpAt = new Map();

/** @param {string} key */
function noteLookUp(key) {
  const now = Date.now();
  const since = lookedUpAt.get(key);
  if (since === undefined || now - since > RENDER_WINDOW_MS) lookedUpAt.set(key, now);
  // Keys looked up but never written (fresh hits) would otherwise pile up, one per URL asked for.
  if (lookedUpAt.size > 10_000) for (const [k, t] of lookedUpAt) if (now - t > RENDER_WINDOW_MS) lookedUpAt.delete(k);
}

export default class SharedRevalidationCache extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} ctx */
  constructor(ctx) {
    super(ctx);
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>["get"]>} args */
  async get(...args) {
    noteLookUp(args[0]);
    if (shared) await sync();
    return super.get(...args);
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>["set"]>} args */
  async set(...args) {
    const [key] = args;
    const renderStartedAt = lookedUpAt.get(key);
    lookedUpAt.delete(key);
    await super.set(...args);
    const written = FileSystemCache.memoryCache?.get(key);
    if (written && renderStartedAt !== undefined && Date.now() - renderStartedAt <= RENDER_WINDOW_MS) {
      written.lastModified = Math.min(written.lastModified, renderStartedAt);
    }
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    if (!shared) return;
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    const entries = list.map((tag) => ({ tag, ...(tagsManifest.get(tag) ?? {}) }));
    // Awaited: the editor's save answers only once every instance can see the revalidation.
    await pool().query(
      `INSERT INTO "PageCacheRevalidation" (tag, "expiredAt", "staleAt")
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])`,
      [
        entries.map((e) => e.tag),
        entries.map((e) => (e.expired === undefined ? null : Math.round(e.expired))),
        entries.map((e) => (e.stale === undefined ? null : Math.round(e.stale))),
      ],
    );
    // Rows only matter to pages cached before them, and no page is cached for a day.
    await pool().query(`DELETE FROM "PageCacheRevalidation" WHERE "createdAt" < now() - interval '1 day'`);
  }
}
