import { createWriteStream, existsSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { openCorpusFile } from "./reader";
import { parseCorpusLine } from "./record";
import { synthesizeConferences, type SourceExchange, type SynthesisOptions, type SynthesisSources } from "./synthesize";

// The I/O around the pure synthesizer: reads the real corpus files once (71k exchanges, a fixed
// amount of memory whatever size is asked) and streams the synthetic records to a file.

export class SynthesisError extends Error {}

/** Loads the exchanges, conference sizes and outlet names of the real corpus files, in file order. */
export async function loadSynthesisSources(files: string[]): Promise<SynthesisSources> {
  const sources: SynthesisSources = { en: [], zh: [], conferenceSizes: [], outlets: { en: [], zh: [] } };
  const sizes = new Map<string, number>();
  const outletCounts = { en: new Map<string, number>(), zh: new Map<string, number>() };
  for (const file of files) {
    const reader = await openCorpusFile(file);
    try {
      for await (const { text } of reader.lines()) {
        if (!text.trim()) continue;
        const parsed = parseCorpusLine(text);
        if (!parsed.ok) continue;
        const record = parsed.record;
        const lang = record.lang === "zh" ? "zh" : "en";
        const exchange: SourceExchange = { question: record.question, answer: record.answer, answerers: record.answerers, lang, topic: record.topic, flags: record.flags };
        sources[lang].push(exchange);
        const conference = `${file}\u0000${record.date}\u0000${record.url ?? record.conference ?? record.source}`;
        sizes.set(conference, (sizes.get(conference) ?? 0) + 1);
        // Only the MFA files name outlets alone; "Name, Outlet" elsewhere is split at the comma.
        const outlet = record.questioner?.includes(", ") ? record.questioner.slice(record.questioner.indexOf(", ") + 2) : record.questioner;
        if (outlet) outletCounts[lang].set(outlet, (outletCounts[lang].get(outlet) ?? 0) + 1);
      }
    } finally {
      reader.close();
    }
  }
  sources.conferenceSizes = [...sizes.values()];
  for (const lang of ["en", "zh"] as const) sources.outlets[lang] = [...outletCounts[lang]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  return sources;
}

/**
 * Writes `pairs` synthetic records as JSONL to `out`, streaming (backpressure respected).
 * The file appears only when complete: it is written next to `out` and renamed at the end.
 */
export async function writeSyntheticCorpus(
  sources: SynthesisSources,
  options: SynthesisOptions & { out: string; onProgress?: (pairs: number) => void },
): Promise<{ pairs: number; conferences: number; bytes: number }> {
  const partial = `${options.out}.partial`;
  // Opened first so an unwritable path fails before any work, with the system's reason.
  const handle = await open(partial, "w").catch((error: NodeJS.ErrnoException) => {
    const folderMissing = error.code === "ENOENT" && !existsSync(path.dirname(options.out));
    const why = folderMissing
      ? "its folder does not exist"
      : error.code === "EACCES" || error.code === "EROFS"
        ? "permission denied"
        : `cannot create a file there (${error.code ?? error.message})`;
    throw new SynthesisError(`Cannot write ${options.out}: ${why}`);
  });
  const stream = createWriteStream("", { fd: handle.fd, autoClose: false, highWaterMark: 1 << 20 });
  let pairs = 0;
  let conferences = 0;
  let bytes = 0;
  try {
    for (const records of synthesizeConferences(sources, options)) {
      const chunk = records.map((record) => JSON.stringify(record)).join("\n") + "\n";
      bytes += Buffer.byteLength(chunk);
      if (!stream.write(chunk)) await once(stream, "drain");
      pairs += records.length;
      conferences++;
      options.onProgress?.(pairs);
    }
    stream.end();
    await once(stream, "finish");
    await handle.close();
    await rename(partial, options.out);
  } catch (error) {
    stream.destroy();
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  return { pairs, conferences, bytes };
}
