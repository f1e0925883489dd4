import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient, Tx } from "@/lib/db/client";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures allowed in the window before each further try is slowed down. */
export const FREE_FAILURES = 5;
/** Failures in the window after which tries are refused outright until old ones age out. */
export const REFUSE_AFTER_FAILURES = 10;
const MAX_DELAY_MS = 8_000;

export type ThrottleDecision = { kind: "allow"; delayMs: number; failures: number } | { kind: "refuse"; retryAfterMinutes: number; failures: number };

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

/** Who is trying: the client address and, when the browser showed a valid device cookie for this account, its device id. */
export type LoginClient = { ip: string | null; device: string | null };

export type Reservation =
  // failures: those counted before this try (the busier key's), so a caller can tell which try locks an account.
  { kind: "allow"; delayMs: number; attemptId: bigint; trusted: boolean; failures: number } | { kind: "refuse"; retryAfterMinutes: number };

// Interactive transactions wait for a pooled connection; a burst of tries queues here by design.
const RESERVE_TX = { maxWait: 15_000, timeout: 15_000 };

async function lockKeys(tx: Tx, keys: string[]) {
  // Sorted, so two tries that share keys always take them in the same order (no deadlock).
  for (const key of [...keys].sort()) {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS l`;
  }
}

async function failureTimes(tx: Tx, where: Prisma.LoginAttemptWhereInput): Promise<Date[]> {
  const rows = await tx.loginAttempt.findMany({ where: { ...where, success: false }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((r) => r.createdAt);
}

/**
 * Counts a try BEFORE its password is checked. Under advisory locks on the try's keys it reads
 * the failures in the window — tries still in flight are rows with success=false, so they count
 * too — and either refuses or writes this try as a failure. Ten simultaneous tries therefore
 * use up the allowance before any of them has been checked.
 *
 * A try with a valid device cookie is judged only by that device's failures (so strangers
 * cannot lock an editor out); a device past the limit is treated like any unknown client
 * (OWASP's per-device lockout). Unknown clients are judged per account (failures since the
 * account's last success: a success ends a lockout, the rows stay) and per address.
 */
export async function reserveAttempt(client: PrismaClient, email: string, who: LoginClient, now = new Date()): Promise<Reservation> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return client.$transaction(async (tx) => {
    if (who.device) {
      await lockKeys(tx, [`login:device:${who.device}`]);
      const lastSuccess = await tx.loginAttempt.findFirst({ where: { device: who.device, success: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      const from = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
      const decision = decideThrottle([await failureTimes(tx, { device: who.device, createdAt: { gt: from } })], now);
      if (decision.kind === "allow") {
        const row = await tx.loginAttempt.create({ data: { email, ip: who.ip ?? "", device: who.device, success: false, createdAt: now }, select: { id: true } });
        return { kind: "allow", delayMs: decision.delayMs, attemptId: row.id, trusted: true, failures: decision.failures } as const;
      }
    }
    await lockKeys(tx, who.ip ? [`login:email:${email}`, `login:ip:${who.ip}`] : [`login:email:${email}`]);
    const lastSuccess = await tx.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const from = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
    const byEmail = await failureTimes(tx, { email, device: null, createdAt: { gt: from } });
    const byIp = who.ip ? await failureTimes(tx, { ip: who.ip, device: null, createdAt: { gte: since } }) : [];
    const decision = decideThrottle([byEmail, byIp], now);
    if (decision.kind === "refuse") return { kind: "refuse", retryAfterMinutes: decision.retryAfterMinutes } as const;
    const row = await tx.loginAttempt.create({ data: { email, ip: who.ip ?? "", device: null, success: false, createdAt: now }, select: { id: true } });
    return { kind: "allow", delayMs: decision.delayMs, attemptId: row.id, trusted: false, failures: decision.failures } as const;
  }, RESERVE_TX);
}

/** The reserved try turned out right: it stops counting as a failure and ends any lockout it was under. */
export async function recordSuccess(client: PrismaClient | Tx, attemptId: bigint): Promise<void> {
  await client.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
