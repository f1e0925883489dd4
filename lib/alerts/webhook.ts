import { createHmac, randomBytes } from "node:crypto";
import { postJson } from "./webhook-http";

// The webhook contract (issue 16): every body is signed with HMAC-SHA256 of the exact bytes
// sent, in X-Pressroom-Signature: sha256=<hex>; a subscription becomes active when the
// receiver echoes the verification challenge with a 200.

export const SIGNATURE_HEADER = "X-Pressroom-Signature";

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function newWebhookSecret(): string {
  return randomBytes(24).toString("base64url");
}

export async function sendSigned(target: string, secret: string, payload: unknown, extraHeaders: Record<string, string> = {}, timeoutMs?: number) {
  const body = JSON.stringify(payload);
  return postJson(target, body, { [SIGNATURE_HEADER]: signature(body, secret), ...extraHeaders }, timeoutMs);
}

/** Null when the receiver answered the challenge, else why not (for the API answer and the editor page). */
export async function verifyWebhook(target: string, secret: string): Promise<string | null> {
  const challenge = randomBytes(18).toString("base64url");
  try {
    const answer = await sendSigned(target, secret, { type: "verification", challenge }, {}, 5_000);
    if (answer.status !== 200) return `the webhook answered ${answer.status} to the verification request (expected 200 with the challenge)`;
    if (!answer.body.includes(challenge)) return "the webhook answered 200 but without the challenge in its body";
    return null;
  } catch (error) {
    return `the webhook could not be reached: ${(error as Error).message}`;
  }
}
