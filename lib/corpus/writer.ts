import type pg from "pg";
import { newPublicId, slugify } from "@/lib/archive/ids";
import { nameSlug, type CorpusConference, type CorpusPair } from "./mapping";

// Writes batches of corpus pairs with plain SQL: one transaction per batch and a handful of
// multi-row statements (INSERT … SELECT FROM unnest(…)) instead of thousands of ORM calls.
// Each batch commits its conferences, pairs, turns, participants, topics and outbox rows
// together, so an interrupted run leaves only whole batches behind and a re-run resumes.
// Column lists must match prisma/schema.prisma (updatedAt has no database default).

export interface BatchCounts {
  pairsInserted: number;
  pairsUpdated: number;
  pairsUnchanged: number;
  conferencesInserted: number;
  conferencesUpdated: number;
  outboxRows: number;
}

export function emptyCounts(): BatchCounts {
  return { pairsInserted: 0, pairsUpdated: 0, pairsUnchanged: 0, conferencesInserted: 0, conferencesUpdated: 0, outboxRows: 0 };
}

// Timestamps are stored as UTC wall time (TIMESTAMP(3) without zone), as Prisma does.
const NOW = `timezone('UTC', now())`;
const TURN_POSITION_STRIDE = 1000;
// deadlock_detected, unique_violation, serialization_failure
const RETRYABLE = new Set(["40P01", "23505", "40001"]);

type NameKind = "Speaker" | "Outlet" | "Topic";

/** Milliseconds spent per statement kind, for the benchmark's breakdown. */
export const statementTimings = new Map<string, number>();

async function timed<R extends pg.QueryResultRow>(client: pg.PoolClient, label: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  const started = performance.now();
  try {
    return await client.query<R>(sql, params);
  } finally {
    statementTimings.set(label, (statementTimings.get(label) ?? 0) + performance.now() - started);
  }
}

