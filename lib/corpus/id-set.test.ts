import { describe, expect, it } from "vitest";
import { SeenIds } from "./id-set";

describe("SeenIds", () => {
  it("says where a repeated id was first seen, and nothing for new ids", () => {
    const seen = new SeenIds();
    expect(seen.add("wh-1", "a.jsonl", 1)).toBeNull();
    expect(seen.add("wh-2", "a.jsonl", 2)).toBeNull();
    expect(seen.add("wh-1", "b.jsonl", 9)).toBe("a.jsonl:1");
    expect(seen.add("中文-3", "b.jsonl", 10)).toBeNull();
    expect(seen.add("中文-3", "b.jsonl", 11)).toBe("b.jsonl:10");
    expect(seen.size).toBe(3);
  });

  it("keeps every id across growth, with no false repeats among 200,000 similar ids", () => {
    const seen = new SeenIds();
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (seen.add(`syn-s7-c${String(i >> 5).padStart(7, "0")}-${String(i & 31).padStart(3, "0")}`, "f", i + 1)) repeats++;
    expect(repeats).toBe(0);
    expect(seen.size).toBe(200_000);
    expect(seen.add("syn-s7-c0000100-007", "g", 1)).toBe(`f:${100 * 32 + 7 + 1}`);
  });
});
