// The soak's readers: concurrent visitors through the load balancer, each in a loop over the
// public pages and search. Every answer is recorded with its time, so errors can be matched
// against the fault windows afterwards.

export interface RequestRecord {
  at: number;
  path: string;
  /** HTTP status, or 0 when no answer came (connection refused or cut, timeout). */
  status: number;
  ms: number;
}

export interface ReaderTargets {
  pairPaths: string[];
  conferencePaths: string[];
  words: string[];
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

function nextPath(targets: ReaderTargets): string {
  const roll = Math.random();
  if (roll < 0.3 && targets.pairPaths.length) return pick(targets.pairPaths);
  if (roll < 0.45 && targets.conferencePaths.length) return pick(targets.conferencePaths);
  if (roll < 0.75) return `/search?q=${encodeURIComponent(pick(targets.words))}`;
  if (roll < 0.9) return `/api/v1/search?q=${encodeURIComponent(pick(targets.words))}`;
  return "/";
}

/**
 * Runs `readers` concurrent loops against baseUrl until the signal aborts, recording every request
 * into `records`. A reader gives up after `timeoutMs` (default 30 s: longer than HAProxy's queue
 * timeout, so an overloaded cluster answers 503 itself rather than leaving the reader hanging;
 * browsers wait far longer, so a slower answer is a slow page, which the soak counts separately).
 */
export async function runReaders(baseUrl: string, readers: number, targets: ReaderTargets, signal: AbortSignal, records: RequestRecord[], timeoutMs = 30_000): Promise<void> {
  const loop = async () => {
    while (!signal.aborted) {
      const path = nextPath(targets);
      const started = Date.now();
      let status = 0;
      try {
        const response = await fetch(`${baseUrl}${path}`, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      records.push({ at: started, path, status, ms: Date.now() - started });
    }
  };
  await Promise.all(Array.from({ length: readers }, loop));
}

export interface FaultWindow {
  what: string;
  at: number;
}

export interface ErrorSummary {
  requests: number;
  byStatus: Record<string, number>;
  /** 5xx or no answer, more than graceMs after every fault. */
  outsideWindows: RequestRecord[];
  /** Per fault: errors within its window and the last one's delay after the fault. */
  perFault: { what: string; errors: number; lastErrorAfterMs: number | null }[];
  p50: number;
  p99: number;
}

export function summariseRequests(records: RequestRecord[], faults: FaultWindow[], graceMs = 5000): ErrorSummary {
  const byStatus: Record<string, number> = {};
  for (const r of records) byStatus[r.status === 0 ? "no answer" : String(r.status)] = (byStatus[r.status === 0 ? "no answer" : String(r.status)] ?? 0) + 1;
  const failed = records.filter((r) => r.status === 0 || r.status >= 500);
  // A request counts against a fault when it started before the fault's window closed and ended after the fault.
  const inWindow = (r: RequestRecord, f: FaultWindow) => r.at + r.ms >= f.at && r.at <= f.at + graceMs;
  const outsideWindows = failed.filter((r) => !faults.some((f) => inWindow(r, f)));
  const perFault = faults.map((f) => {
    const errors = failed.filter((r) => inWindow(r, f));
    const last = errors.length ? Math.max(...errors.map((r) => r.at + r.ms)) - f.at : null;
    return { what: f.what, errors: errors.length, lastErrorAfterMs: last };
  });
  const sorted = records.map((r) => r.ms).sort((a, b) => a - b);
  const quantile = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
  return { requests: records.length, byStatus, outsideWindows, perFault, p50: quantile(0.5), p99: quantile(0.99) };
}
