import path from "node:path";
import pg from "pg";
import { CorpusImportError } from "./import";
import { mapCorpusRecord } from "./mapping";
import { openCorpusFile } from "./reader";
import { parseCorpusLine } from "./record";
import { NOW } from "./statements";

// Corpus sync: what a new snapshot of a corpus file changes against the archive. New and
// changed records are written by the ordinary import (changed pairs keep a Revision of their
// old text, see statements.ts); records that vanished from the file are withdrawn here, with a
// public note, instead of lingering as if the source still said them.

export interface FamilySyncPlan {
  family: string;
  inFile: number;
  fresh: string[];
  changed: string[];
  unchanged: number;
  /** Published pairs of this family whose record is no longer in the file. */
  vanished: { sourceId: string; publicId: string }[];
}

export interface CorpusSyncPlan {
  families: FamilySyncPlan[];
  /** Lines that failed validation: their ids are unknown, so nothing is withdrawn while there are any. */
  invalidLines: number;
}

export const WITHDRAWN_NOTE = "Withdrawn: this record is no longer in the source corpus.";

/** Reads the files and compares every record with what is stored. Writes nothing. */
export async function planCorpusSync(files: string[], databaseUrl = process.env.DATABASE_URL): Promise<CorpusSyncPlan> {
  if (!databaseUrl) throw new CorpusImportError("DATABASE_URL is not set: point it at the Pressroom PostgreSQL database.");
  const inFile = new Map<string, Map<string, string>>();
  let invalidLines = 0;
  for (const file of files) {
    const reader = await openCorpusFile(file).catch((error: Error) => {
      throw new CorpusImportError(`Cannot read ${path.basename(file)}: ${error.message}`);
    });
    try {
      for await (const { text } of reader.lines()) {
        if (!text.trim()) continue;
        const parsed = parseCorpusLine(text);
        if (!parsed.ok) {
          invalidLines++;
          continue;
        }
        const pair = mapCorpusRecord(parsed.record);
        let family = inFile.get(pair.sourceCorpus);
        if (!family) inFile.set(pair.sourceCorpus, (family = new Map()));
        if (!family.has(pair.sourceId)) family.set(pair.sourceId, pair.contentHash);
      }
    } finally {
      reader.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const families: FamilySyncPlan[] = [];
    for (const [family, records] of inFile) {
      const stored = await client.query<{ sourceId: string; publicId: string; contentHash: string | null; status: string }>(
        `SELECT "sourceId", "publicId", "contentHash", status FROM "QaPair" WHERE "sourceCorpus" = $1`,
        [family],
      );
      const plan: FamilySyncPlan = { family, inFile: records.size, fresh: [], changed: [], unchanged: 0, vanished: [] };
      const storedIds = new Set<string>();
      for (const row of stored.rows) {
        storedIds.add(row.sourceId);
        const hash = records.get(row.sourceId);
        if (hash === undefined) {
          if (row.status === "PUBLISHED") plan.vanished.push({ sourceId: row.sourceId, publicId: row.publicId });
        } else if (hash !== row.contentHash) plan.changed.push(row.sourceId);
        else plan.unchanged++;
      }
      for (const sourceId of records.keys()) if (!storedIds.has(sourceId)) plan.fresh.push(sourceId);
      families.push(plan);
    }
    return { families, invalidLines };
  } finally {
    await client.end();
  }
}

/**
 * Unpublishes the vanished pairs of the plan in one transaction: status, public reason,
 * version, a Revision per pair, one AuditEvent per family and DELETE outbox rows. Pairs an
 * editor already changed since the plan are left alone (only PUBLISHED rows are touched).
 */
export async function withdrawVanished(plan: CorpusSyncPlan, databaseUrl = process.env.DATABASE_URL, note = WITHDRAWN_NOTE): Promise<number> {
  if (plan.invalidLines > 0) {
    throw new CorpusImportError(`${plan.invalidLines} lines failed validation, so which records vanished is not certain; fix them before withdrawing anything.`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let withdrawn = 0;
  try {
    await client.query("BEGIN");
    for (const family of plan.families) {
      if (family.vanished.length === 0) continue;
      const rows = await client.query<{ id: number }>(
        `UPDATE "QaPair" SET status = 'UNPUBLISHED', "statusReason" = $3, version = version + 1, "updatedAt" = ${NOW}
          WHERE "sourceCorpus" = $1 AND "sourceId" = ANY($2::text[]) AND status = 'PUBLISHED'
          RETURNING id`,
        [family.family, family.vanished.map((v) => v.sourceId), note],
      );
      const ids = rows.rows.map((r) => r.id);
      if (ids.length === 0) continue;
      const after = { status: "UNPUBLISHED", statusReason: note };
      const diff = [
        { field: "status", before: "PUBLISHED", after: "UNPUBLISHED" },
        { field: "statusReason", before: null, after: note },
      ];
      await client.query(
        `INSERT INTO "Revision" ("entityType", "qaPairId", "conferenceId", version, before, after, diff, "publicNote", "createdAt")
         SELECT 'QaPair', p.id, p."conferenceId", p.version, $2::jsonb, $3::jsonb, $4::jsonb, $5, ${NOW} FROM "QaPair" p WHERE p.id = ANY($1::int[])`,
        [ids, JSON.stringify({ status: "PUBLISHED", statusReason: null }), JSON.stringify(after), JSON.stringify(diff), note],
      );
      await client.query(`INSERT INTO "SearchOutbox" ("qaPairId", op, "availableAt", "createdAt") SELECT id, 'DELETE', ${NOW}, ${NOW} FROM unnest($1::int[]) AS id`, [ids]);
      await client.query(`INSERT INTO "AuditEvent" (action, "targetType", "targetId", summary, "createdAt") VALUES ('corpus.withdraw', 'Corpus', $1, $2, ${NOW})`, [
        family.family,
        `Withdrew ${ids.length} pairs whose records vanished from the ${family.family} corpus file`,
      ]);
      withdrawn += ids.length;
    }
    await client.query("COMMIT");
    return withdrawn;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function formatSyncPlan(plan: CorpusSyncPlan, shown = 20): string {
  const lines: string[] = [];
  for (const f of plan.families) {
    lines.push(`  ${f.family}: ${f.inFile} records in the file; ${f.fresh.length} new, ${f.changed.length} changed, ${f.unchanged} unchanged, ${f.vanished.length} vanished`);
    if (f.changed.length) lines.push(`    changed: ${f.changed.slice(0, shown).join(", ")}${f.changed.length > shown ? ` … and ${f.changed.length - shown} more` : ""}`);
    if (f.vanished.length) {
      lines.push(
        `    vanished: ${f.vanished
          .slice(0, shown)
          .map((v) => `${v.sourceId} (/qa/${v.publicId})`)
          .join(", ")}${f.vanished.length > shown ? ` … and ${f.vanished.length - shown} more` : ""}`,
      );
    }
  }
  if (plan.invalidLines) lines.push(`  ${plan.invalidLines} lines failed validation: nothing will be withdrawn until they are fixed.`);
  return lines.join("\n");
}
