import type pg from "pg";
import { slugify } from "@/lib/archive/ids";
import { labelRef, type IdentityKind } from "@/lib/people/resolve";
import type { QaPairDocument } from "@/lib/search/documents";
import { documentsForWrittenPairs, type ConferenceState, type WrittenPair } from "./batch-documents";
import { nameSlug, type CorpusConference, type CorpusPair } from "./mapping";
import { CorpusNames, type NameRow } from "./names";
import { StoredPairs, type StoredPair } from "./stored-pairs";
import { NOW, conferenceColumns, insertPairs, insertParticipants, insertTurns, recordCorpusRevisions, sameConference, textArrayLiteral, timed } from "./statements";

export { statementTimings } from "./statements";

// Writes batches of corpus pairs with plain SQL, one transaction per batch, so an
// interrupted run leaves only whole batches behind and a re-run resumes. Each batch commits
// its conferences, pairs, turns, participants, topics and outbox rows together.

export interface BatchCounts {
  pairsInserted: number;
  pairsUpdated: number;
  pairsUnchanged: number;
  conferencesInserted: number;
  conferencesUpdated: number;
  outboxRows: number;
}

export interface BatchResult {
  counts: BatchCounts;
  /** Search documents of the visible pairs written (only when the writer builds documents). */
  documents: QaPairDocument[];
  /** The outbox rows this batch created for exactly those documents' pairs. */
  outboxIds: string[];
}

export function emptyCounts(): BatchCounts {
  return { pairsInserted: 0, pairsUpdated: 0, pairsUnchanged: 0, conferencesInserted: 0, conferencesUpdated: 0, outboxRows: 0 };
}

// deadlock_detected, unique_violation, serialization_failure
const RETRYABLE = new Set(["40P01", "23505", "40001"]);

type NameKind = "Speaker" | "Outlet" | "Topic";
type ConferenceRow = CorpusConference & { id: number; slug: string; status: string; updatedMs: number };

export class CorpusWriter {
  private readonly names: CorpusNames;
  private takenSlugs: Promise<Set<string>> | null = null;
  private readonly stored: StoredPairs;

