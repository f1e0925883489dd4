import { describe, expect, it } from "vitest";
import { cosine } from "./embed";
import { questionForEmbedding } from "./embedder";
import { loadSentenceEncoder, mostlyHan, packagedEncoderPath } from "./sentence-encoder";

// The packaged encoder itself (28 MB of weights from node_modules, loaded in ~2 s): offline,
// 512 unit vectors, paraphrases closer than unrelated questions, Chinese left out.

describe("packaged sentence encoder", () => {
  it("loads from local files without any network request and embeds paraphrases close together", async () => {
    const realFetch = globalThis.fetch;
    const asked: string[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      throw new Error("no network in this test");
    }) as typeof fetch;
    try {
      const encoder = await loadSentenceEncoder(packagedEncoderPath());
      expect(encoder.dims).toBe(512);
      const [bridge, paraphrase, tariffs, chinese] = await encoder.embed([
        "Will the government publish the inspector's report on the bridge collapse?",
        "did they promise to release what the safety investigator found about the bridge that fell",
        "What is the administration doing about steel tariffs on imports from Canada?",
        "外交部发言人就美国关税问题答记者问",
      ]);
      expect(chinese).toBeNull();
      let norm = 0;
      for (const v of bridge!) norm += v * v;
      expect(norm).toBeCloseTo(1, 4);
      expect(cosine(bridge!, paraphrase!)).toBeGreaterThan(cosine(bridge!, tariffs!) + 0.2);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(asked).toEqual([]);
  }, 60_000);
});

describe("text choices", () => {
  it("treats text as Chinese only when Han characters dominate", () => {
    expect(mostlyHan("外交部发言人")).toBe(true);
    expect(mostlyHan("What did the spokesperson 华春莹 say about Hong Kong")).toBe(false);
    expect(mostlyHan("")).toBe(false);
  });

  it("embeds a question's first 40 words", () => {
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    expect(questionForEmbedding(long).split(" ")).toHaveLength(40);
    expect(questionForEmbedding("  short question  ")).toBe("short question");
  });
});
