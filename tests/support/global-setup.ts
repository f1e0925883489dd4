import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrator";
import { startEmbeddedPostgres } from "@/lib/dev-services/postgres";
import { startLocalMeilisearch } from "@/lib/dev-services/meilisearch";
import { findFreePort } from "@/lib/dev-services/ports";
import { TEMPLATE_DATABASE } from "./names";

// Real services for the integration suite, on free ports, in a throw-away directory.
// Each test file clones the migrated template database (see ./services.ts), so files never
// see each other's rows, and uses its own Meilisearch index.
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-it-"));
  const [pgPort, meiliPort] = [await findFreePort(), await findFreePort()];
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, persistent: false });
  const masterKey = "integration-master-key-0123456789";
  const meili = await startLocalMeilisearch({ dbPath: path.join(dir, "meili"), port: meiliPort, masterKey });

  const adminUrl = postgres.url.replace(/\/pressroom$/, "/postgres");
  const pg = await import("pg");
  const admin = new pg.default.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrate(postgres.url.replace(/\/pressroom$/, `/${TEMPLATE_DATABASE}`));

  const values = {
    PRESSROOM_TEST_PG_URL: postgres.url,
    PRESSROOM_TEST_PG_ADMIN_URL: adminUrl,
    PRESSROOM_TEST_MEILI_HOST: meili.host,
    PRESSROOM_TEST_MEILI_KEY: masterKey,
    PRESSROOM_TEST_MEILI_PORT: String(meiliPort),
    PRESSROOM_TEST_MEILI_DB: path.join(dir, "meili"),
  };
  Object.assign(process.env, values);
  for (const [key, value] of Object.entries(values)) project.provide(key as keyof typeof values, value);

  return async () => {
    await meili.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    PRESSROOM_TEST_PG_URL: string;
    PRESSROOM_TEST_PG_ADMIN_URL: string;
    PRESSROOM_TEST_MEILI_HOST: string;
    PRESSROOM_TEST_MEILI_KEY: string;
    PRESSROOM_TEST_MEILI_PORT: string;
    PRESSROOM_TEST_MEILI_DB: string;
  }
}
