import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEMPLATE_DATABASE } from "./names";

export interface TestServices {
  databaseUrl: string;
  meiliHost: string;
  meiliKey: string;
  indexUid: string;
  /** Drops the database and the index; call from afterAll. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database cloned from the template and a unique index name, wired into
 * process.env so that lib/ code (env(), db()) uses them. Call in beforeAll, before anything
 * touches lib/db, because the Prisma client is created on first use.
 */
export async function useTestServices(): Promise<TestServices> {
  const suffix = randomBytes(4).toString("hex");
  const database = `pressroom_t_${suffix}`;
  const adminUrl = inject("PRESSROOM_TEST_PG_ADMIN_URL");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const databaseUrl = inject("PRESSROOM_TEST_PG_URL").replace(/\/pressroom$/, `/${database}`);
  const meiliHost = inject("PRESSROOM_TEST_MEILI_HOST");
  const meiliKey = inject("PRESSROOM_TEST_MEILI_KEY");
  const indexUid = `qa_t_${suffix}`;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    MEILI_HOST: meiliHost,
    MEILI_MASTER_KEY: meiliKey,
    MEILI_INDEX: indexUid,
    PRESSROOM_SEARCH_WORKER: "off",
    NODE_ENV: "test",
  });
  return {
    databaseUrl,
    meiliHost,
    meiliKey,
    indexUid,
    async cleanup() {
      const { db } = await import("@/lib/db/client");
      await db()
        .$disconnect()
        .catch(() => {});
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
      await fetch(`${meiliHost}/indexes/${indexUid}`, { method: "DELETE", headers: { Authorization: `Bearer ${meiliKey}` } }).catch(() => {});
    },
  };
}
