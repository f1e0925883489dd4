import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { mixedQueries } from "./queries";
import { repoRoot } from "../corpus-files";

// `npx tsx bench/search/stages.ts --dir <kept services>`: where the API's time per request goes,
// in-process (no HTTP, no Next). Runs searchPairs over bench:search's query mix and times, per
// request, every Meilisearch round trip (node:http multi-search), every Postgres read (the
// spelling table, Postgres fallbacks) and every other fetch (synonyms), waited for one after the
// other; what is left is Node's own work (re-ranking, decoding, snippets, notice). Diagnostic
// only: `npm run bench:search` gives the figures that count. Options: --rounds N (default 4),
// --cold (clear nothing; the first round is then the uncached one: report it apart).

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const keepDir = option("--dir");
const ROUNDS = Number(option("--rounds") ?? 4);
const log = (line: string) => console.error(`stages: ${line}`);

interface Trace {
  meiliMs: number[];
  meiliQueries: number[];
  meiliBytes: number[];
  postgresMs: number[];
  fetchMs: number[];
}

let current: Trace | null = null;

async function main() {
  if (!keepDir) throw new Error("--dir <kept bench services> is required");
  const { startServices } = await import("../relevance/services");
  const services = await startServices(keepDir, { defaultsIndex: false });
  try {
    const { searchMeili } = await import("@/lib/search/client");
    const { db } = await import("@/lib/db/client");
    const { parseSearchParams } = await import("@/lib/search/params");
    const { searchPairs } = await import("@/lib/search/query");

    const client = searchMeili();
    const multiSearch = client.multiSearch.bind(client);
    (client as { multiSearch: unknown }).multiSearch = async (body: { queries: unknown[] }) => {
      const trace = current;
      const t = performance.now();
      const answer = await multiSearch(body as Parameters<typeof multiSearch>[0]);
      if (trace) {
        trace.meiliMs.push(performance.now() - t);
        trace.meiliQueries.push(body.queries.length);
        trace.meiliBytes.push(JSON.stringify(answer).length);
      }
      return answer;
    };
    const prisma = db() as unknown as { $queryRaw: (...a: unknown[]) => Promise<unknown> };
    const queryRaw = prisma.$queryRaw.bind(prisma);
    prisma.$queryRaw = async (...a: unknown[]) => {
      const trace = current;
      const t = performance.now();
      const rows = await queryRaw(...a);
      trace?.postgresMs.push(performance.now() - t);
      return rows;
    };
    const plainFetch = globalThis.fetch;
    globalThis.fetch = async (...a: Parameters<typeof fetch>) => {
      const trace = current;
      const t = performance.now();
      const response = await plainFetch(...a);
      trace?.fetchMs.push(performance.now() - t);
      return response;
    };

    const queries = mixedQueries();
    const rows: { round: number; query: string; totalMs: number; trace: Trace }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const qs of queries) {
        const parsed = parseSearchParams(new URLSearchParams(qs));
        if (!parsed.success) throw new Error(`bad query ${qs}`);
        const trace: Trace = { meiliMs: [], meiliQueries: [], meiliBytes: [], postgresMs: [], fetchMs: [] };
        current = trace;
        const t = performance.now();
        await searchPairs(parsed.data);
        const totalMs = performance.now() - t;
        current = null;
        rows.push({ round, query: qs, totalMs, trace });
      }
    }
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const stats = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] * 10) / 10;
      return { mean: Math.round((sum(v) / v.length) * 10) / 10, p50: at(0.5), p95: at(0.95) };
    };
    const summary = (subset: typeof rows) => ({
      requests: subset.length,
      totalMs: stats(subset.map((r) => r.totalMs)),
      meiliMs: stats(subset.map((r) => sum(r.trace.meiliMs))),
      meiliRoundTrips: stats(subset.map((r) => r.trace.meiliMs.length)),
      meiliKB: stats(subset.map((r) => sum(r.trace.meiliBytes) / 1024)),
      postgresMs: stats(subset.map((r) => sum(r.trace.postgresMs))),
      postgresRoundTrips: stats(subset.map((r) => r.trace.postgresMs.length)),
      fetchMs: stats(subset.map((r) => sum(r.trace.fetchMs))),
      nodeMs: stats(subset.map((r) => r.totalMs - sum(r.trace.meiliMs) - sum(r.trace.postgresMs) - sum(r.trace.fetchMs))),
    });
    const result = {
      measuredAt: new Date().toISOString(),
      rounds: ROUNDS,
      firstRound: summary(rows.filter((r) => r.round === 0)),
      laterRounds: summary(rows.filter((r) => r.round > 0)),
      laterRoundsTwoTrips: summary(rows.filter((r) => r.round > 0 && r.trace.meiliMs.length > 1)),
      perQuery: queries.map((qs) => {
        const later = rows.filter((r) => r.query === qs && r.round > 0);
        return {
          query: decodeURIComponent(qs),
          totalMs: stats(later.map((r) => r.totalMs)).p50,
          meiliRoundTrips: later[0]?.trace.meiliMs.length ?? 0,
          meiliMs: stats(later.map((r) => sum(r.trace.meiliMs))).p50,
          // Each round trip's own time (p50 over the later rounds), in the order sent.
          meiliCallsMs: (later[0]?.trace.meiliMs ?? []).map((_, k) => stats(later.map((r) => r.trace.meiliMs[k] ?? 0)).p50),
          meiliKB: Math.round(sum(later[0]?.trace.meiliBytes ?? []) / 1024),
          postgresMs: stats(later.map((r) => sum(r.trace.postgresMs))).p50,
        };
      }),
    };
    console.log(JSON.stringify({ firstRound: result.firstRound, laterRounds: result.laterRounds }, null, 1));
    const out = path.join(repoRoot, "bench/results", option("--out") ?? "search-stages.json");
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`saved ${path.relative(repoRoot, out)}`);
  } finally {
    await services.stop();
  }
}

await main();
process.exit(0);