export class CorpusWriter {
  private readonly ids: Record<NameKind, Map<string, number>> = { Speaker: new Map(), Outlet: new Map(), Topic: new Map() };
  private takenSlugs: Promise<Set<string>> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /**
   * Writes one batch atomically. Concurrent batches can collide on a new speaker or outlet
   * (deadlock) or, in a file whose conferences are not contiguous, on a new conference
   * (unique violation); the loser rolls back and simply runs again.
   */
  async writeBatch(pairs: CorpusPair[]): Promise<BatchCounts> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeBatchOnce(pairs);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  private async writeBatchOnce(pairs: CorpusPair[]): Promise<BatchCounts> {
    const client = await this.pool.connect();
    const resolved: Record<NameKind, Map<string, number>> = { Speaker: new Map(), Outlet: new Map(), Topic: new Map() };
    try {
      await client.query("BEGIN");
      const counts = await this.write(client, pairs, resolved);
      await timed(client, "commit", "COMMIT");
      // Only ids from a committed transaction may be cached: a rolled-back insert leaves none.
      for (const kind of Object.keys(resolved) as NameKind[]) for (const [slug, id] of resolved[kind]) this.ids[kind].set(slug, id);
      return counts;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async write(client: pg.PoolClient, pairs: CorpusPair[], resolved: Record<NameKind, Map<string, number>>): Promise<BatchCounts> {
    const counts = emptyCounts();
    // Per file family, so the lookup is an index scan on (sourceCorpus, sourceId).
    const existing: { id: number; sourceCorpus: string; sourceId: string; contentHash: string | null }[] = [];
    for (const [corpus, ids] of groupBy(pairs, (p) => p.sourceCorpus, (p) => p.sourceId)) {
      const found = await timed<{ id: number; sourceCorpus: string; sourceId: string; contentHash: string | null }>(client, "select pairs",
        `SELECT id, "sourceCorpus", "sourceId", "contentHash" FROM "QaPair" WHERE "sourceCorpus" = $1 AND "sourceId" = ANY($2::text[])`,
        [corpus, ids],
      );
      existing.push(...found.rows);
    }
    const stored = new Map(existing.map((row) => [pairKey(row.sourceCorpus, row.sourceId), row]));
    const fresh: CorpusPair[] = [];
    const changed: { pair: CorpusPair; id: number }[] = [];
    for (const pair of pairs) {
      const row = stored.get(pairKey(pair.sourceCorpus, pair.sourceId));
      if (!row) fresh.push(pair);
      else if (row.contentHash !== pair.contentHash) changed.push({ pair, id: row.id });
      else counts.pairsUnchanged++;
    }
    if (fresh.length === 0 && changed.length === 0) return counts;

    const work = [...fresh, ...changed.map((c) => c.pair)];
    const conferenceIds = await this.upsertConferences(client, work, counts);
    const speakerIds = await this.resolveNames(client, "Speaker", work.flatMap((p) => [p.questioner, ...p.turns.map((t) => t.speaker)]), resolved.Speaker);
    const outletIds = await this.resolveNames(client, "Outlet", work.map((p) => p.outlet), resolved.Outlet);
    const topicIds = await this.resolveNames(client, "Topic", work.flatMap((p) => p.topics), resolved.Topic);
    const idOf = (map: Map<string, number>, name: string | null) => (name ? (map.get(nameSlug(name)) ?? null) : null);

    const pairIds = new Map<CorpusPair, number>();
    if (fresh.length) {
      for (const [pair, id] of await insertPairs(client, fresh, conferenceIds, (name) => idOf(speakerIds, name), (name) => idOf(outletIds, name))) {
        pairIds.set(pair, id);
      }
      counts.pairsInserted = fresh.length;
    }
    if (changed.length) {
      for (const { pair, id } of changed) pairIds.set(pair, id);
      await timed(client, "update pairs", 
        `UPDATE "QaPair" p SET "conferenceId" = x.cid, ordinal = x.ord, "questionerId" = x.qid, "outletId" = x.oid,
                flags = x.flags::text[], "contentHash" = x.hash,
                version = p.version + 1, "updatedAt" = ${NOW}
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[]) AS x(id, cid, ord, qid, oid, flags, hash)
          WHERE p.id = x.id`,
        [
          changed.map((c) => c.id),
          changed.map((c) => conferenceIds.get(c.pair.conference.sourceKey)!),
          changed.map((c) => c.pair.ordinal),
          changed.map((c) => idOf(speakerIds, c.pair.questioner)),
          changed.map((c) => idOf(outletIds, c.pair.outlet)),
          changed.map((c) => textArrayLiteral(c.pair.flags)),
          changed.map((c) => c.pair.contentHash),
        ],
      );
      const changedIds = changed.map((c) => c.id);
      await timed(client, "delete turns", `DELETE FROM "Turn" WHERE "qaPairId" = ANY($1::int[])`, [changedIds]);
      await timed(client, "delete topics", `DELETE FROM "QaPairTopic" WHERE "qaPairId" = ANY($1::int[])`, [changedIds]);
      counts.pairsUpdated = changed.length;
    }

    await insertTurns(client, work, pairIds, conferenceIds, (name) => idOf(speakerIds, name));
    const topicLinks = work.flatMap((pair) => pair.topics.map((topic) => [pairIds.get(pair)!, idOf(topicIds, topic)!] as const));
    if (topicLinks.length) {
      await timed(client, "insert topics", 
        `INSERT INTO "QaPairTopic" ("qaPairId", "topicId") SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
        [topicLinks.map((l) => l[0]), topicLinks.map((l) => l[1])],
      );
    }
    await insertParticipants(client, work, conferenceIds, (name) => idOf(speakerIds, name));

    const outbox = [...pairIds.values()];
    const result = await timed(client, "insert outbox", 
      `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt") SELECT id, 'UPSERT', ${NOW}, ${NOW} FROM unnest($1::int[]) AS id`,
      [outbox],
    );
    counts.outboxRows = result.rowCount ?? 0;
    return counts;
  }

  /** Finds or creates the batch's conferences by sourceKey; returns sourceKey → id. */
  private async upsertConferences(client: pg.PoolClient, pairs: CorpusPair[], counts: BatchCounts): Promise<Map<string, number>> {
    const wanted = new Map<string, CorpusConference>();
    for (const pair of pairs) if (!wanted.has(pair.conference.sourceKey)) wanted.set(pair.conference.sourceKey, pair.conference);
    const keys = [...wanted.keys()];
    const found = await timed<CorpusConference & { id: number }>(client, "select conferences", 
      `SELECT id, "sourceKey", title, to_char("heldOn", 'YYYY-MM-DD') AS "heldOn", organizer, language, "sourceUrl", "sourceName"
         FROM "Conference" WHERE "sourceKey" = ANY($1::text[])`,
      [keys],
    );
    const ids = new Map(found.rows.map((row) => [row.sourceKey, row.id]));
    const stale = found.rows.filter((row) => !sameConference(row, wanted.get(row.sourceKey)!));
    if (stale.length) {
      const next = stale.map((row) => wanted.get(row.sourceKey)!);
      // Status is left alone: an editor may have unpublished an imported conference.
      await timed(client, "update conferences", 
        `UPDATE "Conference" c SET title = x.title, "heldOn" = x.held::date, organizer = x.org, language = x.lang,
                "sourceUrl" = x.url, "sourceName" = x.name, version = c.version + 1, "updatedAt" = ${NOW}
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(id, title, held, org, lang, url, name)
          WHERE c.id = x.id`,
        [stale.map((r) => r.id), ...conferenceColumns(next)],
      );
      // Every pair of a renamed conference carries the old title in the index.
      const reindexed = await timed(client, "requeue conference pairs", 
        `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt")
         SELECT id, 'UPSERT', ${NOW}, ${NOW} FROM "QaPair" WHERE "conferenceId" = ANY($1::int[])`,
        [stale.map((r) => r.id)],
      );
      counts.outboxRows += reindexed.rowCount ?? 0;
      counts.conferencesUpdated += stale.length;
    }
    const missing = keys.filter((key) => !ids.has(key)).map((key) => wanted.get(key)!);
    if (missing.length) {
      const slugs = await this.newConferenceSlugs(client, missing);
      const inserted = await timed<{ id: number; sourceKey: string }>(client, "insert conferences", 
        `INSERT INTO "Conference" (slug, title, "heldOn", organizer, language, "sourceUrl", "sourceName", "sourceKey", status, "publishedAt", "retrievedAt", "createdAt", "updatedAt")
         SELECT x.slug, x.title, x.held::date, x.org, x.lang, x.url, x.name, x.key, 'PUBLISHED', ${NOW}, ${NOW}, ${NOW}, ${NOW}
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(title, held, org, lang, url, name, key, slug)
         RETURNING id, "sourceKey"`,
        [...conferenceColumns(missing), missing.map((c) => c.sourceKey), slugs],
      );
      for (const row of inserted.rows) ids.set(row.sourceKey, row.id);
      counts.conferencesInserted += missing.length;
    }
    return ids;
  }

  private async newConferenceSlugs(client: pg.PoolClient, conferences: CorpusConference[]): Promise<string[]> {
    // Loaded once; concurrent batches share the same promise, so no slug is handed out twice.
    this.takenSlugs ??= timed<{ slug: string }>(client, "load slugs",
      `SELECT slug FROM "Conference" UNION SELECT "oldSlug" FROM "SlugRedirect" WHERE kind = 'CONFERENCE'`,
    ).then((rows) => new Set(rows.rows.map((r) => r.slug)));
    const taken = await this.takenSlugs;
    return conferences.map((conference) => {
      const base = slugify(`${conference.heldOn ?? ""} ${conference.title}`);
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return slug;
    });
  }

  /** Speakers, outlets and topics by slug, so "Reuters" in two files is one outlet. */
  private async resolveNames(client: pg.PoolClient, kind: NameKind, names: (string | null)[], resolved: Map<string, number>): Promise<Map<string, number>> {
    const cache = this.ids[kind];
    const result = new Map<string, number>();
    const unknown = new Map<string, string>();
    for (const name of names) {
      if (!name) continue;
      const slug = nameSlug(name);
      const id = cache.get(slug);
      if (id !== undefined) result.set(slug, id);
      else if (!unknown.has(slug)) unknown.set(slug, name);
    }
    if (unknown.size) {
      const timestamps = kind === "Topic" ? `"createdAt"` : `"createdAt", "updatedAt"`;
      const values = kind === "Topic" ? NOW : `${NOW}, ${NOW}`;
      const slugs = [...unknown.keys()].sort();
      // DO NOTHING plus a read, not DO UPDATE: an update would lock existing rows until commit
      // and make concurrent batches that share a speaker wait for each other. Sorted, so
      // batches that insert the same new names take their locks in the same order.
      await timed(client, "upsert names",
        `INSERT INTO "${kind}" (name, slug, ${timestamps}) SELECT x.name, x.slug, ${values} FROM unnest($1::text[], $2::text[]) AS x(name, slug)
         ON CONFLICT (slug) DO NOTHING`,
        [slugs.map((slug) => unknown.get(slug)!), slugs],
      );
      const rows = await timed<{ id: number; slug: string }>(client, "select names", `SELECT id, slug FROM "${kind}" WHERE slug = ANY($1::text[])`, [slugs]);
      for (const row of rows.rows) {
        result.set(row.slug, row.id);
        resolved.set(row.slug, row.id);
      }
    }
    return result;
  }
}

function groupBy<T, V>(items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(value(item));
    else groups.set(k, [value(item)]);
  }
  return groups;
}

/** A Postgres array literal; flags are validated to plain tokens (see record.ts), so no quoting is needed. */
function textArrayLiteral(values: string[]): string {
  return `{${values.join(",")}}`;
}

function pairKey(corpus: string, sourceId: string): string {
  return `${corpus}\u0000${sourceId}`;
}

function sameConference(row: CorpusConference, next: CorpusConference): boolean {
  return (
    row.title === next.title && row.heldOn === next.heldOn && row.organizer === next.organizer &&
    row.language === next.language && row.sourceUrl === next.sourceUrl && row.sourceName === next.sourceName
  );
}

function conferenceColumns(conferences: CorpusConference[]) {
  return [
    conferences.map((c) => c.title),
    conferences.map((c) => c.heldOn),
    conferences.map((c) => c.organizer),
    conferences.map((c) => c.language),
    conferences.map((c) => c.sourceUrl),
    conferences.map((c) => c.sourceName),
  ];
}

/** Inserts new pairs; a public id that collides with an existing one is redrawn. */
async function insertPairs(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null) => number | null,
  outletId: (name: string | null) => number | null,
): Promise<Map<CorpusPair, number>> {
  const ids = new Map<CorpusPair, number>();
  let pending = pairs;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    const publicIds = pending.map(() => newPublicId());
    const rows = await timed<{ id: number; publicId: string }>(client, "insert pairs", 
      `INSERT INTO "QaPair" ("publicId", "conferenceId", ordinal, "questionerId", "outletId", "sourceCorpus", "sourceId", status, flags, "contentHash", "createdAt", "updatedAt")
       SELECT x.pid, x.cid, x.ord, x.qid, x.oid, x.corpus, x.sid, 'PUBLISHED', x.flags::text[], x.hash, ${NOW}, ${NOW}
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(pid, cid, ord, qid, oid, corpus, sid, flags, hash)
       ON CONFLICT ("publicId") DO NOTHING
       RETURNING id, "publicId"`,
      [
        publicIds,
        pending.map((p) => conferenceIds.get(p.conference.sourceKey)!),
        pending.map((p) => p.ordinal),
        pending.map((p) => speakerId(p.questioner)),
        pending.map((p) => outletId(p.outlet)),
        pending.map((p) => p.sourceCorpus),
        pending.map((p) => p.sourceId),
        pending.map((p) => textArrayLiteral(p.flags)),
        pending.map((p) => p.contentHash),
      ],
    );
    const byPublicId = new Map(rows.rows.map((r) => [r.publicId, r.id]));
    const retry: CorpusPair[] = [];
    pending.forEach((pair, i) => {
      const id = byPublicId.get(publicIds[i]);
      if (id === undefined) retry.push(pair);
      else ids.set(pair, id);
    });
    pending = retry;
  }
  if (pending.length) throw new Error(`Could not find a free public id for ${pending.length} pairs after 5 attempts`);
  return ids;
}

