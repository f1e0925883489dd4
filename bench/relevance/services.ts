import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CORPUS_FILES } from "../corpus-files";
import { buildFullTextBaseline } from "../postgres-fts";
import { stopBenchServices } from "../stop-services";

// The services the relevance benchmark searches: the real corpus (~71k pairs) imported through
// the real importer into an embedded Postgres and the bundled Meilisearch, plus two baselines
// over the same pairs: a Meilisearch index with default settings ("defaults") and a Postgres
// tsvector + GIN table ("bench_fts"). With --dir the data is kept there and reused by later
// runs (tuning without re-importing); without it everything lives in a temporary directory.

export const MASTER_KEY = "bench-master-key-0123456789abcdef";
export const DEFAULTS_INDEX = "defaults";
const log = (line: string) => console.error(`relevance: ${line}`);

export interface LoadedServices {
  meiliHost: string;
  pool: pg.Pool;
  /** Seconds spent loading, when this run loaded the corpus (null when reused). */
  loadSeconds: { indexing: number; fullText: number } | null;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Also the Meilisearch-defaults baseline index (bench:relevance needs it, bench:search not). */
  defaultsIndex?: boolean;
  poolSize?: number;
}

export async function startServices(keepDir: string | null, { defaultsIndex = true, poolSize = 4 }: ServiceOptions = {}): Promise<LoadedServices> {
  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { startLocalMeilisearch } = await import("@/lib/dev-services/meilisearch");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");
  const dir = keepDir ? path.resolve(keepDir) : await mkdtemp(path.join(os.tmpdir(), "pressroom-bench-relevance-"));
  await mkdir(dir, { recursive: true });
  const loaded = existsSync(path.join(dir, "loaded"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), persistent: Boolean(keepDir) });
  const meili = await startLocalMeilisearch({ dbPath: path.join(dir, "meili"), port: await findFreePort(), masterKey: MASTER_KEY });
  // The embedded Postgres exits the process on SIGTERM before `finally` runs: stop Meilisearch too.
  process.once("exit", () => meili.process.kill("SIGTERM"));
  Object.assign(process.env, { DATABASE_URL: postgres.url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: MASTER_KEY, MEILI_INDEX: "qa", PRESSROOM_SEARCH_WORKER: "off" });
  const pool = new pg.Pool({ connectionString: postgres.url, max: poolSize });
  const stop = async () => {
    await stopBenchServices({ postgres, meili, pool });
    if (!keepDir) await rm(dir, { recursive: true, force: true });
  };
  let loadSeconds: LoadedServices["loadSeconds"] = null;
  try {
    await migrate(postgres.url);
    if (!loaded) {
      loadSeconds = await loadCorpus(pool);
      if (keepDir) await writeFile(path.join(dir, "loaded"), "yes\n");
    }
    const { indexExists } = await import("@/lib/search/client");
    if (defaultsIndex && !(await indexExists(DEFAULTS_INDEX))) await loadDefaultsIndex();
    await applyCurrentSettings();
  } catch (error) {
    await stop();
    throw error;
  }
  return { meiliHost: meili.host, pool, loadSeconds, stop };
}

async function loadCorpus(pool: pg.Pool): Promise<{ indexing: number; fullText: number }> {
  const { importCorpusFiles } = await import("@/lib/corpus/import");
  const { runIndexingPhase } = await import("@/lib/corpus/indexing");
  const { silentProgress } = await import("@/lib/corpus/progress");
  let t0 = performance.now();
  const imported = await importCorpusFiles(CORPUS_FILES, { progress: silentProgress() });
  log(`imported ${imported.pairsInserted} pairs in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  t0 = performance.now();
  const indexing = await runIndexingPhase({ progress: silentProgress() });
  const indexingSeconds = (performance.now() - t0) / 1000;
  log(`indexed ${indexing.documents} documents in ${indexingSeconds.toFixed(0)} s`);
  t0 = performance.now();
  await buildFullTextBaseline(pool);
  const fullText = (performance.now() - t0) / 1000;
  log(`built the Postgres full-text baseline in ${fullText.toFixed(0)} s`);
  return { indexing: indexingSeconds, fullText };
}

/** The same documents' text in an index with Meilisearch's default settings. */
async function loadDefaultsIndex(): Promise<void> {
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { waitForTasks } = await import("@/lib/corpus/indexing");
  const t0 = performance.now();
  const created = await meili().createIndex(DEFAULTS_INDEX, { primaryKey: "id" });
  await waitForSuccess(created.taskUid, "create the defaults index");
  const fields = ["id", "sourceId", "question", "answerText", "answerSpeakers", "questioner", "outlet", "conferenceTitle", "topics"];
  const tasks: { uid: number; what: string }[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await meili().index("qa").getDocuments({ offset, limit: 10_000, fields });
    if (page.results.length === 0) break;
    const task = await meili().index(DEFAULTS_INDEX).addDocuments(page.results, { primaryKey: "id" });
    tasks.push({ uid: task.taskUid, what: `defaults batch at ${offset}` });
  }
  await waitForTasks(tasks);
  log(`built the defaults index in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** The kept index gets whatever settings.ts declares now (ranking rules change without re-import). */
async function applyCurrentSettings(): Promise<void> {
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  const { indexSettings, loadEditorSearchSettings } = await import("@/lib/search/settings");
  const t0 = performance.now();
  const task = await meili()
    .index("qa")
    .updateSettings(indexSettings(await loadEditorSearchSettings()));
  await waitForSuccess(task.taskUid, "apply settings.ts to the kept index", 1_800_000);
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > 1) log(`applied settings.ts to the index in ${seconds.toFixed(0)} s`);
}
