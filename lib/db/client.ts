import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// One client per process: Next's dev server reloads modules, and each reload would
// otherwise open a new pool until Postgres runs out of connections.
const globalForPrisma = globalThis as unknown as { pressroomPrisma?: PrismaClient };

export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.pressroomPrisma ??= createPrismaClient();
  return globalForPrisma.pressroomPrisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
