import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { httpRequest } from "./http";
import { relevance, runLoad, sampleLoad, summarize, type LoadSample, type LoadStats } from "./load";
import { KNOWN_ITEMS, mixedQueries } from "./queries";
import { benchAppEnv } from "../app-env";
import { repoRoot } from "../corpus-files";
import { fullTextSearch } from "../postgres-fts";

// `npm run bench:search`: imports the real corpus (../shared/corpus, ~71k pairs) into a
// throw-away Postgres and Meilisearch, serves the app with `next start`, and measures
//   api       GET /api/v1/search over HTTP (what users get; no facets asked, the common path)
//   meili     raw Meilisearch: the same query (q, filters, sort, page) sent straight to it, with
//             Meilisearch cutting and highlighting the question and answer snippets, i.e. the
//             same hits and snippets a client gets without Pressroom. The goals compare to this.
//   meiliSame the exact requests the API sends (no highlighting: the API cuts snippets itself),
//             sent side by side as a lone API search sends them: API minus this is roughly Node's share
//   apiAll / meiliAll (concurrency 1 only) with every facet group and the histogram, as the
//            /search page asks, to show what facets cost
//   plain    a plain Meilisearch search (q + highlighting, defaults) for scale
//   postgres full-text baseline (tsvector + GIN, websearch_to_tsquery, ts_rank_cd)
// at concurrency 1, 10 and 50, plus known-item relevance (MRR@10, Recall@10). Targets take
// turns in rounds at each concurrency, so load from elsewhere on the machine hits them alike.
// Options: --skip-build (reuse .next), --requests N (per target at concurrency ≥ 10),
// --dir <path> (services kept there and reused, shared with `bench:relevance --dir`),
// --before <checkout> (a built checkout of an earlier version, served too: target apiBefore),
// --concurrency <list> (default 1,10,50).

const args = process.argv.slice(2);
const skipBuild = args.includes("--skip-build");
const requestsArg = args.indexOf("--requests");
const REQUESTS = requestsArg >= 0 ? Number(args[requestsArg + 1]) : 1000;
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const keepDir = option("--dir");
const beforeDir = option("--before");
const ROUNDS = 4;
// --concurrency 1 (or "1,10"): only these levels, e.g. to compare with --before at c=1 quickly.
const CONCURRENCY = option("--concurrency")?.split(",").map(Number) ?? [1, 10, 50];
const log = (line: string) => console.error(`bench: ${line}`);

