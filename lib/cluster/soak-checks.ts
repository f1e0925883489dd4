import { db } from "@/lib/db/client";
import { withMeiliHost } from "@/lib/search/client";
import { checkIndex } from "@/lib/search/check";
import { configuredTargets, targetStatuses } from "@/lib/search/targets";

// The soak's end checks, all against Postgres as the truth: every saved edit is there, every
// search instance holds exactly the visible pairs at their current version, no pair twice.

export interface SavedEdit {
  publicId: string;
  marker: string;
}

export interface ConsistencyReport {
  edits: number;
  lostWrites: string[];
  indexDifferences: { target: string; missing: number; extra: number; stale: number }[];
  duplicatePairs: number;
}

/** Waits until every search instance has been fed the whole outbox (or the timeout). */
export async function waitForSearchCaughtUp(timeoutMs: number): Promise<boolean> {
  const targets = configuredTargets();
  if (!targets) return true;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const statuses = await targetStatuses(targets).catch(() => undefined);
    if (statuses?.every((s) => s.pending === 0 && !s.rebuilding)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

export async function checkConsistency(edits: SavedEdit[]): Promise<ConsistencyReport> {
  const lostWrites: string[] = [];
  const byPair = new Map<string, string[]>();
  for (const edit of edits) byPair.set(edit.publicId, [...(byPair.get(edit.publicId) ?? []), edit.marker]);
  for (const [publicId, markers] of byPair) {
    const turns = await db().turn.findMany({ where: { qaPair: { publicId }, kind: "ANSWER" }, select: { text: true } });
    const text = turns.map((t) => t.text).join("\n");
    for (const marker of markers) if (!text.includes(marker)) lostWrites.push(`${publicId}:${marker}`);
  }
  const indexDifferences: ConsistencyReport["indexDifferences"] = [];
  for (const target of configuredTargets() ?? []) {
    const report = await withMeiliHost(target.host, () => checkIndex());
    indexDifferences.push({ target: target.name, missing: report.missing.length, extra: report.extra.length, stale: report.stale.length });
  }
  const [{ duplicates }] = await db().$queryRaw<{ duplicates: bigint }[]>`
    SELECT count(*) AS duplicates FROM (
      SELECT 1 FROM "QaPair" WHERE "sourceId" IS NOT NULL AND status <> 'DELETED' GROUP BY "sourceCorpus", "sourceId" HAVING count(*) > 1
    ) twice`;
  return { edits: edits.length, lostWrites, indexDifferences, duplicatePairs: Number(duplicates) };
}
