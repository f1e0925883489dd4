// The web server: Next's request handler inside a plain Node http server, so that the client
// address the app sees is one this process resolved, never one a client wrote.
// `next start` keeps a client-sent X-Forwarded-For, and the app would take its first hop:
// anyone could pick the address their failed logins are counted under.
//
//   node --import tsx scripts/web-server.ts [--dev] [--port N] [--hostname H]
//
// Env: PORT, PRESSROOM_HOSTNAME (default 0.0.0.0), PRESSROOM_TRUSTED_PROXIES (see lib/http/forwarded.ts).
// Everything runs in this one process: killing its PID stops it.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { isCachedPublicPage } from "@/lib/catalog/cached-pages";
import { withPublicReads } from "@/lib/db/replica-routing";
import { parseTrustedProxies, resolveClientAddress, TrustedProxiesError, type TrustedProxies } from "@/lib/http/forwarded";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[web-server] ${line}`);

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not HOSTNAME: shells and containers export that as the machine name.
const hostname = values.hostname ?? process.env.PRESSROOM_HOSTNAME ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`[web-server] PORT must be a port number, got "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}
let trusted: TrustedProxies;
try {
  trusted = parseTrustedProxies(process.env.PRESSROOM_TRUSTED_PROXIES);
} catch (error) {
  console.error(`[web-server] ${(error as TrustedProxiesError).message}`);
  process.exit(2);
}

/** Rewrites the forwarding headers in place: one resolved address, and no client-written proxy headers unless a proxy is trusted. */
function setForwardingHeaders(request: http.IncomingMessage): void {
  const client = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  if (trusted.kind === "none") {
    // Without a trusted proxy these are the client's own claims about scheme and host.
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-port"];
  }
  delete request.headers.forwarded;
  if (client) {
    request.headers["x-forwarded-for"] = client;
    request.headers["x-real-ip"] = client;
  } else {
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"];
  }
}

// Next's standalone output (the Docker image) ships the resolved config in
// .next/required-server-files.json rather than a loadable next.config.js; its own server.js
// hands it over this way, and so do we.
const standaloneConfig = path.join(root, ".next", "required-server-files.json");
if (process.env.PRESSROOM_STANDALONE === "1" && existsSync(standaloneConfig)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(standaloneConfig, "utf8")).config);
}

const dev = values.dev;
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const upgrade = dev ? app.getUpgradeHandler() : undefined;

/**
 * A visitor's read (GET/HEAD without a session cookie) may be served from the Postgres replica
 * (DATABASE_REPLICA_URL); editors and every write read the primary, so they see their own writes.
 * Cached pages (ISR) are rendered from the primary: a copy rendered from a replica a moment
 * behind an edit would be kept for the whole revalidate period.
 */
function isPublicRead(request: http.IncomingMessage): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (isCachedPublicPage(new URL(request.url ?? "/", "http://localhost").pathname)) return false;
  return !/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(request.headers.cookie ?? "");
}

const server = http.createServer((request, response) => {
  setForwardingHeaders(request);
  const handled = isPublicRead(request) ? withPublicReads(() => handle(request, response)) : handle(request, response);
  handled.catch((error: unknown) => {
    console.error("[web-server] request failed:", error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
    response.end("Internal error");
  });
});
if (upgrade) {
  server.on("upgrade", (request, socket, head) => {
    setForwardingHeaders(request);
    void upgrade(request, socket, head);
  });
}

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still open after a few seconds are cut rather than holding the shutdown.
  setTimeout(() => process.exit(0), 5000).unref();
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => stop(signal));

server.listen(port, hostname, () => {
  log(
    `listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (${dev ? "development" : "production"}; trusted proxies: ${trusted.kind === "none" ? "none" : trusted.kind === "hops" ? `${trusted.hops} hop(s)` : trusted.text})`,
  );
});
