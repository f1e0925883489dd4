import type { FaultWindow, RequestRecord } from "./soak-load";

// The soak's timeline: what readers got, bucket by bucket, beside the faults and the machine's
// load average, so errors can be told apart as "during a kill", "overload" (slow answers and
// queue timeouts everywhere, load average high) or "design" (errors on a quiet, fault-free run).

export interface TimelineBucket {
  /** Seconds from the start of the load. */
  from: number;
  ok: number;
  /** Answers slower than `slowMs` (still counted in ok or errors). */
  slow: number;
  byError: Record<string, number>;
  faults: string[];
  loadAverage?: number;
}

export interface LoadSample {
  at: number;
  /** One-minute load average. */
  load1: number;
}

const errorLabel = (r: RequestRecord) => (r.status === 0 ? "no answer" : String(r.status));
const isError = (r: RequestRecord) => r.status === 0 || r.status >= 500;

/** Requests (by start time), faults and load samples in buckets of `bucketMs` from `start`. */
export function timeline(records: RequestRecord[], faults: FaultWindow[], loads: LoadSample[], start: number, bucketMs = 10_000, slowMs = 10_000): TimelineBucket[] {
  const last = Math.max(start, ...records.map((r) => r.at), ...faults.map((f) => f.at));
  const buckets: TimelineBucket[] = [];
  for (let from = start; from <= last; from += bucketMs) buckets.push({ from: Math.round((from - start) / 1000), ok: 0, slow: 0, byError: {}, faults: [] });
  const at = (time: number) => buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor((time - start) / bucketMs)))];
  for (const r of records) {
    const bucket = at(r.at);
    if (isError(r)) bucket.byError[errorLabel(r)] = (bucket.byError[errorLabel(r)] ?? 0) + 1;
    else bucket.ok += 1;
    if (r.ms > slowMs) bucket.slow += 1;
  }
  for (const f of faults) at(f.at).faults.push(f.what);
  for (const bucket of buckets) {
    const inside = loads.filter((l) => l.at >= start + bucket.from * 1000 && l.at < start + bucket.from * 1000 + bucketMs);
    if (inside.length) bucket.loadAverage = Math.round((inside.reduce((sum, l) => sum + l.load1, 0) / inside.length) * 10) / 10;
  }
  return buckets;
}

export function formatTimeline(buckets: TimelineBucket[]): string[] {
  return buckets.map((b) => {
    const errors = Object.entries(b.byError)
      .map(([label, count]) => `${count}×${label}`)
      .join(" ");
    return `  +${String(b.from).padStart(4)}s  ok ${String(b.ok).padStart(4)}  slow ${String(b.slow).padStart(3)}  errors ${(errors || "-").padEnd(22)} load ${b.loadAverage?.toFixed(1) ?? "-"}${b.faults.length ? `  << ${b.faults.join(", ")}` : ""}`;
  });
}

export function loadSummary(loads: LoadSample[]): { min: number; mean: number; max: number } | undefined {
  if (!loads.length) return undefined;
  const values = loads.map((l) => l.load1);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { min: round(Math.min(...values)), mean: round(values.reduce((a, b) => a + b, 0) / values.length), max: round(Math.max(...values)) };
}
