import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { mb, memorySampler } from "../process-memory";
import { rawMeilisearchBaseline } from "../raw-meili";
import type { ScaleServices } from "./services";

// The import half of one size: the files through the real importer (Postgres phase, then until
// the index caught up), the disk both stores use, and raw Meilisearch indexing of the same
// documents into a separate index as the baseline, measured right after on the same machine.

export interface ImportFigures {
  pairs: number;
  conferences: number;
  fileMB: number;
  postgresSeconds: number;
  caughtUpSeconds: number;
  rawMeilisearchSeconds: number;
  caughtUpOverRaw: number;
  peakMB: { importer: number; postgresDuringImport: number; meilisearchDuringImport: number; meilisearchRaw: number };
  diskMB: { postgres: number; meilisearch: number; postgresTables: Record<string, number> };
}

export function duBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split(/\s/)[0]);
}

/** `search: false`: Postgres only (no indexing, no raw baseline), for a size whose index cannot be built in the time available. */
export async function importPhase(files: string[], services: ScaleServices, log: (line: string) => void, options: { search: boolean } = { search: true }): Promise<ImportFigures> {
  const { importCorpusFiles, formatImportSummary } = await import("@/lib/corpus/import");
  const { stderrProgress } = await import("@/lib/corpus/progress");
  const postgresMemory = memorySampler(() => services.postgres.process()?.pid, { tree: true });
  const meiliMemory = memorySampler(() => services.meili.process.pid);
  postgresMemory.reset();
  meiliMemory.reset();
  const fileBytes = files.reduce((sum, file) => sum + duBytes(file), 0);
  // align: false — aligning a synthetic archive's bilingual organizers over 65 years is not what this measures (and runs after the timings).
  const summary = await importCorpusFiles(files, { progress: stderrProgress(), index: options.search, align: false });
  log(formatImportSummary(summary));
  if (summary.interrupted || (options.search && !summary.indexing)) throw new Error("the import did not finish");
  const peakDuringImport = { postgres: postgresMemory.peak(), meili: meiliMemory.peak() };
  const tables = await services.pool.query<{ name: string; bytes: string }>(
    `SELECT relname AS name, pg_total_relation_size(oid)::text AS bytes FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 6`,
  );
  const disk = { postgres: duBytes(services.postgresDir), meilisearch: duBytes(services.meiliDir) };
  const pairs = summary.pairsInserted + summary.pairsUpdated + summary.pairsUnchanged;
  const peakMB = { importer: mb(summary.peakRssBytes), postgresDuringImport: mb(peakDuringImport.postgres), meilisearchDuringImport: mb(peakDuringImport.meili) };
  const diskMB = { postgres: mb(disk.postgres), meilisearch: mb(disk.meilisearch), postgresTables: Object.fromEntries(tables.rows.map((r) => [r.name, mb(Number(r.bytes))])) };
  if (!options.search) {
    postgresMemory.stop();
    meiliMemory.stop();
    const none = NaN;
    return {
      pairs,
      conferences: summary.conferences,
      fileMB: mb(fileBytes),
      postgresSeconds: round(summary.postgresMs / 1000),
      caughtUpSeconds: none,
      rawMeilisearchSeconds: none,
      caughtUpOverRaw: none,
      peakMB: { ...peakMB, meilisearchRaw: none },
      diskMB,
    };
  }

  log("raw Meilisearch baseline: the same documents into a separate index");
  const scratch = path.join(path.dirname(services.postgresDir), "scratch");
  await mkdir(scratch, { recursive: true });
  const raw = await rawMeilisearchBaseline(scratch, () => meiliMemory.reset());
  const meiliRawPeak = meiliMemory.peak();
  const { meili, waitForSuccess } = await import("@/lib/search/client");
  // Dropped again: the archive's own index is what the serve phase searches.
  await waitForSuccess((await meili().deleteIndex("raw_baseline")).taskUid, "drop raw baseline");
  postgresMemory.stop();
  meiliMemory.stop();

  const caughtUp = summary.indexing!.caughtUpMs;
  return {
    pairs,
    conferences: summary.conferences,
    fileMB: mb(fileBytes),
    postgresSeconds: round(summary.postgresMs / 1000),
    caughtUpSeconds: round(caughtUp / 1000),
    rawMeilisearchSeconds: round(raw.ms / 1000),
    caughtUpOverRaw: round(caughtUp / raw.ms, 2),
    peakMB: { ...peakMB, meilisearchRaw: mb(meiliRawPeak) },
    diskMB,
  };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
