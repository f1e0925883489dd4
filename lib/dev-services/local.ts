import { mkdir } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type LocalPostgres } from "./postgres";
import { localMasterKey, startLocalMeilisearch, type LocalMeilisearch } from "./meilisearch";

export interface LocalServices {
  env: { DATABASE_URL: string; MEILI_HOST: string; MEILI_MASTER_KEY?: string };
  started: string[];
  /** The local Meilisearch process, when one was started (tests pause it to simulate an outage). */
  meiliPid?: number;
  stop(): Promise<void>;
}

// Starts only what the environment does not already provide: with DATABASE_URL and
// MEILI_HOST set (production, or a developer's own servers) nothing local runs.
export async function startLocalServices(options: {
  dataDir: string;
  pgPort: number;
  meiliPort: number;
  log?: (line: string) => void;
  source?: NodeJS.ProcessEnv;
}): Promise<LocalServices> {
  const source = options.source ?? process.env;
  const log = options.log ?? (() => {});
  await mkdir(options.dataDir, { recursive: true });
  let postgres: LocalPostgres | undefined;
  let meili: LocalMeilisearch | undefined;
  const stop = async () => {
    await Promise.allSettled([meili?.stop(), postgres?.stop()]);
  };
  try {
    const started: string[] = [];
    let databaseUrl = source.DATABASE_URL;
    if (!databaseUrl) {
      postgres = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "postgres"), port: options.pgPort, log });
      databaseUrl = postgres.url;
      started.push(`PostgreSQL on 127.0.0.1:${options.pgPort}`);
    }
    let meiliHost = source.MEILI_HOST;
    let masterKey = source.MEILI_MASTER_KEY;
    if (!meiliHost) {
      masterKey = localMasterKey(options.dataDir);
      meili = await startLocalMeilisearch({ dbPath: path.join(options.dataDir, "meili"), port: options.meiliPort, masterKey, log });
      meiliHost = meili.host;
      started.push(`Meilisearch on ${meili.host}`);
    }
    return { env: { DATABASE_URL: databaseUrl, MEILI_HOST: meiliHost, MEILI_MASTER_KEY: masterKey }, started, meiliPid: meili?.process.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
