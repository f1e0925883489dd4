import type pg from "pg";
import type { LocalMeilisearch } from "@/lib/dev-services/meilisearch";
import type { LocalPostgres } from "@/lib/dev-services/postgres";

/**
 * The end of every benchmark that starts its own services, in the order that leaves nothing
 * behind: the benchmark's own pool and Prisma's connections first (Postgres waits for clients
 * on a smart shutdown), then Meilisearch, then Postgres.
 */
export async function stopBenchServices(services: { postgres: Pick<LocalPostgres, "stop">; meili: Pick<LocalMeilisearch, "stop">; pool?: pg.Pool }): Promise<void> {
  await services.pool?.end().catch(() => {});
  const { db } = await import("@/lib/db/client");
  await db()
    .$disconnect()
    .catch(() => {});
  await services.meili.stop();
  await services.postgres.stop();
}
