import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import readline from "node:readline";
import { createGunzip } from "node:zlib";

export interface CorpusLine {
  lineNumber: number;
  text: string;
}

export interface CorpusFileReader {
  /** Size on disk (compressed for .gz): the denominator of the progress estimate. */
  bytesTotal: number;
  /** Bytes of the file (as stored) read so far. */
  bytesRead(): number;
  lines(): AsyncGenerator<CorpusLine>;
  close(): void;
}

/**
 * Streams a .jsonl or .jsonl.gz file line by line: the 80 MB White House file is never held
 * in memory at once. Gzip is detected by its magic bytes, not by the file name.
 */
export async function openCorpusFile(file: string): Promise<CorpusFileReader> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`${file} is not a file`);
  const gzipped = await startsWithGzipMagic(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on("data", (chunk) => {
    read += chunk.length;
  });
  const input = gzipped ? raw.pipe(createGunzip()) : raw;
  // pipe() does not forward errors: a truncated gzip or a read error must still fail the import.
  if (gzipped) raw.on("error", (error) => input.destroy(error));
  return {
    bytesTotal: info.size,
    bytesRead: () => read,
    async *lines() {
      const rl = readline.createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const text of rl) {
        lineNumber++;
        yield { lineNumber, text };
      }
    },
    close() {
      raw.destroy();
      input.destroy();
    },
  };
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const stream = createReadStream(file, { start: 0, end: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}
