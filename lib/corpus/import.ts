import path from "node:path";
import pg from "pg";
import { mapCorpusRecord, type CorpusPair } from "./mapping";
import { refreshRollups } from "@/lib/rollups/rollups";
import { rebuildSpellingWords } from "@/lib/search/spelling-source";
import { SeenIds } from "./id-set";
import { silentProgress, type ProgressReporter } from "./progress";
import { openCorpusFile } from "./reader";
import { parseCorpusLine } from "./record";
import type { IndexFeed, IndexFeedSummary } from "./index-feed";
import type { IndexingSummary } from "./indexing";
import type { AlignRunSummary } from "@/lib/alignment/run";
import { CorpusWriter, emptyCounts, type BatchCounts } from "./writer";

export interface CorpusImportOptions {
  /** Defaults to process.env.DATABASE_URL. */
  databaseUrl?: string;
  batchSize?: number;
  /** Stop after this many valid records (across all files). */
  limit?: number;
  /** Stop after this many committed batches: simulates an interrupted run. */
  maxBatches?: number;
  /** Batches written at the same time on separate connections (default 2, one Postgres
   *  backend per core; reading and validating the next batch overlaps with both). */
  concurrency?: number;
  /** Aborting stops reading; the batch being written still commits, the rest is left for a re-run. */
  signal?: AbortSignal;
  progress?: ProgressReporter;
  /** Also index into Meilisearch: each batch's documents are sent as soon as it commits,
   *  overlapping with the next batches, and pending outbox rows left over are drained at the end. */
  index?: boolean;
  /** "after" (default): documents are sent right after the last commit; "overlap": while writing. See index-feed.ts. */
  indexMode?: "after" | "overlap";
  /** Link the imported conferences to their other-language versions (lib/alignment); default true. */
  align?: boolean;
}

export interface SkippedRecord {
  file: string;
  line: number;
  reason: string;
}

export interface CorpusImportSummary extends BatchCounts {
  files: { file: string; lines: number; records: number; skipped: number }[];
  /** Distinct conferences the processed records belong to. */
  conferences: number;
  skipped: SkippedRecord[];
  batches: number;
  postgresMs: number;
  interrupted: boolean;
  peakRssBytes: number;
  /** With `index`: what was sent while writing, what the final drain did, and when all was indexed. */
  indexing: (IndexFeedSummary & { leftover: IndexingSummary | null; caughtUpMs: number }) | null;
  /** Links to other-language versions made for the imported conferences, or why that was skipped. */
  alignment: AlignRunSummary | { error: string } | null;
}

export class CorpusImportError extends Error {}

/**
 * The Postgres phase of a bulk import: streams each file, validates every line, groups pairs
 * into conferences and writes them in atomic batches. Reading and validating the next batch
 * overlaps with writing the previous one, so both cores are busy.
 */
