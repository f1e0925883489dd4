import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkThrottle, LoginRefusedError, recordFailure, recordSuccess } from "./throttle";
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
 */
export async function verifyLogin(
  raw: { email?: unknown; password?: unknown },
  ip: string | null,
  options: { wait?: (ms: number) => Promise<unknown> } = {},
): Promise<VerifiedLogin | null> {
  const parsed = loginInputSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;
  const client = db();

  const decision = await checkThrottle(client, email, ip);
  if (decision.kind === "refuse") throw new LoginRefusedError(decision.retryAfterMinutes);
  if (decision.delayMs > 0) await (options.wait ?? sleep)(decision.delayMs);

  const user = await client.user.findUnique({ where: { email } });
  let ok = false;
  if (user) ok = (await verifyPassword(user.passwordHash, password)) && !user.disabledAt;
  else await burnPasswordCheck(password);

  if (!ok || !user) {
    await recordFailure(client, email, ip);
    return null;
  }
  await recordSuccess(client, email, ip);
  await client.$transaction((tx) => recordAudit(tx, { userId: user.id, action: "user.login", targetType: "User", targetId: user.id, summary: `Signed in as ${user.email}`, ip }));
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionEpoch: user.sessionEpoch };
}
