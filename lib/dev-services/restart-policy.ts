// When a supervised child dies: how long to wait before starting it again, and when to stop
// trying. Pure, so the numbers are tested without killing anything.

export interface RestartPolicy {
  /** First delay; doubles with each restart inside the window. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** More than this many restarts inside windowMs means something is broken for good. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 500, maxDelayMs: 30_000, maxRestarts: 5, windowMs: 120_000 };

export type RestartDecision = { restart: true; delayMs: number; attempt: number } | { restart: false; reason: string };

/** `restarts` are the times of earlier restarts; `now` is when the child died. */
export function decideRestart(restarts: number[], now: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): RestartDecision {
  const recent = restarts.filter((at) => now - at < policy.windowMs);
  if (recent.length >= policy.maxRestarts) {
    return { restart: false, reason: `it failed ${recent.length + 1} times within ${Math.round(policy.windowMs / 1000)} s` };
  }
  const attempt = recent.length + 1;
  return { restart: true, attempt, delayMs: Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** recent.length) };
}
