import { createHash, randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "@/lib/db/migrator";

// These tests need empty databases (not the migrated template), one per test.
const created: string[] = [];
async function emptyDatabase(): Promise<string> {
  const name = `pressroom_mig_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("PRESSROOM_TEST_PG_ADMIN_URL") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return inject("PRESSROOM_TEST_PG_URL").replace(/\/pressroom$/, `/${name}`);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject("PRESSROOM_TEST_PG_ADMIN_URL") });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("migrator", () => {
  let url: string;
  beforeEach(async () => {
    url = await emptyDatabase();
  });

  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const result = await migrate(url);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      url,
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const tables = await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["Conference", "QaPair", "Turn", "SearchOutbox", "AuditEvent", "User"]));
  });

  it("does nothing when run again", async () => {
    await migrate(url);
    const before = await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY id`);
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBe(before.length);
    expect(await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("refuses to run when an applied migration file was changed", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(url, { dir });
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited afterwards\n`);
      await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
      await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rolls back a failing migration completely", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(url, { dir });
      await cp(path.join(dir, (await readMigrations(dir))[0].name), path.join(dir, "29991231000000_broken"), { recursive: true });
      await writeFile(path.join(dir, "29991231000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);
      await expect(migrate(url, { dir })).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
      expect(await query(url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
      expect(await query(url, `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lets two migrators started at once apply each migration exactly once", async () => {
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const files = await readMigrations();
    expect([...a.applied, ...b.applied].sort()).toEqual(files.map((f) => f.name).sort());
    expect([...a.alreadyApplied, ...b.alreadyApplied].sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(files.length);
  });
});
