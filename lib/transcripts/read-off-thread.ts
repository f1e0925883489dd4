// Runs readTranscript in a worker thread with a heap limit and a time budget, a few at a
// time. The web server's thread only copies bytes in and the draft out, so readers are never
// stalled by an upload, and an upload that would exhaust memory or time ends with a message.

import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { TranscriptInputError, type TranscriptInputErrorCode } from "./input-error";
import type { ParseOptions } from "./parse";
import type { ReadTranscript, TranscriptSource } from "./read-transcript";

export const PARSE_TIME_BUDGET_MS = 20_000;
export const PARSE_HEAP_MB = 256;
/** Each worker may use PARSE_HEAP_MB; this bounds the server's extra memory. */
export const MAX_PARALLEL_PARSES = 2;
const MAX_WAITING_PARSES = 8;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL_PARSES) {
    if (waiting.length >= MAX_WAITING_PARSES) throw new TranscriptInputError("too_slow", "the server is busy reading other transcripts; try again in a minute");
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Next bundles server code, so the worker is found from the project root, where `next start`
 * runs. It is started through a one-line eval script that imports it: given a file path,
 * Turbopack follows the worker into the bundle (tsx and esbuild included) and the build fails.
 */
function workerScript(): string {
  const file = path.join(process.cwd(), "lib", "transcripts", "parse-worker.mjs");
  if (!existsSync(file)) throw new Error(`the transcript parse worker is missing at ${file}; start the server from the project root`);
  return `import(${JSON.stringify(pathToFileURL(file).href)});`;
}

type WorkerAnswer = { ok: true; result: ReadTranscript } | { ok: false; code: TranscriptInputErrorCode | null; message: string };

export interface OffThreadOptions extends ParseOptions {
  timeBudgetMs?: number;
  heapMb?: number;
}

export async function readTranscriptOffThread(source: TranscriptSource, options: OffThreadOptions = {}): Promise<ReadTranscript> {
  const { timeBudgetMs = PARSE_TIME_BUDGET_MS, heapMb = PARSE_HEAP_MB, ...parseOptions } = options;
  const release = await slot();
  try {
    return await new Promise<ReadTranscript>((resolve, reject) => {
      const worker = new Worker(workerScript(), {
        eval: true,
        workerData: { source, options: parseOptions },
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new TranscriptInputError("too_slow", `reading the transcript took longer than ${timeBudgetMs / 1000} s and was stopped; split it or simplify its formatting`)),
          ),
        timeBudgetMs,
      );
      worker.on("message", (answer: WorkerAnswer) =>
        finish(() => (answer.ok ? resolve(answer.result) : reject(answer.code ? new TranscriptInputError(answer.code, answer.message) : new Error(answer.message)))),
      );
      worker.on("error", (error: NodeJS.ErrnoException) =>
        finish(() =>
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? new TranscriptInputError("too_large", `reading the transcript needed more than ${heapMb} MB of memory and was stopped; split it or simplify its formatting`)
              : error,
          ),
        ),
      );
      worker.on("exit", (code) => finish(() => reject(new Error(`the transcript parse worker stopped (exit code ${code}) before answering`))));
    });
  } finally {
    release();
  }
}
