import http from "node:http";
import https from "node:https";
import { MeilisearchApiError, MeilisearchRequestError } from "meilisearch";

// Search requests go over node:http instead of the global fetch. Measured against the loaded
// corpus (bench/search/factors.ts): on a kept-alive connection, every Meilisearch answer larger
// than a few hundred bytes (any page with snippets) took ~45 ms longer through fetch (undici)
// than through node:http or curl, with Meilisearch itself reporting ~10 ms: a TCP-level stall
// (delayed acknowledgement), not search work. Ids-only answers were fast either way, which is
// what made document size look guilty.

const agents = {
  "http:": new http.Agent({ keepAlive: true, noDelay: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, noDelay: true, maxSockets: 64 }),
};

/**
 * A drop-in `httpClient` for the meilisearch client: returns the parsed JSON body and throws
 * the client's own error classes, so callers handle failures exactly as with fetch.
 */
export function nodeHttpClient(input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  const body = typeof init.body === "string" ? init.body : undefined;
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const failed = (error: unknown) => reject(new MeilisearchRequestError(url.toString(), error));
    const request = transport.request(
      url,
      { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:" | "https:"], signal: init.signal ?? undefined },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", failed);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown;
          try {
            parsed = text === "" ? undefined : JSON.parse(text);
          } catch (error) {
            return failed(error);
          }
          const status = response.statusCode ?? 500;
          if (status >= 200 && status < 300) return resolve(parsed);
          reject(new MeilisearchApiError(new Response(null, { status, statusText: response.statusMessage }), parsed as ConstructorParameters<typeof MeilisearchApiError>[1]));
        });
      },
    );
    request.on("error", failed);
    request.end(body);
  });
}