async function insertTurns(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  pairIds: Map<CorpusPair, number>,
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null) => number | null,
): Promise<void> {
  const columns = { cid: [] as number[], pid: [] as number[], kind: [] as string[], pos: [] as number[], sid: [] as (number | null)[], label: [] as (string | null)[], role: [] as string[], text: [] as string[] };
  for (const pair of pairs) {
    // Positions derive from the pair's ordinal so that rewriting one pair never shifts another.
    pair.turns.forEach((turn, index) => {
      columns.cid.push(conferenceIds.get(pair.conference.sourceKey)!);
      columns.pid.push(pairIds.get(pair)!);
      columns.kind.push(turn.kind);
      columns.pos.push(pair.ordinal * TURN_POSITION_STRIDE + index);
      columns.sid.push(speakerId(turn.speaker));
      columns.label.push(turn.speakerLabel);
      columns.role.push(turn.role);
      columns.text.push(turn.text);
    });
  }
  await timed(client, "insert turns", 
    `INSERT INTO "Turn" ("conferenceId", "qaPairId", kind, position, "speakerId", "speakerLabel", role, text)
     SELECT x.cid, x.pid, x.kind::"TurnKind", x.pos, x.sid, x.label, x.role::"ParticipantRole", x.text
       FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(cid, pid, kind, pos, sid, label, role, text)`,
    [columns.cid, columns.pid, columns.kind, columns.pos, columns.sid, columns.label, columns.role, columns.text],
  );
}

