// `npm run soak -- --minutes N`: starts its own cluster (lib/cluster/topology.ts) and drives
// 50 concurrent readers and searchers through the load balancer, one corpus import and
// editors saving, while it kills and restarts in turn a web server, a Meilisearch instance,
// the outbox worker, and every connection to the Postgres primary. Then it checks against
// Postgres: every saved edit is there, every search instance equals Postgres, no pair twice.
// The last line is the summary; the exit code is 1 when a goal is missed (0 lost writes,
// 0 index differences, no 5xx or unanswered request outside the 5 s after a kill).
// `--baseline` runs the same load with no faults: errors there are the machine's load (or a
// design fault that needs no kill), not failover. A timeline of 10 s buckets with the machine's
// load average shows which is which.
//
//   npm run soak -- --minutes 3 [--readers 50] [--reader-timeout 30] [--baseline] [--corpus ../shared/corpus/cmfa_presscon_v4_ukraine_subset.jsonl]
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { formatTimeline, loadSummary, timeline, type LoadSample } from "@/lib/cluster/soak-report";
import { DEFAULT_RESTART_POLICY } from "@/lib/dev-services/restart-policy";
import { checkConsistency, waitForSearchCaughtUp, type SavedEdit } from "@/lib/cluster/soak-checks";
import { runReaders, summariseRequests, type FaultWindow, type RequestRecord } from "@/lib/cluster/soak-load";
import { startCluster, stopParts, type Cluster, type ClusterPart } from "@/lib/cluster/topology";
import { findFreePort } from "@/lib/dev-services/ports";
import { buildIfChanged } from "./start-build";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const log = (line: string) => console.log(`[soak +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
const quiet = (line: string) => {
  // The cluster's own logs, minus per-batch chatter.
  if (/error|fail|exited|restart|rebuil|queries now go|killed/i.test(line)) log(line);
};

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "3" },
    readers: { type: "string", default: "50" },
    "reader-timeout": { type: "string", default: "30" },
    baseline: { type: "boolean", default: false },
    corpus: { type: "string", default: path.join(root, "..", "shared", "corpus", "cmfa_presscon_v4_ukraine_subset.jsonl") },
  },
});
const settings = z
  .object({
    minutes: z.coerce.number().positive("--minutes must be positive").max(120),
    readers: z.coerce.number().int().min(1).max(500),
    "reader-timeout": z.coerce.number().min(1, "--reader-timeout is in seconds, at least 1").max(300),
    baseline: z.boolean(),
    corpus: z.string(),
  })
  .safeParse(values);
if (!settings.success) {
  console.error(`[soak] ${settings.error.issues.map((i) => i.message).join("; ")}`);
  process.exit(2);
}
const { minutes, readers, corpus, baseline } = settings.data;
const readerTimeoutMs = settings.data["reader-timeout"] * 1000;
const SLOW_MS = 10_000;
const durationMs = minutes * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: Cluster | undefined;
const stops: (() => Promise<void>)[] = [];
const dataDir = await mkdtemp(path.join(os.tmpdir(), "pressroom-soak-"));
let exitCode = 1;
let summaryLine = "SOAK FAIL: did not finish";
try {
  await buildIfChanged(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);
  cluster = await startCluster({ root, dataDir, port: await findFreePort(), webInstances: 2, log: quiet, stops });
  // lib/ in this process: the primary (no replica), every search instance.
  Object.assign(process.env, { ...cluster.env, DATABASE_REPLICA_URL: "" });
  delete process.env.DATABASE_REPLICA_URL;
  const { db } = await import("@/lib/db/client");
  const { loadSampleArchive } = await import("@/lib/archive/transcript-file");
  const { createUser } = await import("@/lib/auth/users");
  const { editPair, loadPairForEdit } = await import("@/lib/archive/edit-pair");
  log(`loaded ${await loadSampleArchive()} sample conferences`);
  const editor = await createUser({ email: "soak-editor@example.org", password: "soak password 0123456789", role: "EDITOR", name: "Soak Editor" });
  if (!(await waitForSearchCaughtUp(120_000))) throw new Error("search instances did not catch up with the sample archive");

  const pairs = await db().qaPair.findMany({ where: { status: "PUBLISHED", conference: { status: "PUBLISHED" } }, select: { publicId: true } });
  const conferences = await db().conference.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } });
  const targets = {
    pairPaths: pairs.map((p) => `/qa/${p.publicId}`),
    conferencePaths: conferences.map((c) => `/conferences/${encodeURIComponent(c.slug)}`),
    words: ["harbour", "budget", "minister", "trade", "election", "water", "schools", "the", "president", "border", "energy", "health"],
  };
  log(`cluster ready at ${cluster.url}: ${pairs.length} pairs; ${readers} readers for ${minutes} min`);

  const stop = new AbortController();
  const loadStarted = Date.now();
  const records: RequestRecord[] = [];
  const loads: LoadSample[] = [{ at: Date.now(), load1: os.loadavg()[0] }];
  const sampling = setInterval(() => loads.push({ at: Date.now(), load1: os.loadavg()[0] }), 2000);
  const reading = runReaders(cluster.url, readers, targets, stop.signal, records, readerTimeoutMs);

  // Editors: one save every ~1.5 s, each appending a marker to a random pair's answer.
  const edits: SavedEdit[] = [];
  let failedSaves = 0;
  const editing = (async () => {
    while (!stop.signal.aborted) {
      await sleep(1500);
      const publicId = targets.pairPaths[Math.floor(Math.random() * targets.pairPaths.length)].slice(4);
      const marker = `[soak edit ${edits.length + failedSaves}]`;
      try {
        const loaded = await loadPairForEdit(publicId);
        if (!loaded) continue;
        const { snapshot, version } = loaded;
        const turns = snapshot.turns.map((t, i) => ({ turnId: t.turnId, speaker: t.speaker, text: i === snapshot.turns.length - 1 ? `${t.text} ${marker}` : t.text }));
        await editPair({ publicId, version, outlet: snapshot.outlet, topics: snapshot.topics, turns, correctionNote: null }, { userId: editor.id });
        edits.push({ publicId, marker });
      } catch {
        failedSaves += 1; // a save that failed was reported to its editor; it is not expected in Postgres
      }
    }
  })();

  // One corpus import, as `npm run import` runs it; run again if a fault cut it (imports resume).
  let importRuns = 0;
  let importDone = false;
  const importing = (async () => {
    while (!importDone && importRuns < 3) {
      importRuns += 1;
      const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "import.ts"), "corpus", corpus, "--no-index"], {
        cwd: root,
        env: { ...process.env },
        stdio: "ignore",
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      importDone = code === 0;
      log(`corpus import run ${importRuns} exited with ${code}`);
    }
  })();

  // The faults, evenly spread: kill, then start again.
  const faults: FaultWindow[] = [];
  const recoveries: { what: string; backAfterMs: number; readyAfterMs?: number }[] = [];
  const killAndRestart = async (part: ClusterPart, what: string) => {
    const at = Date.now();
    faults.push({ what, at });
    log(`FAULT: SIGKILL ${what}`);
    part.process()?.kill("SIGKILL");
    // As `npm run cluster`'s supervisor does: the first restart after its initial delay.
    await sleep(DEFAULT_RESTART_POLICY.initialDelayMs);
    await part.start();
    const recovery: (typeof recoveries)[number] = { what, backAfterMs: Date.now() - at };
    recoveries.push(recovery);
    log(`${what} running again after ${(recovery.backAfterMs / 1000).toFixed(1)} s`);
    // A web server is back for HAProxy once its own /api/ready says so.
    if (part.url) {
      while (!stop.signal.aborted && Date.now() - at < 300_000) {
        const ready = await fetch(`${part.url}/api/ready`, { signal: AbortSignal.timeout(5000) }).catch(() => undefined);
        if (ready?.ok) {
          recovery.readyAfterMs = Date.now() - at;
          log(`${what} ready again after ${(recovery.readyAfterMs / 1000).toFixed(1)} s`);
          break;
        }
        await sleep(250);
      }
    }
  };
  const schedule: [string, () => Promise<void>][] = [
    ["web server", () => killAndRestart(cluster!.web[0], "web-1")],
    ["search instance", () => killAndRestart(cluster!.search[0], "search-1 (Meilisearch)")],
    ["outbox worker", () => killAndRestart(cluster!.worker, "outbox worker")],
    [
      "primary connections",
      async () => {
        const at = Date.now();
        faults.push({ what: "Postgres primary connections", at });
        const admin = new pg.Client({ connectionString: cluster!.databaseUrl });
        await admin.connect();
        const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
        await admin.end();
        log(`FAULT: terminated ${rowCount} connections to the Postgres primary`);
      },
    ],
  ];
  if (baseline) log("baseline: the same load with no faults");
  for (let i = 0; i < (baseline ? 0 : schedule.length); i += 1) {
    await sleep(Math.max(0, loadStarted + ((i + 1) * durationMs) / (schedule.length + 1) - Date.now()));
    await schedule[i][1]().catch((error) => log(`fault ${schedule[i][0]} failed: ${(error as Error).message}`));
  }
  await sleep(Math.max(0, loadStarted + durationMs - Date.now()));
  stop.abort();
  clearInterval(sampling);
  // Requests in flight end within their 15 s timeout; an editor's save stuck on a killed connection is not waited for.
  await Promise.race([Promise.all([reading, editing]), sleep(20_000)]);
  log(`load stopped after ${records.length} requests; waiting for the import and the search instances`);
  await Promise.race([importing, sleep(300_000)]);
  const caughtUp = await waitForSearchCaughtUp(180_000);
  log(`search instances ${caughtUp ? "caught up" : "NOT caught up after 180 s"}; checking against Postgres`);
  const consistency = await checkConsistency(edits);
  const summary = summariseRequests(records, faults);

  console.log("\nRequests by status:", JSON.stringify(summary.byStatus));
  const slow = records.filter((r) => r.ms > SLOW_MS).length;
  const served = records.filter((r) => r.status > 0 && r.status < 500).length;
  const load = loadSummary(loads);
  console.log(`Latency p50 ${summary.p50} ms, p99 ${summary.p99} ms; ${slow} answers slower than ${SLOW_MS / 1000} s; reader timeout ${readerTimeoutMs / 1000} s`);
  console.log(`Load average (1 min) during the load: min ${load?.min} mean ${load?.mean} max ${load?.max} on ${os.cpus().length} cores`);
  console.log("Timeline (10 s buckets by request start):");
  for (const line of formatTimeline(timeline(records, faults, loads, loadStarted, 10_000, SLOW_MS))) console.log(line);
  console.log("Errors per fault (5xx or no answer, within 5 s of it):");
  for (const fault of summary.perFault)
    console.log(`  ${fault.what.padEnd(32)} ${String(fault.errors).padStart(5)} errors, last ${fault.lastErrorAfterMs === null ? "-" : `${fault.lastErrorAfterMs} ms`} after`);
  for (const recovery of recoveries)
    console.log(
      `  ${recovery.what.padEnd(32)} restarted and answering after ${recovery.backAfterMs} ms${recovery.readyAfterMs === undefined ? "" : `, ready (its /api/ready 200) after ${recovery.readyAfterMs} ms`}`,
    );
  if (summary.outsideWindows.length) {
    console.log("Errors outside the fault windows:");
    for (const r of summary.outsideWindows.slice(0, 20)) console.log(`  +${((r.at - started) / 1000).toFixed(1)}s ${r.status || "no answer"} ${r.path}`);
  }
  console.log(`Edits saved ${consistency.edits} (failed, reported to the editor: ${failedSaves}); import ${importDone ? "completed" : "NOT completed"} in ${importRuns} run(s)`);
  console.log("Search instances vs Postgres:", JSON.stringify(consistency.indexDifferences), caughtUp ? "" : "(not caught up)");
  const differences = consistency.indexDifferences.reduce((sum, d) => sum + d.missing + d.extra + d.stale, 0);
  const pass = consistency.lostWrites.length === 0 && differences === 0 && consistency.duplicatePairs === 0 && summary.outsideWindows.length === 0 && importDone && caughtUp;
  exitCode = pass ? 0 : 1;
  summaryLine = `SOAK ${pass ? "PASS" : "FAIL"}${baseline ? " (baseline, no faults)" : ""}: ${summary.requests} requests in ${minutes} min by ${readers} readers (${served} answered below 500, p50 ${summary.p50} ms, ${slow} slower than ${SLOW_MS / 1000} s), ${summary.outsideWindows.length} errors outside the 5 s after a kill, ${consistency.lostWrites.length} lost writes of ${consistency.edits}, ${differences} index differences, ${consistency.duplicatePairs} duplicated pairs; load average ${load?.mean} (max ${load?.max}) on ${os.cpus().length} cores`;
  await db().$disconnect();
} catch (error) {
  console.error(`[soak] ${(error as Error).stack ?? error}`);
  summaryLine = `SOAK FAIL: ${(error as Error).message}`;
} finally {
  await stopParts(stops, log);
  await rm(dataDir, { recursive: true, force: true }).catch(() => {});
}
console.log(summaryLine);
process.exit(exitCode);
