import { performance } from "node:perf_hooks";
import { db, type Tx } from "@/lib/db/client";
import { loadConferences, type AlignScope } from "./load";
import { planAlignment, type LinkChanges } from "./plan";

// One run of the aligner over Postgres: load, plan (plan.ts), write the changes in one
// transaction. Running it again with nothing new changes nothing.

export interface AlignRunSummary {
  conferences: number;
  conferenceLinks: ChangeCounts;
  pairLinks: ChangeCounts;
  suggestions: number;
  /** Conferences of bilingual organizers left without a counterpart, with the reason. */
  unmatched: { conferenceId: number; reason: string }[];
  ms: number;
}

interface ChangeCounts {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

const counts = (changes: LinkChanges): ChangeCounts => ({
  created: changes.create.length,
  updated: changes.update.length,
  removed: changes.remove.length,
  unchanged: changes.unchanged,
});

export async function runAlignment(scope: AlignScope = {}): Promise<AlignRunSummary> {
  const started = performance.now();
  const conferences = await loadConferences(scope);
  const conferenceIds = conferences.map((c) => Number(c.id));
  const pairIds = conferences.flatMap((c) => c.pairs.map((p) => Number(p.id)));
  const summary: AlignRunSummary = {
    conferences: conferences.length,
    conferenceLinks: { created: 0, updated: 0, removed: 0, unchanged: 0 },
    pairLinks: { created: 0, updated: 0, removed: 0, unchanged: 0 },
    suggestions: 0,
    unmatched: [],
    ms: 0,
  };
  if (conferences.length === 0) return summary;

  await db().$transaction(
    async (tx) => {
      // Serialises concurrent runs (an import's hook and `npm run align`), so each plans on what the other wrote.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('pressroom.alignment'))`;
      const [storedConferences, storedPairs, manifest] = await Promise.all([
        tx.conferenceCounterpart.findMany({ where: { OR: [{ conferenceId: { in: conferenceIds } }, { counterpartId: { in: conferenceIds } }] } }),
        tx.pairCounterpart.findMany({ where: { OR: [{ pairId: { in: pairIds } }, { counterpartId: { in: pairIds } }] } }),
        tx.conference.findMany({ where: { id: { in: conferenceIds }, translationOfId: { not: null } }, select: { id: true, translationOfId: true } }),
      ]);
      const plan = planAlignment(
        conferences,
        {
          conferences: storedConferences.map((r) => ({ ...r, first: r.conferenceId, second: r.counterpartId })),
          pairs: storedPairs.map((r) => ({ ...r, first: r.pairId, second: r.counterpartId })),
        },
        manifest.map((m) => [m.id, m.translationOfId!]),
      );
      await writeChanges(tx, "conference", plan.conferences);
      await writeChanges(tx, "pair", plan.pairs);
      summary.conferenceLinks = counts(plan.conferences);
      summary.pairLinks = counts(plan.pairs);
      summary.suggestions = plan.matching.suggestions.length;
      summary.unmatched = plan.matching.unmatched.map((u) => ({ conferenceId: Number(u.id), reason: u.reason }));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

async function writeChanges(tx: Tx, kind: "conference" | "pair", changes: LinkChanges) {
  const now = new Date();
  if (kind === "conference") {
    if (changes.remove.length) await tx.conferenceCounterpart.deleteMany({ where: { id: { in: changes.remove } } });
    if (changes.create.length)
      await tx.conferenceCounterpart.createMany({
        data: changes.create.map((l) => ({ conferenceId: l.first, counterpartId: l.second, status: l.status, confidence: l.confidence, method: "auto", reason: l.reason ?? null })),
      });
    for (const l of changes.update)
      await tx.conferenceCounterpart.update({ where: { id: l.id }, data: { status: l.status, confidence: l.confidence, reason: l.reason ?? null, updatedAt: now } });
  } else {
    if (changes.remove.length) await tx.pairCounterpart.deleteMany({ where: { id: { in: changes.remove } } });
    if (changes.create.length)
      await tx.pairCounterpart.createMany({
        data: changes.create.map((l) => ({ pairId: l.first, counterpartId: l.second, status: l.status, confidence: l.confidence, method: "auto" })),
      });
    for (const l of changes.update) await tx.pairCounterpart.update({ where: { id: l.id }, data: { confidence: l.confidence, updatedAt: now } });
  }
}

export function formatAlignSummary(summary: AlignRunSummary): string {
  const line = (c: ChangeCounts) => `${c.created} created, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged`;
  return [
    `Alignment finished in ${(summary.ms / 1000).toFixed(1)} s over ${summary.conferences} conferences of bilingual organizers.`,
    `  conference links: ${line(summary.conferenceLinks)}`,
    `  pair links:       ${line(summary.pairLinks)}`,
    `  suggestions for editors: ${summary.suggestions} (review them under /editor/alignment)`,
    `  without counterpart: ${summary.unmatched.length}`,
  ].join("\n");
}
