import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { httpRequest } from "../search/http";
import { percentile, runLoad, type LoadStats } from "../search/load";
import { mixedQueries } from "../search/queries";
import { benchAppEnv } from "../app-env";
import { repoRoot } from "../corpus-files";
import { mb, memoryOf, memorySampler } from "../process-memory";
import { round } from "./import-phase";
import type { ScaleServices } from "./services";

// The reading half of one size, against `next start` on the imported archive: search (API vs
// raw Meilisearch on the same requests), facets and the timeline on a broad query, the pages
// (first visit = uncached, the same page again = cached where the page is ISR-cached), the
// last page of each listing, the sitemap, the feeds and the export. A trivial route measured
// in the same run is the floor every page figure can be read against.

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
  errors: number;
}

export interface ServeFigures {
  appPeakMB: number;
  floor: Timing;
  search: Record<string, { api: LoadStats; meili: LoadStats; p95Ratio: number }>;
  broadFacets: { api: Timing; meili: Timing; ratio: number; facetCounts: Record<string, number> } | null;
  pages: Record<string, { uncached: Timing; cached: Timing }>;
  lastPages: Record<string, Timing & { path: string }>;
  /** qaFiles: every Q&A file once, uncached (the last file alone can hold a handful of URLs). */
  sitemap: { index: Timing; chunks: number; lastChunk: Timing & { path: string }; qaFiles: Timing & { slowest: string }; isIndex: boolean };
  feeds: Record<string, Timing | null>;
  export: { firstByteMs: number; seconds: number; lines: number; pairsPerSecond: number; complete: boolean; appBeforeMB: number; appPeakMB: number };
}

async function timeGets(paths: string[], base: string): Promise<Timing> {
  const ms: number[] = [];
  let errors = 0;
  for (const p of paths) {
    const t = performance.now();
    const response = await httpRequest(`${base}${p}`).catch(() => ({ ok: false, status: 0, text: "" }));
    ms.push(performance.now() - t);
    if (!response.ok) errors++;
  }
  return summarise(ms, errors);
}

function summarise(ms: number[], errors: number): Timing {
  ms.sort((a, b) => a - b);
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(ms[ms.length - 1] ?? NaN), n: ms.length, errors };
}

