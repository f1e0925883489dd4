import { env } from "@/lib/env";
import { readRoutingState } from "./routing-state";

// Asked on every /search request by proxy.ts so the page can answer 503 when search is down;
// a short cache keeps that from doubling Meilisearch's load. With several instances
// (MEILI_TARGETS) the read routing already checks them every second: search is reachable when
// it has chosen one. Probing MEILI_HOST there would answer 503 whenever search-1 alone is down
// (or slow under load) while queries go to search-2.
let last: { at: number; reachable: boolean } | undefined;

export async function searchReachable(ttlMs = 2000): Promise<boolean> {
  const routing = readRoutingState();
  if (routing) return routing.checkedAt === 0 || Boolean(routing.instances.find((instance) => instance.host === routing.chosen)?.healthy);
  if (last && Date.now() - last.at < ttlMs) return last.reachable;
  let reachable = false;
  try {
    const response = await fetch(`${env().MEILI_HOST}/health`, { signal: AbortSignal.timeout(1500) });
    reachable = response.ok;
  } catch {
    reachable = false;
  }
  last = { at: Date.now(), reachable };
  return reachable;
}
