import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { stopBenchServices } from "../stop-services";

// One size's Postgres and Meilisearch, kept in .data/scale/<size>/ so that a later run can
// measure pages again (--reuse) without importing a million pairs a second time.

export interface ScaleServices {
  postgres: import("@/lib/dev-services/postgres").LocalPostgres;
  meili: import("@/lib/dev-services/meilisearch").LocalMeilisearch;
  pool: pg.Pool;
  postgresDir: string;
  meiliDir: string;
  masterKey: string;
  stop(): Promise<void>;
}

export async function startScaleServices(dir: string): Promise<ScaleServices> {
  const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
  const { startLocalMeilisearch } = await import("@/lib/dev-services/meilisearch");
  const { findFreePort } = await import("@/lib/dev-services/ports");
  const { migrate } = await import("@/lib/db/migrator");
  await mkdir(dir, { recursive: true });
  const postgresDir = path.join(dir, "pg");
  const meiliDir = path.join(dir, "meili");
  const masterKey = "bench-master-key-0123456789abcdef";
  const postgres = await startEmbeddedPostgres({ dataDir: postgresDir, port: await findFreePort(), persistent: true });
  const meili = await startLocalMeilisearch({ dbPath: meiliDir, port: await findFreePort(), masterKey });
  // The embedded Postgres exits the process on SIGTERM before `finally` runs: stop Meilisearch too.
  process.once("exit", () => meili.process.kill("SIGTERM"));
  await migrate(postgres.url);
  Object.assign(process.env, { DATABASE_URL: postgres.url, MEILI_HOST: meili.host, MEILI_MASTER_KEY: masterKey, MEILI_INDEX: "qa", PRESSROOM_SEARCH_WORKER: "off" });
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  return {
    postgres,
    meili,
    pool,
    postgresDir,
    meiliDir,
    masterKey,
    async stop() {
      await stopBenchServices({ postgres, meili, pool });
    },
  };
}