/** `nodeArgs`: flags for the app's Node (e.g. --trace-gc, which NODE_OPTIONS refuses). */
export async function startApp(services: ScaleServices, log: (line: string) => void, nodeArgs: string[] = []): Promise<{ base: string; server: ChildProcess }> {
  const { findFreePort, waitFor } = await import("@/lib/dev-services/ports");
  const port = await findFreePort();
  const env = benchAppEnv(port);
  const next = path.join(repoRoot, "node_modules", "next", "dist", "bin", "next");
  const { WEB_HEAP_FLAGS } = await import("@/lib/dev-services/web-heap");
  const server = spawn(process.execPath, [...WEB_HEAP_FLAGS, ...nodeArgs, next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", nodeArgs.length ? "inherit" : "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/robots.txt`)).ok, "next start", 120_000, 250);
  log(`app on ${base} (${services.postgresDir})`);
  return { base, server };
}

export async function servePhase(
  services: ScaleServices,
  base: string,
  appPid: number,
  options: { requests: number; search: boolean },
  log: (line: string) => void,
): Promise<ServeFigures> {
  const appMemory = memorySampler(() => appPid, { tree: true, everyMs: 500 });
  appMemory.reset();
  const sample = await samplePaths(services);
  await timeGets(Array(20).fill("/robots.txt"), base);
  const floor = await timeGets(Array(50).fill("/robots.txt"), base);

  const { search, broadFacets } = options.search ? await searchFigures(services, base, options.requests, log) : { search: {}, broadFacets: null };

  // Pages: the first visit renders (and, for ISR pages, caches); the second is what readers get after.
  const pages: ServeFigures["pages"] = {};
  for (const [kind, paths] of Object.entries(sample.pages)) {
    const uncached = await timeGets(paths, base);
    const cached = await timeGets(paths, base);
    pages[kind] = { uncached, cached };
    log(`${kind}: uncached p50 ${uncached.p50} ms p95 ${uncached.p95} ms, again p50 ${cached.p50} ms`);
  }
  const lastPages: ServeFigures["lastPages"] = {};
  for (const [kind, p] of Object.entries(sample.lastPages)) {
    await timeGets([p], base);
    lastPages[kind] = { ...(await timeGets([p, p, p, p, p], base)), path: p };
    log(`last page ${p}: p50 ${lastPages[kind].p50} ms`);
  }

  const indexAnswer = await httpRequest(`${base}/sitemap.xml`);
  const chunkPaths = [...indexAnswer.text.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  const lastQa = [...chunkPaths].reverse().find((p) => p.includes("/qa-")) ?? chunkPaths[chunkPaths.length - 1];
  const qaPaths = chunkPaths.filter((p) => p.includes("/qa-"));
  const qaMs = new Map<string, number>();
  for (const p of qaPaths) {
    const t = performance.now();
    await httpRequest(`${base}${p}`);
    qaMs.set(p, performance.now() - t);
  }
  const sitemap = {
    index: await timeGets(Array(5).fill("/sitemap.xml"), base),
    chunks: chunkPaths.length,
    lastChunk: { ...(await timeGets(Array(3).fill(lastQa), base)), path: lastQa },
    qaFiles: { ...summarise([...qaMs.values()], 0), slowest: [...qaMs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "" },
    isIndex: indexAnswer.text.includes("<sitemapindex"),
  };
  log(`sitemap: ${qaPaths.length} Q&A files, uncached p50 ${sitemap.qaFiles.p50} ms, max ${sitemap.qaFiles.max} ms (${sitemap.qaFiles.slowest})`);
  const feeds = {
    conferences: await timeGets(Array(5).fill("/feed.xml"), base),
    search: options.search ? await timeGets(Array(5).fill("/search/feed.xml?q=trade"), base) : null,
  };

  const exportFigures = await timeExport(base, appMemory, appPid);
  const appPeakMB = mb(appMemory.peak());
  appMemory.stop();
  return { appPeakMB, floor, search, broadFacets, pages, lastPages, sitemap, feeds, export: exportFigures };
}

async function searchFigures(services: ScaleServices, base: string, requests: number, log: (line: string) => void) {
  // The API against raw Meilisearch on the same requests (the bench:search definitions).
  const { parseSearchParams } = await import("@/lib/search/params");
  const { buildSearchRequest, ALL_EXTRAS } = await import("@/lib/search/query");
  const queries = mixedQueries();
  const bodies = queries.map((qs) => {
    const parsed = parseSearchParams(new URLSearchParams(qs));
    if (!parsed.success) throw new Error(`bad benchmark query ${qs}`);
    const same = buildSearchRequest(parsed.data).queries;
    return JSON.stringify({
      queries: same.map((q, i) => (i === 0 ? { ...q, attributesToHighlight: ["question", "answerText"], attributesToCrop: ["question", "answerText"] } : q)),
    });
  });
  const headers = { Authorization: `Bearer ${services.masterKey}`, "Content-Type": "application/json" };
  const api = async (i: number) => (await httpRequest(`${base}/api/v1/search?${queries[i % queries.length]}`)).ok;
  const raw = async (i: number) => (await httpRequest(`${services.meili.host}/multi-search`, { method: "POST", headers, body: bodies[i % bodies.length] })).ok;
  await runLoad(api, 4, queries.length * 2);
  await runLoad(raw, 4, queries.length * 2);
  const search: ServeFigures["search"] = {};
  for (const concurrency of [1, 10, 50]) {
    const total = concurrency === 1 ? queries.length * 4 : requests;
    const meiliStats = await runLoad(raw, concurrency, total);
    const apiStats = await runLoad(api, concurrency, total);
    search[`c${concurrency}`] = { api: apiStats, meili: meiliStats, p95Ratio: round(apiStats.p95 / meiliStats.p95, 2) };
    log(`search c=${concurrency}: api p95 ${apiStats.p95} ms, meili p95 ${meiliStats.p95} ms`);
  }

  // Facets and the timeline on the broadest query (everything), as the /search page asks.
  const broad = parseSearchParams(new URLSearchParams("q="));
  if (!broad.success) throw new Error("bad broad query");
  const broadBody = JSON.stringify({ queries: buildSearchRequest(broad.data, ALL_EXTRAS).queries });
  const broadPath = `/api/v1/search?q=&facets=${ALL_EXTRAS.facets.join(",")}&histogram=true`;
  const facetRuns = { api: [] as number[], meili: [] as number[] };
  let facetCounts: Record<string, number> = {};
  for (let i = 0; i < 25; i++) {
    let t = performance.now();
    await httpRequest(`${services.meili.host}/multi-search`, { method: "POST", headers, body: broadBody });
    facetRuns.meili.push(performance.now() - t);
    t = performance.now();
    const answer = await httpRequest(`${base}${broadPath}`);
    facetRuns.api.push(performance.now() - t);
    if (i === 0) facetCounts = countFacets(answer.text);
  }
  const broadFacets = { api: summarise(facetRuns.api, 0), meili: summarise(facetRuns.meili, 0), ratio: 0, facetCounts };
  broadFacets.ratio = round(broadFacets.api.p50 / broadFacets.meili.p50, 2);

  return { search, broadFacets };
}

function countFacets(text: string): Record<string, number> {
  try {
    const body = JSON.parse(text) as { total?: number; facets?: Record<string, unknown[] | Record<string, number>> };
    const counts: Record<string, number> = { total: body.total ?? -1 };
    for (const [name, values] of Object.entries(body.facets ?? {})) counts[name] = Array.isArray(values) ? values.length : Object.keys(values).length;
    return counts;
  } catch {
    return {};
  }
}

/** The whole export, read as a client would; capped at 90 s (the rate and the first byte are what can grow). */
async function timeExport(base: string, appMemory: ReturnType<typeof memorySampler>, appPid: number) {
  // What the app holds before the export (Next, its page cache) against its peak during it.
  const appBeforeMB = mb(memoryOf(appPid, true));
  appMemory.reset();
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/export.jsonl`);
  const firstByteMs = performance.now() - started;
  const reader = response.body!.getReader();
  let lines = 0;
  let complete = true;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines++;
    if (performance.now() - started > 90_000) {
      complete = false;
      await reader.cancel();
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { firstByteMs: round(firstByteMs), seconds: round(seconds), lines, pairsPerSecond: Math.round(lines / seconds), complete, appBeforeMB, appPeakMB: mb(appMemory.peak()) };
}

/** Which pages to visit: spread over the archive, plus the busiest person and outlet (the worst case). */
async function samplePaths(services: ScaleServices) {
  const { qaPath, conferencePath, personPath, outletPath, topicPath } = await import("@/lib/catalog/paths");
  const q = async <T>(sql: string) => (await services.pool.query(sql)).rows as T[];
  const conferences = await q<{ slug: string }>(`SELECT slug FROM "Conference" WHERE status = 'PUBLISHED' AND id % 97 = 3 ORDER BY id LIMIT 20`);
  const pairs = await q<{ publicId: string; question: string }>(
    `SELECT p."publicId", (SELECT t.text FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION' ORDER BY t.position LIMIT 1) AS question
       FROM "QaPair" p WHERE p.status = 'PUBLISHED' AND p.id % 997 = 5 ORDER BY p.id LIMIT 20`,
  );
  const speakers = await q<{ slug: string; answers: number }>(
    `SELECT s.slug, count(*)::int AS answers FROM "Turn" t JOIN "Speaker" s ON s.id = t."speakerId" WHERE t.kind = 'ANSWER' GROUP BY s.id ORDER BY answers DESC LIMIT 20`,
  );
  const outlets = await q<{ slug: string; questions: number }>(
    `SELECT o.slug, count(*)::int AS questions FROM "QaPair" p JOIN "Outlet" o ON o.id = p."outletId" GROUP BY o.id ORDER BY questions DESC LIMIT 20`,
  );
  const topic = await q<{ slug: string; pairs: number }>(
    `SELECT t.slug, count(*)::int AS pairs FROM "QaPairTopic" qt JOIN "Topic" t ON t.id = qt."topicId" GROUP BY t.id ORDER BY pairs DESC LIMIT 1`,
  );
  // One of each twentieth of the kept counts, busiest to rarest: a walk that is quick for a busy
  // person, outlet or topic can be slow for a rare one, and the other way round.
  const spread = (view: string, key: string, count: string, table: string) =>
    q<{ slug: string }>(
      `SELECT slug FROM (SELECT DISTINCT ON (b) x.slug, b FROM (SELECT e.slug, k."${count}" AS n, ntile(20) OVER (ORDER BY k."${count}" DESC, k."${key}") AS b
         FROM "${view}" k JOIN "${table}" e ON e.id = k."${key}") x ORDER BY b, x.n DESC) y ORDER BY b`,
    );
  const spreadSpeakers = await spread("SpeakerAnswerCount", "speakerId", "answers", "Speaker");
  const spreadOutlets = await spread("OutletQuestionCount", "outletId", "questions", "Outlet");
  const spreadTopics = await spread("TopicPairCount", "topicId", "pairs", "Topic");
  const [counts] = await q<{ conferences: number; speakers: number; outlets: number }>(
    `SELECT (SELECT count(*) FROM "Conference" WHERE status = 'PUBLISHED')::int AS conferences,
            (SELECT count(DISTINCT "speakerId") FROM "Turn" WHERE kind = 'ANSWER')::int AS speakers,
            (SELECT count(DISTINCT "outletId") FROM "QaPair")::int AS outlets`,
  );
  const last = (total: number, per: number) => Math.min(100_000, Math.max(1, Math.ceil(total / per)));
  return {
    pages: {
      conference: conferences.map((c) => conferencePath(c.slug)),
      qa: pairs.map((p) => qaPath(p.publicId, p.question)),
      speaker: speakers.map((s) => personPath(s.slug)),
      outlet: outlets.map((o) => outletPath(o.slug)),
      speakerSpread: spreadSpeakers.map((s) => personPath(s.slug)),
      outletSpread: spreadOutlets.map((o) => outletPath(o.slug)),
      topicSpread: spreadTopics.map((t) => topicPath(t.slug)),
    },
    lastPages: {
      conferences: `/conferences?page=${last(counts.conferences, 50)}`,
      people: `/people?page=${last(counts.speakers, 100)}`,
      outlets: `/outlets?page=${last(counts.outlets, 100)}`,
      // ?page=last is the keyset path the pager links to; ?page=N (old links) is an offset.
      busiestSpeaker: `${personPath(speakers[0].slug)}?page=last`,
      busiestSpeakerByNumber: `${personPath(speakers[0].slug)}?page=${last(speakers[0].answers, 20)}`,
      busiestOutlet: `${outletPath(outlets[0].slug)}?page=last`,
      busiestOutletByNumber: `${outletPath(outlets[0].slug)}?page=${last(outlets[0].questions, 20)}`,
      ...(topic[0] ? { busiestTopic: `${topicPath(topic[0].slug)}?page=last` } : {}),
    },
  };
}
