import { env } from "@/lib/env";

// Asked on every /search request by proxy.ts so the page can answer 503 when search is down;
// a short cache keeps that from doubling Meilisearch's load.
let last: { at: number; reachable: boolean } | undefined;

export async function searchReachable(ttlMs = 2000): Promise<boolean> {
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
