import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { unsubscribe } from "./subscriptions";

// The editors' view of every subscription (app/editor/alerts): who follows what, what was
// sent, what is failing. Addresses are shown to editors only; the public pages never list them.

export const PAGE_SIZE = 50;

export const alertListSchema = z.object({
  state: z.enum(["PENDING", "ACTIVE", "UNSUBSCRIBED", "DISABLED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AlertListFilter = z.output<typeof alertListSchema>;

export async function listSubscriptions(filter: AlertListFilter) {
  const where = filter.state ? { state: filter.state } : {};
  const [rows, total, byState, backlog] = await Promise.all([
    db().alertSubscription.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        channel: true,
        target: true,
        search: true,
        frequency: true,
        state: true,
        failures: true,
        lastError: true,
        disabledReason: true,
        createdAt: true,
        _count: { select: { deliveries: { where: { outcome: "sent" } } } },
      },
    }),
    db().alertSubscription.count({ where }),
    db().alertSubscription.groupBy({ by: ["state"], _count: true }),
    alertBacklog(),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), byState: Object.fromEntries(byState.map((s) => [s.state, s._count])), backlog };
}

/** Pairs not matched yet, and matched deliveries due but not sent (for the editor page and checks). */
export async function alertBacklog(): Promise<{ unmatched: number; unsent: number }> {
  const [row] = await db().$queryRaw<{ unmatched: bigint; unsent: bigint }[]>`
    SELECT (SELECT count(*) FROM "AlertOutbox" WHERE "processedAt" IS NULL) AS unmatched,
           (SELECT count(*) FROM "AlertDelivery" WHERE "sentAt" IS NULL AND "dueAt" <= timezone('UTC', now())) AS unsent`;
  return { unmatched: Number(row.unmatched), unsent: Number(row.unsent) };
}

export async function stopSubscriptionAsEditor(id: number, actor: { userId: number; ip: string | null }): Promise<void> {
  await unsubscribe(id);
  await db().$transaction((tx) =>
    recordAudit(tx, { userId: actor.userId, action: "alert.stop", targetType: "AlertSubscription", targetId: id, summary: "Stopped an alert subscription", ip: actor.ip }),
  );
}

/** A webhook disabled after failures starts again (its receiver was fixed). */
export async function resumeSubscriptionAsEditor(id: number, actor: { userId: number; ip: string | null }): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.alertSubscription.updateMany({
      where: { id, state: "DISABLED" },
      data: { state: "ACTIVE", failures: 0, nextAttemptAt: null, lastError: null, disabledReason: null },
    });
    if (updated.count)
      await recordAudit(tx, { userId: actor.userId, action: "alert.resume", targetType: "AlertSubscription", targetId: id, summary: "Resumed a disabled alert", ip: actor.ip });
  });
}
