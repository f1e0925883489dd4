import type { MultiSearchQuery } from "meilisearch";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { searchMeili } from "@/lib/search/client";
import { buildSearchRequest } from "@/lib/search/query";
import type { AlertChangeKind } from "./outbox";
import { loadBatchIndex } from "./batch-index";
import { paramsOfSaved } from "./saved-search";

// Matching new and corrected pairs against every followed search with Meilisearch itself:
// each distinct saved search is run as the search page builds it, against an index holding
// only the batch's documents (batch-index.ts). Events are taken only once their pair has no search outbox row
// left to do, so the index already holds the pairs as they now are. Everything happens
// under the claim of the events (FOR UPDATE SKIP LOCKED), and the deliveries are inserted
// with ON CONFLICT DO NOTHING on (subscription, pair, version): a second worker, a retry
// after a crash or a re-published pair can never log the same revision twice.

export interface MatchResult {
  events: number;
  deliveries: number;
  searches: number;
  ms: number;
  /** Where the time went: copying the batch into its index + searching, and logging deliveries. */
  phases?: { searchMs: number; logMs: number };
}

type EventRow = { id: bigint; qaPairId: number; version: number; change: AlertChangeKind; createdAt: Date };
type SubscriptionRow = { id: number; search: string; frequency: "IMMEDIATE" | "DAILY"; activatedAt: Date | null };

/** Queries per multi-search request: big enough to amortise HTTP, small enough to stream. */
const QUERIES_PER_REQUEST = 100;

export type MatchStrategy = "batch-index" | "live-filter";

// An arbitrary constant for the advisory lock that lets one matcher at a time use the batch index.
const MATCH_LOCK = 7716;

