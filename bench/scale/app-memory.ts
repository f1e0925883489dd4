import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { httpRequest } from "../search/http";
import { repoRoot } from "../corpus-files";
import { mb, memoryOf, memorySampler } from "../process-memory";
import { scaleDir } from "./run";
import { startApp } from "./serve-phase";
import { startScaleServices } from "./services";

// `tsx bench/scale/app-memory.ts 300k --label main`: the web process's memory alone (not a
// timing: it may run on a loaded machine), on an archive kept by
// `tsx bench/scale/size.ts 300k --import-only --keep [--no-search]`. Phases: start-up (the
// spelling vocabulary is built then), settled, serving pages and searches, the whole export,
// after it (`--trace-gc` to see the app's collections). Each figure is the app's process tree (PSS) peak within the phase; run it for two
// builds on the same data back to back and compare.

const [size, ...rest] = process.argv.slice(2);
const label = rest[rest.indexOf("--label") + 1] ?? "build";
// --trace-gc: the app prints each collection (heap sizes) to stderr, to tell V8's heap from other memory.
const nodeArgs = rest.includes("--trace-gc") ? ["--trace-gc"] : [];
const log = (line: string) => console.error(`app-memory ${size} ${label}: ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const services = await startScaleServices(path.join(scaleDir, size, "data"));
const app = await startApp(services, log, nodeArgs);
const pid = app.server.pid!;
const sampler = memorySampler(() => pid, { tree: true, everyMs: 200 });
const figures: Record<string, number> = {};
const phase = async (name: string, work: () => Promise<unknown>) => {
  sampler.reset();
  await work();
  figures[`${name}PeakMB`] = mb(sampler.peak());
  figures[`${name}EndMB`] = mb(memoryOf(pid, true));
  log(`${name}: peak ${figures[`${name}PeakMB`]} MB, end ${figures[`${name}EndMB`]} MB`);
};
try {
  figures.startedMB = mb(memoryOf(pid, true));
  // The first search waits for the spelling vocabulary (instrumentation.ts starts it at start-up).
  await phase("vocabulary", async () => {
    const t = performance.now();
    await httpRequest(`${app.base}/api/v1/search?q=agreemnt%20tarifs`);
    figures.firstSearchSeconds = Math.round((performance.now() - t) / 100) / 10;
  });
  await phase("settled", () => sleep(10_000));
  const { rows: pairs } = await services.pool.query<{ publicId: string }>(`SELECT "publicId" FROM "QaPair" WHERE status = 'PUBLISHED' AND id % 997 = 5 ORDER BY id LIMIT 40`);
  const { rows: conferences } = await services.pool.query<{ slug: string }>(`SELECT slug FROM "Conference" WHERE status = 'PUBLISHED' AND id % 97 = 3 ORDER BY id LIMIT 40`);
  await phase("serving", async () => {
    for (const p of pairs) await httpRequest(`${app.base}/api/v1/qa/${p.publicId}`);
    for (const c of conferences) await httpRequest(`${app.base}/conferences/${c.slug}`);
    for (const q of ["tarif", "goverment", "whitehouse", "sanctoins", "climat change", "Blinkin", "ukriane", "trade"])
      await httpRequest(`${app.base}/api/v1/search?q=${encodeURIComponent(q)}`);
  });
  figures.beforeExportMB = mb(memoryOf(pid, true));
  await phase("export", async () => {
    const response = await fetch(`${app.base}/api/v1/export.jsonl`);
    const reader = response.body!.getReader();
    let lines = 0;
    const started = performance.now();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
    }
    figures.exportLines = lines;
    figures.exportSeconds = Math.round((performance.now() - started) / 100) / 10;
  });
  await phase("afterExport", () => sleep(5_000));
  console.log(`\n${label} at ${size}`);
  console.table(figures);
  const out = path.join(repoRoot, "bench/results", `app-memory-${size}-${label}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), size, label, figures }, null, 2)}\n`);
  console.log(`saved ${path.relative(repoRoot, out)}`);
} finally {
  sampler.stop();
  app.server.kill("SIGTERM");
  await sleep(2000);
  if (app.server.exitCode === null) app.server.kill("SIGKILL");
  await services.stop();
}
process.exit(0);
