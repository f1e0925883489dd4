import { AsyncLocalStorage } from "node:async_hooks";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";

/** What the signed session cookie claims; never trusted without the database check below. */
export type SessionClaims = { id: number; sessionEpoch: number };

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
  const user = session?.user as { id?: unknown; sessionEpoch?: unknown } | undefined;
  if (typeof user?.id !== "number" || typeof user.sessionEpoch !== "number") return null;
  return { id: user.id, sessionEpoch: user.sessionEpoch };
}

/**
 * The signed-in user, checked against the database on every call: a disabled account, a
 * bumped sessionEpoch (disable, password reset) or a deleted user count as anonymous, and the
 * role comes from the database, not from the cookie.
 */
export async function currentSessionUser(): Promise<SessionUser | null> {
  const claims = await readClaims();
  if (!claims) return null;
  const user = await db().user.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionEpoch: true },
  });
  if (!user || user.disabledAt || user.sessionEpoch !== claims.sessionEpoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
