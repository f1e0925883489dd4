import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "../corpus-files";
import { mb, memorySampler } from "../process-memory";

// `tsx bench/scale/interrupted.ts FILE [--after SECONDS]`: imports FILE with the real CLI
// (`npm run import -- corpus FILE --no-index`) into a scratch Postgres, interrupts it with
// Ctrl-C (SIGINT) after SECONDS, runs the same command again, and checks the result: every
// record of the file stored exactly once (no duplicates), every conference numbered 1..n
// (no gaps). Also reports each run's peak RSS: the importer must not grow with the file, and
// it runs under `npm run import`'s heap cap, so a heap that outgrew it would fail here.

const [file, ...rest] = process.argv.slice(2);
const afterSeconds = Number(rest[rest.indexOf("--after") + 1]) || 120;
if (!file) {
  console.error("usage: tsx bench/scale/interrupted.ts FILE.jsonl [--after SECONDS]");
  process.exit(2);
}

/** node's own flags in package.json's `import` script (its heap cap), so this runs what users run. */
function importNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return scripts.import.split(/\s+/).filter((word) => word.startsWith("--max-old-space-size="));
}

async function importRun(url: string, interruptAfterMs: number | null) {
  const started = performance.now();
  const args = [...importNodeFlags(), "--import", "tsx", "scripts/import.ts", "corpus", path.resolve(file), "--no-index"];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const memory = memorySampler(() => child.pid);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", () => {});
  const timer = interruptAfterMs === null ? null : setTimeout(() => child.kill("SIGINT"), interruptAfterMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (timer) clearTimeout(timer);
  const peak = memory.peak();
  memory.stop();
  return { code, seconds: Math.round((performance.now() - started) / 100) / 10, peakRssMB: mb(peak), summary: output.trim() };
}

const { startEmbeddedPostgres } = await import("@/lib/dev-services/postgres");
const { findFreePort } = await import("@/lib/dev-services/ports");
const { migrate } = await import("@/lib/db/migrator");
const dir = await mkdtemp(path.join(os.tmpdir(), "pressroom-interrupted-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await findFreePort(), persistent: false });
try {
  await migrate(postgres.url);
  const first = await importRun(postgres.url, afterSeconds * 1000);
  console.error(`interrupted run: exit ${first.code}, ${first.seconds} s, peak RSS ${first.peakRssMB} MB\n${first.summary}`);
  const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  const countAfterInterrupt = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "QaPair"`)).rows[0].n;
  const second = await importRun(postgres.url, null);
  console.error(`second run: exit ${second.code}, ${second.seconds} s, peak RSS ${second.peakRssMB} MB\n${second.summary}`);
  const [check] = (
    await pool.query<{ pairs: number; distinct: number; conferences: number; gapped: number; turnsMissing: number }>(
      `SELECT (SELECT count(*) FROM "QaPair")::int AS pairs,
              (SELECT count(DISTINCT ("sourceCorpus", "sourceId")) FROM "QaPair")::int AS distinct,
              (SELECT count(*) FROM "Conference")::int AS conferences,
              (SELECT count(*) FROM (SELECT "conferenceId" FROM "QaPair" GROUP BY 1 HAVING count(*) <> max(ordinal) OR min(ordinal) <> 1) g)::int AS gapped,
              (SELECT count(*) FROM "QaPair" p WHERE NOT EXISTS (SELECT 1 FROM "Turn" t WHERE t."qaPairId" = p.id AND t.kind = 'QUESTION'))::int AS "turnsMissing"`,
    )
  ).rows;
  await pool.end();
  const result = { file: path.basename(file), interruptedAfterSeconds: afterSeconds, countAfterInterrupt, first, second, check };
  console.log(JSON.stringify({ ...result, first: { ...first, summary: undefined }, second: { ...second, summary: undefined } }, null, 2));
  await writeFile(path.join(repoRoot, ".data", "scale", "interrupted.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
