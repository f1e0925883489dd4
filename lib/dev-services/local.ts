import { mkdir } from "node:fs/promises";
import path from "node:path";
import { ensureSearchKey } from "@/lib/search/keys";
import { startEmbeddedPostgres, type LocalPostgres } from "./postgres";
import { localMasterKey, startLocalMeilisearch, type LocalMeilisearch } from "./meilisearch";
import type { SupervisedChild } from "./supervisor";

export interface LocalServices {
  env: { DATABASE_URL: string; MEILI_HOST: string; MEILI_MASTER_KEY?: string; MEILI_SEARCH_KEY?: string };
  started: string[];
  /** The local Meilisearch process, when one was started (tests pause it to simulate an outage). */
  meiliPid?: number;
  /** The processes started here, for the supervisor (none when the environment provided both). */
  children: SupervisedChild[];
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
  /** Create (or find) a search-only key for the web server. */
  searchKey?: boolean;
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
    const children: SupervisedChild[] = [];
    let databaseUrl = source.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, "postgres"), port: options.pgPort, log });
      postgres = pg;
      databaseUrl = pg.url;
      started.push(`PostgreSQL on 127.0.0.1:${options.pgPort}`);
      children.push({ name: "PostgreSQL", current: () => pg.process(), restart: () => pg.restart() });
    }
    let meiliHost = source.MEILI_HOST;
    let masterKey = source.MEILI_MASTER_KEY;
    if (!meiliHost) {
      const key = localMasterKey(options.dataDir);
      masterKey = key;
      const meiliOptions = { dbPath: path.join(options.dataDir, "meili"), port: options.meiliPort, masterKey: key, log };
      meili = await startLocalMeilisearch(meiliOptions);
      meiliHost = meili.host;
      started.push(`Meilisearch on ${meili.host}`);
      children.push({
        name: "Meilisearch",
        current: () => meili?.process,
        restart: async () => {
          meili = await startLocalMeilisearch(meiliOptions);
        },
      });
    }
    const searchKey = options.searchKey && masterKey ? await ensureSearchKey(meiliHost, masterKey) : source.MEILI_SEARCH_KEY;
    return {
      env: { DATABASE_URL: databaseUrl, MEILI_HOST: meiliHost, MEILI_MASTER_KEY: masterKey, ...(searchKey ? { MEILI_SEARCH_KEY: searchKey } : {}) },
      started,
      meiliPid: meili?.process.pid,
      children,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
