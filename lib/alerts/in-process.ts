import { runAlertsWorker } from "./worker";

const globalForWorker = globalThis as unknown as { pressroomAlertsWorker?: AbortController };

/** Starts the alerts worker inside the web server process, once per process. */
export function startInProcessAlertsWorker(): void {
  if (globalForWorker.pressroomAlertsWorker) return;
  const controller = new AbortController();
  globalForWorker.pressroomAlertsWorker = controller;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => controller.abort());
  void runAlertsWorker({ signal: controller.signal, pollMs: Number(process.env.PRESSROOM_ALERTS_POLL_MS ?? 2000) }).catch((error) =>
    console.error("[alerts-worker] stopped:", error),
  );
}
