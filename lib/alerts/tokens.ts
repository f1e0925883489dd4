import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// Manage/unsubscribe links carry an HMAC of the subscription id, so every email can include
// one without storing it, and nobody can guess another subscription's link. Confirmation
// tokens are random and stored only as a hash, with an expiry.

export const CONFIRM_TTL_MS = 48 * 3600_000;

function manageMac(id: number): string {
  return createHmac("sha256", authSecret()).update(`pressroom-alert-manage:${id}`).digest("base64url").slice(0, 32);
}

export function manageToken(id: number): string {
  return `${id}.${manageMac(id)}`;
}

/** The subscription id a manage token stands for, or null when it is not one of ours. */
export function subscriptionIdFromManageToken(token: string): number | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(manageMac(id));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: sha256(token) };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
