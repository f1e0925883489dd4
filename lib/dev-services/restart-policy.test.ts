import { describe, expect, it } from "vitest";
import { decideRestart, DEFAULT_RESTART_POLICY } from "./restart-policy";

describe("decideRestart", () => {
  it("restarts at once-ish, then backs off exponentially", () => {
    const now = 1_000_000;
    expect(decideRestart([], now)).toEqual({ restart: true, attempt: 1, delayMs: 500 });
    expect(decideRestart([now - 1000], now)).toEqual({ restart: true, attempt: 2, delayMs: 1000 });
    expect(decideRestart([now - 3000, now - 2000, now - 1000], now)).toEqual({ restart: true, attempt: 4, delayMs: 4000 });
  });

  it("gives up after five restarts within two minutes", () => {
    const now = 1_000_000;
    const five = [1, 2, 3, 4, 5].map((i) => now - i * 1000);
    const decision = decideRestart(five, now);
    expect(decision.restart).toBe(false);
    if (!decision.restart) expect(decision.reason).toBe("it failed 6 times within 120 s");
  });

  it("forgets restarts older than the window", () => {
    const now = 1_000_000;
    const old = [1, 2, 3, 4, 5].map((i) => now - DEFAULT_RESTART_POLICY.windowMs - i * 1000);
    expect(decideRestart(old, now)).toEqual({ restart: true, attempt: 1, delayMs: 500 });
  });

  it("caps the delay", () => {
    const policy = { ...DEFAULT_RESTART_POLICY, maxRestarts: 100 };
    const many = Array.from({ length: 20 }, (_, i) => 1_000_000 - i);
    const decision = decideRestart(many, 1_000_000, policy);
    expect(decision.restart && decision.delayMs).toBe(30_000);
  });
});
