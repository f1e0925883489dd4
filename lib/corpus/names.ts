import type pg from "pg";
import { labelRef, pgRunner, resolveIdentities, type IdentityKind, type LabelInScope } from "@/lib/people/resolve";
import { nameSlug } from "./mapping";
import { NOW, timed } from "./statements";

export type NameRow = { id: number; name: string };

/**
 * The people, outlets and topics a corpus run writes, resolved before each batch and cached
 * for the run. New names are inserted in their own short transaction, before the batch's:
 * inside it, a new name's row lock lasted the whole batch, and the other writer, needing the
 * same new name, waited that long (a third of the Postgres phase was such waits). A batch that
 * fails afterwards leaves only names behind, which the re-run reuses; listings show a speaker,
 * outlet or topic only through published pairs.
 */
export class CorpusNames {
  private readonly cache: Record<IdentityKind | "topic", Map<string, NameRow>> = { speaker: new Map(), outlet: new Map(), topic: new Map() };

  constructor(private readonly pool: pg.Pool) {}

  /**
   * People and outlets through their aliases (lib/people/resolve.ts): "MS. PSAKI" and
   * "QMS. PSAKI" of one organizer are one speaker. Returns labelRef → stored row.
   */
  async people(kind: IdentityKind, items: LabelInScope[]): Promise<Map<string, NameRow>> {
    const cache = this.cache[kind];
    const missing = items.filter((item) => !cache.has(labelRef(kind, item.label, item.scope)));
    if (missing.length) {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        const resolved = await resolveIdentities(pgRunner(client), kind, missing);
        await timed(client, "commit names", "COMMIT");
        for (const [ref, row] of resolved) cache.set(ref, { id: row.id, name: row.name });
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    }
    return cache;
  }

  /** Topics by slug, so "Economy" in two files is one topic. Returns slug → stored row. */
  async topics(names: (string | null)[]): Promise<Map<string, NameRow>> {
    const cache = this.cache.topic;
    const result = new Map<string, NameRow>();
    const unknown = new Map<string, string>();
    for (const name of names) {
      if (!name) continue;
      const slug = nameSlug(name);
      const row = cache.get(slug);
      if (row !== undefined) result.set(slug, row);
      else if (!unknown.has(slug)) unknown.set(slug, name);
    }
    if (unknown.size) {
      // Sorted, so two writers inserting the same new names lock them in the same order.
      const slugs = [...unknown.keys()].sort();
      // DO NOTHING plus a read, not DO UPDATE: an existing name is left exactly as it is.
      await timed(
        this.pool,
        "upsert names",
        `INSERT INTO "Topic" (name, slug, "createdAt") SELECT x.name, x.slug, ${NOW} FROM unnest($1::text[], $2::text[]) AS x(name, slug)
         ON CONFLICT (slug) DO NOTHING`,
        [slugs.map((slug) => unknown.get(slug)!), slugs],
      );
      const rows = await timed<{ id: number; slug: string; name: string }>(this.pool, "select names", `SELECT id, slug, name FROM "Topic" WHERE slug = ANY($1::text[])`, [slugs]);
      for (const row of rows.rows) {
        result.set(row.slug, { id: row.id, name: row.name });
        cache.set(row.slug, { id: row.id, name: row.name });
      }
    }
    return result;
  }
}
