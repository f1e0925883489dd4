import type pg from "pg";
import type { CorpusPair } from "./mapping";
import { timed } from "./statements";

// Which of a batch's pairs are already stored (and with which content hash), for the writer.

export type StoredPair = { id: number; contentHash: string | null };

/** Families with more stored pairs than this are looked up per batch (see `of`). */
const WHOLE_FAMILY_LIMIT = 100_000;

export class StoredPairs {
  /** Every stored pair of a small file family, loaded once per run instead of one SELECT per batch. */
  private readonly loaded = new Map<string, Promise<Map<string, StoredPair>>>();

  constructor(private readonly pool: pg.Pool) {}

  /** The stored rows of the batch's pairs, keyed by family and source id; `fresh` reads them again. */
  async of(pairs: CorpusPair[], fresh: boolean): Promise<Map<string, StoredPair>> {
    const result = new Map<string, StoredPair>();
    const families = new Set(pairs.map((p) => p.sourceCorpus));
    for (const family of families) {
      let loaded = fresh ? undefined : this.loaded.get(family);
      if (!loaded) {
        // A family of up to WHOLE_FAMILY_LIMIT stored pairs is loaded once per run (one scan
        // instead of one lookup per batch); a larger one is looked up per batch by the unique
        // index, so a re-run of a million-pair file does not hold a million rows in memory.
        const perBatch = fresh || (await this.familyIsLarge(family));
        const ids = perBatch ? pairs.filter((p) => p.sourceCorpus === family).map((p) => p.sourceId) : null;
        loaded = timed<{ id: number; sourceId: string; contentHash: string | null }>(
          this.pool,
          "select pairs",
          `SELECT id, "sourceId", "contentHash" FROM "QaPair" WHERE "sourceCorpus" = $1 ${ids ? `AND "sourceId" = ANY($2::text[])` : ""}`,
          ids ? [family, ids] : [family],
        ).then((rows) => new Map(rows.rows.map((row) => [row.sourceId, { id: row.id, contentHash: row.contentHash }])));
        // Records are unique per run (the importer skips repeated ids), so the family map
        // never needs the rows this run writes.
        if (!perBatch) this.loaded.set(family, loaded);
      }
      for (const [sourceId, row] of await loaded) result.set(`${family}\u0000${sourceId}`, row);
    }
    return result;
  }

  private readonly largeFamilies = new Map<string, Promise<boolean>>();

  private familyIsLarge(family: string): Promise<boolean> {
    let answer = this.largeFamilies.get(family);
    if (!answer) {
      answer = this.pool
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "QaPair" WHERE "sourceCorpus" = $1 LIMIT $2) AS stored`, [family, WHOLE_FAMILY_LIMIT + 1])
        .then((r) => r.rows[0].n > WHOLE_FAMILY_LIMIT);
      this.largeFamilies.set(family, answer);
    }
    return answer;
  }
}
