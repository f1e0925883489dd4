// `npx tsx bench/qa-page/run.ts http://127.0.0.1:3000`: time to serve one Q&A page under load
// (autocannon, 20 connections, 10 s) from a running `next start`. Prints the median latency,
// tail latencies and throughput. A measurement, not a test: it asserts nothing.
import autocannon from "autocannon";
import { z } from "zod";

const parsed = z
  .object({
    base: z.string().url("Give the base URL of a running server, e.g. http://127.0.0.1:3000"),
    connections: z.coerce.number().int().min(1).max(200).default(20),
    duration: z.coerce.number().int().min(1).max(120).default(10),
  })
  .safeParse({ base: process.argv[2], connections: process.env.BENCH_CONNECTIONS, duration: process.env.BENCH_DURATION });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  process.exit(2);
}
const { connections, duration } = parsed.data;
const base = parsed.data.base.replace(/\/+$/, "");

// A real pair of the archive, found through the read API, at its canonical URL (no redirect).
const list = (await (await fetch(`${base}/api/v1/conferences?limit=1`)).json()) as { items: { slug: string }[] };
if (!list.items?.length) throw new Error("No published conference to benchmark");
const conference = (await (await fetch(`${base}/api/v1/conferences/${encodeURIComponent(list.items[0].slug)}`)).json()) as { transcript: { kind: string; url?: string }[] };
const pair = conference.transcript.find((b) => b.kind === "pair" && b.url);
if (!pair?.url) throw new Error("No published pair to benchmark");
const path = new URL(pair.url).pathname;

const check = await fetch(`${base}${path}`, { redirect: "manual" });
if (check.status !== 200) throw new Error(`${path} answered ${check.status}, expected 200`);
// Warm-up: compile caches, JIT and connection pools, so the run measures steady state.
await autocannon({ url: `${base}${path}`, connections: 4, duration: 2 });

const result = await autocannon({ url: `${base}${path}`, connections, duration });
const non2xx = result.non2xx + result.errors + result.timeouts;
console.log(`Q&A page ${path}`);
console.log(`${connections} connections, ${duration} s: ${result.requests.total} requests, ${result.requests.average.toFixed(1)} req/s, ${non2xx} errors/non-2xx`);
console.log(`latency ms: median ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
console.log(
  JSON.stringify({
    path,
    connections,
    duration,
    requests: result.requests.total,
    rps: result.requests.average,
    medianMs: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    errors: non2xx,
  }),
);
