import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, waitFor } from "@/lib/dev-services/ports";
import { bareShellEnv, startAndWaitFor, type WatchedStart } from "../support/npm-start";

// `npm start` as a user runs it (services only: building the web app takes minutes and is
// covered by the e2e suite), with no DATABASE_URL / MEILI_HOST anywhere: the CLIs must find
// its services through .data/services.json, a second start must leave it alone, and the
// Meilisearch it supervises must come back after being killed.

const root = path.resolve(import.meta.dirname, "..", "..");
const corpus = path.resolve(root, "..", "shared", "corpus", "cmfa_presscon_v4_ukraine_subset.jsonl");
let dataDir: string;
let start: WatchedStart;

/** The environment of a shell where nothing was exported. */
function bareEnv(): NodeJS.ProcessEnv {
  return bareShellEnv(dataDir);
}

function run(script: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
      cwd: root,
      env: { ...bareEnv(), ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** PID of a process whose command line contains `needle`, from /proc. */
function pidWhoseArgsContain(needle: string): { pid: number; args: string } | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      if (args.includes(needle)) return { pid: Number(entry), args };
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pressroom-start-"));
  const env = {
    ...bareEnv(),
    PORT: String(await findFreePort()),
    PRESSROOM_PG_PORT: String(await findFreePort()),
    PRESSROOM_MEILI_PORT: String(await findFreePort()),
    PRESSROOM_SKIP_SAMPLE: "1",
  };
  start = await startAndWaitFor(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "start.ts"), "--services-only"],
    { cwd: root, env },
    "services ready",
    "npm start --services-only",
    150_000,
  );
});

afterAll(async () => {
  if (start && start.exitCode === undefined) {
    start.child.kill("SIGTERM");
    await waitFor(async () => start.exitCode !== undefined, "npm start to stop", 30_000).catch(() => start.child.kill("SIGKILL"));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("keeps secrets out of the process list and in 0600 files", () => {
    const servicesFile = path.join(dataDir, "services.json");
    expect(statSync(servicesFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, "postgres.password")).mode & 0o777).toBe(0o600);
    const services = JSON.parse(readFileSync(servicesFile, "utf8")) as { pid: number; meiliMasterKey: string; meiliSearchKey: string; databaseUrl: string };
    expect(services.pid).toBe(start.child.pid);
    expect(services.meiliSearchKey).toBeTruthy();
    expect(services.meiliSearchKey).not.toBe(services.meiliMasterKey);
    // A generated Postgres password, checked with SCRAM.
    expect(services.databaseUrl).not.toContain("pressroom:pressroom@");
    expect(readFileSync(path.join(dataDir, "postgres", "pg_hba.conf"), "utf8")).toMatch(/^host\s.*scram-sha-256\s*$/m);
    const meili = pidWhoseArgsContain(`--db-path=${path.join(dataDir, "meili")}`);
    expect(meili).not.toBeNull();
    expect(meili!.args).not.toContain(services.meiliMasterKey);
    expect(meili!.args).toContain("--env=production");
  });

  it("lets CLIs with no variables set find its services: user:create and a corpus import", async () => {
    const created = await run("user-create.ts", ["--email", "ops@example.org", "--role", "admin"], { PRESSROOM_PASSWORD: "a long enough password 123" });
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("Created admin ops@example.org");

    const slice = path.join(dataDir, "slice.jsonl");
    await writeFile(slice, readFileSync(corpus, "utf8").split("\n").slice(0, 10).join("\n") + "\n");
    const imported = await run("import.ts", ["corpus", slice]);
    expect(imported.code, imported.stderr).toBe(0);

    const checked = await run("search-check.ts", []);
    expect(checked.stdout).toMatch(/Postgres visible: +[1-9]/);
    expect(checked.stdout).toContain("Settings drift:         none");
  });

  it("checks every service a CLI needs before writing anything", async () => {
    const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "services.json"), "utf8")) as { databaseUrl: string };
    const pairs = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "QaPair"`)).rows[0].n);
      } finally {
        await client.end();
      }
    };
    const before = await pairs();
    const slice = path.join(dataDir, "slice-2.jsonl");
    await writeFile(slice, readFileSync(corpus, "utf8").split("\n").slice(10, 20).join("\n") + "\n");
    const meili = pidWhoseArgsContain(`--db-path=${path.join(dataDir, "meili")}`)!;
    process.kill(meili.pid, "SIGSTOP");
    let imported: Awaited<ReturnType<typeof run>>;
    try {
      imported = await run("import.ts", ["corpus", slice]);
    } finally {
      process.kill(meili.pid, "SIGCONT");
    }
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/Meilisearch at http:\/\/127\.0\.0\.1:\d+ \(from .*services\.json\) does not answer/);
    expect(imported.stderr).toContain("Nothing was changed.");
    expect(await pairs()).toBe(before);
  });

  it("refuses a second start on the same data directory without touching the first", async () => {
    const before = readFileSync(path.join(dataDir, "services.json"), "utf8");
    const second = await run("start.ts", ["--services-only"], { PRESSROOM_PG_PORT: String(await findFreePort()), PRESSROOM_MEILI_PORT: String(await findFreePort()) });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`already running on ${dataDir} (PID ${start.child.pid})`);
    expect(readFileSync(path.join(dataDir, "services.json"), "utf8")).toBe(before);
    expect(start.exitCode).toBeUndefined();
  });

  it("restarts a killed Meilisearch and logs it", async () => {
    const { meiliHost } = JSON.parse(readFileSync(path.join(dataDir, "services.json"), "utf8")) as { meiliHost: string };
    const meili = pidWhoseArgsContain(`--db-path=${path.join(dataDir, "meili")}`)!;
    const killedAt = Date.now();
    process.kill(meili.pid, "SIGKILL");
    await waitFor(
      async () => (await fetch(`${meiliHost}/health`)).ok && pidWhoseArgsContain(`--db-path=${path.join(dataDir, "meili")}`)?.pid !== meili.pid,
      "Meilisearch to answer again",
      60_000,
      50,
    );
    const seconds = (Date.now() - killedAt) / 1000;
    console.log(`[figure] Meilisearch killed (SIGKILL) -> answering again after ${seconds.toFixed(2)} s`);
    expect(start.output).toMatch(/Meilisearch was killed \(SIGKILL\); restart 1 in/);
    await waitFor(async () => start.output.includes("Meilisearch is back"), "the restart to be logged", 10_000);
    expect(start.exitCode).toBeUndefined();
  });

  it("stops everything on SIGTERM, removes services.json and its lock, and CLIs then say what to do", async () => {
    start.child.kill("SIGTERM");
    await waitFor(async () => start.exitCode !== undefined, "npm start to stop", 30_000);
    expect(start.exitCode).toBe(0);
    expect(existsSync(path.join(dataDir, "services.json"))).toBe(false);
    expect(existsSync(path.join(dataDir, "pressroom.lock"))).toBe(false);
    expect(pidWhoseArgsContain(`--db-path=${path.join(dataDir, "meili")}`)).toBeNull();
    const created = await run("user-create.ts", ["--email", "late@example.org", "--role", "editor"], { PRESSROOM_PASSWORD: "a long enough password 123" });
    expect(created.code).toBe(2);
    expect(created.stderr).toContain("DATABASE_URL is not set and no `npm start` is running on this data directory");
  });
});
