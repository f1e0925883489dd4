import { describe, expect, it } from "vitest";
import { formatTimeline, loadSummary, timeline } from "./soak-report";

const start = 1_000_000;

describe("timeline", () => {
  it("puts requests, faults and load samples in 10 s buckets by start time", () => {
    const buckets = timeline(
      [
        { at: start + 1000, path: "/", status: 200, ms: 300 },
        { at: start + 9999, path: "/", status: 503, ms: 12_000 },
        { at: start + 10_000, path: "/", status: 0, ms: 30_000 },
        { at: start + 25_000, path: "/", status: 404, ms: 50 },
        { at: start + 25_000, path: "/", status: 503, ms: 50 },
      ],
      [{ what: "web-1", at: start + 12_000 }],
      [
        { at: start, load1: 4 },
        { at: start + 5000, load1: 6 },
        { at: start + 20_000, load1: 9 },
      ],
      start,
    );
    expect(buckets).toEqual([
      { from: 0, ok: 1, slow: 1, byError: { "503": 1 }, faults: [], loadAverage: 5 },
      { from: 10, ok: 0, slow: 1, byError: { "no answer": 1 }, faults: ["web-1"] },
      { from: 20, ok: 1, slow: 0, byError: { "503": 1 }, faults: [], loadAverage: 9 },
    ]);
    expect(formatTimeline(buckets)[1]).toBe("  +  10s  ok    0  slow   1  errors 1×no answer            load -  << web-1");
  });

  it("has one empty bucket when nothing happened", () => {
    expect(timeline([], [], [], start)).toEqual([{ from: 0, ok: 0, slow: 0, byError: {}, faults: [] }]);
  });
});

describe("loadSummary", () => {
  it("gives min, mean and max to one decimal", () => {
    expect(
      loadSummary([
        { at: 0, load1: 2 },
        { at: 1, load1: 3.55 },
        { at: 2, load1: 12 },
      ]),
    ).toEqual({ min: 2, mean: 5.9, max: 12 });
    expect(loadSummary([])).toBeUndefined();
  });
});
