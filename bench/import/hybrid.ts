import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../corpus-files";
import { mb, memorySampler } from "../process-memory";

// `npm run bench:import -- --hybrid`: the same import again with vectors, in a child process
// (the env, the Prisma client and the model are loaded once per process), into fresh services,
// with PRESSROOM_SEARCH_MODE=hybrid and the static table distilled from the keyword import's
// archive by `npm run embeddings:distill`, as an operator would. The distillation runs before and
// outside the timed hybrid import and is reported on its own.

/**
 * The Node flags `npm run import` runs the importer with (package.json of that checkout), so the
 * hybrid import is measured as it ships: its heap cap decides how much garbage it keeps.
 */
async function importerNodeFlags(root: string): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return scripts.import.split(/\s+/).filter((word) => word.startsWith("--max-old-space-size="));
}

/** Runs a TypeScript script in one node process (no tsx wrapper, so its pid is the worker's), timing it and sampling its peak RSS. */
async function runScript(script: string, args: string[], env: Record<string, string>, root = repoRoot, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const rss = memorySampler(() => child.pid);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  rss.stop();
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMB: mb(rss.peak()) };
}

/** `npm run embeddings:distill` against the keyword import's Postgres; the table lands in `dir`. */
export async function distillTable(databaseUrl: string, dir: string) {
  const run = await runScript("scripts/embeddings-distill.ts", [], { DATABASE_URL: databaseUrl, PRESSROOM_DATA_DIR: dir, PRESSROOM_SEARCH_MODE: "keyword" });
  return { file: path.join(dir, "embeddings-static.bin"), ...run };
}

/**
 * This benchmark in `--child-out` mode with the table: fresh services, the timed import only.
 * `root`: another checkout whose code is timed the same way (--baseline-code, e.g. main's).
 */
export async function hybridImport(table: string, dir: string, passArgs: string[], root = repoRoot) {
  const out = path.join(dir, `hybrid-${path.basename(root)}.json`);
  const run = await runScript(
    "bench/import/run.ts",
    [...passArgs, `--child-out=${out}`],
    { PRESSROOM_SEARCH_MODE: "hybrid", PRESSROOM_EMBEDDING_MODEL: table },
    root,
    await importerNodeFlags(root),
  );
  const result = JSON.parse(await readFile(out, "utf8")) as {
    wholeImportSeconds: number;
    vectors: { embeddedDocuments: number; documents: number } | null;
    postgresPhase: { seconds: number };
    peakRssMB: { importer: number; meilisearchDuringImport: number };
    memoryAtPeakMB?: Record<string, number>;
  };
  return { ...result, processPeakRssMB: run.peakRssMB, nodeFlags: await importerNodeFlags(root) };
}
