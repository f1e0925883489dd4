import { db, type Tx } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { displayedPairs } from "@/lib/search/displayed-pairs";
import { manageUrl, searchUrl, unsubscribeUrl } from "./links";
import { isPermanentRecipientError, sendMail } from "./mail";
import { alertHtml, alertPayload, alertSubject, alertText, type AlertPair } from "./message";
import type { AlertChangeKind } from "./outbox";
import { sendSigned } from "./webhook";

// Sending what match.ts logged. One subscription at a time, under a row lock on it held until
// the log says "sent": two workers never send the same rows, and a failed send leaves them
// unsent for the next attempt (with backoff). The only window for a repeat is a crash between
// the receiver accepting and the commit; messages carry a stable id (Message-ID,
// X-Pressroom-Delivery) so receivers can recognise such a repeat.

export const MAX_WEBHOOK_FAILURES = 6;
export const MAX_PAIRS_PER_MESSAGE = 50;

export interface DeliverResult {
  messages: number;
  pairs: number;
  failed: number;
}

export function retryDelayMs(failures: number): number {
  return Math.min(6 * 3600_000, 30_000 * 2 ** Math.min(failures - 1, 10));
}

export async function deliverDueOnce(options: { maxSubscriptions?: number } = {}): Promise<DeliverResult> {
  const due = await db().$queryRaw<{ subscriptionId: number }[]>`
    SELECT DISTINCT d."subscriptionId" FROM "AlertDelivery" d JOIN "AlertSubscription" s ON s.id = d."subscriptionId"
     WHERE d."sentAt" IS NULL AND d."dueAt" <= timezone('UTC', now()) AND s.state = 'ACTIVE'
       AND (s."nextAttemptAt" IS NULL OR s."nextAttemptAt" <= timezone('UTC', now()))
     LIMIT ${options.maxSubscriptions ?? 50}`;
  const total: DeliverResult = { messages: 0, pairs: 0, failed: 0 };
  for (const { subscriptionId } of due) {
    const one = await deliverToSubscription(subscriptionId);
    total.messages += one.messages;
    total.pairs += one.pairs;
    total.failed += one.failed;
  }
  return total;
}

type Subscription = { id: number; channel: "EMAIL" | "WEBHOOK"; search: string; target: string; webhookSecret: string | null; failures: number };
type Pending = { id: bigint; qaPairId: number; version: number; change: AlertChangeKind };

