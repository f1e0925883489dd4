import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CORPUS_FILES, repoRoot } from "../corpus-files";
import { heapSampler, mb, memorySampler } from "../process-memory";
import { rawMeilisearchBaseline } from "../raw-meili";
import { distillTable, hybridImport } from "./hybrid";

// `npm run bench:import`: the whole corpus into a throw-away Postgres and Meilisearch.
// Measures the Postgres phase, indexing (overlapped with it), a second (idempotent) run, and raw
// Meilisearch indexing of the same documents with the same settings into a separate index.
// Options: --no-index (Postgres phase only), --keep (leave the temp dir for inspection),
// --overlap, --concurrency=N, --batch-size=N (see below).
// --hybrid: then distils the static table from this archive (timed on its own) and times the same
// import with vectors in a child process, into fresh services (hybrid.ts); the idempotent second
// run is skipped. --child-out=FILE is that child: the timed import only, its result to FILE.
// --distill-to=FILE: import, distil the table to FILE (its figures to FILE.json) and stop, so that
// `--hybrid --table=FILE` can hold the bench lock for the timed imports only. --no-raw skips the
// raw Meilisearch baseline. --baseline-code=DIR (with --hybrid): the hybrid import is also timed
// with the code checked out in DIR (e.g. main's, `git archive main`, its ../shared reaching the
// corpus), in the same run, before this checkout's.

const args = new Set(process.argv.slice(2));
// --only=TEXT keeps the corpus files whose name holds TEXT (a quick check of the bench itself).
const only = [...args].find((a) => a.startsWith("--only="))?.split("=")[1];
const FILES = CORPUS_FILES.filter((file) => !only || path.basename(file).includes(only));
const withIndex = !args.has("--no-index");
const childOut = [...args].find((a) => a.startsWith("--child-out="))?.split("=")[1];
const withHybrid = args.has("--hybrid") && withIndex && !childOut;
const option = (name: string) => [...args].find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const [distillTo, tableFile, baselineCode] = [option("distill-to"), option("table"), option("baseline-code")];
// --concurrency=N and --batch-size=N, to compare settings; the defaults are the importer's.
const numberArg = (name: string) => {
  const value = [...args].find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  return value ? Number(value) : undefined;
};
// --overlap sends documents while writing instead of right after the last commit.
const tuning = { concurrency: numberArg("concurrency"), batchSize: numberArg("batch-size"), indexMode: args.has("--overlap") ? ("overlap" as const) : ("after" as const) };

