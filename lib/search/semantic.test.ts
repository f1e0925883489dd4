import { afterEach, describe, expect, it } from "vitest";
import { activateEmbedder, resetEmbedder } from "@/lib/embeddings/runtime";
import type { Embedder } from "@/lib/embeddings/embedder";
import { DEFAULT_SEMANTIC, fuseSemantic, idFilter, semanticQuery } from "./semantic";

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

describe("semanticQuery's free-word threshold", () => {
  afterEach(() => resetEmbedder());
  // A model that maps every text to one unit vector: only the threshold is under test here.
  const model = (minQueryWords?: number, fusion?: number): Embedder => ({
    description: "test",
    id: "test",
    dims: 2,
    minQueryWords,
    fusion,
    embed: async (texts) => texts.map(() => new Float32Array([1, 0])),
  });
  const tenWords = "minister promised publish inspector report bridge collapse river town council";
  const elevenWords = `${tenWords} budget`;

  it("uses the model's own threshold when the options leave it unset", async () => {
    activateEmbedder(model(11));
    expect(await semanticQuery(tenWords, DEFAULT_SEMANTIC)).toBeNull();
    expect((await semanticQuery(elevenWords, DEFAULT_SEMANTIC))?.vector).toEqual([1, 0]);
  });

  it("falls back to 9+ words for a model without one, and an explicit threshold wins over the model's", async () => {
    activateEmbedder(model());
    expect(await semanticQuery(tenWords, DEFAULT_SEMANTIC)).not.toBeNull();
    expect(await semanticQuery("minister promised publish inspector report bridge collapse river", DEFAULT_SEMANTIC)).toBeNull();
    activateEmbedder(model(11));
    expect(await semanticQuery(tenWords, { ...DEFAULT_SEMANTIC!, minWords: 10 })).not.toBeNull();
  });

  it("weighs meaning by the model's own fusion weight unless the options set one, else by the default 0.5", async () => {
    activateEmbedder(model(9, 0.75));
    expect((await semanticQuery(tenWords, DEFAULT_SEMANTIC))?.options.fusion).toBe(0.75);
    expect((await semanticQuery(tenWords, { ...DEFAULT_SEMANTIC!, fusion: 2 }))?.options.fusion).toBe(2);
    expect(await semanticQuery(tenWords, { ...DEFAULT_SEMANTIC!, fusion: 0 })).toBeNull();
    activateEmbedder(model(9));
    expect((await semanticQuery(tenWords, DEFAULT_SEMANTIC))?.options.fusion).toBe(0.5);
    activateEmbedder(model(9, 0));
    expect(await semanticQuery(tenWords, DEFAULT_SEMANTIC)).toBeNull();
  });
});

describe("idFilter", () => {
  it("quotes every id for Meilisearch's filter syntax", () => {
    expect(idFilter(["a1", 'b"2'])).toBe('id IN ["a1", "b\\"2"]');
  });
});
