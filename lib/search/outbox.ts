import type { Tx } from "@/lib/db/client";

export type OutboxOperation = "UPSERT" | "DELETE";

/**
 * Records that these pairs must be (re)indexed or removed. Call it inside the transaction
 * that changes the rows, so the index can never miss a committed change.
 */
export async function enqueueSearchSync(tx: Tx, qaPairIds: number[], op: OutboxOperation = "UPSERT"): Promise<void> {
  if (qaPairIds.length === 0) return;
  await tx.searchOutbox.createMany({ data: qaPairIds.map((qaPairId) => ({ qaPairId, op })) });
}

/**
 * Records that these conferences' statements (opening and closing remarks, outside any pair)
 * must be re-indexed: the worker rebuilds all of a conference's statement documents at once
 * and removes those that are gone, so callers need not track individual turns.
 */
export async function enqueueStatementSync(tx: Tx, conferenceIds: number[]): Promise<void> {
  if (conferenceIds.length === 0) return;
  await tx.searchOutbox.createMany({ data: [...new Set(conferenceIds)].map((statementsOfConferenceId) => ({ statementsOfConferenceId, op: "UPSERT" as const })) });
}