async function insertParticipants(
  client: pg.PoolClient,
  pairs: CorpusPair[],
  conferenceIds: Map<string, number>,
  speakerId: (name: string | null) => number | null,
): Promise<void> {
  const roles = new Map<string, { cid: number; sid: number; role: "OFFICIAL" | "JOURNALIST" }>();
  for (const pair of pairs) {
    const cid = conferenceIds.get(pair.conference.sourceKey)!;
    for (const turn of pair.turns) {
      const sid = speakerId(turn.speaker);
      if (sid === null) continue;
      const key = `${cid}:${sid}`;
      if (!roles.has(key) || turn.role === "OFFICIAL") roles.set(key, { cid, sid, role: turn.role });
    }
  }
  if (!roles.size) return;
  const rows = [...roles.values()];
  // Someone who answers anywhere in a conference is an official there, even if they also asked.
  await timed(client, "insert participants", 
    `INSERT INTO "ConferenceParticipant" ("conferenceId", "speakerId", role)
     SELECT x.cid, x.sid, x.role::"ParticipantRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS x(cid, sid, role)
     ON CONFLICT ("conferenceId", "speakerId") DO UPDATE SET role = EXCLUDED.role
       WHERE "ConferenceParticipant".role = 'JOURNALIST' AND EXCLUDED.role = 'OFFICIAL'`,
    [rows.map((r) => r.cid), rows.map((r) => r.sid), rows.map((r) => r.role)],
  );
}