  /** `buildDocuments`: also return the search documents of what each batch wrote. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly buildDocuments = false,
  ) {
    this.names = new CorpusNames(pool);
    this.stored = new StoredPairs(pool);
  }

  /**
   * Writes one batch atomically (its names are registered just before: see names.ts).
   * Concurrent batches can collide on a new conference in a file whose conferences are not
   * contiguous (unique violation); the loser rolls back and simply runs again. A retry reads the
   * batch's pairs afresh, in case another process wrote them after the run's first look.
   */
  async writeBatch(pairs: CorpusPair[]): Promise<BatchResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeBatchOnce(pairs, attempt > 1);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  private async writeBatchOnce(pairs: CorpusPair[], fresh: boolean): Promise<BatchResult> {
    const stored = await this.stored.of(pairs, fresh);
    const plan = classify(pairs, stored);
    if (plan.fresh.length === 0 && plan.changed.length === 0) return { counts: plan.counts, documents: [], outboxIds: [] };
    // Names first, outside the batch's transaction (see names.ts).
    const work = [...plan.fresh, ...plan.changed.map((c) => c.pair)];
    const scoped = (pair: CorpusPair, label: string | null) => (label ? [{ label, scope: pair.conference.organizer }] : []);
    const names: Record<NameKind, Map<string, NameRow>> = {
      Speaker: await this.names.people(
        "speaker",
        work.flatMap((p) => [p.questioner, ...p.turns.map((t) => t.speaker)].flatMap((label) => scoped(p, label))),
      ),
      Outlet: await this.names.people(
        "outlet",
        work.flatMap((p) => scoped(p, p.outlet)),
      ),
      Topic: await this.names.topics(work.flatMap((p) => p.topics)),
    };
    const client = await this.pool.connect();
    try {
      // synchronous_commit off for this transaction only: a crash can lose the last few
      // committed batches, but never half of one, and nothing marks them done elsewhere, so
      // the next run sees those pairs as missing and writes them again.
      const begun = (await client.query(`BEGIN; SET LOCAL synchronous_commit TO off;
        SELECT round(extract(epoch FROM ${NOW}::timestamp(3)) * 1000)::float8 AS ms`)) as unknown as pg.QueryResult<{ ms: number }>[];
      const result = await this.write(client, plan, names, begun[2].rows[0].ms);
      await timed(client, "commit", "COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async write(client: pg.PoolClient, plan: BatchPlan, rowOf: Record<NameKind, Map<string, NameRow>>, nowMs: number): Promise<BatchResult> {
    const { counts, fresh, changed } = plan;
    const work = [...fresh, ...changed.map((c) => c.pair)];
    const conferences = await this.upsertConferences(client, work, counts, nowMs);
    const conferenceIds = new Map([...conferences].map(([key, c]) => [key, c.id]));
    const topics = rowOf.Topic;
    const idOf = (map: Map<string, NameRow>, name: string | null) => (name ? (map.get(nameSlug(name))?.id ?? null) : null);
    const personOf = (kind: IdentityKind, name: string | null, pair: CorpusPair) =>
      name ? (rowOf[kind === "speaker" ? "Speaker" : "Outlet"].get(labelRef(kind, name, pair.conference.organizer)) ?? null) : null;
    const speakerId = (name: string | null, pair: CorpusPair) => personOf("speaker", name, pair)?.id ?? null;
    const outletId = (name: string | null, pair: CorpusPair) => personOf("outlet", name, pair)?.id ?? null;

    const written: WrittenPair[] = [];
    const pairIds = new Map<CorpusPair, number>();
    if (fresh.length) {
      for (const [pair, { id, publicId }] of await insertPairs(client, fresh, conferenceIds, speakerId, outletId)) {
        pairIds.set(pair, id);
        written.push({ pair, id, publicId, status: "PUBLISHED", conference: conferences.get(pair.conference.sourceKey)! });
      }
      counts.pairsInserted = fresh.length;
    }
    if (changed.length) {
      for (const { pair, id } of changed) pairIds.set(pair, id);
      // RETURNING reads status and public id under the row lock the update takes.
      const updated = await timed<{ id: number; publicId: string; status: string }>(
        client,
        "update pairs",
        `UPDATE "QaPair" p SET "conferenceId" = x.cid, ordinal = x.ord, "questionerId" = x.qid, "outletId" = x.oid,
                flags = x.flags::text[], "contentHash" = x.hash,
                version = p.version + 1, "updatedAt" = ${NOW}
           FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[]) AS x(id, cid, ord, qid, oid, flags, hash)
          WHERE p.id = x.id
          RETURNING p.id, p."publicId", p.status`,
        [
          changed.map((c) => c.id),
          changed.map((c) => conferenceIds.get(c.pair.conference.sourceKey)!),
          changed.map((c) => c.pair.ordinal),
          changed.map((c) => speakerId(c.pair.questioner, c.pair)),
          changed.map((c) => outletId(c.pair.outlet, c.pair)),
          changed.map((c) => textArrayLiteral(c.pair.flags)),
          changed.map((c) => c.pair.contentHash),
        ],
      );
      const byId = new Map(updated.rows.map((r) => [r.id, r]));
      for (const { pair, id } of changed) {
        const row = byId.get(id);
        if (row) written.push({ pair, id, publicId: row.publicId, status: row.status, conference: conferences.get(pair.conference.sourceKey)! });
      }
      await recordCorpusRevisions(client, changed);
      const changedIds = changed.map((c) => c.id);
      await timed(client, "delete turns", `DELETE FROM "Turn" WHERE "qaPairId" = ANY($1::int[])`, [changedIds]);
      await timed(client, "delete topics", `DELETE FROM "QaPairTopic" WHERE "qaPairId" = ANY($1::int[])`, [changedIds]);
      counts.pairsUpdated = changed.length;
    }

    await insertTurns(client, work, pairIds, conferenceIds, speakerId);
    const topicLinks = work.flatMap((pair) => pair.topics.map((topic) => [pairIds.get(pair)!, idOf(topics, topic)!] as const));
    if (topicLinks.length) {
      await timed(client, "insert topics", `INSERT INTO "QaPairTopic" ("qaPairId", "topicId") SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`, [
        topicLinks.map((l) => l[0]),
        topicLinks.map((l) => l[1]),
      ]);
    }
    await insertParticipants(client, work, conferenceIds, speakerId);

    const outbox = await timed<{ id: string; qaPairId: number }>(
      client,
      "insert outbox",
      `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt") SELECT id, 'UPSERT', ${NOW}, ${NOW} FROM unnest($1::int[]) AS id
       RETURNING id, "qaPairId"`,
      [[...pairIds.values()]],
    );
    counts.outboxRows += outbox.rowCount ?? 0;
    if (!this.buildDocuments) return { counts, documents: [], outboxIds: [] };

    const storedName = (kind: NameKind, name: string | null, pair: CorpusPair) =>
      kind === "Topic" ? (name ? (topics.get(nameSlug(name))?.name ?? null) : null) : (personOf(kind === "Speaker" ? "speaker" : "outlet", name, pair)?.name ?? null);
    const built = documentsForWrittenPairs(written, nowMs, storedName);
    const documented = new Set(built.pairIds);
    return { counts, documents: built.documents, outboxIds: outbox.rows.filter((r) => documented.has(r.qaPairId)).map((r) => String(r.id)) };
  }

  /** Finds or creates the batch's conferences by sourceKey; returns sourceKey → committed state. */
  private async upsertConferences(client: pg.PoolClient, pairs: CorpusPair[], counts: BatchCounts, nowMs: number): Promise<Map<string, ConferenceState & { id: number }>> {
    const wanted = new Map<string, CorpusConference>();
    for (const pair of pairs) if (!wanted.has(pair.conference.sourceKey)) wanted.set(pair.conference.sourceKey, pair.conference);
    const keys = [...wanted.keys()];
    // FOR SHARE when documents are built from these values: an editor's status change
    // waits for this batch, so the documents sent after commit are not older than the rows.
    const found = await timed<ConferenceRow>(
      client,
      "select conferences",
      `SELECT id, "sourceKey", title, to_char("heldOn", 'YYYY-MM-DD') AS "heldOn", organizer, language, "sourceUrl", "sourceName",
              slug, status, round(extract(epoch FROM "updatedAt") * 1000)::float8 AS "updatedMs"
         FROM "Conference" WHERE "sourceKey" = ANY($1::text[]) ${this.buildDocuments ? "FOR SHARE" : ""}`,
      [keys],
    );
    const result = new Map<string, ConferenceState & { id: number }>();
    const state = (c: CorpusConference, id: number, slug: string, status: string, updatedMs: number) => ({
      id,
      slug,
      status,
      updatedMs,
      title: c.title,
      organizer: c.organizer,
      heldOn: c.heldOn,
      language: c.language,
    });
    const stale = found.rows.filter((row) => !sameConference(row, wanted.get(row.sourceKey)!));
    for (const row of found.rows) result.set(row.sourceKey, state(row, row.id, row.slug, row.status, row.updatedMs));
    if (stale.length) {
      const next = stale.map((row) => wanted.get(row.sourceKey)!);
      // Status is left alone: an editor may have unpublished an imported conference.
      await timed(
        client,
        "update conferences",
        `UPDATE "Conference" c SET title = x.title, "heldOn" = x.held::date, organizer = x.org, language = x.lang,
                "sourceUrl" = x.url, "sourceName" = x.name, version = c.version + 1, "updatedAt" = ${NOW}
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(id, title, held, org, lang, url, name)
          WHERE c.id = x.id`,
        [stale.map((r) => r.id), ...conferenceColumns(next)],
      );
      for (const row of stale) result.set(row.sourceKey, state(wanted.get(row.sourceKey)!, row.id, row.slug, row.status, nowMs));
      // Every pair of a renamed conference carries the old title in the index.
      const reindexed = await timed(
        client,
        "requeue conference pairs",
        `INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt")
         SELECT id, 'UPSERT', ${NOW}, ${NOW} FROM "QaPair" WHERE "conferenceId" = ANY($1::int[])`,
        [stale.map((r) => r.id)],
      );
      counts.outboxRows += reindexed.rowCount ?? 0;
      counts.conferencesUpdated += stale.length;
    }
    const missing = keys.filter((key) => !result.has(key)).map((key) => wanted.get(key)!);
    if (missing.length) {
      const slugs = await this.newConferenceSlugs(client, missing);
      const inserted = await timed<{ id: number; sourceKey: string; slug: string }>(
        client,
        "insert conferences",
        `INSERT INTO "Conference" (slug, title, "heldOn", organizer, language, "sourceUrl", "sourceName", "sourceKey", status, "publishedAt", "retrievedAt", "createdAt", "updatedAt")
         SELECT x.slug, x.title, x.held::date, x.org, x.lang, x.url, x.name, x.key, 'PUBLISHED', ${NOW}, NULL, ${NOW}, ${NOW}
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(title, held, org, lang, url, name, key, slug)
         RETURNING id, "sourceKey", slug`,
        [...conferenceColumns(missing), missing.map((c) => c.sourceKey), slugs],
      );
      for (const row of inserted.rows) result.set(row.sourceKey, state(wanted.get(row.sourceKey)!, row.id, row.slug, "PUBLISHED", nowMs));
      counts.conferencesInserted += missing.length;
    }
    return result;
  }

  private async newConferenceSlugs(client: pg.PoolClient, conferences: CorpusConference[]): Promise<string[]> {
    // Loaded once; concurrent batches share the same promise, so no slug is handed out twice.
    this.takenSlugs ??= timed<{ slug: string }>(client, "load slugs", `SELECT slug FROM "Conference" UNION SELECT "oldSlug" FROM "SlugRedirect" WHERE kind = 'CONFERENCE'`).then(
      (rows) => new Set(rows.rows.map((r) => r.slug)),
    );
    const taken = await this.takenSlugs;
    return conferences.map((conference) => {
      const base = slugify(`${conference.heldOn ?? ""} ${conference.title}`);
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return slug;
    });
  }
}

interface BatchPlan {
  counts: BatchCounts;
  fresh: CorpusPair[];
  changed: { pair: CorpusPair; id: number }[];
}

/** Which of the batch's pairs are new, which changed since stored, and how many are unchanged. */
function classify(pairs: CorpusPair[], stored: Map<string, StoredPair>): BatchPlan {
  const plan: BatchPlan = { counts: emptyCounts(), fresh: [], changed: [] };
  for (const pair of pairs) {
    const row = stored.get(`${pair.sourceCorpus}\u0000${pair.sourceId}`);
    if (!row) plan.fresh.push(pair);
    else if (row.contentHash !== pair.contentHash) plan.changed.push({ pair, id: row.id });
    else plan.counts.pairsUnchanged++;
  }
  return plan;
}
