import { describe, expect, it } from "vitest";
import { diffSnapshots, summarizeChanges } from "./revisions";

describe("diffSnapshots", () => {
  it("lists changed leaf fields with paths, keeping name lists whole", () => {
    const before = {
      outlet: "Reuters",
      topics: ["a", "b"],
      turns: [
        { turnId: 1, text: "Q" },
        { turnId: 2, text: "A" },
      ],
      note: null,
    };
    const after = {
      outlet: "Reuters",
      topics: ["a", "c"],
      turns: [
        { turnId: 1, text: "Q" },
        { turnId: 2, text: "A2" },
      ],
      note: "fixed",
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: "topics", before: ["a", "b"], after: ["a", "c"] },
      { field: "turns[1].text", before: "A", after: "A2" },
      { field: "note", before: null, after: "fixed" },
    ]);
  });

  it("finds nothing when nothing changed, and treats missing as null", () => {
    expect(diffSnapshots({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
    expect(diffSnapshots({ a: null }, {})).toEqual([]);
    expect(diffSnapshots({}, { a: "x" })).toEqual([{ field: "a", before: null, after: "x" }]);
  });

  it("summarizes long change lists", () => {
    const changes = Array.from({ length: 8 }, (_, i) => ({ field: `f${i}`, before: 0, after: 1 }));
    expect(summarizeChanges(changes)).toBe("f0, f1, f2, f3, f4, f5 and 2 more changed");
    expect(summarizeChanges([])).toBe("no changes");
  });
});
