// Reads one transcript (lib/transcripts/read-transcript.ts) on a worker thread, so that a slow
// or memory-hungry upload never blocks the web server's event loop. A plain .mjs file resolved
// from the project root rather than bundled: it loads the same TypeScript sources through tsx
// under `next start`, vitest and the CLI alike. It imports only pure parsing code.

import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readTranscript } = await import("./read-transcript.ts");

try {
  const result = await readTranscript(workerData.source, workerData.options ?? {});
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  const inputError = error && error.name === "TranscriptInputError";
  parentPort.postMessage({ ok: false, code: inputError ? error.code : null, message: String(error?.message ?? error) });
}
