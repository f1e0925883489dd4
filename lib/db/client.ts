import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import pg from "pg";
import { ReplicaLagWatch, withReadReplica } from "./replica-routing";

// One client per process: Next's dev server reloads modules, and each reload would
// otherwise open a new pool until Postgres runs out of connections.
const globalForPrisma = globalThis as unknown as { pressroomPrisma?: PrismaClient };

export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.pressroomPrisma ??= process.env.DATABASE_REPLICA_URL ? createReplicatedClient(process.env.DATABASE_REPLICA_URL) : createPrismaClient();
  return globalForPrisma.pressroomPrisma;
}

/** Visitors' reads from a streaming replica while it keeps up (replica-routing.ts); everything else from the primary. */
function createReplicatedClient(replicaUrl: string): PrismaClient {
  const primaryUrl = env().DATABASE_URL;
  const pool = (connectionString: string) => new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 2000 }).on("error", () => {});
  const watch = new ReplicaLagWatch(pool(primaryUrl), pool(replicaUrl));
  watch.start();
  return withReadReplica(createPrismaClient(primaryUrl), createPrismaClient(replicaUrl), watch);
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
