import { describe, expect, it } from "vitest";
import { indexedVector } from "./documents";

describe("a vector as a document carries it to Meilisearch", () => {
  it("keeps 6 decimals of each float32 component and opts a missing vector out with null", () => {
    const vector = Float32Array.from([0.123456789, -0.0000004, -0.5, 1 / 3]);
    expect(indexedVector(vector)).toEqual([0.123457, -0, -0.5, 0.333333]);
    expect(JSON.stringify(indexedVector(vector))).toBe("[0.123457,0,-0.5,0.333333]");
    expect(indexedVector(null)).toBeNull();
  });

  it("stays within 5e-7 of every component", () => {
    const vector = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i) / 16);
    const sent = indexedVector(vector)!;
    expect(sent).toHaveLength(512);
    for (let i = 0; i < 512; i++) expect(Math.abs(sent[i] - vector[i])).toBeLessThanOrEqual(5e-7 + 1e-12);
  });
});
