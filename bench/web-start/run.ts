// How long a web server takes from spawn to its first /api/health answer (what the cluster's
// supervisor and the soak wait for after a kill), started as the cluster used to (tsx compiling
// scripts/web-server.ts and its imports) and as it does now (the esbuild bundle, webServerEntry),
// on the machine as it is and with extra busy processes (a loaded machine, as during the soak).
// Needs a production build (`npm run build`); no database or search is needed to answer /api/health.
//
//   flock /tmp/pressroom-bench.lock npm run bench:web-start -- [--runs 3] [--busy 2]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { webServerEntry } from "@/lib/cluster/topology";
import { findFreePort } from "@/lib/dev-services/ports";
import { benchAppEnv } from "../app-env";

const root = path.resolve(import.meta.dirname, "..", "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, busy: { type: "string", default: "2" } } });
const options = z.object({ runs: z.coerce.number().int().min(1).max(20), busy: z.coerce.number().int().min(0).max(16) }).safeParse(values);
if (!options.success) {
  console.error(`[bench:web-start] ${options.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("[bench:web-start] no production build: run `npm run build` first");
  process.exit(2);
}

async function startOnce(entry: string): Promise<number> {
  const port = await findFreePort();
  const args = entry.endsWith(".mjs") ? [entry] : ["--import", "tsx", entry];
  const env = { ...benchAppEnv(port), DATABASE_URL: "", MEILI_TARGETS: "", PRESSROOM_SEARCH_WORKER: "off", PRESSROOM_ALERTS_WORKER: "off" };
  const started = Date.now();
  const child = spawn(process.execPath, [...args, "--port", String(port), "--hostname", "127.0.0.1"], { cwd: root, env, stdio: "ignore" });
  try {
    while (Date.now() - started < 300_000) {
      if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      if (response?.ok) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("no answer within 300 s");
  } finally {
    child.kill("SIGKILL");
  }
}

const busyLoop = "for(;;){}";
const entries = { "tsx (before)": path.join(root, "scripts", "web-server.ts"), "bundled (now)": webServerEntry(root) };
const rows: { condition: string; entry: string; ms: number[]; median: number; load1: number }[] = [];
for (const condition of ["as is", `+${options.data.busy} busy processes`]) {
  const busy: ChildProcess[] = condition === "as is" ? [] : Array.from({ length: options.data.busy }, () => spawn(process.execPath, ["-e", busyLoop], { stdio: "ignore" }));
  try {
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(entries).map((name) => [name, []]));
    // Interleaved, so both entries see the same machine.
    for (let run = 0; run < options.data.runs; run += 1) for (const [name, entry] of Object.entries(entries)) times[name].push(await startOnce(entry));
    for (const [name, ms] of Object.entries(times)) {
      const sorted = [...ms].sort((a, b) => a - b);
      rows.push({ condition, entry: name, ms, median: sorted[Math.floor(sorted.length / 2)], load1: Math.round(os.loadavg()[0] * 10) / 10 });
    }
  } finally {
    for (const child of busy) child.kill("SIGKILL");
  }
}

console.log(`\nWeb server start to first /api/health answer (${options.data.runs} runs each, ${os.cpus().length} cores)`);
console.log(`${"condition".padEnd(22)} ${"entry".padEnd(14)} ${"median ms".padStart(10)}  runs ms                 load avg`);
for (const row of rows) console.log(`${row.condition.padEnd(22)} ${row.entry.padEnd(14)} ${String(row.median).padStart(10)}  ${row.ms.join(", ").padEnd(24)}${row.load1}`);
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
const file = path.join(root, "bench", "results", `web-start-${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, runs: options.data.runs, rows }, null, 2));
console.log(`saved ${path.relative(root, file)}`);
