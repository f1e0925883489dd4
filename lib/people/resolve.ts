import { outletMatchKey, personMatchKey } from "./normalise";
import { freeSlug, nameSlug } from "./slug";

// Resolves printed labels to people (Speaker rows) and outlets through their aliases, creating
// what is new. Written as plain SQL over a small runner so the bulk corpus writer (node-postgres)
// and editor publishing (a Prisma transaction) share one implementation.

export type IdentityKind = "speaker" | "outlet";

/** Runs one parameterised statement and returns its rows. */
export type SqlRunner = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** A runner over a Prisma transaction (editor publishing, merges). */
export function prismaRunner(tx: { $queryRawUnsafe<T>(sql: string, ...params: unknown[]): Promise<T> }): SqlRunner {
  return <T>(sql: string, params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params);
}

/** A runner over one node-postgres client (the bulk corpus writer). */
export function pgRunner(client: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner {
  return async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
}

export const IDENTITY_TABLES = {
  speaker: { table: `"Speaker"`, alias: `"SpeakerAlias"`, owner: `"speakerId"`, slugKind: "SPEAKER", lock: 720_601 },
  outlet: { table: `"Outlet"`, alias: `"OutletAlias"`, owner: `"outletId"`, slugKind: "OUTLET", lock: 720_602 },
} as const;

export interface LabelInScope {
  label: string;
  /** The archive the label was printed in (the conference organizer); ignored for outlets. */
  scope: string | null;
}

export interface ResolvedIdentity {
  id: number;
  name: string;
  matchKey: string;
}

/** The match key of a label, or null when it names nobody ("Q", "Journalist"). */
export function identityKey(kind: IdentityKind, label: string, scope: string | null): string | null {
  return kind === "speaker" ? personMatchKey(label, scope) : outletMatchKey(label);
}

/** Map key of a label in its scope in resolveIdentities' result. */
export function labelRef(kind: IdentityKind, label: string, scope: string | null): string {
  return kind === "outlet" ? label : `${scope ?? ""}\u0000${label}`;
}

/**
 * Finds the person or outlet of every label, creating the missing ones and recording every new
 * label as an alias. Must run inside a transaction: it takes a transaction-level advisory lock,
 * so two importers never create the same new person twice.
 *
 * Order: an alias with the same label and key; any alias with the key (a new spelling of a known
 * person); a row from before aliases existed whose slug is the label's (adopted, so existing
 * archives keep their pages); else a new row named as printed.
 */
export async function resolveIdentities(run: SqlRunner, kind: IdentityKind, items: LabelInScope[]): Promise<Map<string, ResolvedIdentity>> {
  const t = IDENTITY_TABLES[kind];
  const wanted = new Map<string, { label: string; key: string }>();
  for (const { label, scope } of items) {
    const trimmed = label.trim();
    const key = trimmed ? identityKey(kind, trimmed, scope) : null;
    if (key) wanted.set(labelRef(kind, label, scope), { label: trimmed, key });
  }
  const result = new Map<string, ResolvedIdentity>();
  if (wanted.size === 0) return result;
  await run(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${t.lock})`, []);

  const keys = [...new Set([...wanted.values()].map((w) => w.key))];
  const aliases = await run<{ matchKey: string; label: string; id: number; name: string }>(
    `SELECT a."matchKey", a.label, o.id, o.name
       FROM ${t.alias} a JOIN ${t.table} s ON s.id = a.${t.owner} JOIN ${t.table} o ON o.id = COALESCE(s."mergedIntoId", s.id)
      WHERE a."matchKey" = ANY($1::text[]) ORDER BY a.id`,
    [keys],
  );
  const byLabel = new Map<string, ResolvedIdentity>();
  const byKey = new Map<string, ResolvedIdentity>();
  for (const row of aliases) {
    const found = { id: row.id, name: row.name, matchKey: row.matchKey };
    byLabel.set(`${row.matchKey}\u0000${row.label}`, found);
    if (!byKey.has(row.matchKey)) byKey.set(row.matchKey, found);
  }

  const unknownKeys = keys.filter((key) => !byKey.has(key));
  if (unknownKeys.length) {
    const labelsOf = new Map<string, string[]>();
    for (const { label, key } of wanted.values()) if (!byKey.has(key)) labelsOf.set(key, [...(labelsOf.get(key) ?? []), label]);
    const legacySlugs = [...new Set([...labelsOf.values()].flat().map(nameSlug))];
    const legacy = await run<{ id: number; name: string; slug: string }>(
      `SELECT s.id, s.name, s.slug FROM ${t.table} s
        WHERE s.slug = ANY($1::text[]) AND s."mergedIntoId" IS NULL
          AND NOT EXISTS (SELECT 1 FROM ${t.alias} a WHERE a.${t.owner} = s.id) ORDER BY s.id`,
      [legacySlugs],
    );
    const legacyBySlug = new Map(legacy.map((row) => [row.slug, row]));
    for (const key of unknownKeys) {
      const labels = labelsOf.get(key)!;
      const adopted = labels.map((label) => legacyBySlug.get(nameSlug(label))).find(Boolean);
      if (adopted) {
        legacyBySlug.delete(adopted.slug); // one legacy row per key; others stay for editors to merge
        byKey.set(key, { id: adopted.id, name: adopted.name, matchKey: key });
        continue;
      }
      const name = labels[0];
      const created = await createIdentity(run, kind, name);
      byKey.set(key, { ...created, matchKey: key });
    }
  }

  const newAliases: { id: number; label: string; key: string }[] = [];
  for (const [ref, { label, key }] of wanted) {
    const exact = byLabel.get(`${key}\u0000${label}`);
    const found = exact ?? byKey.get(key)!;
    result.set(ref, found);
    if (!exact) {
      newAliases.push({ id: found.id, label, key });
      byLabel.set(`${key}\u0000${label}`, found);
    }
  }
  if (newAliases.length) {
    await run(
      `INSERT INTO ${t.alias} (${t.owner}, label, "matchKey") SELECT * FROM unnest($1::int[], $2::text[], $3::text[])
       ON CONFLICT ("matchKey", label) DO NOTHING`,
      [newAliases.map((a) => a.id), newAliases.map((a) => a.label), newAliases.map((a) => a.key)],
    );
  }
  return result;
}

/** Inserts a person or outlet named `name` with a slug no row or old URL uses. */
export async function createIdentity(run: SqlRunner, kind: IdentityKind, name: string): Promise<{ id: number; name: string; slug: string }> {
  const t = IDENTITY_TABLES[kind];
  const base = nameSlug(name);
  const taken = await run<{ slug: string }>(
    `SELECT slug FROM ${t.table} WHERE slug = $1 OR slug LIKE $2
     UNION SELECT "oldSlug" FROM "SlugRedirect" WHERE kind = '${t.slugKind}' AND ("oldSlug" = $1 OR "oldSlug" LIKE $2)`,
    [base, `${base.replace(/[\\%_]/g, "\\$&")}-%`],
  );
  const slug = freeSlug(base, new Set(taken.map((r) => r.slug)));
  const [row] = await run<{ id: number }>(
    `INSERT INTO ${t.table} (name, slug, "createdAt", "updatedAt") VALUES ($1, $2, timezone('UTC', now()), timezone('UTC', now())) RETURNING id`,
    [name, slug],
  );
  return { id: row.id, name, slug };
}
