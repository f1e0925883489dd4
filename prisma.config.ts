import { defineConfig } from "prisma/config";

// The URL is only read by Prisma CLI commands that talk to a database (migrate deploy);
// `prisma generate` needs none, so a missing DATABASE_URL must not break installs.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/pressroom" },
});