async function main() {
  const { findFreePort, waitFor } = await import("@/lib/dev-services/ports");
  const masterKey = "bench-master-key-0123456789abcdef";
  // The relevance benchmark's services: same corpus, same index, same full-text table; kept
  // and reused with --dir.
  const { startServices } = await import("../relevance/services");
  const services = await startServices(keepDir, { defaultsIndex: false, poolSize: 50 });
  const indexingSeconds = services.loadSeconds?.indexing ?? 0;
  const ftsSeconds = services.loadSeconds?.fullText ?? 0;
  const { pool } = services;
  const meili = { host: services.meiliHost };
  let server: ChildProcess | undefined;
  let serverBefore: ChildProcess | undefined;
  try {
    const indexing = {
      documents: ((await (await fetch(`${meili.host}/indexes/qa/stats`, { headers: { Authorization: `Bearer ${masterKey}` } })).json()) as { numberOfDocuments: number })
        .numberOfDocuments,
    };
    const pgSearch = (q: string, limit: number, mode: "and" | "or") => fullTextSearch(pool, q, limit, mode);

    // 3. The app, as users get it.
    const port = await findFreePort();
    const env = benchAppEnv(port);
    const next = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");
    if (!skipBuild || !existsSync(path.join(repoRoot, ".next", "BUILD_ID"))) {
      log("building the app (next build)…");
      await new Promise<void>((resolve, reject) => {
        const build = spawn(process.execPath, [next, "build"], { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
        build.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
      });
    }
    server = spawn(process.execPath, [next, "start", "--port", String(port), "--hostname", "127.0.0.1"], { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/api/v1/search?q=&limit=1`)).ok, "next start", 120_000, 250);
    let baseBefore: string | null = null;
    if (beforeDir) {
      const portBefore = await findFreePort();
      const nextBefore = path.join(path.resolve(beforeDir), "node_modules", "next", "dist", "bin", "next");
      serverBefore = spawn(process.execPath, [nextBefore, "start", "--port", String(portBefore), "--hostname", "127.0.0.1"], {
        cwd: path.resolve(beforeDir),
        env: { ...env, PORT: String(portBefore) },
        stdio: ["ignore", "ignore", "inherit"],
      });
      baseBefore = `http://127.0.0.1:${portBefore}`;
      await waitFor(async () => (await fetch(`${baseBefore}/api/v1/search?q=&limit=1`)).ok, "next start (before)", 120_000, 250);
    }

    const { parseSearchParams } = await import("@/lib/search/params");
    const { buildSearchRequest, parallelBatches, ALL_EXTRAS, NO_EXTRAS } = await import("@/lib/search/query-request");
    const allFacets = `&facets=${ALL_EXTRAS.facets.join(",")}&histogram=true`;
    const queries = mixedQueries();
    const meiliBodies = queries.map((qs) => {
      const parsed = parseSearchParams(new URLSearchParams(qs));
      if (!parsed.success) throw new Error(`bad benchmark query ${qs}`);
      const same = buildSearchRequest(parsed.data);
      // Raw: what a client asking Meilisearch directly sends for the same search: the page's
      // hits only (no re-ranking candidates), same strategy, filters, sort and page, with
      // Meilisearch highlighting and cropping question and answer (the snippets shown).
      const [page] = buildSearchRequest(parsed.data, NO_EXTRAS, { plan: null }).queries;
      const raw = [{ ...page, attributesToHighlight: ["question", "answerText"], attributesToCrop: ["question", "answerText"] }];
      return {
        params: parsed.data,
        body: JSON.stringify({ queries: raw }),
        bodiesSame: parallelBatches(same.queries, same.selectedGroups).map((queries) => JSON.stringify({ queries })),
        bodyAll: JSON.stringify({ queries: buildSearchRequest(parsed.data, ALL_EXTRAS).queries }),
      };
    });
    const meiliHeaders = { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" };
    const targets: Record<string, (i: number) => Promise<boolean>> = {
      api: async (i) => (await httpRequest(`${base}/api/v1/search?${queries[i % queries.length]}`)).ok,
      ...(baseBefore ? { apiBefore: async (i: number) => (await httpRequest(`${baseBefore}/api/v1/search?${queries[i % queries.length]}`)).ok } : {}),
      meili: async (i) => (await httpRequest(`${meili.host}/multi-search`, { method: "POST", headers: meiliHeaders, body: meiliBodies[i % queries.length].body })).ok,
      meiliSame: async (i) => {
        const answers = await Promise.all(
          meiliBodies[i % queries.length].bodiesSame.map((body) => httpRequest(`${meili.host}/multi-search`, { method: "POST", headers: meiliHeaders, body })),
        );
        return answers.every((answer) => answer.ok);
      },
      apiAll: async (i) => (await httpRequest(`${base}/api/v1/search?${queries[i % queries.length]}${allFacets}`)).ok,
      meiliAll: async (i) => (await httpRequest(`${meili.host}/multi-search`, { method: "POST", headers: meiliHeaders, body: meiliBodies[i % queries.length].bodyAll })).ok,
      postgres: async (i) => {
        const q = meiliBodies[i % queries.length].params.q;
        if (!q) return true; // browsing has no full-text equivalent
        await pgSearch(q, 20, "and");
        return true;
      },
    };
    // Warm caches (page cache, Next's compiled routes) before measuring.
    for (const run of Object.values(targets)) await runLoad(run, 4, queries.length);

    const speed: Record<string, Record<string, LoadStats>> = {};
    for (const concurrency of CONCURRENCY) {
      const total = concurrency === 1 ? Math.max(300, queries.length * 4) : REQUESTS;
      const names = Object.keys(targets).filter((name) => !name.endsWith("All") || concurrency === 1);
      const samples: Record<string, LoadSample[]> = {};
      const perRound = Math.ceil(total / ROUNDS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of names) (samples[name] ??= []).push(await sampleLoad(targets[name], concurrency, perRound, round * perRound));
      }
      for (const name of names) {
        const stats = summarize(samples[name]);
        (speed[`c${concurrency}`] ??= {})[name] = stats;
        log(`c=${concurrency} ${name.padEnd(9)} p50 ${stats.p50} ms  p95 ${stats.p95} ms  p99 ${stats.p99} ms  ${stats.throughput} q/s  errors ${stats.errors}`);
      }
    }

    // Diagnostics: which queries cost Meilisearch the most, and how big the answers are.
    const perQueryMs: { query: string; words: number; meiliMs: number; apiMs: number; apiBytes: number; meiliBytes: number }[] = [];
    for (let i = 0; i < queries.length; i++) {
      const times = { meili: [] as number[], api: [] as number[] };
      let apiBytes = 0;
      let meiliBytes = 0;
      for (let round = 0; round < 3; round++) {
        let t = performance.now();
        meiliBytes = Buffer.byteLength((await httpRequest(`${meili.host}/multi-search`, { method: "POST", headers: meiliHeaders, body: meiliBodies[i].body })).text);
        times.meili.push(performance.now() - t);
        t = performance.now();
        apiBytes = Buffer.byteLength((await httpRequest(`${base}/api/v1/search?${queries[i]}`)).text);
        times.api.push(performance.now() - t);
      }
      const median = (v: number[]) => Math.round(v.sort((a, b) => a - b)[1] * 10) / 10;
      const q = meiliBodies[i].params.q;
      perQueryMs.push({ query: queries[i], words: q ? q.split(/\s+/).length : 0, meiliMs: median(times.meili), apiMs: median(times.api), apiBytes, meiliBytes });
    }
    const byLength = (min: number, max: number) => {
      const rows = perQueryMs
        .filter((r) => r.words >= min && r.words <= max)
        .map((r) => r.meiliMs)
        .sort((a, b) => a - b);
      return rows.length ? { queries: rows.length, medianMeiliMs: rows[Math.floor(rows.length / 2)] } : null;
    };
    const diagnostics = {
      meiliByQueryLength: { "0-3 words": byLength(0, 3), "4-7 words": byLength(4, 7), "8+ words": byLength(8, 100) },
      meanApiBytes: Math.round(perQueryMs.reduce((a, r) => a + r.apiBytes, 0) / perQueryMs.length),
      meanMeiliBytes: Math.round(perQueryMs.reduce((a, r) => a + r.meiliBytes, 0) / perQueryMs.length),
      slowest: [...perQueryMs].sort((a, b) => b.meiliMs - a.meiliMs).slice(0, 8),
    };
    log(`diagnostics: ${JSON.stringify({ ...diagnostics, slowest: diagnostics.slowest.map((r) => `${r.meiliMs} ms ${decodeURIComponent(r.query)}`) }, null, 1)}`);

    // 4. Known-item relevance: rank of the target among the first 10.
    const rankOf = (ids: string[], target: string) => {
      const i = ids.indexOf(target);
      return i >= 0 ? i + 1 : null;
    };
    const perQuery: { q: string; target: string; ours: number | null; postgresAnd: number | null; postgresOr: number | null }[] = [];
    for (const item of KNOWN_ITEMS) {
      const body = JSON.parse((await httpRequest(`${base}/api/v1/search?q=${encodeURIComponent(item.q)}&limit=10`)).text) as { hits: { sourceId: string }[] };
      perQuery.push({
        ...item,
        ours: rankOf(
          body.hits.map((h) => h.sourceId),
          item.target,
        ),
        postgresAnd: rankOf(await pgSearch(item.q, 10, "and"), item.target),
        postgresOr: rankOf(await pgSearch(item.q, 10, "or"), item.target),
      });
    }
    const relevanceSummary = {
      ours: relevance(perQuery.map((r) => r.ours)),
      postgresAnd: relevance(perQuery.map((r) => r.postgresAnd)),
      postgresOr: relevance(perQuery.map((r) => r.postgresOr)),
    };

    printReport(speed, relevanceSummary);
    const result = {
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      corpus: {
        pairs: indexing.documents,
        indexingSeconds: Math.round(indexingSeconds * 10) / 10,
        postgresFtsBuildSeconds: Math.round(ftsSeconds * 10) / 10,
        reused: Boolean(keepDir),
      },
      queries: { mixed: queries.length, knownItems: KNOWN_ITEMS.length, requestsPerRun: REQUESTS },
      speed,
      goals: goals(speed),
      relevance: relevanceSummary,
      diagnostics,
      perQueryMs,
      perQuery,
    };
    await mkdir(path.join(repoRoot, "bench/results"), { recursive: true });
    await writeFile(path.join(repoRoot, "bench/results/search.json"), `${JSON.stringify(result, null, 2)}\n`);
    log("saved bench/results/search.json");
  } finally {
    for (const child of [server, serverBefore]) {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        child.kill("SIGKILL");
      }
    }
    await services.stop();
  }
}

function goals(speed: Record<string, Record<string, LoadStats>>) {
  const ratio = (f: (s: Record<string, LoadStats>) => number) => Object.fromEntries(Object.entries(speed).map(([c, s]) => [c, Math.round(f(s) * 100) / 100]));
  const within = (r: Record<string, number>) => Object.values(r).every((v) => v <= 1.2);
  const apiP50 = ratio((s) => s.api.p50 / s.meili.p50);
  const apiP95 = ratio((s) => s.api.p95 / s.meili.p95);
  return {
    // The issue's goal: API p50 and p95 ≤ 1.2× raw Meilisearch at every concurrency.
    apiP50OverMeili: apiP50,
    apiP95OverMeili: apiP95,
    apiWithin1_2xMeili: within(apiP50) && within(apiP95),
    ...(speed.c1.apiBefore ? { beforeP50OverMeili: ratio((s) => s.apiBefore.p50 / s.meili.p50), beforeP95OverMeili: ratio((s) => s.apiBefore.p95 / s.meili.p95) } : {}),
    apiThroughputShareOfMeili: ratio((s) => s.api.throughput / s.meili.throughput),
    // Diagnostic: against the API's own (candidate-list) Meilisearch request, i.e. what Node adds.
    apiP50OverSameRequest: ratio((s) => s.api.p50 / s.meiliSame.p50),
  };
}

function printReport(speed: Record<string, Record<string, LoadStats>>, rel: Record<string, { mrr: number; recall: number; found: number; total: number }>) {
  const lines = ["", "| concurrency | target | p50 ms | p95 ms | p99 ms | q/s | errors |", "|---|---|---:|---:|---:|---:|---:|"];
  for (const [c, targets] of Object.entries(speed)) {
    for (const [name, s] of Object.entries(targets)) lines.push(`| ${c.slice(1)} | ${name} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.throughput} | ${s.errors} |`);
  }
  lines.push("", "| known-item relevance | MRR@10 | Recall@10 |", "|---|---:|---:|");
  const names: Record<string, string> = {
    ours: "Pressroom (Meilisearch, our settings)",
    postgresAnd: "Postgres FTS, AND (websearch_to_tsquery)",
    postgresOr: "Postgres FTS, OR of the terms",
  };
  for (const [key, r] of Object.entries(rel)) lines.push(`| ${names[key]} | ${r.mrr} | ${r.recall} (${r.found}/${r.total}) |`);
  const g = goals(speed);
  lines.push("", "| ratio to raw Meilisearch | c=1 | c=10 | c=50 |", "|---|---:|---:|---:|");
  const row = (label: string, r: Record<string, number> | undefined) => r && lines.push(`| ${label} | ${CONCURRENCY.map((c) => r[`c${c}`]).join(" | ")} |`);
  row("API p50", g.apiP50OverMeili);
  row("API p95", g.apiP95OverMeili);
  row("before p50", g.beforeP50OverMeili);
  row("before p95", g.beforeP95OverMeili);
  row("API q/s share", g.apiThroughputShareOfMeili);
  lines.push("", `API p50 and p95 ≤ 1.2× raw Meilisearch at c=1, 10, 50: ${g.apiWithin1_2xMeili}`);
  console.log(lines.join("\n"));
}

await main();
process.exit(0);
