// A tiny closed-loop load generator: `concurrency` callers, each sending its next request as
// soon as the previous one finished, until `total` requests were made.

export interface LoadStats {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export async function runLoad(request: (i: number) => Promise<boolean>, concurrency: number, total: number): Promise<LoadStats> {
  return summarize([await sampleLoad(request, concurrency, total)]);
}

/** One closed-loop run's raw figures, to be merged with other rounds by `summarize`. */
export interface LoadSample {
  latencies: number[];
  errors: number;
  seconds: number;
}

export async function sampleLoad(request: (i: number) => Promise<boolean>, concurrency: number, total: number, first = 0): Promise<LoadSample> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        let ok = false;
        try {
          ok = await request(first + i);
        } catch {
          ok = false;
        }
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/** Rounds of the same target merged: percentiles over every latency, throughput over the summed time. */
export function summarize(samples: LoadSample[]): LoadStats {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    requests: latencies.length,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    seconds: round(seconds),
    throughput: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
  };
}

/** Mean reciprocal rank and recall at k, from the 1-based rank of each target (null = not in top k). */
export function relevance(ranks: (number | null)[], k = 10): { mrr: number; recall: number; found: number; total: number } {
  const inTop = ranks.filter((r): r is number => r !== null && r <= k);
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= k ? 1 / r : 0), 0) / ranks.length;
  return { mrr: Math.round(mrr * 1000) / 1000, recall: Math.round((inTop.length / ranks.length) * 1000) / 1000, found: inTop.length, total: ranks.length };
}
