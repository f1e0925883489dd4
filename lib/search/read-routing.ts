import { env } from "@/lib/env";
import { liveIndexUid, setSearchReadHost } from "./client";
import { globalForRouting, type ReadRoutingState } from "./routing-state";
import { configuredTargets, targetStatuses, type SearchTargetConfig } from "./targets";

export { readRoutingState, type ReadRoutingState } from "./routing-state";

// Which Meilisearch instance answers visitors' queries when there are several (MEILI_TARGETS).
// Every second: is each instance answering with the live index, and how far behind the outbox
// is it (from Postgres). Queries go to a healthy instance that is caught up, staying on the
// current one while it qualifies (so a visitor paging through results sees one index).
// Without MEILI_TARGETS none of this runs and queries go to MEILI_HOST.

export function maxSearchLagSeconds(): number {
  const value = Number(process.env.PRESSROOM_SEARCH_MAX_LAG_SECONDS ?? 10);
  return Number.isFinite(value) && value >= 0 ? value : 10;
}

async function probe(target: SearchTargetConfig, uid: string): Promise<{ healthy: boolean; error?: string }> {
  try {
    const key = process.env.MEILI_MASTER_KEY ?? env().MEILI_MASTER_KEY;
    const response = await fetch(`${target.host}/indexes/${encodeURIComponent(uid)}`, {
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(2500),
    });
    // 404: the instance answers but lost its index (restarted empty); not readable until rebuilt.
    return response.ok ? { healthy: true } : { healthy: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { healthy: false, error: (error as Error).message };
  }
}

/** Checks every instance and picks where queries go. */
export async function refreshReadRouting(targets: SearchTargetConfig[], previous?: ReadRoutingState): Promise<ReadRoutingState> {
  const uid = liveIndexUid();
  const [probes, statuses] = await Promise.all([
    Promise.all(targets.map((target) => probe(target, uid))),
    // Postgres down: choose on health alone, keeping the last known positions.
    targetStatuses(targets).catch(() => undefined),
  ]);
  const instances: ReadRoutingState["instances"] = targets.map((target, i) => {
    const before = previous?.instances.find((instance) => instance.name === target.name);
    // A probe that timed out once, under load, is not a dead instance: two misses in a row are.
    const timedOut = !probes[i].healthy && /timeout|aborted/i.test(probes[i].error ?? "");
    const healthy = probes[i].healthy || (timedOut && Boolean(before?.healthy) && (before?.misses ?? 0) === 0);
    return {
      ...(statuses?.[i] ?? before ?? {}),
      ...target,
      ...probes[i],
      healthy,
      misses: probes[i].healthy ? 0 : (before?.misses ?? 0) + 1,
    };
  });
  const maxLag = maxSearchLagSeconds();
  const eligible = instances.filter((instance) => instance.healthy && !instance.rebuilding && (instance.lagSeconds ?? Infinity) <= maxLag);
  const current = eligible.find((instance) => instance.host === previous?.chosen);
  // None caught up (say every instance is rebuilding new settings): the least behind that answers.
  const fallback = instances.filter((instance) => instance.healthy).sort((a, b) => (a.lagSeconds ?? Infinity) - (b.lagSeconds ?? Infinity))[0];
  const chosen = current ?? eligible[0] ?? fallback;
  return { chosen: chosen?.host, caughtUp: Boolean(current ?? eligible[0]), instances, checkedAt: Date.now() };
}

/** Starts the once-a-second routing in this process (web servers call it from instrumentation.ts). */
export function startSearchReadRouting(intervalMs = 1000): void {
  const targets = configuredTargets();
  if (!targets || globalForRouting.pressroomReadRouting) return;
  const routing = { timer: undefined as unknown as NodeJS.Timeout, state: { caughtUp: false, instances: [], checkedAt: 0 } as ReadRoutingState };
  globalForRouting.pressroomReadRouting = routing;
  setSearchReadHost(targets[0].host);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const state = await refreshReadRouting(targets, routing.state);
      if (state.chosen !== routing.state.chosen) console.log(`[search] queries now go to ${state.chosen ?? "no instance (none answers)"}`);
      routing.state = state;
      setSearchReadHost(state.chosen ?? targets[0].host);
    } finally {
      running = false;
    }
  };
  void tick();
  routing.timer = setInterval(() => void tick(), intervalMs);
  routing.timer.unref();
}
