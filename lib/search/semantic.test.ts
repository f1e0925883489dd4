import { describe, expect, it } from "vitest";
import { fuseSemantic, idFilter, semanticQuery } from "./semantic";

const hits = (ids: string) => ids.split("").map((id) => ({ id }));

describe("fuseSemantic", () => {
  it("keeps the re-ranked order when fusion is off", () => {
    expect(
      fuseSemantic(hits("abcd"), hits("dcba"), 0)
        .map((h) => h.id)
        .join(""),
    ).toBe("abcd");
  });

  it("lifts a candidate the semantic list ranks first above keyword-only ones", () => {
    // d is last by keywords but first by meaning; b is second in both.
    expect(
      fuseSemantic(hits("abcd"), hits("dbx"), 1)
        .map((h) => h.id)
        .join(""),
    ).toBe("bdac");
  });
});

describe("semanticQuery", () => {
  it("asks for nothing when semantic search is off", async () => {
    expect(await semanticQuery("what did the minister say about the flooding", null)).toBeNull();
    // Too short to be a description: no model is even needed.
    expect(await semanticQuery("minister flooding", { source: "rerank", ratio: 1, fusion: 1, minWords: 10, depth: 50 })).toBeNull();
    expect(await semanticQuery("what did the minister say about the flooding", { source: "rerank", ratio: 1, fusion: 0, minWords: 1, depth: 50 })).toBeNull();
  });
});

describe("idFilter", () => {
  it("quotes every id for Meilisearch's filter syntax", () => {
    expect(idFilter(["a1", 'b"2'])).toBe('id IN ["a1", "b\\"2"]');
  });
});
