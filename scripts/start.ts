// `npm start`: the whole archive on one machine. Starts embedded PostgreSQL and Meilisearch
// unless DATABASE_URL / MEILI_HOST point elsewhere, migrates, loads the fictional sample on
// first run, builds the app when its sources changed, and serves it (scripts/web-server.ts).
// It supervises what it started: a child that dies is restarted with backoff and logged, one
// that keeps dying stops everything loudly; a web-server crash never stops the database or
// search. It records where its services listen in .data/services.json for the CLIs.
//
//   npm start [-- --dev] [-- --services-only]
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { migrate } from "@/lib/db/migrator";
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from "@/lib/dev-services/data-dir-lock";
import { startLocalServices, type LocalServices } from "@/lib/dev-services/local";
import { assertPortFree, waitFor } from "@/lib/dev-services/ports";
import { removeServicesFile, writeServicesFile } from "@/lib/dev-services/services-file";
import { Supervisor } from "@/lib/dev-services/supervisor";
import { WEB_HEAP_FLAGS } from "@/lib/dev-services/web-heap";
import { buildIfChanged } from "./start-build";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
// Services only (database, search, services.json): for running `next dev` or tests by hand.
const servicesOnly = process.argv.includes("--services-only");
const portSchema = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int()
    .min(1, `${name} must be a port number`)
    .max(65535, `${name} must be a port number`)
    .default(fallback);
const settings = z
  .object({
    PORT: portSchema("PORT", 3000),
    PRESSROOM_PG_PORT: portSchema("PRESSROOM_PG_PORT", 54320),
    PRESSROOM_MEILI_PORT: portSchema("PRESSROOM_MEILI_PORT", 7700),
    PRESSROOM_DATA_DIR: z.string().default(path.join(root, ".data")),
    PRESSROOM_SKIP_SAMPLE: z.enum(["0", "1"]).default("0"),
  })
  .safeParse(process.env);
if (!settings.success) {
  console.error(settings.error.issues.map((i) => i.message).join("\n"));
  process.exit(2);
}
const { PORT, PRESSROOM_PG_PORT, PRESSROOM_MEILI_PORT, PRESSROOM_SKIP_SAMPLE } = settings.data;
const dataDir = path.resolve(settings.data.PRESSROOM_DATA_DIR);
const log = (line: string) => console.log(`[pressroom] ${line}`);

let lock: DataDirLock | undefined;
let services: LocalServices | undefined;
let web: ChildProcess | undefined;
let stopping = false;
const supervisor = new Supervisor(log, () => void shutdown(1));

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  child.kill("SIGKILL");
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  supervisor.stop();
  await stopChild(web);
  await services?.stop();
  if (lock) {
    removeServicesFile(dataDir);
    lock.release();
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

function secretFile(name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** One process: `node --import tsx`, not the tsx CLI, which would put a second process in between. */
function spawnWebServer(env: NodeJS.ProcessEnv): ChildProcess {
  const args = [...WEB_HEAP_FLAGS, "--import", "tsx", path.join(root, "scripts", "web-server.ts"), "--port", String(PORT), ...(dev ? ["--dev"] : [])];
  return spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
}

async function waitForWebServer(child: ChildProcess): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error("exited");
      return (await fetch(`http://127.0.0.1:${PORT}/api/health`, { signal: AbortSignal.timeout(5000) })).ok;
    },
    `the web server on port ${PORT}`,
    dev ? 300_000 : 120_000,
    250,
  ).catch((error: Error) => {
    throw new Error(child.exitCode !== null || child.signalCode !== null ? `the web server exited during start-up (${child.exitCode ?? child.signalCode})` : error.message);
  });
}

try {
  const started = Date.now();
  // Before anything else: a second `npm start` on the same data must not touch the first one's services.
  mkdirSync(dataDir, { recursive: true });
  lock = acquireDataDirLock(dataDir);
  if (lock.recoveredFrom) log(`took over the lock of a Pressroom (PID ${lock.recoveredFrom}) that is no longer running`);
  if (!servicesOnly) await assertPortFree(PORT, "the Pressroom web server", "PORT", "0.0.0.0");
  services = await startLocalServices({ dataDir, pgPort: PRESSROOM_PG_PORT, meiliPort: PRESSROOM_MEILI_PORT, log, searchKey: true });
  for (const line of services.started) log(`started ${line}`);
  for (const child of services.children) supervisor.watch(child);
  Object.assign(process.env, services.env);
  const migrated = await migrate(services.env.DATABASE_URL, { log });
  if (migrated.applied.length) log(`applied ${migrated.applied.length} migration(s)`);

  if (PRESSROOM_SKIP_SAMPLE === "0") {
    const { db } = await import("@/lib/db/client");
    const { loadSampleArchive } = await import("@/lib/archive/transcript-file");
    // Only an empty archive gets the sample: a real archive is never mixed with fiction.
    if ((await db().conference.count()) === 0) {
      const loaded = await loadSampleArchive(log);
      log(`loaded ${loaded} fictional sample conference(s)`);
    }
    await db().$disconnect();
  }

  const servicesFile = writeServicesFile(dataDir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    databaseUrl: services.env.DATABASE_URL,
    meiliHost: services.env.MEILI_HOST,
    meiliMasterKey: services.env.MEILI_MASTER_KEY,
    meiliSearchKey: services.env.MEILI_SEARCH_KEY,
    ...(servicesOnly ? {} : { webUrl: `http://localhost:${PORT}` }),
  });
  log(`CLIs (npm run import, user:create, search:*) find these services through ${servicesFile}`);

  if (servicesOnly) {
    log(`services ready in ${((Date.now() - started) / 1000).toFixed(1)} s (--services-only: no web server); Ctrl-C stops them`);
  } else {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...services.env,
      PORT: String(PORT),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secretFile("nextauth-secret"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: dev ? "development" : "production",
    };
    if (!dev) await buildIfChanged(root, env, log);
    web = spawnWebServer(env);
    await waitForWebServer(web);
    supervisor.watch({
      name: "web server",
      current: () => web,
      restart: async () => {
        web = spawnWebServer(env);
        await waitForWebServer(web);
      },
    });
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${PORT}`);
  }
} catch (error) {
  if (error instanceof DataDirLockedError) {
    // Not ours: leave the running one, its services file and its lock alone.
    console.error(`[pressroom] ${error.message}`);
    process.exit(1);
  }
  console.error(`[pressroom] ${(error as Error).message}`);
  await shutdown(1);
}
