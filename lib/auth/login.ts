import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { verifiedDeviceId } from "./device-cookie";
import { burnPasswordCheck, verifyPassword } from "./password";
import { LoginRefusedError, recordSuccess, REFUSE_AFTER_FAILURES, reserveAttempt } from "./throttle";
import type { Role } from "./roles";

export { LoginRefusedError };

export const loginInputSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

export type VerifiedLogin = { id: number; email: string; name: string | null; role: Role; sessionEpoch: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a login. Returns the user, or null for any wrong email/password/disabled account
 * (callers show one generic message), or throws LoginRefusedError when throttled.
 * `ip` is the address the throttle counts and the audit log records (lib/auth/client-ip.ts);
 * `deviceCookie` is the raw device cookie the browser sent, if any (lib/auth/device-cookie.ts).
 */
export async function verifyLogin(
  raw: { email?: unknown; password?: unknown },
  ip: string | null,
  options: { wait?: (ms: number) => Promise<unknown>; deviceCookie?: string | null } = {},
): Promise<VerifiedLogin | null> {
  const parsed = loginInputSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;
  const client = db();

  const user = await client.user.findUnique({ where: { email } });
  const device = user ? verifiedDeviceId(options.deviceCookie, user.id) : null;
  // The try is counted (as a failure) before its password is looked at.
  const reservation = await reserveAttempt(client, email, { ip, device });
  if (reservation.kind === "refuse") throw new LoginRefusedError(reservation.retryAfterMinutes);
  if (reservation.delayMs > 0) await (options.wait ?? sleep)(reservation.delayMs);

  let ok = false;
  if (user) ok = (await verifyPassword(user.passwordHash, password)) && !user.disabledAt;
  else await burnPasswordCheck(password);
  if (!ok || !user) {
    // The try that locks an account for unknown clients goes into the audit log (once per lockout).
    if (user && !reservation.trusted && reservation.failures + 1 === REFUSE_AFTER_FAILURES) {
      await client.$transaction((tx) =>
        recordAudit(tx, {
          userId: null,
          action: "user.login_locked",
          targetType: "User",
          targetId: user.id,
          summary: `Sign-in to ${user.email} locked for unknown browsers after ${REFUSE_AFTER_FAILURES} failed tries`,
          ip,
        }),
      );
    }
    return null;
  }

  await client.$transaction(async (tx) => {
    await recordSuccess(tx, reservation.attemptId);
    await recordAudit(tx, {
      userId: user.id,
      action: "user.login",
      targetType: "User",
      targetId: user.id,
      summary: `Signed in as ${user.email}${reservation.trusted ? " (known device)" : ""}`,
      ip,
    });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch };
}
