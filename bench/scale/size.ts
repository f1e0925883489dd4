import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { filesFor, removeSizeData, scaleDir } from "./run";
import { duBytes, importPhase, type ImportFigures } from "./import-phase";
import { servePhase, startApp } from "./serve-phase";
import { startScaleServices } from "./services";

// One size of `npm run bench:scale`, in its own process: `tsx bench/scale/size.ts 300k [--reuse] [--keep] [--import-only] [--no-search] [--requests N]`.

const [size, ...rest] = process.argv.slice(2);
const reuse = rest.includes("--reuse");
const importOnly = rest.includes("--import-only");
// --no-search: no index for this size (import into Postgres only, or an import stopped during
// indexing); pages only, against an empty index.
const search = !rest.includes("--no-search");
const keep = rest.includes("--keep") || reuse || importOnly;
const requests = Number(rest[rest.indexOf("--requests") + 1]) || 500;
const log = (line: string) => console.error(`bench:scale ${size}: ${line}`);

const dir = path.join(scaleDir, size);
const importFile = path.join(dir, "import.json");
const files = await filesFor(size);
const canReuse = reuse && existsSync(importFile);
if (!canReuse) await removeSizeData(size);
const services = await startScaleServices(path.join(dir, "data"));
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  let imported: ImportFigures;
  if (canReuse) {
    imported = JSON.parse(await readFile(importFile, "utf8")) as ImportFigures;
    log(`reusing the import of ${imported.pairs} pairs`);
    // What the importer does at its end (an import older than lib/rollups did not).
    const { refreshRollups } = await import("@/lib/rollups/rollups");
    await refreshRollups(services.pool);
    // And the shared spelling vocabulary (an import older than that table did not build it).
    const { rebuildSpellingWords } = await import("@/lib/search/spelling-source");
    const started = performance.now();
    await rebuildSpellingWords();
    log(`spelling vocabulary rebuilt in ${Math.round((performance.now() - started) / 1000)} s`);
    if (!search) {
      // Pages still ask the index (related pairs): an empty one answers them quickly.
      const { ensureIndex } = await import("@/lib/search/index-setup");
      const { liveIndexUid } = await import("@/lib/search/client");
      await ensureIndex(liveIndexUid());
    }
  } else {
    imported = await importPhase(files, services, log, { search });
    if (!search) {
      const { ensureIndex } = await import("@/lib/search/index-setup");
      const { liveIndexUid } = await import("@/lib/search/client");
      await ensureIndex(liveIndexUid());
    }
    await writeFile(importFile, `${JSON.stringify(imported, null, 2)}\n`);
  }
  if (importOnly) {
    log("import only (--import-only): data kept for a later --reuse");
    process.exit(0);
  }
  app = await startApp(services, log);
  const served = await servePhase(services, app.base, app.server.pid!, { requests, search }, log);
  const disk = { postgresMB: Math.round(duBytes(services.postgresDir) / 2 ** 20), meilisearchMB: Math.round(duBytes(services.meiliDir) / 2 ** 20) };
  await writeFile(path.join(dir, "result.json"), `${JSON.stringify({ size, import: imported, serve: served, diskWhileServing: disk }, null, 2)}\n`);
} finally {
  if (app && app.server.exitCode === null) {
    const exited = new Promise((resolve) => app!.server.once("exit", resolve));
    app.server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (app.server.exitCode === null) app.server.kill("SIGKILL");
  }
  await services.stop();
  if (!keep) await removeSizeData(size);
}
process.exit(0);