async function deliverToSubscription(subscriptionId: number): Promise<DeliverResult> {
  return db().$transaction(
    async (tx) => {
      const [subscription] = await tx.$queryRaw<Subscription[]>`
        SELECT id, channel::text AS channel, search, target, "webhookSecret", failures FROM "AlertSubscription"
         WHERE id = ${subscriptionId} AND state = 'ACTIVE' FOR UPDATE SKIP LOCKED`;
      if (!subscription) return { messages: 0, pairs: 0, failed: 0 };
      const pending = await tx.$queryRaw<Pending[]>`
        SELECT id, "qaPairId", version, change::text AS change FROM "AlertDelivery"
         WHERE "subscriptionId" = ${subscriptionId} AND "sentAt" IS NULL AND "dueAt" <= timezone('UTC', now())
         ORDER BY id`;
      const { send, superseded, withdrawn } = await prepare(pending);
      await close(tx, superseded, "superseded");
      await close(tx, withdrawn, "withdrawn");
      const batch = send.slice(0, MAX_PAIRS_PER_MESSAGE);
      if (batch.length === 0) return { messages: 0, pairs: 0, failed: 0 };
      try {
        await sendTo(
          subscription,
          batch.map((b) => b.item),
          `${subscription.id}-${batch[0].row.id}`,
        );
      } catch (error) {
        await recordFailure(tx, subscription, error);
        return { messages: 0, pairs: 0, failed: batch.length };
      }
      await close(
        tx,
        batch.map((b) => b.row.id),
        "sent",
      );
      await tx.$executeRaw`UPDATE "AlertSubscription" SET failures = 0, "lastError" = NULL, "nextAttemptAt" = NULL WHERE id = ${subscriptionId}`;
      return { messages: 1, pairs: batch.length, failed: 0 };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Only the newest revision of each pair goes out; pairs no longer public are not sent at all. */
async function prepare(pending: Pending[]) {
  const newest = new Map<number, Pending>();
  const superseded: bigint[] = [];
  for (const row of pending) {
    const seen = newest.get(row.qaPairId);
    if (seen && seen.version >= row.version) superseded.push(row.id);
    else {
      if (seen) superseded.push(seen.id);
      newest.set(row.qaPairId, row);
    }
  }
  const ids = [...newest.keys()];
  const pairs = ids.length ? await db().qaPair.findMany({ where: { id: { in: ids } }, select: { id: true, publicId: true, correctionNote: true } }) : [];
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const shown = await displayedPairs(pairs.map((p) => p.publicId));
  const send: { row: Pending; item: AlertPair }[] = [];
  const withdrawn: bigint[] = [];
  for (const row of newest.values()) {
    const stored = byId.get(row.qaPairId);
    const pair = stored ? shown.get(stored.publicId) : undefined;
    if (!stored || !pair) withdrawn.push(row.id);
    else send.push({ row, item: { pair, version: row.version, change: row.change, correctionNote: stored.correctionNote } });
  }
  return { send, superseded, withdrawn };
}

async function close(tx: Tx, ids: bigint[], outcome: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`UPDATE "AlertDelivery" SET "sentAt" = timezone('UTC', now()), outcome = ${outcome} WHERE id = ANY(${ids}::bigint[])`;
}

async function sendTo(subscription: Subscription, items: AlertPair[], deliveryId: string): Promise<void> {
  const links = { base: publicBaseUrl(), manageUrl: manageUrl(subscription.id), searchUrl: searchUrl(subscription.search) };
  if (subscription.channel === "EMAIL") {
    await sendMail({
      to: subscription.target,
      subject: alertSubject(subscription.search, items),
      text: alertText(subscription.search, items, links),
      html: alertHtml(subscription.search, items, links),
      unsubscribeUrl: unsubscribeUrl(subscription.id),
      messageId: `<alert-${deliveryId}@${new URL(links.base).hostname}>`,
    });
    return;
  }
  const answer = await sendSigned(subscription.target, subscription.webhookSecret ?? "", alertPayload(subscription.search, items, links), { "X-Pressroom-Delivery": deliveryId });
  if (answer.status < 200 || answer.status >= 300) throw new Error(`the webhook answered ${answer.status}`);
}

async function recordFailure(tx: Tx, subscription: Subscription, error: unknown): Promise<void> {
  const failures = subscription.failures + 1;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const giveUp = subscription.channel === "WEBHOOK" ? failures >= MAX_WEBHOOK_FAILURES : isPermanentRecipientError(error);
  if (!giveUp) {
    await tx.$executeRaw`
      UPDATE "AlertSubscription" SET failures = ${failures}, "lastError" = ${message},
             "nextAttemptAt" = timezone('UTC', now()) + make_interval(secs => ${retryDelayMs(failures) / 1000}::double precision)
       WHERE id = ${subscription.id}`;
    return;
  }
  const reason = subscription.channel === "WEBHOOK" ? `disabled after ${failures} failed deliveries in a row; last: ${message}` : `the mail server refused the address: ${message}`;
  await tx.alertSubscription.update({ where: { id: subscription.id }, data: { state: "DISABLED", failures, lastError: message, disabledReason: reason } });
  // The notice: on the editors' alerts page and in the audit trail, and (best effort) to the receiver itself.
  await recordAudit(tx, { userId: null, action: "alert.disable", targetType: "AlertSubscription", targetId: subscription.id, summary: reason });
  if (subscription.channel === "WEBHOOK") {
    await sendSigned(subscription.target, subscription.webhookSecret ?? "", { type: "disabled", search: subscription.search, reason }, {}, 5_000).catch(() => {});
  }
}
