import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { MultiSearchQuery } from "meilisearch";
import { httpRequest } from "./http";
import { sampleLoad, summarize } from "./load";
import { KNOWN_ITEMS } from "./queries";

// `npx tsx bench/search/round-trips.ts --dir <kept bench services>`: three ways to get a
// re-ranked description's candidates (three lists of 50) with the documents the re-ranker reads,
// straight against Meilisearch, decoding included:
//   idsThenFetch  one multi-search, further lists ids only, then one id-filtered search for the
//                 documents only they found (the API until this round: two round trips in a row)
//   oneRequest    one multi-search, every list with its documents
//   sideBySide    one request per list, sent together, every list with its documents (the API now)
// Prints Meilisearch's CPU time per request (from /proc, which the machine's load barely moves),
// this process's CPU time per request (decoding), and latency at concurrency 1 and 10.
// Diagnostic only: `npm run bench:search` gives the figures that count.

const args = process.argv.slice(2);
const keepDir = args.includes("--dir") ? args[args.indexOf("--dir") + 1] : null;
const MASTER_KEY = "bench-master-key-0123456789abcdef";

async function main() {
  if (!keepDir) throw new Error("--dir <kept bench services> is required");
  const { startServices } = await import("../relevance/services");
  const services = await startServices(keepDir, { defaultsIndex: false });
  try {
    const { parseSearchParams } = await import("@/lib/search/params");
    const { buildSearchRequest, rerankPlan } = await import("@/lib/search/query-request");
    const { rarestFirst } = await import("@/lib/search/term-frequency");
    const { queryLocales } = await import("@/lib/search/syntax");
    const { mergeCandidates } = await import("@/lib/search/rerank");
    const headers = { Authorization: `Bearer ${MASTER_KEY}`, "Content-Type": "application/json" };
    const post = async (queries: MultiSearchQuery[]) => {
      const answer = await httpRequest(`${services.meiliHost}/multi-search`, { method: "POST", headers, body: JSON.stringify({ queries }) });
      return (JSON.parse(answer.text) as { results: { hits: { id: string }[] }[] }).results;
    };
    const cases: MultiSearchQuery[][] = [];
    for (const item of KNOWN_ITEMS) {
      const parsed = parseSearchParams(new URLSearchParams({ q: item.q }));
      const plan = parsed.success ? rerankPlan(parsed.data) : null;
      if (!parsed.success || !plan || plan.lists.length < 2) continue;
      const rarityOrdered = plan.lists.includes("rarest") ? await rarestFirst(parsed.data.q, queryLocales(parsed.data.q)) : null;
      cases.push(buildSearchRequest(parsed.data, undefined, { plan, rarityOrdered }).queries);
    }
    console.error(`round-trips: ${cases.length} queries with more than one candidate list`);
    const ways: Record<string, (i: number) => Promise<boolean>> = {
      idsThenFetch: async (i) => {
        const [main, ...rest] = cases[i % cases.length];
        const [first, ...others] = await post([main, ...rest.map((query) => ({ ...query, attributesToRetrieve: ["id"] }))]);
        const have = new Set(first.hits.map((hit) => hit.id));
        const missing = mergeCandidates([first.hits, ...others.map((r) => r.hits)]).filter((hit) => !have.has(hit.id));
        const ids = missing.map((hit) => JSON.stringify(hit.id)).join(", ");
        if (missing.length) await post([{ indexUid: main.indexUid, q: "", filter: `id IN [${ids}]`, limit: missing.length, attributesToRetrieve: main.attributesToRetrieve }]);
        return true;
      },
      oneRequest: async (i) => {
        await post(cases[i % cases.length]);
        return true;
      },
      sideBySide: async (i) => {
        await Promise.all(cases[i % cases.length].map((query) => post([query])));
        return true;
      },
    };
    for (const run of Object.values(ways)) await sampleLoad(run, 1, cases.length);

    const meiliPid = execSync(`pgrep -f -- "[-]-db-path=${keepDir}/meili"`).toString().trim().split("\n")[0];
    const meiliCpuMs = () => {
      const fields = readFileSync(`/proc/${meiliPid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks
    };
    const n = cases.length * 2;
    const per = (v: number) => Math.round((v / n) * 10) / 10;
    for (let round = 0; round < 2; round++) {
      for (const [name, run] of Object.entries(ways)) {
        const meili0 = meiliCpuMs();
        const node0 = process.cpuUsage();
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await run(i);
        const node = process.cpuUsage(node0);
        console.log(
          `round ${round} ${name.padEnd(13)} CPU per request: Meilisearch ${per(meiliCpuMs() - meili0)} ms, Node ${per((node.user + node.system) / 1000)} ms; wall ${per(performance.now() - t0)} ms`,
        );
      }
    }
    for (const concurrency of [1, 10]) {
      const samples: Record<string, Awaited<ReturnType<typeof sampleLoad>>[]> = {};
      for (let round = 0; round < 3; round++) {
        for (const [name, run] of Object.entries(ways)) (samples[name] ??= []).push(await sampleLoad(run, concurrency, concurrency === 1 ? cases.length : 100, round * 100));
      }
      for (const name of Object.keys(ways)) {
        const s = summarize(samples[name]);
        console.log(`c=${concurrency} ${name.padEnd(13)} p50 ${s.p50} ms  p95 ${s.p95} ms  ${s.throughput} q/s`);
      }
    }
  } finally {
    await services.stop();
  }
}

await main();
process.exit(0);
