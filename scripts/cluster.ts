// `npm run cluster -- --port P`: Pressroom with every part several times, on loopback, in one
// process group (README "Scaling out"): HAProxy on P in front of 2+ web servers, two
// Meilisearch instances fed by an outbox worker, a PostgreSQL primary and streaming replica.
// Parts that die are restarted with backoff (as `npm start` does). Ctrl-C stops everything.
//
//   npm run cluster -- --port 8080 [--web 3]
//
// Data in PRESSROOM_CLUSTER_DATA_DIR (default .data/cluster), apart from `npm start`'s. CLIs
// reach it with PRESSROOM_DATA_DIR=.data/cluster (e.g. `PRESSROOM_DATA_DIR=.data/cluster npm run import -- ...`).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startCluster, stopParts, type Cluster } from "@/lib/cluster/topology";
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from "@/lib/dev-services/data-dir-lock";
import { removeServicesFile, writeServicesFile } from "@/lib/dev-services/services-file";
import { Supervisor } from "@/lib/dev-services/supervisor";
import { buildIfChanged } from "./start-build";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[cluster] ${line}`);

const { values } = parseArgs({ options: { port: { type: "string" }, web: { type: "string", default: "2" } } });
const parsed = z
  .object({
    port: z.coerce.number({ error: "--port must be a port number" }).int().min(1).max(65535),
    web: z.coerce.number({ error: "--web must be a number" }).int().min(2, "--web must be at least 2").max(8, "--web may be at most 8"),
  })
  .safeParse(values);
if (!values.port || !parsed.success) {
  console.error(`[cluster] usage: npm run cluster -- --port P [--web N]${parsed.success ? "" : `\n${parsed.error.issues.map((i) => `  ${i.message}`).join("\n")}`}`);
  process.exit(2);
}
const dataDir = path.resolve(process.env.PRESSROOM_CLUSTER_DATA_DIR ?? path.join(root, ".data", "cluster"));

let lock: DataDirLock | undefined;
let cluster: Cluster | undefined;
const stops: (() => Promise<void>)[] = [];
let stopping = false;
const supervisor = new Supervisor(log, () => void shutdown(1));

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  supervisor.stop();
  await stopParts(stops, log);
  if (lock) {
    removeServicesFile(dataDir);
    lock.release();
  }
  log("stopped");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

try {
  const started = Date.now();
  mkdirSync(dataDir, { recursive: true });
  lock = acquireDataDirLock(dataDir);
  await buildIfChanged(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);
  cluster = await startCluster({ root, dataDir, port: parsed.data.port, webInstances: parsed.data.web, log, stops });
  if (process.env.PRESSROOM_SKIP_SAMPLE !== "1") {
    Object.assign(process.env, { DATABASE_URL: cluster.databaseUrl, MEILI_HOST: cluster.meiliHosts[0], MEILI_MASTER_KEY: cluster.masterKey });
    const { db } = await import("@/lib/db/client");
    const { loadSampleArchive } = await import("@/lib/archive/transcript-file");
    // Only an empty archive gets the fictional sample (as with npm start).
    if ((await db().conference.count()) === 0) log(`loaded ${await loadSampleArchive(log)} fictional sample conference(s)`);
    await db().$disconnect();
  }
  for (const part of [...cluster.web, ...cluster.search, cluster.worker, cluster.balancer]) {
    supervisor.watch({ name: part.name, current: part.process, restart: part.start });
  }
  writeServicesFile(dataDir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    databaseUrl: cluster.databaseUrl,
    meiliHost: cluster.meiliHosts[0],
    meiliMasterKey: cluster.masterKey,
    meiliSearchKey: cluster.env.MEILI_SEARCH_KEY,
    webUrl: cluster.url,
  });
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cluster.url} (HAProxy → ${cluster.web.length} web servers; search ${cluster.meiliHosts.join(", ")}; replica ${new URL(cluster.replicaUrl).host}). Ctrl-C stops.`,
  );
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`[cluster] ${error.message}`);
    process.exit(1);
  }
  console.error(`[cluster] ${(error as Error).message}`);
  await shutdown(1);
}
