import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, waitFor } from "@/lib/dev-services/ports";
import { bareShellEnv, startAndWaitFor, type WatchedStart } from "../support/npm-start";

// The README's "Your own transcripts" commands, run exactly as printed there, in a "second
// terminal" while a full `npm start` (web server included) runs on a fresh data directory: no
// DATABASE_URL, MEILI_HOST or key in the environment. Then Ctrl-C (SIGINT to the process
// group, as a terminal sends it) must stop everything it started.

const root = path.resolve(import.meta.dirname, "..", "..");
const PASSWORD = "a newcomer's long password";
let dataDir: string;
let start: WatchedStart;
let webUrl: string;

/** The environment of a shell where nothing was exported. */
function bareEnv(): NodeJS.ProcessEnv {
  return bareShellEnv(dataDir, ["PRESSROOM_PASSWORD"]);
}

/** The shell block under "## Your own transcripts" in README.md, one command per line. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^## Your own transcripts$/m)[1]?.split(/^## /m)[0] ?? "";
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Runs one README line in a pseudo-terminal (`script`), as typed: user:create asks for the
 * password on the terminal, and the answers are typed when the prompts appear.
 */
function typeCommand(command: string, answers: { prompt: string; reply: string }[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: root, env: bareEnv(), stdio: ["pipe", "pipe", "pipe"] });
    let seen = "";
    const pending = [...answers];
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      while (pending.length && seen.includes(pending[0].prompt)) {
        const { prompt, reply } = pending.shift()!;
        seen = seen.slice(seen.indexOf(prompt) + prompt.length);
        child.stdin.write(`${reply}\r`);
      }
    };
    let all = "";
    child.stdout.on("data", (chunk: Buffer) => {
      all += chunk.toString();
      onData(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => (all += chunk.toString()));
    child.once("exit", (code) => {
      child.stdin.end();
      resolve({ code, output: all });
    });
  });
}

/** Processes whose command line mentions the data directory (Postgres, Meilisearch, the web server). */
function processesUsing(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8");
      if (args.includes(dir) || environ.includes(`PRESSROOM_DATA_DIR=${dir}`)) found.push(`${entry}: ${args}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "pressroom-readme-"));
  const port = await findFreePort();
  webUrl = `http://127.0.0.1:${port}`;
  const env = { ...bareEnv(), PORT: String(port), PRESSROOM_PG_PORT: String(await findFreePort()), PRESSROOM_MEILI_PORT: String(await findFreePort()) };
  // Its own process group, so SIGINT reaches npm and everything under it, as Ctrl-C does.
  // The first start builds the web app when its sources changed: minutes on a busy machine.
  start = await startAndWaitFor("npm", ["start"], { cwd: root, env, detached: true }, /ready in [\d.]+ s: http/, "npm start (full, with the web server)", 900_000, 500);
}, 960_000);

afterAll(async () => {
  if (start && start.exitCode === undefined) {
    process.kill(-start.child.pid!, "SIGKILL");
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("README commands against a running npm start", () => {
  it("lists exactly the commands this test runs", () => {
    expect(readmeCommands()).toEqual([
      "npm run user:create -- --email you@example.org --role admin",
      "npm run import -- transcript ../shared/corpus/transcripts/wh_2021-05-18-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-en-route-detroit-mi.txt",
      "npm run import -- corpus ../shared/corpus/cmfa_presscon_v4_ukraine_subset.jsonl",
    ]);
  });

  it("runs each of them with no variables set, and the web app shows the results", async () => {
    const [createUser, importTranscript, importCorpus] = readmeCommands();
    const created = await typeCommand(createUser, [
      { prompt: "Password (12+ characters): ", reply: PASSWORD },
      { prompt: "Repeat the password: ", reply: PASSWORD },
    ]);
    expect(created.code, created.output).toBe(0);
    expect(created.output).toContain("Created admin you@example.org");
    expect(created.output).not.toContain(PASSWORD);

    const transcript = await typeCommand(importTranscript);
    expect(transcript.code, transcript.output).toBe(0);
    const corpus = await typeCommand(importCorpus);
    expect(corpus.code, corpus.output).toBe(0);

    // The admin exists with the typed password's hash (not the password) in the database.
    const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, "services.json"), "utf8")) as { databaseUrl: string };
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const users = (await client.query<{ role: string; passwordHash: string }>(`SELECT role, "passwordHash" FROM "User" WHERE email = 'you@example.org'`)).rows;
      expect(users).toHaveLength(1);
      expect(users[0].role).toBe("ADMIN");
      expect(users[0].passwordHash).not.toContain(PASSWORD);
    } finally {
      await client.end();
    }

    // Both imports are searchable on the running site (the opening statement's "Ford Rouge" included).
    await waitFor(
      async () => {
        const answer = (await (await fetch(`${webUrl}/api/v1/search?q=Ford+Rouge&kind=statement`)).json()) as { hits: { url: string }[] };
        return answer.hits.length > 0;
      },
      "the imported transcript's statement in search",
      120_000,
      1000,
    );
    const pairs = (await (await fetch(`${webUrl}/api/v1/search?q=Ukraine&kind=pair`)).json()) as { estimatedTotalHits: number };
    expect(pairs.estimatedTotalHits).toBeGreaterThan(0);
  }, 600_000);

  it("stops everything it started on Ctrl-C", async () => {
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    process.kill(-start.child.pid!, "SIGINT");
    await waitFor(async () => start.exitCode !== undefined, "npm start to exit after Ctrl-C", 60_000, 200);
    await waitFor(async () => processesUsing(dataDir).length === 0, "no process of this npm start left", 30_000, 200);
    expect(processesUsing(dataDir)).toEqual([]);
  }, 120_000);
});
