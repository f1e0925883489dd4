import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Public reads from a Postgres streaming replica (DATABASE_REPLICA_URL, `npm run cluster`).
// A read goes to the replica only when (1) the request is a visitor's (scripts/web-server.ts
// marks anonymous GET/HEAD requests with withPublicReads; editors, sign-ins and every write
// stay on the primary, so editors read their own writes), (2) it is outside a transaction, and
// (3) the replica has replayed what the primary had written PRESSROOM_REPLICA_MAX_LAG_SECONDS
// ago (default 5). A replica that lags or fails is skipped; a failed replica read is retried
// on the primary. Without DATABASE_REPLICA_URL none of this runs.

const READ_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);

// On globalThis: Next bundles lib/ into its server chunks, a second copy of this module from
// the one web-server.ts imports; both must see the same context.
const key = Symbol.for("pressroom.publicReads");
const globalForReads = globalThis as unknown as Record<symbol, AsyncLocalStorage<boolean> | undefined>;
const publicReads = (globalForReads[key] ??= new AsyncLocalStorage<boolean>());

/** Runs fn as a visitor's request: its reads may be served by the replica. */
export function withPublicReads<T>(fn: () => T): T {
  return publicReads.run(true, fn);
}

export function maxReplicaLagSeconds(): number {
  const value = Number(process.env.PRESSROOM_REPLICA_MAX_LAG_SECONDS ?? 5);
  return Number.isFinite(value) && value >= 0 ? value : 5;
}

function lsn(text: string | null): bigint | null {
  if (!text) return null;
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * Watches replay progress once a second. The replica is usable when it has replayed at least
 * the primary's WAL position of maxLag seconds ago: an idle archive with an idle replica
 * counts as caught up, one that stopped replaying does not.
 */
export class ReplicaLagWatch {
  private history: { at: number; lsn: bigint }[] = [];
  private timer?: NodeJS.Timeout;
  usable = false;
  lastError?: string;

  constructor(
    private readonly primary: pg.Pool,
    private readonly replica: pg.Pool,
  ) {}

  async check(now = Date.now()): Promise<boolean> {
    try {
      const [{ rows: p }, { rows: r }] = await Promise.all([
        this.primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"),
        this.replica.query<{ lsn: string | null }>("SELECT pg_last_wal_replay_lsn()::text AS lsn"),
      ]);
      this.history.push({ at: now, lsn: lsn(p[0].lsn)! });
      const bound = now - maxReplicaLagSeconds() * 1000;
      // The newest primary position at least maxLag old (or the oldest we have).
      while (this.history.length > 1 && this.history[1].at <= bound) this.history.shift();
      const replayed = lsn(r[0].lsn);
      this.usable = replayed !== null && replayed >= this.history[0].lsn;
      this.lastError = this.usable ? undefined : "the replica is behind the primary by more than the lag bound";
    } catch (error) {
      this.usable = false;
      this.lastError = (error as Error).message;
    }
    return this.usable;
  }

  start(intervalMs = 1000): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The primary client with visitors' reads routed to the replica while it keeps up. */
export function withReadReplica(primary: PrismaClient, replica: PrismaClient, watch: ReplicaLagWatch): PrismaClient {
  return primary.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query, ...rest }) {
          const inTransaction = Boolean((rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction);
          if (inTransaction || !READ_OPERATIONS.has(operation) || !publicReads.getStore() || !watch.usable) return query(args);
          const delegate = (replica as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[model.charAt(0).toLowerCase() + model.slice(1)];
          try {
            return await delegate[operation](args);
          } catch (error) {
            // Known request errors (a record not found…) are answers; anything else is the replica failing.
            if ((error as { code?: string }).code?.startsWith("P2")) throw error;
            watch.usable = false;
            return query(args);
          }
        },
      },
    },
  }) as unknown as PrismaClient;
}
