import { describe, expect, it } from "vitest";
import type { ReadinessReport } from "./readiness";
import { answerFromVerdict, nextVerdict, type ReadinessVerdict } from "./readiness-watch";

const report = (ready: boolean): ReadinessReport => ({
  ready,
  checks: {
    postgres: ready ? { ok: true } : { ok: false, error: "no answer within 3000 ms" },
    search: { ok: true },
    indexSettings: { ok: true, index: "qa" },
    outbox: { ok: true, pending: 0, lagSeconds: 0 },
  },
});

describe("nextVerdict", () => {
  it("is never ready before a first good check", () => {
    expect(nextVerdict(undefined, report(false), 1000).ready).toBe(false);
    expect(nextVerdict(nextVerdict(undefined, report(false), 1000), report(false), 2000).ready).toBe(false);
    expect(nextVerdict(undefined, report(true), 1000)).toEqual({ ready: true, report: report(true), failedInARow: 0, checkedAt: 1000 });
  });

  it("forgives one failed check of a ready instance, not two in a row", () => {
    const good = nextVerdict(undefined, report(true), 1000);
    const once = nextVerdict(good, report(false), 2000);
    expect(once).toMatchObject({ ready: true, failedInARow: 1, checkedAt: 2000 });
    const twice = nextVerdict(once, report(false), 3000);
    expect(twice).toMatchObject({ ready: false, failedInARow: 2 });
    // A good check in between resets the count.
    expect(nextVerdict(nextVerdict(once, report(true), 2500), report(false), 3000).ready).toBe(true);
  });

  it("is ready again on the first good check after failing", () => {
    const down = nextVerdict(nextVerdict(nextVerdict(undefined, report(true), 0), report(false), 1), report(false), 2);
    expect(down.ready).toBe(false);
    expect(nextVerdict(down, report(true), 3)).toMatchObject({ ready: true, failedInARow: 0 });
  });

  it("with failuresBeforeUnready 1 the first failure counts", () => {
    expect(nextVerdict(nextVerdict(undefined, report(true), 0), report(false), 1, 1).ready).toBe(false);
  });
});

describe("answerFromVerdict", () => {
  const verdict: ReadinessVerdict = { ready: true, report: report(true), failedInARow: 0, checkedAt: 10_000 };

  it("answers the verdict with its age", () => {
    expect(answerFromVerdict(verdict, 10_400)).toEqual({ ...report(true), ageMs: 400 });
  });

  it("is not ready once the verdict is older than the bound (the refresh stopped)", () => {
    const answer = answerFromVerdict(verdict, 21_000, 10_000);
    expect(answer.ready).toBe(false);
    expect(answer.note).toBe("readiness not refreshed for 11 s");
    expect(answerFromVerdict(verdict, 20_000, 10_000).ready).toBe(true);
  });

  it("says when a failed check is being forgiven", () => {
    const forgiven = nextVerdict(verdict, report(false), 11_000);
    const answer = answerFromVerdict(forgiven, 11_100);
    expect(answer.ready).toBe(true);
    expect(answer.checks.postgres.ok).toBe(false);
    expect(answer.note).toMatch(/failed 1 time/);
  });
});
