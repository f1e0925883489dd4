import type { Tx } from "@/lib/db/client";

// How the alerts worker learns of new and corrected pairs: a row per pair, written in the
// same transaction as the change, next to the search outbox row. The worker only reads rows
// whose pair has no search outbox row left to do (match.ts), so it matches against the index as changed.
// The version is read in the same statement, so the row names the revision that committed.

export type AlertChangeKind = "NEW" | "CORRECTION";

/** For callers that write with plain SQL on a pg client (the bulk importer): $1 pair ids, $2 change. */
export function alertOutboxInsertSql(createdAt: string): string {
  return `INSERT INTO "AlertOutbox" ("qaPairId", version, change, "createdAt")
          SELECT p.id, p.version, $2::"AlertChange", ${createdAt} FROM "QaPair" p WHERE p.id = ANY($1::int[])`;
}

/** Records that these pairs were published (NEW) or corrected (CORRECTION); call inside the changing transaction. */
export async function enqueueAlertCheck(tx: Tx, qaPairIds: number[], change: AlertChangeKind): Promise<void> {
  if (qaPairIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AlertOutbox" ("qaPairId", version, change, "createdAt")
    SELECT p.id, p.version, ${change}::"AlertChange", timezone('UTC', now()) FROM "QaPair" p WHERE p.id = ANY(${qaPairIds}::int[])`;
}
