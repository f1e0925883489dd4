import { spawn, type ChildProcess } from "node:child_process";
import { waitFor } from "@/lib/dev-services/ports";

const SERVICE_VARIABLES = ["DATABASE_URL", "MEILI_HOST", "MEILI_MASTER_KEY", "MEILI_SEARCH_KEY", "MEILI_INDEX", "NODE_ENV", "PRESSROOM_SEARCH_WORKER"];

/**
 * The environment of a shell where nothing was exported, so a command finds its services the way a
 * newcomer's second terminal does (through the data directory), not through the test runner's variables.
 */
export function bareShellEnv(dataDir: string, alsoUnset: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PRESSROOM_DATA_DIR: dataDir };
  for (const name of [...SERVICE_VARIABLES, ...alsoUnset]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("PRESSROOM_TEST_") || name.startsWith("VITEST")) delete env[name];
  return env;
}

/** A long-running start whose output and exit are watched for the whole test file. */
export interface WatchedStart {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far, interleaved. */
  readonly output: string;
  /** undefined while it runs. */
  readonly exitCode: number | null | undefined;
}

/**
 * Spawns a start command and waits until its output shows `ready`. Fails at once, with the output,
 * if the process exits first: a start that died should not be reported as a timeout minutes later.
 */
export async function startAndWaitFor(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; detached?: boolean },
  ready: RegExp | string,
  what: string,
  timeoutMs: number,
  intervalMs = 200,
): Promise<WatchedStart> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: options.detached ?? false });
  let output = "";
  let exitCode: number | null | undefined;
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.once("exit", (code) => (exitCode = code));
  const watched: WatchedStart = {
    child,
    get output() {
      return output;
    },
    get exitCode() {
      return exitCode;
    },
  };
  try {
    await waitFor(
      async () => {
        if (exitCode !== undefined) throw new Error(`${what} exited (${exitCode}):\n${output}`);
        return typeof ready === "string" ? output.includes(ready) : ready.test(output);
      },
      what,
      timeoutMs,
      intervalMs,
    );
  } catch (error) {
    // The caller never gets a handle to stop it, so a start that never became ready is stopped here.
    if (exitCode === undefined) await stopWatched(watched, options.detached ?? false);
    throw error;
  }
  return watched;
}

/** SIGTERM (to the whole group when detached), then SIGKILL if it has not exited within 30 s. */
async function stopWatched(watched: WatchedStart, group: boolean): Promise<void> {
  const signal = (name: NodeJS.Signals) => (group ? process.kill(-watched.child.pid!, name) : watched.child.kill(name));
  signal("SIGTERM");
  await waitFor(async () => watched.exitCode !== undefined, "the start to stop", 30_000).catch(() => signal("SIGKILL"));
}