export async function matchNewPairsOnce(options: { batchSize?: number; queriesPerRequest?: number; strategy?: MatchStrategy } = {}): Promise<MatchResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 1000;
  return db().$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${MATCH_LOCK}::bigint) AS locked`;
      if (!locked) return { events: 0, deliveries: 0, searches: 0, ms: Date.now() - started };
      const events = await tx.$queryRaw<EventRow[]>`
        SELECT a.id, a."qaPairId", a.version, a.change::text AS change, a."createdAt"
          FROM "AlertOutbox" a
         WHERE a."processedAt" IS NULL
           AND NOT EXISTS (SELECT 1 FROM "SearchOutbox" s
                            WHERE s."qaPairId" = a."qaPairId" AND s."processedAt" IS NULL)
         ORDER BY a.id
         LIMIT ${batchSize}
         FOR UPDATE OF a SKIP LOCKED`;
      if (events.length === 0) return { events: 0, deliveries: 0, searches: 0, ms: Date.now() - started };
      const subscriptions = await tx.$queryRaw<SubscriptionRow[]>`
        SELECT id, search, frequency::text AS frequency, "activatedAt" FROM "AlertSubscription" WHERE state = 'ACTIVE'`;
      const pairIds = [...new Set(events.map((e) => e.qaPairId))];
      const bySearch = new Map<string, SubscriptionRow[]>();
      for (const s of subscriptions) bySearch.set(s.search, [...(bySearch.get(s.search) ?? []), s]);
      const searching = Date.now();
      const matched = await matchingPairs([...bySearch.keys()], pairIds, options);
      const logging = Date.now();
      const deliveries = deliveriesFor(events, bySearch, matched);
      const inserted = await insertDeliveries(tx, deliveries, new Date());
      await tx.$executeRaw`UPDATE "AlertOutbox" SET "processedAt" = now() WHERE id = ANY(${events.map((e) => e.id)}::bigint[])`;
      const done = Date.now();
      return { events: events.length, deliveries: inserted, searches: bySearch.size, ms: done - started, phases: { searchMs: logging - searching, logMs: done - logging } };
    },
    // Matching holds the claim while Meilisearch answers; give it room before Prisma aborts.
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** For each saved search, the ids among pairIds it finds now. Exported for the benchmark. */
export async function matchingPairs(searches: string[], pairIds: number[], options: { queriesPerRequest?: number; strategy?: MatchStrategy } = {}): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  if (searches.length === 0 || pairIds.length === 0) return result;
  const queriesPerRequest = options.queriesPerRequest ?? QUERIES_PER_REQUEST;
  // "live-filter" (the benchmark's baseline): each search over the live index, restricted by id.
  const onLive = options.strategy === "live-filter";
  const batchUid = onLive ? null : await loadBatchIndex(pairIds);
  const restrict = onLive ? [`pairId IN [${pairIds.join(",")}]`] : [];
  const runnable: { search: string; query: MultiSearchQuery }[] = [];
  for (const search of searches) {
    // A search stored under older rules that no longer parses matches nothing (and is listed
    // for editors); it must not stop the others.
    const params = paramsOfSaved(search);
    if (!params) continue;
    const [main] = buildSearchRequest(params).queries;
    const filters = Array.isArray(main.filter) ? main.filter : main.filter ? [main.filter] : [];
    runnable.push({
      search,
      query: {
        indexUid: batchUid ?? main.indexUid,
        q: main.q,
        ...(main.matchingStrategy ? { matchingStrategy: main.matchingStrategy } : {}),
        ...(main.locales ? { locales: main.locales } : {}),
        filter: [...(filters as string[]), ...restrict],
        limit: pairIds.length,
        attributesToRetrieve: ["pairId"],
      },
    });
  }
  const chunks: (typeof runnable)[] = [];
  for (let i = 0; i < runnable.length; i += queriesPerRequest) chunks.push(runnable.slice(i, i + queriesPerRequest));
  // One request at a time: two in flight measured no faster on two shared cores (bench:alerts).
  // The search-only key over node:http (lib/search/client.ts): queries need nothing more.
  let next = 0;
  const lane = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      const answer = await searchMeili().multiSearch({ queries: chunk.map((c) => c.query) });
      answer.results.forEach((r, j) => {
        const ids = (r.hits as { pairId: number }[]).map((h) => h.pairId);
        if (ids.length) result.set(chunk[j].search, ids);
      });
    }
  };
  await lane();
  return result;
}

type DeliveryRow = { subscriptionId: number; qaPairId: number; version: number; change: AlertChangeKind; daily: boolean };

function deliveriesFor(events: EventRow[], bySearch: Map<string, SubscriptionRow[]>, matched: Map<string, number[]>): DeliveryRow[] {
  const eventsByPair = new Map<number, EventRow[]>();
  for (const e of events) eventsByPair.set(e.qaPairId, [...(eventsByPair.get(e.qaPairId) ?? []), e]);
  const rows: DeliveryRow[] = [];
  for (const [search, ids] of matched) {
    for (const subscription of bySearch.get(search) ?? []) {
      for (const id of ids) {
        for (const event of eventsByPair.get(id) ?? []) {
          // Following a search is about what comes after: nothing published before it was confirmed.
          if (!subscription.activatedAt || subscription.activatedAt > event.createdAt) continue;
          rows.push({ subscriptionId: subscription.id, qaPairId: id, version: event.version, change: event.change, daily: subscription.frequency === "DAILY" });
        }
      }
    }
  }
  return rows;
}

// Plain arrays of numbers and booleans: a 150,000-row batch is a few statements, not a
// few hundred thousand serialised parameters.
async function insertDeliveries(tx: Tx, rows: DeliveryRow[], now: Date): Promise<number> {
  const digestAt = nextDigestAt(now, env().PRESSROOM_DIGEST_HOUR);
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 50_000) {
    const chunk = rows.slice(i, i + 50_000);
    inserted += await tx.$executeRaw`
      INSERT INTO "AlertDelivery" ("subscriptionId", "qaPairId", version, change, "dueAt")
      SELECT s, p, v, CASE WHEN c THEN 'CORRECTION'::"AlertChange" ELSE 'NEW'::"AlertChange" END,
             CASE WHEN d THEN ${digestAt}::timestamp(3) ELSE ${now}::timestamp(3) END
        FROM unnest(${chunk.map((r) => r.subscriptionId)}::int[], ${chunk.map((r) => r.qaPairId)}::int[], ${chunk.map((r) => r.version)}::int[],
                    ${chunk.map((r) => r.change === "CORRECTION")}::boolean[], ${chunk.map((r) => r.daily)}::boolean[]) AS x(s, p, v, c, d)
      ON CONFLICT ("subscriptionId", "qaPairId", version) DO NOTHING`;
  }
  return inserted;
}

/** The next daily digest moment (hour in UTC) strictly after now. */
export function nextDigestAt(now: Date, hourUtc: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
