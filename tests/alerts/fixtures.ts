import type { ConferenceInput } from "@/lib/archive/conference-input";

/** A small published briefing: one pair about `topic`, one about the weather. */
export function briefing(tag: string, topic: string): ConferenceInput {
  return {
    metadata: { title: `Alerts briefing ${tag}`, heldOn: "2026-11-30", language: "en", sourceName: "test" },
    pairs: [
      {
        question: { speaker: "Reporter Lane", outlet: "Harbour Times", text: `What is the plan for ${topic} this winter? (${tag})` },
        answers: [{ speaker: "Spokesperson Vale", text: `The ministry will set out its ${topic} programme next week, with figures for every port.` }],
        sourceCorpus: "alerts",
        sourceId: `${tag}-1`,
      },
      {
        question: { speaker: "Reporter Moss", outlet: "Daily Ledger", text: `Will the weather delay the festival? (${tag})` },
        answers: [{ speaker: "Spokesperson Vale", text: "The festival goes ahead as planned, rain or shine." }],
        sourceCorpus: "alerts",
        sourceId: `${tag}-2`,
      },
    ],
  };
}

/** Runs the pipeline a worker would: index what is queued, match, send. */
export async function runWorkersOnce() {
  const { drainOutboxOnce } = await import("@/lib/search/worker");
  const { matchNewPairsOnce } = await import("@/lib/alerts/match");
  const { deliverDueOnce } = await import("@/lib/alerts/deliver");
  while ((await drainOutboxOnce()).processed > 0);
  const matched = await matchNewPairsOnce();
  const sent = await deliverDueOnce();
  return { matched, sent };
}
