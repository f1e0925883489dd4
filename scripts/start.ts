// `npm start`: the whole archive on one machine. Starts embedded PostgreSQL and Meilisearch
// unless DATABASE_URL / MEILI_HOST point elsewhere, migrates, loads the fictional sample on
// first run, builds the app when its sources changed, and serves it with `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { migrate } from "@/lib/db/migrator";
import { startLocalServices, type LocalServices } from "@/lib/dev-services/local";
import { assertPortFree } from "@/lib/dev-services/ports";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const portSchema = (name: string, fallback: number) =>
  z.coerce.number({ error: `${name} must be a port number` }).int().min(1, `${name} must be a port number`).max(65535, `${name} must be a port number`).default(fallback);
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
const { PORT, PRESSROOM_PG_PORT, PRESSROOM_MEILI_PORT, PRESSROOM_DATA_DIR, PRESSROOM_SKIP_SAMPLE } = settings.data;
const log = (line: string) => console.log(`[pressroom] ${line}`);

let services: LocalServices | undefined;
let server: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    server.kill("SIGKILL");
  }
  await services?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

function secretFile(name: string): string {
  const file = path.join(PRESSROOM_DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Rebuild only when something that goes into the build changed since the last one. */
async function buildFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.name.endsWith(".test.ts")) {
        const info = await stat(full);
        hash.update(`${path.relative(root, full)}:${info.size}:${info.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, dir))) await walk(path.join(root, dir));
  for (const file of ["next.config.js", "package-lock.json", "proxy.ts", "instrumentation.ts", "tsconfig.json"]) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    server = child;
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
  });
}

try {
  const started = Date.now();
  await assertPortFree(PORT, "the Pressroom web server", "PORT", "0.0.0.0");
  services = await startLocalServices({ dataDir: PRESSROOM_DATA_DIR, pgPort: PRESSROOM_PG_PORT, meiliPort: PRESSROOM_MEILI_PORT, log });
  for (const line of services.started) log(`started ${line}`);
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

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    PORT: String(PORT),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secretFile("nextauth-secret"),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (dev) {
    log(`development server on http://localhost:${PORT}`);
    await run(process.execPath, [next, "dev", "--port", String(PORT)], { ...env, NODE_ENV: "development" });
  } else {
    const fingerprintFile = path.join(root, ".next", "pressroom-fingerprint");
    const fingerprint = await buildFingerprint();
    if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(fingerprintFile) || readFileSync(fingerprintFile, "utf8") !== fingerprint) {
      log("building the web app (first run or sources changed)…");
      await run(process.execPath, [next, "build"], { ...env, NODE_ENV: "production" });
      writeFileSync(fingerprintFile, fingerprint);
    }
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s to start serving on http://localhost:${PORT}`);
    await run(process.execPath, [next, "start", "--port", String(PORT)], { ...env, NODE_ENV: "production" });
  }
  await shutdown(0);
} catch (error) {
  console.error(`[pressroom] ${(error as Error).message}`);
  await shutdown(1);
}
