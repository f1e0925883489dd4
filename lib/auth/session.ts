import { AsyncLocalStorage } from "node:async_hooks";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";
import { isSessionRevoked } from "./revocation";
import type { SessionUser } from "./roles";

/**
 * What the signed session cookie claims; never trusted without the database check below.
 * sid names the session for sign-out (lib/auth/revocation.ts); cookies always carry one.
 */
export type SessionClaims = { id: number; sessionEpoch: number; sid?: string };

// TEST SEAM. Server actions and route handlers read the session through next-auth, which
// needs a live Next request. Tests run them directly, so they state the session claims with
// runWithSession() instead; the database check (disabled, epoch, role) still runs for real.
// It refuses to work in production builds, so it can never become a way in.
const sessionOverride = new AsyncLocalStorage<{ claims: SessionClaims | null }>();

export function runWithSession<T>(claims: SessionClaims | null, fn: () => T): T {
  if (process.env.NODE_ENV === "production") throw new Error("runWithSession is a test seam and is disabled in production");
  return sessionOverride.run({ claims }, fn);
}

async function readClaims(): Promise<SessionClaims | null> {
  const override = sessionOverride.getStore();
  if (override) return override.claims;
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: unknown; sessionEpoch?: unknown; sid?: unknown } | undefined;
  // A cookie without a sid predates server-side sign-out and could not be revoked: not accepted.
  if (typeof user?.id !== "number" || typeof user.sessionEpoch !== "number" || typeof user.sid !== "string") return null;
  return { id: user.id, sessionEpoch: user.sessionEpoch, sid: user.sid };
}

/**
 * The signed-in user, checked against the database on every call: a disabled account, a
 * bumped sessionEpoch (disable, password reset, sign out everywhere), a signed-out session
 * (revoked sid) or a deleted user count as anonymous, and the
 * role comes from the database, not from the cookie.
 */
export async function currentSessionUser(): Promise<SessionUser | null> {
  const claims = await readClaims();
  if (!claims) return null;
  return sessionUserFor(claims);
}

/** The database half of the check, for claims read from a cookie (or stated by a test). */
export async function sessionUserFor(claims: SessionClaims): Promise<SessionUser | null> {
  const [user, revoked] = await Promise.all([
    db().user.findUnique({
      where: { id: claims.id },
      select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionEpoch: true },
    }),
    claims.sid ? isSessionRevoked(claims.sid) : false,
  ]);
  if (!user || revoked || user.disabledAt || user.sessionEpoch !== claims.sessionEpoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
