import { db } from "@/lib/db/client";
import { sha256 } from "./tokens";

// Subscription requests are counted in Postgres (so every server process shares the limits):
// per requesting address, and per target (an email address or a webhook URL), whichever
// is hit first. Targets are stored hashed: the log must not become a list of addresses.

export const LIMITS = {
  perIpPerHour: 30,
  perTargetPerDay: 20,
};

export class AlertLimitError extends Error {}

export function targetKey(target: string): string {
  return sha256(target.toLowerCase());
}

/** Throws AlertLimitError when this request is over a limit; otherwise records it. */
export async function admitRequest(target: string, ip: string | null): Promise<void> {
  const key = targetKey(target);
  const [counts] = await db().$queryRaw<{ byIp: bigint; byTarget: bigint }[]>`
    SELECT (SELECT count(*) FROM "AlertRequest" WHERE ${ip}::text IS NOT NULL AND ip = ${ip} AND "createdAt" > now() - interval '1 hour') AS "byIp",
           (SELECT count(*) FROM "AlertRequest" WHERE "targetHash" = ${key} AND "createdAt" > now() - interval '1 day') AS "byTarget"`;
  if (Number(counts.byIp) >= LIMITS.perIpPerHour) throw new AlertLimitError(`too many alert requests from your address: at most ${LIMITS.perIpPerHour} an hour`);
  if (Number(counts.byTarget) >= LIMITS.perTargetPerDay) {
    throw new AlertLimitError(`too many alert requests for this address or webhook today: at most ${LIMITS.perTargetPerDay} a day`);
  }
  await db().alertRequest.create({ data: { targetHash: key, ip } });
}
