import { z } from "zod";
import { db } from "@/lib/db/client";
import { escapeHtml } from "@/lib/search/syntax";
import { admitRequest } from "./limits";
import { confirmUrl, manageUrl } from "./links";
import { MailNotConfiguredError, mailConfigured, sendMail } from "./mail";
import { describeSearch, savedSearchFrom } from "./saved-search";
import { CONFIRM_TTL_MS, newConfirmToken, sha256 } from "./tokens";
import { checkWebhookTarget } from "./webhook-http";
import { newWebhookSecret, verifyWebhook } from "./webhook";

// Following a search. Email needs a confirmation link (double opt-in); a webhook must echo a
// signed challenge. Answers never say whether an address already follows a search: the
// requester learns only what they could learn by reading their own mailbox or receiver.

export type Frequency = "IMMEDIATE" | "DAILY";
export const frequencySchema = z.enum(["immediate", "daily"], { error: 'frequency must be "immediate" or "daily"' }).transform((f) => f.toUpperCase() as Frequency);
export const emailSchema = z
  .string()
  .trim()
  .max(254, "email is longer than 254 characters")
  .pipe(z.email({ error: "email is not a valid address" }))
  .transform((e) => e.toLowerCase());

export class AlertInputError extends Error {}

export interface EmailRequest {
  search: string;
  email: string;
  frequency: Frequency;
  ip: string | null;
}

/** Always answers "pending confirmation": a confirmation link, or a reminder if the address already follows. */
export async function requestEmailAlert(input: EmailRequest): Promise<{ state: "pending_confirmation" }> {
  const saved = savedSearchFrom(input.search);
  if (!saved.ok) throw new AlertInputError(saved.message);
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AlertInputError(email.error.issues[0].message);
  if (!mailConfigured()) throw new MailNotConfiguredError();
  await admitRequest(email.data, input.ip);
  const search = saved.value.search;
  const key = { channel_target_search: { channel: "EMAIL" as const, target: email.data, search } };
  const existing = await db().alertSubscription.findUnique({ where: key });
  const what = describeSearch(search);
  if (existing?.state === "ACTIVE") {
    const link = manageUrl(existing.id);
    await sendMail({
      to: email.data,
      subject: `Pressroom: you already follow ${what}`.slice(0, 200),
      text: `This address already receives alerts for ${what}.\n\nSomeone (perhaps you) asked to follow it again; nothing changed.\nChange or stop these alerts: ${link}\n`,
      html: `<p>This address already receives alerts for ${escapeHtml(what)}.</p><p>Someone (perhaps you) asked to follow it again; nothing changed.</p><p><a href="${escapeHtml(link)}">Change or stop these alerts</a></p>`,
    });
    return { state: "pending_confirmation" };
  }
  const { token, hash } = newConfirmToken();
  const pending = { state: "PENDING" as const, frequency: input.frequency, confirmTokenHash: hash, confirmExpiresAt: new Date(Date.now() + CONFIRM_TTL_MS), disabledReason: null };
  await db().alertSubscription.upsert({ where: key, create: { channel: "EMAIL", target: email.data, search, ...pending }, update: pending });
  const link = confirmUrl(token);
  await sendMail({
    to: email.data,
    subject: `Pressroom: confirm your alert for ${what}`.slice(0, 200),
    text: `Please confirm that you want email alerts from Pressroom for ${what}.\n\nConfirm: ${link}\n\nThe link works for 48 hours. If you did not ask for this, ignore this email: nothing will be sent.\n`,
    html: `<p>Please confirm that you want email alerts from Pressroom for ${escapeHtml(what)}.</p><p><a href="${escapeHtml(link)}">Confirm this alert</a></p><p>The link works for 48 hours. If you did not ask for this, ignore this email: nothing will be sent.</p>`,
  });
  return { state: "pending_confirmation" };
}

export type ConfirmOutcome = { ok: true; subscriptionId: number; search: string } | { ok: false; reason: "unknown" | "expired" };

