import { AsyncLocalStorage } from "node:async_hooks";
import { Meilisearch, MeilisearchApiError, type Index } from "meilisearch";
import { env } from "@/lib/env";
import type { QaPairDocument } from "./documents";
import { nodeHttpClient } from "./http-transport";

/** Meilisearch could not be reached or answered with a server error: pages and the API answer 503. */
export class SearchUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("Search is temporarily unavailable: the search service is not answering. Conference and Q&A pages still work; please try again in a minute.", { cause });
    this.name = "SearchUnavailableError";
  }
}

// One client per process, host and transport; the tests point MEILI_HOST at several servers,
// hence the key.
const clients = new Map<string, Meilisearch>();

// With several instances (MEILI_TARGETS), the outbox worker feeds each one inside
// withMeiliHost(host, ...), and visitors' queries go to the instance read-routing.ts picked.
const hostScope = new AsyncLocalStorage<string>();
let readHost: string | undefined;

/** Runs fn with every client call (indexing, tasks, settings) going to this Meilisearch. */
export function withMeiliHost<T>(host: string, fn: () => Promise<T>): Promise<T> {
  return hostScope.run(host.replace(/\/+$/, ""), fn);
}

/** Where visitors' queries go from now on; undefined goes back to MEILI_HOST. */
export function setSearchReadHost(host: string | undefined): void {
  readHost = host;
}

/** The Meilisearch the current call talks to. */
export function currentMeiliHost(transport: "fetch" | "node:http" = "fetch"): string {
  // env() is cached per process, but tests swap MEILI_HOST at runtime to a server they can kill.
  const fallback = process.env.MEILI_HOST ?? env().MEILI_HOST;
  return hostScope.getStore() ?? (transport === "node:http" ? readHost : undefined) ?? fallback;
}

function clientFor(transport: "fetch" | "node:http"): Meilisearch {
  const { MEILI_MASTER_KEY, MEILI_SEARCH_KEY } = env();
  const host = currentMeiliHost(transport);
  const adminKey = process.env.MEILI_MASTER_KEY ?? MEILI_MASTER_KEY;
  // Queries from visitors go out with the search-only key when there is one (npm start makes
  // one): a flaw in query code cannot then change an index. Indexing keeps the admin key.
  const apiKey = transport === "node:http" ? (process.env.MEILI_SEARCH_KEY ?? MEILI_SEARCH_KEY ?? adminKey) : adminKey;
  const key = `${transport}\u0000${host}\u0000${apiKey ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = new Meilisearch({ host, apiKey, timeout: 10_000, ...(transport === "node:http" ? { httpClient: nodeHttpClient } : {}) });
    clients.set(key, client);
  }
  return client;
}

export function meili(): Meilisearch {
  return clientFor("fetch");
}

/**
 * The client for search requests (hits, facets), with the search-only key: same server, but over node:http, which
 * answers ~45 ms sooner than fetch on kept-alive connections (see http-transport.ts).
 * Indexing and tasks keep the plain client.
 */
export function searchMeili(): Meilisearch {
  return clientFor("node:http");
}

/** The live index uid; read on every call so each test file can use its own index. */
export function liveIndexUid(): string {
  return process.env.MEILI_INDEX ?? env().MEILI_INDEX;
}

export function liveIndex(): Index<QaPairDocument> {
  return meili().index<QaPairDocument>(liveIndexUid());
}

export async function indexExists(uid: string): Promise<boolean> {
  try {
    await meili().getRawIndex(uid);
    return true;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return false;
    throw error;
  }
}

/**
 * Waits for an enqueued task and fails loudly when Meilisearch reports it failed. Polls itself
 * rather than through the client's waitForTask, which adds an abort listener to one signal per
 * poll: a task of a few minutes (vectors for the whole archive) passed Node's 1,500-listener
 * warning thousands of times.
 */
export async function waitForSuccess(taskUid: number, what: string, timeout = 120_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (let interval = 25; ; interval = Math.min(interval * 2, 100)) {
    const task = await meili().tasks.getTask(taskUid);
    if (task.status === "succeeded") return;
    if (task.status === "failed" || task.status === "canceled") {
      throw new Error(`Meilisearch task ${taskUid} (${what}) ${task.status}: ${task.error?.message ?? "no detail"}`);
    }
    if (Date.now() >= deadline) throw new Error(`Meilisearch task ${taskUid} (${what}) still ${task.status} after ${Math.round(timeout / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
