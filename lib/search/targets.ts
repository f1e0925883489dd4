import { z } from "zod";
import { db } from "@/lib/db/client";

// Several Meilisearch instances (Community Edition has no replication): each is a "target" fed
// from the outbox with its own delivery position in Postgres (SearchTarget). Configured with
//   MEILI_TARGETS=search-1=http://10.0.0.5:7700,search-2=http://10.0.0.6:7700
// Unset, there is one instance (MEILI_HOST) and the outbox works as it always has (worker.ts).

export interface SearchTargetConfig {
  name: string;
  host: string;
}

const targetEntry = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}=\S+$/, "each entry must be name=url, the name made of letters, digits, - and _")
  .transform((entry) => {
    const at = entry.indexOf("=");
    return { name: entry.slice(0, at), host: entry.slice(at + 1).replace(/\/+$/, "") };
  })
  .pipe(z.object({ name: z.string(), host: z.string().url("the part after = must be a URL such as http://127.0.0.1:7700") }));

const targetsSchema = z
  .array(targetEntry)
  .min(1)
  .refine((targets) => new Set(targets.map((t) => t.name)).size === targets.length, "target names must be distinct");

/** The configured instances, or null when MEILI_TARGETS is unset (one instance, MEILI_HOST). */
export function configuredTargets(value = process.env.MEILI_TARGETS): SearchTargetConfig[] | null {
  if (!value?.trim()) return null;
  const parsed = targetsSchema.safeParse(value.split(",").filter((entry) => entry.trim()));
  if (!parsed.success) {
    throw new Error(`MEILI_TARGETS is invalid (${parsed.error.issues.map((issue) => issue.message).join("; ")}): expected name=url,name=url`);
  }
  return parsed.data;
}

/** Adds the configured targets (a new one starts at position zero: the worker builds it from Postgres) and records their hosts. */
export async function registerTargets(targets: SearchTargetConfig[]): Promise<void> {
  for (const { name, host } of targets) {
    await db().$executeRaw`
      INSERT INTO "SearchTarget" (name, host) VALUES (${name}, ${host})
      ON CONFLICT (name) DO UPDATE SET host = EXCLUDED.host WHERE "SearchTarget".host <> EXCLUDED.host`;
  }
}

export interface TargetStatus {
  name: string;
  host: string;
  /** Seconds since the oldest row this target has not been fed was written (0 when fed up to date). */
  lagSeconds: number;
  /** Rows not yet fed, counted up to 10,000. */
  pending: number;
  rebuilding: boolean;
  lastError: string | null;
}

/** Where each configured target stands against the outbox: one indexed range scan per target. */
export async function targetStatuses(targets: SearchTargetConfig[]): Promise<TargetStatus[]> {
  const rows = await db().$queryRaw<{ name: string; host: string; oldest: Date | null; pending: bigint; rebuildingSince: Date | null; lastError: string | null; now: Date }[]>`
    SELECT t.name, t.host, t."rebuildingSince", t."lastError", now() AS now,
      (SELECT o."createdAt" FROM "SearchOutbox" o WHERE (o.txid, o.id) > (t."positionXid", t."positionId") ORDER BY o.txid, o.id LIMIT 1) AS oldest,
      (SELECT count(*) FROM (SELECT 1 FROM "SearchOutbox" o WHERE (o.txid, o.id) > (t."positionXid", t."positionId") LIMIT 10000) behind) AS pending
    FROM "SearchTarget" t WHERE t.name = ANY(${targets.map((t) => t.name)}::text[])`;
  const byName = new Map(rows.map((row) => [row.name, row]));
  return targets.map(({ name, host }) => {
    const row = byName.get(name);
    // Not registered yet: no worker has started; it has everything still to do.
    if (!row) return { name, host, lagSeconds: Number.POSITIVE_INFINITY, pending: 10_000, rebuilding: true, lastError: null };
    return {
      name,
      host,
      lagSeconds: row.oldest ? Math.max(0, (row.now.getTime() - row.oldest.getTime()) / 1000) : 0,
      pending: Number(row.pending),
      rebuilding: row.rebuildingSince !== null,
      lastError: row.lastError,
    };
  });
}
