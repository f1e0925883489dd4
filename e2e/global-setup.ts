import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "../lib/db/migrator";
import { startLocalServices } from "../lib/dev-services/local";
import { assertPortFree, findFreePort, waitFor } from "../lib/dev-services/ports";
import { startSmtpReceiver, type SmtpReceiver } from "../tests/support/smtp-receiver";

export const SEED_FILE = path.resolve(import.meta.dirname, "../../shared/seeds/000_47fa108efec89af6.txt");
export const E2E_PASSWORD = "correct horse battery staple";
const root = path.resolve(import.meta.dirname, "..");

// Everything the browser tests need, started fresh: real Postgres and Meilisearch on free
// ports, the sample archive plus the real seed page, two users, and a production build
// served by scripts/web-server.ts, as `npm start` serves it. The returned function stops all of it.
export default async function globalSetup() {
  const port = Number(process.env.PRESSROOM_E2E_PORT);
  await assertPortFree(port, "the e2e web server", "PRESSROOM_E2E_PORT");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-e2e-"));
  const services = await startLocalServices({
    dataDir: dir,
    pgPort: await findFreePort(),
    meiliPort: await findFreePort(),
    source: {} as NodeJS.ProcessEnv,
    searchKey: true,
  });
  let server: ReturnType<typeof spawn> | undefined;
  // A real SMTP server for alert mail; each message lands as JSON in mailDir for specs to read (e2e/mailbox.ts).
  const mailDir = path.join(dir, "mail");
  await mkdir(mailDir, { recursive: true });
  let mailCount = 0;
  const smtp: SmtpReceiver = await startSmtpReceiver((mail) => {
    writeFileSync(path.join(mailDir, `${String(++mailCount).padStart(5, "0")}.json`), JSON.stringify(mail));
  });
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      server.kill("SIGKILL");
    }
    await services.stop();
    await smtp.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    Object.assign(process.env, services.env, { MEILI_INDEX: "qa", PRESSROOM_SEARCH_WORKER: "off" });
    await migrate(services.env.DATABASE_URL);
    const { loadSampleArchive, publishSeedPage } = await import("../lib/archive/transcript-file");
    await loadSampleArchive();
    await publishSeedPage(SEED_FILE);
    await createUsers();
    const { db } = await import("../lib/db/client");
    const visiblePairs = await db().qaPair.count({ where: { status: "PUBLISHED", conference: { status: "PUBLISHED" } } });
    await db().$disconnect();

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...services.env,
      NODE_ENV: "production",
      PORT: String(port),
      NEXTAUTH_SECRET: "e2e-secret-0123456789-abcdefghijkl",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      PRESSROOM_SEARCH_WORKER: "inprocess",
      SMTP_URL: smtp.url,
      PRESSROOM_ALERTS_WORKER: "inprocess",
      PRESSROOM_ALERTS_POLL_MS: "500",
    };
    const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
    if (!(process.env.PRESSROOM_E2E_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID")))) {
      await new Promise<void>((resolve, reject) => {
        const build = spawn(process.execPath, [next, "build"], { cwd: root, env, stdio: "inherit" });
        build.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
      });
    }
    // One process (node --import tsx, not the tsx CLI), so stopping it leaves nothing behind.
    const webServer = path.join(root, "scripts", "web-server.ts");
    server = spawn(process.execPath, ["--import", "tsx", webServer, "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: root,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok, "the web server", 90_000, 250);
    // The in-process worker indexes the outbox; tests start once every pair is searchable.
    await waitFor(
      async () => {
        const response = await fetch(`${services.env.MEILI_HOST}/indexes/qa/stats`, { headers: { Authorization: `Bearer ${services.env.MEILI_MASTER_KEY}` } });
        if (!response.ok) return false;
        const stats = (await response.json()) as { numberOfDocuments: number; isIndexing: boolean };
        return stats.numberOfDocuments >= visiblePairs && !stats.isIndexing;
      },
      `${visiblePairs} documents in the search index`,
      90_000,
      500,
    );
    process.env.PRESSROOM_E2E_MEILI_KEY = services.env.MEILI_MASTER_KEY;
    process.env.PRESSROOM_E2E_DATABASE_URL = services.env.DATABASE_URL;
    process.env.PRESSROOM_E2E_MEILI_HOST = services.env.MEILI_HOST;
    process.env.PRESSROOM_E2E_MEILI_PID = String(services.meiliPid ?? "");
    process.env.PRESSROOM_E2E_MAIL_DIR = mailDir;
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

async function createUsers() {
  const usersModule = "../lib/auth/users";
  if (!existsSync(path.join(root, "lib/auth/users.ts"))) return;
  const { createUser } = (await import(usersModule)) as {
    createUser(input: { email: string; password: string; role: "ADMIN" | "EDITOR"; name?: string }): Promise<unknown>;
  };
  await createUser({ email: "admin@example.org", password: E2E_PASSWORD, role: "ADMIN", name: "Ada Admin" });
  await createUser({ email: "editor@example.org", password: E2E_PASSWORD, role: "EDITOR", name: "Eddie Editor" });
}
