import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { httpRequest } from "./http";
import { runLoad } from "./load";
import { mixedQueries } from "./queries";
import { CORPUS_FILES } from "../corpus-files";
import { stopBenchServices } from "../stop-services";

// `npx tsx bench/search/factors.ts --dir /tmp/x`: where does a search request spend its time?
// Loads the real corpus once into services kept in --dir (reused on later runs), then sends
// variants of the API's Meilisearch request (over node:http; "via fetch" rows use fetch), one factor changed at a time, at concurrency 1,
// against the same index. A second index ("fat") holds the same documents plus an `answers`
// array repeating the answer text, as documents were before, to measure document size alone. Diagnostic only: `npm run bench:search`
// gives the figures that count.

const FILES = CORPUS_FILES;
const args = process.argv.slice(2);
const dirArg = args.indexOf("--dir");
if (dirArg < 0) throw new Error("--dir <directory> is required (kept between runs)");
const dir = path.resolve(args[dirArg + 1]);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;
const ROUNDS = 2;
const log = (line: string) => console.error(`factors: ${line}`);
const masterKey = "bench-master-key-0123456789abcdef";

type Body = Record<string, unknown>;

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { startLocalMeilisearch } = await import("@/lib/dev-services/meilisearch");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");
  await mkdir(dir, { recursive: true });
  const loaded = existsSync(path.join(dir, "loaded"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), persistent: true });
  const meili = await startLocalMeilisearch({ dbPath: path.join(dir, "meili"), port: await findFreePort(), masterKey });
  // The embedded Postgres exits the process on SIGTERM before `finally` runs: stop Meilisearch too.
  process.once("exit", () => meili.process.kill("SIGTERM"));
  Object.assign(process.env, { DATABASE_URL: postgres.url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey, MEILI_INDEX: "qa", PRESSROOM_SEARCH_WORKER: "off" });
  const headers = { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" };
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${meili.host}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method} ${url}: ${JSON.stringify(json)}`);
    return json;
  };
  const waitTask = async (task: Record<string, unknown>) => {
    for (;;) {
      const t = await call("GET", `/tasks/${task.taskUid}`);
      if (t.status === "succeeded") return;
      if (t.status === "failed" || t.status === "canceled") throw new Error(JSON.stringify(t.error));
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  try {
    if (!loaded) {
      await migrate(postgres.url);
      const { importCorpusFiles } = await import("@/lib/corpus/import");
      const { runIndexingPhase } = await import("@/lib/corpus/indexing");
      const { silentProgress } = await import("@/lib/corpus/progress");
      let t0 = performance.now();
      await importCorpusFiles(FILES, { progress: silentProgress() });
      log(`imported in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      t0 = performance.now();
      await runIndexingPhase({ progress: silentProgress() });
      log(`indexed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      // The fat copy: same settings, documents with the answer text twice.
      const settings = await call("GET", "/indexes/qa/settings");
      await waitTask(await call("POST", "/indexes", { uid: "fat", primaryKey: "id" }));
      await waitTask(await call("PATCH", "/indexes/fat/settings", settings));
      t0 = performance.now();
      for (let offset = 0; ; offset += 5000) {
        const page = (await call("GET", `/indexes/qa/documents?offset=${offset}&limit=5000`)) as { results: Record<string, unknown>[] };
        if (page.results.length === 0) break;
        const fat = page.results.map((d) => ({ ...d, answers: [{ speaker: (d.answerSpeakers as string[])[0] ?? null, text: d.answerText }] }));
        await waitTask(await call("POST", "/indexes/fat/documents", fat));
      }
      log(`fat copy indexed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      await writeFile(path.join(dir, "loaded"), "yes\n");
    }
    if (args.includes("--serve")) {
      // Keep services up for ad-hoc requests: print where they are and wait for SIGTERM.
      console.log(JSON.stringify({ meili: meili.host, postgres: postgres.url, masterKey }));
      await new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
      return;
    }

    const { parseSearchParams } = await import("@/lib/search/params");
    const { buildSearchRequest, ALL_EXTRAS } = await import("@/lib/search/query-request");
    const queries = mixedQueries().map((qs) => {
      const parsed = parseSearchParams(new URLSearchParams(qs));
      if (!parsed.success) throw new Error(`bad query ${qs}`);
      return buildSearchRequest(parsed.data, ALL_EXTRAS).queries as Body[];
    });
    // The request as it was before this study: every facet, the histogram, display fields retrieved.
    const display = ["id", "sourceId", "url", "question", "answerSpeakers", "questioner", "outlet", "language", "conferenceTitle", "conferenceSlug", "date"];
    const before = ([m, ...r]: Body[]) => [{ ...m, attributesToRetrieve: display }, ...r];
    const noFacets = (m: Body) => ({ ...m, facets: [] });
    const idsOnly = { attributesToRetrieve: ["id"], attributesToHighlight: [], attributesToCrop: [] };
    const fat = (qs: Body[]) => qs.map((q) => ({ ...q, indexUid: "fat" }));
    // Each variant rewrites the main query (index 0) and may drop the facet-only queries.
    const variants: Record<string, (qs: Body[]) => Body[]> = {
      "via fetch: fat docs, before": (qs) => fat(before(qs)).map((q, i) => (i === 0 ? { ...q, attributesToRetrieve: [...display, "answers"] } : q)),
      "via fetch: lean, no facets, id + snippets": ([m]) => [noFacets(m)],
      "via fetch: lean, no facets, ids only": ([m]) => [{ ...noFacets(m), ...idsOnly }],
      "fat docs, before (all facets+histogram, highlight+crop, display fields + answers)": (qs) =>
        fat(before(qs)).map((q, i) => (i === 0 ? { ...q, attributesToRetrieve: [...display, "answers"] } : q)),
      "fat docs, same but ids only retrieved": (qs) => fat(qs),
      "fat docs, no facets, id + highlight/crop": ([m]) => fat([noFacets(m)]),
      "fat docs, no facets, ids only": ([m]) => fat([{ ...noFacets(m), ...idsOnly }]),
      "lean: before (all facets+histogram, display fields)": before,
      "lean: all facets+histogram, id + snippets": (qs) => qs,
      "lean: main query only, facets kept": ([m]) => [m],
      "lean: histogram (year/month) only": ([m]) => [{ ...m, facets: [(m.facets as string[]).includes("month") ? "month" : "year"] }],
      "lean: 3 facets (speaker, outlet, lang)": ([m]) => [{ ...m, facets: ["answerSpeakers", "outlet", "language"] }],
      "lean: no facets, id + highlight/crop  [new API default]": ([m]) => [noFacets(m)],
      "lean: no facets, display fields + snippets": ([m]) => [{ ...noFacets(m), attributesToRetrieve: display }],
      "lean: no facets, highlight+crop question only": ([m]) => [{ ...noFacets(m), attributesToHighlight: ["question"], attributesToCrop: ["question"] }],
      "lean: no facets, highlight only (no crop)": ([m]) => [{ ...noFacets(m), attributesToCrop: [] }],
      "lean: no facets, ids only (no snippets)": ([m]) => [{ ...noFacets(m), ...idsOnly }],
      "lean: no facets, no sort": ([m]) => [{ ...noFacets(m), sort: undefined }],
      "lean: no facets, no locales": ([m]) => [{ ...noFacets({ ...m, locales: undefined }) }],
      "lean: no facets, limit 100": ([m]) => [{ ...noFacets(m), limit: 100 }],
    };
    const rows: string[] = ["| variant | p50 ms | p95 ms | meili processingTimeMs p50 | bytes |", "|---|---:|---:|---:|---:|"];
    for (const [name, variant] of Object.entries(variants)) {
      if (only && !only.some((o) => name.includes(o))) continue;
      const bodies = queries.map((qs) => JSON.stringify({ queries: variant(qs) }));
      const processing: number[] = [];
      let bytes = 0;
      const viaFetch = name.includes("via fetch");
      const run = async (i: number) => {
        const response = viaFetch
          ? await fetch(`${meili.host}/multi-search`, { method: "POST", headers, body: bodies[i % bodies.length] }).then(async (r) => ({ ok: r.ok, text: await r.text() }))
          : await httpRequest(`${meili.host}/multi-search`, { method: "POST", headers, body: bodies[i % bodies.length] });
        const text = response.text;
        bytes += text.length;
        if (response.ok) processing.push(...(JSON.parse(text) as { results: { processingTimeMs: number }[] }).results.slice(0, 1).map((r) => r.processingTimeMs));
        return response.ok;
      };
      await runLoad(run, 1, bodies.length); // warm
      processing.length = 0;
      bytes = 0;
      const stats = await runLoad(run, 1, bodies.length * ROUNDS);
      processing.sort((a, b) => a - b);
      rows.push(`| ${name} | ${stats.p50} | ${stats.p95} | ${processing[Math.floor(processing.length / 2)]} | ${Math.round(bytes / stats.requests)} |`);
      log(rows[rows.length - 1]);
    }
    console.log(rows.join("\n"));
    if (args.includes("--per-query")) {
      // The slowest queries of the new API default, by Meilisearch's own processing time.
      const per: { q: string; ms: number; noSnippetMs: number; questionOnlyMs: number }[] = [];
      const timeOf = async (body: Body) => {
        const times: number[] = [];
        for (let r = 0; r < 3; r++)
          times.push(
            (
              JSON.parse((await httpRequest(`${meili.host}/multi-search`, { method: "POST", headers, body: JSON.stringify({ queries: [body] }) })).text) as {
                results: { processingTimeMs: number }[];
              }
            ).results[0].processingTimeMs,
          );
        return times.sort((a, b) => a - b)[1];
      };
      const all = mixedQueries();
      for (let i = 0; i < queries.length; i++) {
        const m = noFacets(queries[i][0]);
        per.push({
          q: decodeURIComponent(all[i]),
          ms: await timeOf(m),
          noSnippetMs: await timeOf({ ...m, ...idsOnly }),
          questionOnlyMs: await timeOf({ ...m, attributesToHighlight: ["question"], attributesToCrop: ["question"] }),
        });
      }
      per.sort((a, b) => b.ms - a.ms);
      console.log(
        per
          .slice(0, 15)
          .map((r) => `${r.ms} ms (ids only ${r.noSnippetMs}, question snippet only ${r.questionOnlyMs})  ${r.q}`)
          .join("\n"),
      );
    }
  } finally {
    await stopBenchServices({ postgres, meili });
  }
}

await main();
process.exit(0);