/** What a confirmation link stands for, without using it (the page asks for a click first). */
export async function lookupConfirmation(token: string): Promise<ConfirmOutcome> {
  const found = await db().alertSubscription.findUnique({ where: { confirmTokenHash: sha256(token) } });
  if (!found) return { ok: false, reason: "unknown" };
  if (!found.confirmExpiresAt || found.confirmExpiresAt < new Date()) return { ok: false, reason: "expired" };
  return { ok: true, subscriptionId: found.id, search: found.search };
}

export async function confirmEmailAlert(token: string): Promise<ConfirmOutcome> {
  const looked = await lookupConfirmation(token);
  if (!looked.ok) return looked;
  const updated = await db().alertSubscription.updateMany({
    where: { id: looked.subscriptionId, confirmTokenHash: sha256(token) },
    data: { state: "ACTIVE", activatedAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null, failures: 0, lastError: null },
  });
  return updated.count ? looked : { ok: false, reason: "unknown" };
}

export interface WebhookRequest {
  search: string;
  webhook: string;
  secret?: string;
  frequency: Frequency;
  ip: string | null;
}

export interface WebhookOutcome {
  state: "active" | "pending_verification";
  message?: string;
  /** Only when Pressroom generated the secret now; an existing secret is never shown again. */
  secret?: string;
  manageUrl?: string;
}

export async function requestWebhookAlert(input: WebhookRequest): Promise<WebhookOutcome> {
  const saved = savedSearchFrom(input.search);
  if (!saved.ok) throw new AlertInputError(saved.message);
  let target: string;
  try {
    target = await checkWebhookTarget(input.webhook);
  } catch (error) {
    throw new AlertInputError((error as Error).message);
  }
  await admitRequest(target, input.ip);
  const search = saved.value.search;
  const key = { channel_target_search: { channel: "WEBHOOK" as const, target, search } };
  const existing = await db().alertSubscription.findUnique({ where: key });
  const generated = input.secret ? null : existing?.webhookSecret ? null : newWebhookSecret();
  const secret = input.secret ?? existing?.webhookSecret ?? generated!;
  const failure = await verifyWebhook(target, secret);
  if (failure) {
    // A failed verification changes nothing about a subscription someone else set up.
    if (!existing) await db().alertSubscription.create({ data: { channel: "WEBHOOK", target, search, frequency: input.frequency, state: "PENDING", lastError: failure } });
    return { state: existing?.state === "ACTIVE" ? "active" : "pending_verification", message: failure };
  }
  const active = { state: "ACTIVE" as const, webhookSecret: secret, frequency: input.frequency, failures: 0, lastError: null, nextAttemptAt: null, disabledReason: null };
  const row = await db().alertSubscription.upsert({
    where: key,
    create: { channel: "WEBHOOK", target, search, activatedAt: new Date(), ...active },
    update: { ...active, ...(existing?.state === "ACTIVE" ? {} : { activatedAt: new Date() }) },
  });
  return { state: "active", ...(generated ? { secret: generated } : {}), manageUrl: manageUrl(row.id) };
}

/** Stops a subscription; deliveries not yet sent are closed as cancelled, kept in the log. */
export async function unsubscribe(id: number): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const updated = await tx.alertSubscription.updateMany({ where: { id, state: { not: "UNSUBSCRIBED" } }, data: { state: "UNSUBSCRIBED", confirmTokenHash: null } });
    await tx.alertDelivery.updateMany({ where: { subscriptionId: id, sentAt: null }, data: { sentAt: new Date(), outcome: "cancelled" } });
    return updated.count > 0;
  });
}

export async function setFrequency(id: number, frequency: Frequency): Promise<void> {
  await db().alertSubscription.update({ where: { id }, data: { frequency } });
}

export async function subscriptionForManage(id: number) {
  return db().alertSubscription.findUnique({
    where: { id },
    select: { id: true, channel: true, search: true, target: true, frequency: true, state: true, disabledReason: true, createdAt: true },
  });
}
