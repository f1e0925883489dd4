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
