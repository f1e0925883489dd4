import { runOutboxWorker } from "./worker";

const globalForWorker = globalThis as unknown as { pressroomSearchWorker?: AbortController };

/**
 * Starts the outbox worker inside the web server process, once per process (Next's dev
 * server may call register() again after reloads). Stops on SIGTERM/SIGINT so a shutdown
 * does not leave a claim open mid-batch longer than needed.
 */
export function startInProcessSearchWorker(): void {
  if (globalForWorker.pressroomSearchWorker) return;
  const controller = new AbortController();
  globalForWorker.pressroomSearchWorker = controller;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => controller.abort());
  void runOutboxWorker({ signal: controller.signal }).catch((error) => console.error("[search-worker] stopped:", error));
}
