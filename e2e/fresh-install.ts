import { spawn } from "node:child_process";
import path from "node:path";
import { query } from "./editor-session";

// A second web server on the harness's Postgres and Meilisearch, as a fresh install: its own
// empty database (migrated, no users, no sample) and its own index, serving the harness's
// production build. It prints the one-time setup link a newcomer starts from.

export interface FreshInstall {
  baseURL: string;
  setupLink: string;
  stop(): Promise<void>;
}

export async function startFreshInstall(name: string, options: { searchWorker: boolean }): Promise<FreshInstall> {
  const { findFreePort, waitFor } = await import("../lib/dev-services/ports");
  const { migrate } = await import("../lib/db/migrator");
  const database = `pressroom_${name}_${Date.now().toString(36)}`;
  await query(`CREATE DATABASE ${database}`);
  const databaseUrl = process.env.PRESSROOM_E2E_DATABASE_URL!.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
  await migrate(databaseUrl);
  const port = await findFreePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const root = path.resolve(import.meta.dirname, "..");
  const output: string[] = [];
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MEILI_HOST: process.env.PRESSROOM_E2E_MEILI_HOST,
      MEILI_MASTER_KEY: process.env.PRESSROOM_E2E_MEILI_KEY,
      MEILI_INDEX: `qa_${name}_${port}`,
      NODE_ENV: "production",
      PORT: String(port),
      NEXTAUTH_SECRET: `e2e-${name}-secret-0123456789-abcdef`,
      NEXTAUTH_URL: baseURL,
      PRESSROOM_PUBLIC_URL: baseURL,
      PRESSROOM_SEARCH_WORKER: options.searchWorker ? "inprocess" : "off",
      PRESSROOM_SETTINGS_CHECK_MS: "600000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => output.push(String(chunk)));
  server.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    await query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  try {
    let setupLink = "";
    await waitFor(
      async () => {
        if (server.exitCode !== null) throw new Error(`the fresh-install server exited (${server.exitCode}):\n${output.join("")}`);
        setupLink = /No editors yet: create the first admin at (\S+)/.exec(output.join(""))?.[1] ?? "";
        return setupLink !== "";
      },
      "the setup link in the server log",
      90_000,
      250,
    );
    return { baseURL, setupLink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