async function main() {
  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { startLocalMeilisearch } = await import("@/lib/dev-services/meilisearch");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");

  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-bench-import-"));
  const [pgPort, meiliPort] = [await findFreePort(), await findFreePort()];
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, persistent: false });
  const masterKey = "bench-master-key-0123456789abcdef";
  const meiliService = withIndex ? await startLocalMeilisearch({ dbPath: path.join(dir, "meili"), port: meiliPort, masterKey }) : null;
  const meiliRss = memorySampler(() => meiliService?.process.pid);
  try {
    await migrate(postgres.url);
    Object.assign(process.env, {
      DATABASE_URL: postgres.url,
      MEILI_HOST: meiliService?.host ?? `http://127.0.0.1:${meiliPort}`,
      MEILI_MASTER_KEY: masterKey,
      MEILI_INDEX: "qa",
      PRESSROOM_SEARCH_WORKER: "off",
      // The parent times keyword-only; the hybrid child gets hybrid from hybrid.ts.
      PRESSROOM_SEARCH_MODE: childOut ? process.env.PRESSROOM_SEARCH_MODE : "keyword",
    });
    const { importCorpusFiles, formatImportSummary } = await import("@/lib/corpus/import");
    const { stderrProgress } = await import("@/lib/corpus/progress");

    console.error(`bench: importing ${FILES.length} files into ${postgres.url}`);
    const { statementTimings } = await import("@/lib/corpus/writer");
    // Indexing overlaps with the Postgres phase: each batch's documents go to Meilisearch as
    // soon as it commits. The whole import ends when the index has caught up.
    meiliRss.reset();
    // What the process holds at its peak (the child: where the hybrid importer's memory goes).
    const heapAtPeak = heapSampler();
    const first = await importCorpusFiles(FILES, { progress: stderrProgress(), index: withIndex, ...tuning });
    heapAtPeak.stop();
    const meiliPeakDuringImport = meiliRss.peak();
    console.error(formatImportSummary(first));
    const firstStatements = Object.fromEntries([...statementTimings].map(([k, v]) => [k, Math.round(v)]));
    console.error("statement ms:", JSON.stringify(firstStatements));
    statementTimings.clear();
    const pairs = first.pairsInserted + first.pairsUpdated + first.pairsUnchanged;

    let indexing: { ms: number; documents: number; meiliPeakRss: number } | null = null;
    let raw: { ms: number; documents: number; meiliPeakRss: number } | null = null;
    if (childOut) {
      const indexingPhase = first.indexing && { secondsAfterPostgres: (first.indexing.caughtUpMs - first.postgresMs) / 1000, tasks: first.indexing.tasks };
      const child = { pairs, postgresPhase: { seconds: first.postgresMs / 1000 }, indexingPhase, wholeImportSeconds: (first.indexing?.caughtUpMs ?? first.postgresMs) / 1000 };
      // Proof the vectors reached the index (Meilisearch counts the documents that carry one).
      const { meili } = await import("@/lib/search/client");
      const stats = meiliService ? await meili().index("qa").getStats() : null;
      const vectors = stats && { embeddedDocuments: stats.numberOfEmbeddedDocuments, documents: stats.numberOfDocuments };
      await writeFile(
        childOut,
        JSON.stringify({
          ...child,
          vectors,
          peakRssMB: { importer: mb(first.peakRssBytes), meilisearchDuringImport: mb(meiliPeakDuringImport) },
          memoryAtPeakMB: heapAtPeak.atPeak(),
        }),
      );
      return;
    }
    if (distillTo) {
      const distill = await distillTable(postgres.url, dir);
      await copyFile(distill.file, distillTo);
      await writeFile(`${distillTo}.json`, JSON.stringify({ ...distill, file: distillTo, bytes: (await stat(distillTo)).size }));
      console.log(`distilled ${distillTo} in ${distill.seconds.toFixed(1)} s, peak RSS ${distill.peakRssMB} MB`);
      return;
    }
    if (meiliService && first.indexing) {
      const documents = first.indexing.documents + (first.indexing.leftover?.documents ?? 0);
      indexing = { ms: first.indexing.caughtUpMs - first.postgresMs, documents, meiliPeakRss: meiliPeakDuringImport };
      const baseline = args.has("--no-raw") ? null : await rawMeilisearchBaseline(dir, () => meiliRss.reset());
      raw = baseline && { ...baseline, meiliPeakRss: meiliRss.peak() };
    }

    const postgresSeconds = first.postgresMs / 1000;
    const totalMs = first.indexing?.caughtUpMs ?? first.postgresMs;
    let hybrid = null;
    if (withHybrid) {
      meiliRss.stop();
      const distill = tableFile ? (JSON.parse(await readFile(`${tableFile}.json`, "utf8")) as Awaited<ReturnType<typeof distillTable>>) : await distillTable(postgres.url, dir);
      console.error(`bench: table distilled in ${distill.seconds.toFixed(1)} s; importing again with vectors`);
      const passArgs = [...args].filter((a) => a !== "--hybrid" && a !== "--keep" && !a.startsWith("--baseline-code="));
      const ratios = (run: { wholeImportSeconds: number }) => ({
        ratioToKeyword: run.wholeImportSeconds / (totalMs / 1000),
        ratioToRaw: raw ? (run.wholeImportSeconds * 1000) / raw.ms : null,
      });
      const before = baselineCode ? await hybridImport(distill.file, dir, passArgs, path.resolve(baselineCode)) : null;
      const run = await hybridImport(distill.file, dir, passArgs);
      hybrid = { distill, ...run, ...ratios(run), baselineCode: before && { dir: path.resolve(baselineCode!), ...before, ...ratios(before) } };
    }

    // Idempotency: the same files again must change nothing.
    const second = withHybrid ? null : await importCorpusFiles(FILES, { progress: stderrProgress(), index: withIndex });
    if (second) console.error(formatImportSummary(second));
    if (second) console.error("statement ms (second run):", JSON.stringify(Object.fromEntries([...statementTimings].map(([k, v]) => [k, Math.round(v)]))));
    const result = {
      tuning,
      measuredAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      pairs,
      conferences: first.conferences,
      skipped: first.skipped.length,
      postgresPhase: { seconds: postgresSeconds, pairsPerSecond: pairs / postgresSeconds, batches: first.batches, outboxRows: first.outboxRows, statementMs: firstStatements },
      // Indexing runs alongside the Postgres phase; this is how long the index needed after the last commit.
      indexingPhase: indexing && { secondsAfterPostgres: indexing.ms / 1000, documents: indexing.documents, tasks: first.indexing?.tasks ?? 0 },
      wholeImportSeconds: totalMs / 1000,
      rawMeilisearch: raw && { seconds: raw.ms / 1000, documents: raw.documents, peakRssMB: mb(raw.meiliPeakRss) },
      ratioToRaw: raw ? totalMs / raw.ms : null,
      peakRssMB: { importer: mb(Math.max(first.peakRssBytes, process.memoryUsage().rss)), meilisearchDuringImport: indexing ? mb(indexing.meiliPeakRss) : null },
      hybrid,
      secondRun: second && {
        seconds: second.postgresMs / 1000,
        inserted: second.pairsInserted,
        updated: second.pairsUpdated,
        unchanged: second.pairsUnchanged,
        conferencesInserted: second.conferencesInserted,
        conferencesUpdated: second.conferencesUpdated,
        outboxRows: second.outboxRows,
      },
    };
    printTable(result);
    const out = path.join(repoRoot, `bench/results/import${withHybrid ? "-hybrid" : ""}.json`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`saved ${path.relative(repoRoot, out)}`);
  } finally {
    meiliRss.stop();
    const { db } = await import("@/lib/db/client");
    await db()
      .$disconnect()
      .catch(() => {});
    await meiliService?.stop();
    await postgres.stop();
    if (!args.has("--keep")) await rm(dir, { recursive: true, force: true });
  }
}

