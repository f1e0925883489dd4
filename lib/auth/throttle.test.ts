import { describe, expect, it } from "vitest";
import { decideThrottle, REFUSE_AFTER_FAILURES, THROTTLE_WINDOW_MS } from "./throttle";

const now = new Date("2026-01-01T12:00:00Z");
const minutesAgo = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * 60_000));

describe("decideThrottle", () => {
  it("lets the first five failures through without delay", () => {
    expect(decideThrottle([minutesAgo(1, 2, 3, 4), []], now)).toEqual({ kind: "allow", delayMs: 0, failures: 4 });
  });

  it("doubles the delay from the fifth failure, capped at 8 seconds", () => {
    expect(decideThrottle([minutesAgo(1, 2, 3, 4, 5)], now)).toMatchObject({ kind: "allow", delayMs: 1000 });
    expect(decideThrottle([minutesAgo(1, 2, 3, 4, 5, 6, 7)], now)).toMatchObject({ kind: "allow", delayMs: 4000 });
    expect(decideThrottle([minutesAgo(1, 2, 3, 4, 5, 6, 7, 8, 9)], now)).toMatchObject({ kind: "allow", delayMs: 8000 });
  });

  it("refuses from the tenth failure until enough of them leave the 15-minute window", () => {
    const times = minutesAgo(1, 1, 2, 2, 3, 3, 4, 4, 5, 12);
    expect(times).toHaveLength(REFUSE_AFTER_FAILURES);
    // The oldest (12 minutes ago) leaves the window in 3 minutes, dropping the count to 9.
    expect(decideThrottle([[], times], now)).toEqual({ kind: "refuse", retryAfterMinutes: 3, failures: 10 });
  });

  it("lets the busier of the email and IP counts decide", () => {
    expect(decideThrottle([minutesAgo(1), minutesAgo(1, 2, 3, 4, 5, 6)], now)).toMatchObject({ kind: "allow", delayMs: 2000, failures: 6 });
    expect(THROTTLE_WINDOW_MS).toBe(15 * 60_000);
  });
});