export async function importCorpusFiles(files: string[], options: CorpusImportOptions = {}): Promise<CorpusImportSummary> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new CorpusImportError("DATABASE_URL is not set: point it at the Pressroom PostgreSQL database.");
  const batchSize = options.batchSize ?? 2000;
  const progress = options.progress ?? silentProgress();
  const started = performance.now();
  const summary: CorpusImportSummary = {
    ...emptyCounts(),
    files: [],
    conferences: 0,
    skipped: [],
    batches: 0,
    postgresMs: 0,
    interrupted: false,
    peakRssBytes: process.memoryUsage().rss,
    indexing: null,
    alignment: null,
  };
  const sampler = setInterval(() => {
    summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage().rss);
  }, 200);
  sampler.unref();

  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(1, options.concurrency ?? 2) + 1 });
  const writer = new CorpusWriter(pool, Boolean(options.index));
  let feed: IndexFeed | null = null;
  if (options.index) {
    const { IndexFeed } = await import("./index-feed");
    feed = await IndexFeed.open({ mode: options.indexMode }).catch(async (error: Error) => {
      await pool.end();
      throw new CorpusImportError(`Cannot reach Meilisearch to index the import: ${error.message}\nStart it, or import with --no-index and index later.`);
    });
  }
  // Compact sets: the importer's memory must not grow with the file (a million ids as a Map
  // of strings took about 150 MB; these take 12 bytes per id).
  const conferenceKeys = new SeenIds();
  // Organizer and dates of what was imported: the window the aligner looks at afterwards.
  const imported = { organizers: new Set<string>(), from: "", to: "" };
  const seenIds = new SeenIds();
  const bytesTotal = await totalBytes(files);
  let bytesBefore = 0;
  let records = 0;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const inflight = new Set<Promise<void>>();
  let batchesStarted = 0;
  let stoppedEarly = false;
  const stopRequested = () => Boolean(options.signal?.aborted) || (options.maxBatches !== undefined && batchesStarted >= options.maxBatches);

  // Up to `concurrency` batches are written at once, on separate connections: Postgres does
  // most of the work, and one backend uses one core.
  const flush = async (batch: CorpusPair[]) => {
    while (inflight.size >= concurrency) await Promise.race(inflight);
    if (batch.length === 0) return;
    if (stopRequested()) {
      stoppedEarly = true;
      return;
    }
    batchesStarted++;
    const write = writer.writeBatch(batch).then(async ({ counts, documents, outboxIds }) => {
      for (const key of Object.keys(counts) as (keyof BatchCounts)[]) summary[key] += counts[key];
      summary.batches++;
      if (feed) await feed.add(documents, outboxIds);
    });
    const tracked = write.finally(() => inflight.delete(tracked));
    // Awaited through Promise.race/all; the no-op catch only keeps Node from calling it unhandled meanwhile.
    tracked.catch(() => {});
    inflight.add(tracked);
  };

  try {
    for (const file of files) {
      const reader = await openCorpusFile(file).catch((error: Error) => {
        throw new CorpusImportError(`Cannot read ${file}: ${error.message}`);
      });
      const name = path.basename(file);
      const fileSummary = { file: name, lines: 0, records: 0, skipped: 0 };
      summary.files.push(fileSummary);
      let batch: CorpusPair[] = [];
      try {
        for await (const { lineNumber, text } of reader.lines()) {
          if (options.limit !== undefined && records >= options.limit) break;
          if (stopRequested()) {
            stoppedEarly = true;
            break;
          }
          fileSummary.lines = lineNumber;
          if (!text.trim()) continue;
          const parsed = parseCorpusLine(text);
          if (!parsed.ok) {
            summary.skipped.push({ file: name, line: lineNumber, reason: parsed.reason });
            fileSummary.skipped++;
            continue;
          }
          const firstSeen = seenIds.add(parsed.record.id, name, lineNumber);
          if (firstSeen) {
            summary.skipped.push({ file: name, line: lineNumber, reason: `duplicate id ${parsed.record.id} (first seen at ${firstSeen})` });
            fileSummary.skipped++;
            continue;
          }
          const pair = mapCorpusRecord(parsed.record);
          // Batches end at a conference boundary, so concurrent batches never write the same conference.
          if (batch.length >= batchSize && batch[batch.length - 1].conference.sourceKey !== pair.conference.sourceKey) {
            await flush(batch);
            batch = [];
          }
          conferenceKeys.add(pair.conference.sourceKey, name, lineNumber);
          noteImported(imported, pair.conference.organizer, pair.conference.heldOn);
          batch.push(pair);
          records++;
          fileSummary.records++;
          progress.update({ pairs: records, bytesRead: bytesBefore + reader.bytesRead(), bytesTotal, file: name });
        }
        await flush(batch);
      } finally {
        reader.close();
      }
      bytesBefore += reader.bytesTotal;
      if (stoppedEarly) break;
    }
    // Reading is over: the spooled payloads already complete go to Meilisearch while the last batches write.
    if (!stoppedEarly) feed?.sendCompleteParts();
    await Promise.all(inflight);
    summary.postgresMs = performance.now() - started;
    if (feed) {
      const sent = await feed.finish(pool);
      // Rows the batches did not cover: pairs of renamed conferences, unpublished pairs,
      // rows left by an earlier --no-index or interrupted run.
      let leftover: IndexingSummary | null = null;
      if (!stoppedEarly) {
        const { runIndexingPhase } = await import("./indexing");
        leftover = await runIndexingPhase();
      }
      summary.indexing = { ...sent, leftover, caughtUpMs: performance.now() - started };
    }
    // The kept counts (people, outlets, topics, sitemap) are recomputed before the import returns,
    // so the first reader after it does not wait for them (lib/rollups); after the index caught up,
    // so they do not take a core from Meilisearch while it indexes. Alongside the vocabulary rebuild.
    const rollups = refreshRollups(pool).catch((error: Error) => process.stderr.write(`Refreshing the kept counts failed (readers will retry): ${error.message}\n`));
    // The spelling vocabulary is read from every text: rebuilt once, after the index caught up
    // (lib/search/spelling-source.ts), so web processes never build it themselves.
    if (!stoppedEarly && records > 0)
      await rebuildSpellingWords().catch((error: Error) => process.stderr.write(`Rebuilding the spelling vocabulary failed (the next index change retries): ${error.message}\n`));
    await rollups;
    // After indexing, so the import's own timings stay what they were.
    if (options.align !== false && !stoppedEarly && imported.from) summary.alignment = await (await import("@/lib/alignment/window")).alignWindow(imported);
  } finally {
    await Promise.allSettled(inflight);
    await feed?.close();
    clearInterval(sampler);
    progress.done();
    await pool.end();
  }
  summary.interrupted = stoppedEarly;
  summary.conferences = conferenceKeys.size;
  summary.peakRssBytes = Math.max(summary.peakRssBytes, process.memoryUsage().rss);
  return summary;
}