function printTable(result: {
  pairs: number;
  postgresPhase: { seconds: number; pairsPerSecond: number };
  indexingPhase: { secondsAfterPostgres: number; documents: number } | null;
  wholeImportSeconds: number;
  rawMeilisearch: { seconds: number; peakRssMB: number } | null;
  ratioToRaw: number | null;
  peakRssMB: { importer: number; meilisearchDuringImport: number | null };
  secondRun: { seconds: number; inserted: number; updated: number; unchanged: number } | null;
  hybrid:
    | (HybridRun & {
        distill: { seconds: number; peakRssMB: number };
        baselineCode: (HybridRun & { dir: string }) | null;
      })
    | null;
}) {
  const rows: [string, string][] = [
    ["pairs", String(result.pairs)],
    ["postgres phase", `${result.postgresPhase.seconds.toFixed(1)} s  (${Math.round(result.postgresPhase.pairsPerSecond)} pairs/s, goal ≥ 5000)`],
    [
      "indexing (overlapped)",
      result.indexingPhase ? `${result.indexingPhase.documents} documents, caught up ${result.indexingPhase.secondsAfterPostgres.toFixed(1)} s after the last commit` : "skipped",
    ],
    ["whole import", `${result.wholeImportSeconds.toFixed(1)} s`],
    ["raw meilisearch", result.rawMeilisearch ? `${result.rawMeilisearch.seconds.toFixed(1)} s, peak RSS ${result.rawMeilisearch.peakRssMB} MB` : "skipped"],
    ["whole / raw", result.ratioToRaw ? `${result.ratioToRaw.toFixed(2)}×  (goal ≤ 1.25×)` : "n/a"],
    ["peak RSS importer", `${result.peakRssMB.importer} MB`],
    ["peak RSS meili (import)", result.peakRssMB.meilisearchDuringImport === null ? "n/a" : `${result.peakRssMB.meilisearchDuringImport} MB`],
  ];
  const { secondRun: second, hybrid } = result;
  if (second) rows.push(["second run", `${second.seconds.toFixed(1)} s: ${second.inserted} inserted, ${second.updated} updated, ${second.unchanged} unchanged`]);
  if (hybrid) rows.push(["distil static table", `${hybrid.distill.seconds.toFixed(1)} s (not timed below), peak RSS ${hybrid.distill.peakRssMB} MB`]);
  const hybridRows = (label: string, run: HybridRun) => {
    rows.push(
      [`${label} postgres phase`, `${run.postgresPhase.seconds.toFixed(1)} s`],
      [`${label} whole import`, `${run.wholeImportSeconds.toFixed(1)} s, ${run.vectors?.embeddedDocuments} of ${run.vectors?.documents} documents with a vector`],
      [`${label} / keyword`, `${run.ratioToKeyword.toFixed(2)}×  (goal ≤ 2×)`],
      [`${label} / raw`, run.ratioToRaw ? `${run.ratioToRaw.toFixed(2)}×` : "n/a"],
      [`peak RSS ${label} importer`, `${run.processPeakRssMB} MB sampled (${run.peakRssMB.importer} MB at batch ends), goal ≤ 600 MB`],
      [`peak RSS meili (${label})`, `${run.peakRssMB.meilisearchDuringImport} MB`],
    );
  };
  if (hybrid?.baselineCode) hybridRows("hybrid, baseline code", hybrid.baselineCode);
  if (hybrid) hybridRows("hybrid", hybrid);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, value] of rows) console.log(`${key.padEnd(width)}  ${value}`);
}

type HybridRun = Awaited<ReturnType<typeof hybridImport>> & { ratioToKeyword: number; ratioToRaw: number | null };

await main();
