import path from "node:path";
import pg from "pg";
import { readServicesFile, servicesFilePath, type ServicesFileRead } from "./services-file";

// What every CLI does first: find the services it needs (the environment, else the running
// `npm start`'s .data/services.json) and check each answers, before anything is written.
// A CLI that fails here has changed nothing and says exactly what to do.

export type ServiceNeed = "database" | "search";

export class CliServicesError extends Error {}

const root = path.resolve(import.meta.dirname, "..", "..");

export function defaultDataDir(source: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(source.PRESSROOM_DATA_DIR ?? path.join(root, ".data"));
}

function whyNotFromFile(read: Exclude<ServicesFileRead, { kind: "ok" }>, file: string, variable: string, example: string): string {
  const fix = `Start it with \`npm start\` (in another terminal) and run this again, or set ${variable}=${example} to use another server.`;
  if (read.kind === "missing") return `${variable} is not set and no \`npm start\` is running on this data directory (no ${file}). ${fix}`;
  if (read.kind === "stale") return `${variable} is not set, and the \`npm start\` that wrote ${file} (PID ${read.pid}) is no longer running. ${fix}`;
  return `${variable} is not set and ${file} is unreadable (${read.message}). Restart \`npm start\`, or set ${variable}=${example}.`;
}

/**
 * Fills DATABASE_URL / MEILI_HOST / MEILI_MASTER_KEY from the running `npm start` where unset,
 * then checks every needed service. Throws CliServicesError with the fix in its message.
 */
export async function prepareCliServices(needs: ServiceNeed[], source: NodeJS.ProcessEnv = process.env): Promise<{ from: Record<ServiceNeed, string | undefined> }> {
  const dataDir = defaultDataDir(source);
  const file = servicesFilePath(dataDir);
  const read = readServicesFile(dataDir);
  const from: Record<ServiceNeed, string | undefined> = { database: undefined, search: undefined };

  if (needs.includes("database")) {
    if (source.DATABASE_URL) from.database = "DATABASE_URL";
    else if (read.kind === "ok") {
      source.DATABASE_URL = read.services.databaseUrl;
      from.database = file;
    } else throw new CliServicesError(whyNotFromFile(read, file, "DATABASE_URL", "postgresql://user:pass@host:5432/db"));
  }
  if (needs.includes("search")) {
    if (source.MEILI_HOST) {
      from.search = "MEILI_HOST";
      // The same server npm start runs: its admin key is in the file.
      if (!source.MEILI_MASTER_KEY && read.kind === "ok" && read.services.meiliHost === source.MEILI_HOST) source.MEILI_MASTER_KEY = read.services.meiliMasterKey;
    } else if (read.kind === "ok") {
      source.MEILI_HOST = read.services.meiliHost;
      if (!source.MEILI_MASTER_KEY && read.services.meiliMasterKey) source.MEILI_MASTER_KEY = read.services.meiliMasterKey;
      from.search = file;
    } else throw new CliServicesError(whyNotFromFile(read, file, "MEILI_HOST", "https://meili.example.org (with MEILI_MASTER_KEY)"));
  }

  const problems: string[] = [];
  if (from.database) {
    const problem = await checkDatabase(source.DATABASE_URL!);
    if (problem) problems.push(`PostgreSQL (from ${from.database}) ${problem}`);
  }
  if (from.search) {
    const problem = await checkSearch(source.MEILI_HOST!, source.MEILI_MASTER_KEY);
    if (problem) problems.push(`Meilisearch at ${source.MEILI_HOST} (from ${from.search}) ${problem}`);
  }
  if (problems.length) throw new CliServicesError(`${problems.join("\n")}\nNothing was changed.`);
  return { from };
}

async function checkDatabase(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const { hostname, port } = new URL(url);
    return `at ${hostname}:${port || 5432} does not answer: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkSearch(host: string, key: string | undefined): Promise<string | null> {
  try {
    const health = await fetch(`${host.replace(/\/+$/, "")}/health`, { signal: AbortSignal.timeout(5000) });
    if (!health.ok) return `answers ${health.status} on /health`;
    // Indexing needs the admin key: a search-only or wrong key is refused here, not mid-import.
    const keys = await fetch(`${host.replace(/\/+$/, "")}/keys?limit=1`, {
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(5000),
    });
    if (keys.status === 401 || keys.status === 403) {
      const body = (await keys.json().catch(() => ({}))) as { code?: string };
      return key
        ? `refuses MEILI_MASTER_KEY (${body.code ?? keys.status}): set MEILI_MASTER_KEY to the server's master key`
        : "needs a key: set MEILI_MASTER_KEY to the server's master key";
    }
    return null;
  } catch (error) {
    return `does not answer: ${(error as Error).message}`;
  }
}

/** For scripts: prepare, or print the message and exit 2 before anything happened. */
export async function servicesOrExit(needs: ServiceNeed[], command: string): Promise<void> {
  try {
    await prepareCliServices(needs);
  } catch (error) {
    if (!(error instanceof CliServicesError)) throw error;
    console.error(`${command}: ${error.message}`);
    process.exit(2);
  }
}
