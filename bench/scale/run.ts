import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CORPUS_FILES, repoRoot } from "../corpus-files";
import { printGrowthTable, type SizeResult } from "./table";

// `npm run bench:scale [-- --sizes 71k,300k,1m] [--reuse] [--keep] [--skip-build] [--requests N] [--collect]`
// The archive at several sizes: 71k is the real corpus (../shared/corpus), larger sizes are
// synthetic archives recombined from it (`npm run corpus:synthesize`, seed 7, cached in
// .data/scale/). Each size runs in its own process (its own database clients) and measures
// import against raw Meilisearch, then pages, search and exports against `next start`.
// --reuse: keep an earlier import of a size (in .data/scale/<size>/) and only measure reading.
// --keep: leave each size's Postgres and Meilisearch data for a later --reuse.
// Timed phases belong under the bench lock: flock /tmp/pressroom-bench.lock npm run bench:scale

const argsSchema = z.object({
  sizes: z
    .string()
    .default("71k,300k,1m")
    .transform((value) => value.split(",").map((s) => s.trim().toLowerCase()))
    .pipe(z.array(z.string().regex(/^\d+(k|m)?$/, "sizes look like 71k,300k,1m"))),
  requests: z.coerce.number().int().min(50).max(100_000).default(500),
});

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const scaleDir = path.join(repoRoot, ".data", "scale");
const log = (line: string) => console.error(`bench:scale: ${line}`);

export function pairsOf(size: string): number {
  const n = Number(size.replace(/[km]$/, ""));
  return size.endsWith("m") ? n * 1_000_000 : size.endsWith("k") ? n * 1000 : n;
}

async function orchestrate() {
  const parsed = argsSchema.safeParse({ sizes: value("sizes"), requests: value("requests") });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  // --collect: only gather the sizes' saved results (each run with bench/scale/size.ts) into the table.
  const collect = flag("collect");
  if (!collect && (!flag("skip-build") || !existsSync(path.join(repoRoot, ".next", "BUILD_ID")))) {
    log("building the app (next build)…");
    await run(process.execPath, [path.join(repoRoot, "node_modules", "next", "dist", "bin", "next"), "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  }
  const results: SizeResult[] = [];
  for (const size of parsed.data.sizes) {
    const out = path.join(scaleDir, size, "result.json");
    const extra = [flag("reuse") ? "--reuse" : "", flag("keep") ? "--keep" : ""].filter(Boolean);
    if (!collect) await run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "size.ts"), size, "--requests", String(parsed.data.requests), ...extra]);
    results.push(JSON.parse(await readFile(out, "utf8")) as SizeResult);
  }
  printGrowthTable(results);
  const result = { measuredAt: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, sizes: results };
  await mkdir(path.join(repoRoot, "bench/results"), { recursive: true });
  await writeFile(path.join(repoRoot, "bench/results/scale.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log("saved bench/results/scale.json");
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[args.length - 1] ?? command)} exited with ${code}`))));
  });
}

/** The corpus files of a size: the real corpus for 71k, else a synthetic file (made once, then reused). */
export async function filesFor(size: string): Promise<string[]> {
  if (size === "71k") return CORPUS_FILES;
  const file = path.join(scaleDir, `synthetic-${size}-seed7.jsonl`);
  if (!existsSync(file)) {
    const { loadSynthesisSources, writeSyntheticCorpus } = await import("@/lib/corpus/synthesize-file");
    await mkdir(scaleDir, { recursive: true });
    log(`synthesizing ${pairsOf(size)} pairs into ${file}`);
    await writeSyntheticCorpus(await loadSynthesisSources(CORPUS_FILES), { pairs: pairsOf(size), seed: 7, out: file });
  }
  return [file];
}

export async function removeSizeData(size: string) {
  await rm(path.join(scaleDir, size, "data"), { recursive: true, force: true });
}

export { scaleDir };

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await orchestrate();
