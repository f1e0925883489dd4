import type { PrismaClient } from "@/lib/db/client";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures allowed in the window before each further try is slowed down. */
export const FREE_FAILURES = 5;
/** Failures in the window after which tries are refused outright until old ones age out. */
export const REFUSE_AFTER_FAILURES = 10;
const MAX_DELAY_MS = 8_000;

export type ThrottleDecision =
  | { kind: "allow"; delayMs: number; failures: number }
  | { kind: "refuse"; retryAfterMinutes: number; failures: number };

export class LoginRefusedError extends Error {
  constructor(readonly retryAfterMinutes: number) {
    super(`Too many failed attempts; try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`);
    this.name = "LoginRefusedError";
  }
}

/**
 * Pure policy: given the failure times in the window for the email and for the IP (newest
 * first), how long to stall this try, or whether to refuse it. The busier key decides.
 */
export function decideThrottle(failureTimes: Date[][], now: Date): ThrottleDecision {
  let worst: Date[] = [];
  for (const times of failureTimes) if (times.length > worst.length) worst = times;
  const failures = worst.length;
  if (failures >= REFUSE_AFTER_FAILURES) {
    // Tries resume once enough failures have aged out to drop below the refusal line.
    const sorted = [...worst].sort((a, b) => b.getTime() - a.getTime());
    const unlocking = sorted[REFUSE_AFTER_FAILURES - 1];
    const waitMs = unlocking.getTime() + THROTTLE_WINDOW_MS - now.getTime();
    return { kind: "refuse", retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)), failures };
  }
  if (failures >= FREE_FAILURES) {
    return { kind: "allow", delayMs: Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES)), failures };
  }
  return { kind: "allow", delayMs: 0, failures };
}

export async function checkThrottle(client: PrismaClient, email: string, ip: string | null, now = new Date()): Promise<ThrottleDecision> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const where = { success: false, createdAt: { gte: since } };
  const byEmail = await client.loginAttempt.findMany({ where: { ...where, email }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 50 });
  const byIp = ip
    ? await client.loginAttempt.findMany({ where: { ...where, ip }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 50 })
    : [];
  return decideThrottle([byEmail.map((r) => r.createdAt), byIp.map((r) => r.createdAt)], now);
}

export async function recordFailure(client: PrismaClient, email: string, ip: string | null): Promise<void> {
  await client.loginAttempt.create({ data: { email, ip: ip ?? "", success: false } });
}

/**
 * A successful login clears this email's failures (from any IP) and this IP's failures for
 * this email; failures this IP made against other accounts stay counted.
 */
export async function recordSuccess(client: PrismaClient, email: string, ip: string | null): Promise<void> {
  await client.$transaction([
    client.loginAttempt.deleteMany({ where: { email, success: false } }),
    client.loginAttempt.create({ data: { email, ip: ip ?? "", success: true } }),
  ]);
}
