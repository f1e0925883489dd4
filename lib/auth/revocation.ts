import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

// Sign-out must end the session on the server too: a copied session cookie (JWT) stays
// cryptographically valid until it expires, so each JWT carries a random session id (sid) and
// signing out records that sid as revoked until the JWT would have expired anyway.
// "Sign out everywhere" bumps User.sessionEpoch instead, which the guard compares on every call.

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}

/** Records a signed-out session. `expiresAt` is the JWT's exp; rows past it are pruned here. */
export async function revokeSession(sessionId: string, userId: number, expiresAt: Date): Promise<void> {
  const client = db();
  await client.revokedSession.upsert({
    where: { sessionId },
    create: { sessionId, userId, expiresAt },
    update: {},
  });
  await client.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

export async function isSessionRevoked(sessionId: string): Promise<boolean> {
  return (await db().revokedSession.count({ where: { sessionId } })) > 0;
}