function noteImported(imported: { organizers: Set<string>; from: string; to: string }, organizer: string | null, heldOn: string | null) {
  if (!organizer || !heldOn) return;
  imported.organizers.add(organizer);
  if (!imported.from || heldOn < imported.from) imported.from = heldOn;
  if (!imported.to || heldOn > imported.to) imported.to = heldOn;
}

async function totalBytes(files: string[]): Promise<number> {
  const { stat } = await import("node:fs/promises");
  let total = 0;
  for (const file of files) {
    try {
      total += (await stat(file)).size;
    } catch {
      throw new CorpusImportError(`Cannot read ${file}: no such file`);
    }
  }
  return total;
}

export function formatImportSummary(summary: CorpusImportSummary): string {
  const pairs = summary.pairsInserted + summary.pairsUpdated + summary.pairsUnchanged;
  const seconds = summary.postgresMs / 1000;
  const lines = [
    summary.interrupted ? "Corpus import stopped early; run the same command again to resume." : "Corpus import finished.",
    `  files:        ${summary.files.map((f) => `${f.file} (${f.records} records)`).join(", ")}`,
    `  conferences:  ${summary.conferences} (${summary.conferencesInserted} new, ${summary.conferencesUpdated} updated)`,
    `  pairs:        ${pairs} (${summary.pairsInserted} inserted, ${summary.pairsUpdated} updated, ${summary.pairsUnchanged} unchanged)`,
    `  outbox rows:  ${summary.outboxRows}`,
    `  postgres:     ${seconds.toFixed(1)} s, ${Math.round(pairs / Math.max(seconds, 0.001))} pairs/s, peak RSS ${Math.round(summary.peakRssBytes / 2 ** 20)} MB`,
    `  skipped:      ${summary.skipped.length}`,
  ];
  if (summary.indexing) {
    const { documents, tasks, outboxRowsProcessed, requeued, leftover, caughtUpMs } = summary.indexing;
    lines.push(
      `  indexed:      ${documents} documents built while writing (${tasks} tasks, ${outboxRowsProcessed} outbox rows processed, ${requeued} changed meanwhile)` +
        (leftover ? `; ${leftover.documents} more indexed and ${leftover.deletes} removed from ${leftover.outboxRows} leftover outbox rows` : ""),
      `  caught up:    ${(caughtUpMs / 1000).toFixed(1)} s after the start`,
    );
  }
  if (summary.alignment && "error" in summary.alignment) lines.push(`  aligned:      skipped (${summary.alignment.error}); run \`npm run align\``);
  else if (summary.alignment && summary.alignment.conferences > 0) {
    const { conferenceLinks: c, pairLinks: p, suggestions } = summary.alignment;
    lines.push(`  aligned:      ${c.created + c.updated + c.unchanged} conference links (${c.created} new), ${p.created} new pair links, ${suggestions} suggestions for editors`);
  }
  const shown = summary.skipped.slice(0, 50);
  for (const skip of shown) lines.push(`    ${skip.file}:${skip.line}: ${skip.reason}`);
  if (summary.skipped.length > shown.length) lines.push(`    … and ${summary.skipped.length - shown.length} more`);
  return lines.join("\n");
}
