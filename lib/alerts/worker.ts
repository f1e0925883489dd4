import { setTimeout as sleepFor } from "node:timers/promises";
import { deliverDueOnce } from "./deliver";
import { matchNewPairsOnce } from "./match";

// The alerts worker: match new and corrected pairs, then send what is due, until aborted.
// Runs in the web server (instrumentation.ts) or as `npm run alerts:worker`; several can run
// at once (claims and row locks keep them apart). Publishing never waits for it.

export async function runAlertsWorker(options: { signal?: AbortSignal; pollMs?: number; log?: (line: string) => void } = {}): Promise<void> {
  const pollMs = options.pollMs ?? 2000;
  const log = options.log ?? ((line: string) => console.log(`[alerts-worker] ${line}`));
  while (!options.signal?.aborted) {
    let busy = false;
    try {
      const matched = await matchNewPairsOnce();
      if (matched.events) log(`matched ${matched.events} new or corrected pairs against ${matched.searches} searches: ${matched.deliveries} deliveries in ${matched.ms} ms`);
      busy ||= matched.events > 0;
    } catch (error) {
      log(`matching failed, retrying: ${(error as Error).message}`);
    }
    try {
      const sent = await deliverDueOnce();
      if (sent.messages) log(`sent ${sent.messages} alerts (${sent.pairs} pairs)`);
      if (sent.failed) log(`${sent.failed} pairs could not be sent yet; retrying with backoff`);
      busy ||= sent.messages > 0;
    } catch (error) {
      log(`sending failed, retrying: ${(error as Error).message}`);
    }
    if (!busy) await sleepFor(pollMs, undefined, { signal: options.signal }).catch(() => {});
  }
}
