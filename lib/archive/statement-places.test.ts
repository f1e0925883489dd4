import { describe, expect, it } from "vitest";
import { statementPlaces, statementsByPlace } from "./statement-places";

describe("statementPlaces", () => {
  it("keeps openings first, interludes between their pairs and closings last", () => {
    expect(statementPlaces([0, 500, 900], [100, 300, 600])).toEqual([0, 2, 3]);
  });

  it("counts a statement without an offset as opening, and a pair without one as starting with the pair before", () => {
    expect(statementPlaces([null, 350], [100, null, 400])).toEqual([0, 2]);
  });
});

describe("statementsByPlace", () => {
  it("groups statements before their pair, clamping places past the last pair to the closing group", () => {
    const s = (text: string, beforePair?: number) => ({ text, beforePair });
    expect(statementsByPlace([s("open"), s("mid", 1), s("close", 2), s("late", 9)], 2).map((g) => g.map((x) => x.text))).toEqual([["open"], ["mid"], ["close", "late"]]);
  });
});
